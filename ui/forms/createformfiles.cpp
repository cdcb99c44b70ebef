#include "ui/forms/createformfiles.h"

#include "core/api/specjson.h"
#include "core/store/draftstore.h"
#include "core/store/localstore.h"
#include "core/store/templatestore.h"
#include "ui/forms/specimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace CreateFormFiles {

namespace {

constexpr auto lastDirectoryKey = "forms/lastDirectory"_L1;

QString tr(const char *text)
{
    return QCoreApplication::translate("CreateFormFiles", text);
}

QString lastDirectory()
{
    return QSettings().value(lastDirectoryKey, QDir::homePath()).toString();
}

void rememberDirectory(const QString &fileName)
{
    QSettings().setValue(lastDirectoryKey, QFileInfo(fileName).absolutePath());
}

QString noStore()
{
    return tr("No local store is open, so templates and drafts are not available.");
}

} // namespace

DocumentKind documentKind(SpecKind kind)
{
    return kind == SpecKind::Model ? DocumentKind::Model : DocumentKind::TrainingJob;
}

QString notesHtml(const Diagnostics &notes)
{
    QString html;
    for (const Diagnostic &note : notes)
        html += note.path.isEmpty()
            ? u"<br>"_s + note.message.toHtmlEscaped()
            : u"<br><b>%1</b>: %2"_s.arg(note.path.toHtmlEscaped(), note.message.toHtmlEscaped());
    return html;
}

Imported importFile(const QString &fileName, SpecKind fallbackKind)
{
    const SpecImport::Result result = SpecImport::fromFile(fileName, fallbackKind);
    Imported imported;
    imported.ok = result.ok;
    imported.kind = result.kind;
    imported.request = result.request;
    if (!result.ok) {
        imported.message = u"<b>%1</b><br>%2"_s.arg(
            tr("Nothing was imported; the form is as it was.").toHtmlEscaped(), result.error.toHtmlEscaped());
        return imported;
    }
    const QString name = QFileInfo(fileName).fileName().toHtmlEscaped();
    imported.message = result.converted
        ? tr("Imported %1, a describe output, converted to its create request.").arg(name)
        : tr("Imported %1.").arg(name);
    imported.message += notesHtml(result.notes);
    return imported;
}

Outcome exportFile(const QString &fileName, const QJsonObject &document, SpecKind kind, int errorCount)
{
    QString error;
    if (!SpecJson::save(fileName, document, kind, &error))
        return { false,
            tr("Could not export to %1: %2").arg(fileName.toHtmlEscaped(), error.toHtmlEscaped()) };
    QString message = tr("Exported to %1.").arg(QDir::toNativeSeparators(fileName).toHtmlEscaped());
    if (errorCount > 0)
        message += u" "_s + tr("It still has errors, which SageMaker would refuse.");
    return { true, message };
}

QString askImportFile(QWidget *parent)
{
    const QString fileName = QFileDialog::getOpenFileName(
        parent, tr("Import JSON"), lastDirectory(), tr("JSON files (*.json);;All files (*)"));
    if (!fileName.isEmpty())
        rememberDirectory(fileName);
    return fileName;
}

QString askExportFile(QWidget *parent, const QString &name, SpecKind kind)
{
    const QString base = name.isEmpty() ? SpecKinds::cliName(kind) : name;
    const QString fileName = QFileDialog::getSaveFileName(parent, tr("Export JSON"),
        QDir(lastDirectory()).filePath(base + u".json"_s), tr("JSON files (*.json);;All files (*)"));
    if (!fileName.isEmpty())
        rememberDirectory(fileName);
    return fileName;
}

Outcome saveTemplate(
    LocalStore *store, SpecKind kind, const QString &name, const QJsonObject &document, bool replace)
{
    if (!store)
        return { false, noStore() };
    const StoreResult<> saved = TemplateStore(*store).save(documentKind(kind), name,
        QString::fromUtf8(SpecJson::write(document, kind)),
        replace ? TemplateStore::IfExists::Replace : TemplateStore::IfExists::Fail);
    if (!saved)
        return { false, saved.error().toHtmlEscaped() };
    return { true, tr("Saved as the template %1.").arg(name.trimmed().toHtmlEscaped()) };
}

std::optional<QJsonObject> loadTemplate(LocalStore *store, SpecKind kind, const QString &name)
{
    if (!store)
        return std::nullopt;
    const StoreResult<std::optional<Template>> loaded = TemplateStore(*store).load(documentKind(kind), name);
    if (!loaded || !loaded.value())
        return std::nullopt;
    const SpecJson::ParseResult parsed = SpecJson::parse(loaded.value()->document.toUtf8());
    return parsed.ok ? std::optional(parsed.document) : std::nullopt;
}

QStringList templateNames(LocalStore *store, SpecKind kind)
{
    QStringList names;
    if (!store)
        return names;
    for (const Template &t : TemplateStore(*store).list(documentKind(kind)).valueOr({}))
        names << t.name;
    return names;
}

std::optional<std::pair<QString, bool>> askTemplateName(QWidget *parent, LocalStore *store, SpecKind kind)
{
    bool ok = false;
    const QString name = QInputDialog::getText(parent, tr("Save as template"),
        tr("Template name, e.g. \"Team VPC and role\". Everything but the name is kept:"), QLineEdit::Normal,
        QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return std::nullopt;
    const bool exists = TemplateStore(*store).exists(documentKind(kind), name).valueOr(false);
    if (!exists)
        return std::pair { name, false };
    const auto answer = QMessageBox::question(parent, tr("Replace template"),
        tr("A template named \"%1\" exists. Replace it?").arg(name), QMessageBox::Yes | QMessageBox::No,
        QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return std::nullopt;
    return std::pair { name, true };
}

QString askTemplate(QWidget *parent, const QStringList &names)
{
    bool ok = false;
    const QString name = QInputDialog::getItem(
        parent, tr("New from template"), tr("Start from the template:"), names, 0, false, &ok);
    return ok ? name : QString();
}

QList<Draft> unsentDrafts(LocalStore *store, SpecKind kind, QString *error)
{
    if (!store || !store->isOpen())
        return {};
    const StoreResult<QList<Draft>> drafts = DraftStore(*store).unsent(documentKind(kind));
    if (!drafts) {
        *error = drafts.error();
        return {};
    }
    return drafts.value();
}

std::optional<LoadedDraft> loadDraft(LocalStore *store, const QString &id, QString *error)
{
    if (!store) {
        *error = noStore();
        return std::nullopt;
    }
    const StoreResult<std::optional<Draft>> loaded = DraftStore(*store).load(id);
    if (!loaded) {
        *error = loaded.error();
        return std::nullopt;
    }
    if (!loaded.value()) {
        *error = tr("That draft is gone.");
        return std::nullopt;
    }
    const Draft &draft = *loaded.value();
    const SpecJson::ParseResult parsed = SpecJson::parse(draft.document.toUtf8());
    if (!parsed.ok) {
        *error = tr("The draft is damaged: line %1, column %2: %3")
                     .arg(parsed.line)
                     .arg(parsed.column)
                     .arg(parsed.error);
        return std::nullopt;
    }
    LoadedDraft result { parsed.document, std::nullopt, QString() };
    // The form wrote the original itself; should it not parse, the review just lists no changes.
    if (!draft.original.isEmpty()) {
        if (const SpecJson::ParseResult original = SpecJson::parse(draft.original.toUtf8()); original.ok) {
            result.original = original.document;
            result.originalName = draft.originalName;
        }
    }
    return result;
}

void discardDraft(LocalStore *store, const QString &id)
{
    if (store)
        (void)DraftStore(*store).remove(id);
}

} // namespace CreateFormFiles
