#include "storage/JobRepository.h"

#include "storage/Database.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace { } // namespace

JobRepository::JobRepository(Database& database)
    : m_database(database)
{ }

Result<void> JobRepository::ensurePublishArtifacts(const IntegrationProfile& profile)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery model(db);
    model.prepare(
        QStringLiteral("INSERT INTO software_model (profile_id, seat_type, publisher, product, display_name) "
                       "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM software_model "
                       "WHERE profile_id = ? AND seat_type = ?)"));
    for (const SoftwareModel& m : Jobs::softwareModelsFor(profile.id)) {
        for (const QVariant& v : { QVariant(m.profileId), QVariant(SeatTypes::code(m.seatType)),
                 QVariant(m.publisher), QVariant(m.product), QVariant(m.displayName), QVariant(m.profileId),
                 QVariant(SeatTypes::code(m.seatType)) }) {
            model.addBindValue(v);
        }
        if (!model.exec()) {
            return Database::storageError(
                QCoreApplication::translate("rmsam::JobRepository", "Cannot create the software models."),
                model.lastError());
        }
    }

    // The default reclamation rule; a rule the admin already edited stays as it is.
    if (auto rule = ReclamationRepository(m_database).ensureRule(profile.id); !rule) {
        return rule;
    }

    QList<JobKind> kinds { JobKind::Subscriptions };
    if (profile.downloadActivity) {
        kinds.append(JobKind::Activity);
    } else if (auto removed = removeScheduledJob(profile.id, JobKind::Activity); !removed) {
        return removed;
    }
    QSqlQuery job(db);
    job.prepare(QStringLiteral("INSERT INTO scheduled_job (profile_id, job_kind, name, run_at, active) "
                               "SELECT ?, ?, ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM scheduled_job "
                               "WHERE profile_id = ? AND job_kind = ?)"));
    QSqlQuery rename(db);
    rename.prepare(QStringLiteral("UPDATE scheduled_job SET name = ? WHERE profile_id = ? AND job_kind = ?"));
    for (JobKind kind : kinds) {
        const QString name = Jobs::scheduledJobName(kind, profile.displayName);
        const QString runAt = QTime(Jobs::DefaultRunHour, kind == JobKind::Activity ? 30 : 0)
                                  .toString(QStringLiteral("HH:mm"));
        for (const QVariant& v : { QVariant(profile.id), QVariant(Jobs::kindCode(kind)), QVariant(name),
                 QVariant(runAt), QVariant(profile.id), QVariant(Jobs::kindCode(kind)) }) {
            job.addBindValue(v);
        }
        rename.addBindValue(name);
        rename.addBindValue(profile.id);
        rename.addBindValue(Jobs::kindCode(kind));
        if (!job.exec() || !rename.exec()) {
            return Database::storageError(
                QCoreApplication::translate("rmsam::JobRepository", "Cannot create the scheduled jobs."),
                job.lastError().isValid() ? job.lastError() : rename.lastError());
        }
    }
    return {};
}

Result<void> JobRepository::removeScheduledJob(qint64 profileId, JobKind kind)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM scheduled_job WHERE profile_id = ? AND job_kind = ?"));
    q.addBindValue(profileId);
    q.addBindValue(Jobs::kindCode(kind));
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::JobRepository", "Cannot delete the scheduled job."),
            q.lastError());
    }
    return {};
}

Result<QList<ScheduledJob>> JobRepository::scheduledJobs(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT id, profile_id, job_kind, name, run_at, active, last_run_at FROM scheduled_job "
        "WHERE (:p = 0 OR profile_id = :p2) ORDER BY profile_id, job_kind DESC"));
    q.bindValue(QStringLiteral(":p"), profileId);
    q.bindValue(QStringLiteral(":p2"), profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::JobRepository", "Cannot read the scheduled jobs."),
            q.lastError());
    }
    QList<ScheduledJob> jobs;
    while (q.next()) {
        ScheduledJob j;
        j.id = q.value(0).toLongLong();
        j.profileId = q.value(1).toLongLong();
        j.kind = Jobs::kindFromCode(q.value(2).toString()).value_or(JobKind::Subscriptions);
        j.name = q.value(3).toString();
        j.runAt = QTime::fromString(q.value(4).toString(), QStringLiteral("HH:mm"));
        j.active = q.value(5).toInt() != 0;
        j.lastRunAt = q.value(6).isNull() ? QDateTime()
                                          : QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        jobs.append(j);
    }
    return jobs;
}

Result<QList<SoftwareModel>> JobRepository::softwareModels(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT id, profile_id, seat_type, publisher, product, display_name FROM software_model "
        "WHERE profile_id = ? ORDER BY seat_type"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::JobRepository", "Cannot read the software models."),
            q.lastError());
    }
    QList<SoftwareModel> models;
    while (q.next()) {
        SoftwareModel m;
        m.id = q.value(0).toLongLong();
        m.profileId = q.value(1).toLongLong();
        m.seatType = SeatTypes::fromCode(q.value(2).toString()).value_or(SeatType::CollaboratorType);
        m.publisher = q.value(3).toString();
        m.product = q.value(4).toString();
        m.displayName = q.value(5).toString();
        models.append(m);
    }
    return models;
}

Result<void> JobRepository::markRun(qint64 jobId, const QDateTime& when)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE scheduled_job SET last_run_at = ? WHERE id = ?"));
    q.addBindValue(when.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(jobId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::JobRepository", "Cannot update the scheduled job."),
            q.lastError());
    }
    return {};
}

Result<void> JobRepository::setRunAt(qint64 jobId, QTime runAt)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE scheduled_job SET run_at = ? WHERE id = ?"));
    q.addBindValue(runAt.toString(QStringLiteral("HH:mm")));
    q.addBindValue(jobId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::JobRepository", "Cannot update the scheduled job."),
            q.lastError());
    }
    return {};
}

} // namespace rmsam
