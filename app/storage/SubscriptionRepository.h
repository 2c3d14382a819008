#pragma once

#include "core/Activity.h"
#include "core/Jobs.h"
#include "core/Result.h"
#include "core/Subscription.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace rmsam {

class Database;

// When each user last joined a profile's snapshot. `later` leaves out the profile's first snapshot
// (the app cannot know when its users joined the account); a user it does not hold joined with the
// first one, so anyTime() counts every run.
struct JoinTimes
{
    QDateTime firstSnapshot; // the start of the first successful run; null before one
    QHash<QString, QDateTime> later;

    QDateTime anyTime(const QString& userId) const { return later.value(userId, firstSnapshot); }
};

// What the profile's latest successful subscriptions sync changed, and when that sync ended.
struct LatestChanges
{
    QDateTime syncedAt; // null when no sync has succeeded yet
    QList<SnapshotChange> changes;
};

// A profile's snapshot of subscriptions and activity, and the changes each run brought. A snapshot
// is replaced in one transaction together with its job result (JobRepository keeps those) and
// its changes, so a failed or cancelled run leaves the previous one whole.
class SubscriptionRepository
{
public:
    explicit SubscriptionRepository(Database& database);

    // The snapshot by e-mail address; with a limit, its first `limit` records.
    Result<QList<SubscriptionRecord>> records(qint64 profileId, std::optional<int> limit = std::nullopt);
    // Each record of the snapshot in turn, in no particular order, none kept: a pass over 100,000
    // users without holding them all (the evaluation).
    Result<void> forEachRecord(qint64 profileId, const std::function<void(const SubscriptionRecord&)>& visit);
    // How many subscriptions the profile's snapshot holds.
    Result<int> count(qint64 profileId);
    Result<QList<SoftwareSubscription>> subscriptions(qint64 profileId);

    // Replaces the subscriptions (and, when activity is given, the activity) of the profile
    // (SnapshotStaging with one page),
    // records the job result with the joined/left/role-changed counts filled in, and returns it.
    Result<JobResult> replaceSnapshot(qint64 profileId, const QList<SoftwareSubscription>& subscriptions,
        const std::optional<QList<UserActivity>>& activity, JobResult result);
    // Updates the activity of the current snapshot only.
    Result<JobResult> replaceActivity(
        qint64 profileId, const QList<UserActivity>& activity, JobResult result);

    Result<QList<SnapshotChange>> changes(qint64 jobResultId);
    // The changes of the profile's latest successful subscriptions sync (its first one lists
    // every user as joined), by kind and e-mail address; an older sync's are never shown.
    Result<LatestChanges> latestChanges(qint64 profileId);
    // When each user last joined the snapshot (the start of the run that listed them anew).
    Result<JoinTimes> joinTimes(qint64 profileId);

private:
    Database& m_database;
};

} // namespace rmsam
