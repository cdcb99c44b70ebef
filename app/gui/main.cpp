#include "core/aws/connectionsettings.h"
#include "core/aws/localsandbox.h"
#include "core/pricing/priceservice.h"
#include "core/session/connectionservices.h"
#include "core/session/session.h"
#include "core/store/localstore.h"
#include "core/version.h"
#include "ui/dashboard/dashboardpages.h"
#include "ui/forms/formpages.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <cstdio>
#include <memory>

namespace {

// --help and --version print and exit, so they need no display: answered from a QCoreApplication they work
// over SSH and in scripts, where creating the GUI application would abort.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all"
            || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = onlyPrints(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SageDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("SageDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAGEDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop job manager for Amazon SageMaker"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QCoreApplication::translate(
            "main", "Start a local sandbox (moto_server on 127.0.0.1) and connect to it."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QCoreApplication::translate("main", "Use this profile of the AWS config and credentials files."),
        QStringLiteral("name"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
        QCoreApplication::translate("main", "Use this AWS region, e.g. eu-west-1."),
        QStringLiteral("region"));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint-url"),
        QCoreApplication::translate(
            "main", "Send SageMaker requests to this URL instead of the region's endpoint."),
        QStringLiteral("url"));
    parser.addOptions({ sandboxOption, profileOption, regionOption, endpointOption });
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s: %s\n%s\n", qPrintable(QCoreApplication::applicationName().toLower()),
            qPrintable(parser.errorText()),
            qPrintable(QCoreApplication::translate("main", "Try 'sagedesk --help' for the options.")));
        return 2;
    }
    if (parser.isSet(helpOption))
        parser.showHelp();
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "sagedesk: %s\n",
            qPrintable(QCoreApplication::translate("main", "unexpected argument '%1'")
                           .arg(parser.positionalArguments().constFirst())));
        return 2;
    }
    // Ties the window to the installed .desktop entry (its icon and name in docks and task switchers).
    QGuiApplication::setDesktopFileName(QStringLiteral(SAGEDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sagedesk/icons/sagedesk.svg")));

    Session *session = Session::fromSystem(application.get());
    // Drafts, templates, recently used values, prices and job history; the program works without it (and
    // says so) if it cannot be opened.
    LocalStore store;
    const StoreResult<> storeOpened = store.open();
    if (!storeOpened)
        std::fprintf(stderr, "sagedesk: %s\n", qPrintable(storeOpened.error()));
    session->setStore(store.isOpen() ? &store : nullptr);
    // Training prices of the connection's region, kept fresh in the background.
    std::unique_ptr<PriceService> prices;
    if (store.isOpen()) {
        prices = std::make_unique<PriceService>(store);
        QObject::connect(session, &Session::connectionChanged, prices.get(), [session, &prices] {
            const ConnectionServices *services = session->services();
            if (services)
                prices->setConnection(services->priceList(), services->region(), services->pricingUnavailable());
            else
                prices->setConnection(nullptr, QString(), session->errorString());
        });
    }
    MainWindow window(session);
    FormPages forms(&window, session, store.isOpen() ? &store : nullptr, prices.get());
    // After the forms: both use File > Export JSON, each while one of its pages is current.
    DashboardPages dashboard(&window, session, store.isOpen() ? &store : nullptr, prices.get());
    QObject::connect(
        &dashboard, &DashboardPages::cloneTrainingJobRequested, &forms, &FormPages::cloneTrainingJob);
    QObject::connect(&dashboard, &DashboardPages::cloneModelRequested, &forms, &FormPages::cloneModel);
    QObject::connect(&forms, &FormPages::openOnDashboardRequested, &dashboard,
        [&dashboard](SpecKind kind, const QString &, const QString &name) { dashboard.open(kind, name); });
    window.show();

    // The command line beats the saved choice and is not saved: it is for this run.
    QSettings settings;
    const std::optional<ConnectionSettings> saved = ConnectionSettings::load(settings);
    ConnectionSettings choice = saved.value_or(ConnectionSettings());
    if (parser.isSet(sandboxOption)) {
        choice = ConnectionSettings();
        choice.sandbox = true;
    } else if (parser.isSet(profileOption) || parser.isSet(regionOption) || parser.isSet(endpointOption)) {
        choice = ConnectionSettings { .profile = parser.value(profileOption),
            .region = parser.value(regionOption),
            .endpointUrl = parser.value(endpointOption),
            .sandbox = false };
    }
    session->connectTo(choice);
    if (!choice.sandbox && !session->credentialsConfigured() && LocalSandbox::isAvailable())
        window.showSandboxOffer();
    const int exitCode = QCoreApplication::exec();
    // The connection's monitor writes its last history into the store as it stops: it goes first.
    delete session;
    return exitCode;
}
