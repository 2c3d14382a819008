#include "mail/MailMessage.h"

#include <QUuid>

namespace rmsam {
namespace {

// Header fields never carry a line break or another control character from a field: each
// becomes a space, so a value cannot start a header of its own.
QString headerSafe(const QString& value)
{
    QString safe;
    safe.reserve(value.size());
    for (QChar c : value) {
        const bool control = c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator;
        safe.append(control ? QChar(u' ') : c);
    }
    return safe.trimmed();
}

// An address goes inside <…>: no blanks, no angle brackets, no control characters.
QByteArray addressSafe(const QString& address)
{
    QString safe;
    for (QChar c : headerSafe(address)) {
        if (!c.isSpace() && c != u'<' && c != u'>' && c != u'"' && c != u',' && c != u';') {
            safe.append(c);
        }
    }
    return safe.toUtf8();
}

bool isPlainAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return false;
        }
    }
    return true;
}

// RFC 2047 "B" encoded words of at most 75 characters, split between whole UTF-8 characters,
// folded onto continuation lines.
QByteArray encodedWords(const QString& text)
{
    constexpr int MaxChunk = 45; // 45 bytes → 60 base64 characters + 12 for =?UTF-8?B?…?=
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArray> words;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = std::min(start + MaxChunk, utf8.size());
        while (end < utf8.size() && end > start && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) {
            --end; // never split a multi-byte character
        }
        words.append("=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=");
        start = end;
    }
    return words.join("\r\n ");
}

// Unstructured text (Subject, display names): as is when short printable ASCII, else encoded.
QByteArray headerText(const QString& value, bool phrase)
{
    const QString safe = headerSafe(value);
    if (isPlainAscii(safe) && safe.size() <= 60) {
        if (!phrase) {
            return safe.toLatin1();
        }
        QString quoted = safe;
        quoted.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
        return '"' + quoted.toLatin1() + '"';
    }
    return encodedWords(safe);
}

QByteArray mailbox(const QString& name, const QString& address)
{
    const QByteArray angle = '<' + addressSafe(address) + '>';
    return headerSafe(name).isEmpty() ? angle : headerText(name, true) + ' ' + angle;
}

QByteArray base64Lines(const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        lines += encoded.mid(i, 76) + "\r\n";
    }
    return lines;
}

QString domainOf(const QString& address)
{
    const QByteArray safe = addressSafe(address);
    const qsizetype at = safe.lastIndexOf('@');
    const QString domain = at >= 0 ? QString::fromUtf8(safe.mid(at + 1)) : QString();
    return domain.isEmpty() ? QStringLiteral("roadmunk-sam.invalid") : domain;
}

} // namespace

QString mailMessageId(const MailMessage& message)
{
    QString id = QString::fromUtf8(addressSafe(message.messageId));
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces) + u'@' + domainOf(message.from);
    }
    return u'<' + id + u'>';
}

QByteArray rfc5322Date(const QDateTime& date)
{
    static const char* const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char* const months[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDate day = date.date();
    const int offset = date.offsetFromUtc() / 60;
    const int absolute = offset < 0 ? -offset : offset;
    return QStringLiteral("%1, %2 %3 %4 %5 %6%7%8")
        .arg(QLatin1String(days[day.dayOfWeek() - 1]))
        .arg(day.day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[day.month() - 1]))
        .arg(day.year(), 4, 10, QLatin1Char('0'))
        .arg(date.time().toString(QStringLiteral("HH:mm:ss")))
        .arg(QChar(offset < 0 ? u'-' : u'+'))
        .arg(absolute / 60, 2, 10, QLatin1Char('0'))
        .arg(absolute % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

QByteArray composeMail(const MailMessage& message, const QDateTime& date)
{
    QByteArray mail;
    mail += "Date: " + rfc5322Date(date) + "\r\n";
    mail += "From: " + mailbox(message.fromName, message.from) + "\r\n";
    mail += "To: " + mailbox(message.toName, message.to) + "\r\n";
    if (!addressSafe(message.replyTo).isEmpty()) {
        mail += "Reply-To: " + mailbox({}, message.replyTo) + "\r\n";
    }
    mail += "Subject: " + headerText(message.subject, false) + "\r\n";
    mail += "Message-ID: " + mailMessageId(message).toUtf8() + "\r\n";
    mail += "MIME-Version: 1.0\r\n";
    mail += "Content-Type: text/plain; charset=UTF-8\r\n";
    mail += "Content-Transfer-Encoding: base64\r\n";
    mail += "\r\n";
    QString body = message.body;
    body.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    body.replace(u'\n', QLatin1String("\r\n"));
    mail += base64Lines(body.toUtf8());
    return mail;
}

} // namespace rmsam
