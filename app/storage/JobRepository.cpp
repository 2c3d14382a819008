#include "storage/JobRepository.h"

#include "storage/Database.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

const QString JobColumns = QStringLiteral("id, profile_id, job_kind, job_trigger, started_at, ended_at, "
                                          "outcome, users, roadmaps, requests, joined, "
                                          "left_count, role_changed, warning, error");

} // namespace

JobRepository::JobRepository(Database& database)
    : m_database(database)
{ }

Result<void> JobRepository::ensurePublishArtifacts(const IntegrationProfile& profile)
{
    auto model = m_database.prepare(
        QStringLiteral("INSERT INTO software_model (profile_id, seat_type, publisher, product, display_name) "
                       "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM software_model "
                       "WHERE profile_id = ? AND seat_type = ?)"),
        QCoreApplication::translate("rmsam::JobRepository", "Cannot create the software models."));
    if (!model) {
        return model.error();
    }
    for (const SoftwareModel& m : Jobs::softwareModelsFor(profile.id)) {
        const QString seatType = SeatTypes::code(m.seatType);
        if (auto created = model.value().run(
                { m.profileId, seatType, m.publisher, m.product, m.displayName, m.profileId, seatType });
            !created) {
            return created;
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
    const QString jobsFailure
        = QCoreApplication::translate("rmsam::JobRepository", "Cannot create the scheduled jobs.");
    auto job = m_database.prepare(
        QStringLiteral("INSERT INTO scheduled_job (profile_id, job_kind, name, run_at, active) "
                       "SELECT ?, ?, ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM scheduled_job "
                       "WHERE profile_id = ? AND job_kind = ?)"),
        jobsFailure);
    auto rename = m_database.prepare(
        QStringLiteral("UPDATE scheduled_job SET name = ? WHERE profile_id = ? AND job_kind = ?"),
        jobsFailure);
    for (const Error* e : { job.failure(), rename.failure() }) {
        if (e) {
            return *e;
        }
    }
    for (JobKind kind : kinds) {
        const QString name = Jobs::scheduledJobName(kind, profile.displayName);
        const QString code = Jobs::kindCode(kind);
        const QString runAt = QTime(Jobs::DefaultRunHour, kind == JobKind::Activity ? 30 : 0)
                                  .toString(QStringLiteral("HH:mm"));
        if (auto created = job.value().run({ profile.id, code, name, runAt, profile.id, code }); !created) {
            return created;
        }
        if (auto renamed = rename.value().run({ name, profile.id, code }); !renamed) {
            return renamed;
        }
    }
    return {};
}

Result<void> JobRepository::removeScheduledJob(qint64 profileId, JobKind kind)
{
    return m_database.exec(QStringLiteral("DELETE FROM scheduled_job WHERE profile_id = ? AND job_kind = ?"),
        { profileId, Jobs::kindCode(kind) },
        QCoreApplication::translate("rmsam::JobRepository", "Cannot delete the scheduled job."));
}

Result<QList<ScheduledJob>> JobRepository::scheduledJobs(qint64 profileId)
{
    return m_database.list(
        QStringLiteral(
            "SELECT id, profile_id, job_kind, name, run_at, active, last_run_at FROM scheduled_job "
            "WHERE (:p = 0 OR profile_id = :p2) ORDER BY profile_id, job_kind DESC"),
        { { QStringLiteral(":p"), profileId }, { QStringLiteral(":p2"), profileId } },
        QCoreApplication::translate("rmsam::JobRepository", "Cannot read the scheduled jobs."),
        [](const QSqlQuery& q) {
            ScheduledJob j;
            j.id = q.value(0).toLongLong();
            j.profileId = q.value(1).toLongLong();
            j.kind = Jobs::kindFromCode(q.value(2).toString()).value_or(JobKind::Subscriptions);
            j.name = q.value(3).toString();
            j.runAt = QTime::fromString(q.value(4).toString(), QStringLiteral("HH:mm"));
            j.active = q.value(5).toInt() != 0;
            j.lastRunAt = SqlColumns::timeFrom(q.value(6));
            return j;
        });
}

Result<QList<SoftwareModel>> JobRepository::softwareModels(qint64 profileId)
{
    return m_database.list(
        QStringLiteral(
            "SELECT id, profile_id, seat_type, publisher, product, display_name FROM software_model "
            "WHERE profile_id = ? ORDER BY seat_type"),
        { profileId },
        QCoreApplication::translate("rmsam::JobRepository", "Cannot read the software models."),
        [](const QSqlQuery& q) {
            SoftwareModel m;
            m.id = q.value(0).toLongLong();
            m.profileId = q.value(1).toLongLong();
            m.seatType = SeatTypes::fromCode(q.value(2).toString()).value_or(SeatType::CollaboratorType);
            m.publisher = q.value(3).toString();
            m.product = q.value(4).toString();
            m.displayName = q.value(5).toString();
            return m;
        });
}

Result<bool> JobRepository::claimRun(qint64 jobId, const QDateTime& lastRunAt, const QDateTime& when)
{
    // "Not distinct" so that a job that never ran (NULL) is claimed once too; SQLite spells it IS.
    const QString sameAs = m_database.backend() == DatabaseLocation::Backend::PostgreSql
        ? QStringLiteral("IS NOT DISTINCT FROM")
        : QStringLiteral("IS");
    auto claimed = m_database.run(
        QStringLiteral("UPDATE scheduled_job SET last_run_at = ? WHERE id = ? AND last_run_at %1 ?")
            .arg(sameAs),
        { SqlColumns::timeOrNull(when), jobId, SqlColumns::timeOrNull(lastRunAt) },
        QCoreApplication::translate("rmsam::JobRepository", "Cannot update the scheduled job."));
    if (!claimed) {
        return claimed.error();
    }
    return claimed.value().numRowsAffected() == 1;
}

Result<void> JobRepository::noteRun(qint64 profileId, JobKind kind, const QDateTime& when)
{
    auto jobs = scheduledJobs(profileId);
    if (!jobs) {
        return jobs.error();
    }
    for (const ScheduledJob& job : jobs.value()) {
        if (job.kind == kind && (!job.lastRunAt.isValid() || job.lastRunAt < when)) {
            // Compare-and-set: a run the scheduler claimed meanwhile is newer and stays.
            if (auto noted = claimRun(job.id, job.lastRunAt, when); !noted) {
                return noted.error();
            }
        }
    }
    return {};
}

Result<void> JobRepository::setRunAt(qint64 jobId, QTime runAt)
{
    return m_database.exec(QStringLiteral("UPDATE scheduled_job SET run_at = ? WHERE id = ?"),
        { runAt.toString(QStringLiteral("HH:mm")), jobId },
        QCoreApplication::translate("rmsam::JobRepository", "Cannot update the scheduled job."));
}

// The job results' messages keep the context they were translated in when SubscriptionRepository
// kept the job results.

Result<void> JobRepository::insertJobResult(JobResult& result)
{
    auto inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO job_result (profile_id, job_kind, job_trigger, started_at, ended_at, outcome, "
            "users, roadmaps, requests, joined, left_count, role_changed, warning, error) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        { result.profileId, Jobs::kindCode(result.kind), Jobs::triggerCode(result.trigger),
            SqlColumns::timeOrNull(result.startedAt), SqlColumns::timeOrNull(result.endedAt),
            Jobs::outcomeCode(result.outcome), result.users, result.roadmaps, result.requests, result.joined,
            result.left, result.roleChanged, SqlColumns::textOrNull(result.warning),
            SqlColumns::textOrNull(result.error) },
        QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot record the job result."));
    if (!inserted) {
        return inserted.error();
    }
    // RETURNING, not lastInsertId(): on PostgreSQL that is lastval(), which the change log's
    // trigger has moved on by the time it is asked.
    result.id = Database::returnedId(inserted.value());
    return {};
}

Result<JobResult> JobRepository::recordRun(JobResult result)
{
    if (auto stored = insertJobResult(result); !stored) {
        return stored.error();
    }
    return result;
}

Result<int> JobRepository::lastRoadmapCount(qint64 profileId)
{
    const QString failure
        = QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the job results.");
    auto count = m_database.first(
        QStringLiteral(
            "SELECT roadmaps FROM job_result WHERE profile_id = ? AND job_kind = ? AND outcome = ? "
            "ORDER BY id DESC LIMIT 1"),
        { profileId, Jobs::kindCode(JobKind::Activity), Jobs::outcomeCode(JobOutcome::Succeeded) }, failure,
        [](const QSqlQuery& q) { return q.value(0).toInt(); });
    if (!count) {
        return count.error();
    }
    return count.value().value_or(0);
}

Result<QList<JobResult>> JobRepository::jobResults(qint64 profileId, int limit)
{
    return m_database.list(
        QStringLiteral(
            "SELECT %1 FROM job_result WHERE profile_id = :p ORDER BY started_at DESC, id DESC LIMIT :l")
            .arg(JobColumns),
        { { QStringLiteral(":p"), profileId }, { QStringLiteral(":l"), limit } },
        QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the job results."),
        [](const QSqlQuery& q) {
            JobResult r;
            r.id = q.value(0).toLongLong();
            r.profileId = q.value(1).toLongLong();
            r.kind = Jobs::kindFromCode(q.value(2).toString()).value_or(JobKind::Subscriptions);
            r.trigger = Jobs::triggerFromCode(q.value(3).toString()).value_or(JobTrigger::Manual);
            r.startedAt = SqlColumns::timeFrom(q.value(4));
            r.endedAt = SqlColumns::timeFrom(q.value(5));
            r.outcome = Jobs::outcomeFromCode(q.value(6).toString());
            r.users = q.value(7).toInt();
            r.roadmaps = q.value(8).toInt();
            r.requests = q.value(9).toInt();
            r.joined = q.value(10).toInt();
            r.left = q.value(11).toInt();
            r.roleChanged = q.value(12).toInt();
            r.warning = q.value(13).toString();
            r.error = q.value(14).toString();
            return r;
        });
}

} // namespace rmsam
