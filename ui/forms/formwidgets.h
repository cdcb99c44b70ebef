#pragma once

#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;

// The plain input widgets of the create forms, made the same way everywhere.
namespace FormWidgets {

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder);
// An editable combo box whose list holds recently used values (fillRecent).
QComboBox *recentCombo(const QString &objectName, const QString &placeholder);
QCheckBox *checkBox(const QString &objectName, const QString &text, const QString &toolTip);
// Replaces the list of a recentCombo() without touching what the user typed.
void fillRecent(QComboBox *combo, const QStringList &values);

} // namespace FormWidgets
