#include "core/version.h"
#include "ui/aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace {

// Read from OpenSSL here rather than through core, so the test proves the dialog shows the real library.
QString runtimeOpenSsl()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace

class AboutDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void showsComponentVersions_data();
    void showsComponentVersions();
    void linksLicenceAndProject_data();
    void linksLicenceAndProject();
    void showsAppIcon();
    void copyPutsVersionsOnClipboard();
    void rendersToPng();

private:
    QString labelText(const AboutDialog &dialog, const QString &objectName)
    {
        const auto *label = dialog.findChild<QLabel *>(objectName);
        return label ? label->text() : u"<no QLabel named %1>"_s.arg(objectName);
    }
};

void AboutDialogTest::showsComponentVersions_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");
    QTest::newRow("project version from CMake") << u"appVersion"_s << QStringLiteral(SAGEDESK_VERSION);
    QTest::newRow("Qt runtime version") << u"qtVersion"_s << QString::fromLatin1(qVersion());
    QTest::newRow("OpenSSL runtime version") << u"openSslVersion"_s << runtimeOpenSsl();
}

void AboutDialogTest::showsComponentVersions()
{
    QFETCH(QString, label);
    QFETCH(QString, expected);
    QVERIFY(!expected.isEmpty());
    AboutDialog dialog;
    const QString text = labelText(dialog, label);
    QVERIFY2(text.startsWith(expected), qPrintable(text + u" does not start with "_s + expected));
}

void AboutDialogTest::linksLicenceAndProject_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("text");
    QTest::newRow("licence") << u"licence"_s << u"https://www.apache.org/licenses/LICENSE-2.0"_s
                             << u"Apache License 2.0"_s;
    QTest::newRow("project") << u"projectLink"_s << QStringLiteral(SAGEDESK_HOMEPAGE_URL)
                             << QStringLiteral(SAGEDESK_HOMEPAGE_URL);
}

void AboutDialogTest::linksLicenceAndProject()
{
    QFETCH(QString, label);
    QFETCH(QString, url);
    QFETCH(QString, text);
    AboutDialog dialog;
    const auto *link = dialog.findChild<QLabel *>(label);
    QVERIFY(link);
    QVERIFY(link->openExternalLinks());
    QVERIFY2(link->text().contains(u"href=\""_s + url + u'"'), qPrintable(link->text()));
    QVERIFY2(link->text().contains(u'>' + text + u"</a>"_s), qPrintable(link->text()));
}

void AboutDialogTest::showsAppIcon()
{
    AboutDialog dialog;
    const auto *icon = dialog.findChild<QLabel *>(u"appIcon"_s);
    QVERIFY(icon);
    // Null when the SVG is missing from the resources or Qt's SVG icon engine is not installed.
    QVERIFY(!icon->pixmap().isNull());
    QVERIFY(icon->pixmap().width() >= 64);
}

void AboutDialogTest::copyPutsVersionsOnClipboard()
{
    QGuiApplication::clipboard()->clear();
    AboutDialog dialog;
    auto *copy = dialog.findChild<QPushButton *>(u"copyVersionInfo"_s);
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    const QStringList expectedLines { u"SageDesk "_s + QStringLiteral(SAGEDESK_VERSION),
        u"Qt "_s + QString::fromLatin1(qVersion()), runtimeOpenSsl() };
    for (const QString &expected : expectedLines) {
        QVERIFY2(copied.contains(expected), qPrintable(copied + u" lacks "_s + expected));
    }
    QCOMPARE(copied, dialog.versionReport());
}

// Leaves the picture in $SAGEDESK_SCREENSHOT_DIR when set (the README's screenshots), else in the build tree.
void AboutDialogTest::rendersToPng()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage image = dialog.grab().toImage();
    QVERIFY(!image.isNull());

    QString dir = qEnvironmentVariable("SAGEDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = qEnvironmentVariable("SAGEDESK_BINARY_DIR") + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + u"/about-dialog.png"_s;
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("About dialog rendered to %s", qPrintable(path));
    const QImage saved(path);
    QCOMPARE(saved.size(), image.size());
}

QTEST_MAIN(AboutDialogTest)
#include "tst_aboutdialog.moc"
