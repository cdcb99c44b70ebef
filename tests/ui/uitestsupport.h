#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

class QWidget;

// Renders widget (resized to size when given) into $SAGEDESK_BINARY_DIR/screenshots/<name>.png, so a person
// can look at what the test drove; returns the file's path, empty when it could not be written.
QString saveScreenshot(QWidget *widget, const QString &name, QSize size = QSize());

// Shows window, focuses first and presses Tab count times, recording the object name of each focused widget
// (first included): the keyboard-only path through the widget.
QStringList tabChain(QWidget *window, QWidget *first, int count);

// The child named name, with a warning naming it when it is missing (the test then fails on the null).
template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}
