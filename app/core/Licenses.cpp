// Entitlements and the license position: the seats owned and their price checked, reconciled
// with the seats assigned, and the money figures. Declared in Reclamation.h.

#include "core/Reclamation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace rmsam {

namespace Entitlements {
namespace {

Result<void> checkTerm(const Entitlement& e)
{
    if (e.noticeDays < 0 || e.noticeDays > MaxNoticeDays) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The notice period must be between 0 and %1 days.")
                .arg(MaxNoticeDays),
            {} };
    }
    if (e.bufferPercent < 0 || e.bufferPercent > MaxBufferPercent) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Reclamation", "The buffer must be between 0 and %1 %.")
                .arg(MaxBufferPercent),
            {} };
    }
    if (e.termStart.isValid() && e.renewal.isValid() && e.termStart >= e.renewal) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Reclamation", "The term must start before its renewal date."),
            {} };
    }
    return {};
}

} // namespace

const EnumTable<Entitlement::Period>& periodTable()
{
    // The settings dialog names the periods itself ("year", "month").
    static const EnumTable<Entitlement::Period> periods("rmsam::Entitlements",
        {
            { Entitlement::Period::Month, "month", nullptr },
            { Entitlement::Period::Year, "year", nullptr },
        });
    return periods;
}

QString periodCode(Entitlement::Period period)
{
    return periodTable().code(period);
}

std::optional<Entitlement::Period> periodFromCode(const QString& code)
{
    return periodTable().fromCode(code);
}

Result<void> check(const Entitlement& e)
{
    if (e.owned < 0 || e.owned > 10'000'000) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "Seats owned must be between 0 and 10,000,000."),
            {} };
    }
    if (!(e.price >= 0) || e.price > 1e9) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The price per seat must be a number from 0 to 1,000,000,000."),
            {} };
    }
    static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyCode.match(e.currency).hasMatch()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Reclamation",
                "\"%1\" is not an ISO 4217 currency code; use three capital letters such as USD, EUR or JPY.")
                .arg(e.currency),
            {} };
    }
    return checkTerm(e);
}

} // namespace Entitlements

namespace Licenses {

const EnumTable<LicensePosition::Status>& statusTable()
{
    static const EnumTable<LicensePosition::Status> statuses("rmsam::Reclamation",
        {
            { LicensePosition::Status::NoEntitlement, "no_entitlement",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "No entitlement") },
            { LicensePosition::Status::Compliant, "compliant",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Compliant") },
            { LicensePosition::Status::UnderLicensed, "under_licensed",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Under-licensed") },
            { LicensePosition::Status::OverLicensed, "over_licensed",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Over-licensed") },
        });
    return statuses;
}

QString statusCode(LicensePosition::Status status)
{
    return statusTable().code(status);
}

QString statusDisplayName(LicensePosition::Status status)
{
    return statusTable().displayName(status);
}

namespace {

// Savings are kept at the price and in the currency they were realised at: a later change of the
// entitlement does not re-price or re-label them. Seats reclaimed without a recorded price
// (deactivations recorded before prices were kept, seats closed by hand as reclaimed outside the
// app) are priced at the current entitlement, as they always were.
void addSavings(
    LicensePosition& p, const std::optional<Entitlement>& entitlement, const QList<RealisedPrice>& realised)
{
    p.reclaimedPriced = int(std::min<qsizetype>(realised.size(), p.reclaimedThisYear));
    for (qsizetype i = 0; i < p.reclaimedPriced; ++i) {
        const RealisedPrice& r = realised.at(i);
        if (r.currency == p.currency) {
            p.actualSavingsYtd += r.annualPrice;
        } else {
            p.otherSavingsYtd[r.currency] += r.annualPrice;
        }
    }
    if (entitlement) {
        p.actualSavingsYtd += (p.reclaimedThisYear - p.reclaimedPriced) * entitlement->annualPrice();
    }
}

} // namespace

LicensePosition reconcile(SeatType seatType, int assigned, int stale, int reclaimedThisYear,
    const std::optional<Entitlement>& entitlement, const QList<RealisedPrice>& realised)
{
    LicensePosition p;
    p.seatType = seatType;
    p.assigned = assigned;
    p.stale = stale;
    p.reclaimedThisYear = reclaimedThisYear;
    if (entitlement) {
        p.currency = entitlement->currency;
    }
    addSavings(p, entitlement, realised);
    if (!entitlement) {
        return p;
    }
    const double annual = entitlement->annualPrice();
    p.owned = entitlement->owned;
    p.annualSpend = p.owned * annual;
    p.potentialSavings = stale * annual;
    if (assigned > p.owned) {
        p.status = LicensePosition::Status::UnderLicensed;
        p.trueUpCost = (assigned - p.owned) * annual;
    } else if (assigned < p.owned) {
        p.status = LicensePosition::Status::OverLicensed;
        p.unusedOwned = p.owned - assigned;
    } else {
        p.status = LicensePosition::Status::Compliant;
    }
    return p;
}

QString moneyText(double amount, const QString& currency)
{
    return QStringLiteral("%1 %2").arg(currency, QLocale().toString(amount, 'f', 2));
}

QMap<QString, double> totalByCurrency(
    const QList<LicensePosition>& positions, double LicensePosition::*figure)
{
    QMap<QString, double> totals;
    for (const LicensePosition& p : positions) {
        if (!p.currency.isEmpty()) {
            totals[p.currency] += p.*figure;
        }
    }
    return totals;
}

QMap<QString, double> savingsYtdByCurrency(const LicensePosition& position)
{
    QMap<QString, double> totals = position.otherSavingsYtd;
    if (!position.currency.isEmpty()) {
        totals[position.currency] += position.actualSavingsYtd;
    }
    return totals;
}

QMap<QString, double> savingsYtdByCurrency(const QList<LicensePosition>& positions)
{
    QMap<QString, double> totals;
    for (const LicensePosition& p : positions) {
        const QMap<QString, double> own = savingsYtdByCurrency(p);
        for (auto it = own.cbegin(); it != own.cend(); ++it) {
            totals[it.key()] += it.value();
        }
    }
    return totals;
}

QString moneyText(const QMap<QString, double>& amounts)
{
    QStringList parts;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it) {
        parts.append(moneyText(it.value(), it.key()));
    }
    return parts.join(QLatin1String(" + "));
}

} // namespace Licenses

} // namespace rmsam
