// libFuzzer harness: what the app does with a GraphQL response body — the users and roadmaps
// pages as the jobs read them, the `Date` scalar in both of its forms, and the token identity.
#include "core/Activity.h"
#include "roadmunk/RoadmunkData.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_graphql";
    static char* argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv);
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    const QJsonObject response = document.object().value(QLatin1String("data")).toObject();
    for (const QJsonValue& user :
        response.value(QLatin1String("users")).toObject().value(QLatin1String("page")).toArray()) {
        const rmsam::SoftwareSubscription s
            = rmsam::RoadmunkData::subscriptionFromUser(user.toObject(), QDateTime::currentDateTimeUtc());
        if (s.lastLogin.isValid() && !s.lastLogin.toUTC().toString(Qt::ISODate).endsWith(QLatin1Char('Z'))) {
            __builtin_trap();
        }
    }
    for (const QJsonValue& roadmap :
        response.value(QLatin1String("roadmaps")).toObject().value(QLatin1String("page")).toArray()) {
        const QList<rmsam::RoadmapEvent> events
            = rmsam::RoadmunkData::eventsFromRoadmap(roadmap.toObject(), QDateTime::currentDateTimeUtc());
        if (events.size() > 2) {
            __builtin_trap();
        }
        for (const rmsam::RoadmapEvent& e : events) {
            if (!e.when.isValid()) {
                __builtin_trap(); // an event without a time must not be made up
            }
        }
    }
    for (const QJsonValue& value : document.array()) {
        (void)rmsam::RoadmunkData::parseDate(value);
    }
    return 0;
}
