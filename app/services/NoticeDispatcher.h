#pragma once

#include "core/IntegrationProfile.h"
#include "core/Notice.h"
#include "core/Result.h"
#include "core/SmtpSettings.h"
#include "mail/MailMessage.h"
#include "mail/SmtpSender.h"

#include <QDateTime>
#include <QList>
#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace rmsam {

class Database;

// One e-mail of a dispatch, and what became of it.
struct NoticeItem
{
    enum class Outcome
    {
        WouldSend, // dry run
        Sent,
        Rejected, // refused for good (5xx): the candidate went to Attention Required
        Deferred, // refused for now on every attempt (4xx): the next dispatch tries again
        Unknown, // left `sending` by a crash: may have gone out; the candidate went to Attention Required
        NotSent, // the dispatch stopped before it (cancelled, nothing could be sent)
    };
    qint64 candidateNumber = 0;
    NoticeStep step = NoticeStep::Notice;
    QString recipient;
    QString subject;
    Outcome outcome = Outcome::NotSent;
    QString message; // the server's answer or why it was not sent
    QDateTime at; // when it was sent or refused
};

struct NoticeDispatchOutcome
{
    bool dryRun = false;
    QList<NoticeItem> items;
    std::optional<Error> error; // what stopped the dispatch early

    int count(NoticeItem::Outcome outcome) const;
    QString summary() const; // "Notices: 3 sent, 1 refused, …" in one line
};

struct NoticeDispatchOptions
{
    using Clock = std::function<QDateTime()>;
    using Wait = std::function<void(std::chrono::milliseconds)>;
    bool dryRun = false;
    QString actor; // who moves candidates; empty: the app
    Clock clock; // empty: the system clock (UTC)
    Wait wait; // blocks the calling thread; empty: sleeps
    // The waits before each further attempt after a temporary failure (so 1 + size() attempts).
    QList<std::chrono::milliseconds> retryDelays { std::chrono::seconds(1), std::chrono::seconds(4),
        std::chrono::seconds(16) };
    std::function<bool()> cancelled; // asked between messages
    std::function<void(const NoticeItem&)> progress; // after each message, on the dispatching thread
};

// Sends a profile's due notice e-mails: the notice of each Awaiting User candidate not sent yet,
// and the reminder reminderDays before the deadline. Blocking (waits for the rate limit and
// retries): the GUI runs it on a worker thread. Never sends a step of a cycle twice: each
// message is recorded `sending` and committed before the SMTP call; one found still `sending`
// when a dispatch starts (a crash) becomes `unknown`, is never sent again, and its candidate
// goes to Attention Required for a person to check with the user.
class NoticeDispatcher
{
public:
    using Send = std::function<SendOutcome(const MailMessage&)>;

    NoticeDispatcher(Database& database, IntegrationProfile profile, SmtpSettings settings, Send send,
        NoticeDispatchOptions options);
    Q_DISABLE_COPY_MOVE(NoticeDispatcher)

    NoticeDispatchOutcome run();

private:
    struct Due
    {
        RemovalCandidate candidate;
        NoticeStep step = NoticeStep::Notice;
        QDateTime deadline;
    };
    Result<void> reconcile(NoticeDispatchOutcome& outcome);
    Result<QList<Due>> due();
    // Sends one; false when the dispatch must stop (outcome.error says why).
    bool dispatch(const Due& due, NoticeDispatchOutcome& outcome);
    // Records what the relay answered and moves the candidate if it must; false: stop.
    bool settle(const NoticeRecord& record, const SendOutcome& sent, NoticeItem& item,
        NoticeDispatchOutcome& outcome);
    SendOutcome sendWithRetries(const MailMessage& message, const NoticeRecord& record);
    void awaitRate();
    MailMessage compose(const Due& due) const;
    Result<void> toAttention(qint64 number, const QString& note);
    QDateTime now() const;

    Database& m_database;
    IntegrationProfile m_profile;
    SmtpSettings m_settings;
    Send m_send;
    NoticeDispatchOptions m_options;
    ReclamationRule m_rule;
    std::deque<QDateTime> m_sentTimes; // of the SMTP sessions of the last minute
};

} // namespace rmsam

Q_DECLARE_METATYPE(rmsam::NoticeItem)
Q_DECLARE_METATYPE(rmsam::NoticeDispatchOutcome)
