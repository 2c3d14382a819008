#pragma once

#include "core/IntegrationProfile.h"
#include "core/Jobs.h"
#include "core/Result.h"

#include <QList>

namespace rmsam {

class Database;

// What publishing creates for a profile (its software models and its scheduled jobs), and the
// results of the jobs' runs.
class JobRepository
{
public:
    explicit JobRepository(Database& database);

    // Creates the software models and the daily jobs a published profile needs (idempotent);
    // the activity job only while Download activity is on. Job names follow the display name.
    Result<void> ensurePublishArtifacts(const IntegrationProfile& profile);
    Result<void> removeScheduledJob(qint64 profileId, JobKind kind);

    Result<QList<ScheduledJob>> scheduledJobs(qint64 profileId = 0); // 0: every profile
    Result<QList<SoftwareModel>> softwareModels(qint64 profileId);
    // Records that the job runs at `when`, if its last run is still `lastRunAt` (as read by
    // scheduledJobs()): a compare-and-set, so when several processes or machines on one database
    // find the same job due, exactly one of them gets true and starts it; the others get false.
    Result<bool> claimRun(qint64 jobId, const QDateTime& lastRunAt, const QDateTime& when);
    Result<void> setRunAt(qint64 jobId, QTime runAt);
    // A run started by hand (the GUI's Sync now, the command line's sync) at `when` counts as
    // the profile's daily job of that kind having run, unless it ran later already: the
    // scheduler does not download the same data again the same day.
    Result<void> noteRun(qint64 profileId, JobKind kind, const QDateTime& when);

    // Records the result of a run and sets its id. A run that stored a snapshot records it in
    // the snapshot's transaction (SubscriptionRepository), so the two are kept or lost together.
    Result<void> insertJobResult(JobResult& result);
    // A run that stored nothing: failed or cancelled.
    Result<JobResult> recordRun(JobResult result);
    // Newest first.
    Result<QList<JobResult>> jobResults(qint64 profileId, int limit = 1000);
    // How many roadmaps the profile's last successful activity download listed; 0 if none did.
    Result<int> lastRoadmapCount(qint64 profileId);

private:
    Database& m_database;
};

} // namespace rmsam
