#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QWidget;

// An action of a page (Refresh, Stop, Clone, …): named for tests, its shortcut in its tooltip, and active
// only while focus is inside owner, so pages can use the same keys for their own things. owner gets the
// action (addAction), which makes the shortcut work there.
QAction *newPageAction(
    QWidget *owner, const QString &objectName, const QString &text, const QKeySequence &shortcut);
