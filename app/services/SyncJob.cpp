#include "services/SyncJob.h"

#include "core/Activity.h"
#include "roadmunk/PagedFetcher.h"
#include "roadmunk/Queries.h"
#include "roadmunk/RoadmunkClient.h"
#include "roadmunk/RoadmunkData.h"
#include "services/ProfileService.h"
#include "services/SnapshotWriter.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/RunLocks.h"
#include "storage/SubscriptionRepository.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace rmsam {
SyncJob::SyncJob(
    Database& database, IntegrationProfile profile, QString token, SyncOptions options, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_profile(std::move(profile))
    , m_token(std::move(token))
    , m_options(std::move(options))
    , m_lease(std::make_unique<RunLease>())
{
    // Roadmaps first: with their events known, each page of users is stored with its activity
    // while the next pages download, and the snapshot is swapped in once, at the end.
    if (m_options.activity && m_profile.downloadActivity) {
        m_pending.append(JobKind::Activity);
    }
    if (m_options.subscriptions) {
        m_pending.append(JobKind::Subscriptions);
    }
}

std::optional<QString> scheduledFailureNotice(const SyncOutcome& outcome, const QString& profileName)
{
    for (const JobResult& r : outcome.results) {
        if (r.trigger == JobTrigger::Scheduled && r.outcome == JobOutcome::Failed) {
            return QCoreApplication::translate("rmsam::SyncJob", "%1 failed: %2")
                .arg(Jobs::scheduledJobName(r.kind, profileName), r.error);
        }
    }
    return std::nullopt;
}

SyncJob::~SyncJob()
{
    m_token.fill(QLatin1Char('\0'));
}

void SyncJob::start()
{
    // Created here, in the thread the job runs in.
    m_network = new QNetworkAccessManager(this);
    RoadmunkClient::Options options;
    options.allowLoopback = !m_profile.endpointOverride.isEmpty();
    options.maxResponseBytes = m_profile.maxResponseBytes();
    m_client = new RoadmunkClient(m_network, m_profile.connectionUrl(), m_token, options, this);
    m_token.fill(QLatin1Char('\0'));
    auto lease = RunLocks(m_database)
                     .acquire(m_profile.id, RunKind::Sync,
                         tr("%1 sync").arg(Jobs::triggerDisplayName(m_options.trigger)));
    if (!lease) {
        // Not recorded as a job result: this run did not start, the other one is running.
        m_pending.clear();
        m_outcome.error = lease.error();
        finish();
        return;
    }
    *m_lease = std::move(lease).value();
    m_sinceHeartbeat.start();
    // What the last run listed bounds this one's listings (fetch()).
    auto users = SubscriptionRepository(m_database).count(m_profile.id);
    auto roadmaps = JobRepository(m_database).lastRoadmapCount(m_profile.id);
    if (const Error* failed = users ? roadmaps.failure() : users.failure()) {
        m_pending.clear();
        m_outcome.error = *failed;
        finish();
        return;
    }
    m_previousUsers = users.value();
    m_previousRoadmaps = roadmaps.value();
    next();
}

void SyncJob::cancel()
{
    m_cancelled = true;
    if (m_fetcher) {
        m_fetcher->cancel(); // reports Cancelled through fetched()
    }
}

JobResult SyncJob::newResult(JobKind kind) const
{
    JobResult r;
    r.profileId = m_profile.id;
    r.kind = kind;
    r.trigger = m_options.trigger;
    r.startedAt = m_jobStarted;
    r.endedAt = QDateTime::currentDateTimeUtc();
    return r;
}

void SyncJob::next()
{
    if (m_cancelled && !m_pending.isEmpty()) {
        failJob(m_pending.first(), Error { ErrorCode::Cancelled, tr("Cancelled."), {} });
        return;
    }
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    m_jobStarted = QDateTime::currentDateTimeUtc();
    m_rescanned = false;
    m_warning.clear();
    fetch(m_pending.first());
}

void SyncJob::fetch(JobKind kind)
{
    PagedFetcher::Options options { m_options.pageSize,
        m_options.maxInFlight > 0 ? m_options.maxInFlight : m_profile.maxInFlight };
    // An account does not grow tenfold between two syncs; a listing that does is broken (and
    // stops long before the absolute bound: the roadmaps are read first).
    if (const int previous = kind == JobKind::Subscriptions ? m_previousUsers : m_previousRoadmaps;
        previous > 0) {
        options.maxRows = int(qMin<qint64>(
            PagedFetcher::Options::AbsoluteMaxRows, qMax<qint64>(10'000, qint64(previous) * 10)));
    }
    auto makeRequest = kind == JobKind::Subscriptions ? PagedFetcher::RequestFactory(&Queries::usersPage)
                                                      : PagedFetcher::RequestFactory(&Queries::roadmapsPage);
    m_fetcher = new PagedFetcher(m_client,
        kind == JobKind::Subscriptions ? QStringLiteral("users") : QStringLiteral("roadmaps"), makeRequest,
        options, this);
    if (kind == JobKind::Subscriptions) {
        if (m_writer) {
            m_writer->restart();
        } else {
            m_writer = std::make_unique<SnapshotWriter>(m_database, m_activity, m_jobStarted);
        }
        m_fetcher->setPageSink([this](int offset, const QJsonArray& rows) {
            m_writer->add(offset, rows); // a failure comes back from replaceSnapshot()
            return Result<void>();
        });
    }
    connect(m_fetcher, &PagedFetcher::progress, this, [this, kind](int pages, int rows) {
        if (keepLock(kind)) {
            emit progress(kind, pages, rows);
        }
    });
    connect(m_fetcher, &PagedFetcher::finished, this,
        [this, kind, fetcher = m_fetcher](const Result<PagedListing>& listing) {
            fetcher->deleteLater();
            fetched(kind, listing);
        });
    m_fetcher->start();
}

void SyncJob::fetched(JobKind kind, const Result<PagedListing>& listing)
{
    if (!listing) {
        failJob(kind, listing.error());
        return;
    }
    if (kind == JobKind::Subscriptions && listing.value().shifted && !m_rescanned) {
        // Users were added or removed while we paged: read the listing once more.
        m_rescanned = true;
        m_warning = tr("The user list changed during the download (%1 duplicates); it was read again.")
                        .arg(listing.value().duplicates);
        fetch(kind);
        return;
    }
    if (listing.value().shifted) {
        m_warning = tr(
            "The user list kept changing during the download; this snapshot may miss users who joined or "
            "left meanwhile. The next run corrects it.");
    }
    if (kind == JobKind::Subscriptions) {
        if (const auto refused = refuseShrink(listing.value().rowCount)) {
            m_outcome.shrinkRefused = true;
            failJob(kind, *refused);
            return;
        }
        storeSubscriptions(listing.value());
    } else {
        storeActivity(listing.value());
    }
}

std::optional<Error> SyncJob::refuseShrink(int listed) const
{
    if (m_options.acceptShrink || m_previousUsers == 0) {
        return std::nullopt;
    }
    const qint64 lost = qint64(m_previousUsers) - listed;
    if (listed > 0 && lost * 100 <= qint64(m_previousUsers) * m_options.maxShrinkPercent) {
        return std::nullopt;
    }
    return Error { ErrorCode::Conflict,
        listed == 0 ? tr("Roadmunk listed no users at all, where the last snapshot has %1. Nothing was "
                         "replaced. If the account really is empty, run the sync again and accept the "
                         "smaller list (sync --accept-shrink, or Accept in the app).")
                          .arg(m_previousUsers)
                    : tr("Roadmunk listed %1 users, %2 fewer than the last snapshot (%3 %). Nothing was "
                         "replaced. If so many users really left, run the sync again and accept the smaller "
                         "list (sync --accept-shrink, or Accept in the app).")
                          .arg(listed)
                          .arg(lost)
                          .arg(lost * 100 / m_previousUsers),
        QStringLiteral("users listing shrank from %1 to %2; limit %3 %")
            .arg(m_previousUsers)
            .arg(listed)
            .arg(m_options.maxShrinkPercent) };
}

void SyncJob::storeSubscriptions(const PagedListing& listing)
{
    JobResult result = newResult(JobKind::Subscriptions);
    result.outcome = JobOutcome::Succeeded;
    result.requests = listing.requests;
    result.warning = m_warning;
    auto stored = m_writer->replaceSnapshot(m_profile.id, result, m_activityResult);
    m_activityResult.reset();
    if (!stored) {
        failJob(JobKind::Subscriptions, stored.error());
        return;
    }
    m_outcome.results.append(stored.value());
    m_pending.removeFirst();
    next();
}

void SyncJob::storeActivity(const PagedListing& listing)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<RoadmapEvent> events;
    for (const QJsonArray& page : listing.pages) {
        for (const QJsonValue& roadmap : page) {
            events.append(RoadmunkData::eventsFromRoadmap(roadmap.toObject(), now));
        }
    }
    JobResult result = newResult(JobKind::Activity);
    result.outcome = JobOutcome::Succeeded;
    result.requests = listing.requests;
    result.roadmaps = listing.rowCount;
    result.warning = m_warning;
    if (m_pending.contains(JobKind::Subscriptions)) {
        // The users come next: their activity is worked out page by page and this result is
        // recorded together with their snapshot.
        m_activity = std::make_shared<const ActivityIndex>(events, m_profile.analyzeActivityFrom);
        m_activityResult = result;
        m_pending.removeFirst();
        next();
        return;
    }
    SubscriptionRepository repository(m_database);
    auto subscriptions = repository.subscriptions(m_profile.id);
    if (!subscriptions) {
        failJob(JobKind::Activity, subscriptions.error());
        return;
    }
    result.users = int(subscriptions.value().size());
    auto stored = repository.replaceActivity(m_profile.id,
        ActivityRules::compute(subscriptions.value(), events, m_profile.analyzeActivityFrom), result);
    if (!stored) {
        failJob(JobKind::Activity, stored.error());
        return;
    }
    m_outcome.results.append(stored.value());
    m_pending.removeFirst();
    next();
}

bool SyncJob::keepLock(JobKind kind)
{
    // Often enough for RunLocks' stale timeout (minutes), rarely enough not to cost a write per page.
    if (m_sinceHeartbeat.elapsed() < 30'000) {
        return true;
    }
    if (auto alive = m_lease->heartbeat(); !alive) {
        if (m_fetcher) {
            m_fetcher->disconnect(this);
            m_fetcher->cancel();
            m_fetcher->deleteLater();
        }
        failJob(kind, alive.error());
        return false;
    }
    m_sinceHeartbeat.start();
    return true;
}

void SyncJob::failJob(JobKind kind, const Error& error)
{
    JobResult result = newResult(kind);
    result.outcome = error.code == ErrorCode::Cancelled ? JobOutcome::Cancelled : JobOutcome::Failed;
    result.error = error.message;
    auto recorded = JobRepository(m_database).recordRun(result);
    m_outcome.results.append(recorded ? recorded.value() : result);
    m_outcome.error = error;
    qCWarning(lcJobs) << "profile" << m_profile.id << Jobs::kindCode(kind) << "job"
                      << Jobs::outcomeCode(result.outcome) << error.detail;
    if (kind == JobKind::Activity && result.outcome == JobOutcome::Failed
        && m_pending.contains(JobKind::Subscriptions)) {
        // The users can still be downloaded; they keep the activity stored for them.
        m_pending.removeFirst();
        next();
        return;
    }
    // A failed subscriptions download leaves nothing for the activity to be stored with.
    m_pending.clear();
    finish();
}

void SyncJob::noteRunsByHand()
{
    for (const JobResult& r : std::as_const(m_outcome.results)) {
        if (r.outcome != JobOutcome::Succeeded) {
            continue;
        }
        if (auto noted = JobRepository(m_database).noteRun(m_profile.id, r.kind, r.startedAt); !noted) {
            qCWarning(lcJobs) << "profile" << m_profile.id << "job" << Jobs::kindCode(r.kind)
                              << "last run not noted:" << noted.error().detail;
        }
    }
}

void SyncJob::finish()
{
    m_writer.reset();
    // Subscriptions first, as the jobs are listed everywhere, though the roadmaps were read first.
    std::stable_sort(
        m_outcome.results.begin(), m_outcome.results.end(), [](const JobResult& a, const JobResult& b) {
            return a.kind == JobKind::Subscriptions && b.kind != JobKind::Subscriptions;
        });
    const bool stored = std::any_of(m_outcome.results.cbegin(), m_outcome.results.cend(),
        [](const JobResult& r) { return r.outcome == JobOutcome::Succeeded; });
    if (m_options.trigger != JobTrigger::Scheduled) {
        noteRunsByHand();
    }
    if (stored) {
        auto evaluated = Reclamation::evaluate(m_database, m_profile.id, QDateTime::currentDateTimeUtc());
        if (evaluated) {
            m_outcome.evaluation = evaluated.value();
        } else if (!m_outcome.error) {
            m_outcome.error = evaluated.error();
        }
    }
    if (m_lease->isHeld()) {
        if (auto released = m_lease->release(); !released) {
            qCWarning(lcJobs) << "run lock of profile" << m_profile.id
                              << "not released:" << released.error().detail;
        }
    }
    if (thread() != QCoreApplication::instance()->thread()) {
        m_database.releaseThreadConnection();
    }
    emit finished(m_outcome);
}

} // namespace rmsam
