#include "core/Subscription.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <algorithm>

namespace rmsam {

namespace SeatTypes {

std::optional<SeatType> fromRole(const QString& accountRole)
{
    const QString role = accountRole.trimmed().toLower();
    if (role == QLatin1String("account_admin") || role == QLatin1String("user_manager")
        || role == QLatin1String("collaborator")) {
        return SeatType::CollaboratorType;
    }
    if (role == QLatin1String("reviewer")) {
        return SeatType::Reviewer;
    }
    return std::nullopt;
}

const EnumTable<SeatType>& table()
{
    static const EnumTable<SeatType> seatTypes("rmsam::SeatTypes",
        {
            { SeatType::CollaboratorType, "collaborator",
                QT_TRANSLATE_NOOP("rmsam::SeatTypes", "Collaborator-type") },
            { SeatType::Reviewer, "reviewer", QT_TRANSLATE_NOOP("rmsam::SeatTypes", "Reviewer") },
        });
    return seatTypes;
}

QString code(SeatType type)
{
    return table().code(type);
}

std::optional<SeatType> fromCode(const QString& code)
{
    return table().fromCode(code);
}

QString displayName(SeatType type)
{
    return table().displayName(type);
}

} // namespace SeatTypes

namespace Roles {

QString displayName(const QString& accountRole)
{
    static const QHash<QString, const char*> names = {
        { QStringLiteral("account_admin"), QT_TRANSLATE_NOOP("rmsam::Roles", "Account Admin") },
        { QStringLiteral("user_manager"), QT_TRANSLATE_NOOP("rmsam::Roles", "User Manager") },
        { QStringLiteral("collaborator"), QT_TRANSLATE_NOOP("rmsam::Roles", "Collaborator") },
        { QStringLiteral("reviewer"), QT_TRANSLATE_NOOP("rmsam::Roles", "Reviewer") },
    };
    const auto name = names.constFind(accountRole.trimmed().toLower());
    return name == names.cend() ? accountRole : QCoreApplication::translate("rmsam::Roles", *name);
}

} // namespace Roles

namespace SnapshotChanges {

QList<SnapshotChange> between(
    const QList<SoftwareSubscription>& before, const QList<SoftwareSubscription>& after)
{
    QHash<QString, const SoftwareSubscription*> old;
    old.reserve(before.size());
    for (const SoftwareSubscription& s : before) {
        old.insert(s.userId, &s);
    }
    QList<SnapshotChange> changes;
    QSet<QString> seen;
    seen.reserve(after.size());
    for (const SoftwareSubscription& s : after) {
        seen.insert(s.userId);
        const SoftwareSubscription* previous = old.value(s.userId);
        if (!previous) {
            changes.append({ SnapshotChange::Kind::Joined, s.userId, s.email, {}, s.role });
        } else if (previous->role != s.role) {
            changes.append({ SnapshotChange::Kind::RoleChanged, s.userId, s.email, previous->role, s.role });
        }
    }
    for (const SoftwareSubscription& s : before) {
        if (!seen.contains(s.userId)) {
            changes.append({ SnapshotChange::Kind::Left, s.userId, s.email, s.role, {} });
        }
    }
    return changes;
}

const EnumTable<SnapshotChange::Kind>& kindTable()
{
    static const EnumTable<SnapshotChange::Kind> kinds("rmsam::SnapshotChanges",
        {
            { SnapshotChange::Kind::Joined, "joined", QT_TRANSLATE_NOOP("rmsam::SnapshotChanges", "Joined") },
            { SnapshotChange::Kind::Left, "left", QT_TRANSLATE_NOOP("rmsam::SnapshotChanges", "Left") },
            { SnapshotChange::Kind::RoleChanged, "role_changed",
                QT_TRANSLATE_NOOP("rmsam::SnapshotChanges", "Role changed") },
        });
    return kinds;
}

QString kindCode(SnapshotChange::Kind kind)
{
    return kindTable().code(kind);
}

QString kindDisplayName(SnapshotChange::Kind kind)
{
    return kindTable().displayName(kind);
}

} // namespace SnapshotChanges

QList<UnrecognizedIdentifier> unrecognizedIdentifiers(const QList<SoftwareSubscription>& subscriptions)
{
    QMap<QString, int> counts;
    for (const SoftwareSubscription& s : subscriptions) {
        if (!s.seatType) {
            ++counts[s.role];
        }
    }
    QList<UnrecognizedIdentifier> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        result.append({ it.key(), it.value() });
    }
    return result;
}

} // namespace rmsam
