#include "storage/SnapshotStaging.h"

#include "storage/BatchInsert.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace rmsam {

using SqlColumns::textOrNull;
using SqlColumns::timeOrNull;

namespace {

// The table's columns besides page_offset; the same names as in `subscription`.
const QStringList& columns()
{
    static const QStringList names { QStringLiteral("user_id"), QStringLiteral("email"),
        QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("display_name"),
        QStringLiteral("role"), QStringLiteral("seat_type"), QStringLiteral("invited"),
        QStringLiteral("job_title"), QStringLiteral("last_login"), QStringLiteral("last_activity"),
        QStringLiteral("activity_source"), QStringLiteral("activity_reason"),
        QStringLiteral("last_login_unreadable"), QStringLiteral("activity_unreadable") };
    return names;
}

QString failure()
{
    return QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot store the subscriptions.");
}

} // namespace

SnapshotStaging::SnapshotStaging(Database& database)
    : m_database(database)
{ }

Result<std::unique_ptr<SnapshotStaging>> SnapshotStaging::create(Database& database)
{
    const QString table = database.temporaryTable(QStringLiteral("rmsam_staging"));
    for (const QString& statement : {
             QStringLiteral("DROP TABLE IF EXISTS %1").arg(table),
             QStringLiteral(
                 "CREATE TEMPORARY TABLE rmsam_staging (page_offset INTEGER NOT NULL,"
                 " user_id VARCHAR(64) NOT NULL, email VARCHAR(320) NOT NULL, first_name VARCHAR(200),"
                 " last_name VARCHAR(200), display_name VARCHAR(400), role VARCHAR(64) NOT NULL,"
                 " seat_type VARCHAR(16), invited SMALLINT NOT NULL, job_title VARCHAR(200),"
                 " last_login VARCHAR(32), last_activity VARCHAR(32),"
                 " activity_source VARCHAR(24) NOT NULL, activity_reason VARCHAR(24) NOT NULL,"
                 " last_login_unreadable TEXT, activity_unreadable TEXT)"),
         }) {
        if (auto done = database.exec(statement, {}, failure()); !done) {
            return done.error();
        }
    }
    return std::unique_ptr<SnapshotStaging>(new SnapshotStaging(database));
}

SnapshotStaging::~SnapshotStaging()
{
    // Best effort: the table also ends with the connection.
    (void)m_database.exec(QStringLiteral("DROP TABLE IF EXISTS %1")
                              .arg(m_database.temporaryTable(QStringLiteral("rmsam_staging"))),
        {}, failure());
}

Result<void> SnapshotStaging::addPage(int offset, const QList<SubscriptionRecord>& rows)
{
    if (m_offsets.contains(offset)) {
        if (auto sent = flush(); !sent) {
            return sent;
        }
        if (auto removed = m_database.exec(
                QStringLiteral("DELETE FROM rmsam_staging WHERE page_offset = ?"), { offset }, failure());
            !removed) {
            return removed;
        }
    }
    m_offsets.insert(offset);
    if (!m_insert) {
        // One for the whole listing: its statement is prepared once, and a page's rows wait to
        // fill a batch with the next page's.
        m_insert = std::make_unique<BatchInsert>(m_database, QStringLiteral("rmsam_staging"),
            QStringList { QStringLiteral("page_offset") } + columns(), failure());
    }
    for (const SubscriptionRecord& r : rows) {
        const SoftwareSubscription& s = r.subscription;
        const UserActivity& a = r.activity;
        auto staged = m_insert->add({ offset, s.userId, s.email, textOrNull(s.firstName),
            textOrNull(s.lastName), textOrNull(s.displayName), s.role,
            s.seatType ? QVariant(SeatTypes::code(*s.seatType)) : QVariant(QMetaType(QMetaType::QString)),
            s.invited ? 1 : 0, textOrNull(s.jobTitle), timeOrNull(s.lastLogin), timeOrNull(a.lastActivity),
            ActivityRules::sourceCode(a.source), ActivityRules::reasonCode(a.reason),
            textOrNull(s.lastLoginUnreadable), textOrNull(a.unreadable) });
        if (!staged) {
            return staged;
        }
    }
    return {};
}

Result<void> SnapshotStaging::flush()
{
    if (!m_insert) {
        return {};
    }
    auto sent = m_insert->finish();
    m_insert.reset();
    return sent;
}

Result<void> SnapshotStaging::clear()
{
    m_insert.reset();
    m_offsets.clear();
    return m_database.exec(QStringLiteral("DELETE FROM rmsam_staging"), {}, failure());
}

Result<void> SnapshotStaging::keepStoredActivity(qint64 profileId)
{
    // Users new to the snapshot have no activity yet: no data.
    if (auto reset = m_database.exec(
            QStringLiteral("UPDATE rmsam_staging SET last_activity = NULL, activity_source = ?, "
                           "activity_reason = ?, activity_unreadable = NULL"),
            { ActivityRules::sourceCode(ActivitySource::None),
                ActivityRules::reasonCode(NoActivityReason::NoData) },
            failure());
        !reset) {
        return reset;
    }
    return m_database.exec(
        QStringLiteral(
            "UPDATE rmsam_staging SET last_activity = o.last_activity, activity_source = o.activity_source, "
            "activity_reason = o.activity_reason, activity_unreadable = o.activity_unreadable "
            "FROM subscription o WHERE o.profile_id = ? AND o.user_id = rmsam_staging.user_id"),
        { profileId }, failure());
}

Result<void> SnapshotStaging::countChanges(qint64 profileId, JobResult& result)
{
    auto counted = m_database.first(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM rmsam_staging),"
                       " (SELECT COUNT(*) FROM rmsam_staging s WHERE NOT EXISTS"
                       "  (SELECT 1 FROM subscription o WHERE o.profile_id = :p1 AND o.user_id = s.user_id)),"
                       " (SELECT COUNT(*) FROM subscription o WHERE o.profile_id = :p2 AND NOT EXISTS"
                       "  (SELECT 1 FROM rmsam_staging s WHERE s.user_id = o.user_id)),"
                       " (SELECT COUNT(*) FROM rmsam_staging s JOIN subscription o ON o.profile_id = :p3"
                       "  AND o.user_id = s.user_id WHERE o.role <> s.role)"),
        { { QStringLiteral(":p1"), profileId }, { QStringLiteral(":p2"), profileId },
            { QStringLiteral(":p3"), profileId } },
        failure(), [](const QSqlQuery& q) {
            return std::array { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(),
                q.value(3).toInt() };
        });
    if (!counted) {
        return counted.error();
    }
    const auto counts = counted.value().value_or(std::array { 0, 0, 0, 0 });
    result.users = counts[0];
    result.joined = counts[1];
    result.left = counts[2];
    result.roleChanged = counts[3];
    return {};
}

Result<void> SnapshotStaging::recordChanges(qint64 profileId, const JobResult& result)
{
    const QString head = QStringLiteral(
        "INSERT INTO snapshot_change (job_result_id, user_id, email, change_kind, old_role, new_role) ");
    const QString failed = QCoreApplication::translate(
        "rmsam::SubscriptionRepository", "Cannot store the changes of the snapshot.");
    // Each kind is looked for only when counted: an unchanged re-sync does no lookups here.
    const std::pair<int, QString> kinds[] = {
        { result.joined,
            QStringLiteral(
                "SELECT CAST(? AS BIGINT), s.user_id, s.email, 'joined', NULL, s.role FROM rmsam_staging s "
                "WHERE NOT EXISTS (SELECT 1 FROM subscription o WHERE o.profile_id = ? AND o.user_id = "
                "s.user_id)") },
        { result.left,
            QStringLiteral(
                "SELECT CAST(? AS BIGINT), o.user_id, o.email, 'left', o.role, NULL FROM subscription o "
                "WHERE o.profile_id = ? AND NOT EXISTS (SELECT 1 FROM rmsam_staging s WHERE s.user_id = "
                "o.user_id)") },
        { result.roleChanged,
            QStringLiteral(
                "SELECT CAST(? AS BIGINT), s.user_id, s.email, 'role_changed', o.role, s.role FROM "
                "rmsam_staging s JOIN subscription o ON o.profile_id = ? AND o.user_id = s.user_id "
                "WHERE o.role <> s.role") },
    };
    for (const auto& [count, select] : kinds) {
        if (count == 0) {
            continue;
        }
        if (auto stored = m_database.exec(head + select, { result.id, profileId }, failed); !stored) {
            return stored;
        }
    }
    return {};
}

// The staged rows become the snapshot. Only what changed is written: the users who left are
// deleted, new users inserted, and a row rewritten only when one of its columns differs, so an
// unchanged re-sync of 100,000 users compares rows and writes none.
Result<void> SnapshotStaging::storeSnapshot(qint64 profileId, const JobResult& counted)
{
    const QString replaceFailure
        = QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot replace the subscriptions.");
    if (counted.left > 0) {
        if (auto removed = m_database.exec(
                QStringLiteral("DELETE FROM subscription WHERE profile_id = ? AND NOT EXISTS (SELECT 1 FROM "
                               "rmsam_staging s WHERE s.user_id = subscription.user_id)"),
                { profileId }, replaceFailure);
            !removed) {
            return removed;
        }
    }
    const QString insert
        = QStringLiteral("INSERT INTO subscription (profile_id, %1) SELECT CAST(? AS BIGINT), %1 "
                         "FROM rmsam_staging")
              .arg(columns().join(QStringLiteral(", ")));
    if (counted.joined == counted.users) { // nobody listed is stored yet (a first sync): a plain insert
        return m_database.exec(insert, { profileId }, failure());
    }
    // SQLite's IS NOT is PostgreSQL's IS DISTINCT FROM: unequal, NULL counting as a value.
    const QLatin1String distinct = m_database.backend() == DatabaseLocation::Backend::PostgreSql
        ? QLatin1String(" IS DISTINCT FROM ")
        : QLatin1String(" IS NOT ");
    QStringList assignments;
    QStringList differences;
    for (const QString& column : columns().mid(1)) { // all but user_id, the key
        assignments.append(column + QStringLiteral(" = excluded.") + column);
        differences.append(
            QStringLiteral("subscription.") + column + distinct + QStringLiteral("excluded.") + column);
    }
    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
    return m_database.exec(insert
            + QStringLiteral(" WHERE true ON CONFLICT (profile_id, user_id) DO UPDATE SET %1 WHERE %2")
                  .arg(assignments.join(QStringLiteral(", ")), differences.join(QStringLiteral(" OR "))),
        { profileId }, failure());
}

Result<QList<JobResult>> SnapshotStaging::replaceSnapshot(
    qint64 profileId, bool freshActivity, JobResult result, std::optional<JobResult> activity)
{
    if (auto sent = flush(); !sent) {
        return sent.error();
    }
    // Made once the rows are in: kept up while they arrive, it made every page slower than the last.
    if (auto indexed = m_database.exec(
            QStringLiteral("CREATE INDEX rmsam_staging_user ON rmsam_staging (user_id, page_offset)"), {},
            failure());
        !indexed) {
        return indexed.error();
    }
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        // A user listed at two offsets keeps the row from the lower one.
        if (auto deduplicated = m_database.exec(
                QStringLiteral(
                    "DELETE FROM rmsam_staging WHERE EXISTS (SELECT 1 FROM rmsam_staging t WHERE "
                    "t.user_id = rmsam_staging.user_id AND t.page_offset < rmsam_staging.page_offset)"),
                {}, failure());
            !deduplicated) {
            return deduplicated;
        }
        if (!freshActivity) {
            if (auto kept = keepStoredActivity(profileId); !kept) {
                return kept;
            }
        }
        if (auto counted = countChanges(profileId, result); !counted) {
            return counted;
        }
        JobRepository jobs(m_database);
        if (auto stored = jobs.insertJobResult(result); !stored) {
            return stored;
        }
        if (auto changed = recordChanges(profileId, result); !changed) {
            return changed;
        }
        if (auto stored = storeSnapshot(profileId, result); !stored) {
            return stored;
        }
        // SQLite plans by its statistics: without them it reads a 100,000-row snapshot through
        // the primary key's index, a row lookup each, at twice the time of a plain scan (every
        // read of the snapshot: the evaluation, the window, an export). 50 ms at 100k rows.
        if (m_database.backend() == DatabaseLocation::Backend::Sqlite) {
            if (auto analyzed = m_database.exec(QStringLiteral("ANALYZE subscription"), {}, failure());
                !analyzed) {
                return analyzed;
            }
        }
        if (activity) {
            activity->users = result.users;
            return jobs.insertJobResult(*activity);
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    QList<JobResult> recorded { result };
    if (activity) {
        recorded.append(*activity);
    }
    return recorded;
}

} // namespace rmsam
