#include "services/Scheduler.h"

#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "storage/JobRepository.h"

namespace rmsam {

Scheduler::Scheduler(Database& database, JobLauncher& launcher, Clock clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_launcher(launcher)
    , m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        runDueJobs();
        remindOfRenewals();
    });
    // The daily run also sends the reminders due and any notice not sent yet (when e-mail is
    // set up), after the sync has moved the candidates on.
    connect(&m_launcher, &JobLauncher::syncFinished, this, [this](qint64 profileId) {
        if (!m_scheduledSyncs.remove(profileId)) {
            return;
        }
        if (auto sent = m_launcher.startNotices(profileId, false, Candidates::AppActor); !sent) {
            qCInfo(lcJobs) << "scheduler sends no notices for profile" << profileId << sent.error().message;
        }
    });
}

void Scheduler::start(int intervalMs)
{
    m_timer.start(intervalMs);
    runDueJobs(); // catch up at start-up
    remindOfRenewals();
}

QList<RenewalReminder> Scheduler::remindOfRenewals()
{
    const QDateTime now = m_clock();
    if (m_remindedOn == now.toLocalTime().date()) {
        return {};
    }
    auto due = ReclamationService(m_database).claimRenewalReminders(now);
    if (!due) {
        qCWarning(lcJobs) << "scheduler cannot give the renewal reminders:" << due.error().detail;
        return {};
    }
    m_remindedOn = now.toLocalTime().date();
    if (!due.value().isEmpty()) {
        emit renewalRemindersDue(due.value());
    }
    return due.value();
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
    for (const ScheduledJob& job : scheduled.value()) {
        if (!Jobs::isDue(job, now) || m_launcher.isSyncing(job.profileId)) {
            continue;
        }
        // Several GUIs (on several machines, with a team database) may find the same job due at
        // the same minute: each claims it in the database before it starts anything, and only
        // the one whose claim holds runs it. A run counts as done when it is claimed: a failure
        // is recorded in Job results and retried at the next due time, not every minute.
        auto claimed = jobs.claimRun(job.id, job.lastRunAt, now);
        if (!claimed) {
            qCWarning(lcJobs) << "scheduler cannot claim job" << job.id << claimed.error().detail;
            continue;
        }
        if (!claimed.value()) {
            qCInfo(lcJobs) << "job" << job.id << "was claimed by another process";
            continue;
        }
        auto options = due.find(job.profileId);
        if (options == due.end()) {
            options = due.insert(job.profileId, SyncOptions { false, false, JobTrigger::Scheduled });
        }
        (job.kind == JobKind::Subscriptions ? options->subscriptions : options->activity) = true;
    }
    int started = 0;
    for (auto it = due.cbegin(); it != due.cend(); ++it) {
        // A profile back in Draft keeps its jobs but does not run them.
        if (auto run = m_launcher.startSync(it.key(), it.value()); !run) {
            qCInfo(lcJobs) << "scheduler did not start the sync of profile" << it.key()
                           << run.error().message;
            continue;
        }
        m_scheduledSyncs.insert(it.key());
        ++started;
    }
    return started;
}

} // namespace rmsam
