#include "storage/ReclamationRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace {

QVariant timeOrNull(const QDateTime& when)
{
    return when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

const QString CandidateColumns = QStringLiteral(
    "id, profile_id, user_id, email, display_name, role, seat_type, last_activity, activity_source, "
    "justification, state, created_at, updated_at, notified_at");

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
    return c;
}

Result<void> insertEvent(QSqlDatabase db, qint64 number, const QString& actor, const QString& action,
    std::optional<CandidateState> from, std::optional<CandidateState> to, const QString& note)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, "
                             "to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(number);
    q.addBindValue(now());
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(from ? QVariant(Candidates::stateCode(*from)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(to ? QVariant(Candidates::stateCode(*to)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(note.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(note));
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot record the candidate's history."),
            q.lastError());
    }
    return {};
}

} // namespace

ReclamationRepository::ReclamationRepository(Database& database)
    : m_database(database)
{ }

Result<ReclamationRule> ReclamationRepository::rule(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT threshold_days, roles_in_scope, include_no_activity, grace_days, "
                             "notify_user, notify_days FROM reclamation_rule WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the reclamation rule."),
            q.lastError());
    }
    ReclamationRule r;
    r.profileId = profileId;
    if (q.next()) {
        r.thresholdDays = q.value(0).toInt();
        r.rolesInScope = q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        r.includeNoActivity = q.value(2).toInt() != 0;
        r.graceDays = q.value(3).toInt();
        r.notifyUser = q.value(4).toInt() != 0;
        r.notifyDays = q.value(5).toInt();
    }
    return r;
}

Result<void> ReclamationRepository::saveRule(const ReclamationRule& r)
{
    if (auto valid = ReclamationRules::check(r); !valid) {
        return valid;
    }
    return storeRule(r, true);
}

Result<void> ReclamationRepository::ensureRule(qint64 profileId)
{
    ReclamationRule defaults;
    defaults.profileId = profileId;
    return storeRule(defaults, false);
}

Result<void> ReclamationRepository::storeRule(const ReclamationRule& r, bool replace)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT OR %1 INTO reclamation_rule (profile_id, threshold_days, roles_in_scope, "
                       "include_no_activity, grace_days, notify_user, notify_days) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .arg(replace ? QStringLiteral("REPLACE") : QStringLiteral("IGNORE")));
    q.addBindValue(r.profileId);
    q.addBindValue(r.thresholdDays);
    q.addBindValue(r.rolesInScope.join(QLatin1Char(',')));
    q.addBindValue(r.includeNoActivity ? 1 : 0);
    q.addBindValue(r.graceDays);
    q.addBindValue(r.notifyUser ? 1 : 0);
    q.addBindValue(r.notifyDays);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the reclamation rule."),
            q.lastError());
    }
    return {};
}

Result<QList<RemovalCandidate>> ReclamationRepository::candidates(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM removal_candidate WHERE profile_id = ? ORDER BY id")
                  .arg(CandidateColumns));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot read the removal candidates."),
            q.lastError());
    }
    QList<RemovalCandidate> list;
    while (q.next()) {
        list.append(candidateFrom(q));
    }
    return list;
}

Result<RemovalCandidate> ReclamationRepository::candidate(qint64 number)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM removal_candidate WHERE id = ?").arg(CandidateColumns));
    q.addBindValue(number);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the removal candidate."),
            q.lastError());
    }
    if (!q.next()) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::ReclamationRepository",
                "There is no removal candidate number %1. List them with: export --report candidates.")
                .arg(number),
            {} };
    }
    return candidateFrom(q);
}

Result<QList<CandidateEvent>> ReclamationRepository::history(qint64 number)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT at, actor, action, from_state, to_state, note FROM candidate_event "
                             "WHERE candidate_id = ? ORDER BY id"));
    q.addBindValue(number);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot read the candidate's history."),
            q.lastError());
    }
    QList<CandidateEvent> events;
    while (q.next()) {
        events.append({ timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString(),
            Candidates::stateFromCode(q.value(3).toString()),
            Candidates::stateFromCode(q.value(4).toString()), q.value(5).toString() });
    }
    return events;
}

Result<RemovalCandidate> ReclamationRepository::create(RemovalCandidate c, const QString& actor)
{
    QSqlDatabase db = m_database.connection();
    auto done = inTransaction(db, [&]() -> Result<void> {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO removal_candidate (profile_id, user_id, email, display_name, role, "
                           "seat_type, last_activity, activity_source, justification, state, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString at = now();
        q.addBindValue(c.profileId);
        q.addBindValue(c.userId);
        q.addBindValue(c.email);
        q.addBindValue(c.displayName);
        q.addBindValue(c.role);
        q.addBindValue(SeatTypes::code(c.seatType));
        q.addBindValue(timeOrNull(c.lastActivity));
        q.addBindValue(ActivityRules::sourceCode(c.activitySource));
        q.addBindValue(c.justification);
        q.addBindValue(Candidates::stateCode(c.state));
        q.addBindValue(at);
        q.addBindValue(at);
        if (!q.exec()) {
            return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                              "Cannot create the removal candidate."),
                q.lastError());
        }
        c.number = q.lastInsertId().toLongLong();
        c.createdAt = c.updatedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        return insertEvent(
            db, c.number, actor, QStringLiteral("created"), std::nullopt, c.state, c.justification);
    });
    if (!done) {
        return done.error();
    }
    return c;
}

Result<RemovalCandidate> ReclamationRepository::apply(
    qint64 number, CandidateAction action, const QString& actor, const QString& note)
{
    QSqlDatabase db = m_database.connection();
    RemovalCandidate c;
    auto done = inTransaction(db, [&]() -> Result<void> {
        auto current = candidate(number);
        if (!current) {
            return current.error();
        }
        c = current.value();
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
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE removal_candidate SET state = ?, updated_at = ?, notified_at = "
                                 "CASE WHEN ? THEN ? ELSE notified_at END WHERE id = ?"));
        const bool notified = c.state == CandidateState::AwaitingUser;
        const QString at = now();
        q.addBindValue(Candidates::stateCode(c.state));
        q.addBindValue(at);
        q.addBindValue(notified ? 1 : 0);
        q.addBindValue(at);
        q.addBindValue(number);
        if (!q.exec()) {
            return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                              "Cannot update the removal candidate."),
                q.lastError());
        }
        c.updatedAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (notified) {
            c.notifiedAt = c.updatedAt;
        }
        return insertEvent(db, number, actor, Candidates::actionCode(action), from, c.state, note);
    });
    if (!done) {
        return done.error();
    }
    return c;
}

Result<void> ReclamationRepository::refresh(const RemovalCandidate& c)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("UPDATE removal_candidate SET email = ?, display_name = ?, role = ?, seat_type = ?, "
                       "last_activity = ?, activity_source = ?, justification = ? WHERE id = ?"));
    q.addBindValue(c.email);
    q.addBindValue(c.displayName);
    q.addBindValue(c.role);
    q.addBindValue(SeatTypes::code(c.seatType));
    q.addBindValue(timeOrNull(c.lastActivity));
    q.addBindValue(ActivityRules::sourceCode(c.activitySource));
    q.addBindValue(c.justification);
    q.addBindValue(c.number);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot update the removal candidate."),
            q.lastError());
    }
    return {};
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
    return insertEvent(m_database.connection(), number, actor, QStringLiteral("note"), std::nullopt,
        std::nullopt, note.trimmed());
}

Result<QHash<QString, QDateTime>> ReclamationRepository::deactivatedUsers(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT user_id, deactivated_at FROM deactivated_user WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the deactivated users."),
            q.lastError());
    }
    QHash<QString, QDateTime> users;
    while (q.next()) {
        users.insert(q.value(0).toString(), timeFrom(q.value(1)));
    }
    return users;
}

Result<void> ReclamationRepository::markDeactivated(
    qint64 profileId, const QString& userId, const QString& email)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO deactivated_user (profile_id, user_id, email, deactivated_at) "
                       "VALUES (?, ?, ?, ?)"));
    q.addBindValue(profileId);
    q.addBindValue(userId);
    q.addBindValue(email);
    q.addBindValue(now());
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot record the deactivated user."),
            q.lastError());
    }
    return {};
}

Result<void> ReclamationRepository::forgetDeactivated(qint64 profileId, const QStringList& userIds)
{
    QSqlQuery q(m_database.connection());
    QSqlQuery claim(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM deactivated_user WHERE profile_id = ? AND user_id = ?"));
    // A newer User report shows the user active again (reactivated by hand in Roadmunk): a later
    // candidate for them may be reclaimed once more.
    claim.prepare(QStringLiteral("DELETE FROM deactivation_claim WHERE profile_id = ? AND user_id = ?"));
    for (const QString& id : userIds) {
        q.addBindValue(profileId);
        q.addBindValue(id);
        claim.addBindValue(profileId);
        claim.addBindValue(id);
        if (!q.exec() || !claim.exec()) {
            return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                              "Cannot update the deactivated users."),
                q.lastError());
        }
    }
    return {};
}

Result<void> ReclamationRepository::insertAudit(QSqlDatabase& db, const AuditEntry& e)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO audit_entry (at, actor, profile_id, profile_name, candidate_id, user_id, "
                       "email, phase, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.at.isValid() ? e.at.toUTC().toString(Qt::ISODateWithMs) : now());
    q.addBindValue(e.actor);
    q.addBindValue(e.profileId);
    q.addBindValue(e.profileName);
    q.addBindValue(
        e.candidateNumber ? QVariant(e.candidateNumber) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(e.userId);
    q.addBindValue(e.email);
    q.addBindValue(AuditPhases::code(e.phase));
    q.addBindValue(e.outcome);
    q.addBindValue(e.detail.left(2000));
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot write the audit log; nothing was deactivated."),
            q.lastError());
    }
    return {};
}

Result<void> ReclamationRepository::appendAudit(AuditEntry e)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery pragma(db);
    // Durability of the audit trail does not depend on the rest of the database's setting.
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    auto stored = insertAudit(db, e);
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return stored;
}

Result<QSet<QString>> ReclamationRepository::claimedUsers(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT user_id FROM deactivation_claim WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                          "Cannot read the deactivation claims."),
            q.lastError());
    }
    QSet<QString> users;
    while (q.next()) {
        users.insert(q.value(0).toString());
    }
    return users;
}

Result<void> ReclamationRepository::claimDeactivation(const AuditEntry& before)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")); // not allowed inside the transaction
    const auto refused = [&](const QString& why) {
        return Error { ErrorCode::Conflict,
            QCoreApplication::translate("rmsam::ReclamationRepository", "%1 was not sent to Roadmunk: %2")
                .arg(candidateNumberText(before.candidateNumber), why),
            QStringLiteral("claim refused for user %1").arg(before.userId) };
    };
    auto done = inTransaction(db, [&]() -> Result<void> {
        auto current = candidate(before.candidateNumber);
        if (!current) {
            return current.error();
        }
        if (current.value().state != CandidateState::AwaitingRevocation) {
            return refused(QCoreApplication::translate("rmsam::ReclamationRepository",
                "the candidate changed to %1 meanwhile (another run or another person).")
                               .arg(Candidates::stateDisplayName(current.value().state)));
        }
        QSqlQuery seen(db);
        seen.prepare(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM deactivation_claim WHERE profile_id = ? AND user_id = ?) + "
            "(SELECT COUNT(*) FROM deactivated_user WHERE profile_id = ? AND user_id = ?)"));
        for (int i = 0; i < 2; ++i) {
            seen.addBindValue(before.profileId);
            seen.addBindValue(before.userId);
        }
        if (!seen.exec() || !seen.next()) {
            return Database::storageError(QCoreApplication::translate("rmsam::ReclamationRepository",
                                              "Cannot read the deactivation claims."),
                seen.lastError());
        }
        if (seen.value(0).toInt() > 0) {
            return refused(QCoreApplication::translate("rmsam::ReclamationRepository",
                "the app already sent, or began to send, a deactivation for this user, and never sends "
                "one twice. Check the user in Roadmunk and close the candidate by hand."));
        }
        QSqlQuery claim(db);
        claim.prepare(QStringLiteral("INSERT INTO deactivation_claim (profile_id, user_id, candidate_id, "
                                     "claimed_at, actor) VALUES (?, ?, ?, ?, ?)"));
        claim.addBindValue(before.profileId);
        claim.addBindValue(before.userId);
        claim.addBindValue(before.candidateNumber);
        claim.addBindValue(now());
        claim.addBindValue(before.actor);
        if (!claim.exec()) {
            // The primary key: another process claimed the user between our read and this write.
            return refused(QCoreApplication::translate(
                "rmsam::ReclamationRepository", "another run claimed this user at the same moment."));
        }
        return insertAudit(db, before);
    });
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return done;
}

Result<QList<AuditEntry>> ReclamationRepository::auditLog(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT id, at, actor, profile_id, profile_name, candidate_id, user_id, email, phase, "
                       "outcome, detail FROM audit_entry WHERE ? = 0 OR profile_id = ? ORDER BY id"));
    q.addBindValue(profileId);
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the audit log."),
            q.lastError());
    }
    QList<AuditEntry> entries;
    while (q.next()) {
        entries.append({ q.value(0).toLongLong(), timeFrom(q.value(1)), q.value(2).toString(),
            q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toString(),
            q.value(7).toString(), AuditPhases::fromCode(q.value(8).toString()).value_or(AuditPhase::Before),
            q.value(9).toString(), q.value(10).toString() });
    }
    return entries;
}

Result<QList<Entitlement>> ReclamationRepository::entitlements(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT seat_type, owned, price, period, currency FROM entitlement "
                             "WHERE profile_id = ? ORDER BY seat_type"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the entitlements."),
            q.lastError());
    }
    QList<Entitlement> list;
    while (q.next()) {
        Entitlement e;
        e.profileId = profileId;
        e.seatType = SeatTypes::fromCode(q.value(0).toString()).value_or(SeatType::CollaboratorType);
        e.owned = q.value(1).toInt();
        e.price = q.value(2).toDouble();
        e.period = Entitlements::periodFromCode(q.value(3).toString()).value_or(Entitlement::Period::Year);
        e.currency = q.value(4).toString();
        list.append(e);
    }
    return list;
}

Result<void> ReclamationRepository::saveEntitlement(const Entitlement& e)
{
    if (auto valid = Entitlements::check(e); !valid) {
        return valid;
    }
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO entitlement (profile_id, seat_type, owned, price, period, "
                       "currency) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.profileId);
    q.addBindValue(SeatTypes::code(e.seatType));
    q.addBindValue(e.owned);
    q.addBindValue(e.price);
    q.addBindValue(Entitlements::periodCode(e.period));
    q.addBindValue(e.currency);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the entitlement."),
            q.lastError());
    }
    return {};
}

Result<void> ReclamationRepository::removeEntitlement(qint64 profileId, SeatType seatType)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM entitlement WHERE profile_id = ? AND seat_type = ?"));
    q.addBindValue(profileId);
    q.addBindValue(SeatTypes::code(seatType));
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot remove the entitlement."),
            q.lastError());
    }
    return {};
}

} // namespace rmsam
