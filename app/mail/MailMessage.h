#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace rmsam {

// One plain-text message to one recipient, before it is put into RFC 5322 form.
struct MailMessage
{
    QString from; // address
    QString fromName; // display name, may be empty (e.g. "Roadmunk SAM")
    QString replyTo; // may be empty
    QString to; // one recipient address per message
    QString toName;
    QString subject; // any Unicode: RFC 2047 encoded when not ASCII
    QString body; // plain text, sent as UTF-8
    QString messageId; // "<…@host>"; composeMail makes one when empty
};

// The whole RFC 5322 message: Date, From, To, Reply-To, Subject, Message-ID, MIME-Version,
// Content-Type text/plain; charset=UTF-8, Content-Transfer-Encoding (base64 or quoted-printable),
// CRLF line ends, header injection impossible (no CR/LF from fields reaches a header).
QByteArray composeMail(const MailMessage& message, const QDateTime& date);

// The Message-ID composeMail uses: the given one made header-safe, or a new one when empty.
QString mailMessageId(const MailMessage& message);

// "Mon, 30 Nov 2026 19:44:10 +0000", English names whatever the locale (RFC 5322 date-time).
QByteArray rfc5322Date(const QDateTime& date);

} // namespace rmsam
