#include "core/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SageDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SAGEDESK_VERSION));
    // Ties the window to the installed .desktop entry (its icon and name in docks and task switchers).
    QGuiApplication::setDesktopFileName(QStringLiteral(SAGEDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sagedesk/icons/sagedesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop job manager for Amazon SageMaker"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    // Lenient until the main window declares its own options (scripts/run.sh already passes --sandbox).
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(helpOption))
        parser.showHelp();
    if (parser.isSet(versionOption))
        parser.showVersion();

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("SageDesk"));
    window.show();
    return app.exec();
}
