#include "core/Jobs.h"

#include <QCoreApplication>

namespace rmsam::Jobs {

QString kindCode(JobKind kind)
{
    return kind == JobKind::Activity ? QStringLiteral("activity") : QStringLiteral("subscriptions");
}

std::optional<JobKind> kindFromCode(const QString& code)
{
    if (code == QLatin1String("subscriptions")) {
        return JobKind::Subscriptions;
    }
    if (code == QLatin1String("activity")) {
        return JobKind::Activity;
    }
    return std::nullopt;
}

QString outcomeCode(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case JobOutcome::Failed:
        return QStringLiteral("failed");
    case JobOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

JobOutcome outcomeFromCode(const QString& code)
{
    if (code == QLatin1String("succeeded")) {
        return JobOutcome::Succeeded;
    }
    return code == QLatin1String("cancelled") ? JobOutcome::Cancelled : JobOutcome::Failed;
}

QString outcomeDisplayName(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Succeeded:
        return QCoreApplication::translate("rmsam::Jobs", "Succeeded");
    case JobOutcome::Failed:
        return QCoreApplication::translate("rmsam::Jobs", "Failed");
    case JobOutcome::Cancelled:
        return QCoreApplication::translate("rmsam::Jobs", "Cancelled");
    }
    return {};
}

QString kindDisplayName(JobKind kind)
{
    switch (kind) {
    case JobKind::Subscriptions:
        return QCoreApplication::translate("rmsam::Jobs", "Download subscriptions");
    case JobKind::Activity:
        return QCoreApplication::translate("rmsam::Jobs", "Refresh activity");
    }
    return {};
}

QString triggerDisplayName(const QString& trigger)
{
    if (trigger == QLatin1String("manual")) {
        return QCoreApplication::translate("rmsam::Jobs", "Manual");
    }
    if (trigger == QLatin1String("scheduled")) {
        return QCoreApplication::translate("rmsam::Jobs", "Scheduled");
    }
    if (trigger == QLatin1String("command line")) {
        return QCoreApplication::translate("rmsam::Jobs", "Command line");
    }
    return trigger;
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
