#pragma once

#include "ui/dashboard/userprompts.h"

#include <QStringList>

// Answers the pages' questions without a modal dialog, and remembers what was asked.
class ScriptedPrompts : public UserPrompts
{
public:
    bool confirmAnswer = true;
    QString fileAnswer; // empty: the user cancels
    QStringList asked; // the texts of the questions, in order

    bool confirm(QWidget *, const QString &, const QString &text, const QString &) override
    {
        asked << text;
        return confirmAnswer;
    }
    QString saveFileName(QWidget *, const QString &title, const QString &, const QString &) override
    {
        asked << title;
        return fileAnswer;
    }
};
