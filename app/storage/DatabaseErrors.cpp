#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSqlError>

// What the database's failures say: the driver's text made safe for a detail, a login refused, a
// server gone, another process's lock, a schema newer than this client.

namespace rmsam {
namespace {

// SQLite's extended result codes keep the primary code in the low byte.
constexpr int SqliteBusy = 5;

// The driver's text for a detail or the log. PostgreSQL's text quotes values: a DETAIL line the
// row at fault ("Key (email)=(jane@example.com) already exists"), a LINE excerpt (with its caret
// line) the statement the driver ran, which has the bound values written in. Those go nowhere.
QString driverText(const QSqlError& sqlError)
{
    static const QRegularExpression quoting(QStringLiteral("^(DETAIL:|LINE \\d+:|\\s*\\^\\s*$)"));
    QStringList lines = sqlError.text().split(QLatin1Char('\n'));
    lines.removeIf([](const QString& line) { return quoting.match(line).hasMatch(); });
    return lines.join(QLatin1Char('\n'));
}

// libpq's words for a server that cannot be reached, and for a login it refused (libpq 15, in
// English as the tests and most servers run; a translated libpq falls back to the general message,
// with its own text as the detail).
bool mentionsAny(const QString& text, std::initializer_list<const char*> needles)
{
    for (const char* needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace

Error Database::connectionError(const QString& url, const QSqlError& sqlError)
{
    const QString detail = driverText(sqlError);
    if (mentionsAny(detail,
            { "password authentication failed", "no password supplied", "authentication failed",
                "peer authentication", "no pg_hba.conf entry", "role \"", "certificate" })) {
        return Error { ErrorCode::StorageError,
            QCoreApplication::translate("rmsam::Database",
                "The PostgreSQL server at %1 refused the login. Check the user name in the address, "
                "the password (Settings › Database, `roadmunk-sam database password`, or ~/.pgpass), "
                "and that the server's pg_hba.conf lets this user in.")
                .arg(url),
            detail };
    }
    if (mentionsAny(detail,
            { "Connection refused", "No such file or directory", "could not translate host name",
                "timeout expired", "Network is unreachable", "No route to host", "Is the server running",
                "server closed the connection" })) {
        return Error { ErrorCode::Unreachable,
            QCoreApplication::translate("rmsam::Database",
                "Cannot reach the PostgreSQL server at %1. Check the host and port in the address, "
                "that the server is running, and that no firewall is in the way.")
                .arg(url),
            detail };
    }
    return Error { ErrorCode::StorageError,
        QCoreApplication::translate("rmsam::Database", "Cannot open the PostgreSQL database %1.").arg(url),
        detail };
}

Result<void> Database::newerSchemaError(int version) const
{
    return Error { ErrorCode::StorageError,
        QCoreApplication::translate("rmsam::Database",
            "The database %1 was written by a newer version of Roadmunk SAM (schema %2, this "
            "version knows %3). Update the application.")
            .arg(m_location.backend == DatabaseLocation::Backend::Sqlite
                    ? QDir::toNativeSeparators(m_filePath)
                    : m_filePath,
                QString::number(version), QString::number(Migrations::all().size())),
        {} };
}

Result<void> Database::olderTeamSchemaError(int version)
{
    // Who created the schema owns its tables; they (or a superuser) may change it.
    auto owner
        = first(QStringLiteral("SELECT pg_get_userbyid(c.relowner), pg_has_role(session_user, c.relowner, "
                               "'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                               "FROM pg_class c WHERE c.oid = to_regclass('schema_version')"),
            {}, QCoreApplication::translate("rmsam::Database", "Cannot upgrade the database schema."),
            [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toBool()); });
    if (!owner) {
        return owner.error();
    }
    if (!owner.value() || owner.value()->second) {
        return {};
    }
    return Error { ErrorCode::NotPermitted,
        QCoreApplication::translate("rmsam::Database",
            "The team database %1 has schema %2; this version of Roadmunk SAM needs %3. Only the "
            "schema's administrator (%4) upgrades it: ask them to run \"roadmunk-sam database status\" "
            "with this version once.")
            .arg(m_filePath, QString::number(version), QString::number(Migrations::all().size()),
                owner.value()->first),
        {} };
}

bool Database::lostConnection(const QSqlError& sqlError)
{
    const QString native = sqlError.nativeErrorCode();
    // 08…: connection exceptions; 57P01-57P03: the server shuts down or cannot take connections.
    // A SQLSTATE has five characters; SQLite's numeric codes never match.
    if ((native.size() == 5 && native.startsWith(QLatin1String("08"))) || native == QLatin1String("57P01")
        || native == QLatin1String("57P02") || native == QLatin1String("57P03")) {
        return true;
    }
    // libpq's own words when there is no SQLSTATE, the server being gone (libpq 15, in English).
    return mentionsAny(sqlError.text(),
        { "server closed the connection unexpectedly", "no connection to the server",
            "terminating connection due to administrator command", "connection to server was lost",
            "could not send data to server", "could not receive data from server", "SSL SYSCALL error" });
}

Error Database::storageError(const QString& message, const QSqlError& sqlError, const QString& where)
{
    if (lostConnection(sqlError)) {
        return Error { ErrorCode::Unreachable,
            QCoreApplication::translate("rmsam::Database",
                "%1 The connection to the PostgreSQL database %2 was lost: its server stopped or the "
                "network failed. What was being written was not saved. Run it again when the server is "
                "back; if it stays away, ask the database's administrator.")
                .arg(message,
                    where.isEmpty() ? QCoreApplication::translate("rmsam::Database", "(the team database)")
                                    : where),
            driverText(sqlError) };
    }
    // SQLite gives its result code as a number of at most four digits; PostgreSQL a five-character
    // SQLSTATE (lock_not_available, serialization_failure, deadlock_detected: another client).
    const QString native = sqlError.nativeErrorCode();
    bool numeric = false;
    const int code = native.toInt(&numeric);
    const bool sqliteBusy = numeric && native.size() < 5 && (code & 0xff) == SqliteBusy;
    const bool postgreSqlBusy = native == QLatin1String("55P03") || native == QLatin1String("40001")
        || native == QLatin1String("40P01");
    if (sqliteBusy || postgreSqlBusy) {
        // Not a disk fault: another process kept the write lock past the busy timeout.
        return Error { ErrorCode::Busy,
            QCoreApplication::translate("rmsam::Database",
                "%1 The database is busy with another Roadmunk SAM process (the app, a command or a "
                "scheduled job). Try again when it has finished.")
                .arg(message),
            driverText(sqlError) };
    }
    if (native == QLatin1String("42501")) {
        // insufficient_privilege: the server's grants, or the approver rule's trigger, refused.
        if (sqlError.text().contains(QLatin1String("rmsam approver rule"))) {
            return Error { ErrorCode::NotPermitted,
                QCoreApplication::translate("rmsam::Database",
                    "%1 The database refused by the approver rule: only an approver decides Awaiting "
                    "Approval, and never on a candidate they moved there themselves; another approver "
                    "must decide.")
                    .arg(message),
                driverText(sqlError) };
        }
        return Error { ErrorCode::NotPermitted,
            QCoreApplication::translate("rmsam::Database",
                "%1 The database refused: your team role does not allow it. An owner can grant the role "
                "it needs with: roadmunk-sam team grant.")
                .arg(message),
            driverText(sqlError) };
    }
    return Error { ErrorCode::StorageError, message, driverText(sqlError) };
}

Error Database::statementError(const QString& sql, const QString& failure, const QSqlError& sqlError)
{
    // The SQL has placeholders, not values; the driver's text names a constraint or a column.
    qCDebug(lcStorage).noquote() << "statement failed:" << sql << "--" << driverText(sqlError);
    if (m_location.backend != DatabaseLocation::Backend::PostgreSql) {
        return storageError(failure, sqlError);
    }
    const QString name = threadConnectionName();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    // Qt keeps a connection whose server has gone as open; closed, connection() opens it again.
    // A connection that could not be opened again is as unreachable as the server.
    if (lostConnection(sqlError) || (QSqlDatabase::contains(name) && !db.isOpen())) {
        qCWarning(lcStorage).noquote()
            << "lost the connection to" << m_filePath << "--" << driverText(sqlError);
        db.close();
        QSqlError lost = sqlError;
        if (!lostConnection(lost)) {
            lost = QSqlError(sqlError.driverText(), sqlError.databaseText(), QSqlError::ConnectionError,
                QStringLiteral("08006"));
        }
        return storageError(failure, lost, m_filePath);
    }
    return storageError(failure, sqlError, m_filePath);
}

} // namespace rmsam
