// The plan of a reclaim run and the words around it: outcome codes and names, which candidates a
// run takes, and the notice for Notify user. Everything here reads; ReclaimJob.cpp acts.
#include "core/Exclusion.h"
#include "core/Justifications.h"
#include "services/ReclaimJob.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace rmsam {
namespace {

using Outcome = ReclaimItem::Outcome;

// A subscription with what a candidate knows, for the exclusion rules.
SoftwareSubscription subscriptionOf(const RemovalCandidate& c)
{
    SoftwareSubscription s;
    s.userId = c.userId;
    s.email = c.email;
    s.role = c.role;
    s.seatType = c.seatType;
    return s;
}

// How a confirmed candidate differs from what the preview showed; empty when it does not.
QString changeSince(const RemovalCandidate* now, const PlannedCandidate& seen)
{
    if (!now) {
        return QCoreApplication::translate("rmsam::ReclaimJob", "it is gone");
    }
    if (now->userId != seen.userId) {
        return QCoreApplication::translate("rmsam::ReclaimJob", "it is another user's now");
    }
    if (now->state != seen.state) {
        return QCoreApplication::translate("rmsam::ReclaimJob", "it is %1 now")
            .arg(Candidates::stateDisplayName(now->state));
    }
    if (now->rowVersion != seen.rowVersion) {
        return QCoreApplication::translate("rmsam::ReclaimJob", "a sync or another admin updated it");
    }
    return {};
}

// The numbers of the confirmed candidates, each as the admin saw it; Conflict naming the first
// that changed since the preview.
Result<QSet<qint64>> confirmedNumbers(
    const QList<RemovalCandidate>& candidates, const std::optional<QList<PlannedCandidate>>& confirmed)
{
    QSet<qint64> numbers;
    if (!confirmed) {
        return numbers;
    }
    QHash<qint64, const RemovalCandidate*> byNumber;
    for (const RemovalCandidate& c : candidates) {
        byNumber.insert(c.number, &c);
    }
    for (const PlannedCandidate& seen : *confirmed) {
        if (const QString change = changeSince(byNumber.value(seen.number), seen); !change.isEmpty()) {
            return Error { ErrorCode::Conflict,
                QCoreApplication::translate("rmsam::ReclaimJob",
                    "Candidate %1 changed after the preview you confirmed: %2. Nobody was deactivated; "
                    "look at the preview again and confirm what it shows now.")
                    .arg(candidateNumberText(seen.number), change),
                QStringLiteral("confirmed candidate %1 changed").arg(seen.number) };
        }
        numbers.insert(seen.number);
    }
    return numbers;
}

} // namespace

int ReclaimOutcome::count(ReclaimItem::Outcome outcome) const
{
    return int(std::count_if(
        items.cbegin(), items.cend(), [outcome](const ReclaimItem& i) { return i.outcome == outcome; }));
}

QString ReclaimOutcome::summary() const
{
    if (dryRun) {
        return QCoreApplication::translate("rmsam::ReclaimJob",
            "Dry run: %1 would be deactivated, %2 notified first, %3 refused. Nothing was changed.")
            .arg(count(Outcome::WouldDeactivate))
            .arg(count(Outcome::WouldNotify))
            .arg(count(Outcome::Refused));
    }
    return QCoreApplication::translate("rmsam::ReclaimJob",
        "Deactivated %1; canceled %2 (active again); attention required %3; notified %4.")
        .arg(count(Outcome::Deactivated) + count(Outcome::AlreadyDeactivated))
        .arg(count(Outcome::Canceled))
        .arg(count(Outcome::NeedsAttention) + count(Outcome::Unknown))
        .arg(count(Outcome::Notified));
}

namespace Reclaim {

const EnumTable<Outcome>& outcomeTable()
{
    static const EnumTable<Outcome> outcomes("rmsam::ReclaimJob",
        {
            { Outcome::WouldDeactivate, "would_deactivate",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Would deactivate") },
            { Outcome::WouldNotify, "would_notify",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Would notify the user") },
            { Outcome::Refused, "refused", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Refused") },
            { Outcome::Notified, "notified",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Awaiting the user's answer") },
            { Outcome::Deactivated, "deactivated", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Deactivated") },
            { Outcome::AlreadyDeactivated, "already_deactivated",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Already deactivated") },
            { Outcome::Canceled, "canceled",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Canceled: active again") },
            { Outcome::NeedsAttention, "attention_required",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Attention required") },
            { Outcome::Skipped, "skipped", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Skipped: user gone") },
            { Outcome::Unknown, "unknown", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Outcome unknown") },
            { Outcome::Failed, "failed", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Failed") },
            { Outcome::NotAttempted, "not_attempted",
                QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Not attempted") },
        });
    return outcomes;
}

QString outcomeCode(Outcome outcome)
{
    return outcomeTable().code(outcome);
}

QString outcomeDisplayName(Outcome outcome)
{
    return outcomeTable().displayName(outcome);
}

QString auditOutcomeDisplayName(const QString& outcome)
{
    if (outcome == QLatin1String("attempt")) {
        return QCoreApplication::translate("rmsam::ReclaimJob", "Deactivation requested");
    }
    if (const auto known = outcomeTable().fromCode(outcome)) {
        return outcomeDisplayName(*known);
    }
    return outcome;
}

Result<QList<ReclaimItem>> plan(
    Database& database, const IntegrationProfile& profile, const ReclaimOptions& options)
{
    ReclamationRepository repository(database);
    auto rule = repository.rule(profile.id);
    auto candidates = repository.candidates(profile.id);
    auto entitlements = repository.entitlements(profile.id);
    auto exclusions = ExclusionRepository(database).list();
    auto claimed = repository.claimedUsers(profile.id);
    for (const Error* e : { rule.failure(), candidates.failure(), entitlements.failure(),
             exclusions.failure(), claimed.failure() }) {
        if (e) {
            return *e;
        }
    }
    auto confirmed = confirmedNumbers(candidates.value(), options.confirmed);
    if (!confirmed) {
        return confirmed.error();
    }
    QList<ReclaimItem> items;
    int taken = 0;
    for (const RemovalCandidate& c : candidates.value()) {
        if (c.state != CandidateState::Ready && c.state != CandidateState::AwaitingRevocation) {
            continue;
        }
        if (options.confirmed && !confirmed.value().contains(c.number)) {
            continue; // never one the admin did not see
        }
        ReclaimItem item;
        item.candidate = c;
        for (const Entitlement& e : entitlements.value()) {
            if (e.seatType == c.seatType) {
                item.savings = e.annualPrice();
                item.currency = e.currency;
            }
        }
        if (c.role == QLatin1String("account_admin")) {
            item.outcome = Outcome::Refused;
            item.message
                = QCoreApplication::translate("rmsam::ReclaimJob", "An Account Admin is never deactivated.");
        } else if (claimed.value().contains(c.userId)) {
            item.outcome = Outcome::Refused;
            item.message = QCoreApplication::translate("rmsam::ReclaimJob",
                "A deactivation was already sent for this user, and is never sent twice. Check the user "
                "in Roadmunk and close the candidate by hand.");
        } else if (Exclusions::isExcluded(subscriptionOf(c), exclusions.value())) {
            item.outcome = Outcome::Refused;
            item.message
                = QCoreApplication::translate("rmsam::ReclaimJob", "An exclusion rule matches this user.");
        } else if (taken >= options.max && !options.confirmed) {
            continue;
        } else {
            ++taken;
            const bool notify = rule.value().notifyUser && c.state == CandidateState::Ready;
            item.outcome = notify ? Outcome::WouldNotify : Outcome::WouldDeactivate;
            item.message = Justifications::display(c.justification);
        }
        items.append(item);
    }
    return items;
}

QList<PlannedCandidate> confirmable(const QList<ReclaimItem>& preview)
{
    QList<PlannedCandidate> planned;
    for (const ReclaimItem& i : preview) {
        if (i.outcome == Outcome::WouldDeactivate || i.outcome == Outcome::WouldNotify) {
            const RemovalCandidate& c = i.candidate;
            planned.append({ c.number, c.userId, c.state, c.rowVersion });
        }
    }
    return planned;
}

QString noticeSubject(const RemovalCandidate&)
{
    return QCoreApplication::translate("rmsam::ReclaimJob", "Your Roadmunk seat will be reclaimed");
}

QString noticeBody(const RemovalCandidate& c, const ReclamationRule& rule)
{
    return QCoreApplication::translate("rmsam::ReclaimJob",
        "Hello %1,\n\nYour Roadmunk account looks unused (%2). To keep licence costs down, it will "
        "be deactivated in %3 unless you tell us you still need it.\n\nPlease reply to this message "
        "within %3 if you want to keep it.\n\nReference: %4")
        .arg(c.displayName.isEmpty() ? c.email : c.displayName, Justifications::display(c.justification),
            QCoreApplication::translate("rmsam::ReclaimJob", "%n day(s)", nullptr, rule.notifyDays),
            c.displayNumber());
}

QString mailtoLink(const RemovalCandidate& c, const ReclamationRule& rule)
{
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(c.email);
    QUrlQuery query;
    query.addQueryItem(
        QStringLiteral("subject"), QString::fromLatin1(QUrl::toPercentEncoding(noticeSubject(c))));
    query.addQueryItem(
        QStringLiteral("body"), QString::fromLatin1(QUrl::toPercentEncoding(noticeBody(c, rule))));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace Reclaim

} // namespace rmsam
