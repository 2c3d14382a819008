#include "services/Evaluation.h"

#include "core/Exclusion.h"
#include "services/NoticeDeadlines.h"
#include "services/ProfileSnapshot.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/HrRosterRepository.h"
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

Result<SeatContext> seatContext(Database& database, qint64 profileId)
{
    auto exclusions = ExclusionRepository(database).list();
    auto report = UserReportRepository(database).current(profileId);
    auto deactivated = ReclamationRepository(database).deactivatedUsers(profileId);
    for (const Error* e : { exclusions.failure(), report.failure(), deactivated.failure() }) {
        if (e) {
            return *e;
        }
    }
    return SeatContext { std::move(exclusions).value(), std::move(report).value(),
        std::move(deactivated).value() };
}

Result<SeatHolders> seatHolders(Database& database, qint64 profileId, std::optional<int> limit)
{
    auto report = UserReportRepository(database).current(profileId);
    if (!report) {
        return report.error();
    }
    auto records = SubscriptionRepository(database).records(profileId, limit);
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
    const SubscriptionRecord& record;
    Assessment assessment;
    bool excluded;
};

// What an evaluation does to one open candidate: rewrite what it says of the user, move it on,
// or both. Worked out while the snapshot is read, written after.
struct CandidateUpdate
{
    RemovalCandidate candidate; // as it is to read
    bool refresh = false;
    std::optional<CandidateAction> action;
    QString note;
};

CandidateUpdate move(const RemovalCandidate& c, CandidateAction action, const QString& note)
{
    return { c, false, action, note };
}

// Where an open candidate goes by what the rule says of its user now (holder: none when the
// user holds no seat any more); nothing when it stays as it is. noticeStart: when its notice
// period started (NoticeDeadlines::starts), none while it does not run.
std::optional<CandidateUpdate> decide(const RemovalCandidate& c, const Holder* holder,
    const ReclamationRule& rule, const std::optional<QDateTime>& noticeStart, const QDateTime& now,
    EvaluationSummary& summary)
{
    if (!holder) {
        ++summary.skipped;
        return move(c, CandidateAction::Vanished,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The subscription is no longer in the snapshot."));
    }
    if (holder->assessment.verdict == Assessment::Verdict::NotFlagged) {
        const UserActivity& activity = holder->record.activity;
        if (!holder->excluded && activity.reason == NoActivityReason::HasActivity
            && activity.lastActivity > c.lastActivity) {
            ++summary.canceled;
            return move(c, CandidateAction::ActivitySeen,
                QCoreApplication::translate("rmsam::Reclamation", "Activity seen on %1.")
                    .arg(activity.lastActivity.toUTC().toString(Qt::ISODate)));
        }
        ++summary.skipped;
        return move(c, CandidateAction::Skip,
            holder->excluded ? QCoreApplication::translate(
                "rmsam::Reclamation", "An exclusion rule now matches the subscription.")
                             : QCoreApplication::translate("rmsam::Reclamation",
                                 "The subscription no longer matches the reclamation rule."));
    }
    const SubscriptionRecord& r = holder->record;
    CandidateUpdate update { c, false, std::nullopt, {} };
    RemovalCandidate& u = update.candidate;
    u.email = r.subscription.email;
    u.displayName = r.subscription.displayName;
    u.role = r.subscription.role;
    u.seatType = r.subscription.seatType.value_or(c.seatType);
    u.lastActivity = r.activity.lastActivity;
    u.activitySource = r.activity.source;
    u.justification = holder->assessment.justification;
    u.leaver = holder->assessment.leaver;
    // Most re-syncs change nothing here: a write per candidate would cost a commit each.
    update.refresh = u.email != c.email || u.displayName != c.displayName || u.role != c.role
        || u.seatType != c.seatType || u.lastActivity != c.lastActivity
        || u.activitySource != c.activitySource || u.justification != c.justification || u.leaver != c.leaver;
    if (holder->assessment.verdict == Assessment::Verdict::NeedsAttention) {
        ++summary.attention;
        update.action = CandidateAction::DataMissing;
        update.note = u.justification;
    } else if (c.state == CandidateState::AwaitingUser && noticeStart
        && noticeStart->daysTo(now) >= rule.notifyDays) {
        ++summary.proceeded;
        update.action = CandidateAction::NoAnswer;
        update.note
            = QCoreApplication::translate("rmsam::Reclamation", "No answer within %1 days of the notice.")
                  .arg(rule.notifyDays);
    }
    if (!update.refresh && !update.action) {
        return std::nullopt;
    }
    return update;
}

Result<void> write(ReclamationRepository& repository, const CandidateUpdate& update)
{
    if (update.refresh) {
        if (auto refreshed = repository.refresh(update.candidate); !refreshed) {
            return refreshed;
        }
    }
    if (update.action) {
        if (auto moved = repository.apply(update.candidate.number, *update.action, AppActor, update.note);
            !moved) {
            return moved.error();
        }
    }
    return {};
}

// A new candidate for a flagged seat holder.
RemovalCandidate newCandidate(qint64 profileId, const Holder& h)
{
    const SoftwareSubscription& s = h.record.subscription;
    RemovalCandidate c;
    c.profileId = profileId;
    c.userId = s.userId;
    c.email = s.email;
    c.displayName = s.displayName;
    c.role = s.role;
    c.seatType = s.seatType.value_or(SeatType::CollaboratorType);
    c.lastActivity = h.record.activity.lastActivity;
    c.activitySource = h.record.activity.source;
    c.justification = h.assessment.justification;
    c.leaver = h.assessment.leaver;
    c.state = h.assessment.verdict == Assessment::Verdict::NeedsAttention ? CandidateState::AttentionRequired
                                                                          : CandidateState::Ready;
    return c;
}

// What the evaluation reads before it goes through the snapshot.
struct EvaluationInput
{
    ReclamationRule rule;
    SeatContext seats;
    QList<RemovalCandidate> candidates;
    JoinTimes joined;
    std::optional<AttachedRoster> roster;
    QHash<qint64, QDateTime> noticeStarts; // by candidate number: whose notice period runs
};

std::optional<QDateTime> noticeStart(const EvaluationInput& in, qint64 number)
{
    const auto found = in.noticeStarts.constFind(number);
    return found == in.noticeStarts.cend() ? std::nullopt : std::optional<QDateTime>(*found);
}

Result<EvaluationInput> readInput(Database& database, qint64 profileId)
{
    ReclamationRepository repository(database);
    auto rule = repository.rule(profileId);
    auto seats = seatContext(database, profileId);
    auto candidates = repository.candidates(profileId);
    auto joined = SubscriptionRepository(database).joinTimes(profileId);
    auto roster = HrRosterRepository(database).current(profileId);
    for (const Error* e :
        { rule.failure(), seats.failure(), candidates.failure(), joined.failure(), roster.failure() }) {
        if (e) {
            return *e;
        }
    }
    auto starts = NoticeDeadlines::starts(database, profileId, candidates.value());
    if (!starts) {
        return starts.error();
    }
    return EvaluationInput { std::move(rule).value(), std::move(seats).value(), std::move(candidates).value(),
        std::move(joined).value(), std::move(roster).value(), std::move(starts).value() };
}

// The open candidates an evaluation moves on, by user; and the users covered by a candidate
// (open, or closed for good), who get no new one.
struct Coverage
{
    QHash<QString, const RemovalCandidate*> open;
    QSet<QString> covered;
};

Coverage coverage(const QList<RemovalCandidate>& candidates)
{
    Coverage c;
    for (const RemovalCandidate& candidate : candidates) {
        if (Candidates::isClosed(candidate.state)) {
            if (candidate.state != CandidateState::ClosedCanceled) {
                c.covered.insert(candidate.userId);
            }
            continue;
        }
        c.covered.insert(candidate.userId);
        // A person looks at these or decides them: a sync neither moves nor rewrites them.
        // Leaving Awaiting Approval is an approver's decision, which in team mode the server
        // keeps to approvers (a sync run by an operator could not make it).
        if (candidate.state != CandidateState::AttentionRequired
            && candidate.state != CandidateState::AwaitingApproval) {
            c.open.insert(candidate.userId, &candidate);
        }
    }
    return c;
}

} // namespace

Result<EvaluationSummary> evaluate(Database& database, qint64 profileId, const QDateTime& now)
{
    auto read = readInput(database, profileId);
    if (!read) {
        return read.error();
    }
    const EvaluationInput& in = read.value();
    Coverage cover = coverage(in.candidates);

    // One pass over the snapshot, nothing of it kept but what is to be written.
    EvaluationSummary summary;
    QList<CandidateUpdate> updates;
    QList<RemovalCandidate> fresh;
    QStringList reactivated;
    auto visited
        = SubscriptionRepository(database).forEachRecord(profileId, [&](const SubscriptionRecord& r) {
              const SoftwareSubscription& s = r.subscription;
              switch (seatStatus(s.userId, s.email, in.seats.report, in.seats.deactivated)) {
              case SeatStatus::InactivePerReport:
              case SeatStatus::Deactivated:
                  return; // holds no seat: an open candidate of theirs is moved on below
              case SeatStatus::Reactivated:
                  reactivated.append(s.userId);
                  break;
              case SeatStatus::Holding:
                  break;
              }
              const bool excluded = Exclusions::isExcluded(s, in.seats.exclusions);
              // Invited users get their grace period from the first sync that saw them; others
              // only when they joined after the first snapshot.
              const QDateTime firstSeen
                  = s.invited ? in.joined.anyTime(s.userId) : in.joined.later.value(s.userId);
              const RosterStanding standing = Rosters::standing(in.roster, s.email, now.toUTC().date());
              const Holder holder { r,
                  Candidates::assess(in.rule, s, r.activity, excluded, firstSeen, now, standing), excluded };
              if (const RemovalCandidate* c = cover.open.take(s.userId)) {
                  if (auto update = decide(*c, &holder, in.rule, noticeStart(in, c->number), now, summary)) {
                      updates.append(std::move(*update));
                  }
              } else if (holder.assessment.verdict != Assessment::Verdict::NotFlagged
                  && !cover.covered.contains(s.userId)) {
                  fresh.append(newCandidate(profileId, holder));
              }
          });
    if (!visited) {
        return visited.error();
    }
    // The open candidates whose user holds no seat any more, in the candidates' order.
    for (const RemovalCandidate& c : in.candidates) {
        if (cover.open.value(c.userId) == &c) {
            updates.append(*decide(c, nullptr, in.rule, noticeStart(in, c.number), now, summary));
        }
    }

    ReclamationRepository repository(database);
    if (auto forgotten = repository.forgetDeactivated(profileId, reactivated); !forgotten) {
        return forgotten.error();
    }
    for (const CandidateUpdate& update : std::as_const(updates)) {
        if (auto written = write(repository, update); !written) {
            return written.error();
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
