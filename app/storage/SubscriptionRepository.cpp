#include "storage/SubscriptionRepository.h"

#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/NativeRows.h"
#include "storage/SnapshotStaging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {

using SqlColumns::textOrNull;
using SqlColumns::timeFrom;
using SqlColumns::timeOrNull;

SubscriptionRepository::SubscriptionRepository(Database& database)
    : m_database(database)
{ }

namespace {

const QString RecordColumns = QStringLiteral(
    "SELECT user_id, email, first_name, last_name, display_name, role, seat_type, invited, job_title, "
    "last_login, last_activity, activity_source, activity_reason, last_login_unreadable, "
    "activity_unreadable FROM subscription WHERE profile_id = ?");

QString readFailure()
{
    return QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the subscriptions.");
}

// A row of RecordColumns read through QSqlQuery, each value as recordFrom() takes it.
class QueryValues
{
public:
    explicit QueryValues(const QSqlQuery& query)
        : m_query(query)
    { }
    QString text(int column) const { return m_query.value(column).toString(); }
    QDateTime time(int column) const { return timeFrom(m_query.value(column)); }
    bool flag(int column) const { return m_query.value(column).toInt() != 0; }

private:
    const QSqlQuery& m_query;
};

// The same row read through NativeRows, from the UTF-8 the database's library holds: a pass over
// 100,000 records without the 1.5 million QVariants Qt SQL would make of them (issue 15).
class NativeValues
{
public:
    explicit NativeValues(const NativeRows& rows)
        : m_rows(rows)
    { }
    QString text(int column) const { return m_rows.text(column).toString(); }
    QDateTime time(int column) const { return timeFrom(m_rows.text(column)); }
    bool flag(int column) const { return m_rows.integer(column) != 0; }

private:
    const NativeRows& m_rows;
};

template<typename Values> SubscriptionRecord recordFrom(const Values& v)
{
    SubscriptionRecord r;
    SoftwareSubscription& s = r.subscription;
    s.userId = v.text(0);
    s.email = v.text(1);
    s.firstName = v.text(2);
    s.lastName = v.text(3);
    s.displayName = v.text(4);
    s.role = v.text(5);
    s.seatType = SeatTypes::fromCode(v.text(6));
    s.invited = v.flag(7);
    s.jobTitle = v.text(8);
    s.lastLogin = v.time(9);
    r.activity.userId = s.userId;
    r.activity.lastActivity = v.time(10);
    r.activity.source = ActivityRules::sourceFromCode(v.text(11));
    r.activity.reason = ActivityRules::reasonFromCode(v.text(12));
    s.lastLoginUnreadable = v.text(13);
    r.activity.unreadable = v.text(14);
    return r;
}

SubscriptionRecord recordFromQuery(const QSqlQuery& q)
{
    return recordFrom(QueryValues(q));
}

} // namespace

Result<QList<SubscriptionRecord>> SubscriptionRepository::records(qint64 profileId, std::optional<int> limit)
{
    const QString sql = RecordColumns + QStringLiteral(" ORDER BY email");
    if (limit) {
        return m_database.list(
            sql + QStringLiteral(" LIMIT ?"), { profileId, *limit }, readFailure(), recordFromQuery);
    }
    return m_database.list(sql, { profileId }, readFailure(), recordFromQuery);
}

Result<void> SubscriptionRepository::forEachRecord(
    qint64 profileId, const std::function<void(const SubscriptionRecord&)>& visit)
{
    auto native = NativeRows::run(m_database, RecordColumns, { profileId }, readFailure());
    if (!native) {
        return native.error();
    }
    if (std::optional<NativeRows>& rows = native.value()) {
        while (rows->next()) {
            visit(recordFrom(NativeValues(*rows)));
        }
        if (rows->error()) {
            return *rows->error();
        }
        return {};
    }
    auto query = m_database.run(RecordColumns, { profileId }, readFailure());
    if (!query) {
        return query.error();
    }
    QSqlQuery& q = query.value();
    while (q.next()) {
        visit(recordFrom(QueryValues(q)));
    }
    // A pass cut short by a failed read is never taken for the whole snapshot.
    if (q.lastError().isValid()) {
        return Database::storageError(readFailure(), q.lastError());
    }
    return {};
}

Result<int> SubscriptionRepository::count(qint64 profileId)
{
    const QString failure = readFailure();
    return m_database.one(
        QStringLiteral("SELECT COUNT(*) FROM subscription WHERE profile_id = :p"),
        { { QStringLiteral(":p"), profileId } }, failure,
        [](const QSqlQuery& q) { return q.value(0).toInt(); },
        Error { ErrorCode::StorageError, failure, {} });
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
    QHash<QString, UserActivity> activityById;
    if (activity) {
        activityById.reserve(activity->size());
        for (const UserActivity& a : *activity) {
            activityById.insert(a.userId, a);
        }
    }
    QList<SubscriptionRecord> rows;
    rows.reserve(subscriptions.size());
    for (const SoftwareSubscription& s : subscriptions) {
        rows.append({ s, activityById.value(s.userId, UserActivity { s.userId, {}, {}, {}, {} }) });
    }
    auto staging = SnapshotStaging::create(m_database);
    if (!staging) {
        return staging.error();
    }
    if (auto staged = staging.value()->addPage(0, rows); !staged) {
        return staged.error();
    }
    auto recorded = staging.value()->replaceSnapshot(profileId, activity.has_value(), std::move(result));
    if (!recorded) {
        return recorded.error();
    }
    return recorded.value().first();
}

Result<JobResult> SubscriptionRepository::replaceActivity(
    qint64 profileId, const QList<UserActivity>& activity, JobResult result)
{
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto update = m_database.prepare(
            QStringLiteral(
                "UPDATE subscription SET last_activity = ?, activity_source = ?, activity_reason = ?, "
                "activity_unreadable = ? WHERE profile_id = ? AND user_id = ?"),
            QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot store the user activity."));
        if (!update) {
            return update.error();
        }
        for (const UserActivity& a : activity) {
            if (auto stored
                = update.value().run({ timeOrNull(a.lastActivity), ActivityRules::sourceCode(a.source),
                    ActivityRules::reasonCode(a.reason), textOrNull(a.unreadable), profileId, a.userId });
                !stored) {
                return stored;
            }
        }
        return JobRepository(m_database).insertJobResult(result);
    });
    if (!done) {
        return done.error();
    }
    return result;
}

Result<QList<SnapshotChange>> SubscriptionRepository::changes(qint64 jobResultId)
{
    return m_database.list(
        QStringLiteral("SELECT change_kind, user_id, email, old_role, new_role FROM snapshot_change "
                       "WHERE job_result_id = :j ORDER BY change_kind, email"),
        { { QStringLiteral(":j"), jobResultId } },
        QCoreApplication::translate(
            "rmsam::SubscriptionRepository", "Cannot read the changes of the snapshot."),
        [](const QSqlQuery& q) {
            return SnapshotChange { SnapshotChanges::kindTable()
                                        .fromCode(q.value(0).toString())
                                        .value_or(SnapshotChange::Kind::RoleChanged),
                q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString() };
        });
}

Result<LatestChanges> SubscriptionRepository::latestChanges(qint64 profileId)
{
    const QString failed = QCoreApplication::translate(
        "rmsam::SubscriptionRepository", "Cannot read the changes of the snapshot.");
    // The job result written last is the one whose snapshot is stored: ids grow with each run.
    auto latest = m_database.first(
        QStringLiteral("SELECT id, ended_at FROM job_result WHERE profile_id = :p AND job_kind = "
                       "'subscriptions' AND outcome = 'succeeded' ORDER BY id DESC LIMIT 1"),
        { { QStringLiteral(":p"), profileId } }, failed,
        [](const QSqlQuery& q) { return std::pair(q.value(0).toLongLong(), timeFrom(q.value(1))); });
    if (!latest) {
        return latest.error();
    }
    if (!latest.value()) {
        return LatestChanges {};
    }
    auto changed = changes(latest.value()->first);
    if (!changed) {
        return changed.error();
    }
    return LatestChanges { latest.value()->second, std::move(changed.value()) };
}

Result<JoinTimes> SubscriptionRepository::joinTimes(qint64 profileId)
{
    const QString failed
        = QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read when users joined.");
    auto first = m_database.first(
        QStringLiteral("SELECT id, started_at FROM job_result WHERE profile_id = :p AND job_kind = "
                       "'subscriptions' AND outcome = 'succeeded' ORDER BY id LIMIT 1"),
        { { QStringLiteral(":p"), profileId } }, failed,
        [](const QSqlQuery& q) { return std::pair(q.value(0).toLongLong(), timeFrom(q.value(1))); });
    if (!first) {
        return first.error();
    }
    JoinTimes joined;
    if (!first.value()) {
        return joined;
    }
    joined.firstSnapshot = first.value()->second;
    // Only the later runs' changes: the first snapshot's "joined" rows (one per user) are read by
    // no one, and were most of this read's time.
    auto rows = m_database.list(
        QStringLiteral("SELECT c.user_id, MAX(r.started_at) FROM job_result r "
                       "JOIN snapshot_change c ON c.job_result_id = r.id "
                       "WHERE r.profile_id = :p AND r.id > :first AND c.change_kind = 'joined' "
                       "GROUP BY c.user_id"),
        { { QStringLiteral(":p"), profileId }, { QStringLiteral(":first"), first.value()->first } }, failed,
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), timeFrom(q.value(1))); });
    if (!rows) {
        return rows.error();
    }
    joined.later.reserve(rows.value().size());
    for (const auto& [user, at] : rows.value()) {
        joined.later.insert(user, at);
    }
    return joined;
}

} // namespace rmsam
