#pragma once

#include "core/sagemaker/sagemakerclient.h"
#include "tests/aws/transportharness.h"
#include "tests/sagemaker/samplespecs.h"

// A SageMakerClient on the fixture-server transport harness: time on a ManualClock, backoffs free.
struct ClientHarness : TransportHarness
{
    ClientHarness() { client = std::make_unique<SageMakerClient>(transport.get()); }

    // Runs the call to its end and returns its result.
    SageMakerResult run(SageMakerCall *call)
    {
        SageMakerResult result;
        bool finished = false;
        QObject::connect(call, &SageMakerCall::finished, call, [&](const SageMakerResult &r) {
            result = r;
            finished = true;
        });
        if (!drive([&] { return finished; }))
            qWarning("call did not finish");
        return result;
    }

    std::unique_ptr<SageMakerClient> client;
};
