#include "roadmunk/RoadmunkData.h"

namespace rmsam::RoadmunkData {

QDateTime parseDate(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        // Reject values outside years 1970–9999 rather than wrapping them.
        if (ms < 0 || ms > 253402300799000.0) {
            return {};
        }
        return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    }
    if (!value.isString()) {
        return {};
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber) {
        return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        parsed = QDateTime::fromString(text, Qt::ISODate);
    }
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

SoftwareSubscription subscriptionFromUser(const QJsonObject& user)
{
    SoftwareSubscription s;
    s.userId = user.value(QLatin1String("id")).toVariant().toString();
    s.email = user.value(QLatin1String("email")).toString().trimmed();
    s.firstName = user.value(QLatin1String("firstName")).toString();
    s.lastName = user.value(QLatin1String("lastName")).toString();
    s.displayName = user.value(QLatin1String("displayName")).toString();
    s.role = user.value(QLatin1String("accountRole")).toString();
    s.seatType = SeatTypes::fromRole(s.role);
    s.invited = user.value(QLatin1String("isInvited")).toBool();
    s.jobTitle = user.value(QLatin1String("jobTitle")).toString();
    s.lastLogin = parseDate(user.value(QLatin1String("lastLogin")));
    return s;
}

QList<RoadmapEvent> eventsFromRoadmap(const QJsonObject& roadmap)
{
    QList<RoadmapEvent> events;
    const QString archivedBy = roadmap.value(QLatin1String("archivedBy"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toVariant()
                                   .toString();
    const QDateTime archivedOn = parseDate(roadmap.value(QLatin1String("archivedOn")));
    if (!archivedBy.isEmpty() && archivedOn.isValid()) {
        events.append({ archivedBy, archivedOn, ActivitySource::RoadmapArchived });
    }
    const QString restoredBy = roadmap.value(QLatin1String("restoredBy"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toVariant()
                                   .toString();
    const QDateTime restoredOn = parseDate(roadmap.value(QLatin1String("restoredOn")));
    if (!restoredBy.isEmpty() && restoredOn.isValid()) {
        events.append({ restoredBy, restoredOn, ActivitySource::RoadmapRestored });
    }
    return events;
}

} // namespace rmsam::RoadmunkData
