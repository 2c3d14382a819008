#include "services/Scheduler.h"

#include "services/ProfileService.h"
#include "services/SyncRunner.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"

namespace rmsam {

Scheduler::Scheduler(Database& database, SyncRunner& runner, Clock clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_runner(runner)
    , m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::runDueJobs);
}

void Scheduler::start(int intervalMs)
{
    m_timer.start(intervalMs);
    runDueJobs(); // catch up at start-up
}

int Scheduler::runDueJobs()
{
    JobRepository jobs(m_database);
    auto scheduled = jobs.scheduledJobs();
    if (!scheduled) {
        qCWarning(lcJobs) << "scheduler cannot read the jobs:" << scheduled.error().detail;
        return 0;
    }
    const QDateTime now = m_clock();
    // One sync per profile: a due subscriptions job brings its activity job along.
    QHash<qint64, SyncOptions> due;
    QList<qint64> dueJobIds;
    for (const ScheduledJob& job : scheduled.value()) {
        if (!Jobs::isDue(job, now) || m_runner.isRunning(job.profileId)) {
            continue;
        }
        auto options = due.find(job.profileId);
        if (options == due.end()) {
            options = due.insert(job.profileId, SyncOptions { false, false, JobTrigger::Scheduled });
        }
        (job.kind == JobKind::Subscriptions ? options->subscriptions : options->activity) = true;
        dueJobIds.append(job.id);
    }
    ProfileRepository profiles(m_database);
    int started = 0;
    for (auto it = due.cbegin(); it != due.cend(); ++it) {
        auto profile = profiles.find(it.key());
        if (!profile || !profile.value().isPublished()) {
            continue;
        }
        m_runner.start(profile.value(), it.value());
        ++started;
    }
    // A run counts as done when it starts: a failure is recorded in Job results and retried at
    // the next due time, not every minute.
    for (qint64 id : std::as_const(dueJobIds)) {
        if (auto marked = jobs.markRun(id, now); !marked) {
            qCWarning(lcJobs) << "scheduler cannot mark job" << id << marked.error().detail;
        }
    }
    return started;
}

} // namespace rmsam
