#pragma once

#include "core/aws/awserror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class DescribeWithTags;
class SageMakerCall;
class SageMakerClient;

// The Models page's service: lists, describes and deletes the connection's models through the
// SageMakerClient, and fetches what a clone or an export needs (DescribeWithTags). The page calls it and
// listens; it never sends a request itself.
//
// One listing at a time: refresh() while one runs restarts it. Describes and deletes run side by side,
// each reported by name. A new client (another connection) cancels everything of the old one and forgets
// its models.
class ModelBrowser : public QObject
{
    Q_OBJECT

public:
    explicit ModelBrowser(QObject *parent = nullptr);
    ~ModelBrowser() override;

    // nullptr: no connection (every request then fails with notConnectedError()).
    void setClient(SageMakerClient *client);
    SageMakerClient *client() const;

    // ListModels, every page, newest first; modelsListed() or listFailed() follows.
    void refresh();
    bool isListing() const { return !m_listing.isNull(); }
    // The last listing's ModelSummary entries (ModelName, ModelArn, CreationTime), newest first.
    QJsonArray models() const { return m_models; }

    void describe(const QString &modelName);
    // DeleteModel; modelDeleted() (the model is also dropped from models()) or deleteFailed() follows.
    void deleteModel(const QString &modelName);
    bool isDeleting(const QString &modelName) const { return m_deleting.contains(modelName); }
    // DescribeModel + ListTags for a clone or an export; nullptr without a client. Connect to the handle's
    // finished().
    DescribeWithTags *fetchWithTags(const QString &modelName, QObject *parent = nullptr);

signals:
    // Another connection (or none): what was listed belongs to the old one.
    void clientChanged();
    void listingStarted();
    void modelsListed(const QJsonArray &models);
    void listFailed(const AwsError &error);
    void modelDescribed(const QString &modelName, const QJsonObject &description);
    void describeFailed(const QString &modelName, const AwsError &error);
    void modelDeleted(const QString &modelName);
    void deleteFailed(const QString &modelName, const AwsError &error);

private:
    void cancelAll();

    QPointer<SageMakerClient> m_client;
    QPointer<SageMakerCall> m_listing;
    QList<QPointer<SageMakerCall>> m_calls; // describes and deletes
    QSet<QString> m_deleting;
    QJsonArray m_models;
};
