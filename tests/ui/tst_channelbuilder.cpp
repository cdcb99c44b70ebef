#include "core/api/specvalidator.h"
#include "ui/widgets/channelbuilder.h"
#include "ui/widgets/fieldmark.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// JSON written with single quotes, which keeps the fixtures readable (and moc, which does not read raw
// strings with "//" in them, away from trouble).
QJsonArray json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).array();
}

QStringList names(const ChannelBuilder &builder)
{
    QStringList result;
    for (int i = 0; i < builder.channelCount(); ++i)
        result << builder.channel(i).value("ChannelName"_L1).toString();
    return result;
}

QJsonObject channelWithName(const QString &name)
{
    return QJsonObject { { u"ChannelName"_s, name },
        { u"DataSource"_s,
            QJsonObject { { u"S3DataSource"_s,
                QJsonObject { { u"S3DataType"_s, u"S3Prefix"_s },
                    { u"S3Uri"_s, QString(u"s3://b/"_s + name) } } } } } };
}

// Picks a combo entry with the keyboard, as a user does: focus, then type the start of its text.
void pick(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    QTest::keyClicks(combo, text);
}

bool choiceEnabled(QComboBox *combo, const QString &value)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    return model->item(combo->findData(value))->isEnabled();
}

struct Shown
{
    ChannelBuilder builder;
    Shown()
    {
        builder.resize(1000, 420);
        builder.show();
        builder.activateWindow();
    }
};

} // namespace

class TestChannelBuilder : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTripKeepsUnknownMembers();
    void otherDataSourcesAreKeptAndNotEditable();
    void editingWritesTheWireShape();
    void notSetRemovesTheMember();
    void addDuplicateMoveRemove();
    void keyboardShortcutsInTheList();
    void atMost20Channels();
    void gzipAndRecordIoNeedPipe();
    void realValidatorFindingsLandOnChannelsAndFields();
    void focusPath();
    void tabOrder();
    void screenshot();
};

void TestChannelBuilder::jsonRoundTripKeepsUnknownMembers()
{
    ChannelBuilder builder;
    QSignalSpy changed(&builder, &SpecFieldEditor::changed);
    const QJsonArray channels = json(
        "["
        "{'ChannelName':'train','ContentType':'text/csv','CompressionType':'None','InputMode':'Pipe',"
        "'RecordWrapperType':'RecordIO','ShuffleConfig':{'Seed':42},'FutureChannelMember':[1,2],"
        "'DataSource':{'S3DataSource':{'S3DataType':'S3Prefix','S3Uri':'s3://bucket/train/',"
        "'S3DataDistributionType':'ShardedByS3Key','AttributeNames':['source-ref'],'FutureS3Member':true}}},"
        "{'ChannelName':'validation','DataSource':{'S3DataSource':{'S3DataType':'FutureType','S3Uri':'s3://"
        "bucket/val/'}}}"
        "]");
    builder.setJson(channels);
    QCOMPARE(builder.channelCount(), 2);
    QCOMPARE(builder.toJson(), QJsonValue(channels));
    QCOMPARE(changed.size(), 0);

    // Editing a field keeps every other member, and a value this version does not know.
    builder.setCurrentChannel(1);
    QTest::keyClicks(child<QLineEdit>(&builder, u"channelName"_s), u"2"_s);
    QJsonArray expected = channels;
    QJsonObject validation = expected.at(1).toObject();
    validation.insert(u"ChannelName"_s, u"validation2"_s);
    expected.replace(1, validation);
    QCOMPARE(builder.toJson(), QJsonValue(expected));
    QCOMPARE(changed.size(), 1);

    builder.setJson(QJsonValue(QJsonValue::Undefined));
    QCOMPARE(builder.channelCount(), 0);
    QVERIFY(builder.toJson().isUndefined());
    QVERIFY(child<QLabel>(&builder, u"noChannelHint"_s)->isVisibleTo(&builder));
}

void TestChannelBuilder::otherDataSourcesAreKeptAndNotEditable()
{
    ChannelBuilder builder;
    const QJsonArray channels = json(
        "[{'ChannelName':'train','DataSource':{'FileSystemDataSource':{"
        "'FileSystemId':'fs-0123456789abcdef0','FileSystemAccessMode':'ro','FileSystemType':'FSxLustre',"
        "'DirectoryPath':'/fsx/train'}}}]");
    builder.setJson(channels);
    QVERIFY(!child<QLineEdit>(&builder, u"s3Uri"_s)->isEnabled());
    QVERIFY(child<QLabel>(&builder, u"dataSourceNote"_s)->text().contains("FileSystemDataSource"_L1));
    QTest::keyClicks(child<QLineEdit>(&builder, u"channelName"_s), u"-fsx"_s);
    QJsonObject expected = channels.at(0).toObject();
    expected.insert(u"ChannelName"_s, u"train-fsx"_s);
    QCOMPARE(builder.toJson(), QJsonValue(QJsonArray { expected }));
}

void TestChannelBuilder::editingWritesTheWireShape()
{
    Shown shown;
    ChannelBuilder &builder = shown.builder;
    QVERIFY(QTest::qWaitForWindowActive(&builder));
    builder.setAlgorithmInputMode(u"File"_s);
    QTest::mouseClick(child<QToolButton>(&builder, u"addChannel"_s), Qt::LeftButton);
    QCOMPARE(names(builder), QStringList({ u"train"_s }));
    QTest::keyClicks(child<QLineEdit>(&builder, u"s3Uri"_s), u"s3://bucket/train/"_s);
    pick(child<QComboBox>(&builder, u"s3DataDistributionType"_s), u"Sh"_s);
    QTest::keyClicks(child<QComboBox>(&builder, u"contentType"_s)->lineEdit(), u"text/csv"_s);
    pick(child<QComboBox>(&builder, u"channelInputMode"_s), u"P"_s);
    pick(child<QComboBox>(&builder, u"compressionType"_s), u"G"_s);
    pick(child<QComboBox>(&builder, u"recordWrapperType"_s), u"R"_s);

    QCOMPARE(builder.toJson(),
        QJsonValue(json("[{'ChannelName':'train','ContentType':'text/csv',"
                        "'InputMode':'Pipe','CompressionType':'Gzip','RecordWrapperType':'RecordIO',"
                        "'DataSource':{'S3DataSource':{'S3DataType':'S3Prefix','S3Uri':'s3://bucket/train/',"
                        "'S3DataDistributionType':'ShardedByS3Key'}}}]")));
    QCOMPARE(child<QListWidget>(&builder, u"channelList"_s)->item(0)->text(), u"train\ns3://bucket/train/"_s);
}

void TestChannelBuilder::notSetRemovesTheMember()
{
    ChannelBuilder builder;
    builder.setJson(json("[{'ChannelName':'train','ContentType':'text/csv','InputMode':'File',"
                         "'DataSource':{'S3DataSource':{'S3DataType':'S3Prefix','S3Uri':'s3://b/"
                         "t','S3DataDistributionType':'FullyReplicated'}}}]"));
    auto *mode = child<QComboBox>(&builder, u"channelInputMode"_s);
    mode->setCurrentIndex(mode->findData(QString()));
    emit mode->activated(mode->currentIndex());
    auto *distribution = child<QComboBox>(&builder, u"s3DataDistributionType"_s);
    distribution->setCurrentIndex(distribution->findData(QString()));
    emit distribution->activated(distribution->currentIndex());
    child<QComboBox>(&builder, u"contentType"_s)->lineEdit()->clear();
    QCOMPARE(builder.toJson(),
        QJsonValue(json("[{'ChannelName':'train',"
                        "'DataSource':{'S3DataSource':{'S3DataType':'S3Prefix','S3Uri':'s3://b/t'}}}]")));
}

void TestChannelBuilder::addDuplicateMoveRemove()
{
    ChannelBuilder builder;
    QSignalSpy changed(&builder, &SpecFieldEditor::changed);
    const auto click = [&builder](const QString &name) {
        QTest::mouseClick(child<QToolButton>(&builder, name), Qt::LeftButton);
    };
    click(u"addChannel"_s);
    click(u"addChannel"_s);
    click(u"addChannel"_s);
    QCOMPARE(names(builder), QStringList({ u"train"_s, u"validation"_s, u"test"_s }));
    QCOMPARE(builder.currentChannel(), 2);

    click(u"moveChannelUp"_s);
    QCOMPARE(names(builder), QStringList({ u"train"_s, u"test"_s, u"validation"_s }));
    QCOMPARE(builder.currentChannel(), 1);
    QCOMPARE(child<QLineEdit>(&builder, u"channelName"_s)->text(), u"test"_s);

    click(u"duplicateChannel"_s);
    QCOMPARE(names(builder), QStringList({ u"train"_s, u"test"_s, u"test-copy"_s, u"validation"_s }));
    QCOMPARE(builder.currentChannel(), 2);
    QCOMPARE(builder.channel(2).value("DataSource"_L1), builder.channel(1).value("DataSource"_L1));
    click(u"duplicateChannel"_s);
    QCOMPARE(names(builder).at(3), u"test-copy-copy"_s);

    click(u"moveChannelDown"_s);
    click(u"moveChannelDown"_s); // already last: nothing happens
    QCOMPARE(names(builder),
        QStringList({ u"train"_s, u"test"_s, u"test-copy"_s, u"validation"_s, u"test-copy-copy"_s }));
    QVERIFY(!child<QToolButton>(&builder, u"moveChannelDown"_s)->isEnabled());

    click(u"removeChannel"_s);
    QCOMPARE(names(builder), QStringList({ u"train"_s, u"test"_s, u"test-copy"_s, u"validation"_s }));
    QCOMPARE(builder.currentChannel(), 3);
    builder.setCurrentChannel(0);
    QVERIFY(!child<QToolButton>(&builder, u"moveChannelUp"_s)->isEnabled());
    click(u"removeChannel"_s);
    QCOMPARE(names(builder), QStringList({ u"test"_s, u"test-copy"_s, u"validation"_s }));
    QCOMPARE(changed.size(), 9); // every edit above but the move past the end
}

void TestChannelBuilder::keyboardShortcutsInTheList()
{
    Shown shown;
    ChannelBuilder &builder = shown.builder;
    QVERIFY(QTest::qWaitForWindowActive(&builder));
    auto *list = child<QListWidget>(&builder, u"channelList"_s);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Insert);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Insert);
    QCOMPARE(names(builder), QStringList({ u"train"_s, u"validation"_s }));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(names(builder), QStringList({ u"validation"_s, u"train"_s }));
    QTest::keyClick(list, Qt::Key_Down); // plain arrows just select
    QCOMPARE(builder.currentChannel(), 1);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(names(builder), QStringList({ u"validation"_s }));
}

void TestChannelBuilder::atMost20Channels()
{
    ChannelBuilder builder;
    QJsonArray channels;
    for (int i = 0; i < ChannelBuilder::maxChannels; ++i)
        channels.append(channelWithName(u"c"_s + QString::number(i)));
    builder.setJson(channels);
    QVERIFY(!child<QToolButton>(&builder, u"addChannel"_s)->isEnabled());
    QVERIFY(!child<QToolButton>(&builder, u"duplicateChannel"_s)->isEnabled());
    QVERIFY(child<QToolButton>(&builder, u"addChannel"_s)->toolTip().contains("at most 20"_L1));
    builder.addChannel();
    builder.duplicateChannel();
    QCOMPARE(builder.channelCount(), 20);
    builder.removeChannel();
    QVERIFY(child<QToolButton>(&builder, u"addChannel"_s)->isEnabled());
}

void TestChannelBuilder::gzipAndRecordIoNeedPipe()
{
    ChannelBuilder builder;
    builder.setAlgorithmInputMode(u"File"_s);
    builder.setJson(QJsonArray { channelWithName(u"train"_s) });
    auto *compression = child<QComboBox>(&builder, u"compressionType"_s);
    auto *wrapper = child<QComboBox>(&builder, u"recordWrapperType"_s);
    auto *mode = child<QComboBox>(&builder, u"channelInputMode"_s);
    auto *note = child<QLabel>(&builder, u"pipeNote"_s);

    QVERIFY(!choiceEnabled(compression, u"Gzip"_s));
    QVERIFY(!choiceEnabled(wrapper, u"RecordIO"_s));
    QVERIFY(choiceEnabled(compression, u"None"_s));
    const auto *model = qobject_cast<QStandardItemModel *>(compression->model());
    QVERIFY(model->item(compression->findData(u"Gzip"_s))->toolTip().contains("Needs Pipe input mode"_L1));
    QVERIFY(!note->isHidden());
    QVERIFY(note->text().contains("File mode, inherited from the algorithm"_L1));
    QVERIFY(mode->currentText().contains("(File)"_L1));

    // Typing "G" cannot choose a disabled entry.
    pick(compression, u"G"_s);
    QVERIFY(!builder.channel(0).contains("CompressionType"_L1)
        || builder.channel(0).value("CompressionType"_L1) != "Gzip"_L1);

    // The channel's own Pipe mode allows both.
    pick(mode, u"P"_s);
    QVERIFY(choiceEnabled(compression, u"Gzip"_s));
    QVERIFY(choiceEnabled(wrapper, u"RecordIO"_s));
    QVERIFY(note->isHidden());

    // So does inheriting Pipe from the algorithm.
    mode->setCurrentIndex(mode->findData(QString()));
    emit mode->activated(mode->currentIndex());
    QVERIFY(!choiceEnabled(compression, u"Gzip"_s));
    builder.setAlgorithmInputMode(u"Pipe"_s);
    QVERIFY(choiceEnabled(compression, u"Gzip"_s));
    QVERIFY(mode->currentText().contains("(Pipe)"_L1));

    // A loaded Gzip that the mode does not allow is kept and marked, not changed behind the user's back.
    builder.setAlgorithmInputMode(u"FastFile"_s);
    QJsonObject gzip = channelWithName(u"train"_s);
    gzip.insert(u"CompressionType"_s, u"Gzip"_s);
    builder.setJson(QJsonArray { gzip });
    QCOMPARE(compression->currentData().toString(), u"Gzip"_s);
    QVERIFY(FieldMark::isMarked(compression));
    QVERIFY(compression->toolTip().contains("this channel reads in FastFile mode"_L1));
    QCOMPARE(builder.toJson().toArray().at(0).toObject().value("CompressionType"_L1), QJsonValue(u"Gzip"_s));
}

void TestChannelBuilder::realValidatorFindingsLandOnChannelsAndFields()
{
    ChannelBuilder builder;
    builder.setAlgorithmInputMode(u"File"_s);
    QJsonObject second = channelWithName(u"train"_s);
    second.insert(u"CompressionType"_s, u"Gzip"_s);
    QJsonObject s3 = second.value("DataSource"_L1).toObject().value("S3DataSource"_L1).toObject();
    s3.insert(u"S3Uri"_s, u"s3:///no-bucket"_s);
    second.insert(u"DataSource"_s, QJsonObject { { u"S3DataSource"_s, s3 } });
    builder.setJson(QJsonArray { channelWithName(u"train"_s), channelWithName(u"ok"_s), second });

    const QJsonObject spec { { u"AlgorithmSpecification"_s,
                                 QJsonObject { { u"TrainingInputMode"_s, u"File"_s } } },
        { u"InputDataConfig"_s, builder.toJson() } };
    builder.showDiagnostics(validateSpec(SpecKind::TrainingJob, spec));

    auto *list = child<QListWidget>(&builder, u"channelList"_s);
    QVERIFY(list->item(0)->toolTip() == u"s3://b/train"_s); // the first "train" is fine
    QVERIFY(list->item(1)->toolTip() == u"s3://b/ok"_s);
    QVERIFY(list->item(2)->toolTip().contains("already named train"_L1));
    QCOMPARE(list->item(2)->foreground().color(), FieldMark::textColor(Diagnostic::Severity::Error));

    builder.setCurrentChannel(2);
    QVERIFY(FieldMark::isMarked(child<QLineEdit>(&builder, u"channelName"_s)));
    QVERIFY(child<QLineEdit>(&builder, u"s3Uri"_s)->toolTip().contains("no bucket name"_L1));
    // The validator's pipeOnlyCompression and the editor's own check are one finding.
    const QString tip = child<QComboBox>(&builder, u"compressionType"_s)->toolTip();
    QVERIFY2(tip.count("Gzip compression needs Pipe"_L1, Qt::CaseInsensitive) == 1, qPrintable(tip));
    const QString problems = child<QLabel>(&builder, u"channelProblems"_s)->text();
    QVERIFY2(problems.contains("Channel name"_L1) && problems.contains("S3 URI"_L1), qPrintable(problems));

    builder.setCurrentChannel(0);
    QVERIFY(!FieldMark::isMarked(child<QLineEdit>(&builder, u"channelName"_s)));

    builder.showDiagnostics(
        { { u"InputDataConfig"_s, Diagnostic::Severity::Error, u"maxCount"_s, u"too many"_s } });
    QVERIFY(child<QLabel>(&builder, u"channelsProblems"_s)->text().contains("Too many"_L1));
    builder.showDiagnostics({});
    QVERIFY(child<QLabel>(&builder, u"channelsProblems"_s)->isHidden());
    QCOMPARE(list->item(2)->toolTip(), u"s3:///no-bucket"_s);
}

void TestChannelBuilder::focusPath()
{
    Shown shown;
    ChannelBuilder &builder = shown.builder;
    builder.setJson(QJsonArray { channelWithName(u"train"_s), channelWithName(u"validation"_s) });
    QVERIFY(QTest::qWaitForWindowActive(&builder));
    QVERIFY(!builder.focusPath(u"VpcConfig.Subnets[0]"_s));
    QVERIFY(builder.focusPath(u"InputDataConfig[1].DataSource.S3DataSource.S3Uri"_s));
    QCOMPARE(builder.currentChannel(), 1);
    QTRY_VERIFY(child<QLineEdit>(&builder, u"s3Uri"_s)->hasFocus());
    QVERIFY(builder.focusPath(u"InputDataConfig[0].CompressionType"_s));
    QCOMPARE(builder.currentChannel(), 0);
    QTRY_VERIFY(child<QComboBox>(&builder, u"compressionType"_s)->hasFocus());
    QVERIFY(builder.focusPath(u"InputDataConfig"_s));
    QTRY_VERIFY(child<QListWidget>(&builder, u"channelList"_s)->hasFocus());
}

void TestChannelBuilder::tabOrder()
{
    ChannelBuilder builder;
    builder.setJson(QJsonArray { channelWithName(u"train"_s), channelWithName(u"validation"_s) });
    QCOMPARE(tabChain(&builder, child<QListWidget>(&builder, u"channelList"_s), 12),
        QStringList({ u"channelList"_s, u"addChannel"_s, u"duplicateChannel"_s, u"moveChannelDown"_s,
            u"removeChannel"_s, u"channelName"_s, u"s3Uri"_s, u"s3DataType"_s, u"s3DataDistributionType"_s,
            u"contentType"_s, u"channelInputMode"_s, u"compressionType"_s, u"recordWrapperType"_s }));
}

void TestChannelBuilder::screenshot()
{
    ChannelBuilder builder;
    builder.setAlgorithmInputMode(u"File"_s);
    QJsonObject validation = channelWithName(u"validation"_s);
    validation.insert(u"CompressionType"_s, u"Gzip"_s);
    validation.insert(u"ContentType"_s, u"text/csv"_s);
    builder.setJson(QJsonArray { channelWithName(u"train"_s), validation, channelWithName(u"train"_s) });
    const QJsonObject spec { { u"AlgorithmSpecification"_s,
                                 QJsonObject { { u"TrainingInputMode"_s, u"File"_s } } },
        { u"InputDataConfig"_s, builder.toJson() } };
    builder.showDiagnostics(validateSpec(SpecKind::TrainingJob, spec));
    builder.setCurrentChannel(1);
    QVERIFY(
        !saveScreenshot(&builder, u"channelbuilder"_s, QSize(1000, builder.sizeHint().height())).isEmpty());

    ChannelBuilder empty;
    QVERIFY(!saveScreenshot(&empty, u"channelbuilder-empty"_s, QSize(1000, 260)).isEmpty());
}

QTEST_MAIN(TestChannelBuilder)
#include "tst_channelbuilder.moc"
