#pragma once

#include "core/Result.h"
#include "core/Subscription.h"

#include <QDate>
#include <QDateTime>

namespace rmsam {

class Database;

// The renewal reminders already given (Renewals::ReminderDays).
class RenewalReminderRepository
{
public:
    explicit RenewalReminderRepository(Database& database);

    // Records that the reminder `daysBefore` the cancel-by date of this renewal is given now:
    // true for the one caller that recorded it, false when it was recorded before (by this
    // process or another one sharing the database).
    Result<bool> claim(
        qint64 profileId, SeatType seatType, const QDate& renewal, int daysBefore, const QDateTime& now);

private:
    Database& m_database;
};

} // namespace rmsam
