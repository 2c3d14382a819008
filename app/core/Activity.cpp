#include "core/Activity.h"

#include <QCoreApplication>
#include <QHash>

namespace rmsam {

ActivityIndex::ActivityIndex(const QList<RoadmapEvent>& events, QDate analyzeFrom)
    : m_from(analyzeFrom.isValid() ? QDateTime(analyzeFrom, QTime(0, 0), Qt::UTC) : QDateTime())
{
    for (const RoadmapEvent& e : events) {
        if (!e.unreadable.isEmpty()) {
            m_unreadable.insert(e.userId, e.unreadable);
            continue;
        }
        if (!counts(e.when)) {
            continue;
        }
        auto it = m_latest.find(e.userId);
        if (it == m_latest.end() || it->when < e.when) {
            m_latest.insert(e.userId, e);
        }
    }
}

bool ActivityIndex::counts(const QDateTime& when) const
{
    return when.isValid() && (!m_from.isValid() || when >= m_from);
}

UserActivity ActivityIndex::of(const SoftwareSubscription& s) const
{
    UserActivity a;
    a.userId = s.userId;
    a.unreadable = s.lastLoginUnreadable.isEmpty() ? m_unreadable.value(s.userId) : s.lastLoginUnreadable;
    if (counts(s.lastLogin)) {
        a.lastActivity = s.lastLogin;
        a.source = ActivitySource::Login;
    }
    const auto event = m_latest.constFind(s.userId);
    if (event != m_latest.cend() && (!a.lastActivity.isValid() || event->when > a.lastActivity)) {
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
    return a;
}

namespace ActivityRules {

QList<UserActivity> compute(
    const QList<SoftwareSubscription>& subscriptions, const QList<RoadmapEvent>& events, QDate analyzeFrom)
{
    const ActivityIndex index(events, analyzeFrom);
    QList<UserActivity> result;
    result.reserve(subscriptions.size());
    for (const SoftwareSubscription& s : subscriptions) {
        result.append(index.of(s));
    }
    return result;
}

const EnumTable<ActivitySource>& sourceTable()
{
    static const EnumTable<ActivitySource> sources("rmsam::Activity",
        {
            { ActivitySource::None, "none", nullptr },
            { ActivitySource::Login, "login", QT_TRANSLATE_NOOP("rmsam::Activity", "Login") },
            { ActivitySource::RoadmapArchived, "roadmap_archived",
                QT_TRANSLATE_NOOP("rmsam::Activity", "Roadmap archived") },
            { ActivitySource::RoadmapRestored, "roadmap_restored",
                QT_TRANSLATE_NOOP("rmsam::Activity", "Roadmap restored") },
        });
    return sources;
}

const EnumTable<NoActivityReason>& reasonTable()
{
    static const EnumTable<NoActivityReason> reasons("rmsam::Activity",
        {
            { NoActivityReason::HasActivity, "active", QT_TRANSLATE_NOOP("rmsam::Activity", "Active") },
            { NoActivityReason::NeverLoggedIn, "never_logged_in",
                QT_TRANSLATE_NOOP("rmsam::Activity", "Never logged in") },
            { NoActivityReason::InvitedPending, "invited_pending",
                QT_TRANSLATE_NOOP("rmsam::Activity", "Invited, pending") },
            { NoActivityReason::NoData, "no_data", QT_TRANSLATE_NOOP("rmsam::Activity", "No data") },
        });
    return reasons;
}

QString sourceCode(ActivitySource source)
{
    return sourceTable().code(source);
}

ActivitySource sourceFromCode(const QString& code)
{
    return sourceTable().fromCode(code).value_or(ActivitySource::None);
}

QString reasonCode(NoActivityReason reason)
{
    return reasonTable().code(reason);
}

NoActivityReason reasonFromCode(const QString& code)
{
    return reasonTable().fromCode(code).value_or(NoActivityReason::NoData);
}

QString sourceDisplayName(ActivitySource source)
{
    return sourceTable().displayName(source);
}

QString reasonDisplayName(NoActivityReason reason)
{
    return reasonTable().displayName(reason);
}

QDateTime lastSeen(const UserActivity& activity, const QDateTime& lastLogin)
{
    switch (activity.reason) {
    case NoActivityReason::HasActivity:
        return activity.lastActivity;
    case NoActivityReason::NoData:
        return lastLogin;
    case NoActivityReason::NeverLoggedIn:
    case NoActivityReason::InvitedPending:
        break;
    }
    return {};
}

QString statusDisplayName(const UserActivity& activity, const QDateTime& lastLogin, QDate analyzeFrom)
{
    if (activity.reason != NoActivityReason::NoData || !lastLogin.isValid()) {
        return reasonDisplayName(activity.reason);
    }
    // The login is before the analysed period, and nothing in it was seen. Should the period have
    // moved back since the activity was worked out, the login itself is the last day known.
    const QDate login = lastLogin.toUTC().date();
    const QDate since = analyzeFrom.isValid() && login < analyzeFrom ? analyzeFrom : login;
    return QCoreApplication::translate("rmsam::Activity", "Inactive since %1 or earlier")
        .arg(since.toString(Qt::ISODate));
}

} // namespace ActivityRules
} // namespace rmsam
