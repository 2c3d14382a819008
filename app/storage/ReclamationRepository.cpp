#include "storage/ReclamationRepository.h"

#include "storage/BatchInsert.h"
#include "storage/ChangeLogSchema.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace rmsam {
namespace {

using SqlColumns::timeFrom;
using SqlColumns::timeOrNull;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString historyFailure()
{
    return QCoreApplication::translate(
        "rmsam::ReclamationRepository", "Cannot record the candidate's history.");
}

const QString CandidateColumns = QStringLiteral(
    "id, profile_id, user_id, email, display_name, role, seat_type, last_activity, activity_source, "
    "justification, state, created_at, updated_at, notified_at, row_version, leaver");

RemovalCandidate candidateFrom(const QSqlQuery& q)
{
    RemovalCandidate c;
    c.number = q.value(0).toLongLong();
    c.profileId = q.value(1).toLongLong();
    c.userId = q.value(2).toString();
    c.email = q.value(3).toString();
    c.displayName = q.value(4).toString();
    c.role = q.value(5).toString();
    c.seatType = SeatTypes::fromCode(q.value(6).toString()).value_or(SeatType::CollaboratorType);
    c.lastActivity = timeFrom(q.value(7));
    c.activitySource = ActivityRules::sourceFromCode(q.value(8).toString());
    c.justification = q.value(9).toString();
    c.state = Candidates::stateFromCode(q.value(10).toString()).value_or(CandidateState::AttentionRequired);
    c.createdAt = timeFrom(q.value(11));
    c.updatedAt = timeFrom(q.value(12));
    c.notifiedAt = timeFrom(q.value(13));
    c.rowVersion = q.value(14).toLongLong();
    c.leaver = q.value(15).toInt() != 0;
    return c;
}

QVariant stateOrNull(std::optional<CandidateState> state)
{
    return state ? QVariant(Candidates::stateCode(*state)) : QVariant(QMetaType(QMetaType::QString));
}

Result<void> insertEvent(Database& database, qint64 number, const QString& actor, const QString& action,
    std::optional<CandidateState> from, std::optional<CandidateState> to, const QString& note)
{
    // The member who recorded it: the actor, the OS account, on SQLite; on PostgreSQL the server
    // writes session_user over it (a trigger, for the approver rule).
    return database.exec(
        QStringLiteral("INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, "
                       "to_state, note, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { number, now(), actor, action, stateOrNull(from), stateOrNull(to),
            note.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(note), actor },
        historyFailure());
}

// The row a stale edit names: its table, what selects it, and how the change log keys it.
struct EditedRow
{
    QString table;
    QString where; // "profile_id = ? AND seat_type = ?"
    QVariantList keys;
    qint64 profileId = 0;
    QString logKey; // change_log.row_key
};

// "Changed by X at T since you opened it": who stamped the row last, or, when it is gone, who
// deleted it according to the change log.
Error staleEdit(Database& database, const EditedRow& row)
{
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read who changed it.");
    const auto byAt
        = [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), timeFrom(q.value(1))); };
    auto stamped = database.first(
        QStringLiteral("SELECT changed_by, changed_at FROM %1 WHERE %2").arg(row.table, row.where),
        SqlValues(row.keys), failure, byAt);
    if (stamped && !stamped.value()) {
        stamped = database.first(
            QStringLiteral("SELECT db_role, at FROM change_log WHERE table_name = ? AND profile_id = ? AND "
                           "row_key = ? AND operation = 'delete' ORDER BY id DESC"),
            { row.table, row.profileId, row.logKey }, failure, byAt);
    }
    const auto who = stamped && stamped.value() ? *stamped.value() : std::pair(QString(), QDateTime());
    return Error { ErrorCode::Conflict,
        QCoreApplication::translate(
            "rmsam::ReclamationRepository", "Changed by %1 at %2 since you opened it. Reload and try again.")
            .arg(who.first.isEmpty() ? QStringLiteral("?") : who.first,
                who.second.isValid() ? QLocale().toString(who.second.toLocalTime(), QLocale::ShortFormat)
                                     : QStringLiteral("?")),
        QStringLiteral("stale edit of %1 %2").arg(row.table, row.logKey) };
}

// Writes the row only at the version the writer read (readVersion; 0: none stored): an update
// bumps the version and stamps who and when; none stored, it inserts. Anything else is a stale
// edit. `columns` are set from `values`, in order; the keys come after them.
Result<void> writeVersioned(Database& database, const EditedRow& row, qint64 readVersion,
    const QStringList& columns, const QVariantList& values, const QString& failure)
{
    const QString by = Database::operatingSystemAccount(); // PostgreSQL stamps session_user instead
    const QString at = now();
    Result<QSqlQuery> written = Error {};
    if (readVersion > 0) {
        QStringList sets;
        for (const QString& column : columns) {
            sets << column + QStringLiteral(" = ?");
        }
        written = database.run(
            QStringLiteral("UPDATE %1 SET %2, row_version = row_version + 1, changed_by = ?, "
                           "changed_at = ? WHERE %3 AND row_version = ?")
                .arg(row.table, sets.join(QLatin1String(", ")), row.where),
            SqlValues(values + QVariantList { by, at } + row.keys + QVariantList { readVersion }), failure);
    } else {
        // The keys are the row's identity columns, named in `where` ("a = ? AND b = ?").
        QStringList keyColumns = row.where.split(QStringLiteral(" AND "));
        for (QString& k : keyColumns) {
            k = k.section(QLatin1Char(' '), 0, 0);
        }
        const QStringList all = keyColumns + columns
            + QStringList { QStringLiteral("changed_by"), QStringLiteral("changed_at") };
        written = database.run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
                                   .arg(row.table, all.join(QLatin1String(", ")),
                                       QStringList(all.size(), QStringLiteral("?")).join(QLatin1String(", ")),
                                       keyColumns.join(QLatin1String(", "))),
            SqlValues(row.keys + values + QVariantList { by, at }), failure);
    }
    if (!written) {
        return written.error();
    }
    if (written.value().numRowsAffected() != 1) {
        return staleEdit(database, row);
    }
    return {};
}

// A date column: ISO YYYY-MM-DD, or null when the date is not known.
QVariant isoDate(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

EditedRow entitlementRow(qint64 profileId, SeatType seatType)
{
    return { QStringLiteral("entitlement"), QStringLiteral("profile_id = ? AND seat_type = ?"),
        { profileId, SeatTypes::code(seatType) }, profileId, SeatTypes::code(seatType) };
}

} // namespace

ReclamationRepository::ReclamationRepository(Database& database)
    : m_database(database)
{ }

Result<ReclamationRule> ReclamationRepository::rule(qint64 profileId)
{
    auto stored = m_database.first(
        QStringLiteral("SELECT threshold_days, roles_in_scope, include_no_activity, grace_days, "
                       "notify_user, notify_days, row_version, reminder_days FROM reclamation_rule "
                       "WHERE profile_id = ?"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the reclamation rule."),
        [profileId](const QSqlQuery& q) {
            ReclamationRule r;
            r.profileId = profileId;
            r.thresholdDays = q.value(0).toInt();
            r.rolesInScope = q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
            r.includeNoActivity = q.value(2).toInt() != 0;
            r.graceDays = q.value(3).toInt();
            r.notifyUser = q.value(4).toInt() != 0;
            r.notifyDays = q.value(5).toInt();
            r.rowVersion = q.value(6).toLongLong();
            r.reminderDays = q.value(7).toInt();
            return r;
        });
    if (!stored) {
        return stored.error();
    }
    ReclamationRule defaults;
    defaults.profileId = profileId;
    return stored.value().value_or(defaults);
}

Result<void> ReclamationRepository::saveRule(const ReclamationRule& r)
{
    if (auto valid = ReclamationRules::check(r); !valid) {
        return valid;
    }
    return writeVersioned(m_database,
        { QStringLiteral("reclamation_rule"), QStringLiteral("profile_id = ?"), { r.profileId }, r.profileId,
            QString::number(r.profileId) },
        r.rowVersion,
        { QStringLiteral("threshold_days"), QStringLiteral("roles_in_scope"),
            QStringLiteral("include_no_activity"), QStringLiteral("grace_days"),
            QStringLiteral("notify_user"), QStringLiteral("notify_days"), QStringLiteral("reminder_days") },
        { r.thresholdDays, r.rolesInScope.join(QLatin1Char(',')), r.includeNoActivity ? 1 : 0, r.graceDays,
            r.notifyUser ? 1 : 0, r.notifyDays, r.reminderDays },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the reclamation rule."));
}

Result<void> ReclamationRepository::ensureRule(qint64 profileId)
{
    ReclamationRule r;
    r.profileId = profileId;
    // Leaves a stored rule alone, whatever its version: nothing is overwritten.
    return m_database.exec(
        QStringLiteral(
            "INSERT INTO reclamation_rule (profile_id, threshold_days, roles_in_scope, "
            "include_no_activity, grace_days, notify_user, notify_days, reminder_days, changed_by, "
            "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO NOTHING"),
        { r.profileId, r.thresholdDays, r.rolesInScope.join(QLatin1Char(',')), r.includeNoActivity ? 1 : 0,
            r.graceDays, r.notifyUser ? 1 : 0, r.notifyDays, r.reminderDays,
            Database::operatingSystemAccount(), now() },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the reclamation rule."));
}

Result<QList<RemovalCandidate>> ReclamationRepository::candidates(qint64 profileId)
{
    return m_database.list(
        QStringLiteral("SELECT %1 FROM removal_candidate WHERE profile_id = ? ORDER BY leaver DESC, id")
            .arg(CandidateColumns),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the removal candidates."),
        candidateFrom);
}

Result<RemovalCandidate> ReclamationRepository::candidate(qint64 number)
{
    return m_database.one(
        QStringLiteral("SELECT %1 FROM removal_candidate WHERE id = ?").arg(CandidateColumns), { number },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the removal candidate."),
        candidateFrom,
        Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::ReclamationRepository",
                "There is no removal candidate number %1. List them with: export --report candidates.")
                .arg(number),
            {} });
}

Result<QList<CandidateEvent>> ReclamationRepository::history(qint64 number)
{
    return m_database.list(
        QStringLiteral("SELECT at, actor, action, from_state, to_state, note FROM candidate_event "
                       "WHERE candidate_id = ? ORDER BY id"),
        { number },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the candidate's history."),
        [](const QSqlQuery& q) {
            return CandidateEvent { timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                Candidates::stateFromCode(q.value(3).toString()),
                Candidates::stateFromCode(q.value(4).toString()), q.value(5).toString() };
        });
}

Result<RemovalCandidate> ReclamationRepository::create(RemovalCandidate c, const QString& actor)
{
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        const QString at = now();
        auto inserted = m_database.run(
            QStringLiteral(
                "INSERT INTO removal_candidate (profile_id, user_id, email, display_name, role, "
                "seat_type, last_activity, activity_source, justification, state, created_at, "
                "updated_at, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id"),
            { c.profileId, c.userId, c.email, c.displayName, c.role, SeatTypes::code(c.seatType),
                timeOrNull(c.lastActivity), ActivityRules::sourceCode(c.activitySource), c.justification,
                Candidates::stateCode(c.state), at, at, Database::operatingSystemAccount(), at },
            QCoreApplication::translate(
                "rmsam::ReclamationRepository", "Cannot create the removal candidate."));
        if (!inserted) {
            return inserted.error();
        }
        c.number = Database::returnedId(inserted.value());
        c.rowVersion = 1;
        c.createdAt = c.updatedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        return insertEvent(
            m_database, c.number, actor, QStringLiteral("created"), std::nullopt, c.state, c.justification);
    });
    if (!done) {
        return done.error();
    }
    return c;
}

Result<int> ReclamationRepository::createAll(const QList<RemovalCandidate>& candidates, const QString& actor)
{
    if (candidates.isEmpty()) {
        return 0;
    }
    QHash<QString, qint64> numberByUser;
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        const QString at = now();
        BatchInsert insert(m_database, QStringLiteral("removal_candidate"),
            { QStringLiteral("profile_id"), QStringLiteral("user_id"), QStringLiteral("email"),
                QStringLiteral("display_name"), QStringLiteral("role"), QStringLiteral("seat_type"),
                QStringLiteral("last_activity"), QStringLiteral("activity_source"),
                QStringLiteral("justification"), QStringLiteral("state"), QStringLiteral("created_at"),
                QStringLiteral("updated_at"), QStringLiteral("leaver") },
            QCoreApplication::translate(
                "rmsam::ReclamationRepository", "Cannot create the removal candidate."));
        insert.setReturning(QStringLiteral("id, user_id"), [&numberByUser](const QSqlQuery& q) {
            numberByUser.insert(q.value(1).toString(), q.value(0).toLongLong());
        });
        // SQLite: the row trigger stands aside; the rows are logged in one statement below.
        const bool logInOne = m_database.backend() == DatabaseLocation::Backend::Sqlite;
        if (logInOne) {
            if (auto paused = m_database.exec(
                    QStringLiteral("INSERT INTO change_log_pause (id) VALUES (1)"), {}, historyFailure());
                !paused) {
                return paused;
            }
        }
        for (const RemovalCandidate& c : candidates) {
            if (auto added = insert.add(
                    { c.profileId, c.userId, c.email, c.displayName, c.role, SeatTypes::code(c.seatType),
                        timeOrNull(c.lastActivity), ActivityRules::sourceCode(c.activitySource),
                        c.justification, Candidates::stateCode(c.state), at, at, c.leaver ? 1 : 0 });
                !added) {
                return added;
            }
        }
        if (auto finished = insert.finish(); !finished) {
            return finished;
        }
        if (numberByUser.size() != candidates.size()) {
            return Error { ErrorCode::StorageError,
                QCoreApplication::translate(
                    "rmsam::ReclamationRepository", "Cannot create the removal candidate."),
                QStringLiteral("%1 ids returned for %2 new candidates")
                    .arg(numberByUser.size())
                    .arg(candidates.size()) };
        }
        // Each new candidate's "created" event, from its row: no second round of 37k rows through
        // the client. The write lock this transaction holds keeps other clients' candidates out of
        // the id range.
        const auto [first, last] = std::minmax_element(numberByUser.cbegin(), numberByUser.cend());
        const SqlValues created { candidates.first().profileId, *first, *last, at };
        if (logInOne) {
            if (auto logged = m_database.exec(
                    ChangeLogSchema::sqliteCandidatesCreated(QStringLiteral(
                        "NEW.profile_id = ? AND NEW.id BETWEEN ? AND ? AND NEW.created_at = ?")),
                    created, historyFailure());
                !logged) {
                return logged;
            }
            if (auto resumed
                = m_database.exec(QStringLiteral("DELETE FROM change_log_pause"), {}, historyFailure());
                !resumed) {
                return resumed;
            }
        }
        return m_database.exec(
            QStringLiteral(
                "INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, to_state, "
                "note, member) SELECT id, created_at, ?, 'created', NULL, state, NULLIF(justification, "
                "''), ? FROM removal_candidate WHERE profile_id = ? AND id BETWEEN ? AND ? AND created_at = "
                "?"),
            { actor, actor, candidates.first().profileId, *first, *last, at }, historyFailure());
    });
    if (!done) {
        return done.error();
    }
    return int(numberByUser.size());
}

Result<RemovalCandidate> ReclamationRepository::apply(qint64 number, CandidateAction action,
    const QString& actor, const QString& note, std::optional<qint64> readVersion)
{
    RemovalCandidate c;
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto current = candidate(number);
        if (!current) {
            return current.error();
        }
        c = current.value();
        const EditedRow row { QStringLiteral("removal_candidate"), QStringLiteral("id = ?"), { number },
            c.profileId, QString::number(number) };
        if (readVersion && *readVersion != c.rowVersion) {
            return staleEdit(m_database, row);
        }
        auto r = rule(c.profileId);
        if (!r) {
            return r.error();
        }
        // Checked here, on the state read inside the transaction: no caller can skip it.
        if (auto allowed = Candidates::checkMover(c.state, actor, note); !allowed) {
            return allowed.error();
        }
        auto to = Candidates::next(c.state, action, r.value().notifyUser);
        if (!to) {
            return to.error();
        }
        const CandidateState from = c.state;
        c.state = to.value();
        const bool notified = c.state == CandidateState::AwaitingUser;
        const QString at = now();
        auto updated = m_database.run(
            QStringLiteral("UPDATE removal_candidate SET state = ?, updated_at = ?, notified_at = "
                           "CASE WHEN ? = 1 THEN ? ELSE notified_at END, row_version = row_version + 1, "
                           "changed_by = ?, changed_at = ? WHERE id = ? AND row_version = ?"),
            { Candidates::stateCode(c.state), at, notified ? 1 : 0, at, Database::operatingSystemAccount(),
                at, number, c.rowVersion },
            QCoreApplication::translate(
                "rmsam::ReclamationRepository", "Cannot update the removal candidate."));
        if (!updated) {
            return updated.error();
        }
        if (updated.value().numRowsAffected() != 1) {
            return staleEdit(m_database, row);
        }
        ++c.rowVersion;
        c.updatedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (notified) {
            c.notifiedAt = c.updatedAt;
        }
        return insertEvent(m_database, number, actor, Candidates::actionCode(action), from, c.state, note);
    });
    if (!done) {
        return done.error();
    }
    return c;
}

Result<void> ReclamationRepository::refresh(const RemovalCandidate& c)
{
    return m_database.exec(
        // What the latest snapshot says of the user, in one statement: a new version, so an edit
        // opened before it is refused as stale.
        QStringLiteral("UPDATE removal_candidate SET email = ?, display_name = ?, role = ?, seat_type = ?, "
                       "last_activity = ?, activity_source = ?, justification = ?, leaver = ?, "
                       "row_version = row_version + 1, "
                       "changed_by = ?, changed_at = ? WHERE id = ?"),
        { c.email, c.displayName, c.role, SeatTypes::code(c.seatType), timeOrNull(c.lastActivity),
            ActivityRules::sourceCode(c.activitySource), c.justification, c.leaver ? 1 : 0,
            Database::operatingSystemAccount(), now(), c.number },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot update the removal candidate."));
}

Result<void> ReclamationRepository::addNote(qint64 number, const QString& actor, const QString& note)
{
    if (note.trimmed().isEmpty()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ReclamationRepository", "A work note needs some text."), {} };
    }
    if (auto exists = candidate(number); !exists) {
        return exists.error();
    }
    return insertEvent(
        m_database, number, actor, QStringLiteral("note"), std::nullopt, std::nullopt, note.trimmed());
}

Result<QList<Entitlement>> ReclamationRepository::entitlements(qint64 profileId)
{
    return m_database.list(
        QStringLiteral("SELECT seat_type, owned, price, period, currency, row_version, term_start, "
                       "renewal_date, notice_days, buffer_percent FROM entitlement WHERE profile_id = ? "
                       "ORDER BY seat_type"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the entitlements."),
        [profileId](const QSqlQuery& q) {
            Entitlement e;
            e.profileId = profileId;
            e.seatType = SeatTypes::fromCode(q.value(0).toString()).value_or(SeatType::CollaboratorType);
            e.owned = q.value(1).toInt();
            e.price = q.value(2).toDouble();
            e.period
                = Entitlements::periodFromCode(q.value(3).toString()).value_or(Entitlement::Period::Year);
            e.currency = q.value(4).toString();
            e.rowVersion = q.value(5).toLongLong();
            e.termStart = QDate::fromString(q.value(6).toString(), Qt::ISODate);
            e.renewal = QDate::fromString(q.value(7).toString(), Qt::ISODate);
            e.noticeDays = q.value(8).toInt();
            e.bufferPercent = q.value(9).toInt();
            return e;
        });
}

Result<void> ReclamationRepository::saveEntitlement(const Entitlement& e)
{
    if (auto valid = Entitlements::check(e); !valid) {
        return valid;
    }
    return writeVersioned(m_database, entitlementRow(e.profileId, e.seatType), e.rowVersion,
        { QStringLiteral("owned"), QStringLiteral("price"), QStringLiteral("period"),
            QStringLiteral("currency"), QStringLiteral("term_start"), QStringLiteral("renewal_date"),
            QStringLiteral("notice_days"), QStringLiteral("buffer_percent") },
        { e.owned, e.price, Entitlements::periodCode(e.period), e.currency, isoDate(e.termStart),
            isoDate(e.renewal), e.noticeDays, e.bufferPercent },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the entitlement."));
}

Result<void> ReclamationRepository::removeEntitlement(qint64 profileId, SeatType seatType, qint64 readVersion)
{
    const EditedRow row = entitlementRow(profileId, seatType);
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot remove the entitlement.");
    if (readVersion > 0) {
        auto removed = m_database.run(
            QStringLiteral("DELETE FROM entitlement WHERE %1 AND row_version = ?").arg(row.where),
            SqlValues(row.keys + QVariantList { readVersion }), failure);
        if (!removed) {
            return removed.error();
        }
        return removed.value().numRowsAffected() == 1 ? Result<void>() : staleEdit(m_database, row);
    }
    // Read as none stored: none is still what the writer wants; one stored meanwhile is stale.
    auto stored = m_database.first(QStringLiteral("SELECT 1 FROM entitlement WHERE %1").arg(row.where),
        SqlValues(row.keys), failure, [](const QSqlQuery&) { return true; });
    if (!stored) {
        return stored.error();
    }
    return stored.value() ? Result<void>(staleEdit(m_database, row)) : Result<void>();
}

} // namespace rmsam
