#include "core/pricing/instancecatalog.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestInstanceCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtInHasAll145TypesWithSpecs();
    void familiesAreNormalised_data();
    void familiesAreNormalised();
    void specsOfSamples_data();
    void specsOfSamples();
    void byFamilySortsBySeriesThenSize();
    void search_data();
    void search();
    void wellFormedNames_data();
    void wellFormedNames();
    void quotedFieldsAndIgnoredPriceColumns();
    void unusableCsvIsRejected_data();
    void unusableCsvIsRejected();
};

void TestInstanceCatalog::builtInHasAll145TypesWithSpecs()
{
    const InstanceCatalog &catalog = InstanceCatalog::builtIn();
    QCOMPARE(catalog.size(), 145);
    int perFamily = 0;
    for (InstanceType::Family family : InstanceCatalog::families())
        perFamily += int(catalog.byFamily(family).size());
    QCOMPARE(perFamily, 145);
    for (const InstanceType &type : catalog.types()) {
        QVERIFY2(type.vcpus > 0 && type.memoryGib > 0, qPrintable(type.name));
        QVERIFY2(InstanceCatalog::isWellFormedTypeName(type.name), qPrintable(type.name));
        QCOMPARE(type.accelerators > 0, !type.acceleratorType.isEmpty());
        QCOMPARE(type.accelerators > 0, type.acceleratorMemoryGib > 0);
        QVERIFY2(type.accelerators == 0 || type.family == InstanceType::Family::AcceleratedComputing,
            qPrintable(type.name));
    }
}

void TestInstanceCatalog::familiesAreNormalised_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<InstanceType::Family>("family");
    QTest::newRow("m5 general") << u"ml.m5.large"_s << InstanceType::Family::GeneralPurpose;
    QTest::newRow("t3 general") << u"ml.t3.medium"_s << InstanceType::Family::GeneralPurpose;
    QTest::newRow("c5n compute (CSV: optimised)")
        << u"ml.c5n.9xlarge"_s << InstanceType::Family::ComputeOptimized;
    QTest::newRow("c7i compute") << u"ml.c7i.large"_s << InstanceType::Family::ComputeOptimized;
    QTest::newRow("r5d memory (CSV: optimised)")
        << u"ml.r5d.24xlarge"_s << InstanceType::Family::MemoryOptimized;
    QTest::newRow("g4dn accelerated") << u"ml.g4dn.xlarge"_s << InstanceType::Family::AcceleratedComputing;
    QTest::newRow("trn2 accelerated") << u"ml.trn2.48xlarge"_s << InstanceType::Family::AcceleratedComputing;
    QTest::newRow("p6e-gb200 accelerated")
        << u"ml.p6e-gb200.36xlarge"_s << InstanceType::Family::AcceleratedComputing;
}

void TestInstanceCatalog::familiesAreNormalised()
{
    QFETCH(QString, name);
    QFETCH(InstanceType::Family, family);
    const InstanceType *type = InstanceCatalog::builtIn().find(name);
    QVERIFY(type);
    QCOMPARE(type->family, family);
}

void TestInstanceCatalog::specsOfSamples_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("vcpus");
    QTest::addColumn<double>("memoryGib");
    QTest::addColumn<int>("accelerators");
    QTest::addColumn<QString>("acceleratorType");
    QTest::addColumn<double>("acceleratorMemoryGib");
    QTest::newRow("fractional memory") << u"ml.c4.xlarge"_s << 4 << 7.5 << 0 << QString() << 0.0;
    QTest::newRow("p4d A100") << u"ml.p4d.24xlarge"_s << 96 << 1152.0 << 8 << u"NVIDIA A100"_s << 320.0;
    QTest::newRow("p2.16xlarge 16 K80")
        << u"ml.p2.16xlarge"_s << 64 << 732.0 << 16 << u"NVIDIA Tesla K80"_s << 192.0;
    QTest::newRow("g7e long GPU name") << u"ml.g7e.12xlarge"_s << 48 << 512.0 << 2
                                       << u"NVIDIA RTX PRO 6000 Blackwell Server Edition"_s << 192.0;
}

void TestInstanceCatalog::specsOfSamples()
{
    QFETCH(QString, name);
    const InstanceType *type = InstanceCatalog::builtIn().find(name);
    QVERIFY(type);
    QTEST(type->vcpus, "vcpus");
    QTEST(type->memoryGib, "memoryGib");
    QTEST(type->accelerators, "accelerators");
    QTEST(type->acceleratorType, "acceleratorType");
    QTEST(type->acceleratorMemoryGib, "acceleratorMemoryGib");
}

void TestInstanceCatalog::byFamilySortsBySeriesThenSize()
{
    const QList<InstanceType> compute
        = InstanceCatalog::builtIn().byFamily(InstanceType::Family::ComputeOptimized);
    QCOMPARE(compute.size(), 31);
    QCOMPARE(compute.first().name, u"ml.c4.xlarge"_s);
    QCOMPARE(compute.last().name, u"ml.c7i.48xlarge"_s);
    // The CSV lists c6i.8xlarge before c6i.4xlarge; a person expects sizes in order.
    QStringList c6i;
    for (const InstanceType &type : compute)
        if (type.series() == "c6i"_L1)
            c6i << type.name;
    QCOMPARE(c6i.indexOf(u"ml.c6i.4xlarge"_s) + 1, c6i.indexOf(u"ml.c6i.8xlarge"_s));
}

void TestInstanceCatalog::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("GPU model") << u"a100"_s << QStringList { u"ml.p4d.24xlarge"_s, u"ml.p4de.24xlarge"_s };
    QTest::newRow("name part, case-insensitive") << u"G6E.4X"_s << QStringList { u"ml.g6e.4xlarge"_s };
    QTest::newRow("vcpus with unit word")
        << u"192 vcpu h200"_s << QStringList { u"ml.p5e.48xlarge"_s, u"ml.p5en.48xlarge"_s };
    QTest::newRow("memory attached unit and family")
        << u"memory 16gib"_s << QStringList { u"ml.r5.large"_s, u"ml.r5d.large"_s, u"ml.r7i.large"_s };
    QTest::newRow("gpu count") << u"16 gpu"_s
                               << QStringList { u"ml.p2.16xlarge"_s, u"ml.trn1.32xlarge"_s,
                                      u"ml.trn1n.32xlarge"_s, u"ml.trn2.48xlarge"_s };
    QTest::newRow("accelerator vendor") << u"trainium2"_s << QStringList { u"ml.trn2.48xlarge"_s };
    QTest::newRow("no match") << u"quantum"_s << QStringList();
}

void TestInstanceCatalog::search()
{
    QFETCH(QString, query);
    QStringList names;
    for (const InstanceType &type : InstanceCatalog::builtIn().search(query))
        names << type.name;
    QTEST(names, "expected");
}

void TestInstanceCatalog::wellFormedNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("catalog type") << u"ml.m5.large"_s << true;
    QTest::newRow("future type with dash") << u"ml.p7-x1.96xlarge"_s << true;
    QTest::newRow("missing ml prefix") << u"m5.large"_s << false;
    QTest::newRow("upper case") << u"ml.M5.large"_s << false;
    QTest::newRow("trailing dot") << u"ml.m5."_s << false;
    QTest::newRow("four parts") << u"ml.m5.large.x"_s << false;
    // The validator's rule too: what the picker calls a newer type, validation does not reject.
    QTest::newRow("dash starting the series") << u"ml.-p7.96xlarge"_s << false;
    QTest::newRow("doubled dash") << u"ml.p7--x1.96xlarge"_s << false;
}

void TestInstanceCatalog::wellFormedNames()
{
    QFETCH(QString, name);
    QTEST(InstanceCatalog::isWellFormedTypeName(name), "wellFormed");
}

void TestInstanceCatalog::quotedFieldsAndIgnoredPriceColumns()
{
    const QByteArray csv
        = "instance_type,family,vcpus,memory_gib,accelerators,accelerator_type,"
          "accelerator_memory_gib,price_usd_per_hour_us_east_1,price_source\r\n"
          "ml.x1.large,compute optimised,2,4,0,,,0.1,\"a note, with a comma and \"\"quotes\"\"\"\r\n"
          "ml.x2.large,Accelerated Computing,8,32,1,\"GPU, big\",24,,\r\n";
    QString error;
    const std::optional<InstanceCatalog> catalog = InstanceCatalog::fromCsv(csv, &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->size(), 2);
    QCOMPARE(catalog->find(u"ml.x1.large"_s)->family, InstanceType::Family::ComputeOptimized);
    QCOMPARE(catalog->find(u"ml.x2.large"_s)->acceleratorType, u"GPU, big"_s);
}

void TestInstanceCatalog::unusableCsvIsRejected_data()
{
    const QByteArray header = "instance_type,family,vcpus,memory_gib,accelerators,accelerator_type,"
                              "accelerator_memory_gib\n";
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("missing column") << QByteArray("instance_type,family\nml.m5.large,general\n")
                                    << u"no column vcpus"_s;
    QTest::newRow("unknown family") << header + "ml.m5.large,storage optimised,2,8,0,,\n"
                                    << u"line 2: unknown family"_s;
    QTest::newRow("no vcpus") << header + "ml.m5.large,general purpose,,8,0,,\n" << u"incomplete specs"_s;
    QTest::newRow("GPU without type") << header + "ml.g9.large,accelerated computing,2,8,1,,16\n"
                                      << u"accelerator details missing"_s;
    QTest::newRow("duplicate") << header
            + "ml.m5.large,general purpose,2,8,0,,\nml.m5.large,general purpose,2,8,0,,\n"
                               << u"line 3: ml.m5.large listed twice"_s;
    QTest::newRow("bad name") << header + "m5.large,general purpose,2,8,0,,\n" << u"bad instance type"_s;
}

void TestInstanceCatalog::unusableCsvIsRejected()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!InstanceCatalog::fromCsv(csv, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestInstanceCatalog)
#include "tst_instancecatalog.moc"
