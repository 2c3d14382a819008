#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <optional>

namespace rmsam {

// One employee as the HR roster lists them: whether their status says they left, and the end
// date it gives (invalid: none given).
struct RosterEmployee
{
    bool left = false;
    QDate endDate;
};

// An admin's mapping of a Roadmunk address to the roster's address for the same person.
struct RosterAlias
{
    QString userEmail; // case-folded
    QString rosterEmail; // case-folded
};

// Where a seat holder stands against the roster attached to their profile.
struct RosterStanding
{
    enum class Kind
    {
        NoRoster, // none attached: the roster says nothing
        Employed, // listed, neither left nor past their end date
        NotListed, // not on the roster (after aliases)
        Left, // listed as left, or their end date has passed
    };
    Kind kind = Kind::NoRoster;
    QDate leftOn; // Left: the end date when the roster gives one

    bool isLeaver() const { return kind == Kind::NotListed || kind == Kind::Left; }
};

// The company's employee list (HR or identity-provider export) attached to a profile: seat
// holders missing from it or listed as gone are removal candidates whatever their activity.
struct AttachedRoster
{
    QString fileName;
    QString encoding;
    QDateTime attachedAt;
    int employees = 0; // rows that list an employee
    int leavers = 0; // of them, listed as left or with an end date passed when attached
    // Case-folded Roadmunk address → case-folded roster address (admin-made aliases).
    QHash<QString, QString> aliases;
    // Case-folded roster address → employee, for the addresses anyone asks about
    // (HrRosterRepository::current reads those of the profile's seat holders, not a whole roster).
    QHash<QString, RosterEmployee> employeesByEmail;

    int ageInDays(const QDateTime& now) const { return int(attachedAt.daysTo(now)); }
    // The roster's address for a Roadmunk address: its alias, or the address itself, case-folded.
    QString rosterKey(const QString& email) const;
    RosterStanding standing(const QString& email, const QDate& today) const;
};

// How many of a profile's seat holders a roster being attached lists (after aliases). A roster
// that lists fewer than half of them is most likely a partial export or another department's
// list: attached, it would make the others removal candidates as "Not on the HR roster".
struct RosterCoverage
{
    int seatHolders = 0; // distinct addresses holding a seat in the profile's last sync
    int listed = 0; // of them, on the roster

    bool isPartial() const { return qint64(listed) * 2 < seatHolders; }
};

namespace Rosters {
RosterStanding standing(
    const std::optional<AttachedRoster>& roster, const QString& email, const QDate& today);
} // namespace Rosters

} // namespace rmsam

namespace rmsam::Rosters {
// One employee listed twice (a rehire's old and new rows): employed if either row says so, so a
// doubtful roster never makes a candidate; the later end date kept.
RosterEmployee merged(const RosterEmployee& a, const RosterEmployee& b);
} // namespace rmsam::Rosters
