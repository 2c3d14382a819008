#pragma once

#include "core/Notice.h"
#include "core/Result.h"

#include <QList>

namespace rmsam {

class Database;

// The notice e-mails of removal candidates (core/Notice.h). A notice is recorded as `sending`
// in its own committed transaction before the SMTP call, and finished after it: whatever
// happens in between, the record says a message may have gone out, and nothing sends it again.
class NoticeRepository
{
public:
    explicit NoticeRepository(Database& database);

    // Every notice of the profile, oldest first.
    Result<QList<NoticeRecord>> notices(qint64 profileId);
    // Records the notice as `sending` (attempts 1) and returns it with its id: a new one, or a
    // `deferred` one of the same step and cycle tried again. Conflict when the step of this
    // cycle was already recorded otherwise (sending, sent, failed, unknown): never sent twice.
    Result<NoticeRecord> begin(const NoticeRecord& notice);
    // One more attempt of a notice still `sending` (a temporary failure retried).
    Result<void> retried(qint64 id, const QString& serverReply);
    // The outcome: sent (with when), failed, deferred or unknown.
    Result<void> finish(qint64 id, NoticeStatus status, const QString& serverReply, const QDateTime& sentAt);
    // Forgets a `sending` notice that certainly did not go out (nothing could be sent at all).
    Result<void> forget(qint64 id);
    // The profile's notices still `sending` (left by a crash mid-send), now `unknown`; returned.
    Result<QList<NoticeRecord>> markInterruptedUnknown(qint64 profileId);

private:
    Database& m_database;
};

} // namespace rmsam
