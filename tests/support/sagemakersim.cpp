#include "tests/support/sagemakersim.h"

#include "core/api/timestamp.h"
#include "core/aws/clock.h"
#include "tests/support/fixtureserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QStringList Statuses { u"InProgress"_s, u"Completed"_s, u"Failed"_s, u"Stopping"_s, u"Stopped"_s,
    u"Deleting"_s };
const QStringList SortFields { u"Name"_s, u"CreationTime"_s, u"Status"_s };
const QStringList SortOrders { u"Ascending"_s, u"Descending"_s };

FixtureAction validationError(const QString &message)
{
    return FixtureAction::awsError(400, u"ValidationException"_s, message);
}

FixtureAction notFound()
{
    return validationError(u"Requested resource not found."_s);
}

// "1 validation error detected: Value '500' at 'maxResults' failed to satisfy constraint: ...", as the
// service words it.
FixtureAction constraintError(const QString &value, const QString &member, const QString &constraint)
{
    return validationError(
        u"1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: %3"_s.arg(
            value, member, constraint));
}

// The time of a timestamp member, or nullopt-like -1 when absent; *bad when present but unreadable.
qint64 timeMember(const QJsonObject &input, const QString &key, bool *bad)
{
    if (!input.contains(key))
        return -1;
    const QDateTime time = Timestamp::parse(input.value(key));
    if (!time.isValid()) {
        *bad = true;
        return -1;
    }
    return time.toMSecsSinceEpoch();
}

} // namespace

struct SageMakerSim::Row
{
    QString name;
    qint64 creationMs = 0;
    SimTrainingJob::Brief brief;
    const SimTrainingJob *job = nullptr;
};

SageMakerSim::SageMakerSim(Clock *clock, QString region, QString account)
    : m_clock(clock)
    , m_region(std::move(region))
    , m_arnPrefix(u"arn:aws:sagemaker:%1:%2:training-job/"_s.arg(m_region, account))
    , m_createdPhases(SimTrainingJob::standardPhases(20s, 30s, 120s, 20s))
{ }

SageMakerSim::~SageMakerSim() = default;

void SageMakerSim::attach(FixtureServer &server)
{
    server.setDefaultHandler([this](const FixtureRequest &request) { return handle(request); });
}

qint64 SageMakerSim::nowMs() const
{
    return m_clock->now().toMSecsSinceEpoch();
}

FixtureAction SageMakerSim::handle(const FixtureRequest &request)
{
    const qint64 now = nowMs();
    const QString operation = request.operation();
    const bool throttled = takeThrottle(now);
    m_requests.append({ operation, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC), throttled });
    if (throttled)
        return FixtureAction::awsError(400, u"ThrottlingException"_s, u"Rate exceeded"_s);
    const QJsonObject input = request.json();
    if (operation == u"ListTrainingJobs"_s)
        return listTrainingJobs(input, now);
    if (operation == u"DescribeTrainingJob"_s)
        return describeTrainingJob(input, now);
    if (operation == u"StopTrainingJob"_s)
        return stopTrainingJob(input, now);
    if (operation == u"CreateTrainingJob"_s)
        return createTrainingJob(input, now);
    return FixtureAction::awsError(400, u"UnknownOperationException"_s,
        u"The SageMaker simulation does not implement %1"_s.arg(operation), {});
}

bool SageMakerSim::takeThrottle(qint64 nowMs)
{
    if (m_throttleNext > 0) {
        --m_throttleNext;
        return true;
    }
    if (nowMs < m_throttleUntilMs)
        return true;
    if (m_rateLimit <= 0.0)
        return false;
    m_rateTokens
        = std::min(m_rateBurst, m_rateTokens + double(nowMs - m_rateRefilledMs) / 1000.0 * m_rateLimit);
    m_rateRefilledMs = nowMs;
    // A hair of tolerance: a client spacing requests exactly 1/rate apart must not be throttled for rounding.
    if (m_rateTokens < 1.0 - 1e-9)
        return true;
    m_rateTokens = std::max(0.0, m_rateTokens - 1.0);
    return false;
}

void SageMakerSim::throttleFor(std::chrono::milliseconds window)
{
    m_throttleUntilMs = nowMs() + window.count();
}

void SageMakerSim::setRateLimit(double requestsPerSecond, double burst)
{
    m_rateLimit = requestsPerSecond;
    m_rateBurst = std::max(1.0, burst);
    m_rateTokens = m_rateBurst;
    m_rateRefilledMs = nowMs();
}

qsizetype SageMakerSim::requestCount(const QString &operation) const
{
    return std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&operation](const RequestRecord &r) { return r.operation == operation; });
}

qsizetype SageMakerSim::throttledCount() const
{
    return std::count_if(
        m_requests.cbegin(), m_requests.cend(), [](const RequestRecord &r) { return r.throttled; });
}

void SageMakerSim::addJob(SimTrainingJob::Script script)
{
    if (!script.creationTime.isValid())
        script.creationTime = m_clock->now();
    if (SimTrainingJob *old = m_byName.take(script.name)) {
        m_jobs.erase(
            std::find_if(m_jobs.begin(), m_jobs.end(), [old](const auto &job) { return job.get() == old; }));
    }
    auto job = std::make_unique<SimTrainingJob>(std::move(script));
    m_byName.insert(job->name(), job.get());
    m_jobs.push_back(std::move(job));
    m_creationIndexDirty = true;
}

const std::vector<SimTrainingJob *> &SageMakerSim::creationIndex() const
{
    if (m_creationIndexDirty) {
        m_creationIndex.clear();
        m_creationIndex.reserve(m_jobs.size());
        for (const auto &job : m_jobs)
            m_creationIndex.push_back(job.get());
        std::sort(m_creationIndex.begin(), m_creationIndex.end(),
            [](const SimTrainingJob *a, const SimTrainingJob *b) {
                return a->creationMs() != b->creationMs() ? a->creationMs() < b->creationMs()
                                                          : a->name() < b->name();
            });
        m_creationIndexDirty = false;
    }
    return m_creationIndex;
}

SimTrainingJob *SageMakerSim::findJob(const QString &name) const
{
    return m_byName.value(name);
}

const SimTrainingJob *SageMakerSim::job(const QString &name) const
{
    return findJob(name);
}

QStringList SageMakerSim::jobsInProgress() const
{
    const qint64 now = nowMs();
    QStringList names;
    for (const auto &job : m_jobs) {
        if (job->isInProgressAt(now))
            names.append(job->name());
    }
    return names;
}

bool SageMakerSim::stopJob(const QString &name)
{
    SimTrainingJob *job = findJob(name);
    return job && job->stop(nowMs(), m_stopping);
}

void SageMakerSim::populate(const BulkOptions &options)
{
    static const QStringList families { u"xgboost-churn"_s, u"bert-finetune-reviews"_s, u"resnet50-catalog"_s,
        u"llama-lora-support"_s, u"autogluon-tabular"_s, u"detr-shelf-detection"_s };
    static const QStringList instanceTypes { u"ml.m5.xlarge"_s, u"ml.m5.2xlarge"_s, u"ml.c5.4xlarge"_s,
        u"ml.g5.2xlarge"_s, u"ml.p3.2xlarge"_s, u"ml.g5.12xlarge"_s, u"ml.p4d.24xlarge"_s };
    static const QStringList failures {
        u"AlgorithmError: ExecuteUserScriptError: ExitCode 1 ErrorMessage \"RuntimeError: CUDA out of memory\""_s,
        u"ClientError: Data download failed: Could not download s3://sagedesk-sim/data/train/part-0007.csv: "
        "Access Denied"_s,
        u"CapacityError: Unable to provision requested ML compute capacity. Please retry using a different "
        u"ML "
        "instance type."_s,
    };

    QRandomGenerator random(options.seed);
    const auto between = [&random](qint64 low, qint64 high) {
        return low + qint64(random.bounded(double(std::max<qint64>(1, high - low))));
    };
    const qint64 now = nowMs();
    const qint64 spanMs = std::chrono::duration_cast<std::chrono::milliseconds>(options.span).count();
    const int total = std::max(0, options.total);
    const int inProgress = std::clamp(options.inProgress, 0, total);
    m_jobs.reserve(m_jobs.size() + size_t(total));
    m_byName.reserve(m_byName.size() + total);

    for (int i = 0; i < total; ++i) {
        SimTrainingJob::Script script;
        script.name = u"%1-%2"_s.arg(families.at(i % families.size())).arg(i, 5, 10, QChar(u'0'));
        script.instanceType = instanceTypes.at(int(random.bounded(instanceTypes.size())));
        script.instanceCount = random.bounded(8) == 0 ? 4 : 1;
        if (i < inProgress) {
            // Running for minutes to days, with hours still to go.
            const qint64 age = between(2 * 60'000,
                std::chrono::duration_cast<std::chrono::milliseconds>(options.inProgressSpan).count());
            script.creationTime = QDateTime::fromMSecsSinceEpoch(now - age, Qt::UTC);
            script.phases = SimTrainingJob::standardPhases(
                3min, 5min, std::chrono::milliseconds(age + between(2 * 3600'000, 24 * 3600'000)), 5min);
            script.maxRuntime = std::chrono::seconds(age / 1000 + 5 * 86400);
        } else {
            const auto training = std::chrono::milliseconds(between(5 * 60'000, 6 * 3600'000));
            script.phases
                = SimTrainingJob::standardPhases(std::chrono::milliseconds(between(60'000, 300'000)),
                    std::chrono::milliseconds(between(30'000, 600'000)), training,
                    std::chrono::milliseconds(between(30'000, 300'000)));
            qint64 length = 0;
            for (const SimTrainingJob::Phase &phase : std::as_const(script.phases))
                length += phase.duration.count();
            script.creationTime
                = QDateTime::fromMSecsSinceEpoch(now - 60'000 - length - between(0, spanMs), Qt::UTC);
            const double outcome = random.generateDouble();
            if (outcome < options.failedShare) {
                script.outcome = SimTrainingJob::Outcome::Failed;
                script.failureReason = failures.at(int(random.bounded(failures.size())));
            } else if (outcome < options.failedShare + options.stoppedShare / 2) {
                script.outcome = SimTrainingJob::Outcome::MaxRuntimeExceeded;
                script.maxRuntime = std::chrono::seconds(std::max<qint64>(60, training.count() / 2000));
            }
        }
        const bool stopByUser = i >= inProgress && script.outcome == SimTrainingJob::Outcome::Completed
            && random.generateDouble() < options.stoppedShare / 2;
        const qint64 created = script.creationTime.toMSecsSinceEpoch();
        addJob(std::move(script));
        if (stopByUser)
            m_jobs.back()->stop(created + 10 * 60'000, 30s);
    }
}

FixtureAction SageMakerSim::listTrainingJobs(const QJsonObject &input, qint64 nowMs) const
{
    int maxResults = 10;
    if (input.contains(u"MaxResults"_s)) {
        const QJsonValue value = input.value(u"MaxResults"_s);
        maxResults = value.toInt(-1);
        if (!value.isDouble() || maxResults < 1 || maxResults > 100)
            return constraintError(QString::number(value.toDouble()), u"maxResults"_s,
                u"Member must have value less than or equal to 100 and greater than or equal to 1"_s);
    }
    const QString sortBy = input.value(u"SortBy"_s).toString(u"CreationTime"_s);
    if (!SortFields.contains(sortBy))
        return constraintError(
            sortBy, u"sortBy"_s, u"Member must satisfy enum value set: [Name, CreationTime, Status]"_s);
    const QString sortOrder = input.value(u"SortOrder"_s).toString(u"Ascending"_s);
    if (!SortOrders.contains(sortOrder))
        return constraintError(
            sortOrder, u"sortOrder"_s, u"Member must satisfy enum value set: [Ascending, Descending]"_s);
    const QString statusEquals = input.value(u"StatusEquals"_s).toString();
    if (input.contains(u"StatusEquals"_s) && !Statuses.contains(statusEquals))
        return constraintError(statusEquals, u"statusEquals"_s,
            u"Member must satisfy enum value set: [InProgress, Completed, Failed, Stopping, Stopped, Deleting]"_s);
    const QString nameContains = input.value(u"NameContains"_s).toString();
    bool badTime = false;
    const qint64 createdAfter = timeMember(input, u"CreationTimeAfter"_s, &badTime);
    const qint64 createdBefore = timeMember(input, u"CreationTimeBefore"_s, &badTime);
    const qint64 modifiedAfter = timeMember(input, u"LastModifiedTimeAfter"_s, &badTime);
    const qint64 modifiedBefore = timeMember(input, u"LastModifiedTimeBefore"_s, &badTime);
    if (badTime)
        return validationError(u"A timestamp filter is not a valid timestamp"_s);

    // The token names the query it belongs to and the last row handed out: pages stay put when jobs are
    // created between two requests.
    QJsonObject query = input;
    query.remove(u"NextToken"_s);
    query.remove(u"MaxResults"_s);
    const QByteArray queryId = QCryptographicHash::hash(
        QJsonDocument(query).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1)
                                   .toHex()
                                   .left(16);
    std::optional<Row> cursor;
    if (const QString token = input.value(u"NextToken"_s).toString(); !token.isEmpty()) {
        const QJsonObject decoded
            = QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding))
                  .object();
        if (decoded.value(u"q"_s).toString().toLatin1() != queryId)
            return validationError(u"The NextToken is not valid for this request"_s);
        Row row;
        row.name = decoded.value(u"n"_s).toString();
        row.creationMs = qint64(decoded.value(u"c"_s).toDouble());
        row.brief.status = decoded.value(u"s"_s).toString();
        cursor = row;
    }

    enum class Sort { Name, CreationTime, Status };
    const Sort sort = sortBy == u"Name"_s ? Sort::Name
        : sortBy == u"Status"_s           ? Sort::Status
                                          : Sort::CreationTime;
    const bool descending = sortOrder == u"Descending"_s;
    const auto ascending = [sort](const Row &a, const Row &b) {
        if (sort == Sort::Status && a.brief.status != b.brief.status)
            return a.brief.status < b.brief.status;
        if (sort != Sort::Name && a.creationMs != b.creationMs)
            return a.creationMs < b.creationMs;
        return a.name < b.name;
    };
    const auto ordered
        = [&](const Row &a, const Row &b) { return descending ? ascending(b, a) : ascending(a, b); };
    const auto admit = [&](const SimTrainingJob &job, Row *row) {
        const qint64 created = job.creationMs();
        if (created > nowMs || (createdAfter >= 0 && created <= createdAfter)
            || (createdBefore >= 0 && created >= createdBefore))
            return false;
        if (!nameContains.isEmpty() && !job.name().contains(nameContains, Qt::CaseInsensitive))
            return false;
        SimTrainingJob::Brief brief = job.briefAt(nowMs);
        if ((!statusEquals.isEmpty() && brief.status != statusEquals)
            || (modifiedAfter >= 0 && brief.lastModifiedMs <= modifiedAfter)
            || (modifiedBefore >= 0 && brief.lastModifiedMs >= modifiedBefore))
            return false;
        *row = { job.name(), created, std::move(brief), &job };
        return true;
    };

    // The rows after the cursor, one more than the page holds when there are more.
    std::vector<Row> page;
    const size_t wanted = size_t(maxResults) + 1;
    if (sort == Sort::CreationTime) {
        // Creation times never change: walk the index kept in creation order, and stop when the page is full.
        const std::vector<SimTrainingJob *> &index = creationIndex();
        const auto key = [](const SimTrainingJob *job) {
            return Row { job->name(), job->creationMs(), {}, job };
        };
        Row row;
        if (!descending) {
            auto it = cursor ? std::upper_bound(index.cbegin(), index.cend(), *cursor,
                          [&](const Row &c, const SimTrainingJob *job) { return ascending(c, key(job)); })
                             : index.cbegin();
            for (; it != index.cend() && page.size() < wanted; ++it) {
                if (admit(**it, &row))
                    page.push_back(row);
            }
        } else {
            auto it = cursor ? std::lower_bound(index.cbegin(), index.cend(), *cursor,
                          [&](const SimTrainingJob *job, const Row &c) { return ascending(key(job), c); })
                             : index.cend();
            while (it != index.cbegin() && page.size() < wanted) {
                --it;
                if (admit(**it, &row))
                    page.push_back(row);
            }
        }
    } else {
        std::vector<Row> rows;
        rows.reserve(m_jobs.size());
        Row row;
        for (const auto &job : m_jobs) {
            if (admit(*job, &row))
                rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end(), ordered);
        auto first = cursor ? std::upper_bound(rows.cbegin(), rows.cend(), *cursor, ordered) : rows.cbegin();
        page.assign(first, rows.cend() - first > qsizetype(wanted) ? first + qsizetype(wanted) : rows.cend());
    }
    const bool more = page.size() == wanted;
    if (more)
        page.pop_back();

    QJsonArray summaries;
    for (const Row &row : page)
        summaries.append(row.job->summaryAt(nowMs, m_arnPrefix));
    QJsonObject answer { { u"TrainingJobSummaries"_s, summaries } };
    if (more) {
        const Row &end = page.back();
        const QJsonObject token { { u"q"_s, QString::fromLatin1(queryId) }, { u"n"_s, end.name },
            { u"c"_s, double(end.creationMs) }, { u"s"_s, end.brief.status } };
        answer.insert(u"NextToken"_s,
            QString::fromLatin1(
                QJsonDocument(token).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding)));
    }
    return FixtureAction::json(answer);
}

FixtureAction SageMakerSim::describeTrainingJob(const QJsonObject &input, qint64 nowMs) const
{
    const SimTrainingJob *job = findJob(input.value(u"TrainingJobName"_s).toString());
    if (!job || job->creationMs() > nowMs)
        return notFound();
    return FixtureAction::json(job->descriptionAt(nowMs, m_arnPrefix));
}

FixtureAction SageMakerSim::stopTrainingJob(const QJsonObject &input, qint64 nowMs)
{
    SimTrainingJob *job = findJob(input.value(u"TrainingJobName"_s).toString());
    if (!job || job->creationMs() > nowMs)
        return notFound();
    if (!job->stop(nowMs, m_stopping))
        return validationError(u"The request was rejected because the training job is in status %1."_s.arg(
            job->briefAt(nowMs).status));
    return FixtureAction::json({});
}

FixtureAction SageMakerSim::createTrainingJob(const QJsonObject &input, qint64 nowMs)
{
    const QString name = input.value(u"TrainingJobName"_s).toString();
    if (name.isEmpty())
        return validationError(
            u"1 validation error detected: Value null at 'trainingJobName' failed to satisfy "
            "constraint: Member must not be null"_s);
    if (findJob(name))
        return FixtureAction::awsError(400, u"ResourceInUse"_s,
            u"Training job names must be unique within an AWS account and region, and a training job with "
            u"this "
            "name already exists (%1)"_s.arg(m_arnPrefix + name));
    SimTrainingJob::Script script;
    script.name = name;
    script.creationTime = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    script.phases = m_createdPhases;
    script.request = input;
    const QJsonObject resources = input.value(u"ResourceConfig"_s).toObject();
    script.instanceType = resources.value(u"InstanceType"_s).toString(script.instanceType);
    script.instanceCount = resources.value(u"InstanceCount"_s).toInt(script.instanceCount);
    const QJsonObject stopping = input.value(u"StoppingCondition"_s).toObject();
    if (stopping.contains(u"MaxRuntimeInSeconds"_s)) {
        script.maxRuntime = std::chrono::seconds(stopping.value(u"MaxRuntimeInSeconds"_s).toInteger());
        script.outcome = SimTrainingJob::Outcome::MaxRuntimeExceeded; // only when the phases run longer
    }
    addJob(std::move(script));
    return FixtureAction::json({ { u"TrainingJobArn"_s, QString(m_arnPrefix + name) } });
}
