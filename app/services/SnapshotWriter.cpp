#include "services/SnapshotWriter.h"

#include "roadmunk/RoadmunkData.h"
#include "storage/Database.h"
#include "storage/SnapshotStaging.h"

namespace rmsam {

SnapshotWriter::SnapshotWriter(
    Database& database, std::shared_ptr<const ActivityIndex> activity, QDateTime seenAt)
    : m_database(database)
    , m_activity(std::move(activity))
    , m_seenAt(std::move(seenAt))
{
    m_thread.setObjectName(QStringLiteral("snapshot-writer"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

SnapshotWriter::~SnapshotWriter()
{
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            m_staging.reset();
            m_database.releaseThreadConnection();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template<typename Work> void SnapshotWriter::post(Work work)
{
    QMetaObject::invokeMethod(&m_context, std::move(work), Qt::QueuedConnection);
}

void SnapshotWriter::add(int offset, const QJsonArray& users)
{
    post([this, offset, users] { stage(offset, users); });
}

void SnapshotWriter::restart()
{
    post([this] {
        if (m_staging && !m_error) {
            if (auto cleared = m_staging->clear(); !cleared) {
                m_error = cleared.error();
            }
        }
    });
}

void SnapshotWriter::stage(int offset, const QJsonArray& users)
{
    if (m_error) {
        return;
    }
    if (!m_staging) {
        auto staging = SnapshotStaging::create(m_database);
        if (!staging) {
            m_error = staging.error();
            return;
        }
        m_staging = std::move(staging).value();
    }
    QList<SubscriptionRecord> records;
    records.reserve(users.size());
    for (const QJsonValue& user : users) {
        SubscriptionRecord r { RoadmunkData::subscriptionFromUser(user.toObject(), m_seenAt), {} };
        // Without this run's roadmaps, the stored activity is kept (SnapshotStaging).
        r.activity = m_activity ? m_activity->of(r.subscription)
                                : UserActivity { r.subscription.userId, {}, {}, {}, {} };
        records.append(std::move(r));
    }
    if (auto staged = m_staging->addPage(offset, records); !staged) {
        m_error = staged.error();
    }
}

Result<QList<JobResult>> SnapshotWriter::replaceSnapshot(
    qint64 profileId, JobResult result, std::optional<JobResult> activity)
{
    Result<QList<JobResult>> recorded = QList<JobResult>();
    QMetaObject::invokeMethod(
        &m_context,
        [&] {
            if (!m_error && !m_staging) {
                stage(0, {}); // an account without users: an empty snapshot
            }
            recorded = m_error
                ? Result<QList<JobResult>>(*m_error)
                : m_staging->replaceSnapshot(profileId, m_activity != nullptr, result, activity);
        },
        Qt::BlockingQueuedConnection);
    return recorded;
}

} // namespace rmsam
