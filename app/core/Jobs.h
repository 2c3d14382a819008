#pragma once

#include "core/EnumTable.h"
#include "core/Subscription.h"

#include <QDateTime>
#include <QString>
#include <QTime>

namespace rmsam {

enum class JobKind
{
    Subscriptions,
    Activity,
};

enum class JobOutcome
{
    Succeeded,
    Failed,
    Cancelled,
};

// What started a run.
enum class JobTrigger
{
    Manual, // the GUI's Sync now
    Scheduled, // a daily job of the profile, run by the app's scheduler
    CommandLine, // `roadmunk-sam sync`
};

// One run of a job, as recorded in "Job results".
struct JobResult
{
    qint64 id = 0;
    qint64 profileId = 0;
    JobKind kind = JobKind::Subscriptions;
    JobTrigger trigger = JobTrigger::Manual;
    QDateTime startedAt;
    QDateTime endedAt;
    JobOutcome outcome = JobOutcome::Failed;
    int users = 0;
    int roadmaps = 0;
    int requests = 0;
    int joined = 0;
    int left = 0;
    int roleChanged = 0;
    QString warning;
    QString error;
};

// A daily job of a published profile ("SAM - Refresh <display name> Subscriptions").
struct ScheduledJob
{
    qint64 id = 0;
    qint64 profileId = 0;
    JobKind kind = JobKind::Subscriptions;
    QString name;
    QTime runAt; // local time of day
    bool active = true;
    QDateTime lastRunAt;
};

// What publishing creates per seat type: publisher Tempo, product Roadmunk.
struct SoftwareModel
{
    qint64 id = 0;
    qint64 profileId = 0;
    SeatType seatType = SeatType::CollaboratorType;
    QString publisher;
    QString product;
    QString displayName;
};

namespace Jobs {

inline constexpr int DefaultRunHour = 2; // 02:00 local time

const EnumTable<JobKind>& kindTable();
const EnumTable<JobOutcome>& outcomeTable();
const EnumTable<JobTrigger>& triggerTable();
QString kindCode(JobKind kind); // "subscriptions" / "activity"
QString kindDisplayName(JobKind kind);
std::optional<JobKind> kindFromCode(const QString& code);
QString outcomeCode(JobOutcome outcome); // "succeeded" / "failed" / "cancelled"
JobOutcome outcomeFromCode(const QString& code); // Failed for a code it does not know
QString outcomeDisplayName(JobOutcome outcome);
QString triggerCode(JobTrigger trigger); // "manual" / "scheduled" / "command line"
std::optional<JobTrigger> triggerFromCode(const QString& code);
QString triggerDisplayName(JobTrigger trigger);

QString scheduledJobName(JobKind kind, const QString& profileDisplayName);
QList<SoftwareModel> softwareModelsFor(qint64 profileId);

// The most recent time the job should have run at or before now (its run time today, or
// yesterday's if today's is still ahead).
QDateTime lastDueTime(const ScheduledJob& job, const QDateTime& now);
// Due when it has not run since its last due time: a missed run (app closed, machine asleep)
// is caught up once, not once per missed day.
bool isDue(const ScheduledJob& job, const QDateTime& now);

} // namespace Jobs
} // namespace rmsam
