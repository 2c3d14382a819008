#pragma once

#include "core/Exclusion.h"
#include "core/IntegrationProfile.h"
#include "core/Reclamation.h"
#include "core/Result.h"
#include "services/Evaluation.h"
#include "services/NoticeDispatcher.h"
#include "services/ReclaimJob.h"

#include <QList>

namespace rmsam {

class Database;

// An exclusion rule and how many of a profile's downloaded subscriptions it matches.
struct ExclusionMatches
{
    ExclusionRule rule;
    int subscriptions = 0;
};

// A renewal reminder due (Renewals::reminderDue) that this process is to give.
struct RenewalReminder
{
    QString profileName;
    int daysBefore = 0; // one of Renewals::ReminderDays
    RenewalAdvice advice;
};

namespace RenewalReminders {
// The e-mail to the admin mailbox that gives these reminders.
QString mailSubject();
QString mailBody(const QList<RenewalReminder>& reminders);
} // namespace RenewalReminders

// A profile's reclamation as the GUI and the command line work on it: the rule and the
// entitlements, the removal candidates with their work notes and history, the exclusion rules,
// the reclaim plan (the dry run from stored data) and the rule's evaluation. The rules and the
// state machine are in core; this class checks with them and stores through storage.
class ReclamationService
{
public:
    explicit ReclamationService(Database& database);
    Q_DISABLE_COPY_MOVE(ReclamationService)

    // The profile's rule; the defaults when none was stored yet.
    Result<ReclamationRule> rule(qint64 profileId);
    Result<QList<Entitlement>> entitlements(qint64 profileId);
    // Checks the rule and each entitlement, then stores them in one transaction. A seat type
    // without an entitlement in the list has none afterwards. `read` are the entitlements as the
    // caller loaded them, with the rule: when any changed since (its rowVersion), nothing is
    // stored and the error is Conflict, naming who changed it and when.
    Result<void> saveSettings(
        const ReclamationRule& rule, const QList<Entitlement>& entitlements, const QList<Entitlement>& read);
    // Checks and stores the rule alone, or one seat type's entitlement alone, at the rowVersion
    // read (Conflict when it changed since).
    Result<void> saveRule(const ReclamationRule& rule);
    Result<void> saveEntitlement(const Entitlement& entitlement);
    // Assigned, owned, stale and reclaimed seats per seat type, with the money figures, as of now.
    Result<QList<LicensePosition>> licensePositions(qint64 profileId);
    // The renewal reminders due now, over every profile, that no process gave yet; each is
    // recorded as given before it is returned, so the caller shows or sends each exactly once.
    Result<QList<RenewalReminder>> claimRenewalReminders(const QDateTime& now);

    Result<QList<RemovalCandidate>> candidates(qint64 profileId);

    Result<RemovalCandidate> candidate(qint64 number);
    // Moves the candidate through the state machine and records the move and the note, if it is
    // still at readVersion, the RemovalCandidate::rowVersion the caller read; else Conflict,
    // naming who changed it and when.
    Result<RemovalCandidate> apply(
        qint64 number, CandidateAction action, const QString& actor, const QString& note, qint64 readVersion);
    Result<void> addNote(qint64 number, const QString& actor, const QString& note);
    Result<QList<CandidateEvent>> history(qint64 number);

    // What a reclaim run would take now, from stored data only.
    Result<QList<ReclaimItem>> plan(const IntegrationProfile& profile, const ReclaimOptions& options);
    // Runs the profile's rule now rather than at the next sync (after the rule, the
    // exclusions or the User report changed).
    Result<EvaluationSummary> evaluate(qint64 profileId);

    // Exclusion rules apply to every profile; evaluate the profiles afterwards.
    Result<QList<ExclusionRule>> exclusions();
    Result<ExclusionRule> addExclusion(ExclusionRule::Kind kind, const QString& value);
    Result<void> removeExclusion(ExclusionRule::Kind kind, const QString& value);
    // Every exclusion rule with the number of the profile's subscriptions (as downloaded, before
    // the User report narrows them) it matches.
    Result<QList<ExclusionMatches>> exclusionMatches(qint64 profileId);

    // Demo mode: the sandbox account has no contract, so every published profile without
    // entitlements gets sample ones, for the dashboard and the reclaim preview to show money.
    Result<void> addSampleEntitlements();

    // Sends the profile's due notice e-mails (NoticeDispatcher; blocking: the GUI calls it on
    // a worker thread). In a dry run `send` is never called.
    NoticeDispatchOutcome sendNotices(const IntegrationProfile& profile, const SmtpSettings& settings,
        NoticeDispatcher::Send send, NoticeDispatchOptions options);

private:
    Database& m_database;
};

} // namespace rmsam
