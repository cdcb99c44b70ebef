#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;

    bool ok() const { return finished && exitCode == 0; }
    QString describe(const QString &what) const
    {
        return u"%1: %2, exit code %3\nstdout:\n%4\nstderr:\n%5"_s.arg(
            what, finished ? u"finished"_s : u"did not finish"_s, QString::number(exitCode), out, err);
    }
};

ProcessResult run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    const QString &workingDirectory = {})
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start();
    ProcessResult result;
    result.finished = process.waitForFinished(120'000) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    if (process.error() == QProcess::FailedToStart)
        result.err += u"\nfailed to start "_s + program;
    return result;
}

QString appId()
{
    return QStringLiteral(SAGEDESK_APP_ID);
}

// Installed paths relative to the install prefix, the same for `cmake --install`, the .deb (under usr/)
// and the .tar.gz (under its top directory).
QStringList installedFiles()
{
    return {
        u"bin/sagedesk"_s,
        u"bin/sagedesk-cli"_s,
        u"share/applications/"_s + appId() + u".desktop"_s,
        u"share/icons/hicolor/scalable/apps/"_s + appId() + u".svg"_s,
        u"share/metainfo/"_s + appId() + u".metainfo.xml"_s,
        u"share/doc/sagedesk/copyright"_s,
    };
}

// "libfoo (>= 1.0), libbar | libbaz" -> {libfoo, libbar, libbaz}
QSet<QString> packageNames(const QString &dependsField)
{
    QSet<QString> names;
    static const QRegularExpression separator(u"[,|]"_s);
    for (const QString &entry : dependsField.split(separator, Qt::SkipEmptyParts)) {
        QString name = entry.trimmed().section(u' ', 0, 0);
        name = name.section(u':', 0, 0);
        if (!name.isEmpty())
            names.insert(name);
    }
    return names;
}

// The Debian package that holds a file. dpkg records some libraries under /lib and others under /usr/lib;
// on a merged-/usr system either spelling reaches the same file, so both are asked.
QString owningPackage(const QString &path, QString *error)
{
    QStringList candidates { path };
    if (path.startsWith(u"/usr/"_s))
        candidates << path.mid(4);
    else
        candidates << u"/usr"_s + path;
    for (const QString &candidate : std::as_const(candidates)) {
        const ProcessResult result = run(u"dpkg-query"_s, { u"-S"_s, candidate });
        if (result.ok())
            return result.out.section(u':', 0, 0).trimmed();
    }
    *error = u"no installed package holds "_s + path;
    return {};
}

// The shared libraries a binary links directly, with the file each resolves to on this system.
QList<std::pair<QString, QString>> neededLibraries(const QString &binary, QString *error)
{
    const ProcessResult dynamic = run(u"readelf"_s, { u"--dynamic"_s, binary });
    const ProcessResult resolved = run(u"ldd"_s, { binary });
    if (!dynamic.ok() || !resolved.ok()) {
        *error = dynamic.describe(u"readelf"_s) + resolved.describe(u"ldd"_s);
        return {};
    }
    QList<std::pair<QString, QString>> libraries;
    static const QRegularExpression needed(uR"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"_s);
    for (auto it = needed.globalMatch(dynamic.out); it.hasNext();) {
        const QString soname = it.next().captured(1);
        const QRegularExpression line(u"^\\s*"_s + QRegularExpression::escape(soname) + uR"( => (\S+))"_s,
            QRegularExpression::MultilineOption);
        QRegularExpressionMatch match = line.match(resolved.out);
        // The dynamic loader (NEEDED by code with thread_local) is listed by its path, without "=>".
        if (!match.hasMatch())
            match = QRegularExpression(uR"(^\s*(/\S*/)"_s + QRegularExpression::escape(soname) + uR"()\s+\()"_s,
                QRegularExpression::MultilineOption)
                        .match(resolved.out);
        if (!match.hasMatch()) {
            *error = soname + u" is not resolved by ldd:\n"_s + resolved.out;
            return {};
        }
        libraries.append({ soname, match.captured(1) });
    }
    return libraries;
}

} // namespace

// Builds the .deb and .tar.gz from this build tree with CPack, unpacks the .deb into a throwaway root and
// checks what a user would get from installing it.
class PackageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void debHoldsInstalledFiles_data();
    void debHoldsInstalledFiles();
    void tarballHoldsInstalledFiles_data();
    void tarballHoldsInstalledFiles();

    void installedProgramsPrintProjectVersion_data();
    void installedProgramsPrintProjectVersion();
    void installedDesktopAppPrintsHelp();

    void dependsCoversEveryLinkedLibrary_data();
    void dependsCoversEveryLinkedLibrary();
    void dependsCoversRuntimeQtPlugins_data();
    void dependsCoversRuntimeQtPlugins();

    void desktopFileValidates();
    void desktopFileNamesInstalledProgramAndIcon();
    void metainfoValidates();
    void metainfoDescribesThisRelease();
    void installedIconIsTheAppSvgAndRenders();

private:
    QProcessEnvironment withoutDisplay() const;
    QString usr(const QString &relative) const { return m_dir.filePath(u"root/usr/"_s + relative); }
    QString cpack(const QString &generator, QString *error);

    QTemporaryDir m_dir;
    QString m_binaryDir;
    QString m_deb;
    QStringList m_tarballEntries;
    QSet<QString> m_depends;
    QString m_dependsField;
};

QString PackageTest::cpack(const QString &generator, QString *error)
{
    const QString outputDir = m_dir.filePath(generator);
    const ProcessResult result = run(QStringLiteral(SAGEDESK_CPACK_COMMAND),
        { u"--config"_s, m_binaryDir + u"/CPackConfig.cmake"_s, u"-G"_s, generator, u"-B"_s, outputDir },
        QProcessEnvironment::systemEnvironment(), m_binaryDir);
    if (!result.ok()) {
        *error = result.describe(u"cpack -G "_s + generator);
        return {};
    }
    const QStringList packages = QDir(outputDir).entryList({ u"*.deb"_s, u"*.tar.gz"_s }, QDir::Files);
    if (packages.size() != 1) {
        *error = u"cpack -G %1 made %2 packages: %3"_s.arg(generator)
                     .arg(packages.size())
                     .arg(packages.join(u", "_s));
        return {};
    }
    return QDir(outputDir).filePath(packages.first());
}

void PackageTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_binaryDir = qEnvironmentVariable("SAGEDESK_BINARY_DIR");
    QVERIFY2(!m_binaryDir.isEmpty(), "SAGEDESK_BINARY_DIR is not set; run this test through ctest");
    // CPack installs the build tree as it is and builds nothing, so a missing program would only show up as
    // a confusing install error.
    for (const auto &program : { u"app/sagedesk"_s, u"app/sagedesk-cli"_s }) {
        QVERIFY2(QFileInfo(m_binaryDir + u'/' + program).isExecutable(),
            qPrintable(program + u" is not built; build sagedesk and sagedesk-cli before this test"_s));
    }

    QString error;
    m_deb = cpack(u"DEB"_s, &error);
    QVERIFY2(!m_deb.isEmpty(), qPrintable(error));
    const QString tarball = cpack(u"TGZ"_s, &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));
    const ProcessResult list = run(u"tar"_s, { u"-tzf"_s, tarball });
    QVERIFY2(list.ok(), qPrintable(list.describe(u"tar -tzf"_s)));
    m_tarballEntries = list.out.split(u'\n', Qt::SkipEmptyParts);

    const QString architecture = run(u"dpkg"_s, { u"--print-architecture"_s }).out.trimmed();
    QCOMPARE(QFileInfo(m_deb).fileName(),
        u"sagedesk_%1_%2.deb"_s.arg(QStringLiteral(SAGEDESK_VERSION), architecture));

    const ProcessResult unpack = run(u"dpkg-deb"_s, { u"-x"_s, m_deb, m_dir.filePath(u"root"_s) });
    QVERIFY2(unpack.ok(), qPrintable(unpack.describe(u"dpkg-deb -x"_s)));
    const ProcessResult depends = run(u"dpkg-deb"_s, { u"-f"_s, m_deb, u"Depends"_s });
    QVERIFY2(depends.ok(), qPrintable(depends.describe(u"dpkg-deb -f"_s)));
    m_dependsField = depends.out.trimmed();
    m_depends = packageNames(m_dependsField);
    qInfo("Depends: %s", qPrintable(m_dependsField));
}

void PackageTest::debHoldsInstalledFiles_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : installedFiles())
        QTest::newRow(qPrintable(path)) << path;
}

void PackageTest::debHoldsInstalledFiles()
{
    QFETCH(QString, path);
    const QFileInfo file(usr(path));
    QVERIFY2(file.isFile(), qPrintable(u"/usr/"_s + path + u" is not in the .deb"_s));
    if (path.startsWith(u"bin/"_s))
        QVERIFY(file.isExecutable());
}

void PackageTest::tarballHoldsInstalledFiles_data()
{
    debHoldsInstalledFiles_data();
}

void PackageTest::tarballHoldsInstalledFiles()
{
    QFETCH(QString, path);
    const QString topDir = u"sagedesk-%1-Linux/"_s.arg(QStringLiteral(SAGEDESK_VERSION));
    QVERIFY2(
        m_tarballEntries.contains(topDir + path), qPrintable(topDir + path + u" is not in the .tar.gz"_s));
}

// --version and --help must work where there is no display at all (over SSH, in scripts): no X or Wayland
// display and no QT_QPA_PLATFORM, so a program that created its GUI application first would abort.
QProcessEnvironment PackageTest::withoutDisplay() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s })
        environment.remove(name);
    QDir(m_dir.path()).mkpath(u"home"_s);
    environment.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    return environment;
}

void PackageTest::installedProgramsPrintProjectVersion_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("expected");
    const QString version = QStringLiteral(SAGEDESK_VERSION);
    QTest::newRow("sagedesk-cli") << u"bin/sagedesk-cli"_s << u"sagedesk-cli "_s + version;
    QTest::newRow("sagedesk") << u"bin/sagedesk"_s << u"SageDesk "_s + version;
}

void PackageTest::installedProgramsPrintProjectVersion()
{
    QFETCH(QString, program);
    QFETCH(QString, expected);
    const ProcessResult result = run(usr(program), { u"--version"_s }, withoutDisplay());
    QVERIFY2(result.ok(), qPrintable(result.describe(program + u" --version"_s)));
    QCOMPARE(result.out.trimmed(), expected);
}

void PackageTest::installedDesktopAppPrintsHelp()
{
    const ProcessResult result = run(usr(u"bin/sagedesk"_s), { u"--help"_s }, withoutDisplay());
    QVERIFY2(result.ok(), qPrintable(result.describe(u"sagedesk --help"_s)));
    QVERIFY2(result.out.contains(u"--version"_s), qPrintable(result.out));
}

void PackageTest::dependsCoversEveryLinkedLibrary_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("sagedesk") << u"bin/sagedesk"_s;
    QTest::newRow("sagedesk-cli") << u"bin/sagedesk-cli"_s;
}

void PackageTest::dependsCoversEveryLinkedLibrary()
{
    QFETCH(QString, program);
    QString error;
    const auto libraries = neededLibraries(usr(program), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!libraries.isEmpty(), "the program links no shared library; it cannot have been read right");
    for (const auto &[soname, path] : libraries) {
        const QString package = owningPackage(path, &error);
        QVERIFY2(!package.isEmpty(), qPrintable(error));
        QVERIFY2(m_depends.contains(package),
            qPrintable(u"%1 needs %2 from %3, which Depends does not name: %4"_s.arg(
                program, soname, package, m_dependsField)));
    }
}

void PackageTest::dependsCoversRuntimeQtPlugins_data()
{
    QTest::addColumn<QString>("plugin");
    QTest::newRow("X11 platform") << u"platforms/libqxcb.so"_s;
    QTest::newRow("SVG icon engine (window and About icon)") << u"iconengines/libqsvgicon.so"_s;
    QTest::newRow("SQLite driver (drafts, history)") << u"sqldrivers/libqsqlite.so"_s;
}

// Qt loads these with dlopen, so dpkg-shlibdeps cannot see them; Depends must name their packages itself.
void PackageTest::dependsCoversRuntimeQtPlugins()
{
    QFETCH(QString, plugin);
    const QString path = QLibraryInfo::path(QLibraryInfo::PluginsPath) + u'/' + plugin;
    QVERIFY2(QFileInfo::exists(path), qPrintable(path + u" is not installed on this system"_s));
    QString error;
    const QString package = owningPackage(path, &error);
    QVERIFY2(!package.isEmpty(), qPrintable(error));
    QVERIFY2(m_depends.contains(package),
        qPrintable(
            u"%1 comes from %2, which Depends does not name: %3"_s.arg(plugin, package, m_dependsField)));
}

void PackageTest::desktopFileValidates()
{
    const QString file = usr(u"share/applications/"_s + appId() + u".desktop"_s);
    const ProcessResult result = run(u"desktop-file-validate"_s, { file });
    QVERIFY2(result.ok(), qPrintable(result.describe(u"desktop-file-validate"_s)));
    // Hints and warnings still exit 0; a clean file prints nothing.
    QVERIFY2(result.out.trimmed().isEmpty(), qPrintable(result.out));
}

void PackageTest::desktopFileNamesInstalledProgramAndIcon()
{
    QFile file(usr(u"share/applications/"_s + appId() + u".desktop"_s));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QHash<QString, QString> entry;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            entry.insert(line.left(equals), line.mid(equals + 1));
    }
    const QString program = entry.value(u"Exec"_s).section(u' ', 0, 0);
    QVERIFY2(QFileInfo(usr(u"bin/"_s + program)).isExecutable(), qPrintable(u"Exec="_s + program));
    const QString icon = entry.value(u"Icon"_s);
    QVERIFY2(QFileInfo::exists(usr(u"share/icons/hicolor/scalable/apps/"_s + icon + u".svg"_s)),
        qPrintable(u"Icon="_s + icon));
}

void PackageTest::metainfoValidates()
{
    const QString file = usr(u"share/metainfo/"_s + appId() + u".metainfo.xml"_s);
    const ProcessResult single
        = run(u"appstreamcli"_s, { u"validate"_s, u"--no-net"_s, u"--pedantic"_s, file });
    QVERIFY2(single.ok(), qPrintable(single.describe(u"appstreamcli validate"_s)));
    // validate-tree also checks that the launchable .desktop file is installed beside it.
    const ProcessResult tree
        = run(u"appstreamcli"_s, { u"validate-tree"_s, u"--no-net"_s, m_dir.filePath(u"root/usr"_s) });
    QVERIFY2(tree.ok(), qPrintable(tree.describe(u"appstreamcli validate-tree"_s)));
}

void PackageTest::metainfoDescribesThisRelease()
{
    QFile file(usr(u"share/metainfo/"_s + appId() + u".metainfo.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString id;
    QString launchable;
    QStringList releases;
    QStringList screenshots;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == "id"_L1)
            id = xml.readElementText();
        else if (name == "launchable"_L1)
            launchable = xml.readElementText();
        else if (name == "release"_L1)
            releases << xml.attributes().value("version"_L1).toString();
        else if (name == "image"_L1)
            screenshots << xml.readElementText().section(u'/', -1);
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(id, appId());
    QCOMPARE(launchable, appId() + u".desktop"_s);
    QVERIFY(!releases.isEmpty());
    QCOMPARE(releases.first(), QStringLiteral(SAGEDESK_VERSION));
    QCOMPARE(
        screenshots, (QStringList { u"dashboard.png"_s, u"training-job-form.png"_s, u"model-form.png"_s }));
}

void PackageTest::installedIconIsTheAppSvgAndRenders()
{
    const QString installed = usr(u"share/icons/hicolor/scalable/apps/"_s + appId() + u".svg"_s);
    QFile installedFile(installed);
    QFile sourceFile(qEnvironmentVariable("SAGEDESK_SOURCE_DIR") + u"/resources/icons/sagedesk.svg"_s);
    QVERIFY(installedFile.open(QIODevice::ReadOnly));
    QVERIFY(sourceFile.open(QIODevice::ReadOnly));
    QCOMPARE(installedFile.readAll(), sourceFile.readAll());

    // Qt's SVG renderer (SVG Tiny) is what draws the window icon, so it must understand the file.
    QSvgRenderer renderer(installed);
    QVERIFY(renderer.isValid());
    QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(16, 16)), 255);
}

QTEST_MAIN(PackageTest)
#include "tst_package.moc"
