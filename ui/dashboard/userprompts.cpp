#include "ui/dashboard/userprompts.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

bool UserPrompts::confirm(
    QWidget *parent, const QString &title, const QString &text, const QString &acceptText)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

QString UserPrompts::saveFileName(
    QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

UserPrompts *UserPrompts::dialogs()
{
    static UserPrompts prompts;
    return &prompts;
}
