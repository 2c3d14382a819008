#include "core/Notice.h"

namespace rmsam::Notices {

const EnumTable<NoticeStep>& stepTable()
{
    static const EnumTable<NoticeStep> table("rmsam::Notices",
        { { NoticeStep::Notice, "notice", nullptr }, { NoticeStep::Reminder, "reminder", nullptr } });
    return table;
}

const EnumTable<NoticeStatus>& statusTable()
{
    static const EnumTable<NoticeStatus> table("rmsam::Notices",
        { { NoticeStatus::Sending, "sending", nullptr }, { NoticeStatus::Sent, "sent", nullptr },
            { NoticeStatus::Failed, "failed", nullptr }, { NoticeStatus::Deferred, "deferred", nullptr },
            { NoticeStatus::Unknown, "unknown", nullptr } });
    return table;
}

const EnumTable<NoticeLanguage>& languageTable()
{
    static const EnumTable<NoticeLanguage> table("rmsam::Notices",
        { { NoticeLanguage::English, "en", QT_TRANSLATE_NOOP("rmsam::Notices", "English") },
            { NoticeLanguage::Japanese, "ja", QT_TRANSLATE_NOOP("rmsam::Notices", "Japanese") } });
    return table;
}

QString stepCode(NoticeStep step)
{
    return stepTable().code(step);
}

std::optional<NoticeStep> stepFromCode(const QString& code)
{
    return stepTable().fromCode(code);
}

QString statusCode(NoticeStatus status)
{
    return statusTable().code(status);
}

std::optional<NoticeStatus> statusFromCode(const QString& code)
{
    return statusTable().fromCode(code);
}

QString languageCode(NoticeLanguage language)
{
    return languageTable().code(language);
}

std::optional<NoticeLanguage> languageFromCode(const QString& code)
{
    return languageTable().fromCode(code);
}

std::optional<QDateTime> deadlineStart(
    const RemovalCandidate& candidate, const std::optional<NoticeRecord>& notice, bool mailSetUp)
{
    if (candidate.state != CandidateState::AwaitingUser || !candidate.notifiedAt.isValid()) {
        return std::nullopt;
    }
    if (notice) {
        if (notice->status == NoticeStatus::Sent && notice->sentAt.isValid()) {
            return notice->sentAt;
        }
        return std::nullopt;
    }
    if (mailSetUp) {
        return std::nullopt;
    }
    return candidate.notifiedAt;
}

QDateTime deadline(const QDateTime& start, const ReclamationRule& rule)
{
    return start.toUTC().addDays(rule.notifyDays);
}

bool reminderDue(const QDateTime& start, const ReclamationRule& rule, const QDateTime& now)
{
    if (rule.reminderDays <= 0 || !start.isValid()) {
        return false;
    }
    const QDateTime end = deadline(start, rule);
    return now < end && now >= end.addDays(-rule.reminderDays);
}

} // namespace rmsam::Notices
