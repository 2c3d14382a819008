#include "storage/UserReportRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace rmsam {

UserReportRepository::UserReportRepository(Database& database)
    : m_database(database)
{ }

Result<void> UserReportRepository::attach(qint64 profileId, const QString& fileName, const QString& encoding,
    const QList<QPair<QString, bool>>& emailsActive)
{
    const QString failure
        = QCoreApplication::translate("rmsam::UserReportRepository", "Cannot attach the User report.");
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto removed = detach(profileId); !removed) {
            return removed;
        }
        if (auto attached = m_database.exec(
                QStringLiteral(
                    "INSERT INTO user_report (profile_id, file_name, encoding, attached_at, row_count) "
                    "VALUES (?, ?, ?, ?, ?)"),
                { profileId, fileName, encoding, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                    int(emailsActive.size()) },
                failure);
            !attached) {
            return attached;
        }
        // The same address twice (in any case) is one user; the parser has rejected conflicts.
        QHash<QString, bool> unique;
        for (const auto& [email, active] : emailsActive) {
            unique.insert(email.trimmed().toCaseFolded(), active);
        }
        auto row = m_database.prepare(
            QStringLiteral("INSERT INTO user_report_row (profile_id, email_key, active) VALUES (?, ?, ?)"),
            failure);
        if (!row) {
            return row.error();
        }
        for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
            if (auto stored = row.value().run({ profileId, it.key(), it.value() ? 1 : 0 }); !stored) {
                return stored;
            }
        }
        return {};
    });
}

Result<std::optional<AttachedReport>> UserReportRepository::current(qint64 profileId)
{
    const QString failure
        = QCoreApplication::translate("rmsam::UserReportRepository", "Cannot read the attached User report.");
    auto attached = m_database.first(
        QStringLiteral(
            "SELECT file_name, encoding, attached_at, row_count FROM user_report WHERE profile_id = ?"),
        { profileId }, failure, [](const QSqlQuery& q) {
            AttachedReport report;
            report.fileName = q.value(0).toString();
            report.encoding = q.value(1).toString();
            report.attachedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
            report.rows = q.value(3).toInt();
            return report;
        });
    if (!attached || !attached.value()) {
        return attached;
    }
    AttachedReport& report = *attached.value();
    auto rows = m_database.list(
        QStringLiteral("SELECT email_key, active FROM user_report_row WHERE profile_id = ?"), { profileId },
        failure,
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toInt() != 0); });
    if (!rows) {
        return rows.error();
    }
    for (const auto& [email, active] : rows.value()) {
        report.activeByEmail.insert(email, active);
        report.activeRows += active;
    }
    return attached;
}

Result<void> UserReportRepository::detach(qint64 profileId)
{
    for (const QString& table : { QStringLiteral("user_report_row"), QStringLiteral("user_report") }) {
        if (auto removed
            = m_database.exec(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(table), { profileId },
                QCoreApplication::translate(
                    "rmsam::UserReportRepository", "Cannot remove the attached User report."));
            !removed) {
            return removed;
        }
    }
    return {};
}

} // namespace rmsam
