#include "uitestsupport.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QWidget>

QString saveScreenshot(QWidget *widget, const QString &name, QSize size)
{
    if (size.isValid())
        widget->resize(size);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget->window()))
        return {};
    QApplication::processEvents();
    const QDir dir(
        qEnvironmentVariable("SAGEDESK_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots"));
    if (!dir.mkpath(QStringLiteral(".")))
        return {};
    const QString path = dir.filePath(name + QStringLiteral(".png"));
    return widget->grab().save(path) ? path : QString();
}

QStringList tabChain(QWidget *window, QWidget *first, int count)
{
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return { QStringLiteral("<window not active>") };
    first->setFocus(Qt::TabFocusReason);
    QStringList names;
    for (int i = 0; i <= count; ++i) {
        QWidget *focused = QApplication::focusWidget();
        names << (focused ? focused->objectName() : QStringLiteral("<none>"));
        if (i < count && focused)
            QTest::keyClick(focused, Qt::Key_Tab);
    }
    return names;
}
