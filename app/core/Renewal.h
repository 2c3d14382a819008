#pragma once

#include "core/Reclamation.h"

#include <QDate>
#include <QString>
#include <optional>

namespace rmsam {

namespace Renewals {
// The last day a reduction can be requested.
QDate cancelBy(const QDate& renewal, int noticeDays);
// Seats to renew: those in use plus bufferPercent of them, rounded up (no seat is ever split).
int recommendedSeats(int activeSeats, int bufferPercent);
// (owned − recommended) × annual price; never below 0 (a renewal that needs more saves nothing).
double annualSaving(int owned, int recommended, double annualPrice);
// None without a renewal date. activeSeats: seat holders of the seat type less the open removal
// candidates among them.
std::optional<RenewalAdvice> advise(const Entitlement& entitlement, int activeSeats, const QDate& today);
// "Cancel by 2027-03-02 (in 92 days): recommended 18 seats, saves USD 1,200.00"
QString summary(const RenewalAdvice& advice);

// The admin is reminded this many days before a cancel-by date, once each.
inline constexpr int ReminderDays[] = { 60, 30, 7 };
// The reminder due on `today`: the nearest of ReminderDays at or above the days left (25 days
// left: the 30-day one), so a reminder missed while the app was closed is not sent late as an
// earlier one. None once the date has passed, or while it is more than 60 days away.
std::optional<int> reminderDue(const QDate& cancelBy, const QDate& today);
// "Renewal of Roadmunk (Collaborator-type seats) for “Sales”: Cancel by …"
QString reminderText(const QString& profileName, const RenewalAdvice& advice);
} // namespace Renewals

} // namespace rmsam
