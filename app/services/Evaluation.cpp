#include "services/Evaluation.h"

#include "core/Exclusion.h"
#include "services/ProfileSnapshot.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcReclamation, "rmsam.reclamation", QtInfoMsg)

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace rmsam::Reclamation {

QString currentActor()
{
    QString name;
#ifdef Q_OS_UNIX
    // The account the process runs as, rather than what the environment claims (cron and
    // service managers may not set USER at all).
    if (const passwd* account = getpwuid(geteuid()); account && account->pw_name) {
        name = QString::fromLocal8Bit(account->pw_name);
    }
#endif
    for (const char* variable : { "USER", "LOGNAME", "USERNAME" }) {
        if (name.isEmpty()) {
            name = qEnvironmentVariable(variable);
        }
    }
    return name.isEmpty() ? QCoreApplication::translate("rmsam::Reclamation", "unknown user") : name;
}

SeatStatus seatStatus(const QString& userId, const QString& email,
    const std::optional<AttachedReport>& report, const QHash<QString, QDateTime>& deactivated)
{
    const bool listedActive = !report || report->isActive(email);
    const auto gone = deactivated.constFind(userId);
    if (gone != deactivated.cend()) {
        // The API keeps listing a deactivated user; only a report attached since says otherwise.
        return report && report->attachedAt > gone.value() && listedActive ? SeatStatus::Reactivated
                                                                           : SeatStatus::Deactivated;
    }
    return listedActive ? SeatStatus::Holding : SeatStatus::InactivePerReport;
}

Result<SeatHolders> seatHolders(Database& database, qint64 profileId)
{
    auto report = UserReportRepository(database).current(profileId);
    if (!report) {
        return report.error();
    }
    auto records = SubscriptionRepository(database).records(profileId);
    if (!records) {
        return records.error();
    }
    auto deactivated = ReclamationRepository(database).deactivatedUsers(profileId);
    if (!deactivated) {
        return deactivated.error();
    }
    const std::optional<AttachedReport>& attached = report.value();
    SeatHolders holders;
    // The few who do not hold a seat move out; the list read becomes the holders' list, so a
    // 100k-user snapshot is not held twice.
    QList<SubscriptionRecord>& all = records.value();
    // std::remove_if asks about each record once, before anything is moved over it.
    const auto kept = std::remove_if(all.begin(), all.end(), [&](SubscriptionRecord& r) {
        switch (seatStatus(r.subscription.userId, r.subscription.email, attached, deactivated.value())) {
        case SeatStatus::Holding:
            return false;
        case SeatStatus::Reactivated:
            holders.reactivatedIds.append(r.subscription.userId);
            return false;
        case SeatStatus::InactivePerReport:
            holders.inactivePerReport.append(std::move(r));
            return true;
        case SeatStatus::Deactivated:
            holders.deactivated.append(std::move(r));
            return true;
        }
        return false;
    });
    all.erase(kept, all.end());
    holders.holding = std::move(all);
    return holders;
}

namespace {

// A seat holder as the rule sees them now.
struct Holder
{
    const SubscriptionRecord* record;
    Assessment assessment;
    bool excluded;
};

// The rule applied to every seat holder, by user id.
QHash<QString, Holder> assess(const ReclamationRule& rule, const SeatHolders& holders,
    const QList<ExclusionRule>& exclusions, const JoinTimes& joined, const QDateTime& now)
{
    QHash<QString, Holder> byUser;
    byUser.reserve(holders.holding.size());
    for (const SubscriptionRecord& r : holders.holding) {
        const SoftwareSubscription& s = r.subscription;
        const bool excluded = Exclusions::isExcluded(s, exclusions);
        // Invited users get their grace period from the first sync that saw them; others
        // only when they joined after the first snapshot.
        const QDateTime firstSeen = (s.invited ? joined.any : joined.later).value(s.userId);
        byUser.insert(
            s.userId, { &r, Candidates::assess(rule, s, r.activity, excluded, firstSeen, now), excluded });
    }
    return byUser;
}

Result<void> moveCandidate(
    ReclamationRepository& repository, const RemovalCandidate& c, CandidateAction action, const QString& note)
{
    auto moved = repository.apply(c.number, action, AppActor, note);
    if (!moved) {
        return moved.error();
    }
    return {};
}

// Moves an open candidate on by what the rule says of its user now (holder: none when the user
// left the snapshot).
Result<void> moveOn(ReclamationRepository& repository, RemovalCandidate c, const Holder* holder,
    const ReclamationRule& rule, const QDateTime& now, EvaluationSummary& summary)
{
    if (!holder) {
        ++summary.skipped;
        return moveCandidate(repository, c, CandidateAction::Vanished,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The subscription is no longer in the snapshot."));
    }
    if (holder->assessment.verdict == Assessment::Verdict::NotFlagged) {
        const UserActivity& activity = holder->record->activity;
        if (!holder->excluded && activity.reason == NoActivityReason::HasActivity
            && activity.lastActivity > c.lastActivity) {
            ++summary.canceled;
            return moveCandidate(repository, c, CandidateAction::ActivitySeen,
                QCoreApplication::translate("rmsam::Reclamation", "Activity seen on %1.")
                    .arg(activity.lastActivity.toUTC().toString(Qt::ISODate)));
        }
        ++summary.skipped;
        return moveCandidate(repository, c, CandidateAction::Skip,
            holder->excluded ? QCoreApplication::translate(
                "rmsam::Reclamation", "An exclusion rule now matches the subscription.")
                             : QCoreApplication::translate("rmsam::Reclamation",
                                 "The subscription no longer matches the reclamation rule."));
    }
    const SubscriptionRecord& r = *holder->record;
    const RemovalCandidate stored = c;
    c.email = r.subscription.email;
    c.displayName = r.subscription.displayName;
    c.role = r.subscription.role;
    c.seatType = r.subscription.seatType.value_or(c.seatType);
    c.lastActivity = r.activity.lastActivity;
    c.activitySource = r.activity.source;
    c.justification = holder->assessment.justification;
    // Most re-syncs change nothing here: a write per candidate would cost a commit each.
    const bool changed = c.email != stored.email || c.displayName != stored.displayName
        || c.role != stored.role || c.seatType != stored.seatType || c.lastActivity != stored.lastActivity
        || c.activitySource != stored.activitySource || c.justification != stored.justification;
    if (changed) {
        if (auto refreshed = repository.refresh(c); !refreshed) {
            return refreshed;
        }
    }
    if (holder->assessment.verdict == Assessment::Verdict::NeedsAttention) {
        ++summary.attention;
        return moveCandidate(repository, c, CandidateAction::DataMissing, c.justification);
    }
    if (c.state == CandidateState::AwaitingUser && c.notifiedAt.isValid()
        && c.notifiedAt.daysTo(now) >= rule.notifyDays) {
        ++summary.proceeded;
        return moveCandidate(repository, c, CandidateAction::NoAnswer,
            QCoreApplication::translate("rmsam::Reclamation", "No answer within %1 days of the notice.")
                .arg(rule.notifyDays));
    }
    return {};
}

// A new candidate for a flagged seat holder.
RemovalCandidate newCandidate(qint64 profileId, const Holder& h)
{
    const SoftwareSubscription& s = h.record->subscription;
    RemovalCandidate c;
    c.profileId = profileId;
    c.userId = s.userId;
    c.email = s.email;
    c.displayName = s.displayName;
    c.role = s.role;
    c.seatType = s.seatType.value_or(SeatType::CollaboratorType);
    c.lastActivity = h.record->activity.lastActivity;
    c.activitySource = h.record->activity.source;
    c.justification = h.assessment.justification;
    c.state = h.assessment.verdict == Assessment::Verdict::NeedsAttention ? CandidateState::AttentionRequired
                                                                          : CandidateState::Ready;
    return c;
}

} // namespace

Result<EvaluationSummary> evaluate(Database& database, qint64 profileId, const QDateTime& now)
{
    ReclamationRepository repository(database);
    auto rule = repository.rule(profileId);
    auto exclusions = ExclusionRepository(database).list();
    auto holders = seatHolders(database, profileId);
    auto candidates = repository.candidates(profileId);
    SubscriptionRepository subscriptions(database);
    auto joined = subscriptions.joinTimes(profileId);
    for (const Error* e :
        { rule.failure(), exclusions.failure(), holders.failure(), candidates.failure(), joined.failure() }) {
        if (e) {
            return *e;
        }
    }
    if (auto forgotten = repository.forgetDeactivated(profileId, holders.value().reactivatedIds);
        !forgotten) {
        return forgotten.error();
    }
    const QHash<QString, Holder> byUser
        = assess(rule.value(), holders.value(), exclusions.value(), joined.value(), now);

    EvaluationSummary summary;
    QSet<QString> covered; // users with an open candidate, or one the admin closed for good
    for (const RemovalCandidate& c : candidates.value()) {
        if (Candidates::isClosed(c.state)) {
            if (c.state != CandidateState::ClosedCanceled) {
                covered.insert(c.userId);
            }
            continue;
        }
        covered.insert(c.userId);
        if (c.state == CandidateState::AttentionRequired || c.state == CandidateState::AwaitingApproval) {
            // A person looks at it or decides it: a sync neither moves nor rewrites it. Leaving
            // Awaiting Approval is an approver's decision, which in team mode the server keeps
            // to approvers (a sync run by an operator could not make it).
            continue;
        }
        const auto holder = byUser.constFind(c.userId);
        if (auto moved = moveOn(repository, c, holder == byUser.cend() ? nullptr : &holder.value(),
                rule.value(), now, summary);
            !moved) {
            return moved.error();
        }
    }
    QList<RemovalCandidate> fresh;
    for (const Holder& h : byUser) {
        if (h.assessment.verdict != Assessment::Verdict::NotFlagged
            && !covered.contains(h.record->subscription.userId)) {
            fresh.append(newCandidate(profileId, h));
        }
    }
    // All in one transaction: one candidate per transaction was a commit (and on PostgreSQL
    // several round trips) each, most of a first sync's time with tens of thousands.
    auto created = repository.createAll(fresh, AppActor);
    if (!created) {
        return created.error();
    }
    summary.created = created.value();
    qCInfo(lcReclamation) << "profile" << profileId << "evaluated:" << summary.created << "created,"
                          << summary.canceled << "canceled," << summary.skipped << "skipped";
    return summary;
}

Result<QList<LicensePosition>> licensePositions(Database& database, qint64 profileId, const QDateTime& now)
{
    auto snapshot = ProfileSnapshots::read(database, profileId);
    if (!snapshot) {
        return snapshot.error();
    }
    return ProfileSnapshots::licensePositions(snapshot.value(), now);
}

} // namespace rmsam::Reclamation
