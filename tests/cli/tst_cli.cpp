#include "core/api/specjson.h"
#include "core/api/specskeleton.h"
#include "core/version.h"
#include "tests/api/apitestdata.h"
#include "tests/cli/clirunner.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The built sagedesk-cli binary, as a user runs it: output lines, exit codes (0 ok, 1 invalid input,
// 2 usage or unreadable input), --help and --version.
class CliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void commandLine_data();
    void commandLine();
    void validateReportsEveryFile();
    void validateReadsStdin();
    void skeletonsValidate_data();
    void skeletonsValidate();
    void convertPrintsTheCreateRequest();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, const QByteArray &input = QByteArray());

    // Relative file names are in its private HOME, the working directory.
    CliRunner m_runner;
};

CliTest::Run CliTest::run(const QStringList &arguments, const QByteArray &input)
{
    const CliRunner::Result r = m_runner.run(arguments, input, 30000);
    return { r.exitCode, r.outText(), r.errText() };
}

void CliTest::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::program()), qPrintable(CliRunner::program()));
    m_runner.writeFile(u"no-role.json"_s,
        R"({"TrainingJobName": "j", "OutputDataConfig": {"S3OutputPath": "s3://b/o"},
                                 "AlgorithmSpecification": {"TrainingImage": "i", "TrainingInputMode": "File"}})");
    m_runner.writeFile(u"bad-syntax.json"_s, "{\n  \"ModelName\": \"m\"\n  \"Image\": 1\n}\n");
    m_runner.writeFile(u"not-a-spec.json"_s, "{\"Hello\": 1}\n");
    m_runner.writeFile(u"list.json"_s, "[]\n");
    QDir(m_runner.homePath()).mkdir(u"a-directory"_s);
}

void CliTest::commandLine_data()
{
    const QString full = ApiTestData::path(u"training-job-full.json"_s);
    const QString unknown = ApiTestData::path(u"training-job-unknown-fields.json"_s);
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>(
        "out"); // exact when it has no '*'; else these lines (without '*') must be there
    QTest::addColumn<QString>("err"); // substring

    QTest::newRow("--version") << QStringList { u"--version"_s } << 0
                               << u"sagedesk-cli " SAGEDESK_VERSION "\n"_s << QString();
    QTest::newRow("--help lists the commands")
        << QStringList { u"--help"_s } << 0 << u"*  validate   *  skeleton   *  convert   "_s << QString();
    QTest::newRow("no command") << QStringList() << 2 << QString() << u"no COMMAND given"_s;
    QTest::newRow("unknown command") << QStringList { u"frobnicate"_s } << 2 << QString()
                                     << u"unknown command 'frobnicate'"_s;
    QTest::newRow("unknown global option")
        << QStringList { u"--bogus"_s } << 2 << QString() << u"Unknown option 'bogus'"_s;
    QTest::newRow("validate --help") << QStringList { u"validate"_s, u"--help"_s } << 0
                                     << u"*Usage: sagedesk-cli validate [options] FILE...\n"_s << QString();
    QTest::newRow("skeleton --help") << QStringList { u"skeleton"_s, u"--help"_s } << 0
                                     << u"*Usage: sagedesk-cli skeleton"_s << QString();
    QTest::newRow("convert --help names --tags")
        << QStringList { u"convert"_s, u"--help"_s } << 0 << u"*  --tags <TAGSFILE>"_s << QString();
    QTest::newRow("--help after options of another command")
        << QStringList { u"--help"_s, u"validate"_s } << 0 << u"*Usage: sagedesk-cli validate"_s << QString();
    QTest::newRow("validate without files")
        << QStringList { u"validate"_s } << 2 << QString() << u"no FILE"_s;
    QTest::newRow("validate with an unknown option") << QStringList { u"validate"_s, u"--strict"_s, full }
                                                     << 2 << QString() << u"Unknown option 'strict'"_s;
    QTest::newRow("validate a clean spec")
        << QStringList { u"validate"_s, full } << 0 << QString() << QString();
    QTest::newRow("validate: warnings only")
        << QStringList { u"validate"_s, unknown } << 0
        << u"*"_s + unknown + u": FutureTopLevel: warning: unknown field"_s << QString();
    const QString answer = ApiTestData::path(u"captured/describe-training-job.iso.json"_s);
    QTest::newRow("validate a describe answer: checked as its create request")
        << QStringList{u"validate"_s, answer} << 0
        << answer + u": AlgorithmSpecification.MetricDefinitions: warning: copied from the response; SageMaker fills "
                    u"these in for its built-in algorithms and rejects them in a request for one, so remove them if "
                    u"TrainingImage is a SageMaker algorithm image\n"_s
        << QString();
    QTest::newRow("validate: errors") << QStringList { u"validate"_s, u"no-role.json"_s } << 1
                                      << u"no-role.json: RoleArn: error: is required\n"_s << QString();
    QTest::newRow("validate: malformed JSON has line and column")
        << QStringList { u"validate"_s, u"bad-syntax.json"_s } << 2
        << u"bad-syntax.json:3:3: error: unterminated object\n"_s << QString();
    QTest::newRow("validate: not a spec")
        << QStringList { u"validate"_s, u"not-a-spec.json"_s } << 1
        << u"not-a-spec.json: error: not a training job or model spec (it has neither "
           u"TrainingJobName nor ModelName)\n"_s
        << QString();
    QTest::newRow("validate: top level not an object")
        << QStringList { u"validate"_s, u"list.json"_s } << 2
        << u"list.json:1:1: error: the document must be a JSON object ({ … })\n"_s << QString();
    QTest::newRow("validate: missing file") << QStringList { u"validate"_s, u"missing.json"_s } << 2
                                            << u"*missing.json: error: cannot read: "_s << QString();
    QTest::newRow("validate: a directory") << QStringList { u"validate"_s, u"a-directory"_s } << 2
                                           << u"*a-directory: error: cannot read: "_s << QString();
    QTest::newRow("skeleton without a kind")
        << QStringList { u"skeleton"_s } << 2 << QString() << u"training-job or model"_s;
    QTest::newRow("skeleton of an unknown kind")
        << QStringList { u"skeleton"_s, u"endpoint"_s } << 2 << QString() << u"training-job or model"_s;
    QTest::newRow("convert without a file")
        << QStringList { u"convert"_s } << 2 << QString() << u"exactly one FILE"_s;
    QTest::newRow("convert a missing file") << QStringList { u"convert"_s, u"missing.json"_s } << 2
                                            << QString() << u"missing.json: error: cannot read"_s;
    QTest::newRow("convert with a missing tags file") << QStringList { u"convert"_s, full, u"--tags"_s,
        u"missing-tags.json"_s } << 2 << QString() << u"missing-tags.json: error: cannot read"_s;
    QTest::newRow("convert malformed JSON") << QStringList { u"convert"_s, u"bad-syntax.json"_s } << 2
                                            << QString() << u"bad-syntax.json:3:3: error:"_s;
    QTest::newRow("convert not a spec") << QStringList { u"convert"_s, u"not-a-spec.json"_s } << 1
                                        << QString() << u"not a training job or model spec"_s;
}

void CliTest::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const Run r = run(arguments);
    const QString context = u"stdout:\n"_s + r.out + u"\nstderr:\n"_s + r.err;
    QVERIFY2(r.exitCode == exitCode, qPrintable(u"exit code %1; "_s.arg(r.exitCode) + context));
    if (out.contains(u'*')) {
        for (const QString &part : out.split(u'*', Qt::SkipEmptyParts))
            QVERIFY2(r.out.contains(part), qPrintable(u"missing: "_s + part + u"\n"_s + context));
    } else if (!out.isEmpty() || exitCode == 0) {
        QCOMPARE(r.out, out);
    }
    if (!err.isEmpty())
        QVERIFY2(r.err.contains(err), qPrintable(context));
}

void CliTest::validateReportsEveryFile()
{
    const QString clean = ApiTestData::path(u"model-full.json"_s);
    const Run r = run({ u"validate"_s, u"no-role.json"_s, clean, u"missing.json"_s, u"bad-syntax.json"_s });
    QCOMPARE(r.exitCode, 2); // the worst of 1 (no-role) and 2 (unreadable, unparsable)
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"no-role.json: RoleArn: error: is required"_s);
    QVERIFY2(lines.at(1).startsWith(u"missing.json: error: cannot read: "_s), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), u"bad-syntax.json:3:3: error: unterminated object"_s);

    QCOMPARE(run({ u"validate"_s, clean, u"no-role.json"_s }).exitCode, 1);
}

void CliTest::validateReadsStdin()
{
    const Run ok = run({ u"validate"_s, u"-"_s }, ApiTestData::bytes(u"model-minimal.json"_s));
    QCOMPARE(ok.exitCode, 0);
    const Run bad = run({ u"validate"_s, u"-"_s }, R"({"ModelName": "bad name"})");
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.out.startsWith(u"-: ModelName: error: \"bad name\" does not match the pattern"_s),
        qPrintable(bad.out));
}

void CliTest::skeletonsValidate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<SpecKind>("specKind");
    QTest::newRow("training job") << u"training-job"_s << SpecKind::TrainingJob;
    QTest::newRow("model") << u"model"_s << SpecKind::Model;
}

void CliTest::skeletonsValidate()
{
    QFETCH(QString, kind);
    QFETCH(SpecKind, specKind);
    const Run skeleton = run({ u"skeleton"_s, kind });
    QCOMPARE(skeleton.exitCode, 0);
    QCOMPARE(skeleton.out, QString::fromUtf8(SpecJson::write(SpecSkeleton::document(specKind), specKind)));
    const Run validated = run({ u"validate"_s, u"-"_s }, skeleton.out.toUtf8());
    QCOMPARE(validated.exitCode, 0);
    QCOMPARE(validated.out, QString());
}

void CliTest::convertPrintsTheCreateRequest()
{
    const QString answer = ApiTestData::path(u"describe-training-job-sagemaker.json"_s);
    const Run r
        = run({ u"convert"_s, answer, u"--tags"_s, ApiTestData::path(u"list-tags-sagemaker.json"_s) });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString::fromUtf8(ApiTestData::bytes(u"describe-training-job-sagemaker.create.json"_s)));
    QVERIFY2(
        r.err.contains(answer + u": FutureReadOnlyInsight: warning: kept a member"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(answer + u": Tags: note: tag aws:cloudformation:stack-name is a system tag"_s),
        qPrintable(r.err));

    // Through stdin: the converted request reads back and validates, warning about the unknown member.
    const Run again = run({ u"validate"_s, u"-"_s }, r.out.toUtf8());
    QVERIFY2(again.out.contains(u"FutureReadOnlyInsight: warning: unknown field"_s), qPrintable(again.out));
    QCOMPARE(again.exitCode, 0);
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
