#include "core/Renewal.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace rmsam::Renewals {

QDate cancelBy(const QDate& renewal, int noticeDays)
{
    return renewal.isValid() ? renewal.addDays(-std::max(noticeDays, 0)) : QDate();
}

int recommendedSeats(int activeSeats, int bufferPercent)
{
    const qint64 active = std::max(activeSeats, 0);
    const qint64 percent = std::max(bufferPercent, 0);
    // Integer ceiling: floating point would round 10 % of 10 up to 2.
    return int(active + (active * percent + 99) / 100);
}

double annualSaving(int owned, int recommended, double annualPrice)
{
    return owned > recommended ? (owned - recommended) * annualPrice : 0.0;
}

std::optional<RenewalAdvice> advise(const Entitlement& entitlement, int activeSeats, const QDate& today)
{
    if (!entitlement.renewal.isValid()) {
        return std::nullopt;
    }
    RenewalAdvice a;
    a.seatType = entitlement.seatType;
    a.renewal = entitlement.renewal;
    a.cancelBy = cancelBy(entitlement.renewal, entitlement.noticeDays);
    a.daysUntilCancelBy = today.daysTo(a.cancelBy);
    a.owned = entitlement.owned;
    a.activeSeats = std::max(activeSeats, 0);
    a.recommended = recommendedSeats(a.activeSeats, entitlement.bufferPercent);
    a.annualSaving = annualSaving(a.owned, a.recommended, entitlement.annualPrice());
    a.currency = entitlement.currency;
    return a;
}

QString summary(const RenewalAdvice& a)
{
    const QString date = a.cancelBy.toString(Qt::ISODate);
    const QString when = a.daysUntilCancelBy >= 0
        ? QCoreApplication::translate(
            "rmsam::Renewals", "Cancel by %1 (in %n day(s))", nullptr, int(a.daysUntilCancelBy))
              .arg(date)
        : QCoreApplication::translate(
            "rmsam::Renewals", "Cancel-by date %1 passed %n day(s) ago", nullptr, int(-a.daysUntilCancelBy))
              .arg(date);
    return QCoreApplication::translate(
        "rmsam::Renewals", "%1: recommended %n seat(s), saves %2", nullptr, a.recommended)
        .arg(when, Licenses::moneyText(a.annualSaving, a.currency));
}

std::optional<int> reminderDue(const QDate& cancelBy, const QDate& today)
{
    if (!cancelBy.isValid() || !today.isValid()) {
        return std::nullopt;
    }
    const qint64 left = today.daysTo(cancelBy);
    std::optional<int> due;
    for (int days : ReminderDays) {
        if (left >= 0 && left <= days) {
            due = days; // the list runs from the farthest to the nearest
        }
    }
    return due;
}

QString reminderText(const QString& profileName, const RenewalAdvice& advice)
{
    return QCoreApplication::translate("rmsam::Renewals", "Roadmunk renewal for “%1”, %2 seats: %3")
        .arg(profileName, SeatTypes::displayName(advice.seatType), summary(advice));
}

} // namespace rmsam::Renewals
