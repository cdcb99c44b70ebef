#pragma once

#include <QString>

class QWidget;

// The questions the dashboard and the Models page ask before acting: confirm a destructive action, pick a
// file to save to. Pages ask through this interface so tests can answer without a modal dialog (a subclass
// that says yes, or no, and names a file in a temporary folder).
class UserPrompts
{
public:
    virtual ~UserPrompts() = default;

    // true when the user chose acceptText; the default button is the cancelling one.
    virtual bool confirm(
        QWidget *parent, const QString &title, const QString &text, const QString &acceptText);
    // The chosen path, empty when cancelled. suggested is a file name or a path.
    virtual QString saveFileName(
        QWidget *parent, const QString &title, const QString &suggested, const QString &filter);

    // Modal dialogs; lives as long as the program.
    static UserPrompts *dialogs();
};
