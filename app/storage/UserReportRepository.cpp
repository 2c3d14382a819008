#include "storage/UserReportRepository.h"

#include "storage/BatchInsert.h"
#include "storage/Database.h"
#include "storage/NativeRows.h"

#include <QCoreApplication>
#include <QSet>

namespace rmsam {
namespace {

QString attachFailure()
{
    return QCoreApplication::translate("rmsam::UserReportRepository", "Cannot attach the User report.");
}

// The rows of the report being attached, before they are stored in the key's order.
const QString StagingTable = QStringLiteral("rmsam_report_staging");

QString readFailure()
{
    return QCoreApplication::translate(
        "rmsam::UserReportRepository", "Cannot read the attached User report.");
}

} // namespace

UserReportRows::UserReportRows(Database& database, qint64 profileId)
    : m_database(database)
    , m_profileId(profileId)
{
    const QStringList columns { QStringLiteral("email_key"), QStringLiteral("active") };
    for (auto* insert : { &m_active, &m_inactive }) {
        *insert = std::make_unique<BatchInsert>(database, StagingTable, columns, attachFailure());
    }
    m_active->setRowValues(QStringLiteral("?, 1"));
    m_inactive->setRowValues(QStringLiteral("?, 0"));
}

UserReportRows::~UserReportRows()
{
    m_copy.reset(); // a copy not finished ends first: the connection takes no statement during one
    // Best effort: the table also ends with the connection, or with the transaction rolled back.
    (void)m_database.exec(
        QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_database.temporaryTable(StagingTable)), {},
        attachFailure());
}

Result<void> UserReportRows::start()
{
    // Keyed as user_report_row is, so that the sort below is the order of its key.
    const QString keyType = m_database.backend() == DatabaseLocation::Backend::PostgreSql
        ? QStringLiteral("VARCHAR(320) COLLATE \"C\"")
        : QStringLiteral("TEXT");
    for (const QString& statement :
        { QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_database.temporaryTable(StagingTable)),
            QStringLiteral("CREATE TEMPORARY TABLE %1 (email_key %2 NOT NULL, "
                           "active SMALLINT NOT NULL)")
                .arg(StagingTable, keyType) }) {
        if (auto done = m_database.exec(statement, {}, attachFailure()); !done) {
            return done;
        }
    }
    return startCopy();
}

Result<void> UserReportRows::startCopy()
{
    auto copy = NativeCopy::start(m_database,
        QStringLiteral("COPY %1 (email_key, active) FROM STDIN").arg(StagingTable), attachFailure());
    if (!copy) {
        return copy.error();
    }
    if (copy.value()) {
        m_copy = std::make_unique<NativeCopy>(std::move(*copy.value()));
        m_copied = 0;
    }
    return {};
}

Result<void> UserReportRows::add(const QString& emailKey, bool active)
{
    if (m_copy) {
        const QByteArray key = emailKey.toUtf8();
        if (auto added = m_copy->add({ QUtf8StringView(key), QUtf8StringView(active ? "1" : "0") }); !added) {
            return added;
        }
        // A COPY is one statement, which a server's statement_timeout counts while the report is
        // still being read (from a slow pipe, say): one every RowsPerCopy rows keeps each short.
        if (++m_copied < RowsPerCopy) {
            return {};
        }
        auto copied = endCopy();
        return copied ? startCopy() : copied;
    }
    return (active ? m_active : m_inactive)->add({ emailKey });
}

Result<void> UserReportRows::endCopy()
{
    auto copied = m_copy->finish();
    m_copy.reset();
    return copied;
}

Result<void> UserReportRows::finish()
{
    if (m_copy) {
        if (auto copied = endCopy(); !copied) {
            return copied;
        }
    }
    for (BatchInsert* insert : { m_active.get(), m_inactive.get() }) {
        if (auto sent = insert->finish(); !sent) {
            return sent;
        }
    }
    // In the key's order: each row then goes at the end of the key's B-tree instead of at a random
    // place in it. A user listed twice (the reader has refused two statuses) is stored once.
    return m_database.exec(QStringLiteral("INSERT INTO user_report_row (profile_id, email_key, active) "
                                          "SELECT ?, email_key, active FROM %1 WHERE true ORDER BY email_key "
                                          "ON CONFLICT (profile_id, email_key) DO NOTHING")
                               .arg(StagingTable),
        { m_profileId }, attachFailure());
}

UserReportRepository::UserReportRepository(Database& database)
    : m_database(database)
{ }

Result<void> UserReportRepository::attach(qint64 profileId, const QString& fileName, const ReadReport& read)
{
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto removed = detach(profileId); !removed) {
            return removed;
        }
        UserReportRows rows(m_database, profileId);
        if (auto started = rows.start(); !started) {
            return started;
        }
        auto summary = read(rows);
        if (!summary) {
            return summary.error();
        }
        if (auto finished = rows.finish(); !finished) {
            return finished;
        }
        return m_database.exec(
            QStringLiteral(
                "INSERT INTO user_report (profile_id, file_name, encoding, attached_at, row_count) "
                "VALUES (?, ?, ?, ?, ?)"),
            { profileId, fileName, summary.value().encoding, SqlColumns::now(), summary.value().rows },
            attachFailure());
    });
}

Result<void> UserReportRepository::attach(qint64 profileId, const QString& fileName, const QString& encoding,
    const QList<QPair<QString, bool>>& emailsActive)
{
    return attach(profileId, fileName, [&](UserReportRows& rows) -> Result<UserReportSummary> {
        // The same address twice (in any case) is one user, its last status the one kept.
        QHash<QString, bool> unique;
        for (const auto& [email, active] : emailsActive) {
            unique.insert(email.trimmed().toCaseFolded(), active);
        }
        for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
            if (auto added = rows.add(it.key(), it.value()); !added) {
                return added.error();
            }
        }
        return UserReportSummary { encoding, int(emailsActive.size()) };
    });
}

Result<std::optional<AttachedReport>> UserReportRepository::current(
    qint64 profileId, const QStringList& emails)
{
    auto attached = m_database.first(
        QStringLiteral(
            "SELECT file_name, encoding, attached_at, row_count FROM user_report WHERE profile_id = ?"),
        { profileId }, readFailure(), [](const QSqlQuery& q) {
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
    auto active = m_database.one(
        QStringLiteral("SELECT COUNT(*) FROM user_report_row WHERE profile_id = ? AND active = 1"),
        { profileId }, readFailure(), [](const QSqlQuery& q) { return q.value(0).toInt(); },
        Error { ErrorCode::StorageError, readFailure(), QStringLiteral("no count") });
    if (!active) {
        return active.error();
    }
    report.activeRows = active.value();
    // Only the users asked about are read: a report may list a million.
    auto subscribed = m_database.list(QStringLiteral("SELECT email FROM subscription WHERE profile_id = ?"),
        { profileId }, readFailure(), [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!subscribed) {
        return subscribed.error();
    }
    QSet<QString> keys;
    for (const QString& email : subscribed.value() + emails) {
        keys.insert(email.trimmed().toCaseFolded());
    }
    if (auto read = readStatuses(profileId, QStringList(keys.cbegin(), keys.cend()), &report); !read) {
        return read.error();
    }
    return attached;
}

Result<void> UserReportRepository::readStatuses(
    qint64 profileId, const QStringList& keys, AttachedReport* report)
{
    auto rows = m_database.listByKeys(
        QStringLiteral(
            "SELECT email_key, active FROM user_report_row WHERE profile_id = ? AND email_key IN (%1)"),
        { profileId }, keys, readFailure(),
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toInt() != 0); });
    if (!rows) {
        return rows.error();
    }
    for (const auto& [email, active] : rows.value()) {
        report->activeByEmail.insert(email, active);
    }
    return {};
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
