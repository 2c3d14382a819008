#include "services/NoticeDispatcher.h"

#include "services/NoticeDeadlines.h"
#include "services/NoticeText.h"
#include "storage/NoticeRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/RunLocks.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcNotices, "rmsam.notices", QtInfoMsg)

namespace rmsam {
namespace {

// "notice" or "reminder", in the admin's language, for the notes a person reads.
QString stepText(NoticeStep step)
{
    return step == NoticeStep::Notice ? QCoreApplication::translate("rmsam::NoticeDispatcher", "notice")
                                      : QCoreApplication::translate("rmsam::NoticeDispatcher", "reminder");
}

using Outcome = NoticeItem::Outcome;
using Status = SendOutcome::Status;

// The domain of the sender's address, for the Message-ID.
QString domainOf(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString domain = at < 0 ? QString() : address.mid(at + 1).remove(QLatin1Char('>')).trimmed();
    return domain.isEmpty() ? QStringLiteral("roadmunk-sam.invalid") : domain;
}

} // namespace

int NoticeDispatchOutcome::count(NoticeItem::Outcome outcome) const
{
    return int(std::count_if(
        items.cbegin(), items.cend(), [outcome](const NoticeItem& i) { return i.outcome == outcome; }));
}

QString NoticeDispatchOutcome::summary() const
{
    if (dryRun) {
        const int wouldSend = count(Outcome::WouldSend); // not in the call: lupdate loops on it
        return QCoreApplication::translate(
            "rmsam::NoticeDispatcher", "%n e-mail(s) would be sent.", nullptr, wouldSend);
    }
    return QCoreApplication::translate("rmsam::NoticeDispatcher",
        "E-mails: %1 sent, %2 refused, %3 deferred, %4 of unknown outcome, %5 not sent.")
        .arg(count(Outcome::Sent))
        .arg(count(Outcome::Rejected))
        .arg(count(Outcome::Deferred))
        .arg(count(Outcome::Unknown))
        .arg(count(Outcome::NotSent));
}

NoticeDispatcher::NoticeDispatcher(Database& database, IntegrationProfile profile, SmtpSettings settings,
    Send send, NoticeDispatchOptions options)
    : m_database(database)
    , m_profile(std::move(profile))
    , m_settings(std::move(settings))
    , m_send(std::move(send))
    , m_options(std::move(options))
{
    if (m_options.actor.isEmpty()) {
        m_options.actor = Candidates::AppActor;
    }
    if (!m_options.wait) {
        m_options.wait = [](std::chrono::milliseconds ms) { QThread::msleep(ulong(ms.count())); };
    }
}

QDateTime NoticeDispatcher::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

NoticeDispatchOutcome NoticeDispatcher::run()
{
    NoticeDispatchOutcome outcome;
    outcome.dryRun = m_options.dryRun;
    const auto failed = [&outcome](const Error& e) {
        outcome.error = e;
        qCWarning(lcNotices) << "notice dispatch stopped:" << (e.detail.isEmpty() ? e.message : e.detail);
        return outcome;
    };
    auto rule = ReclamationRepository(m_database).rule(m_profile.id);
    if (!rule) {
        return failed(rule.error());
    }
    m_rule = rule.value();
    RunLease lease;
    if (!m_options.dryRun) {
        auto acquired = RunLocks(m_database)
                            .acquire(m_profile.id, RunKind::Notices,
                                QCoreApplication::translate("rmsam::NoticeDispatcher", "sending notices"));
        if (!acquired) {
            return failed(acquired.error());
        }
        lease = std::move(acquired).value();
        if (auto reconciled = reconcile(outcome); !reconciled) {
            return failed(reconciled.error());
        }
    }
    auto due = this->due();
    if (!due) {
        return failed(due.error());
    }
    for (const Due& d : std::as_const(due.value())) {
        if (m_options.cancelled && m_options.cancelled()) {
            outcome.error = Error { ErrorCode::Cancelled,
                QCoreApplication::translate(
                    "rmsam::NoticeDispatcher", "Cancelled; the remaining e-mails were not sent."),
                {} };
            break;
        }
        if (!dispatch(d, outcome)) {
            break;
        }
        if (lease.isHeld()) {
            if (auto alive = lease.heartbeat(); !alive) {
                return failed(alive.error());
            }
        }
    }
    return outcome;
}

Result<void> NoticeDispatcher::reconcile(NoticeDispatchOutcome& outcome)
{
    auto interrupted = NoticeRepository(m_database).markInterruptedUnknown(m_profile.id);
    if (!interrupted) {
        return interrupted.error();
    }
    for (const NoticeRecord& n : interrupted.value()) {
        const QString note = QCoreApplication::translate("rmsam::NoticeDispatcher",
            "The app stopped while sending the %1 e-mail to %2 (%3), so it may or may "
            "not have gone out. It is not sent again: check with the user, then move the "
            "candidate on by hand.")
                                 .arg(stepText(n.step), n.recipient, n.subject);
        qCWarning(lcNotices) << "notice" << n.id << "of" << candidateNumberText(n.candidateNumber)
                             << "was left sending: outcome unknown";
        NoticeItem item { n.candidateNumber, n.step, n.recipient, n.subject, Outcome::Unknown, note, now() };
        outcome.items.append(item);
        if (m_options.progress) {
            m_options.progress(item);
        }
        if (auto moved = toAttention(n.candidateNumber, note); !moved) {
            return moved;
        }
    }
    return {};
}

Result<void> NoticeDispatcher::toAttention(qint64 number, const QString& note)
{
    ReclamationRepository repository(m_database);
    auto candidate = repository.candidate(number);
    if (!candidate) {
        return candidate.error().code == ErrorCode::NotFound ? Result<void>()
                                                             : Result<void>(candidate.error());
    }
    if (Candidates::isClosed(candidate.value().state)
        || candidate.value().state == CandidateState::AttentionRequired) {
        return repository.addNote(number, m_options.actor, note);
    }
    auto moved = repository.apply(number, CandidateAction::DataMissing, m_options.actor, note);
    if (!moved) {
        return moved.error();
    }
    return {};
}

Result<QList<NoticeDispatcher::Due>> NoticeDispatcher::due()
{
    ReclamationRepository reclamation(m_database);
    auto candidates = reclamation.candidates(m_profile.id);
    auto notices = NoticeRepository(m_database).notices(m_profile.id);
    for (const Error* e : { candidates.failure(), notices.failure() }) {
        if (e) {
            return *e;
        }
    }
    const auto sentOrTried = [](const QHash<qint64, NoticeRecord>& records, qint64 number) {
        const auto found = records.constFind(number);
        return found != records.cend() && found->status != NoticeStatus::Deferred;
    };
    const QHash<qint64, NoticeRecord> firsts
        = NoticeDeadlines::currentNotices(notices.value(), candidates.value(), NoticeStep::Notice);
    const QHash<qint64, NoticeRecord> reminders
        = NoticeDeadlines::currentNotices(notices.value(), candidates.value(), NoticeStep::Reminder);
    const QDateTime at = now();
    QList<Due> due;
    for (const RemovalCandidate& c : candidates.value()) {
        if (c.state != CandidateState::AwaitingUser || !c.notifiedAt.isValid()) {
            continue;
        }
        if (!sentOrTried(firsts, c.number)) {
            due.append({ c, NoticeStep::Notice, Notices::deadline(at, m_rule) });
            continue;
        }
        const NoticeRecord& first = firsts[c.number];
        if (first.status == NoticeStatus::Sent && !sentOrTried(reminders, c.number)
            && Notices::reminderDue(first.sentAt, m_rule, at)) {
            due.append({ c, NoticeStep::Reminder, Notices::deadline(first.sentAt, m_rule) });
        }
    }
    return due;
}

MailMessage NoticeDispatcher::compose(const Due& d) const
{
    const NoticeTexts::Text text = NoticeTexts::compose(d.step, m_profile.noticeLanguage, d.candidate,
        d.deadline, m_settings.replyTo.isEmpty() ? m_settings.from : m_settings.replyTo);
    MailMessage m;
    m.from = m_settings.from;
    m.fromName = QStringLiteral("Roadmunk SAM");
    m.replyTo = m_settings.replyTo;
    m.to = d.candidate.email;
    m.toName = d.candidate.displayName;
    m.subject = text.subject;
    m.body = text.body;
    m.messageId = QStringLiteral("<%1@%2>").arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces), domainOf(m_settings.from));
    return m;
}

void NoticeDispatcher::awaitRate()
{
    const int limit = std::max(1, m_settings.perMinute);
    while (!m_sentTimes.empty() && m_sentTimes.front().msecsTo(now()) >= 60'000) {
        m_sentTimes.pop_front();
    }
    if (int(m_sentTimes.size()) >= limit) {
        const qint64 wait = 60'000 - m_sentTimes.front().msecsTo(now());
        if (wait > 0) {
            m_options.wait(std::chrono::milliseconds(wait));
        }
        m_sentTimes.pop_front();
    }
    m_sentTimes.push_back(now());
}

SendOutcome NoticeDispatcher::sendWithRetries(const MailMessage& message, const NoticeRecord& record)
{
    SendOutcome sent;
    for (int attempt = 0;; ++attempt) {
        awaitRate();
        sent = m_send(message);
        if (sent.status != Status::Temporary || attempt >= m_options.retryDelays.size()) {
            return sent;
        }
        qCInfo(lcNotices) << "temporary failure" << sent.smtpCode << "for"
                          << candidateNumberText(record.candidateNumber) << "; trying again";
        if (auto noted = NoticeRepository(m_database).retried(record.id, sent.serverReply); !noted) {
            qCWarning(lcNotices) << "cannot record a retry:" << noted.error().detail;
        }
        m_options.wait(m_options.retryDelays.at(attempt));
    }
}

bool NoticeDispatcher::dispatch(const Due& d, NoticeDispatchOutcome& outcome)
{
    const MailMessage message = compose(d);
    NoticeItem item { d.candidate.number, d.step, message.to, message.subject, Outcome::WouldSend, {},
        now() };
    const auto report = [&]() {
        outcome.items.append(item);
        if (m_options.progress) {
            m_options.progress(item);
        }
    };
    if (m_options.dryRun) {
        report();
        return true;
    }
    NoticeRecord record;
    record.profileId = m_profile.id;
    record.candidateNumber = d.candidate.number;
    record.step = d.step;
    record.cycle = d.candidate.notifiedAt;
    record.recipient = message.to;
    record.subject = message.subject;
    record.messageId = message.messageId;
    auto begun = NoticeRepository(m_database).begin(record);
    if (!begun) {
        if (begun.error().code == ErrorCode::Conflict) {
            return true; // another run recorded it meanwhile: never twice
        }
        outcome.error = begun.error();
        return false;
    }
    const SendOutcome sent = sendWithRetries(message, begun.value());
    item.at = now();
    const bool goOn = settle(begun.value(), sent, item, outcome);
    report();
    return goOn;
}

bool NoticeDispatcher::settle(
    const NoticeRecord& record, const SendOutcome& sent, NoticeItem& item, NoticeDispatchOutcome& outcome)
{
    NoticeRepository notices(m_database);
    const QString reply = sent.serverReply.left(1000);
    Result<void> written;
    switch (sent.status) {
    case Status::Sent:
        item.outcome = Outcome::Sent;
        item.message = QCoreApplication::translate("rmsam::NoticeDispatcher", "sent");
        written = notices.finish(record.id, NoticeStatus::Sent, reply, item.at);
        break;
    case Status::Temporary:
        item.outcome = Outcome::Deferred;
        item.message = sent.message.isEmpty() ? reply : sent.message;
        written = notices.finish(record.id, NoticeStatus::Deferred, reply, {});
        break;
    case Status::Rejected:
        item.outcome = Outcome::Rejected;
        item.message = sent.message.isEmpty() ? reply : sent.message;
        written = notices.finish(record.id, NoticeStatus::Failed, reply, {});
        if (written) {
            written = toAttention(record.candidateNumber,
                QCoreApplication::translate("rmsam::NoticeDispatcher",
                    "The mail server refused the %1 e-mail to %2: %3. Check the address, then move the "
                    "candidate on by hand.")
                    .arg(stepText(record.step), record.recipient, reply.isEmpty() ? sent.message : reply));
        }
        break;
    case Status::Unavailable:
        // Nothing could be sent at all: the record goes, nothing is marked failed.
        item.outcome = Outcome::NotSent;
        item.message = sent.message;
        written = notices.forget(record.id);
        outcome.error = Error { ErrorCode::Unreachable, sent.message, reply };
        break;
    }
    qCInfo(lcNotices) << Notices::stepCode(record.step) << "of" << candidateNumberText(record.candidateNumber)
                      << "status" << int(sent.status) << "code" << sent.smtpCode;
    if (!written) {
        outcome.error = written.error();
        return false;
    }
    return sent.status != Status::Unavailable;
}

} // namespace rmsam
