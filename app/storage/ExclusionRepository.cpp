#include "storage/ExclusionRepository.h"

#include "core/IntegrationProfile.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace { } // namespace

ExclusionRepository::ExclusionRepository(Database& database)
    : m_database(database)
{ }

Result<QList<ExclusionRule>> ExclusionRepository::list()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, kind, value, active FROM exclusion_rule ORDER BY kind, value"))) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot read the exclusion rules."),
            q.lastError());
    }
    QList<ExclusionRule> rules;
    while (q.next()) {
        ExclusionRule r;
        r.id = q.value(0).toLongLong();
        r.kind = q.value(1).toString() == QLatin1String("identifier") ? ExclusionRule::Kind::Identifier
                                                                      : ExclusionRule::Kind::User;
        r.value = q.value(2).toString();
        r.active = q.value(3).toInt() != 0;
        rules.append(r);
    }
    return rules;
}

Result<ExclusionRule> ExclusionRepository::add(ExclusionRule::Kind kind, const QString& value)
{
    auto normalized = Exclusions::normalize(kind, value);
    if (!normalized) {
        return normalized.error();
    }
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE exclusion_rule SET active = 1 WHERE kind = ? AND value = ?"));
    q.addBindValue(Exclusions::kindCode(kind));
    q.addBindValue(normalized.value());
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule."),
            q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        q.prepare(QStringLiteral("INSERT INTO exclusion_rule (kind, value, profile_type, active, created_at) "
                                 "VALUES (?, ?, ?, 1, ?)"));
        q.addBindValue(Exclusions::kindCode(kind));
        q.addBindValue(normalized.value());
        q.addBindValue(kind == ExclusionRule::Kind::Identifier ? QVariant(profileTypeName())
                                                               : QVariant(QMetaType(QMetaType::QString)));
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!q.exec()) {
            return Database::storageError(
                QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule."),
                q.lastError());
        }
    }
    for (const ExclusionRule& r : list().value_or({})) {
        if (r.kind == kind && r.value == normalized.value()) {
            return r;
        }
    }
    return Error { ErrorCode::StorageError,
        QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule."), {} };
}

Result<void> ExclusionRepository::remove(ExclusionRule::Kind kind, const QString& value)
{
    auto normalized = Exclusions::normalize(kind, value);
    if (!normalized) {
        return normalized.error();
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM exclusion_rule WHERE kind = ? AND value = ?"));
    q.addBindValue(Exclusions::kindCode(kind));
    q.addBindValue(normalized.value());
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot delete the exclusion rule."),
            q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::ExclusionRepository", "There is no such exclusion rule."),
            {} };
    }
    return {};
}

Result<void> ExclusionRepository::setActive(qint64 id, bool active)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE exclusion_rule SET active = ? WHERE id = ?"));
    q.addBindValue(active ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule."),
            q.lastError());
    }
    return {};
}

} // namespace rmsam
