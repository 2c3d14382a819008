#pragma once

#include "core/EnumTable.h"
#include "core/Subscription.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace rmsam {

// Where a user's last activity was seen.
enum class ActivitySource
{
    None,
    Login,
    RoadmapArchived,
    RoadmapRestored,
};

// Why a user has no activity in the analysed period; never shown as active.
enum class NoActivityReason
{
    HasActivity,
    NeverLoggedIn,
    InvitedPending,
    NoData, // logged in at some time, but nothing since "Analyze user activity from"
};

// A roadmap archived or restored by a user, from the roadmaps listing.
struct RoadmapEvent
{
    QString userId;
    QDateTime when;
    ActivitySource source = ActivitySource::RoadmapArchived;
    QString unreadable; // the date as sent when it could not be read (`when` is then invalid)
};

struct UserActivity
{
    QString userId;
    QDateTime lastActivity; // invalid when reason != HasActivity
    ActivitySource source = ActivitySource::None;
    NoActivityReason reason = NoActivityReason::NoData;
    // A date of this user's that Roadmunk sent and the app could not read, as sent: the
    // activity is then unknown, and the user is never treated as inactive on its strength.
    QString unreadable;
};

// A subscription with the activity worked out for it.
struct SubscriptionRecord
{
    SoftwareSubscription subscription;
    UserActivity activity;
};

// The roadmap events of one download by user, so that each subscription's activity can be
// worked out on its own (a sync does so page by page while the users download).
class ActivityIndex
{
public:
    ActivityIndex(const QList<RoadmapEvent>& events, QDate analyzeFrom);
    // The later of the last login and any roadmap the user archived or restored, ignoring
    // events before analyzeFrom (a UTC calendar day).
    UserActivity of(const SoftwareSubscription& subscription) const;

private:
    bool counts(const QDateTime& when) const;

    QDateTime m_from; // invalid: every event counts
    QHash<QString, RoadmapEvent> m_latest;
    QHash<QString, QString> m_unreadable; // a date as sent that could not be read, by user
};

namespace ActivityRules {

// ActivityIndex::of for each subscription.
QList<UserActivity> compute(
    const QList<SoftwareSubscription>& subscriptions, const QList<RoadmapEvent>& events, QDate analyzeFrom);

const EnumTable<ActivitySource>& sourceTable();
const EnumTable<NoActivityReason>& reasonTable();
QString sourceCode(ActivitySource source); // stable: "login", "roadmap_archived", …
ActivitySource sourceFromCode(const QString& code); // None for a code it does not know
QString reasonCode(NoActivityReason reason); // stable: "active", "never_logged_in", …
NoActivityReason reasonFromCode(const QString& code); // NoData for a code it does not know
QString sourceDisplayName(ActivitySource source); // empty for None
QString reasonDisplayName(NoActivityReason reason);

// When the user was last seen, as far as the app knows: the last activity in the analysed period
// or, with none there, the last login before it (older news that still dates the user). Invalid
// for a user who never logged in or is invited, and when the date is unknown. The dashboard's
// activity buckets count from it.
QDateTime lastSeen(const UserActivity& activity, const QDateTime& lastLogin);
// The Activity table's status: reasonDisplayName(), except that a user last seen before "Analyze
// user activity from" is "Inactive since <that day> or earlier" (the dashboard counts the user
// by that last login, among the inactive), not "No data", which is left for an unknown date.
QString statusDisplayName(const UserActivity& activity, const QDateTime& lastLogin, QDate analyzeFrom);

} // namespace ActivityRules
} // namespace rmsam
