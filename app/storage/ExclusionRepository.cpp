#include "storage/ExclusionRepository.h"

#include "core/IntegrationProfile.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace rmsam {

ExclusionRepository::ExclusionRepository(Database& database)
    : m_database(database)
{ }

Result<QList<ExclusionRule>> ExclusionRepository::list()
{
    return m_database.list(
        QStringLiteral("SELECT id, kind, value, active FROM exclusion_rule ORDER BY kind, value"), {},
        QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot read the exclusion rules."),
        [](const QSqlQuery& q) {
            ExclusionRule r;
            r.id = q.value(0).toLongLong();
            r.kind = Exclusions::kindFromCode(q.value(1).toString()).value_or(ExclusionRule::Kind::User);
            r.value = q.value(2).toString();
            r.active = q.value(3).toInt() != 0;
            return r;
        });
}

Result<ExclusionRule> ExclusionRepository::add(ExclusionRule::Kind kind, const QString& value)
{
    auto normalized = Exclusions::normalize(kind, value);
    if (!normalized) {
        return normalized.error();
    }
    const QString failure
        = QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule.");
    auto reactivated
        = m_database.run(QStringLiteral("UPDATE exclusion_rule SET active = 1 WHERE kind = ? AND value = ?"),
            { Exclusions::kindCode(kind), normalized.value() }, failure);
    if (!reactivated) {
        return reactivated.error();
    }
    if (reactivated.value().numRowsAffected() == 0) {
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO exclusion_rule (kind, value, profile_type, active, created_at) "
                           "VALUES (?, ?, ?, 1, ?)"),
            { Exclusions::kindCode(kind), normalized.value(),
                kind == ExclusionRule::Kind::Identifier ? QVariant(profileTypeName())
                                                        : QVariant(QMetaType(QMetaType::QString)),
                SqlColumns::now() },
            failure);
        if (!inserted) {
            return inserted.error();
        }
    }
    for (const ExclusionRule& r : list().value_or({})) {
        if (r.kind == kind && r.value == normalized.value()) {
            return r;
        }
    }
    return Error { ErrorCode::StorageError, failure, {} };
}

Result<void> ExclusionRepository::remove(ExclusionRule::Kind kind, const QString& value)
{
    auto normalized = Exclusions::lookupKey(kind, value);
    if (!normalized) {
        return normalized.error();
    }
    auto removed = m_database.run(QStringLiteral("DELETE FROM exclusion_rule WHERE kind = ? AND value = ?"),
        { Exclusions::kindCode(kind), normalized.value() },
        QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot delete the exclusion rule."));
    if (!removed) {
        return removed.error();
    }
    if (removed.value().numRowsAffected() == 0) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::ExclusionRepository", "There is no such exclusion rule."),
            {} };
    }
    return {};
}

Result<void> ExclusionRepository::setActive(qint64 id, bool active)
{
    return m_database.exec(QStringLiteral("UPDATE exclusion_rule SET active = ? WHERE id = ?"),
        { active ? 1 : 0, id },
        QCoreApplication::translate("rmsam::ExclusionRepository", "Cannot save the exclusion rule."));
}

} // namespace rmsam
