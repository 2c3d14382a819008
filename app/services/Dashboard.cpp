#include "services/Dashboard.h"

#include "core/Jobs.h"
#include "core/Reclamation.h"
#include "services/Evaluation.h"
#include "services/Reports.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace rmsam {
namespace {

struct Definition
{
    DashboardChart chart;
    const char* code;
    const char* title;
    QList<const char*> headers;
};

const QList<Definition>& definitions()
{
    static const QList<Definition> defs = {
        { DashboardChart::Summary, "summary", QT_TRANSLATE_NOOP("rmsam::Dashboard", "Summary"),
            { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Figure"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Currency"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Value") } },
        { DashboardChart::LastActivity, "last_activity",
            QT_TRANSLATE_NOOP("rmsam::Dashboard", "Last activity"),
            { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Last Activity"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Users") } },
        { DashboardChart::SeatTypes, "seat_types", QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seats by type"),
            { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seat Type"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Seats") } },
        { DashboardChart::Trend, "trend", QT_TRANSLATE_NOOP("rmsam::Dashboard", "Assigned and active seats"),
            { QT_TRANSLATE_NOOP("rmsam::Dashboard", "Job Started"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Assigned Seats"),
                QT_TRANSLATE_NOOP("rmsam::Dashboard", "Active Seats") } },
    };
    return defs;
}

const Definition& definition(DashboardChart chart)
{
    for (const Definition& d : definitions()) {
        if (d.chart == chart) {
            return d;
        }
    }
    return definitions().first();
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

QList<ActivityBucket> allBuckets()
{
    return { ActivityBucket::Days0To30, ActivityBucket::Days30To60, ActivityBucket::Days60To90,
        ActivityBucket::Days90To120, ActivityBucket::Days120Plus, ActivityBucket::Never,
        ActivityBucket::NoData };
}

QString bucketCode(ActivityBucket bucket)
{
    switch (bucket) {
    case ActivityBucket::Days0To30:
        return QStringLiteral("0-30");
    case ActivityBucket::Days30To60:
        return QStringLiteral("30-60");
    case ActivityBucket::Days60To90:
        return QStringLiteral("60-90");
    case ActivityBucket::Days90To120:
        return QStringLiteral("90-120");
    case ActivityBucket::Days120Plus:
        return QStringLiteral("120+");
    case ActivityBucket::Never:
        return QStringLiteral("never");
    case ActivityBucket::NoData:
        return QStringLiteral("no_data");
    }
    return {};
}

QString bucketDisplayName(ActivityBucket bucket)
{
    switch (bucket) {
    case ActivityBucket::Days0To30:
        return QCoreApplication::translate("rmsam::Dashboard", "0–30 days");
    case ActivityBucket::Days30To60:
        return QCoreApplication::translate("rmsam::Dashboard", "30–60 days");
    case ActivityBucket::Days60To90:
        return QCoreApplication::translate("rmsam::Dashboard", "60–90 days");
    case ActivityBucket::Days90To120:
        return QCoreApplication::translate("rmsam::Dashboard", "90–120 days");
    case ActivityBucket::Days120Plus:
        return QCoreApplication::translate("rmsam::Dashboard", "120+ days");
    case ActivityBucket::Never:
        return QCoreApplication::translate("rmsam::Dashboard", "Never");
    case ActivityBucket::NoData:
        return QCoreApplication::translate("rmsam::Dashboard", "No data");
    }
    return {};
}

ActivityBucket bucketFor(const UserActivity& activity, const QDateTime& lastLogin, const QDateTime& now)
{
    QDateTime last = activity.lastActivity;
    switch (activity.reason) {
    case NoActivityReason::NeverLoggedIn:
    case NoActivityReason::InvitedPending:
        return ActivityBucket::Never;
    case NoActivityReason::NoData:
        // Nothing since "Analyze user activity from", but the last login is older news that
        // still says how long ago the user was seen.
        last = lastLogin;
        break;
    case NoActivityReason::HasActivity:
        break;
    }
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
    auto positions = Reclamation::licensePositions(database, profileId, now);
    auto holders = Reclamation::seatHolders(database, profileId);
    ReclamationRepository reclamation(database);
    auto rule = reclamation.rule(profileId);
    auto candidates = reclamation.candidates(profileId);
    auto results = SubscriptionRepository(database).jobResults(profileId);
    for (const Error* e :
        { positions.failure(), holders.failure(), rule.failure(), candidates.failure(), results.failure() }) {
        if (e) {
            return *e;
        }
    }

    DashboardFigures f;
    f.profileId = profileId;
    f.asOf = now;
    f.thresholdDays = rule.value().thresholdDays;

    const QList<LicensePosition>& p = positions.value();
    f.annualSpend = Licenses::totalByCurrency(p, &LicensePosition::annualSpend);
    f.trueUpCost = Licenses::totalByCurrency(p, &LicensePosition::trueUpCost);
    f.potentialSavings = Licenses::totalByCurrency(p, &LicensePosition::potentialSavings);
    f.actualSavingsYtd = Licenses::totalByCurrency(p, &LicensePosition::actualSavingsYtd);
    for (const LicensePosition& position : p) {
        if (position.status == LicensePosition::Status::NoEntitlement
            && (position.assigned > 0 || position.stale > 0 || position.reclaimedThisYear > 0)) {
            f.unpriced.append(position.seatType);
        }
    }

    for (ActivityBucket bucket : allBuckets()) {
        f.lastActivity.insert(bucket, 0);
    }
    QSet<QString> holding;
    for (const SubscriptionRecord& r : holders.value().holding) {
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
    for (const RemovalCandidate& c : candidates.value()) {
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
            { &holders.value().holding, &holders.value().inactivePerReport, &holders.value().deactivated }) {
            active += int(std::count_if(list->cbegin(), list->cend(),
                [&](const SubscriptionRecord& r) { return isActive(r.activity, now, f.thresholdDays); }));
        }
        f.trend.last().active = active;
    }
    return f;
}

QList<DashboardChart> allCharts()
{
    QList<DashboardChart> charts;
    for (const Definition& d : definitions()) {
        charts.append(d.chart);
    }
    return charts;
}

QString code(DashboardChart chart)
{
    return QString::fromLatin1(definition(chart).code);
}

QString title(DashboardChart chart)
{
    return QCoreApplication::translate("rmsam::Dashboard", definition(chart).title);
}

QStringList headers(DashboardChart chart)
{
    return Reports::headerTexts(definition(chart).headers, "rmsam::Dashboard", false);
}

QStringList translatedHeaders(DashboardChart chart)
{
    return Reports::headerTexts(definition(chart).headers, "rmsam::Dashboard", true);
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
