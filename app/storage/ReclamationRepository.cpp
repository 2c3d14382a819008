#include "storage/ReclamationRepository.h"

#include "storage/BatchInsert.h"
#include "storage/ChangeLogSchema.h"
#include "storage/Database.h"
#include "storage/NativeRows.h"
#include "storage/VersionedRows.h"

#include <QCoreApplication>
#include <algorithm>
#include <limits>

namespace rmsam {
namespace {

using SqlColumns::timeFrom;
using SqlColumns::timeOrNull;

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
        { number, SqlColumns::now(), actor, action, stateOrNull(from), stateOrNull(to),
            note.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(note), actor },
        historyFailure());
}

QString createFailure()
{
    return QCoreApplication::translate(
        "rmsam::ReclamationRepository", "Cannot create the removal candidate.");
}

// The columns createAll() writes, and a new candidate's values in their order.
const QStringList NewCandidateColumns { QStringLiteral("profile_id"), QStringLiteral("user_id"),
    QStringLiteral("email"), QStringLiteral("display_name"), QStringLiteral("role"),
    QStringLiteral("seat_type"), QStringLiteral("last_activity"), QStringLiteral("activity_source"),
    QStringLiteral("justification"), QStringLiteral("state"), QStringLiteral("created_at"),
    QStringLiteral("updated_at"), QStringLiteral("leaver") };

QVariantList newCandidateRow(const RemovalCandidate& c, const QString& at)
{
    return { c.profileId, c.userId, c.email, c.displayName, c.role, SeatTypes::code(c.seatType),
        timeOrNull(c.lastActivity), ActivityRules::sourceCode(c.activitySource), c.justification,
        Candidates::stateCode(c.state), at, at, c.leaver ? 1 : 0 };
}

// The ids the candidates created together were given: their number and range.
struct CreatedIds
{
    qint64 count = 0;
    qint64 first = 0;
    qint64 last = 0;
};

// A few hundred rows per INSERT statement.
Result<CreatedIds> insertCandidates(
    Database& database, const QList<RemovalCandidate>& candidates, const QString& at)
{
    BatchInsert insert(database, QStringLiteral("removal_candidate"), NewCandidateColumns, createFailure());
    CreatedIds created { 0, std::numeric_limits<qint64>::max(), 0 };
    insert.setReturning(QStringLiteral("id"), [&created](const QSqlQuery& q) {
        const qint64 id = q.value(0).toLongLong();
        ++created.count;
        created.first = std::min(created.first, id);
        created.last = std::max(created.last, id);
    });
    for (const RemovalCandidate& c : candidates) {
        if (auto added = insert.add(newCandidateRow(c, at)); !added) {
            return added.error();
        }
    }
    if (auto finished = insert.finish(); !finished) {
        return finished.error();
    }
    return created;
}

// PostgreSQL: the rows go by COPY into a table of this transaction and are created from it in
// one statement, which costs the server less than 160 INSERTs of 250 rows as text (issue 15).
Result<CreatedIds> copyCandidates(
    Database& database, const QList<RemovalCandidate>& candidates, const QString& at)
{
    const QString staging = QStringLiteral("rmsam_candidate_staging");
    const QString columns = NewCandidateColumns.join(QStringLiteral(", "));
    if (auto made = database.exec(QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT %2 "
                                                 "FROM removal_candidate WITH NO DATA")
                                      .arg(staging, columns),
            {}, createFailure());
        !made) {
        return made.error();
    }
    auto started = NativeCopy::start(
        database, QStringLiteral("COPY %1 (%2) FROM STDIN").arg(staging, columns), createFailure());
    if (!started) {
        return started.error();
    }
    if (!started.value()) {
        return Error { ErrorCode::StorageError, createFailure(), QStringLiteral("the copy could not start") };
    }
    NativeCopy& copy = *started.value();
    for (const RemovalCandidate& c : candidates) {
        if (auto added = copy.add(newCandidateRow(c, at)); !added) {
            return added.error();
        }
    }
    if (auto copied = copy.finish(); !copied) {
        return copied.error();
    }
    return database.one(
        QStringLiteral("WITH created AS (INSERT INTO removal_candidate (%2) SELECT %2 FROM %1 "
                       "RETURNING id) SELECT COUNT(*), MIN(id), MAX(id) FROM created")
            .arg(staging, columns),
        {}, createFailure(),
        [](const QSqlQuery& q) {
            return CreatedIds { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong() };
        },
        Error { ErrorCode::StorageError, createFailure(), QStringLiteral("no count") });
}

} // namespace

ReclamationRepository::ReclamationRepository(Database& database)
    : m_database(database)
{ }

Result<QList<RemovalCandidate>> ReclamationRepository::candidates(qint64 profileId, std::optional<int> limit)
{
    const QString sql
        = QStringLiteral("SELECT %1 FROM removal_candidate WHERE profile_id = ? ORDER BY leaver DESC, id")
              .arg(CandidateColumns);
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the removal candidates.");
    if (limit) {
        return m_database.list(
            sql + QStringLiteral(" LIMIT ?"), { profileId, *limit }, failure, candidateFrom);
    }
    return m_database.list(sql, { profileId }, failure, candidateFrom);
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
        const QString at = SqlColumns::now();
        auto inserted = m_database.run(
            QStringLiteral(
                "INSERT INTO removal_candidate (profile_id, user_id, email, display_name, role, "
                "seat_type, last_activity, activity_source, justification, state, created_at, "
                "updated_at, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id"),
            { c.profileId, c.userId, c.email, c.displayName, c.role, SeatTypes::code(c.seatType),
                timeOrNull(c.lastActivity), ActivityRules::sourceCode(c.activitySource), c.justification,
                Candidates::stateCode(c.state), at, at, Database::operatingSystemAccount(), at },
            createFailure());
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
    CreatedIds created;
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        const QString at = SqlColumns::now();
        // SQLite: the row trigger stands aside; the rows are logged in one statement below.
        const bool logInOne = m_database.backend() == DatabaseLocation::Backend::Sqlite;
        if (logInOne) {
            if (auto paused = m_database.exec(
                    QStringLiteral("INSERT INTO change_log_pause (id) VALUES (1)"), {}, historyFailure());
                !paused) {
                return paused;
            }
        }
        auto inserted = NativeCopy::available(m_database) ? copyCandidates(m_database, candidates, at)
                                                          : insertCandidates(m_database, candidates, at);
        if (!inserted) {
            return inserted.error();
        }
        created = inserted.value();
        if (created.count != candidates.size()) {
            return Error { ErrorCode::StorageError, createFailure(),
                QStringLiteral("%1 ids returned for %2 new candidates")
                    .arg(created.count)
                    .arg(candidates.size()) };
        }
        // Each new candidate's "created" event, from its row: no second round of 37k rows through
        // the client. The write lock this transaction holds keeps other clients' candidates out of
        // the id range.
        const SqlValues range { candidates.first().profileId, created.first, created.last, at };
        if (logInOne) {
            if (auto logged = m_database.exec(
                    ChangeLogSchema::sqliteCandidatesCreated(QStringLiteral(
                        "NEW.profile_id = ? AND NEW.id BETWEEN ? AND ? AND NEW.created_at = ?")),
                    range, historyFailure());
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
            { actor, actor, candidates.first().profileId, created.first, created.last, at },
            historyFailure());
    });
    if (!done) {
        return done.error();
    }
    return int(created.count);
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
        const QString at = SqlColumns::now();
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
            Database::operatingSystemAccount(), SqlColumns::now(), c.number },
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

} // namespace rmsam
