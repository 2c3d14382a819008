#include "services/RosterReport.h"

#include "core/HrRoster.h"
#include "core/Justifications.h"
#include "core/Subscription.h"
#include "services/Evaluation.h"
#include "storage/HrRosterRepository.h"

#include <QCoreApplication>

namespace rmsam::RosterReport {

Result<QList<QList<QVariant>>> rows(Database& database, qint64 profileId, const SeatHolders* holders)
{
    auto roster = HrRosterRepository(database).current(profileId);
    if (!roster) {
        return roster.error();
    }
    if (!roster.value()) {
        return QList<QList<QVariant>> {};
    }
    std::optional<SeatHolders> read;
    if (!holders) {
        auto all = Reclamation::seatHolders(database, profileId);
        if (!all) {
            return all.error();
        }
        read = std::move(all).value();
        holders = &*read;
    }
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QList<QList<QVariant>> rows;
    for (const SubscriptionRecord& r : holders->holding) {
        const SoftwareSubscription& s = r.subscription;
        const RosterStanding standing = roster.value()->standing(s.email, today);
        if (!standing.isLeaver()) {
            continue;
        }
        const bool missing = standing.kind == RosterStanding::Kind::NotListed;
        const QString reason = missing ? Justifications::translated(Justifications::NotOnRoster)
            : standing.leftOn.isValid()
            ? Justifications::translated(Justifications::LeftOn).arg(standing.leftOn.toString(Qt::ISODate))
            : Justifications::translated(Justifications::LeftPerRoster);
        rows.append({ s.email, s.displayName, Roles::displayName(s.role), reason,
            missing ? QCoreApplication::translate("rmsam::Reports", "Not listed", "roster status")
                    : QCoreApplication::translate("rmsam::Reports", "Left", "roster status"),
            standing.leftOn.isValid() ? QVariant(standing.leftOn.toString(Qt::ISODate)) : QVariant() });
    }
    return rows;
}

} // namespace rmsam::RosterReport
