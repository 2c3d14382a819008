#pragma once

#include "core/EnumTable.h"
#include "core/Reclamation.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace rmsam {

// The e-mails a removal candidate in Awaiting User gets: the notice when it enters the state,
// and a reminder some days before the deadline. Each is recorded before it is sent (status
// `sending`), so a crash mid-send leaves a trace and nothing is sent twice.
enum class NoticeStep
{
    Notice,
    Reminder,
};

enum class NoticeStatus
{
    Sending, // recorded, the SMTP call under way (found at the start of a dispatch: a crash)
    Sent,
    Failed, // refused for good (5xx): the candidate went to Attention Required
    Deferred, // refused for now (4xx) on every attempt: the next dispatch tries again
    Unknown, // was `sending` after a crash: may or may not have gone out; never re-sent
};

// The language of the e-mails of a profile's users, whatever the app's own language.
enum class NoticeLanguage
{
    English,
    Japanese,
};

// One e-mail of a candidate's notice cycle. The cycle is the time the candidate entered
// Awaiting User (its notifiedAt): a later return to Awaiting User is a new cycle.
struct NoticeRecord
{
    qint64 id = 0;
    qint64 profileId = 0;
    qint64 candidateNumber = 0;
    NoticeStep step = NoticeStep::Notice;
    QDateTime cycle;
    QString recipient;
    QString subject;
    QString messageId;
    NoticeStatus status = NoticeStatus::Sending;
    int attempts = 0;
    QString serverReply;
    QDateTime createdAt;
    QDateTime sentAt; // invalid unless sent
};

namespace Notices {
const EnumTable<NoticeStep>& stepTable(); // codes only: "notice", "reminder"
const EnumTable<NoticeStatus>& statusTable(); // codes only: "sending", "sent", …
const EnumTable<NoticeLanguage>& languageTable(); // "en", "ja", with display names
QString stepCode(NoticeStep step);
std::optional<NoticeStep> stepFromCode(const QString& code);
QString statusCode(NoticeStatus status);
std::optional<NoticeStatus> statusFromCode(const QString& code);
QString languageCode(NoticeLanguage language);
std::optional<NoticeLanguage> languageFromCode(const QString& code);

// When a candidate's notice period started, or none while it must not run. The deadline
// leads to an irreversible deactivation, so it runs only from a notice known to have gone out:
// a notice recorded for this cycle counts from when it was sent, and not at all until it was;
// with no notice recorded, it counts from notifiedAt only when e-mail is not set up (the admin
// mails by hand), and not at all while e-mail is set up (the notice is still to be sent).
std::optional<QDateTime> deadlineStart(
    const RemovalCandidate& candidate, const std::optional<NoticeRecord>& notice, bool mailSetUp);
// The day the user has to answer by: notifyDays after the start, in UTC.
QDateTime deadline(const QDateTime& start, const ReclamationRule& rule);
// Whether a reminder is due now for a notice period that started at `start` (and none was
// sent yet): reminderDays or fewer before the deadline, and the deadline not passed.
bool reminderDue(const QDateTime& start, const ReclamationRule& rule, const QDateTime& now);
} // namespace Notices

} // namespace rmsam
