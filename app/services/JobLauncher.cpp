#include "services/JobLauncher.h"

#include "secrets/TokenStore.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>
#include <QThread>

namespace rmsam {
namespace {

Error cancelled()
{
    // The wording of a sync cancelled while it runs, for any run cancelled before it began.
    return Error { ErrorCode::Cancelled, QCoreApplication::translate("rmsam::SyncJob", "Cancelled."), {} };
}

} // namespace

JobLauncher::JobLauncher(
    Database& database, TokenStore& tokens, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_tokens(tokens)
    , m_network(network)
{
    // A sync's outcome and progress cross from its worker thread.
    qRegisterMetaType<rmsam::SyncOutcome>();
    qRegisterMetaType<rmsam::JobKind>();
    qRegisterMetaType<rmsam::ReclaimOutcome>();
    qRegisterMetaType<rmsam::NoticeItem>();
    qRegisterMetaType<rmsam::NoticeDispatchOutcome>();
}

JobLauncher::~JobLauncher()
{
    for (auto it = m_syncs.begin(); it != m_syncs.end(); ++it) {
        if (it->job) {
            QMetaObject::invokeMethod(it->job, &SyncJob::cancel, Qt::QueuedConnection);
        }
        if (it->thread) {
            it->thread->quit();
            it->thread->wait(10000);
        }
    }
    stopNotices();
    // Reclaim jobs and re-checks are children: destroyed with the launcher, which releases
    // their run locks.
}

Result<IntegrationProfile> JobLauncher::checkSync(qint64 profileId)
{
    auto profile = ProfileRepository(m_database).find(profileId);
    if (profile && !profile.value().isPublished()) {
        return Error { ErrorCode::InvalidState,
            tr("\"%1\" is a Draft: validate and publish it before its jobs run.")
                .arg(profile.value().displayName),
            {} };
    }
    return profile;
}

Result<IntegrationProfile> JobLauncher::checkReclaim(qint64 profileId)
{
    auto profile = checkSync(profileId);
    if (profile && !profile.value().reclaimSubscriptions) {
        // The words ReclaimJob uses when it is started directly.
        return Error { ErrorCode::InvalidState,
            QCoreApplication::translate("rmsam::ReclaimJob",
                "Reclaim subscriptions is off for %1: removal candidates are listed but not reclaimed. "
                "Turn the subflow on in the profile to reclaim seats.")
                .arg(profile.value().displayName),
            {} };
    }
    return profile;
}

void JobLauncher::readToken(const IntegrationProfile& profile, std::function<void(Result<QString>)> then)
{
    m_tokens.read(profile.tokenKey, [self = QPointer<JobLauncher>(this), then](Result<QString> token) {
        if (self) {
            then(token);
        }
    });
}

Result<void> JobLauncher::startSync(qint64 profileId, const SyncOptions& options)
{
    auto profile = checkSync(profileId);
    if (!profile) {
        return profile.error();
    }
    const IntegrationProfile p = profile.value();
    if (!options.subscriptions && !p.downloadActivity) {
        return Error { ErrorCode::InvalidState,
            tr("Download activity is off for \"%1\"; there is no activity job to run.").arg(p.displayName),
            {} };
    }
    if (isSyncing(p.id)) {
        return Error { ErrorCode::Busy, tr("A sync of \"%1\" is already running.").arg(p.displayName), {} };
    }
    m_syncs.insert(p.id, SyncRun {});
    emit syncStarted(p.id);
    readToken(p, [this, p, options](Result<QString> token) {
        if (!m_syncs.contains(p.id)) {
            return;
        }
        if (!token || m_syncs.value(p.id).cancelled) {
            SyncOutcome outcome;
            outcome.error = token ? cancelled() : token.error();
            syncDone(p.id, outcome);
            return;
        }
        launchSync(p, options, token.value());
    });
    return {};
}

void JobLauncher::launchSync(
    const IntegrationProfile& profile, const SyncOptions& options, const QString& token)
{
    auto* thread = new QThread(this);
    thread->setObjectName(QStringLiteral("sync-%1").arg(profile.id));
    auto* job = new SyncJob(m_database, profile, token, options);
    job->moveToThread(thread);
    const qint64 id = profile.id;
    connect(thread, &QThread::started, job, &SyncJob::start);
    connect(thread, &QThread::finished, job, &QObject::deleteLater);
    connect(job, &SyncJob::progress, this,
        [this, id](JobKind kind, int pages, int rows) { emit syncProgress(id, kind, pages, rows); });
    connect(job, &SyncJob::finished, this, [this, id](const SyncOutcome& outcome) { syncDone(id, outcome); });
    m_syncs[id].job = job;
    m_syncs[id].thread = thread;
    thread->start();
}

void JobLauncher::cancelSync(qint64 profileId)
{
    auto it = m_syncs.find(profileId);
    if (it == m_syncs.end()) {
        return;
    }
    it->cancelled = true;
    if (it->job) {
        QMetaObject::invokeMethod(it->job, &SyncJob::cancel, Qt::QueuedConnection);
    }
}

void JobLauncher::syncDone(qint64 profileId, const SyncOutcome& outcome)
{
    const SyncRun run = m_syncs.take(profileId);
    if (run.thread) {
        run.thread->quit();
        run.thread->wait();
        run.thread->deleteLater();
    }
    emit syncFinished(profileId, outcome);
}

Result<void> JobLauncher::startReclaim(qint64 profileId, const ReclaimOptions& options)
{
    auto profile = options.dryRun ? ProfileRepository(m_database).find(profileId) : checkReclaim(profileId);
    if (!profile) {
        return profile.error();
    }
    const IntegrationProfile p = profile.value();
    if (isReclaiming(p.id)) {
        return Error { ErrorCode::Busy, tr("A reclaim run of \"%1\" is already running.").arg(p.displayName),
            {} };
    }
    m_reclaims.insert(p.id, ReclaimRun {});
    emit reclaimStarted(p.id);
    if (options.dryRun) {
        launchReclaim(p, options, QString()); // plans from stored data only: no token, no network
        return {};
    }
    readToken(p, [this, p, options](Result<QString> token) {
        if (!m_reclaims.contains(p.id)) {
            return;
        }
        if (!token || m_reclaims.value(p.id).cancelled) {
            ReclaimOutcome outcome;
            outcome.dryRun = false;
            outcome.error = token ? cancelled() : token.error();
            reclaimDone(p.id, outcome);
            return;
        }
        launchReclaim(p, options, token.value());
    });
    return {};
}

void JobLauncher::launchReclaim(
    const IntegrationProfile& profile, const ReclaimOptions& options, const QString& token)
{
    auto* job = new ReclaimJob(m_database, profile, token, options, this);
    const qint64 id = profile.id;
    m_reclaims[id].job = job;
    connect(job, &ReclaimJob::progress, this,
        [this, id](int done, int total) { emit reclaimProgress(id, done, total); });
    connect(job, &ReclaimJob::finished, this, [this, id, job](const ReclaimOutcome& outcome) {
        job->deleteLater();
        reclaimDone(id, outcome);
    });
    job->start();
}

void JobLauncher::cancelReclaim(qint64 profileId)
{
    auto it = m_reclaims.find(profileId);
    if (it == m_reclaims.end()) {
        return;
    }
    it->cancelled = true;
    if (it->job) {
        it->job->cancel();
    }
}

void JobLauncher::reclaimDone(qint64 profileId, const ReclaimOutcome& outcome)
{
    m_reclaims.remove(profileId);
    emit reclaimFinished(profileId, outcome);
}

Result<void> JobLauncher::startCheck(qint64 candidateNumber, const QString& actor)
{
    auto candidate = ReclamationRepository(m_database).candidate(candidateNumber);
    if (!candidate) {
        return candidate.error();
    }
    auto profile = ProfileRepository(m_database).find(candidate.value().profileId);
    if (!profile) {
        return profile.error();
    }
    readToken(
        profile.value(), [this, c = candidate.value(), p = profile.value(), actor](Result<QString> token) {
            if (!token) {
                emit checkFinished(c.number, token.error());
                return;
            }
            launchCheck(c, p, token.value(), actor);
        });
    return {};
}

void JobLauncher::launchCheck(const RemovalCandidate& candidate, const IntegrationProfile& profile,
    const QString& token, const QString& actor)
{
    auto* check = new CandidateCheck(m_database, m_network, this);
    connect(check, &CandidateCheck::finished, this,
        [this, check, number = candidate.number](const Result<CandidateFindings>& findings) {
            check->deleteLater();
            emit checkFinished(number, findings);
        });
    check->start(candidate, profile, token, actor);
}

} // namespace rmsam
