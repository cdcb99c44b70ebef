#include "ui/forms/formwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

namespace FormWidgets {

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QComboBox *recentCombo(const QString &objectName, const QString &placeholder)
{
    auto *combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(30);
    combo->lineEdit()->setPlaceholderText(placeholder);
    combo->lineEdit()->setClearButtonEnabled(true);
    return combo;
}

QCheckBox *checkBox(const QString &objectName, const QString &text, const QString &toolTip)
{
    auto *check = new QCheckBox(text);
    check->setObjectName(objectName);
    check->setToolTip(toolTip);
    return check;
}

void fillRecent(QComboBox *combo, const QStringList &values)
{
    const QSignalBlocker blocker(combo);
    const QString text = combo->currentText();
    combo->clear();
    combo->addItems(values);
    combo->setEditText(text);
}

} // namespace FormWidgets
