#pragma once

#include "core/store/documentkind.h"

#include <QDialog>
#include <QStringList>

class LocalStore;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class UserPrompts;

// "Manage templates…": the saved templates of one kind at a time (the chooser switches between training
// jobs and models), sorted by name, each with when it was last saved. Rename edits the name in place (F2);
// Delete (Del) asks first. Every change goes to the TemplateStore at once, so the dialog only closes.
//
// Children: "templateKind", "templateList", "noTemplates", "renameTemplate", "deleteTemplate",
// "templateMessage".
class ManageTemplatesDialog : public QDialog
{
    Q_OBJECT

public:
    // store must outlive the dialog.
    ManageTemplatesDialog(LocalStore &store, DocumentKind kind, QWidget *parent = nullptr);

    // Who asks before a delete; modal dialogs by default. Must outlive the dialog.
    void setPrompts(UserPrompts *prompts);

    DocumentKind kind() const { return m_kind; }
    void setKind(DocumentKind kind);
    // The listed names, in order.
    QStringList names() const;
    // The selected template's name, empty when none is.
    QString currentName() const;
    void setCurrentName(const QString &name);

public slots:
    // False (with the store's reason shown) when it refused, e.g. the new name is taken.
    bool renameTemplate(const QString &from, const QString &to);
    // Asks first; false when the user said no or the store refused.
    bool deleteTemplate(const QString &name);

signals:
    void templatesChanged();

private:
    void reload();
    void onItemChanged(QListWidgetItem *item);
    void showError(const QString &message);
    void updateButtons();

    LocalStore &m_store;
    DocumentKind m_kind;
    UserPrompts *m_prompts;
    QComboBox *m_kindChooser;
    QListWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QLabel *m_message;
    bool m_reloading = false;
};
