#pragma once

#include "core/Activity.h"
#include "core/AttachedReport.h"
#include "core/Exclusion.h"
#include "core/Reclamation.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>

namespace rmsam {

class Database;

// Who holds a seat in a profile's account today: the snapshot, narrowed by the attached User
// report, less the users the app deactivated (the API keeps listing them) unless a report
// attached after their deactivation lists them as active again.
struct SeatHolders
{
    QList<SubscriptionRecord> holding;
    QList<SubscriptionRecord> inactivePerReport; // listed by the report as inactive, or not at all
    QList<SubscriptionRecord> deactivated; // by this app
    QStringList reactivatedIds; // deactivated by the app, active again per a newer report
};

// What an evaluation changed.
struct EvaluationSummary
{
    int created = 0;
    int canceled = 0; // activity seen again
    int skipped = 0; // gone, excluded, or out of the rule's scope
    int attention = 0;
    int proceeded = 0; // Awaiting User without an answer in time
};

namespace Reclamation {

using Candidates::AppActor;
// The person at the keyboard, for the audit log and candidate history: the OS account name.
QString currentActor();

// Where one subscription falls among the seat holders: the rule seatHolders() applies to each.
// deactivated: when the app deactivated each user, by id.
enum class SeatStatus
{
    Holding,
    Reactivated, // holding: deactivated by the app, active again per a newer report
    InactivePerReport,
    Deactivated,
};
SeatStatus seatStatus(const QString& userId, const QString& email,
    const std::optional<AttachedReport>& report, const QHash<QString, QDateTime>& deactivated);

// What decides where each subscription falls and whether a rule excludes it: the exclusion
// rules, the profile's User report and the users the app deactivated.
struct SeatContext
{
    QList<ExclusionRule> exclusions;
    std::optional<AttachedReport> report;
    QHash<QString, QDateTime> deactivated;
};
Result<SeatContext> seatContext(Database& database, qint64 profileId);

// With a limit: from the first `limit` subscriptions by e-mail address only (a table's first screen).
Result<SeatHolders> seatHolders(
    Database& database, qint64 profileId, std::optional<int> limit = std::nullopt);

// Runs the profile's reclamation rule over its seat holders: creates removal candidates, and
// moves open ones on (activity seen again → Closed Canceled, gone → Closed Skipped, data missing
// → Attention Required and back, no answer in time → Awaiting Revocation). Runs after every sync.
Result<EvaluationSummary> evaluate(Database& database, qint64 profileId, const QDateTime& now);

// Assigned, owned, stale and reclaimed seats per seat type, with the money figures.
Result<QList<LicensePosition>> licensePositions(Database& database, qint64 profileId, const QDateTime& now);

} // namespace Reclamation
} // namespace rmsam
