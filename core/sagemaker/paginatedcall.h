#pragma once

#include "core/sagemaker/sagemakercall.h"

// A list operation followed through every NextToken, its pages merged into one document
// {"<itemsMember>": [...]} (the helpers behind SageMakerClient::listAll*).
//
// With maxItems > 0 it stops once that many entries arrived, and asks each page for no more than are still
// wanted (MaxResults), so the cut falls on a page boundary: when entries remain, the merged document
// carries the service's NextToken to resume from, as the AWS CLI's --max-items does. A page may be empty
// and still carry a NextToken (filters applied after paging); that is followed, not taken for the end.
// A NextToken the service repeats would loop forever: that ends the call with an error.
class PaginatedCall : public SageMakerCall
{
    Q_OBJECT

public:
    // operation: ListTrainingJobs, ListModels or ListTags. input is its request: filters, sort order, and
    // optionally MaxResults (the page size) and NextToken (where to start). maxItems 0 means all.
    PaginatedCall(AwsTransport *transport, const QString &operation, const QJsonObject &input, int maxItems,
        QObject *parent);

    // The member holding a list operation's entries: "TrainingJobSummaries", "Models", "Tags".
    static QString itemsMember(const QString &operation);

protected:
    void start() override;

private:
    struct Paging
    {
        QString itemsMember;
        int maxPageSize = 100; // the operation's largest MaxResults
        int minPageSize = 1; // its smallest (ListTags: 50)
    };
    static Paging paging(const QString &operation);

    void requestPage();
    void onPage(const AwsResult &result);

    Paging m_paging;
    int m_maxItems;
    int m_pageSize;
    QString m_nextToken;
    QJsonArray m_items;
    int m_pages = 0;
};
