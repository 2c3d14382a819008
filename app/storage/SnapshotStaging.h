#pragma once

#include "core/Activity.h"
#include "core/Jobs.h"
#include "core/Result.h"

#include <QList>
#include <QSet>
#include <memory>
#include <optional>

namespace rmsam {

class BatchInsert;
class Database;

// A snapshot on its way in. A sync hands each page of users here as it arrives, while the rest
// of the download is still waiting on the network; the rows wait in a temporary table of this
// thread's connection (neither written to the shared file nor seen by another connection) and
// replace the profile's snapshot in one transaction at the end. A run that fails or is
// cancelled before that leaves the stored snapshot untouched; the table goes with the object.
class SnapshotStaging
{
public:
    static Result<std::unique_ptr<SnapshotStaging>> create(Database& database);
    ~SnapshotStaging();
    Q_DISABLE_COPY_MOVE(SnapshotStaging)

    // The rows a listing returned at offset; a page received again at the same offset replaces
    // the earlier one. A user listed at two offsets (the listing moved while it was read) counts
    // once, from the lower offset.
    Result<void> addPage(int offset, const QList<SubscriptionRecord>& rows);
    // Forgets every staged row (the listing is read again).
    Result<void> clear();

    // Replaces the profile's snapshot with the staged rows and records `result` with its
    // users and joined/left/role-changed counts, the changes themselves, and `activity` when
    // given (its users count filled in), all in one transaction. freshActivity: the staged
    // rows carry activity worked out in this run; otherwise each user keeps the activity stored
    // for them (none for a user new to the snapshot). Returns the recorded results, `result` first.
    Result<QList<JobResult>> replaceSnapshot(
        qint64 profileId, bool freshActivity, JobResult result, std::optional<JobResult> activity = {});

private:
    explicit SnapshotStaging(Database& database);
    Result<void> flush(); // sends the rows still buffered
    Result<void> keepStoredActivity(qint64 profileId);
    Result<void> countChanges(qint64 profileId, JobResult& result);
    Result<void> recordChanges(qint64 profileId, const JobResult& result);
    Result<void> storeSnapshot(qint64 profileId, const JobResult& counted);

    Database& m_database;
    QSet<int> m_offsets; // pages staged so far
    std::unique_ptr<BatchInsert> m_insert;
};

} // namespace rmsam
