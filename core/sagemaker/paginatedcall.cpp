#include "core/sagemaker/paginatedcall.h"

#include "core/aws/awsresult.h"

#include <algorithm>

using namespace Qt::StringLiterals;

PaginatedCall::PaginatedCall(AwsTransport *transport, const QString &operation, const QJsonObject &input,
    int maxItems, QObject *parent)
    : SageMakerCall(transport, operation, input, parent)
    , m_paging(paging(operation))
    , m_maxItems(std::max(0, maxItems))
{
    const int requested = input.value("MaxResults"_L1).toInt(0);
    m_pageSize = requested > 0 ? std::clamp(requested, m_paging.minPageSize, m_paging.maxPageSize)
                               : m_paging.maxPageSize;
    m_nextToken = input.value("NextToken"_L1).toString();
}

PaginatedCall::Paging PaginatedCall::paging(const QString &operation)
{
    // MaxResults ranges from the service model: 1..100, ListTags 50..(unbounded; 100 is plenty).
    if (operation == "ListTags"_L1)
        return { u"Tags"_s, 100, 50 };
    return { itemsMember(operation), 100, 1 };
}

QString PaginatedCall::itemsMember(const QString &operation)
{
    if (operation == "ListTrainingJobs"_L1)
        return u"TrainingJobSummaries"_s;
    if (operation == "ListModels"_L1)
        return u"Models"_s;
    if (operation == "ListTags"_L1)
        return u"Tags"_s;
    return operation.mid(4); // ListThings → Things
}

void PaginatedCall::start()
{
    requestPage();
}

void PaginatedCall::requestPage()
{
    QJsonObject page = input();
    int size = m_pageSize;
    if (m_maxItems > 0)
        size = std::clamp(int(m_maxItems - m_items.size()), m_paging.minPageSize, m_pageSize);
    page.insert("MaxResults"_L1, size);
    if (m_nextToken.isEmpty())
        page.remove("NextToken"_L1);
    else
        page.insert("NextToken"_L1, m_nextToken);
    send(operation(), page, [this](const AwsResult &result) { onPage(result); });
}

void PaginatedCall::onPage(const AwsResult &result)
{
    if (!result.isOk()) {
        SageMakerResult failed = fromAws(result);
        failed.pages = m_pages;
        finish(failed);
        return;
    }
    ++m_pages;
    QJsonArray pageItems = result.json.value(m_paging.itemsMember).toArray();
    bool cut = false;
    if (m_maxItems > 0 && m_items.size() + pageItems.size() > m_maxItems) {
        // More than asked for (the smallest page size is above what was still wanted): no token can
        // resume exactly after the cut.
        while (m_items.size() + pageItems.size() > m_maxItems)
            pageItems.removeLast();
        cut = true;
    }
    for (const QJsonValue &item : std::as_const(pageItems))
        m_items.append(item);
    emit pageReceived(pageItems, int(m_items.size()), m_pages);

    const QString token = result.json.value("NextToken"_L1).toString();
    const bool full = m_maxItems > 0 && m_items.size() >= m_maxItems;
    if (!token.isEmpty() && !full && !cut) {
        if (token == m_nextToken) {
            SageMakerResult failed;
            failed.error.code = u"InvalidResponse"_s;
            failed.error.message
                = tr("%1 answered the same NextToken twice; stopped after %n page(s)", nullptr, m_pages)
                      .arg(operation());
            failed.requestId = result.requestId;
            failed.httpStatus = result.httpStatus;
            failed.pages = m_pages;
            finish(failed);
            return;
        }
        m_nextToken = token;
        requestPage();
        return;
    }

    SageMakerResult done;
    done.json.insert(m_paging.itemsMember, m_items);
    if (!token.isEmpty() && !cut)
        done.json.insert("NextToken"_L1, token);
    done.requestId = result.requestId;
    done.httpStatus = result.httpStatus;
    done.pages = m_pages;
    finish(done);
}
