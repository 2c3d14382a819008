#pragma once

#include "core/EnumTable.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace rmsam {

// The two Roadmunk licence kinds a seat can use (docs/DOMAIN.md, "Words").
enum class SeatType
{
    CollaboratorType, // Account Admin, User Manager, Collaborator
    Reviewer,
};

namespace SeatTypes {
// The seat type of a Roadmunk accountRole value, or nullopt when the role is not one the app
// knows: such users are listed as unrecognized subscription identifiers, never guessed.
std::optional<SeatType> fromRole(const QString& accountRole);
const EnumTable<SeatType>& table();
QString code(SeatType type); // stable: "collaborator" / "reviewer"
std::optional<SeatType> fromCode(const QString& code);
QString displayName(SeatType type);
} // namespace SeatTypes

namespace Roles {
// Roadmunk's name for an accountRole value ("user_manager" → "User Manager"), as its own UI
// shows it; an unknown value is shown as it is.
QString displayName(const QString& accountRole);
} // namespace Roles

// One user holding a Roadmunk seat in one profile's account.
struct SoftwareSubscription
{
    QString userId;
    QString email;
    QString firstName;
    QString lastName;
    QString displayName;
    QString role; // Roadmunk's accountRole, as sent
    std::optional<SeatType> seatType;
    bool invited = false;
    QString jobTitle;
    QDateTime lastLogin; // invalid: never logged in, or unreadable (then see below)
    QString lastLoginUnreadable; // the value Roadmunk sent when it could not be read as a date
};

// What changed between two snapshots of a profile's subscriptions.
struct SnapshotChange
{
    enum class Kind
    {
        Joined,
        Left,
        RoleChanged,
    };
    Kind kind;
    QString userId;
    QString email;
    QString oldRole;
    QString newRole;
};

namespace SnapshotChanges {
QList<SnapshotChange> between(
    const QList<SoftwareSubscription>& before, const QList<SoftwareSubscription>& after);
const EnumTable<SnapshotChange::Kind>& kindTable(); // "joined", "left", "role_changed"
QString kindCode(SnapshotChange::Kind kind);
QString kindDisplayName(SnapshotChange::Kind kind); // translated: "Joined", "Left", "Role changed"
} // namespace SnapshotChanges

// An identifier (role value) the app could not map, with how many subscriptions carry it.
struct UnrecognizedIdentifier
{
    QString identifier;
    int count = 0;
};

QList<UnrecognizedIdentifier> unrecognizedIdentifiers(const QList<SoftwareSubscription>& subscriptions);

} // namespace rmsam
