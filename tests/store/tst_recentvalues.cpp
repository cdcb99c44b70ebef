#include "core/store/recentvalues.h"
#include "tests/store/temporarystore.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRecentValues : public QObject
{
    Q_OBJECT

private slots:
    void orderDedupAndCap_data();
    void orderDedupAndCap();
    void keysAreSeparate();
    void valuesSurviveReopen();
    void removeForgetsOneValue();
};

void TestRecentValues::orderDedupAndCap_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QStringList>("used"); // in the order of use, one clock tick apart
    QTest::addColumn<bool>("sameInstant"); // all uses within one millisecond
    QTest::addColumn<QStringList>("expected"); // most recent first
    QTest::newRow("most recent first")
        << 20 << QStringList { u"a"_s, u"b"_s, u"c"_s } << false << QStringList { u"c"_s, u"b"_s, u"a"_s };
    QTest::newRow("reuse moves to front, once")
        << 20 << QStringList { u"a"_s, u"b"_s, u"a"_s } << false << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("cap drops the oldest") << 3 << QStringList { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s }
                                          << false << QStringList { u"e"_s, u"d"_s, u"c"_s };
    QTest::newRow("reused value survives the cap")
        << 3 << QStringList { u"a"_s, u"b"_s, u"c"_s, u"a"_s, u"d"_s } << false
        << QStringList { u"d"_s, u"a"_s, u"c"_s };
    QTest::newRow("same millisecond keeps use order") << 20 << QStringList { u"a"_s, u"b"_s, u"a"_s, u"c"_s }
                                                      << true << QStringList { u"c"_s, u"a"_s, u"b"_s };
    QTest::newRow("blank values are not recorded")
        << 20 << QStringList { u"a"_s, QString(), u"  "_s } << false << QStringList { u"a"_s };
    QTest::newRow("case matters (image URIs and ARNs are exact)")
        << 20 << QStringList { u"Ab"_s, u"ab"_s } << false << QStringList { u"ab"_s, u"Ab"_s };
}

void TestRecentValues::orderDedupAndCap()
{
    QFETCH(int, capacity);
    QFETCH(QStringList, used);
    QFETCH(bool, sameInstant);
    QFETCH(QStringList, expected);
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    RecentValues recent(temp.store(), capacity);
    for (const QString &value : used) {
        auto done = recent.use(u"training-image"_s, value);
        QVERIFY2(done.ok(), qPrintable(done.error()));
        if (!sameInstant)
            temp.clock().advance(std::chrono::seconds(1));
    }
    QCOMPARE(*recent.values(u"training-image"_s), expected);
}

void TestRecentValues::keysAreSeparate()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    RecentValues recent(temp.store(), 2);
    QVERIFY(recent.use(u"role-arn"_s, u"arn:aws:iam::123456789012:role/A"_s).ok());
    for (const QString &image : { u"i1"_s, u"i2"_s, u"i3"_s })
        QVERIFY(recent.use(u"training-image"_s, image).ok());
    QCOMPARE(*recent.values(u"role-arn"_s), QStringList { u"arn:aws:iam::123456789012:role/A"_s });
    QCOMPARE(recent.values(u"training-image"_s)->size(), 2);
}

void TestRecentValues::valuesSurviveReopen()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    QVERIFY(RecentValues(temp.store()).use(u"k"_s, u"v"_s).ok());
    QVERIFY(temp.reopen().ok());
    QCOMPARE(*RecentValues(temp.store()).values(u"k"_s), QStringList { u"v"_s });
}

void TestRecentValues::removeForgetsOneValue()
{
    TemporaryStore temp;
    QVERIFY(temp.open().ok());
    RecentValues recent(temp.store());
    QVERIFY(recent.use(u"k"_s, u"a"_s).ok());
    QVERIFY(recent.use(u"k"_s, u"b"_s).ok());
    QCOMPARE(recent.remove(u"k"_s, u"a"_s).valueOr(false), true);
    QCOMPARE(recent.remove(u"k"_s, u"a"_s).valueOr(true), false);
    QCOMPARE(*recent.values(u"k"_s), QStringList { u"b"_s });
}

QTEST_GUILESS_MAIN(TestRecentValues)
#include "tst_recentvalues.moc"
