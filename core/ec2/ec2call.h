#pragma once

#include "core/ec2/ec2result.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <utility>

class AwsCall;
class AwsTransport;
class Ec2XmlElement;
struct AwsResult;

// The handle of one EC2 Describe call across all its pages: sends the first page, follows nextToken until
// the last and emits finished() exactly once, at the earliest from the event loop. It deletes itself after
// finished(); deleting it before cancels the call (the page in flight included) without a signal. Connect
// with a context object so a receiver destroyed first is never called.
class Ec2Call : public QObject
{
    Q_OBJECT

public:
    using Parameters = QList<std::pair<QString, QString>>;
    // Appends one page's items to the result.
    using PageReader = void (*)(const Ec2XmlElement &response, Ec2Resources &into);

    ~Ec2Call() override;

    const QString &action() const { return m_action; }
    bool isFinished() const { return m_finished; }
    // Valid once finished.
    const Ec2Result &result() const { return m_result; }

signals:
    void finished(const Ec2Result &result);

private:
    friend class Ec2Client;

    Ec2Call(AwsTransport *transport, QString action, Parameters parameters, PageReader reader);

    void sendPage(const QString &nextToken);
    void onPage(const AwsResult &page);
    void fail(const AwsError &error);
    void finish();

    AwsTransport *m_transport; // the parent
    QString m_action;
    Parameters m_parameters;
    PageReader m_reader;
    QPointer<AwsCall> m_current;
    QSet<QString> m_tokensSeen;
    Ec2Result m_result;
    bool m_finished = false;
};
