#include "roadmunk/RoadmunkData.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace rmsam::RoadmunkData {
namespace {

constexpr qsizetype MaxRawLength = 80;
const QDateTime Earliest(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
constexpr qint64 MaxSkewSeconds = 24 * 3600;
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString rawText(const QJsonValue& value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::String:
        text = QLatin1Char('"') + value.toString() + QLatin1Char('"');
        break;
    case QJsonValue::Double:
        text = QString::number(value.toDouble(), 'g', 17);
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Undefined:
        text = QStringLiteral("(missing)");
        break;
    default:
        text = QStringLiteral("(%1)").arg(
            value.isArray() ? QStringLiteral("a list") : QStringLiteral("an object"));
        break;
    }
    return text.size() > MaxRawLength ? text.left(MaxRawLength - 1) + QChar(0x2026) : text;
}

// Epoch seconds and milliseconds do not overlap in the plausible range (2000–2100).
QDateTime fromEpoch(double number)
{
    if (!std::isfinite(number)) {
        return {};
    }
    constexpr double FirstSecond = 946684800.0; // 2000-01-01
    constexpr double LastSecond = 4102444800.0; // 2100-01-01
    if (number >= FirstSecond && number < LastSecond) {
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(number * 1000)), QTimeZone::utc());
    }
    if (number >= FirstSecond * 1000 && number < LastSecond * 1000) {
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(number)), QTimeZone::utc());
    }
    return {};
}

QDateTime fromText(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^[0-9]{9,13}(\\.[0-9]+)?$"));
    if (number.match(text).hasMatch()) {
        return fromEpoch(text.toDouble());
    }
    if (text.size() >= 10 && text.at(4) == QLatin1Char('-')) {
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime) {
            parsed.setTimeZone(QTimeZone::utc()); // no offset given: UTC, as servers send it
        }
        return parsed;
    }
    // RFC 1123 ("Sat, 28 Nov 2026 01:20:43 GMT"); Qt's RFC 2822 reader wants a numeric zone.
    QString rfc = text;
    static const QRegularExpression gmt(QStringLiteral("\\s(GMT|UTC|UT|Z)$"));
    rfc.replace(gmt, QStringLiteral(" +0000"));
    return QDateTime::fromString(rfc, Qt::RFC2822Date);
}

} // namespace

DateReading readDate(const QJsonValue& value, const QDateTime& now)
{
    DateReading reading;
    if (value.isNull()) {
        return reading;
    }
    QDateTime when;
    if (value.isDouble()) {
        when = fromEpoch(value.toDouble());
    } else if (value.isString()) {
        when = fromText(value.toString().trimmed());
    }
    if (when.isValid() && when >= Earliest && when.secsTo(now) >= -MaxSkewSeconds) {
        reading.state = DateReading::State::Known;
        reading.when = when.toUTC();
    } else {
        reading.state = DateReading::State::Unknown;
        reading.raw = rawText(value);
    }
    return reading;
}

QString idOf(const QJsonValue& value)
{
    if (value.isString()) {
        const QString id = value.toString();
        return id.size() <= 64 && !id.trimmed().isEmpty() ? id : QString();
    }
    if (value.isDouble()) {
        const double n = value.toDouble();
        if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < MaxExactInteger) {
            return QString::number(qint64(n));
        }
    }
    return {};
}

SoftwareSubscription subscriptionFromUser(const QJsonObject& user, const QDateTime& now)
{
    SoftwareSubscription s;
    s.userId = idOf(user.value(QLatin1String("id")));
    s.email = user.value(QLatin1String("email")).toString().trimmed();
    s.firstName = user.value(QLatin1String("firstName")).toString();
    s.lastName = user.value(QLatin1String("lastName")).toString();
    s.displayName = user.value(QLatin1String("displayName")).toString();
    s.role = user.value(QLatin1String("accountRole")).toString();
    s.seatType = SeatTypes::fromRole(s.role);
    s.invited = user.value(QLatin1String("isInvited")).toBool();
    s.jobTitle = user.value(QLatin1String("jobTitle")).toString();
    const DateReading login = readDate(user.value(QLatin1String("lastLogin")), now);
    s.lastLogin = login.when;
    s.lastLoginUnreadable = login.raw;
    return s;
}

QList<RoadmapEvent> eventsFromRoadmap(const QJsonObject& roadmap, const QDateTime& now)
{
    QList<RoadmapEvent> events;
    const auto add = [&](const char* byField, const char* onField, ActivitySource source) {
        const QString by = idOf(roadmap.value(QLatin1String(byField)).toObject().value(QLatin1String("id")));
        if (by.isEmpty()) {
            return;
        }
        const DateReading on = readDate(roadmap.value(QLatin1String(onField)), now);
        if (on.state != DateReading::State::Null) {
            events.append({ by, on.when, source, on.raw });
        }
    };
    add("archivedBy", "archivedOn", ActivitySource::RoadmapArchived);
    add("restoredBy", "restoredOn", ActivitySource::RoadmapRestored);
    return events;
}

} // namespace rmsam::RoadmunkData
