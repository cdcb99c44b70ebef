#include "core/store/draftstore.h"
#include "core/store/localstore.h"
#include "tests/store/temporarystore.h"

#include <QProcess>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString KilledDraftId = u"killed-draft"_s;
const QString KilledDraftLastText = u"{\n  \"TrainingJobName\": \"second edit\"\n}"_s;

Draft draft(const QString &id, DocumentKind kind, const QString &title, const QString &document)
{
    Draft result;
    result.id = id;
    result.kind = kind;
    result.title = title;
    result.document = document;
    return result;
}

// Run in a child process: autosave twice, then die the hard way, with no close, flush or destructor.
[[noreturn]] void saveDraftAndDie(const QString &path)
{
    LocalStore store(path);
    if (!store.open())
        std::exit(2);
    DraftStore drafts(store);
    if (!drafts.save(draft(KilledDraftId, DocumentKind::TrainingJob, u"first"_s, u"{}"_s))
        || !drafts.save(
            draft(KilledDraftId, DocumentKind::TrainingJob, u"second edit"_s, KilledDraftLastText)))
        std::exit(3);
    std::raise(SIGKILL);
    std::exit(4);
}

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private slots:
    void documentTextIsKeptExactly_data();
    void documentTextIsKeptExactly();
    void createdIsKeptAndUpdatedAdvances();
    void unchangedSaveWritesNothing_data();
    void unchangedSaveWritesNothing();
    void cloneOriginIsKept();
    void unsentAreNewestFirstAndFilteredByKind();
    void submittedDraftsAreNotOffered();
    void removeDeletesOnlyThatDraft();
    void draftWithoutIdIsRejected();
    void lastAutosaveSurvivesReopenWithoutFlush();
    void lastAutosaveSurvivesKilledProcess();
};

void TestDraftStore::documentTextIsKeptExactly_data()
{
    QTest::addColumn<QString>("document");
    QTest::newRow("pretty, 4-space indent")
        << u"{\n    \"TrainingJobName\": \"a\",\n    \"HyperParameters\": {\"epochs\": \"10\"}\n}\n"_s;
    QTest::newRow("compact") << u"{\"TrainingJobName\":\"a\",\"Tags\":[]}"_s;
    QTest::newRow("CRLF and trailing spaces") << u"{ \r\n  \"A\" : 1   \r\n}  "_s;
    QTest::newRow("non-ASCII") << u"{\"Description\": \"Größe ✓ 日本 \\u00e9 😀\"}"_s;
    QTest::newRow("not JSON at all: half-typed") << u"{\"TrainingJobName\": \"ab"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("large (300 KB)") << (u"{\"X\": \""_s + QString(300'000, u'q') + u"\"}"_s);
}

void TestDraftStore::documentTextIsKeptExactly()
{
    QFETCH(QString, document);
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    QVERIFY(drafts.save(draft(u"d"_s, DocumentKind::Model, u"model-a"_s, document)).ok());
    QVERIFY(temp.reopen().ok());
    auto loaded = DraftStore(temp.store()).load(u"d"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->document, document);
    QCOMPARE((*loaded)->kind, DocumentKind::Model);
    QCOMPARE((*loaded)->title, u"model-a"_s);
}

void TestDraftStore::createdIsKeptAndUpdatedAdvances()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    const QDateTime t0 = temp.clock().now();
    QVERIFY(drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, u"j"_s, u"{}"_s)).ok());
    temp.clock().advance(std::chrono::minutes(5));
    QVERIFY(*drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, u"j"_s, u"{\"A\":1}"_s)));
    const Draft stored = drafts.load(u"d"_s)->value();
    QCOMPARE(stored.created, t0);
    QCOMPARE(stored.updated, t0.addSecs(300));
    QCOMPARE(stored.state, Draft::State::Unsent);
}

void TestDraftStore::unchangedSaveWritesNothing_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("document");
    QTest::addColumn<bool>("written");
    QTest::newRow("same title and text") << u"job"_s << u"{ \"A\": 1 }"_s << false;
    QTest::newRow("text differs in whitespace only") << u"job"_s << u"{ \"A\":1 }"_s << true;
    QTest::newRow("title differs") << u"job-2"_s << u"{ \"A\": 1 }"_s << true;
}

void TestDraftStore::unchangedSaveWritesNothing()
{
    QFETCH(QString, title);
    QFETCH(QString, document);
    QFETCH(bool, written);
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    auto first = drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, u"job"_s, u"{ \"A\": 1 }"_s));
    QVERIFY(first.ok() && *first);
    const QDateTime firstSaved = temp.clock().now();
    temp.clock().advance(std::chrono::seconds(2));

    auto second = drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, title, document));
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(*second, written);
    QCOMPARE(drafts.load(u"d"_s)->value().updated, written ? temp.clock().now() : firstSaved);
}

void TestDraftStore::cloneOriginIsKept()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    Draft clone = draft(u"c"_s, DocumentKind::TrainingJob, u"job-2"_s, u"{\"TrainingJobName\":\"job-2\"}"_s);
    clone.original = u"{\"TrainingJobName\":\"job\"}"_s;
    clone.originalName = u"job"_s;
    QVERIFY(*DraftStore(temp.store()).save(clone));
    // Only the origin changing is a change too.
    temp.clock().advance(std::chrono::seconds(2));
    clone.original = u"{\"TrainingJobName\":\"job\",\"A\":1}"_s;
    QVERIFY(*DraftStore(temp.store()).save(clone));

    QVERIFY(temp.reopen().ok());
    const Draft loaded = DraftStore(temp.store()).load(u"c"_s)->value();
    QCOMPARE(loaded.original, clone.original);
    QCOMPARE(loaded.originalName, u"job"_s);
    QCOMPARE(loaded.updated, temp.clock().now());
    // A draft that is not a clone has none.
    QVERIFY(DraftStore(temp.store()).save(draft(u"n"_s, DocumentKind::Model, u"m"_s, u"{}"_s)).ok());
    QVERIFY(DraftStore(temp.store()).load(u"n"_s)->value().original.isEmpty());
}

void TestDraftStore::unsentAreNewestFirstAndFilteredByKind()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    const QList<std::pair<QString, DocumentKind>> saves { { u"job-old"_s, DocumentKind::TrainingJob },
        { u"model"_s, DocumentKind::Model }, { u"job-new"_s, DocumentKind::TrainingJob } };
    for (const auto &[id, kind] : saves) {
        QVERIFY(drafts.save(draft(id, kind, id, u"{}"_s)).ok());
        temp.clock().advance(std::chrono::seconds(1));
    }
    // Editing the oldest makes it the newest.
    QVERIFY(drafts.save(draft(u"job-old"_s, DocumentKind::TrainingJob, u"job-old"_s, u"{\"A\":1}"_s)).ok());

    const auto ids = [](const QList<Draft> &list) {
        QStringList result;
        for (const Draft &d : list)
            result << d.id;
        return result;
    };
    QCOMPARE(ids(*drafts.unsent()), (QStringList { u"job-old"_s, u"job-new"_s, u"model"_s }));
    QCOMPARE(ids(*drafts.unsent(DocumentKind::TrainingJob)), (QStringList { u"job-old"_s, u"job-new"_s }));
    QCOMPARE(ids(*drafts.unsent(DocumentKind::Model)), QStringList { u"model"_s });
}

void TestDraftStore::submittedDraftsAreNotOffered()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    QVERIFY(drafts.save(draft(u"a"_s, DocumentKind::TrainingJob, u"a"_s, u"{}"_s)).ok());
    QVERIFY(drafts.save(draft(u"b"_s, DocumentKind::TrainingJob, u"b"_s, u"{}"_s)).ok());
    QCOMPARE(drafts.markSubmitted(u"a"_s).valueOr(false), true);
    QCOMPARE(drafts.markSubmitted(u"no-such-draft"_s).valueOr(true), false);

    QCOMPARE(drafts.unsent()->size(), 1);
    QCOMPARE(drafts.unsent()->constFirst().id, u"b"_s);
    QCOMPARE(drafts.load(u"a"_s)->value().state, Draft::State::Submitted);
}

void TestDraftStore::removeDeletesOnlyThatDraft()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    QVERIFY(drafts.save(draft(u"a"_s, DocumentKind::TrainingJob, u"a"_s, u"{}"_s)).ok());
    QVERIFY(drafts.save(draft(u"b"_s, DocumentKind::Model, u"b"_s, u"{}"_s)).ok());
    QCOMPARE(drafts.remove(u"a"_s).valueOr(false), true);
    QCOMPARE(drafts.remove(u"a"_s).valueOr(true), false);
    QVERIFY(!drafts.load(u"a"_s)->has_value());
    QVERIFY(drafts.load(u"b"_s)->has_value());
}

void TestDraftStore::draftWithoutIdIsRejected()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    DraftStore drafts(temp.store());
    auto saved = drafts.save(draft(QString(), DocumentKind::TrainingJob, u"a"_s, u"{}"_s));
    QVERIFY(!saved.ok());
    QVERIFY(!saved.error().isEmpty());
    QVERIFY(DraftStore::newId() != DraftStore::newId());
}

void TestDraftStore::lastAutosaveSurvivesReopenWithoutFlush()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    {
        DraftStore drafts(temp.store());
        QVERIFY(drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, u"j"_s, u"{\"v\": 1}"_s)).ok());
        QVERIFY(drafts.save(draft(u"d"_s, DocumentKind::TrainingJob, u"j"_s, u"{\"v\": 2}"_s)).ok());
    }
    QVERIFY(temp.reopen().ok());
    auto unsent = DraftStore(temp.store()).unsent();
    QVERIFY(unsent.ok());
    QCOMPARE(unsent->size(), 1);
    QCOMPARE(unsent->constFirst().document, u"{\"v\": 2}"_s);
}

void TestDraftStore::lastAutosaveSurvivesKilledProcess()
{
    TemporaryStore temp;
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), { u"--save-draft-and-die"_s, temp.path() });
    QVERIFY(child.waitForFinished(30'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(QFile::exists(temp.path() + u"-wal"_s)); // killed before SQLite could fold the log back in

    QVERIFY(temp.open().ok());
    QVERIFY(temp.store().recoveryMessage().isEmpty());
    auto unsent = DraftStore(temp.store()).unsent();
    QVERIFY(unsent.ok());
    QCOMPARE(unsent->size(), 1);
    QCOMPARE(unsent->constFirst().id, KilledDraftId);
    QCOMPARE(unsent->constFirst().title, u"second edit"_s);
    QCOMPARE(unsent->constFirst().document, KilledDraftLastText);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--save-draft-and-die") == 0)
        saveDraftAndDie(QString::fromLocal8Bit(argv[2]));
    TestDraftStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draftstore.moc"
