#include "storage/Database.h"

#include "storage/Migrations.h"
#include "storage/TeamSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>
#include <QUuid>
#include <tuple>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcStorage, "rmsam.storage", QtInfoMsg)

namespace rmsam {
namespace {

const QString FileName = QStringLiteral("roadmunk-sam.sqlite");

#ifdef Q_OS_UNIX
constexpr QFile::Permissions PrivateFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions PrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions OthersAny = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
    | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

// Takes the group's and others' permissions away from an existing file or folder.
void makePrivate(const QString& path, QFile::Permissions ownerPermissions)
{
    const QFileInfo info(path);
    if (!info.exists() || !(info.permissions() & OthersAny)) {
        return;
    }
    if (!QFile::setPermissions(path, ownerPermissions)) {
        qCWarning(lcStorage).noquote() << "Cannot make" << path << "private to its owner";
        return;
    }
    qCInfo(lcStorage).noquote() << "Made" << path << "private to its owner; it was readable by other users";
}

// The data folder (0700) and the database files (0600) are private to the user: they hold employee
// data. SQLite gives its -wal, -shm and -journal files the database file's permissions, so the
// database is created 0600 here before SQLite opens it.
void makeDataPrivate(const QString& dataDir, bool folderIsNew, const QString& filePath)
{
    if (folderIsNew) {
        if (!QFile::setPermissions(dataDir, PrivateFolder)) {
            qCWarning(lcStorage).noquote() << "Cannot make" << dataDir << "private to its owner";
        }
    } else if (QFileInfo::exists(filePath)) {
        // A folder an older version made. A folder the user chose that holds nothing of ours yet
        // keeps its permissions: it may be shared on purpose, and the files in it are private.
        makePrivate(dataDir, PrivateFolder);
    }
    if (!QFileInfo::exists(filePath)) {
        QFile file(filePath);
        // Fails harmlessly when another process has just created it.
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, PrivateFile)) {
            file.close();
        }
    }
    for (const char* suffix : { "", "-wal", "-shm", "-journal" }) {
        makePrivate(filePath + QLatin1String(suffix), PrivateFile);
    }
}
#endif

} // namespace

Result<std::unique_ptr<Database>> Database::openPostgreSql(DatabaseLocation location, const Options& options)
{
    const QString url = location.display();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Error { ErrorCode::StorageError,
            QCoreApplication::translate("rmsam::Database",
                "Cannot open the PostgreSQL database %1: this installation has no PostgreSQL driver "
                "for Qt. Install the package libqt6sql6-psql (Debian, Ubuntu) or your system's Qt 6 "
                "PostgreSQL driver.")
                .arg(url),
            QStringLiteral("QPSQL not in %1").arg(QSqlDatabase::drivers().join(QLatin1Char(' '))) };
    }
    std::unique_ptr<Database> database(new Database(std::move(location), url, options));
    // This thread's connection, opened here so that its error (login, reach, settings) is returned
    // as it is rather than read back from the driver.
    if (auto opened = database->openConnection(database->threadConnectionName()); !opened) {
        return opened.error();
    }
    if (auto migrated = database->migrate(); !migrated) {
        return migrated.error();
    }
    return database;
}

Result<Database::Probe> Database::probe(const QString& url, const QString& password)
{
    auto location = DatabaseLocation::parse(url);
    if (!location) {
        return location.error();
    }
    if (location.value().backend != DatabaseLocation::Backend::PostgreSql) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Database", "Enter a PostgreSQL address that starts with postgresql://."),
            {} };
    }
    Options options;
    options.password = password;
    // Not open(): a connection test must not create or upgrade a schema.
    std::unique_ptr<Database> database(new Database(location.value(), location.value().display(), options));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return openPostgreSql(std::move(location).value(), options).error(); // its driver message
    }
    const QString name = database->threadConnectionName();
    if (auto opened = database->openConnection(name); !opened) {
        return opened.error();
    }
    Probe found;
    found.supportedVersion = int(Migrations::all().size());
    const QString failure
        = QCoreApplication::translate("rmsam::Database", "Cannot read the PostgreSQL database %1.")
              .arg(database->filePath());
    auto facts = database->first(QStringLiteral("SELECT current_setting('server_version'), current_user, "
                                                "to_regclass('schema_version') IS NOT NULL"),
        {}, failure, [](const QSqlQuery& q) {
            return std::tuple(q.value(0).toString(), q.value(1).toString(), q.value(2).toBool());
        });
    if (!facts) {
        return facts.error();
    }
    if (facts.value()) {
        const auto& [version, user, hasSchema] = *facts.value();
        found.serverVersion = version;
        found.user = user;
        found.schemaVersion = hasSchema ? database->schemaVersion() : 0;
    }
    return found;
}

Database::Database(DatabaseLocation location, QString filePath, Options options)
    : m_location(std::move(location))
    , m_filePath(std::move(filePath))
    , m_options(options)
    , m_connectionPrefix(QStringLiteral("rmsam-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    // removeDatabase() closes each connection; asking for another thread's connection here
    // would only draw a warning.
    for (const QString& name : std::as_const(m_connectionNames)) {
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString& dataDirOrUrl)
{
    return open(dataDirOrUrl, Options {});
}

Result<std::unique_ptr<Database>> Database::open(const QString& dataDirOrUrl, const Options& options)
{
    auto location = DatabaseLocation::parse(dataDirOrUrl);
    if (!location) {
        return location.error();
    }
    if (location.value().backend == DatabaseLocation::Backend::PostgreSql) {
        return openPostgreSql(std::move(location).value(), options);
    }
    const QString& dataDir = dataDirOrUrl;
    const bool folderIsNew = !QFileInfo::exists(dataDir);
    if (!QDir().mkpath(dataDir)) {
        return Error { ErrorCode::StorageError,
            QCoreApplication::translate("rmsam::Database",
                "Cannot create the data folder %1. Check that it is writable, or choose another "
                "with --data-dir.")
                .arg(QDir::toNativeSeparators(dataDir)),
            {} };
    }
    if (auto local = checkLocation(dataDir, QStorageInfo(dataDir).fileSystemType()); !local) {
        return local.error();
    }
    const QString filePath = QDir(dataDir).absoluteFilePath(FileName);
#ifdef Q_OS_UNIX
    makeDataPrivate(dataDir, folderIsNew, filePath);
#else
    Q_UNUSED(folderIsNew) // the per-user AppData folder is private through its ACLs
#endif
    std::unique_ptr<Database> database(new Database(std::move(location).value(), filePath, options));
    QSqlDatabase db = database->connection();
    if (!db.isOpen()) {
        return Error { ErrorCode::StorageError,
            QCoreApplication::translate("rmsam::Database",
                "Cannot open the database %1. Check that the folder is writable and not on a full "
                "disk.")
                .arg(QDir::toNativeSeparators(database->filePath())),
            db.lastError().text() };
    }
    if (auto migrated = database->migrate(); !migrated) {
        return migrated.error();
    }
    if (auto recorded = database->recordClientIdentity(); !recorded) {
        return recorded.error();
    }
    return database;
}

QString Database::operatingSystemAccount()
{
    QString name;
#ifdef Q_OS_UNIX
    // The account the process runs as, rather than what the environment claims.
    if (const passwd* account = ::getpwuid(::geteuid()); account && account->pw_name) {
        name = QString::fromLocal8Bit(account->pw_name);
    }
#endif
    for (const char* variable : { "USER", "LOGNAME", "USERNAME" }) {
        if (name.isEmpty()) {
            name = qEnvironmentVariable(variable);
        }
    }
    return name.isEmpty() ? QStringLiteral("?") : name.left(200);
}

QString Database::hostName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("?") : host.left(255);
}

Result<void> Database::recordClientIdentity()
{
    // SQLite's change-log triggers read who and where from client_identity: the file is one
    // admin's, so one row serves every connection. Written only when it differs, so an open that
    // finds it current takes no write lock.
    if (m_location.backend != DatabaseLocation::Backend::Sqlite) {
        return {};
    }
    const QString failure = QCoreApplication::translate("rmsam::Database", "Cannot configure the database.");
    const QString user = operatingSystemAccount();
    const QString host = hostName();
    auto current = first(QStringLiteral("SELECT os_user, host FROM client_identity WHERE id = 1"), {},
        failure, [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toString()); });
    if (!current) {
        return current.error();
    }
    if (current.value() && current.value()->first == user && current.value()->second == host) {
        return {};
    }
    return inTransaction(connection(), [&] {
        return exec(
            QStringLiteral("INSERT INTO client_identity (id, os_user, host) VALUES (1, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET os_user = excluded.os_user, host = excluded.host"),
            { user, host }, failure);
    });
}

Result<void> Database::checkLocation(const QString& dataDir, const QByteArray& fileSystemType)
{
    // SQLite's locking and WAL need a local file system: on a network share two computers can
    // corrupt the database, and the audit log's durability is not what it claims.
    static const QList<QByteArray> networkTypes
        = { "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs", "fuse.sshfs",
              "sshfs", "9p", "afs", "ncpfs", "fuse.rclone", "ceph", "glusterfs", "fuse.glusterfs" };
    const QString native = QDir::toNativeSeparators(QDir(dataDir).absolutePath());
    const bool unc = native.startsWith(QLatin1String("\\\\")) || native.startsWith(QLatin1String("//"));
    if (unc || networkTypes.contains(fileSystemType.toLower())) {
        return Error { ErrorCode::StorageError,
            QCoreApplication::translate("rmsam::Database",
                "The data folder %1 is on a network share (%2). Roadmunk SAM keeps its database only on a "
                "local disk, where it can guarantee that nothing is lost or half-written; choose a local "
                "folder with --data-dir.")
                .arg(native, unc ? QStringLiteral("UNC path") : QString::fromLatin1(fileSystemType)),
            {} };
    }
    return {};
}

QString Database::threadConnectionName() const
{
    return QStringLiteral("%1-%2")
        .arg(m_connectionPrefix)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

QSqlDatabase Database::connection()
{
    const QString name = threadConnectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        // Closed when its server went away (statementError): a new session, with its settings.
        if (!db.isOpen() && m_location.backend == DatabaseLocation::Backend::PostgreSql) {
            if (auto reopened = openPostgreSqlConnection(db); !reopened) {
                qCWarning(lcStorage).noquote() << reopened.error().detail;
            } else {
                qCInfo(lcStorage).noquote() << "reconnected to" << m_filePath;
            }
        }
        return db;
    }
    if (auto opened = openConnection(name); !opened) {
        qCWarning(lcStorage) << opened.error().detail;
    }
    return QSqlDatabase::database(name, false);
}

bool Database::hasThreadConnection() const
{
    return QSqlDatabase::contains(threadConnectionName());
}

void Database::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.removeAll(name);
    }
    QSqlDatabase::removeDatabase(name);
}

Result<void> Database::openConnection(const QString& name)
{
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.append(name);
    }
    const bool postgreSql = m_location.backend == DatabaseLocation::Backend::PostgreSql;
    QSqlDatabase db
        = QSqlDatabase::addDatabase(postgreSql ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    auto opened = postgreSql ? openPostgreSqlConnection(db) : openSqliteConnection(db);
    if (opened) {
        qCDebug(lcStorage) << "opened connection" << name << "to" << m_filePath;
    }
    return opened;
}

Result<void> Database::openSqliteConnection(QSqlDatabase& db)
{
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (!db.open()) {
        return storageError(
            QCoreApplication::translate("rmsam::Database", "Cannot open the database."), db.lastError());
    }
    QSqlQuery pragma(db);
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        // A sync stages 100k users in a temporary table: a cache of up to 64 MB of its own keeps
        // them in memory. Not temp_store=MEMORY: with it SQLite's sorter (an ORDER BY) allocates
        // every row on its own instead of working in blocks; an export of 100k rows took 10 %
        // longer, and a 100k sync was no faster (issue 15).
        QStringLiteral("PRAGMA temp.cache_size=-65536"),
    };
    for (const QString& statement : pragmas) {
        if (!pragma.exec(statement)) {
            return storageError(
                QCoreApplication::translate("rmsam::Database", "Cannot configure the database."),
                pragma.lastError());
        }
    }
    return {};
}

Result<void> Database::openPostgreSqlConnection(QSqlDatabase& db)
{
    // Parts left empty come from libpq's environment (PGHOST, PGSERVICE…) and ~/.pgpass.
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setUserName(m_location.user);
    db.setDatabaseName(m_location.database);
    db.setConnectOptions(m_location.connectOptions());
    if (!m_options.password.isEmpty()) {
        db.setPassword(m_options.password);
    }
    if (!db.open()) {
        return connectionError(m_filePath, db.lastError());
    }
    // The session's settings, bound rather than spliced. Waiting for another client's lock is
    // bounded as SQLite's busy timeout bounds it; past it the statement fails with
    // lock_not_available, which storageError() reports as Busy. The server's notices (a grant
    // that was already there) are not for the admin's terminal. The change notifications carry
    // rmsam.client, so a client can tell its own changes apart; the change-log triggers record
    // rmsam.os_user and rmsam.host, what the client says, next to session_user (whom the
    // server let in).
    QSqlQuery setting(db);
    setting.prepare(
        QStringLiteral("SELECT set_config('lock_timeout', ?, false), "
                       "set_config('client_min_messages', 'warning', false), "
                       "set_config('rmsam.client', ?, false), set_config('rmsam.os_user', ?, false), "
                       "set_config('rmsam.host', ?, false)"));
    for (const QString& value :
        { QString::number(m_options.busyTimeoutMs), clientId(), operatingSystemAccount(), hostName() }) {
        setting.addBindValue(value);
    }
    if (!setting.exec()) {
        return storageError(QCoreApplication::translate("rmsam::Database", "Cannot configure the database."),
            setting.lastError());
    }
    return {};
}

void Database::setFullSync(bool full)
{
    if (m_location.backend != DatabaseLocation::Backend::Sqlite) {
        return; // PostgreSQL's commits are durable already (synchronous_commit)
    }
    QSqlQuery pragma(connection());
    // Not allowed inside a transaction; a failure leaves the usual setting, as before.
    pragma.exec(
        full ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"));
}

QDateTime Database::currentTime()
{
    if (backend() == DatabaseLocation::Backend::PostgreSql) {
        auto millis
            = first(QStringLiteral("SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"), {},
                QStringLiteral("Cannot read the database server's time."),
                [](const QSqlQuery& q) { return q.value(0).toLongLong(); });
        if (millis && millis.value()) {
            return QDateTime::fromMSecsSinceEpoch(*millis.value(), Qt::UTC);
        }
    }
    return QDateTime::currentDateTimeUtc();
}

int Database::schemaVersion()
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return 0;
}

Result<void> Database::migrate()
{
    const QList<Migration> migrations = Migrations::all();
    const int latest = int(migrations.size());
    // Most opens find the schema current; they need no write lock.
    const bool postgreSql = m_location.backend == DatabaseLocation::Backend::PostgreSql;
    const int seen = schemaVersion();
    if (seen >= latest) {
        return seen > latest ? newerSchemaError(seen) : Result<void>();
    }
    // A team member may not change the schema: only its administrator upgrades it.
    if (postgreSql && seen > 0) {
        if (auto refused = olderTeamSchemaError(seen); !refused) {
            return refused;
        }
    }
    // Several processes may start at once on a new data folder. Each waits for the write lock
    // and reads the version again under it, so exactly one of them migrates and the others find
    // the schema current. SQLite's DDL is transactional: a failed step leaves the old schema.
    QSqlDatabase db = connection();
    int from = latest;
    auto migrated = inTransaction(db, [&]() -> Result<void> {
        // PostgreSQL's BEGIN takes no lock: the advisory lock makes the other clients wait here,
        // before they create or read anything.
        if (postgreSql) {
            if (auto locked
                = exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { qint64(MigrationLockKey) },
                    QCoreApplication::translate("rmsam::Database", "Cannot prepare the database schema."));
                !locked) {
                return locked;
            }
        }
        if (auto prepared
            = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"), {},
                QCoreApplication::translate("rmsam::Database", "Cannot prepare the database schema."));
            !prepared) {
            return prepared;
        }
        const int current = schemaVersion();
        if (current >= latest) {
            return current > latest ? newerSchemaError(current) : Result<void>(); // another process did it
        }
        from = current;
        const QString failure
            = QCoreApplication::translate("rmsam::Database", "Cannot upgrade the database schema.");
        for (int version = current + 1; version <= latest; ++version) {
            const Migration& migration = migrations.at(version - 1);
            for (QString statement :
                migration.statements + (postgreSql ? migration.postgresqlOnly : migration.sqliteOnly)) {
                // SQLite's INTEGER PRIMARY KEY is its 64-bit rowid; REAL is 8 bytes in SQLite, 4 in
                // PostgreSQL.
                statement.replace(QLatin1String("{id}"),
                    postgreSql ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                               : QLatin1String("INTEGER PRIMARY KEY"));
                statement.replace(QLatin1String("{real}"),
                    postgreSql ? QLatin1String("DOUBLE PRECISION") : QLatin1String("REAL"));
                if (auto upgraded = exec(statement, {}, failure); !upgraded) {
                    return upgraded;
                }
            }
        }
        if (postgreSql) {
            // Members' rights come from grants per table: a step that added tables grants on them.
            if (auto granted = TeamSchema(*this).applyGrantsIfInitialized(); !granted) {
                return granted;
            }
        }
        if (auto cleared = exec(QStringLiteral("DELETE FROM schema_version"), {}, failure); !cleared) {
            return cleared;
        }
        return exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), { latest }, failure);
    });
    if (!migrated) {
        return migrated;
    }
    for (int version = from + 1; version <= latest; ++version) {
        qCInfo(lcStorage) << "migrated schema to version" << version << migrations.at(version - 1).name;
    }
    return {};
}

} // namespace rmsam
