#include "services/AuditReport.h"

#include "core/ChangeLog.h"
#include "core/Reclamation.h"
#include "services/ReclaimJob.h"
#include "storage/ChangeLogRepository.h"
#include "storage/ReclamationRepository.h"

#include <QCoreApplication>
#include <algorithm>

namespace rmsam::AuditReport {
namespace {

QString subject(const QString& table)
{
    static const QHash<QString, const char*> names = {
        { QStringLiteral("integration_profile"), QT_TRANSLATE_NOOP("rmsam::Reports", "Profile") },
        { QStringLiteral("reclamation_rule"), QT_TRANSLATE_NOOP("rmsam::Reports", "Reclamation rule") },
        { QStringLiteral("entitlement"), QT_TRANSLATE_NOOP("rmsam::Reports", "Entitlement") },
        { QStringLiteral("exclusion_rule"), QT_TRANSLATE_NOOP("rmsam::Reports", "Exclusion rule") },
        { QStringLiteral("user_report"), QT_TRANSLATE_NOOP("rmsam::Reports", "User report") },
        { QStringLiteral("hr_roster"), QT_TRANSLATE_NOOP("rmsam::Reports", "HR roster") },
        { QStringLiteral("hr_roster_alias"), QT_TRANSLATE_NOOP("rmsam::Reports", "Roster alias") },
        { QStringLiteral("removal_candidate"), QT_TRANSLATE_NOOP("rmsam::Reports", "Removal candidate") },
        { QStringLiteral("scheduled_job"), QT_TRANSLATE_NOOP("rmsam::Reports", "Scheduled job") },
        { QStringLiteral("job_result"), QT_TRANSLATE_NOOP("rmsam::Reports", "Job run") },
    };
    const char* name = names.value(table);
    return name ? QCoreApplication::translate("rmsam::Reports", name) : table;
}

struct Row
{
    QDateTime at;
    QList<QVariant> values;
};

} // namespace

Result<QList<QList<QVariant>>> rows(Database& database, qint64 profileId)
{
    auto changes = ChangeLogRepository(database).entries(profileId, 0, ChangeLogRepository::Order::Oldest);
    if (!changes) {
        return changes.error();
    }
    auto deactivations = ReclamationRepository(database).auditLog(profileId);
    if (!deactivations) {
        return deactivations.error();
    }
    QList<Row> merged;
    merged.reserve(changes.value().size() + deactivations.value().size());
    for (const ChangeLogEntry& e : changes.value()) {
        if (e.table == QLatin1String("audit_entry")) {
            continue; // the reclaim's own record follows, with the user's address and the detail
        }
        // A deleted profile keeps its id in the log; exclusions are of every profile.
        const QVariant profile = e.profileId == 0 ? QVariant()
            : e.profileName.isEmpty()             ? QVariant(QStringLiteral("#%1").arg(e.profileId))
                                                  : QVariant(e.profileName);
        const QVariant row = e.table == QLatin1String("removal_candidate")
            ? QVariant(candidateNumberText(e.rowKey.toLongLong()))
            : QVariant(e.rowKey);
        merged.append(
            { e.at, { e.at, e.osUser, e.dbRole, e.host, profile, subject(e.table), row, e.summary, {} } });
    }
    for (const AuditEntry& a : deactivations.value()) {
        const QString action
            = QCoreApplication::translate("rmsam::Reports", "%1: %2")
                  .arg(AuditPhases::displayName(a.phase), Reclaim::auditOutcomeDisplayName(a.outcome));
        QString detail = QStringLiteral("%1 (%2)").arg(a.email, a.userId);
        if (!a.detail.isEmpty()) {
            detail += QStringLiteral(": ") + a.detail;
        }
        merged.append({ a.at,
            { a.at, a.actor, QVariant(), QVariant(), a.profileName,
                QCoreApplication::translate("rmsam::Reports", "Deactivation"),
                a.candidateNumber ? QVariant(candidateNumberText(a.candidateNumber)) : QVariant(), action,
                detail } });
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Row& a, const Row& b) { return a.at < b.at; });
    QList<QList<QVariant>> result;
    result.reserve(merged.size());
    for (Row& r : merged) {
        result.append(std::move(r.values));
    }
    return result;
}

} // namespace rmsam::AuditReport
