#pragma once

#include "core/Activity.h"
#include "core/Jobs.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QThread>
#include <memory>
#include <optional>

namespace rmsam {

class Database;
class SnapshotStaging;

// Converts and stages a sync's pages of users in a thread of its own (SnapshotStaging, on that
// thread's connection), so that the work on one page does not hold up the replies to the
// requests still in flight: on two cores the download and the storing overlap instead of taking
// turns. Pages are handled in the order they are handed over; replaceSnapshot() waits for those
// before it. A failure is kept and returned by replaceSnapshot(); later pages are then dropped.
class SnapshotWriter
{
public:
    // activity: this run's roadmaps (read only from here on), or none to keep the stored activity.
    SnapshotWriter(Database& database, std::shared_ptr<const ActivityIndex> activity, QDateTime seenAt);
    // Drops what was staged and closes the writer thread's connection.
    ~SnapshotWriter();
    Q_DISABLE_COPY_MOVE(SnapshotWriter)

    void add(int offset, const QJsonArray& users);
    void restart(); // the listing is read again: forget every page so far
    Result<QList<JobResult>> replaceSnapshot(
        qint64 profileId, JobResult result, std::optional<JobResult> activity);

private:
    void stage(int offset, const QJsonArray& users); // in the writer thread
    template<typename Work> void post(Work work);

    Database& m_database;
    const std::shared_ptr<const ActivityIndex> m_activity;
    const QDateTime m_seenAt;
    QThread m_thread;
    QObject m_context; // lives in m_thread: work is queued to it
    // Touched only in the writer thread.
    std::unique_ptr<SnapshotStaging> m_staging;
    std::optional<Error> m_error;
};

} // namespace rmsam
