#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"
#include "core/store/draft.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

class LocalStore;
class QWidget;

// What a create form reads and writes outside itself: JSON files (import, export), templates and drafts
// in the local store, and the small dialogs that ask for a file or a name. Messages are rich text for the
// form's message bar. A null store means none is open: lists are empty and saves say so.
namespace CreateFormFiles {

DocumentKind documentKind(SpecKind kind);

// The notes of a describe-to-create conversion for the message bar: a line each, "<b>path</b>: message".
QString notesHtml(const Diagnostics &notes);

struct Imported
{
    bool ok = false;
    SpecKind kind = SpecKind::TrainingJob;
    QJsonObject request;
    QString message; // what happened, or why not (with line and column for a parse error)
};
Imported importFile(const QString &fileName, SpecKind fallbackKind);

struct Outcome
{
    bool ok = false;
    QString message;
};
// errorCount: the document's validation errors, mentioned because the AWS CLI would refuse the file.
Outcome exportFile(const QString &fileName, const QJsonObject &document, SpecKind kind, int errorCount);

// File dialogs starting in the folder used last; empty when cancelled.
QString askImportFile(QWidget *parent);
QString askExportFile(QWidget *parent, const QString &name, SpecKind kind);

Outcome saveTemplate(
    LocalStore *store, SpecKind kind, const QString &name, const QJsonObject &document, bool replace);
std::optional<QJsonObject> loadTemplate(LocalStore *store, SpecKind kind, const QString &name);
QStringList templateNames(LocalStore *store, SpecKind kind);
// Asks for a template name, and whether to replace a template of that name; nothing when cancelled.
std::optional<std::pair<QString, bool>> askTemplateName(QWidget *parent, LocalStore *store, SpecKind kind);
// Asks which template to start from; empty when cancelled.
QString askTemplate(QWidget *parent, const QStringList &names);

QList<Draft> unsentDrafts(LocalStore *store, SpecKind kind, QString *error);
// A draft read back: its document and, for a clone, the request it started from.
struct LoadedDraft
{
    QJsonObject document;
    std::optional<QJsonObject> original;
    QString originalName;
};
std::optional<LoadedDraft> loadDraft(LocalStore *store, const QString &id, QString *error);
void discardDraft(LocalStore *store, const QString &id);

} // namespace CreateFormFiles
