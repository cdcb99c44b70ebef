#pragma once

#include "core/pricing/pricelistclient.h"
#include "core/store/localstore.h"
#include "tests/aws/transportharness.h"
#include "tests/pricing/pricingfixtures.h"

#include <QTemporaryDir>
#include <memory>

// A Price List client signing for "pricing" against the fixture server, and a LocalStore in a temporary
// folder, all on the harness's ManualClock. serveFixturePages() makes the server answer GetProducts like the
// real API: the first page without a NextToken, the second page for the first page's token.
struct PricingHarness : TransportHarness
{
    explicit PricingHarness(const QString &signingRegion = QStringLiteral("us-east-1"))
        : store(dir.filePath(QStringLiteral("sagedesk.sqlite")), &clock)
    {
        transport = std::make_unique<AwsTransport>(
            AwsTransport::Settings { server.url(), signingRegion, QStringLiteral("pricing") }, credentials,
            &clock);
        transport->retryPolicy().setRandomSource([] { return 0.5; });
        client = std::make_unique<PriceListClient>(transport.get());
        if (!store.open())
            qFatal("cannot open the store");
    }

    void serveFixturePages()
    {
        server.setHandler(QStringLiteral("GetProducts"), [](const FixtureRequest &request) {
            const QJsonObject first = PricingFixtures::firstPage();
            const QString token = request.json().value(QStringLiteral("NextToken")).toString();
            if (token.isEmpty())
                return FixtureAction::json(first);
            if (token == first.value(QStringLiteral("NextToken")).toString())
                return FixtureAction::json(PricingFixtures::lastPage());
            return FixtureAction::awsError(400, QStringLiteral("InvalidNextTokenException"),
                QStringLiteral("The pagination token is invalid"), QStringLiteral("com.amazonaws.pricing"));
        });
    }

    QTemporaryDir dir;
    LocalStore store;
    std::unique_ptr<PriceListClient> client;
};
