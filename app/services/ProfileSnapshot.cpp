#include "services/ProfileSnapshot.h"

#include "core/Renewal.h"
#include "storage/ReclamationRepository.h"

#include <QSet>

namespace rmsam::ProfileSnapshots {

namespace {

// The candidates (the first `limit` of them, when given) and the entitlements that price them.
Result<void> readCandidates(
    Database& database, qint64 profileId, ProfileSnapshot& snapshot, std::optional<int> limit)
{
    ReclamationRepository repository(database);
    auto candidates = repository.candidates(profileId, limit);
    if (!candidates) {
        return candidates.error();
    }
    auto entitlements = repository.entitlements(profileId);
    if (!entitlements) {
        return entitlements.error();
    }
    snapshot.candidates = std::move(candidates.value());
    snapshot.entitlements = std::move(entitlements.value());
    return {};
}

} // namespace

Result<ProfileSnapshot> read(Database& database, qint64 profileId)
{
    ProfileSnapshot snapshot;
    if (auto read = complete(database, profileId, snapshot, true, true); !read) {
        return read.error();
    }
    return snapshot;
}

Result<void> complete(
    Database& database, qint64 profileId, ProfileSnapshot& snapshot, bool holders, bool reclamation)
{
    if (holders && !snapshot.hasHolders) {
        auto read = Reclamation::seatHolders(database, profileId);
        if (!read) {
            return read.error();
        }
        snapshot.holders = std::move(read.value());
        snapshot.hasHolders = true;
    }
    if (reclamation && !snapshot.hasReclamation) {
        if (auto read = readCandidates(database, profileId, snapshot, std::nullopt); !read) {
            return read;
        }
        auto prices = ReclamationRepository(database).realisedPrices(profileId);
        if (!prices) {
            return prices.error();
        }
        snapshot.realisedPrices = std::move(prices.value());
        snapshot.hasReclamation = true;
    }
    return {};
}

Result<ProfileSnapshot> firstCandidates(Database& database, qint64 profileId, int limit)
{
    ProfileSnapshot first; // not hasReclamation: neither all the candidates nor the prices
    if (auto read = readCandidates(database, profileId, first, limit); !read) {
        return read.error();
    }
    return first;
}

std::pair<bool, bool> partsFor(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Subscriptions:
    case ReportKind::Activity:
    case ReportKind::InactivePerReport:
    case ReportKind::Unrecognized:
    case ReportKind::Exclusions:
    case ReportKind::Roster:
        return { true, false };
    case ReportKind::Candidates:
        return { false, true };
    case ReportKind::License:
        return { true, true };
    case ReportKind::ScheduledJobs:
    case ReportKind::JobResults:
    case ReportKind::SoftwareModels:
    case ReportKind::Audit:
    case ReportKind::Changes:
        return { false, false };
    }
    return { true, true };
}

namespace {

int staleHolders(const ProfileSnapshot& snapshot, SeatType type)
{
    QSet<QString> holding;
    for (const SubscriptionRecord& r : snapshot.holders.holding) {
        if (r.subscription.seatType == type) {
            holding.insert(r.subscription.userId);
        }
    }
    int stale = 0;
    for (const RemovalCandidate& c : snapshot.candidates) {
        stale += !Candidates::isClosed(c.state) && holding.contains(c.userId) ? 1 : 0;
    }
    return stale;
}

} // namespace

QList<LicensePosition> licensePositions(const ProfileSnapshot& snapshot, const QDateTime& now)
{
    QList<LicensePosition> positions;
    for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
        int assigned = 0;
        for (const SubscriptionRecord& r : snapshot.holders.holding) {
            assigned += r.subscription.seatType == type ? 1 : 0;
        }
        int stale = 0;
        int reclaimed = 0;
        QList<RealisedPrice> realised; // of the reclaimed, those whose deactivation kept its price
        for (const RemovalCandidate& c : snapshot.candidates) {
            if (c.seatType != type) {
                continue;
            }
            if (!Candidates::isClosed(c.state)) {
                ++stale;
            } else if (c.state == CandidateState::ClosedComplete
                && c.updatedAt.toLocalTime().date().year() == now.toLocalTime().date().year()) {
                ++reclaimed;
                if (const auto price = snapshot.realisedPrices.constFind(c.userId);
                    price != snapshot.realisedPrices.cend()) {
                    realised.append(*price);
                }
            }
        }
        std::optional<Entitlement> entitlement;
        for (const Entitlement& e : snapshot.entitlements) {
            if (e.seatType == type) {
                entitlement = e;
            }
        }
        positions.append(Licenses::reconcile(type, assigned, stale, reclaimed, entitlement, realised));
        if (entitlement) {
            // Active as the dashboard counts them: open candidates that still hold a seat are
            // not; excluded users, who hold a seat and keep it, are.
            positions.last().renewal = Renewals::advise(
                *entitlement, assigned - staleHolders(snapshot, type), now.toLocalTime().date());
        }
    }
    return positions;
}

} // namespace rmsam::ProfileSnapshots
