#include "storage/Database.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>

// ReclamationRepository's deactivations: the users deactivated, the claim written before each
// deactivateUser call, and the audit trail of those calls.

namespace rmsam {
namespace {

using SqlColumns::timeFrom;
using SqlColumns::timeOrNull;

// An AuditEntry of the audit_entry row.
AuditEntry auditEntryFrom(const QSqlQuery& q)
{
    return { q.value(0).toLongLong(), timeFrom(q.value(1)), q.value(2).toString(), q.value(3).toLongLong(),
        q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toString(), q.value(7).toString(),
        AuditPhases::fromCode(q.value(8).toString()).value_or(AuditPhase::Before), q.value(9).toString(),
        q.value(10).toString() };
}

} // namespace

Result<QHash<QString, QDateTime>> ReclamationRepository::deactivatedUsers(qint64 profileId)
{
    auto rows = m_database.list(
        QStringLiteral("SELECT user_id, deactivated_at FROM deactivated_user WHERE profile_id = ?"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the deactivated users."),
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), timeFrom(q.value(1))); });
    if (!rows) {
        return rows.error();
    }
    QHash<QString, QDateTime> users;
    for (const auto& [user, at] : rows.value()) {
        users.insert(user, at);
    }
    return users;
}

Result<void> ReclamationRepository::markDeactivated(
    qint64 profileId, const QString& userId, const QString& email, const std::optional<RealisedPrice>& price)
{
    return m_database.exec(
        QStringLiteral("INSERT INTO deactivated_user (profile_id, user_id, email, deactivated_at, "
                       "annual_price, currency) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, user_id) "
                       "DO UPDATE SET email = excluded.email, deactivated_at = excluded.deactivated_at, "
                       "annual_price = excluded.annual_price, currency = excluded.currency"),
        { profileId, userId, email, timeOrNull(QDateTime::currentDateTimeUtc()),
            price ? QVariant(price->annualPrice) : QVariant(QMetaType(QMetaType::Double)),
            price ? QVariant(price->currency) : QVariant(QMetaType(QMetaType::QString)) },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot record the deactivated user."));
}

Result<QHash<QString, RealisedPrice>> ReclamationRepository::realisedPrices(qint64 profileId)
{
    auto rows = m_database.list(
        QStringLiteral("SELECT user_id, annual_price, currency FROM deactivated_user WHERE profile_id = ? "
                       "AND annual_price IS NOT NULL AND currency IS NOT NULL"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the deactivated users."),
        [](const QSqlQuery& q) {
            return std::pair(
                q.value(0).toString(), RealisedPrice { q.value(1).toDouble(), q.value(2).toString() });
        });
    if (!rows) {
        return rows.error();
    }
    QHash<QString, RealisedPrice> prices;
    for (const auto& [user, price] : rows.value()) {
        prices.insert(user, price);
    }
    return prices;
}

Result<void> ReclamationRepository::forgetDeactivated(qint64 profileId, const QStringList& userIds)
{
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot update the deactivated users.");
    auto deactivated = m_database.prepare(
        QStringLiteral("DELETE FROM deactivated_user WHERE profile_id = ? AND user_id = ?"), failure);
    // A newer User report shows the user active again (reactivated by hand in Roadmunk): a later
    // candidate for them may be reclaimed once more.
    auto claim = m_database.prepare(
        QStringLiteral("DELETE FROM deactivation_claim WHERE profile_id = ? AND user_id = ?"), failure);
    for (const Error* e : { deactivated.failure(), claim.failure() }) {
        if (e) {
            return *e;
        }
    }
    for (const QString& id : userIds) {
        if (auto forgotten = deactivated.value().run({ profileId, id }); !forgotten) {
            return forgotten;
        }
        if (auto forgotten = claim.value().run({ profileId, id }); !forgotten) {
            return forgotten;
        }
    }
    return {};
}

Result<void> ReclamationRepository::insertAudit(const AuditEntry& e)
{
    return m_database.exec(
        QStringLiteral("INSERT INTO audit_entry (at, actor, profile_id, profile_name, candidate_id, user_id, "
                       "email, phase, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { timeOrNull(e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc()), e.actor, e.profileId,
            e.profileName,
            e.candidateNumber ? QVariant(e.candidateNumber) : QVariant(QMetaType(QMetaType::LongLong)),
            e.userId, e.email, AuditPhases::code(e.phase), e.outcome, e.detail.left(2000) },
        // Before the call nothing was sent; after it Roadmunk may well have acted (the call's claim
        // stays, so no run sends it again).
        e.phase == AuditPhase::Before
            ? QCoreApplication::translate(
                "rmsam::ReclamationRepository", "Cannot write the audit log; nothing was deactivated.")
            : QCoreApplication::translate("rmsam::ReclamationRepository",
                "Cannot record the outcome of a deactivation in the audit log: Roadmunk may have "
                "deactivated the user. The claim stays, so no run calls Roadmunk again for this user."));
}

Result<void> ReclamationRepository::appendAudit(AuditEntry e)
{
    // Durability of the audit trail does not depend on the rest of the database's setting.
    m_database.setFullSync(true);
    auto stored = insertAudit(e);
    m_database.setFullSync(false);
    return stored;
}

Result<QSet<QString>> ReclamationRepository::claimedUsers(qint64 profileId)
{
    auto users = m_database.list(
        QStringLiteral("SELECT user_id FROM deactivation_claim WHERE profile_id = ?"), { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the deactivation claims."),
        [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!users) {
        return users.error();
    }
    return QSet<QString>(users.value().cbegin(), users.value().cend());
}

Result<void> ReclamationRepository::claimDeactivation(const AuditEntry& before)
{
    QSqlDatabase db = m_database.connection();
    m_database.setFullSync(true);
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
        const QString readFailure = QCoreApplication::translate(
            "rmsam::ReclamationRepository", "Cannot read the deactivation claims.");
        auto seen = m_database.one(
            QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM deactivation_claim WHERE profile_id = ? AND user_id = ?) + "
                "(SELECT COUNT(*) FROM deactivated_user WHERE profile_id = ? AND user_id = ?)"),
            { before.profileId, before.userId, before.profileId, before.userId }, readFailure,
            [](const QSqlQuery& q) { return q.value(0).toInt(); },
            Error { ErrorCode::StorageError, readFailure, {} });
        if (!seen) {
            return seen.error();
        }
        if (seen.value() > 0) {
            return refused(QCoreApplication::translate("rmsam::ReclamationRepository",
                "the app already sent, or began to send, a deactivation for this user, and never sends "
                "one twice. Check the user in Roadmunk and close the candidate by hand."));
        }
        auto claimed = m_database.exec(
            QStringLiteral("INSERT INTO deactivation_claim (profile_id, user_id, candidate_id, "
                           "claimed_at, actor) VALUES (?, ?, ?, ?, ?)"),
            { before.profileId, before.userId, before.candidateNumber,
                timeOrNull(QDateTime::currentDateTimeUtc()), before.actor },
            {});
        if (!claimed) {
            // The primary key: another process claimed the user between our read and this write.
            return refused(QCoreApplication::translate(
                "rmsam::ReclamationRepository", "another run claimed this user at the same moment."));
        }
        return insertAudit(before);
    });
    m_database.setFullSync(false);
    return done;
}

Result<QList<AuditEntry>> ReclamationRepository::auditLog(qint64 profileId)
{
    return m_database.list(
        QStringLiteral("SELECT id, at, actor, profile_id, profile_name, candidate_id, user_id, email, phase, "
                       "outcome, detail FROM audit_entry WHERE ? = 0 OR profile_id = ? ORDER BY id"),
        { profileId, profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the audit log."),
        auditEntryFrom);
}

} // namespace rmsam
