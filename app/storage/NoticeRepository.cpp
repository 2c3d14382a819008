#include "storage/NoticeRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace rmsam {
namespace {

using SqlColumns::textOrNull;
using SqlColumns::timeFrom;
using SqlColumns::timeOrNull;

const QString NoticeColumns
    = QStringLiteral("id, profile_id, candidate_number, step, cycle, recipient, subject, message_id, "
                     "status, attempts, server_reply, created_at, sent_at");

NoticeRecord noticeFrom(const QSqlQuery& q)
{
    NoticeRecord n;
    n.id = q.value(0).toLongLong();
    n.profileId = q.value(1).toLongLong();
    n.candidateNumber = q.value(2).toLongLong();
    n.step = Notices::stepFromCode(q.value(3).toString()).value_or(NoticeStep::Notice);
    n.cycle = timeFrom(q.value(4));
    n.recipient = q.value(5).toString();
    n.subject = q.value(6).toString();
    n.messageId = q.value(7).toString();
    // An unreadable status is treated as the most careful one: it may have gone out.
    n.status = Notices::statusFromCode(q.value(8).toString()).value_or(NoticeStatus::Unknown);
    n.attempts = q.value(9).toInt();
    n.serverReply = q.value(10).toString();
    n.createdAt = timeFrom(q.value(11));
    n.sentAt = timeFrom(q.value(12));
    return n;
}

QString writeFailure()
{
    return QCoreApplication::translate("rmsam::NoticeRepository", "Cannot record the notice e-mail.");
}

} // namespace

NoticeRepository::NoticeRepository(Database& database)
    : m_database(database)
{ }

Result<QList<NoticeRecord>> NoticeRepository::notices(qint64 profileId)
{
    return m_database.list(
        QStringLiteral("SELECT %1 FROM notice WHERE profile_id = ? ORDER BY id").arg(NoticeColumns),
        { profileId },
        QCoreApplication::translate("rmsam::NoticeRepository", "Cannot read the notice e-mails."),
        noticeFrom);
}

Result<NoticeRecord> NoticeRepository::begin(const NoticeRecord& notice)
{
    const QString at = SqlColumns::now();
    // One statement, its own transaction: committed before the caller talks to the relay.
    auto id = m_database.first(
        QStringLiteral(
            "INSERT INTO notice (profile_id, candidate_number, step, cycle, recipient, subject, message_id, "
            "status, attempts, server_reply, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', 1, NULL, ?, ?) "
            "ON CONFLICT (profile_id, candidate_number, step, cycle) DO UPDATE SET status = 'sending', "
            "attempts = notice.attempts + 1, recipient = excluded.recipient, subject = excluded.subject, "
            "message_id = excluded.message_id, updated_at = excluded.updated_at "
            "WHERE notice.status = 'deferred' RETURNING id, attempts"),
        { notice.profileId, notice.candidateNumber, Notices::stepCode(notice.step), timeOrNull(notice.cycle),
            notice.recipient.left(320), notice.subject.left(400), notice.messageId.left(400), at, at },
        writeFailure(),
        [](const QSqlQuery& q) { return std::pair(q.value(0).toLongLong(), q.value(1).toInt()); });
    if (!id) {
        return id.error();
    }
    if (!id.value()) {
        return Error { ErrorCode::Conflict,
            QCoreApplication::translate("rmsam::NoticeRepository",
                "This e-mail was already sent or attempted for %1; it is never sent twice.")
                .arg(candidateNumberText(notice.candidateNumber)),
            QStringLiteral("notice %1 of cycle %2 recorded")
                .arg(Notices::stepCode(notice.step), notice.cycle.toString(Qt::ISODateWithMs)) };
    }
    NoticeRecord recorded = notice;
    recorded.id = id.value()->first;
    recorded.attempts = id.value()->second;
    recorded.status = NoticeStatus::Sending;
    return recorded;
}

Result<void> NoticeRepository::retried(qint64 id, const QString& serverReply)
{
    return m_database.exec(
        QStringLiteral(
            "UPDATE notice SET attempts = attempts + 1, server_reply = ?, updated_at = ? WHERE id = ? "
            "AND status = 'sending'"),
        { textOrNull(serverReply.left(1000)), SqlColumns::now(), id }, writeFailure());
}

Result<void> NoticeRepository::finish(
    qint64 id, NoticeStatus status, const QString& serverReply, const QDateTime& sentAt)
{
    return m_database.exec(QStringLiteral("UPDATE notice SET status = ?, server_reply = ?, sent_at = ?, "
                                          "updated_at = ? WHERE id = ?"),
        { Notices::statusCode(status), textOrNull(serverReply.left(1000)), timeOrNull(sentAt),
            SqlColumns::now(), id },
        writeFailure());
}

Result<void> NoticeRepository::forget(qint64 id)
{
    return m_database.exec(
        QStringLiteral("DELETE FROM notice WHERE id = ? AND status = 'sending'"), { id }, writeFailure());
}

Result<QList<NoticeRecord>> NoticeRepository::markInterruptedUnknown(qint64 profileId)
{
    QList<NoticeRecord> interrupted;
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto found = m_database.list(
            QStringLiteral("SELECT %1 FROM notice WHERE profile_id = ? AND status = 'sending' ORDER BY id")
                .arg(NoticeColumns),
            { profileId }, writeFailure(), noticeFrom);
        if (!found) {
            return found.error();
        }
        interrupted = found.value();
        for (NoticeRecord& n : interrupted) {
            n.status = NoticeStatus::Unknown;
            if (auto marked = finish(n.id, NoticeStatus::Unknown, n.serverReply, {}); !marked) {
                return marked;
            }
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return interrupted;
}

} // namespace rmsam
