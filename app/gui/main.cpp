#include "core/version.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SageDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SAGEDESK_VERSION));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("SageDesk"));
    window.show();
    return app.exec();
}
