#include "core/HrRoster.h"

#include <algorithm>

namespace rmsam {

QString AttachedRoster::rosterKey(const QString& email) const
{
    const QString key = email.trimmed().toCaseFolded();
    return aliases.value(key, key);
}

RosterStanding AttachedRoster::standing(const QString& email, const QDate& today) const
{
    const auto found = employeesByEmail.constFind(rosterKey(email));
    if (found == employeesByEmail.cend()) {
        return { RosterStanding::Kind::NotListed, {} };
    }
    const RosterEmployee& e = found.value();
    // An end date is the last day worked: gone from the day after.
    if (e.left || (e.endDate.isValid() && e.endDate < today)) {
        return { RosterStanding::Kind::Left, e.endDate };
    }
    return { RosterStanding::Kind::Employed, {} };
}

namespace Rosters {

RosterEmployee merged(const RosterEmployee& a, const RosterEmployee& b)
{
    RosterEmployee m;
    m.left = a.left && b.left;
    // An employed row without an end date has none: employed for as long as it says.
    const bool openEnded = (!a.left && !a.endDate.isValid()) || (!b.left && !b.endDate.isValid());
    if (!openEnded) {
        m.endDate = !a.endDate.isValid() ? b.endDate
            : !b.endDate.isValid()       ? a.endDate
                                         : std::max(a.endDate, b.endDate);
    }
    return m;
}

RosterStanding standing(const std::optional<AttachedRoster>& roster, const QString& email, const QDate& today)
{
    return roster ? roster->standing(email, today) : RosterStanding {};
}

} // namespace Rosters
} // namespace rmsam
