#pragma once

#include "core/Notice.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <optional>

namespace rmsam {

class Database;

namespace NoticeDeadlines {

// Whether notices go out by e-mail (the SMTP settings are set) rather than by the admin's hand.
Result<bool> mailSetUp(Database& database);

// The notice of each candidate's current cycle (step `notice`, cycle its notifiedAt), by number.
QHash<qint64, NoticeRecord> currentNotices(
    const QList<NoticeRecord>& notices, const QList<RemovalCandidate>& candidates, NoticeStep step);

// For the profile's Awaiting User candidates whose notice period runs: when it started, by
// candidate number (Notices::deadlineStart). A candidate missing here has no deadline yet.
Result<QHash<qint64, QDateTime>> starts(
    Database& database, qint64 profileId, const QList<RemovalCandidate>& candidates);

} // namespace NoticeDeadlines
} // namespace rmsam
