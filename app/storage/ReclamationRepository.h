#pragma once

#include "core/Reclamation.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace rmsam {

class Database;

// Reclamation rules, removal candidates with their history, the users the app deactivated,
// the audit log and entitlements.
class ReclamationRepository
{
public:
    explicit ReclamationRepository(Database& database);

    // The profile's rule; the defaults (version 0) when none was stored yet.
    Result<ReclamationRule> rule(qint64 profileId);
    // Stores the rule if the stored one is still at rule.rowVersion (0: none stored), else
    // refuses with Conflict, naming who changed it and when.
    Result<void> saveRule(const ReclamationRule& rule);
    // Stores the default rule unless the profile has one (publishing calls it).
    Result<void> ensureRule(qint64 profileId);

    // Leavers first, then by number; with a limit, the first `limit` of them (a table's first screen).
    Result<QList<RemovalCandidate>> candidates(qint64 profileId, std::optional<int> limit = std::nullopt);
    Result<RemovalCandidate> candidate(qint64 number);
    Result<QList<CandidateEvent>> history(qint64 number);
    // Creates a candidate in `state` and records its creation in the history.
    Result<RemovalCandidate> create(RemovalCandidate candidate, const QString& actor);
    // The same for many candidates of one profile, at most one per user, in one transaction and
    // a few hundred rows per statement (an evaluation creates tens of thousands at once); all
    // or none. Returns how many were created.
    Result<int> createAll(const QList<RemovalCandidate>& candidates, const QString& actor);
    // Moves the candidate through the state machine and records the move (and the note). With
    // readVersion, the version the caller read: refuses with Conflict when it changed since.
    // Without, it moves the candidate as read in its own transaction (a run or an evaluation).
    // Either way the move makes a new version.
    Result<RemovalCandidate> apply(qint64 number, CandidateAction action, const QString& actor,
        const QString& note = {}, std::optional<qint64> readVersion = std::nullopt);
    // Refreshes what a flagged candidate says about the user (last activity, justification), as a
    // new version.
    Result<void> refresh(const RemovalCandidate& candidate);
    Result<void> addNote(qint64 number, const QString& actor, const QString& note);

    // Users the app deactivated (the API keeps listing them), by user id.
    Result<QHash<QString, QDateTime>> deactivatedUsers(qint64 profileId);
    // `price`: the seat's annual price and currency at this moment (none without an entitlement).
    Result<void> markDeactivated(qint64 profileId, const QString& userId, const QString& email,
        const std::optional<RealisedPrice>& price);
    // The prices deactivations were realised at, by user id; users deactivated before prices were
    // recorded, or without an entitlement then, are not in it.
    Result<QHash<QString, RealisedPrice>> realisedPrices(qint64 profileId);
    Result<void> forgetDeactivated(qint64 profileId, const QStringList& userIds);

    // Appends with synchronous=FULL: the entry is on disk when this returns.
    Result<void> appendAudit(AuditEntry entry);
    // Claims the deactivation of `before`'s user for its candidate and writes that audit entry,
    // in one transaction, or refuses: the candidate must still be Awaiting Revocation, and the
    // user must never have been claimed or recorded as deactivated (a user is sent
    // deactivateUser at most once). Only after this succeeds may the call be sent.
    Result<void> claimDeactivation(const AuditEntry& before);
    // The users of the profile that a deactivation was ever claimed for.
    Result<QSet<QString>> claimedUsers(qint64 profileId);
    // profileId 0: every profile's entries.
    Result<QList<AuditEntry>> auditLog(qint64 profileId);

    Result<QList<Entitlement>> entitlements(qint64 profileId);
    // Both check the version the caller read, as saveRule does (0: none was stored).
    Result<void> saveEntitlement(const Entitlement& entitlement);
    Result<void> removeEntitlement(qint64 profileId, SeatType seatType, qint64 readVersion);

private:
    Result<void> insertAudit(const AuditEntry& e);
    Database& m_database;
};

} // namespace rmsam
