// libFuzzer harness: what the app does with a GraphQL response body — the users and roadmaps
// pages as the jobs read them, and the `Date` scalar in every form it may take.
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
            // A time is never made up: an event has a readable time or the raw value, not both.
            if (e.when.isValid() == !e.unreadable.isEmpty()) {
                __builtin_trap();
            }
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue& value : document.array()) {
        using State = rmsam::RoadmunkData::DateReading::State;
        const rmsam::RoadmunkData::DateReading r = rmsam::RoadmunkData::readDate(value, now);
        // Known means a plausible time; unknown keeps a short raw value; null is only JSON null.
        if ((r.state == State::Known) != r.when.isValid() || (r.state == State::Unknown) == r.raw.isEmpty()
            || r.raw.size() > 80 || (r.state == State::Null) != value.isNull()
            || (r.when.isValid() && (r.when.date().year() < 2000 || r.when.secsTo(now) < -86400))) {
            __builtin_trap();
        }
    }
    return 0;
}
