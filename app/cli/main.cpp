#include "core/version.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sagedesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAGEDESK_VERSION));
    QTextStream(stdout) << "sagedesk-cli " << QCoreApplication::applicationVersion() << '\n';
    return 0;
}
