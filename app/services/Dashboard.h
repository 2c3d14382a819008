#pragma once

#include "core/Activity.h"
#include "core/EnumTable.h"
#include "core/Reclamation.h"
#include "core/Result.h"
#include "core/Subscription.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariant>
#include <optional>

class QIODevice;

namespace rmsam {

class Database;
struct ProfileSnapshot;

// Days since a seat holder's last activity, in the buckets the dashboard shows. A bucket's
// lower bound is inclusive: 30 days ago is in 30–60.
enum class ActivityBucket
{
    Days0To30,
    Days30To60,
    Days60To90,
    Days90To120,
    Days120Plus,
    Never, // never logged in, or invited and not joined yet
    NoData, // nothing in the analysed period
};

// One point of the trend: a succeeded subscriptions job.
struct TrendPoint
{
    qint64 jobResultId = 0;
    QDateTime at; // when the job started
    int assigned = 0; // users in the snapshot it stored
    // Users with activity within the rule's threshold. Known only for the current snapshot:
    // see Dashboard::figures.
    std::optional<int> active;
};

// What the reclamation dashboard shows for one profile. Money is kept per ISO 4217 currency and
// never added across currencies.
struct DashboardFigures
{
    qint64 profileId = 0;
    QDateTime asOf;
    int thresholdDays = 0; // the reclamation rule's: "active" means activity within it

    QMap<QString, double> annualSpend; // owned seats × annual price
    QMap<QString, double> trueUpCost;
    QMap<QString, double> potentialSavings; // open candidates × annual price
    // Seats reclaimed this calendar year, each at the price and in the currency it was realised at.
    QMap<QString, double> actualSavingsYtd;
    QList<SeatType> unpriced; // seat types with holders but no entitlement: left out of the money

    int seatsHeld = 0;
    int openCandidates = 0; // open removal candidates that hold a seat

    QMap<ActivityBucket, int> lastActivity; // every bucket present, zero or not

    int collaboratorSeats = 0;
    int reviewerSeats = 0;
    int unrecognizedSeats = 0; // roles the app does not map to a seat type

    QList<TrendPoint> trend; // oldest first
    // Per seat type with a renewal date: when to cancel by and what to renew (core/Renewal.h).
    QList<RenewalAdvice> renewals;

    // Open candidates per seat held; none when nobody holds a seat.
    std::optional<double> unusedPercent() const;
};

// The tables behind the dashboard's figures, as shown under "Show numbers" and exported.
enum class DashboardChart
{
    Summary,
    LastActivity,
    SeatTypes,
    Trend,
};

// Rows of raw values (text, numbers, UTC date-times; an invalid QVariant for "not known")
// under stable English headers, like Report.
struct DashboardTable
{
    DashboardChart chart = DashboardChart::Summary;
    QStringList headers;
    QList<QList<QVariant>> rows;
};

namespace Dashboard {

const EnumTable<ActivityBucket>& bucketTable();
QList<ActivityBucket> allBuckets();
QString bucketCode(ActivityBucket bucket); // stable: "0-30", …, "120+", "never", "no_data"
QString bucketDisplayName(ActivityBucket bucket); // "0–30 days", …, "Never", "No data"
// The bucket of a seat holder's activity, counting days as the reclamation rule does.
ActivityBucket bucketFor(const UserActivity& activity, const QDateTime& lastLogin, const QDateTime& now);

Result<DashboardFigures> figures(Database& database, qint64 profileId, const QDateTime& now);
// The same from a snapshot already read (the window reads it once for its tables and dashboard).
Result<DashboardFigures> figures(
    Database& database, qint64 profileId, const QDateTime& now, const ProfileSnapshot& snapshot);

const EnumTable<DashboardChart>& chartTable();
QList<DashboardChart> allCharts();
QString code(DashboardChart chart); // "summary", "last_activity", "seat_types", "trend"
QString title(DashboardChart chart); // translated
QStringList headers(DashboardChart chart); // stable English
QStringList translatedHeaders(DashboardChart chart);
DashboardTable table(const DashboardFigures& figures, DashboardChart chart);
// RFC 4180, UTF-8 with BOM, formula-safe, dates as ISO-8601 UTC, as Reports::writeCsv.
bool writeCsv(const DashboardTable& table, QIODevice* device, bool translatedHeaders);

} // namespace Dashboard
} // namespace rmsam
