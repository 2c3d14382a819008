#include "core/Activity.h"

#include <QCoreApplication>
#include <QHash>

namespace rmsam::ActivityRules {

QList<UserActivity> compute(
    const QList<SoftwareSubscription>& subscriptions, const QList<RoadmapEvent>& events, QDate analyzeFrom)
{
    const QDateTime from = analyzeFrom.isValid() ? QDateTime(analyzeFrom, QTime(0, 0), Qt::UTC) : QDateTime();
    auto counts
        = [&from](const QDateTime& when) { return when.isValid() && (!from.isValid() || when >= from); };

    QHash<QString, RoadmapEvent> latestEvent;
    QHash<QString, QString> unreadable;
    for (const RoadmapEvent& e : events) {
        if (!e.unreadable.isEmpty()) {
            unreadable.insert(e.userId, e.unreadable);
            continue;
        }
        if (!counts(e.when)) {
            continue;
        }
        auto it = latestEvent.find(e.userId);
        if (it == latestEvent.end() || it->when < e.when) {
            latestEvent.insert(e.userId, e);
        }
    }

    QList<UserActivity> result;
    result.reserve(subscriptions.size());
    for (const SoftwareSubscription& s : subscriptions) {
        UserActivity a;
        a.userId = s.userId;
        a.unreadable = s.lastLoginUnreadable.isEmpty() ? unreadable.value(s.userId) : s.lastLoginUnreadable;
        if (counts(s.lastLogin)) {
            a.lastActivity = s.lastLogin;
            a.source = ActivitySource::Login;
        }
        const auto event = latestEvent.constFind(s.userId);
        if (event != latestEvent.cend() && (!a.lastActivity.isValid() || event->when > a.lastActivity)) {
            a.lastActivity = event->when;
            a.source = event->source;
        }
        if (a.lastActivity.isValid()) {
            a.reason = NoActivityReason::HasActivity;
        } else if (s.invited) {
            a.reason = NoActivityReason::InvitedPending;
        } else if (!s.lastLogin.isValid() && s.lastLoginUnreadable.isEmpty()) {
            a.reason = NoActivityReason::NeverLoggedIn;
        } else {
            a.reason = NoActivityReason::NoData;
        }
        result.append(a);
    }
    return result;
}

QString sourceCode(ActivitySource source)
{
    switch (source) {
    case ActivitySource::None:
        return QStringLiteral("none");
    case ActivitySource::Login:
        return QStringLiteral("login");
    case ActivitySource::RoadmapArchived:
        return QStringLiteral("roadmap_archived");
    case ActivitySource::RoadmapRestored:
        return QStringLiteral("roadmap_restored");
    }
    return QStringLiteral("none");
}

ActivitySource sourceFromCode(const QString& code)
{
    for (ActivitySource s :
        { ActivitySource::Login, ActivitySource::RoadmapArchived, ActivitySource::RoadmapRestored }) {
        if (sourceCode(s) == code) {
            return s;
        }
    }
    return ActivitySource::None;
}

QString reasonCode(NoActivityReason reason)
{
    switch (reason) {
    case NoActivityReason::HasActivity:
        return QStringLiteral("active");
    case NoActivityReason::NeverLoggedIn:
        return QStringLiteral("never_logged_in");
    case NoActivityReason::InvitedPending:
        return QStringLiteral("invited_pending");
    case NoActivityReason::NoData:
        return QStringLiteral("no_data");
    }
    return QStringLiteral("no_data");
}

NoActivityReason reasonFromCode(const QString& code)
{
    for (NoActivityReason r : { NoActivityReason::HasActivity, NoActivityReason::NeverLoggedIn,
             NoActivityReason::InvitedPending }) {
        if (reasonCode(r) == code) {
            return r;
        }
    }
    return NoActivityReason::NoData;
}

QString sourceDisplayName(ActivitySource source)
{
    switch (source) {
    case ActivitySource::None:
        return {};
    case ActivitySource::Login:
        return QCoreApplication::translate("rmsam::Activity", "Login");
    case ActivitySource::RoadmapArchived:
        return QCoreApplication::translate("rmsam::Activity", "Roadmap archived");
    case ActivitySource::RoadmapRestored:
        return QCoreApplication::translate("rmsam::Activity", "Roadmap restored");
    }
    return {};
}

QString reasonDisplayName(NoActivityReason reason)
{
    switch (reason) {
    case NoActivityReason::HasActivity:
        return QCoreApplication::translate("rmsam::Activity", "Active");
    case NoActivityReason::NeverLoggedIn:
        return QCoreApplication::translate("rmsam::Activity", "Never logged in");
    case NoActivityReason::InvitedPending:
        return QCoreApplication::translate("rmsam::Activity", "Invited, pending");
    case NoActivityReason::NoData:
        return QCoreApplication::translate("rmsam::Activity", "No data");
    }
    return {};
}

} // namespace rmsam::ActivityRules
