#include "storage/RenewalReminderRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace rmsam {

RenewalReminderRepository::RenewalReminderRepository(Database& database)
    : m_database(database)
{ }

Result<bool> RenewalReminderRepository::claim(
    qint64 profileId, SeatType seatType, const QDate& renewal, int daysBefore, const QDateTime& now)
{
    auto claimed = m_database.run(
        QStringLiteral("INSERT INTO renewal_reminder (profile_id, seat_type, renewal_date, days_before, "
                       "reminded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        { profileId, SeatTypes::code(seatType), renewal.toString(Qt::ISODate), daysBefore,
            SqlColumns::timeOrNull(now) },
        QCoreApplication::translate(
            "rmsam::RenewalReminderRepository", "Cannot record the renewal reminder."));
    if (!claimed) {
        return claimed.error();
    }
    return claimed.value().numRowsAffected() == 1;
}

} // namespace rmsam
