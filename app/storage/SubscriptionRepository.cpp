#include "storage/SubscriptionRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace {

QVariant textOrNull(const QString& text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant timeOrNull(const QDateTime& when)
{
    return when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

const QString JobColumns = QStringLiteral("id, profile_id, job_kind, job_trigger, started_at, ended_at, "
                                          "outcome, users, roadmaps, requests, joined, "
                                          "left_count, role_changed, warning, error");

} // namespace

SubscriptionRepository::SubscriptionRepository(Database& database)
    : m_database(database)
{ }

Result<QList<SubscriptionRecord>> SubscriptionRepository::records(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT user_id, email, first_name, last_name, display_name, role, seat_type, "
                             "invited, job_title, last_login, "
                             "last_activity, activity_source, activity_reason, last_login_unreadable, "
                             "activity_unreadable FROM subscription WHERE "
                             "profile_id = :p ORDER BY email"));
    q.bindValue(QStringLiteral(":p"), profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the subscriptions."),
            q.lastError());
    }
    QList<SubscriptionRecord> records;
    while (q.next()) {
        SubscriptionRecord r;
        SoftwareSubscription& s = r.subscription;
        s.userId = q.value(0).toString();
        s.email = q.value(1).toString();
        s.firstName = q.value(2).toString();
        s.lastName = q.value(3).toString();
        s.displayName = q.value(4).toString();
        s.role = q.value(5).toString();
        s.seatType = SeatTypes::fromCode(q.value(6).toString());
        s.invited = q.value(7).toInt() != 0;
        s.jobTitle = q.value(8).toString();
        s.lastLogin = timeFrom(q.value(9));
        r.activity.userId = s.userId;
        r.activity.lastActivity = timeFrom(q.value(10));
        r.activity.source = ActivityRules::sourceFromCode(q.value(11).toString());
        r.activity.reason = ActivityRules::reasonFromCode(q.value(12).toString());
        s.lastLoginUnreadable = q.value(13).toString();
        r.activity.unreadable = q.value(14).toString();
        records.append(std::move(r));
    }
    return records;
}

Result<int> SubscriptionRepository::count(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM subscription WHERE profile_id = :p"));
    q.bindValue(QStringLiteral(":p"), profileId);
    if (!q.exec() || !q.next()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the subscriptions."),
            q.lastError());
    }
    return q.value(0).toInt();
}

Result<QList<SoftwareSubscription>> SubscriptionRepository::subscriptions(qint64 profileId)
{
    auto all = records(profileId);
    if (!all) {
        return all.error();
    }
    QList<SoftwareSubscription> result;
    result.reserve(all.value().size());
    for (const SubscriptionRecord& r : all.value()) {
        result.append(r.subscription);
    }
    return result;
}

Result<JobResult> SubscriptionRepository::replaceSnapshot(qint64 profileId,
    const QList<SoftwareSubscription>& subscriptions, const std::optional<QList<UserActivity>>& activity,
    JobResult result)
{
    QSqlDatabase db = m_database.connection();
    auto done = inTransaction(db, [&]() -> Result<void> {
        auto before = records(profileId);
        if (!before) {
            return before.error();
        }
        // Keep the previous activity for users still there when this run did not refresh it.
        QHash<QString, UserActivity> activityById;
        QList<SoftwareSubscription> previous;
        for (const SubscriptionRecord& r : before.value()) {
            previous.append(r.subscription);
            activityById.insert(r.subscription.userId, r.activity);
        }
        if (activity) {
            activityById.clear();
            for (const UserActivity& a : *activity) {
                activityById.insert(a.userId, a);
            }
        }
        const QList<SnapshotChange> changes = SnapshotChanges::between(previous, subscriptions);
        result.joined = result.left = result.roleChanged = 0;
        for (const SnapshotChange& c : changes) {
            (c.kind == SnapshotChange::Kind::Joined        ? result.joined
                    : c.kind == SnapshotChange::Kind::Left ? result.left
                                                           : result.roleChanged)++;
        }
        result.users = int(subscriptions.size());

        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM subscription WHERE profile_id = :p"));
        q.bindValue(QStringLiteral(":p"), profileId);
        if (!q.exec()) {
            return Database::storageError(QCoreApplication::translate("rmsam::SubscriptionRepository",
                                              "Cannot replace the subscriptions."),
                q.lastError());
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO subscription (profile_id, user_id, email, first_name, last_name, display_name, "
            "role, seat_type, "
            "invited, job_title, last_login, last_activity, activity_source, activity_reason, "
            "last_login_unreadable, activity_unreadable) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const SoftwareSubscription& s : subscriptions) {
            const UserActivity a = activityById.value(
                s.userId, UserActivity { s.userId, {}, ActivitySource::None, NoActivityReason::NoData, {} });
            insert.addBindValue(profileId);
            insert.addBindValue(s.userId);
            insert.addBindValue(s.email);
            insert.addBindValue(textOrNull(s.firstName));
            insert.addBindValue(textOrNull(s.lastName));
            insert.addBindValue(textOrNull(s.displayName));
            insert.addBindValue(s.role);
            insert.addBindValue(s.seatType ? QVariant(SeatTypes::code(*s.seatType))
                                           : QVariant(QMetaType(QMetaType::QString)));
            insert.addBindValue(s.invited ? 1 : 0);
            insert.addBindValue(textOrNull(s.jobTitle));
            insert.addBindValue(timeOrNull(s.lastLogin));
            insert.addBindValue(timeOrNull(a.lastActivity));
            insert.addBindValue(ActivityRules::sourceCode(a.source));
            insert.addBindValue(ActivityRules::reasonCode(a.reason));
            insert.addBindValue(textOrNull(s.lastLoginUnreadable));
            insert.addBindValue(textOrNull(a.unreadable));
            if (!insert.exec()) {
                return Database::storageError(QCoreApplication::translate("rmsam::SubscriptionRepository",
                                                  "Cannot store the subscriptions."),
                    insert.lastError());
            }
        }
        if (auto stored = insertJobResult(result); !stored) {
            return stored;
        }
        QSqlQuery change(db);
        change.prepare(QStringLiteral(
            "INSERT INTO snapshot_change (job_result_id, user_id, email, change_kind, old_role, "
            "new_role) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const SnapshotChange& c : changes) {
            change.addBindValue(result.id);
            change.addBindValue(c.userId);
            change.addBindValue(c.email);
            change.addBindValue(SnapshotChanges::kindCode(c.kind));
            change.addBindValue(textOrNull(c.oldRole));
            change.addBindValue(textOrNull(c.newRole));
            if (!change.exec()) {
                return Database::storageError(QCoreApplication::translate("rmsam::SubscriptionRepository",
                                                  "Cannot store the changes of the snapshot."),
                    change.lastError());
            }
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return result;
}

Result<JobResult> SubscriptionRepository::replaceActivity(
    qint64 profileId, const QList<UserActivity>& activity, JobResult result)
{
    QSqlDatabase db = m_database.connection();
    auto done = inTransaction(db, [&]() -> Result<void> {
        QSqlQuery update(db);
        update.prepare(QStringLiteral(
            "UPDATE subscription SET last_activity = ?, activity_source = ?, activity_reason = ?, "
            "activity_unreadable = ? WHERE profile_id = ? AND user_id = ?"));
        for (const UserActivity& a : activity) {
            update.addBindValue(timeOrNull(a.lastActivity));
            update.addBindValue(ActivityRules::sourceCode(a.source));
            update.addBindValue(ActivityRules::reasonCode(a.reason));
            update.addBindValue(textOrNull(a.unreadable));
            update.addBindValue(profileId);
            update.addBindValue(a.userId);
            if (!update.exec()) {
                return Database::storageError(QCoreApplication::translate("rmsam::SubscriptionRepository",
                                                  "Cannot store the user activity."),
                    update.lastError());
            }
        }
        return insertJobResult(result);
    });
    if (!done) {
        return done.error();
    }
    return result;
}

Result<JobResult> SubscriptionRepository::recordRun(JobResult result)
{
    if (auto stored = insertJobResult(result); !stored) {
        return stored.error();
    }
    return result;
}

Result<void> SubscriptionRepository::insertJobResult(JobResult& result)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO job_result (profile_id, job_kind, job_trigger, started_at, ended_at, outcome, "
        "users, roadmaps, requests, joined, left_count, role_changed, warning, error) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(result.profileId);
    q.addBindValue(Jobs::kindCode(result.kind));
    q.addBindValue(Jobs::triggerCode(result.trigger));
    q.addBindValue(timeOrNull(result.startedAt));
    q.addBindValue(timeOrNull(result.endedAt));
    q.addBindValue(Jobs::outcomeCode(result.outcome));
    q.addBindValue(result.users);
    q.addBindValue(result.roadmaps);
    q.addBindValue(result.requests);
    q.addBindValue(result.joined);
    q.addBindValue(result.left);
    q.addBindValue(result.roleChanged);
    q.addBindValue(textOrNull(result.warning));
    q.addBindValue(textOrNull(result.error));
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot record the job result."),
            q.lastError());
    }
    result.id = q.lastInsertId().toLongLong();
    return {};
}

Result<QList<JobResult>> SubscriptionRepository::jobResults(qint64 profileId, int limit)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT %1 FROM job_result WHERE profile_id = :p ORDER BY started_at DESC, id DESC LIMIT :l")
                  .arg(JobColumns));
    q.bindValue(QStringLiteral(":p"), profileId);
    q.bindValue(QStringLiteral(":l"), limit);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the job results."),
            q.lastError());
    }
    QList<JobResult> results;
    while (q.next()) {
        JobResult r;
        r.id = q.value(0).toLongLong();
        r.profileId = q.value(1).toLongLong();
        r.kind = Jobs::kindFromCode(q.value(2).toString()).value_or(JobKind::Subscriptions);
        r.trigger = Jobs::triggerFromCode(q.value(3).toString()).value_or(JobTrigger::Manual);
        r.startedAt = timeFrom(q.value(4));
        r.endedAt = timeFrom(q.value(5));
        r.outcome = Jobs::outcomeFromCode(q.value(6).toString());
        r.users = q.value(7).toInt();
        r.roadmaps = q.value(8).toInt();
        r.requests = q.value(9).toInt();
        r.joined = q.value(10).toInt();
        r.left = q.value(11).toInt();
        r.roleChanged = q.value(12).toInt();
        r.warning = q.value(13).toString();
        r.error = q.value(14).toString();
        results.append(r);
    }
    return results;
}

Result<QList<SnapshotChange>> SubscriptionRepository::changes(qint64 jobResultId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT change_kind, user_id, email, old_role, new_role FROM snapshot_change "
                             "WHERE job_result_id = :j ORDER BY change_kind, email"));
    q.bindValue(QStringLiteral(":j"), jobResultId);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::SubscriptionRepository",
                                          "Cannot read the changes of the snapshot."),
            q.lastError());
    }
    QList<SnapshotChange> changes;
    while (q.next()) {
        const QString kind = q.value(0).toString();
        SnapshotChange c { kind == QLatin1String("joined") ? SnapshotChange::Kind::Joined
                : kind == QLatin1String("left")            ? SnapshotChange::Kind::Left
                                                           : SnapshotChange::Kind::RoleChanged,
            q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString() };
        changes.append(c);
    }
    return changes;
}

Result<QHash<QString, QDateTime>> SubscriptionRepository::joinedAt(
    qint64 profileId, bool includeFirstSnapshot)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.user_id, MAX(r.started_at) FROM snapshot_change c JOIN job_result r ON r.id = "
        "c.job_result_id "
        "WHERE r.profile_id = :p1 AND c.change_kind = 'joined' AND (:all OR r.id > (SELECT MIN(id) FROM "
        "job_result WHERE profile_id = :p2 AND job_kind = 'subscriptions' AND outcome = 'succeeded')) "
        "GROUP BY c.user_id"));
    q.bindValue(QStringLiteral(":p1"), profileId);
    q.bindValue(QStringLiteral(":p2"), profileId);
    q.bindValue(QStringLiteral(":all"), includeFirstSnapshot ? 1 : 0);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read when users joined."),
            q.lastError());
    }
    QHash<QString, QDateTime> joined;
    while (q.next()) {
        joined.insert(q.value(0).toString(), timeFrom(q.value(1)));
    }
    return joined;
}

} // namespace rmsam
