// ReclamationRepository's settings of a profile: its reclamation rule and its entitlements,
// each written only at the version the writer read.
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"
#include "storage/VersionedRows.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

// A date column: ISO YYYY-MM-DD, or null when the date is not known.
QVariant isoDate(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

EditedRow entitlementRow(qint64 profileId, SeatType seatType)
{
    return { QStringLiteral("entitlement"), QStringLiteral("profile_id = ? AND seat_type = ?"),
        { profileId, SeatTypes::code(seatType) }, profileId, SeatTypes::code(seatType) };
}

} // namespace

Result<ReclamationRule> ReclamationRepository::rule(qint64 profileId)
{
    auto stored = m_database.first(
        QStringLiteral("SELECT threshold_days, roles_in_scope, include_no_activity, grace_days, "
                       "notify_user, notify_days, row_version, reminder_days FROM reclamation_rule "
                       "WHERE profile_id = ?"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the reclamation rule."),
        [profileId](const QSqlQuery& q) {
            ReclamationRule r;
            r.profileId = profileId;
            r.thresholdDays = q.value(0).toInt();
            r.rolesInScope = q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
            r.includeNoActivity = q.value(2).toInt() != 0;
            r.graceDays = q.value(3).toInt();
            r.notifyUser = q.value(4).toInt() != 0;
            r.notifyDays = q.value(5).toInt();
            r.rowVersion = q.value(6).toLongLong();
            r.reminderDays = q.value(7).toInt();
            return r;
        });
    if (!stored) {
        return stored.error();
    }
    ReclamationRule defaults;
    defaults.profileId = profileId;
    return stored.value().value_or(defaults);
}

Result<void> ReclamationRepository::saveRule(const ReclamationRule& r)
{
    if (auto valid = ReclamationRules::check(r); !valid) {
        return valid;
    }
    return writeVersioned(m_database,
        { QStringLiteral("reclamation_rule"), QStringLiteral("profile_id = ?"), { r.profileId }, r.profileId,
            QString::number(r.profileId) },
        r.rowVersion,
        { QStringLiteral("threshold_days"), QStringLiteral("roles_in_scope"),
            QStringLiteral("include_no_activity"), QStringLiteral("grace_days"),
            QStringLiteral("notify_user"), QStringLiteral("notify_days"), QStringLiteral("reminder_days") },
        { r.thresholdDays, r.rolesInScope.join(QLatin1Char(',')), r.includeNoActivity ? 1 : 0, r.graceDays,
            r.notifyUser ? 1 : 0, r.notifyDays, r.reminderDays },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the reclamation rule."));
}

Result<void> ReclamationRepository::ensureRule(qint64 profileId)
{
    ReclamationRule r;
    r.profileId = profileId;
    // Leaves a stored rule alone, whatever its version: nothing is overwritten.
    return m_database.exec(
        QStringLiteral(
            "INSERT INTO reclamation_rule (profile_id, threshold_days, roles_in_scope, "
            "include_no_activity, grace_days, notify_user, notify_days, reminder_days, changed_by, "
            "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO NOTHING"),
        { r.profileId, r.thresholdDays, r.rolesInScope.join(QLatin1Char(',')), r.includeNoActivity ? 1 : 0,
            r.graceDays, r.notifyUser ? 1 : 0, r.notifyDays, r.reminderDays,
            Database::operatingSystemAccount(), SqlColumns::now() },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the reclamation rule."));
}

Result<QList<Entitlement>> ReclamationRepository::entitlements(qint64 profileId)
{
    return m_database.list(
        QStringLiteral("SELECT seat_type, owned, price, period, currency, row_version, term_start, "
                       "renewal_date, notice_days, buffer_percent FROM entitlement WHERE profile_id = ? "
                       "ORDER BY seat_type"),
        { profileId },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read the entitlements."),
        [profileId](const QSqlQuery& q) {
            Entitlement e;
            e.profileId = profileId;
            e.seatType = SeatTypes::fromCode(q.value(0).toString()).value_or(SeatType::CollaboratorType);
            e.owned = q.value(1).toInt();
            e.price = q.value(2).toDouble();
            e.period
                = Entitlements::periodFromCode(q.value(3).toString()).value_or(Entitlement::Period::Year);
            e.currency = q.value(4).toString();
            e.rowVersion = q.value(5).toLongLong();
            e.termStart = QDate::fromString(q.value(6).toString(), Qt::ISODate);
            e.renewal = QDate::fromString(q.value(7).toString(), Qt::ISODate);
            e.noticeDays = q.value(8).toInt();
            e.bufferPercent = q.value(9).toInt();
            return e;
        });
}

Result<void> ReclamationRepository::saveEntitlement(const Entitlement& e)
{
    if (auto valid = Entitlements::check(e); !valid) {
        return valid;
    }
    return writeVersioned(m_database, entitlementRow(e.profileId, e.seatType), e.rowVersion,
        { QStringLiteral("owned"), QStringLiteral("price"), QStringLiteral("period"),
            QStringLiteral("currency"), QStringLiteral("term_start"), QStringLiteral("renewal_date"),
            QStringLiteral("notice_days"), QStringLiteral("buffer_percent") },
        { e.owned, e.price, Entitlements::periodCode(e.period), e.currency, isoDate(e.termStart),
            isoDate(e.renewal), e.noticeDays, e.bufferPercent },
        QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot save the entitlement."));
}

Result<void> ReclamationRepository::removeEntitlement(qint64 profileId, SeatType seatType, qint64 readVersion)
{
    const EditedRow row = entitlementRow(profileId, seatType);
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot remove the entitlement.");
    if (readVersion > 0) {
        auto removed = m_database.run(
            QStringLiteral("DELETE FROM entitlement WHERE %1 AND row_version = ?").arg(row.where),
            SqlValues(row.keys + QVariantList { readVersion }), failure);
        if (!removed) {
            return removed.error();
        }
        return removed.value().numRowsAffected() == 1 ? Result<void>() : staleEdit(m_database, row);
    }
    // Read as none stored: none is still what the writer wants; one stored meanwhile is stale.
    auto stored = m_database.first(QStringLiteral("SELECT 1 FROM entitlement WHERE %1").arg(row.where),
        SqlValues(row.keys), failure, [](const QSqlQuery&) { return true; });
    if (!stored) {
        return stored.error();
    }
    return stored.value() ? Result<void>(staleEdit(m_database, row)) : Result<void>();
}

} // namespace rmsam
