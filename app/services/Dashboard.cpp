#include "services/Dashboard.h"

#include "core/Jobs.h"
#include "core/Reclamation.h"
#include "services/Evaluation.h"
#include "services/ProfileSnapshot.h"
#include "services/Reports.h"
#include "storage/JobRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace rmsam {
namespace {

// A chart's table: its column headers, as written (stable English) and translated in context.
QList<const char*> headerSources(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::Summary:
        return { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Figure"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Currency"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Value") };
    case DashboardChart::LastActivity:
        return { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Last Activity"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Users") };
    case DashboardChart::SeatTypes:
        return { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seat Type"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seats") };
    case DashboardChart::Trend:
        return { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Job Started"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Assigned Seats"),
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Active Seats") };
    }
    return {};
}

bool isActive(const UserActivity& activity, const QDateTime& now, int thresholdDays)
{
    return activity.reason == NoActivityReason::HasActivity && activity.lastActivity.isValid()
        && activity.lastActivity.daysTo(now) < thresholdDays;
}

void appendMoney(QList<QList<QVariant>>& rows, const QString& figure, const QMap<QString, double>& totals)
{
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        rows.append({ figure, it.key(), it.value() });
    }
}

} // namespace

std::optional<double> DashboardFigures::unusedPercent() const
{
    if (seatsHeld <= 0) {
        return std::nullopt;
    }
    return 100.0 * openCandidates / seatsHeld;
}

namespace Dashboard {

const EnumTable<ActivityBucket>& bucketTable()
{
    static const EnumTable<ActivityBucket> buckets("rmsam::Dashboard",
        {
            { ActivityBucket::Days0To30, "0-30", QT_TRANSLATE_NOOP("rmsam::Dashboard", "0–30 days") },
            { ActivityBucket::Days30To60, "30-60", QT_TRANSLATE_NOOP("rmsam::Dashboard", "30–60 days") },
            { ActivityBucket::Days60To90, "60-90", QT_TRANSLATE_NOOP("rmsam::Dashboard", "60–90 days") },
            { ActivityBucket::Days90To120, "90-120", QT_TRANSLATE_NOOP("rmsam::Dashboard", "90–120 days") },
            { ActivityBucket::Days120Plus, "120+", QT_TRANSLATE_NOOP("rmsam::Dashboard", "120+ days") },
            { ActivityBucket::Never, "never", QT_TRANSLATE_NOOP("rmsam::Dashboard", "Never") },
            { ActivityBucket::NoData, "no_data", QT_TRANSLATE_NOOP("rmsam::Dashboard", "No data") },
        });
    return buckets;
}

QList<ActivityBucket> allBuckets()
{
    return bucketTable().all();
}

QString bucketCode(ActivityBucket bucket)
{
    return bucketTable().code(bucket);
}

QString bucketDisplayName(ActivityBucket bucket)
{
    return bucketTable().displayName(bucket);
}

ActivityBucket bucketFor(const UserActivity& activity, const QDateTime& lastLogin, const QDateTime& now)
{
    if (activity.reason == NoActivityReason::NeverLoggedIn
        || activity.reason == NoActivityReason::InvitedPending) {
        return ActivityBucket::Never;
    }
    // Nothing since "Analyze user activity from" counts from the last login before it, as the
    // Activity table's "Inactive since … or earlier" says.
    const QDateTime last = ActivityRules::lastSeen(activity, lastLogin);
    if (!last.isValid()) {
        return ActivityBucket::NoData;
    }
    // Days as Candidates::assess counts them; activity "in the future" (clock skew) is recent.
    const qint64 days = last.daysTo(now);
    if (days < 30) {
        return ActivityBucket::Days0To30;
    }
    if (days < 60) {
        return ActivityBucket::Days30To60;
    }
    if (days < 90) {
        return ActivityBucket::Days60To90;
    }
    if (days < 120) {
        return ActivityBucket::Days90To120;
    }
    return ActivityBucket::Days120Plus;
}

Result<DashboardFigures> figures(Database& database, qint64 profileId, const QDateTime& now)
{
    auto snapshot = ProfileSnapshots::read(database, profileId);
    if (!snapshot) {
        return snapshot.error();
    }
    return figures(database, profileId, now, snapshot.value());
}

Result<DashboardFigures> figures(
    Database& database, qint64 profileId, const QDateTime& now, const ProfileSnapshot& snapshot)
{
    const QList<LicensePosition> positions = ProfileSnapshots::licensePositions(snapshot, now);
    const SeatHolders& holders = snapshot.holders;
    const QList<RemovalCandidate>& candidates = snapshot.candidates;
    auto rule = ReclamationRepository(database).rule(profileId);
    auto results = JobRepository(database).jobResults(profileId);
    for (const Error* e : { rule.failure(), results.failure() }) {
        if (e) {
            return *e;
        }
    }

    DashboardFigures f;
    f.profileId = profileId;
    f.asOf = now;
    f.thresholdDays = rule.value().thresholdDays;

    const QList<LicensePosition>& p = positions;
    f.annualSpend = Licenses::totalByCurrency(p, &LicensePosition::annualSpend);
    f.trueUpCost = Licenses::totalByCurrency(p, &LicensePosition::trueUpCost);
    f.potentialSavings = Licenses::totalByCurrency(p, &LicensePosition::potentialSavings);
    f.actualSavingsYtd = Licenses::savingsYtdByCurrency(p);
    for (const LicensePosition& position : p) {
        if (position.renewal) {
            f.renewals.append(*position.renewal);
        }
        // Seats reclaimed at a recorded price are counted, entitlement or not.
        if (position.status == LicensePosition::Status::NoEntitlement
            && (position.assigned > 0 || position.stale > 0
                || position.reclaimedThisYear > position.reclaimedPriced)) {
            f.unpriced.append(position.seatType);
        }
    }

    for (ActivityBucket bucket : allBuckets()) {
        f.lastActivity.insert(bucket, 0);
    }
    QSet<QString> holding;
    for (const SubscriptionRecord& r : holders.holding) {
        holding.insert(r.subscription.userId);
        ++f.lastActivity[bucketFor(r.activity, r.subscription.lastLogin, now)];
        if (!r.subscription.seatType) {
            ++f.unrecognizedSeats;
        } else if (*r.subscription.seatType == SeatType::Reviewer) {
            ++f.reviewerSeats;
        } else {
            ++f.collaboratorSeats;
        }
    }
    f.seatsHeld = int(holding.size());
    // Only candidates that still hold a seat count, so the share never exceeds 100 % while a
    // candidate of a user who left waits for the next evaluation to close it.
    for (const RemovalCandidate& c : candidates) {
        if (!Candidates::isClosed(c.state) && holding.contains(c.userId)) {
            ++f.openCandidates;
        }
    }

    for (auto it = results.value().crbegin(); it != results.value().crend(); ++it) {
        if (it->kind == JobKind::Subscriptions && it->outcome == JobOutcome::Succeeded) {
            f.trend.append({ it->id, it->startedAt, it->users, std::nullopt });
        }
    }
    // Active seats can only be counted for the current snapshot. The database keeps each user's
    // latest activity, not its history, and an activity job result records users and roadmaps
    // read, not who was active; so for a past run the number is not recoverable, and "users
    // minus the open candidates then" would be a different measure (admins, excluded users and
    // grace periods are never candidates). Past points therefore carry no active count rather
    // than a guess. The latest succeeded subscriptions run stored the current snapshot, so its
    // point gets the count over the same users it assigned (holders and non-holders alike).
    if (!f.trend.isEmpty()) {
        int active = 0;
        for (const QList<SubscriptionRecord>* list :
            { &holders.holding, &holders.inactivePerReport, &holders.deactivated }) {
            active += int(std::count_if(list->cbegin(), list->cend(),
                [&](const SubscriptionRecord& r) { return isActive(r.activity, now, f.thresholdDays); }));
        }
        f.trend.last().active = active;
    }
    return f;
}

const EnumTable<DashboardChart>& chartTable()
{
    static const EnumTable<DashboardChart> charts("rmsam::Dashboard",
        {
            { DashboardChart::Summary, "summary", QT_TRANSLATE_NOOP("rmsam::Dashboard", "Summary") },
            { DashboardChart::LastActivity, "last_activity",
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Last activity") },
            { DashboardChart::SeatTypes, "seat_types",
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seats by type") },
            { DashboardChart::Trend, "trend",
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Assigned and active seats") },
        });
    return charts;
}

QList<DashboardChart> allCharts()
{
    return chartTable().all();
}

QString code(DashboardChart chart)
{
    return chartTable().code(chart);
}

QString title(DashboardChart chart)
{
    return chartTable().displayName(chart);
}

QStringList headers(DashboardChart chart)
{
    return Reports::headerTexts(headerSources(chart), "rmsam::Dashboard", false);
}

QStringList translatedHeaders(DashboardChart chart)
{
    return Reports::headerTexts(headerSources(chart), "rmsam::Dashboard", true);
}

DashboardTable table(const DashboardFigures& figures, DashboardChart chart)
{
    DashboardTable t { chart, headers(chart), {} };
    switch (chart) {
    case DashboardChart::Summary: {
        appendMoney(t.rows, QCoreApplication::translate("rmsam::Dashboard", "Current annual spend"),
            figures.annualSpend);
        appendMoney(
            t.rows, QCoreApplication::translate("rmsam::Dashboard", "True-up cost"), figures.trueUpCost);
        appendMoney(t.rows, QCoreApplication::translate("rmsam::Dashboard", "Potential savings"),
            figures.potentialSavings);
        appendMoney(t.rows, QCoreApplication::translate("rmsam::Dashboard", "Actual savings YTD"),
            figures.actualSavingsYtd);
        t.rows.append(
            { QCoreApplication::translate("rmsam::Dashboard", "Seats held"), QString(), figures.seatsHeld });
        t.rows.append({ QCoreApplication::translate("rmsam::Dashboard", "Open removal candidates"), QString(),
            figures.openCandidates });
        const auto unused = figures.unusedPercent();
        t.rows.append({ QCoreApplication::translate("rmsam::Dashboard", "Unused seats (%)"), QString(),
            unused ? QVariant(std::round(*unused * 10) / 10) : QVariant() });
        break;
    }
    case DashboardChart::LastActivity:
        for (auto it = figures.lastActivity.cbegin(); it != figures.lastActivity.cend(); ++it) {
            t.rows.append({ bucketDisplayName(it.key()), it.value() });
        }
        break;
    case DashboardChart::SeatTypes:
        t.rows.append({ SeatTypes::displayName(SeatType::CollaboratorType), figures.collaboratorSeats });
        t.rows.append({ SeatTypes::displayName(SeatType::Reviewer), figures.reviewerSeats });
        t.rows.append(
            { QCoreApplication::translate("rmsam::Dashboard", "Unrecognized"), figures.unrecognizedSeats });
        break;
    case DashboardChart::Trend:
        for (const TrendPoint& point : figures.trend) {
            t.rows.append({ point.at, point.assigned, point.active ? QVariant(*point.active) : QVariant() });
        }
        break;
    }
    return t;
}

bool writeCsv(const DashboardTable& table, QIODevice* device, bool translated)
{
    // Through the reports' writer, so that both exports write values the same way.
    return Reports::writeCsv(translated ? translatedHeaders(table.chart) : table.headers, table.rows, device);
}

} // namespace Dashboard
} // namespace rmsam
