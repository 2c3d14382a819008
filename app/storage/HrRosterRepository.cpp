#include "storage/HrRosterRepository.h"

#include "storage/BatchInsert.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSet>

namespace rmsam {
namespace {

QString attachFailure()
{
    return QCoreApplication::translate("rmsam::HrRosterRepository", "Cannot attach the HR roster.");
}

QString readFailure()
{
    return QCoreApplication::translate("rmsam::HrRosterRepository", "Cannot read the attached HR roster.");
}

QString aliasFailure()
{
    return QCoreApplication::translate("rmsam::HrRosterRepository", "Cannot change the roster's aliases.");
}

QString folded(const QString& email)
{
    return email.trimmed().toCaseFolded();
}

QVariant dateOrNull(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

} // namespace

HrRosterRows::HrRosterRows(Database& database, qint64 profileId)
    : m_insert(std::make_unique<BatchInsert>(database, QStringLiteral("hr_roster_row"),
        QStringList { QStringLiteral("profile_id"), QStringLiteral("email_key"),
            QStringLiteral("left_company"), QStringLiteral("end_date") },
        attachFailure()))
{
    m_insert->setRowValues(QStringLiteral("%1, ?, ?, ?").arg(profileId));
}

HrRosterRows::~HrRosterRows() = default;

Result<void> HrRosterRows::add(const QString& emailKey, const RosterEmployee& employee)
{
    return m_insert->add({ emailKey, employee.left ? 1 : 0, dateOrNull(employee.endDate) });
}

Result<void> HrRosterRows::finish()
{
    return m_insert->finish();
}

HrRosterRepository::HrRosterRepository(Database& database)
    : m_database(database)
{ }

Result<void> HrRosterRepository::attach(
    qint64 profileId, const QString& fileName, const ReadRoster& read, const AcceptCoverage& accept)
{
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto removed = m_database.exec(QStringLiteral("DELETE FROM hr_roster_row WHERE profile_id = ?"),
                { profileId }, attachFailure());
            !removed) {
            return removed;
        }
        HrRosterRows rows(m_database, profileId);
        auto summary = read(rows);
        if (!summary) {
            return summary.error();
        }
        if (auto finished = rows.finish(); !finished) {
            return finished;
        }
        auto covered = coverage(profileId);
        if (!covered) {
            return covered.error();
        }
        if (auto accepted = accept(covered.value()); !accepted) {
            return accepted;
        }
        const HrRosterSummary& s = summary.value();
        // An update rather than delete and insert: the change log says "roster replaced".
        return m_database.exec(
            QStringLiteral(
                "INSERT INTO hr_roster (profile_id, file_name, encoding, attached_at, employee_count, "
                "leaver_count) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
                "file_name = excluded.file_name, encoding = excluded.encoding, attached_at = "
                "excluded.attached_at, employee_count = excluded.employee_count, leaver_count = "
                "excluded.leaver_count"),
            { profileId, fileName, s.encoding, SqlColumns::now(), s.employees, s.leavers }, attachFailure());
    });
}

Result<std::optional<AttachedRoster>> HrRosterRepository::current(qint64 profileId, const QStringList& emails)
{
    auto attached = m_database.first(
        QStringLiteral("SELECT file_name, encoding, attached_at, employee_count, leaver_count FROM hr_roster "
                       "WHERE profile_id = ?"),
        { profileId }, readFailure(), [](const QSqlQuery& q) {
            AttachedRoster roster;
            roster.fileName = q.value(0).toString();
            roster.encoding = q.value(1).toString();
            roster.attachedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
            roster.employees = q.value(3).toInt();
            roster.leavers = q.value(4).toInt();
            return roster;
        });
    if (!attached || !attached.value()) {
        return attached;
    }
    auto holders = seatHolders(profileId);
    if (!holders) {
        return holders.error();
    }
    if (auto listed = readListed(profileId, holders.value() + emails, &*attached.value()); !listed) {
        return listed.error();
    }
    return attached;
}

Result<void> HrRosterRepository::readListed(
    qint64 profileId, const QStringList& emails, AttachedRoster* roster)
{
    auto aliasList = aliases(profileId);
    if (!aliasList) {
        return aliasList.error();
    }
    for (const RosterAlias& a : aliasList.value()) {
        roster->aliases.insert(a.userEmail, a.rosterEmail);
    }
    QSet<QString> keys;
    for (const QString& email : emails) {
        keys.insert(roster->rosterKey(email));
    }
    return readEmployees(profileId, QStringList(keys.cbegin(), keys.cend()), roster);
}

Result<QStringList> HrRosterRepository::seatHolders(qint64 profileId)
{
    return m_database.list(QStringLiteral("SELECT DISTINCT email FROM subscription WHERE profile_id = ?"),
        { profileId }, readFailure(), [](const QSqlQuery& q) { return q.value(0).toString(); });
}

Result<RosterCoverage> HrRosterRepository::coverage(qint64 profileId)
{
    auto holders = seatHolders(profileId);
    if (!holders) {
        return holders.error();
    }
    AttachedRoster roster;
    if (auto listed = readListed(profileId, holders.value(), &roster); !listed) {
        return listed.error();
    }
    QSet<QString> seen;
    RosterCoverage coverage;
    for (const QString& email : holders.value()) {
        const QString key = email.trimmed().toCaseFolded();
        if (seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        ++coverage.seatHolders;
        if (roster.employeesByEmail.contains(roster.rosterKey(email))) {
            ++coverage.listed;
        }
    }
    return coverage;
}

Result<void> HrRosterRepository::readEmployees(
    qint64 profileId, const QStringList& keys, AttachedRoster* roster)
{
    auto rows
        = m_database.listByKeys(QStringLiteral("SELECT email_key, left_company, end_date FROM hr_roster_row "
                                               "WHERE profile_id = ? AND email_key IN (%1)"),
            { profileId }, keys, readFailure(), [](const QSqlQuery& q) {
                return std::pair(q.value(0).toString(),
                    RosterEmployee {
                        q.value(1).toInt() != 0, QDate::fromString(q.value(2).toString(), Qt::ISODate) });
            });
    if (!rows) {
        return rows.error();
    }
    for (const auto& [email, employee] : rows.value()) {
        const auto found = roster->employeesByEmail.constFind(email);
        roster->employeesByEmail.insert(email,
            found == roster->employeesByEmail.cend() ? employee : Rosters::merged(found.value(), employee));
    }
    return {};
}

Result<void> HrRosterRepository::detach(qint64 profileId)
{
    for (const QString& table : { QStringLiteral("hr_roster_row"), QStringLiteral("hr_roster") }) {
        if (auto removed
            = m_database.exec(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(table), { profileId },
                QCoreApplication::translate(
                    "rmsam::HrRosterRepository", "Cannot remove the attached HR roster."));
            !removed) {
            return removed;
        }
    }
    return {};
}

Result<void> HrRosterRepository::addAlias(
    qint64 profileId, const QString& userEmail, const QString& rosterEmail)
{
    for (const QString& email : { userEmail, rosterEmail }) {
        const QString e = email.trimmed();
        if (e.isEmpty() || !e.contains(QLatin1Char('@')) || e.contains(QLatin1Char(' '))) {
            return Error { ErrorCode::InvalidInput,
                QCoreApplication::translate("rmsam::HrRosterRepository", "\"%1\" is not an email address.")
                    .arg(e.left(200)),
                {} };
        }
    }
    return m_database.exec(
        QStringLiteral(
            "INSERT INTO hr_roster_alias (profile_id, user_key, roster_key, created_at) VALUES (?, ?, "
            "?, ?) ON CONFLICT (profile_id, user_key) DO UPDATE SET roster_key = excluded.roster_key"),
        { profileId, folded(userEmail), folded(rosterEmail), SqlColumns::now() }, aliasFailure());
}

Result<void> HrRosterRepository::removeAlias(qint64 profileId, const QString& userEmail)
{
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto count = m_database.one(
            QStringLiteral("SELECT COUNT(*) FROM hr_roster_alias WHERE profile_id = ? AND user_key = ?"),
            { profileId, folded(userEmail) }, aliasFailure(),
            [](const QSqlQuery& q) { return q.value(0).toInt(); },
            Error { ErrorCode::StorageError, aliasFailure(), QStringLiteral("no count") });
        if (!count) {
            return count.error();
        }
        if (count.value() == 0) {
            return Error { ErrorCode::NotFound,
                QCoreApplication::translate("rmsam::HrRosterRepository", "There is no roster alias for %1.")
                    .arg(userEmail.trimmed().left(200)),
                {} };
        }
        return m_database.exec(
            QStringLiteral("DELETE FROM hr_roster_alias WHERE profile_id = ? AND user_key = ?"),
            { profileId, folded(userEmail) }, aliasFailure());
    });
}

Result<QList<RosterAlias>> HrRosterRepository::aliases(qint64 profileId)
{
    return m_database.list(
        QStringLiteral(
            "SELECT user_key, roster_key FROM hr_roster_alias WHERE profile_id = ? ORDER BY user_key"),
        { profileId }, readFailure(), [](const QSqlQuery& q) {
            return RosterAlias { q.value(0).toString(), q.value(1).toString() };
        });
}

} // namespace rmsam
