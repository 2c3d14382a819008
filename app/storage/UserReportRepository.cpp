#include "storage/UserReportRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace { } // namespace

UserReportRepository::UserReportRepository(Database& database)
    : m_database(database)
{ }

Result<void> UserReportRepository::attach(qint64 profileId, const QString& fileName, const QString& encoding,
    const QList<QPair<QString, bool>>& emailsActive)
{
    QSqlDatabase db = m_database.connection();
    return inTransaction(db, [&]() -> Result<void> {
        if (auto removed = detach(profileId); !removed) {
            return removed;
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO user_report (profile_id, file_name, encoding, attached_at, row_count) "
            "VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(profileId);
        q.addBindValue(fileName);
        q.addBindValue(encoding);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        q.addBindValue(int(emailsActive.size()));
        if (!q.exec()) {
            return Database::storageError(
                QCoreApplication::translate("rmsam::UserReportRepository", "Cannot attach the User report."),
                q.lastError());
        }
        // The same address twice (in any case) is one user; the parser has rejected conflicts.
        QHash<QString, bool> unique;
        for (const auto& [email, active] : emailsActive) {
            unique.insert(email.trimmed().toCaseFolded(), active);
        }
        QSqlQuery row(db);
        row.prepare(
            QStringLiteral("INSERT INTO user_report_row (profile_id, email_key, active) VALUES (?, ?, ?)"));
        for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
            row.addBindValue(profileId);
            row.addBindValue(it.key());
            row.addBindValue(it.value() ? 1 : 0);
            if (!row.exec()) {
                return Database::storageError(QCoreApplication::translate("rmsam::UserReportRepository",
                                                  "Cannot attach the User report."),
                    row.lastError());
            }
        }
        return {};
    });
}

Result<std::optional<AttachedReport>> UserReportRepository::current(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT file_name, encoding, attached_at, row_count FROM user_report WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::UserReportRepository",
                                          "Cannot read the attached User report."),
            q.lastError());
    }
    if (!q.next()) {
        return std::optional<AttachedReport>();
    }
    AttachedReport report;
    report.fileName = q.value(0).toString();
    report.encoding = q.value(1).toString();
    report.attachedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    report.rows = q.value(3).toInt();
    q.prepare(QStringLiteral("SELECT email_key, active FROM user_report_row WHERE profile_id = ?"));
    q.addBindValue(profileId);
    if (!q.exec()) {
        return Database::storageError(QCoreApplication::translate("rmsam::UserReportRepository",
                                          "Cannot read the attached User report."),
            q.lastError());
    }
    while (q.next()) {
        const bool active = q.value(1).toInt() != 0;
        report.activeByEmail.insert(q.value(0).toString(), active);
        report.activeRows += active;
    }
    return std::optional<AttachedReport>(report);
}

Result<void> UserReportRepository::detach(qint64 profileId)
{
    QSqlQuery q(m_database.connection());
    for (const QString& table : { QStringLiteral("user_report_row"), QStringLiteral("user_report") }) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(table));
        q.addBindValue(profileId);
        if (!q.exec()) {
            return Database::storageError(QCoreApplication::translate("rmsam::UserReportRepository",
                                              "Cannot remove the attached User report."),
                q.lastError());
        }
    }
    return {};
}

} // namespace rmsam
