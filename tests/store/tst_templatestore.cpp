#include "core/store/templatestore.h"
#include "tests/store/temporarystore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList names(const QList<Template> &templates)
{
    QStringList result;
    for (const Template &t : templates)
        result << t.name;
    return result;
}

} // namespace

class TestTemplateStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void savedTemplateLoadsAsSaved();
    void listIsSortedIgnoringCaseAndPerKind();
    void nameMustBeUnique_data();
    void nameMustBeUnique();
    void replaceOverwritesAndKeepsCreated();
    void rename_data();
    void rename();
    void removeDeletesOnlyThatKind();
    void blankNameIsRejected();

private:
    std::unique_ptr<TemporaryStore> m_temp;
    std::unique_ptr<TemplateStore> m_templates;
};

void TestTemplateStore::init()
{
    m_temp = std::make_unique<TemporaryStore>();
    QVERIFY(m_temp->open().ok());
    m_templates = std::make_unique<TemplateStore>(m_temp->store());
}

void TestTemplateStore::cleanup()
{
    m_templates.reset();
    m_temp.reset();
}

void TestTemplateStore::savedTemplateLoadsAsSaved()
{
    const QString document = u"{\n  \"VpcConfig\": {\"SecurityGroupIds\": [\"sg-1\"]}\n}"_s;
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"Team VPC"_s, document).ok());
    QVERIFY(m_temp->reopen().ok());
    TemplateStore reopened(m_temp->store());
    auto loaded = reopened.load(DocumentKind::TrainingJob, u"team vpc"_s);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->name, u"Team VPC"_s);
    QCOMPARE((*loaded)->document, document);
    QCOMPARE((*loaded)->created, m_temp->clock().now());
    QVERIFY(!reopened.load(DocumentKind::Model, u"Team VPC"_s)->has_value());
}

void TestTemplateStore::listIsSortedIgnoringCaseAndPerKind()
{
    for (const QString &name : { u"beta"_s, u"Alpha"_s, u"gamma"_s })
        QVERIFY(m_templates->save(DocumentKind::TrainingJob, name, u"{}"_s).ok());
    QVERIFY(m_templates->save(DocumentKind::Model, u"model only"_s, u"{}"_s).ok());
    QCOMPARE(names(*m_templates->list(DocumentKind::TrainingJob)),
        (QStringList { u"Alpha"_s, u"beta"_s, u"gamma"_s }));
    QCOMPARE(names(*m_templates->list(DocumentKind::Model)), QStringList { u"model only"_s });
}

void TestTemplateStore::nameMustBeUnique_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("accepted");
    const int job = int(DocumentKind::TrainingJob);
    QTest::newRow("same name") << job << u"Team VPC"_s << false;
    QTest::newRow("other case") << job << u"team vpc"_s << false;
    QTest::newRow("surrounding spaces") << job << u"  Team VPC "_s << false;
    QTest::newRow("other name") << job << u"Team VPC 2"_s << true;
    QTest::newRow("same name, other kind") << int(DocumentKind::Model) << u"Team VPC"_s << true;
}

void TestTemplateStore::nameMustBeUnique()
{
    QFETCH(int, kind);
    QFETCH(QString, second);
    QFETCH(bool, accepted);
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"Team VPC"_s, u"{\"first\":1}"_s).ok());
    auto saved = m_templates->save(DocumentKind(kind), second, u"{\"second\":2}"_s);
    QCOMPARE(saved.ok(), accepted);
    if (!accepted) {
        QVERIFY2(saved.error().contains(u"\"Team VPC\" already exists"_s), qPrintable(saved.error()));
        QCOMPARE(m_templates->load(DocumentKind::TrainingJob, u"Team VPC"_s)->value().document,
            u"{\"first\":1}"_s);
    }
}

void TestTemplateStore::replaceOverwritesAndKeepsCreated()
{
    const QDateTime created = m_temp->clock().now();
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"Roles"_s, u"{\"v\":1}"_s).ok());
    m_temp->clock().advance(std::chrono::hours(1));
    QVERIFY(
        m_templates
            ->save(DocumentKind::TrainingJob, u"roles"_s, u"{\"v\":2}"_s, TemplateStore::IfExists::Replace)
            .ok());
    const auto all = *m_templates->list(DocumentKind::TrainingJob);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.constFirst().name, u"roles"_s);
    QCOMPARE(all.constFirst().document, u"{\"v\":2}"_s);
    QCOMPARE(all.constFirst().created, created);
    QCOMPARE(all.constFirst().updated, created.addSecs(3600));
}

void TestTemplateStore::rename_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QStringList>("namesAfter");
    QTest::newRow("to a new name") << u"A"_s << u"C"_s << true << QStringList { u"B"_s, u"C"_s };
    QTest::newRow("only the case changes") << u"A"_s << u"a"_s << true << QStringList { u"a"_s, u"B"_s };
    QTest::newRow("onto another template") << u"A"_s << u"b"_s << false << QStringList { u"A"_s, u"B"_s };
    QTest::newRow("a template that does not exist")
        << u"Z"_s << u"C"_s << false << QStringList { u"A"_s, u"B"_s };
    QTest::newRow("to a blank name") << u"A"_s << u"  "_s << false << QStringList { u"A"_s, u"B"_s };
}

void TestTemplateStore::rename()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, accepted);
    QFETCH(QStringList, namesAfter);
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"A"_s, u"{\"a\":1}"_s).ok());
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"B"_s, u"{}"_s).ok());
    auto renamed = m_templates->rename(DocumentKind::TrainingJob, from, to);
    QCOMPARE(renamed.ok(), accepted);
    QCOMPARE(renamed.error().isEmpty(), accepted);
    QCOMPARE(names(*m_templates->list(DocumentKind::TrainingJob)), namesAfter);
    if (accepted)
        QCOMPARE(m_templates->load(DocumentKind::TrainingJob, to)->value().document, u"{\"a\":1}"_s);
}

void TestTemplateStore::removeDeletesOnlyThatKind()
{
    QVERIFY(m_templates->save(DocumentKind::TrainingJob, u"Same"_s, u"{}"_s).ok());
    QVERIFY(m_templates->save(DocumentKind::Model, u"Same"_s, u"{}"_s).ok());
    QCOMPARE(m_templates->remove(DocumentKind::TrainingJob, u"same"_s).valueOr(false), true);
    QCOMPARE(m_templates->remove(DocumentKind::TrainingJob, u"same"_s).valueOr(true), false);
    QCOMPARE(m_templates->exists(DocumentKind::TrainingJob, u"Same"_s).valueOr(true), false);
    QCOMPARE(m_templates->exists(DocumentKind::Model, u"Same"_s).valueOr(false), true);
}

void TestTemplateStore::blankNameIsRejected()
{
    auto saved = m_templates->save(DocumentKind::TrainingJob, u"   "_s, u"{}"_s);
    QVERIFY(!saved.ok());
    QVERIFY(!saved.error().isEmpty());
    QVERIFY(m_templates->list(DocumentKind::TrainingJob)->isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "tst_templatestore.moc"
