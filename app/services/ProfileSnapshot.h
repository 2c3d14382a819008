#pragma once

#include "core/Reclamation.h"
#include "core/Result.h"
#include "services/Evaluation.h"
#include "services/Reports.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace rmsam {

class Database;

// What a profile's tables and dashboard are worked out from, read once: the seat holders (the
// whole snapshot), the removal candidates, the entitlements and the prices deactivations were
// realised at. Opening a profile of 100,000
// subscriptions used to read the snapshot four times (the tables, the license position, the
// dashboard and its license position); each read costs about a second.
struct ProfileSnapshot
{
    SeatHolders holders;
    QList<RemovalCandidate> candidates;
    QList<Entitlement> entitlements;
    QHash<QString, RealisedPrice> realisedPrices; // by user id: what each deactivation saved
    bool hasHolders = false;
    bool hasReclamation = false; // candidates and entitlements
};

namespace ProfileSnapshots {

Result<ProfileSnapshot> read(Database& database, qint64 profileId);
// Reads into `snapshot` the parts it lacks of those asked for, so that a screen can show the
// table it needs first from what it needs (the candidates alone are a fraction of the snapshot).
Result<void> complete(
    Database& database, qint64 profileId, ProfileSnapshot& snapshot, bool holders, bool reclamation);
// The candidates' part with only their first `limit` (leavers first, then by number): what the
// Removal candidates table shows while the whole is read.
Result<ProfileSnapshot> firstCandidates(Database& database, qint64 profileId, int limit);
// The parts a table is worked out from: {holders, reclamation}.
std::pair<bool, bool> partsFor(ReportKind kind);

// Reclamation::licensePositions over data already read: the same rule, without reading again.
QList<LicensePosition> licensePositions(const ProfileSnapshot& snapshot, const QDateTime& now);

} // namespace ProfileSnapshots
} // namespace rmsam
