#include "ui/dashboard/pageaction.h"

#include <QAction>
#include <QWidget>

using namespace Qt::StringLiterals;

QAction *newPageAction(
    QWidget *owner, const QString &objectName, const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    const QString plain = QString(text).remove(u'&').remove(u'…');
    action->setToolTip(
        shortcut.isEmpty() ? plain : u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
    owner->addAction(action);
    return action;
}
