#pragma once

#include "core/Activity.h"
#include "core/IntegrationProfile.h"
#include "core/Jobs.h"
#include "core/Result.h"
#include "services/Evaluation.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace rmsam {

class Database;
class PagedFetcher;
class RoadmunkClient;
class RunLease;
class SnapshotWriter;
struct PagedListing;

struct SyncOptions
{
    bool subscriptions = true;
    bool activity = true; // only when the profile's Download activity is on
    JobTrigger trigger = JobTrigger::Manual;
    int pageSize = 100;
    int maxInFlight = 0; // 0: the profile's setting
    // A users listing that is empty or has this share fewer users than the stored snapshot
    // is not applied unless the admin accepted it (`sync --accept-shrink`, the GUI's button).
    static constexpr int DefaultMaxShrinkPercent = 20;
    int maxShrinkPercent = DefaultMaxShrinkPercent;
    bool acceptShrink = false;
};

// What a sync did: one job result per job that ran (failed and cancelled runs included), and
// the error that stopped it, if any.
struct SyncOutcome
{
    QList<JobResult> results;
    std::optional<Error> error;
    // The reclamation rule's evaluation after a job stored data; its failure is in error.
    std::optional<EvaluationSummary> evaluation;
    // The users listing was much smaller than the snapshot and was not applied: ask the admin,
    // and run again with SyncOptions::acceptShrink if they accept it.
    bool shrinkRefused = false;
};

// The notice for the desktop when a scheduled run failed (the admin is not watching it); none
// for a run that succeeded or that someone started by hand.
std::optional<QString> scheduledFailureNotice(const SyncOutcome& outcome, const QString& profileName);

// Runs the profile's jobs once: download subscriptions (users, all pages), then refresh
// activity (roadmaps archived or restored by users, plus last logins). Each job replaces its
// part of the snapshot in one transaction; a failed or cancelled job stores nothing but its
// job result. Uses its own network access, so it can run in a worker thread with the
// database's per-thread connection.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    SyncJob(Database& database, IntegrationProfile profile, QString token, SyncOptions options,
        QObject* parent = nullptr);
    ~SyncJob() override;

public slots:
    void start();
    void cancel();

signals:
    void progress(rmsam::JobKind kind, int pages, int rows);
    void finished(const rmsam::SyncOutcome& outcome);

private:
    void fetch(JobKind kind);
    void fetched(JobKind kind, const Result<PagedListing>& listing);
    std::optional<Error> refuseShrink(int listed) const;
    bool keepLock(JobKind kind); // a sign of life for the run lock; fails the job if it was lost
    void storeSubscriptions(const PagedListing& listing);
    void storeActivity(const PagedListing& listing);
    void next();
    void failJob(JobKind kind, const Error& error);
    void finish();
    // A run by hand counts as the day's scheduled run of each job it completed.
    void noteRunsByHand();
    JobResult newResult(JobKind kind) const;

    Database& m_database;
    IntegrationProfile m_profile;
    QString m_token;
    SyncOptions m_options;
    int m_previousUsers = 0; // in the stored snapshot when the job started
    int m_previousRoadmaps = 0; // listed by the last successful activity download
    std::unique_ptr<RunLease> m_lease; // one sync per profile at a time, across processes
    QElapsedTimer m_sinceHeartbeat;
    QNetworkAccessManager* m_network = nullptr;
    RoadmunkClient* m_client = nullptr;
    QPointer<PagedFetcher> m_fetcher;
    QList<JobKind> m_pending;
    SyncOutcome m_outcome;
    QDateTime m_jobStarted;
    bool m_rescanned = false;
    bool m_cancelled = false;
    QString m_warning;
    std::unique_ptr<SnapshotWriter> m_writer; // stores the users as they arrive
    std::shared_ptr<const ActivityIndex> m_activity; // this run's roadmaps, when read
    std::optional<JobResult> m_activityResult; // recorded with the snapshot
};

} // namespace rmsam

Q_DECLARE_METATYPE(rmsam::SyncOutcome)
