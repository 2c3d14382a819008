#include "services/NoticeDeadlines.h"

#include "storage/NoticeRepository.h"
#include "storage/SmtpSettingsRepository.h"

namespace rmsam::NoticeDeadlines {
namespace {

QString cycleKey(const QDateTime& cycle)
{
    return cycle.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Result<bool> mailSetUp(Database& database)
{
    auto settings = SmtpSettingsRepository(database).load();
    if (!settings) {
        return settings.error();
    }
    return settings.value().isSet();
}

QHash<qint64, NoticeRecord> currentNotices(
    const QList<NoticeRecord>& notices, const QList<RemovalCandidate>& candidates, NoticeStep step)
{
    QHash<qint64, QString> cycles;
    for (const RemovalCandidate& c : candidates) {
        if (c.state == CandidateState::AwaitingUser && c.notifiedAt.isValid()) {
            cycles.insert(c.number, cycleKey(c.notifiedAt));
        }
    }
    QHash<qint64, NoticeRecord> current;
    for (const NoticeRecord& n : notices) {
        if (n.step == step && cycles.value(n.candidateNumber) == cycleKey(n.cycle)) {
            current.insert(n.candidateNumber, n);
        }
    }
    return current;
}

Result<QHash<qint64, QDateTime>> starts(
    Database& database, qint64 profileId, const QList<RemovalCandidate>& candidates)
{
    auto mail = mailSetUp(database);
    if (!mail) {
        return mail.error();
    }
    auto notices = NoticeRepository(database).notices(profileId);
    if (!notices) {
        return notices.error();
    }
    const QHash<qint64, NoticeRecord> current
        = currentNotices(notices.value(), candidates, NoticeStep::Notice);
    QHash<qint64, QDateTime> started;
    for (const RemovalCandidate& c : candidates) {
        const auto found = current.constFind(c.number);
        const std::optional<NoticeRecord> notice
            = found == current.cend() ? std::nullopt : std::optional<NoticeRecord>(*found);
        if (const auto start = Notices::deadlineStart(c, notice, mail.value())) {
            started.insert(c.number, *start);
        }
    }
    return started;
}

} // namespace rmsam::NoticeDeadlines
