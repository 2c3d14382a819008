#pragma once

#include "core/Activity.h"
#include "core/Subscription.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace rmsam::RoadmunkData {

// Roadmunk's `Date` scalar: an ISO-8601 string or epoch milliseconds. Invalid for null, an
// empty string or anything unreadable.
QDateTime parseDate(const QJsonValue& value);

// One `users.page` entry as a subscription.
SoftwareSubscription subscriptionFromUser(const QJsonObject& user);

// The archive and restore events of one `roadmaps.page` entry (zero, one or two).
QList<RoadmapEvent> eventsFromRoadmap(const QJsonObject& roadmap);

} // namespace rmsam::RoadmunkData
