#pragma once

#include "core/sagemaker/sagemakerresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class AwsTransport;
struct AwsResult;

// The handle of one SageMakerClient call (request/handle/result): emits finished() exactly once, from the
// event loop (never from inside the client method that returned it), then deletes itself. Deleting it
// earlier cancels the call, with every request it still has on the wire, without a signal. Connect with a
// context object so a receiver destroyed first is never called:
//
//     SageMakerCall *call = client->describeTrainingJob(name);
//     connect(call, &SageMakerCall::finished, this, [this](const SageMakerResult &result) { ... });
//
// One operation is one request (retries are the transport's); the list-all helpers and the safe create
// are subclasses that run several.
class SageMakerCall : public QObject
{
    Q_OBJECT

public:
    ~SageMakerCall() override;

    // "DescribeTrainingJob"; the list-all helpers name the list operation.
    QString operation() const { return m_operation; }
    bool isFinished() const { return m_finished; }
    // Valid once finished.
    const SageMakerResult &result() const { return m_result; }

    // Ends the call now with the error "Aborted" (finished() is emitted from inside abort()).
    void abort();

signals:
    void finished(const SageMakerResult &result);
    // List-all helpers: one page arrived. items are that page's entries (after the maxItems cut),
    // totalItems the entries so far, pages the pages so far.
    void pageReceived(const QJsonArray &items, int totalItems, int pages);

protected:
    // transport must outlive the call. Starts from the event loop (see start()).
    SageMakerCall(AwsTransport *transport, QString operation, QJsonObject input, QObject *parent);

    // Runs the call; the default sends operation() with input() once and finishes with its answer.
    virtual void start();

    const QJsonObject &input() const { return m_input; }
    AwsTransport *transport() const;

    // Sends one request that belongs to this call: it is counted in result().requests, and cancelled when
    // the handle is deleted. then runs with its result unless the call has finished by then.
    void send(
        const QString &operation, const QJsonObject &input, std::function<void(const AwsResult &)> then);
    // Runs another call as part of this one (counted and cancelled the same way).
    void run(SageMakerCall *call, std::function<void(const SageMakerResult &)> then);
    void finish(SageMakerResult result);

    static SageMakerResult fromAws(const AwsResult &result);

private:
    friend class SageMakerClient;

    // start() from the event loop, so the caller connects to finished() first.
    void startLater();

    QPointer<AwsTransport> m_transport;
    QString m_operation;
    QJsonObject m_input;
    SageMakerResult m_result;
    int m_requests = 0;
    bool m_finished = false;
};
