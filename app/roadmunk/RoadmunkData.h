#pragma once

#include "core/Activity.h"
#include "core/Subscription.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace rmsam::RoadmunkData {

// A value of Roadmunk's `Date` scalar, whose wire format is not documented.
struct DateReading
{
    enum class State
    {
        Null, // JSON null: explicitly no date ("never logged in", "not archived")
        Known, // readable and plausible
        Unknown, // missing, unreadable, or implausible: never taken as "no date"
    };
    State state = State::Null;
    QDateTime when; // Known only, in UTC
    QString raw; // Unknown only: the value as sent, cut to a readable length
};

// Reads every unambiguous form: ISO 8601 with or without fraction and offset (no offset is
// UTC), epoch milliseconds or seconds (as a number or a string of digits), RFC 1123/2822.
// Plausible means from 2000 on and not more than a day after `now` (clock skew).
DateReading readDate(const QJsonValue& value, const QDateTime& now);

// A listing row's `id`: a non-empty string of at most 64 characters, or an integer JSON number
// that a double represents exactly. Empty when malformed (a number above 2^53 is: two such ids
// can collapse into one).
QString idOf(const QJsonValue& value);

// One `users.page` entry as a subscription. An unreadable `lastLogin` leaves lastLogin invalid
// and puts the raw value in lastLoginUnreadable.
SoftwareSubscription subscriptionFromUser(const QJsonObject& user, const QDateTime& now);

// The archive and restore events of one `roadmaps.page` entry (zero, one or two). An event whose
// date is unreadable comes with an invalid `when` and the raw value: the user's activity is then
// unknown, never "none".
QList<RoadmapEvent> eventsFromRoadmap(const QJsonObject& roadmap, const QDateTime& now);

} // namespace rmsam::RoadmunkData
