#include "core/Jobs.h"

namespace rmsam::Jobs {

const EnumTable<JobKind>& kindTable()
{
    static const EnumTable<JobKind> kinds("rmsam::Jobs",
        {
            { JobKind::Subscriptions, "subscriptions",
                QT_TRANSLATE_NOOP("rmsam::Jobs", "Download subscriptions") },
            { JobKind::Activity, "activity", QT_TRANSLATE_NOOP("rmsam::Jobs", "Refresh activity") },
        });
    return kinds;
}

const EnumTable<JobOutcome>& outcomeTable()
{
    static const EnumTable<JobOutcome> outcomes("rmsam::Jobs",
        {
            { JobOutcome::Succeeded, "succeeded", QT_TRANSLATE_NOOP("rmsam::Jobs", "Succeeded") },
            { JobOutcome::Failed, "failed", QT_TRANSLATE_NOOP("rmsam::Jobs", "Failed") },
            { JobOutcome::Cancelled, "cancelled", QT_TRANSLATE_NOOP("rmsam::Jobs", "Cancelled") },
        });
    return outcomes;
}

const EnumTable<JobTrigger>& triggerTable()
{
    static const EnumTable<JobTrigger> triggers("rmsam::Jobs",
        {
            { JobTrigger::Manual, "manual", QT_TRANSLATE_NOOP("rmsam::Jobs", "Manual") },
            { JobTrigger::Scheduled, "scheduled", QT_TRANSLATE_NOOP("rmsam::Jobs", "Scheduled") },
            { JobTrigger::CommandLine, "command line", QT_TRANSLATE_NOOP("rmsam::Jobs", "Command line") },
        });
    return triggers;
}

QString kindCode(JobKind kind)
{
    return kindTable().code(kind);
}

std::optional<JobKind> kindFromCode(const QString& code)
{
    return kindTable().fromCode(code);
}

QString kindDisplayName(JobKind kind)
{
    return kindTable().displayName(kind);
}

QString outcomeCode(JobOutcome outcome)
{
    return outcomeTable().code(outcome);
}

JobOutcome outcomeFromCode(const QString& code)
{
    return outcomeTable().fromCode(code).value_or(JobOutcome::Failed);
}

QString outcomeDisplayName(JobOutcome outcome)
{
    return outcomeTable().displayName(outcome);
}

QString triggerCode(JobTrigger trigger)
{
    return triggerTable().code(trigger);
}

std::optional<JobTrigger> triggerFromCode(const QString& code)
{
    return triggerTable().fromCode(code);
}

QString triggerDisplayName(JobTrigger trigger)
{
    return triggerTable().displayName(trigger);
}

QString scheduledJobName(JobKind kind, const QString& profileDisplayName)
{
    // The names ServiceNow admins know; a product name, not translated.
    return kind == JobKind::Activity
        ? QStringLiteral("SAM - Refresh %1 Activity").arg(profileDisplayName)
        : QStringLiteral("SAM - Refresh %1 Subscriptions").arg(profileDisplayName);
}

QList<SoftwareModel> softwareModelsFor(qint64 profileId)
{
    QList<SoftwareModel> models;
    for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
        SoftwareModel m;
        m.profileId = profileId;
        m.seatType = type;
        m.publisher = QStringLiteral("Tempo");
        m.product = QStringLiteral("Roadmunk");
        m.displayName = type == SeatType::Reviewer ? QStringLiteral("Tempo Roadmunk Reviewer")
                                                   : QStringLiteral("Tempo Roadmunk Collaborator-type");
        models.append(m);
    }
    return models;
}

QDateTime lastDueTime(const ScheduledJob& job, const QDateTime& now)
{
    const QDateTime local = now.toLocalTime();
    QDateTime due(local.date(), job.runAt.isValid() ? job.runAt : QTime(DefaultRunHour, 0));
    if (due > local) {
        due = due.addDays(-1);
    }
    return due;
}

bool isDue(const ScheduledJob& job, const QDateTime& now)
{
    if (!job.active) {
        return false;
    }
    return !job.lastRunAt.isValid() || job.lastRunAt < lastDueTime(job, now);
}

} // namespace rmsam::Jobs
