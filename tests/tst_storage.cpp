#include "core/ProfileRules.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/Migrations.h"
#include "storage/ProfileRepository.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace rmsam;

namespace {

#ifdef Q_OS_UNIX
// The permission bits of a file or folder, or -1 when it does not exist.
int modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

// Sets the process umask for the life of this object.
class ScopedUmask
{
public:
    explicit ScopedUmask(mode_t mask)
        : m_previous(::umask(mask))
    { }
    ~ScopedUmask() { ::umask(m_previous); }
    Q_DISABLE_COPY_MOVE(ScopedUmask)

private:
    mode_t m_previous;
};
#endif

const QStringList DatabaseFileSuffixes
    = { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") };

// Collects what rmsam.storage logs, debug included, while it lives.
class StorageLog
{
public:
    StorageLog()
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("rmsam.storage.debug=true"));
        m_previous = qInstallMessageHandler(&StorageLog::collect);
    }
    ~StorageLog()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    Q_DISABLE_COPY_MOVE(StorageLog)

    QString text() const { return s_lines.join(QLatin1Char('\n')); }

private:
    static void collect(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        if (QLatin1String(context.category) == QLatin1String("rmsam.storage")) {
            s_lines.append(message);
        }
    }

    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private:
    IntegrationProfile draft(const QString& name)
    {
        return ProfileRules::makeDraft(name, Region::Europe, QDate(2026, 11, 28));
    }

private slots:
    void opensWithWalAndCurrentSchema()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("nested/data")));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), int(Migrations::all().size()));
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::BusyTimeoutMs);
    }

    void profileRoundTrip()
    {
        QTemporaryDir dir;
        qint64 id = 0;
        IntegrationProfile original = draft(QStringLiteral("東京 Roadmunk"));
        original.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:4000/public/graphql"));
        original.downloadActivity = false;
        original.reclaimSubscriptions = false;
        ProfileRules::markValidated(original, QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC));
        original.tokenSetAt = QDateTime(QDate(2026, 10, 31), QTime(9, 30), Qt::UTC);
        {
            auto db = Database::open(dir.path());
            QVERIFY(db);
            ProfileRepository repo(*db.value());
            auto created = repo.create(original);
            QVERIFY(created);
            id = created.value().id;
            QVERIFY(id > 0);
        }
        // Reopening the file finds the same profile.
        auto db = Database::open(dir.path());
        QVERIFY(db);
        ProfileRepository repo(*db.value());
        auto found = repo.find(id);
        QVERIFY(found);
        const IntegrationProfile& p = found.value();
        QCOMPARE(p.displayName, original.displayName);
        QCOMPARE(p.region, Region::Europe);
        QCOMPARE(p.endpointOverride, original.endpointOverride);
        QCOMPARE(p.tokenKey, original.tokenKey);
        QCOMPARE(p.downloadActivity, false);
        QCOMPARE(p.reclaimSubscriptions, false);
        QCOMPARE(p.analyzeActivityFrom, original.analyzeActivityFrom);
        QCOMPARE(p.validatedAt, original.validatedAt);
        QCOMPARE(p.tokenSetAt, original.tokenSetAt);
        QVERIFY(p.createdAt.isValid());
        QCOMPARE(repo.findByReference(QStringLiteral("東京 roadmunk")).value().id, id);
        QCOMPARE(repo.findByReference(QString::number(id)).value().id, id);
        QCOMPARE(repo.findByReference(QStringLiteral("nope")).error().code, ErrorCode::NotFound);
    }

    void namesAreUniqueIgnoringCase()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        ProfileRepository repo(*db.value());
        QVERIFY(repo.create(draft(QStringLiteral("Acme"))));
        auto clash = repo.create(draft(QStringLiteral("ACME")));
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        QCOMPARE(repo.list().value().size(), 1);
    }

    void updateAndRemove()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        ProfileRepository repo(*db.value());
        IntegrationProfile p = repo.create(draft(QStringLiteral("A"))).value();
        QVERIFY(repo.create(draft(QStringLiteral("B"))));
        p.displayName = QStringLiteral("b");
        QCOMPARE(repo.update(p).error().code, ErrorCode::Conflict);
        p.displayName = QStringLiteral("C");
        p.region = Region::AsiaPacific;
        QVERIFY(repo.update(p));
        QCOMPARE(repo.find(p.id).value().region, Region::AsiaPacific);
        QVERIFY(repo.remove(p.id));
        QCOMPARE(repo.remove(p.id).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.list().value().size(), 1);
    }

    void publishIsOneTransaction()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        ProfileRepository repo(*db.value());
        IntegrationProfile p = draft(QStringLiteral("P"));
        ProfileRules::markValidated(p, QDateTime::currentDateTimeUtc());
        p = repo.create(p).value();

        PublishPlan failing;
        failing.addStep(
            QStringLiteral("writes then fails"), [&](const IntegrationProfile& published) -> Result<void> {
                IntegrationProfile renamed = published;
                renamed.displayName = QStringLiteral("half-done");
                if (auto u = repo.update(renamed); !u) {
                    return u;
                }
                return Error { ErrorCode::StorageError, QStringLiteral("step failed"), {} };
            });
        QVERIFY(!repo.publish(p.id, failing, QDateTime::currentDateTimeUtc()));
        IntegrationProfile after = repo.find(p.id).value();
        QCOMPARE(after.status, ProfileStatus::Draft);
        QCOMPARE(after.displayName, QStringLiteral("P")); // the step's write was rolled back

        auto published = repo.publish(p.id, PublishPlan(), QDateTime::currentDateTimeUtc());
        QVERIFY(published);
        QCOMPARE(repo.find(p.id).value().status, ProfileStatus::Published);
        QVERIFY(repo.find(p.id).value().publishedAt.isValid());
        QCOMPARE(repo.publish(p.id, PublishPlan(), QDateTime::currentDateTimeUtc()).error().code,
            ErrorCode::InvalidState);
    }

    void eachThreadHasItsOwnConnection()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        Database& database = *db.value();
        ProfileRepository repo(database);
        QVERIFY(repo.create(draft(QStringLiteral("main thread"))));
        const QString mainName = database.connection().connectionName();

        QString threadName;
        int seen = -1;
        QThread* worker = QThread::create([&] {
            ProfileRepository threadRepo(database);
            threadName = database.connection().connectionName();
            seen = int(threadRepo.list().value().size());
            QVERIFY(threadRepo.create(draft(QStringLiteral("worker thread"))));
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(seen, 1);
        QVERIFY(!threadName.isEmpty());
        QVERIFY(threadName != mainName);
        QCOMPARE(repo.list().value().size(), 2);
    }

    // A failed statement is the storage error in the caller's words, with the driver's text as
    // its detail; the values bound to it (e-mail addresses) are neither in the error nor in the
    // log, whether the statement failed to prepare or to run.
    void aFailedStatementNamesItsPurposeNotItsValues()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        QVERIFY(db);
        Database& database = *db.value();
        const QString email = QStringLiteral("jane.roe@example.com");
        const QString purpose = QStringLiteral("Cannot store the people.");
        QVERIFY(database.exec(
            QStringLiteral("CREATE TEMP TABLE person (email TEXT NOT NULL UNIQUE)"), {}, purpose));
        QVERIFY(database.exec(QStringLiteral("INSERT INTO person (email) VALUES (?)"), { email }, purpose));

        const StorageLog log;
        auto duplicate
            = database.exec(QStringLiteral("INSERT INTO person (email) VALUES (?)"), { email }, purpose);
        auto unknownTable = database.run(QStringLiteral("SELECT email FROM nobody WHERE email = :e"),
            { { QStringLiteral(":e"), email } }, purpose);
        auto insert = database.prepare(QStringLiteral("INSERT INTO person (email) VALUES (?)"), purpose);
        QVERIFY(insert);
        QVERIFY(insert.value().run({ QStringLiteral("john.doe@example.com") }));
        auto again = insert.value().run({ email });
        for (const Error* e : { duplicate.failure(), unknownTable.failure(), again.failure() }) {
            QVERIFY(e);
            QCOMPARE(e->code, ErrorCode::StorageError);
            QCOMPARE(e->message, purpose);
            QVERIFY(!e->detail.isEmpty());
            QVERIFY2(!e->detail.contains(email), qPrintable(e->detail));
        }
        QVERIFY2(
            duplicate.error().detail.contains(QLatin1String("UNIQUE")), qPrintable(duplicate.error().detail));
        QVERIFY2(unknownTable.error().detail.contains(QLatin1String("nobody")),
            qPrintable(unknownTable.error().detail));
        // The debug log names the statement and the driver's complaint, never a value.
        QVERIFY2(log.text().contains(QLatin1String("FROM nobody")), qPrintable(log.text()));
        QVERIFY2(!log.text().contains(QLatin1String("example.com")), qPrintable(log.text()));
        // The statement that failed once still runs with other values.
        QVERIFY(insert.value().run({ QStringLiteral("third@example.com") }));
        QCOMPARE(database
                     .one(
                         QStringLiteral("SELECT COUNT(*) FROM person"), {}, purpose,
                         [](const QSqlQuery& q) { return q.value(0).toInt(); },
                         Error { ErrorCode::NotFound, {}, {} })
                     .value(),
            3);
    }

    // first(): the row or nothing; one(): the row or the caller's not-found error.
    void oneRowOrNotFound()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        QVERIFY(db);
        Database& database = *db.value();
        const QString purpose = QStringLiteral("Cannot read the letters.");
        QVERIFY(database.exec(
            QStringLiteral("CREATE TEMP TABLE letter (id INTEGER PRIMARY KEY, name TEXT)"), {}, purpose));
        QVERIFY(database.exec(
            QStringLiteral("INSERT INTO letter (id, name) VALUES (1, 'a'), (2, 'b')"), {}, purpose));
        const auto name = [](const QSqlQuery& q) { return q.value(0).toString(); };
        const auto letter = [&](qint64 id) {
            return database.one(QStringLiteral("SELECT name FROM letter WHERE id = ?"), { id }, purpose, name,
                Error { ErrorCode::NotFound, QStringLiteral("No letter %1.").arg(id), {} });
        };

        QCOMPARE(letter(2).value(), QStringLiteral("b"));
        auto absent = letter(9);
        QVERIFY(!absent);
        QCOMPARE(absent.error().code, ErrorCode::NotFound);
        QCOMPARE(absent.error().message, QStringLiteral("No letter 9."));

        auto first = database.first(QStringLiteral("SELECT name FROM letter WHERE id >= :from ORDER BY id"),
            { { QStringLiteral(":from"), 1 } }, purpose, name);
        QVERIFY(first);
        QCOMPARE(first.value(), std::optional(QStringLiteral("a")));
        auto nothing
            = database.first(QStringLiteral("SELECT name FROM letter WHERE id > ?"), { 2 }, purpose, name);
        QVERIFY(nothing);
        QVERIFY(!nothing.value());

        // A failure is the statement's error, not "not found".
        auto broken = database.one(QStringLiteral("SELECT nam FROM letter WHERE id = ?"), { 1 }, purpose,
            name, Error { ErrorCode::NotFound, {}, {} });
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::StorageError);
        QCOMPARE(broken.error().message, purpose);
    }

    // list(): every row through the mapping, in the statement's order; none is an empty list.
    void rowsIntoAList()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        QVERIFY(db);
        Database& database = *db.value();
        const QString purpose = QStringLiteral("Cannot read the seats.");
        QVERIFY(database.exec(
            QStringLiteral("CREATE TEMP TABLE seat (id INTEGER PRIMARY KEY, holder TEXT, held INTEGER)"), {},
            purpose));
        auto insert
            = database.prepare(QStringLiteral("INSERT INTO seat (holder, held) VALUES (?, ?)"), purpose);
        QVERIFY(insert);
        for (const auto& [holder, held] : { std::pair(QStringLiteral("ann"), 1),
                 std::pair(QStringLiteral("bob"), 0), std::pair(QStringLiteral("cy"), 1) }) {
            QVERIFY(insert.value().run({ holder, held }));
        }
        QCOMPARE(insert.value().query().lastInsertId().toInt(), 3);

        struct Seat
        {
            QString holder;
            bool held;
        };
        const auto seats = [&](int held) {
            return database.list(
                QStringLiteral("SELECT holder, held FROM seat WHERE held = :held ORDER BY id DESC"),
                { { QStringLiteral(":held"), held } }, purpose, [](const QSqlQuery& q) {
                    return Seat { q.value(0).toString(), q.value(1).toInt() != 0 };
                });
        };
        auto held = seats(1);
        QVERIFY(held);
        QCOMPARE(held.value().size(), 2);
        QCOMPARE(held.value().at(0).holder, QStringLiteral("cy"));
        QCOMPARE(held.value().at(1).holder, QStringLiteral("ann"));
        QVERIFY(held.value().at(1).held);
        auto none = seats(7);
        QVERIFY(none);
        QVERIFY(none.value().isEmpty());

        auto broken = database.list(QStringLiteral("SELECT holder FROM seats"), {}, purpose,
            [](const QSqlQuery& q) { return q.value(0).toString(); });
        QVERIFY(!broken);
        QCOMPARE(broken.error().message, purpose);
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        {
            auto db = Database::open(dir.path());
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 999")));
        }
        auto reopened = Database::open(dir.path());
        QVERIFY(!reopened);
        QVERIFY(reopened.error().message.contains(QStringLiteral("newer version")));
    }

    void exclusionRules()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path());
        ExclusionRepository rules(*db.value());
        QVERIFY(rules.add(ExclusionRule::Kind::User, QStringLiteral("  CEO@Example.com ")));
        QVERIFY(rules.add(ExclusionRule::Kind::Identifier, QStringLiteral("Reviewer")));
        QCOMPARE(rules.add(ExclusionRule::Kind::User, QStringLiteral("not an email")).error().code,
            ErrorCode::InvalidInput);
        QCOMPARE(rules.add(ExclusionRule::Kind::Identifier, QStringLiteral("  ")).error().code,
            ErrorCode::InvalidInput);
        QVERIFY(rules.add(
            ExclusionRule::Kind::User, QStringLiteral("ceo@example.com"))); // same rule, no duplicate
        const QList<ExclusionRule> all = rules.list().value();
        QCOMPARE(all.size(), 2);

        SoftwareSubscription ceo;
        ceo.email = QStringLiteral("Ceo@example.COM");
        ceo.role = QStringLiteral("account_admin");
        SoftwareSubscription reviewer;
        reviewer.email = QStringLiteral("r@example.com");
        reviewer.role = QStringLiteral("reviewer");
        SoftwareSubscription other;
        other.email = QStringLiteral("o@example.com");
        other.role = QStringLiteral("collaborator");
        QVERIFY(Exclusions::isExcluded(ceo, all));
        QVERIFY(Exclusions::isExcluded(reviewer, all));
        QVERIFY(!Exclusions::isExcluded(other, all));

        const qint64 reviewerRule
            = all.first().kind == ExclusionRule::Kind::Identifier ? all.first().id : all.last().id;
        QVERIFY(rules.setActive(reviewerRule, false));
        QVERIFY(!Exclusions::isExcluded(reviewer, rules.list().value())); // inactive rules exclude nobody
        QVERIFY(rules.remove(ExclusionRule::Kind::User, QStringLiteral("CEO@example.com")));
        QCOMPARE(rules.remove(ExclusionRule::Kind::User, QStringLiteral("ceo@example.com")).error().code,
            ErrorCode::NotFound);
        QVERIFY(!Exclusions::isExcluded(ceo, rules.list().value()));
    }

    void networkSharesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("refused");
        for (const char* type :
            { "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afpfs", "9p", "NFS4" }) {
            QTest::newRow(type) << QByteArray(type) << true;
        }
        for (const char* type : { "ext4", "btrfs", "xfs", "tmpfs", "apfs", "NTFS", "overlay", "" }) {
            QTest::newRow(type[0] ? type : "unknown") << QByteArray(type) << false;
        }
    }

    void networkSharesAreRefused()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, refused);
        const Result<void> checked = Database::checkLocation(QStringLiteral("/srv/sam"), type);
        QCOMPARE(!checked.ok(), refused);
        if (refused) {
            QCOMPARE(checked.error().code, ErrorCode::StorageError);
            QVERIFY(checked.error().message.contains(QStringLiteral("network share")));
            QVERIFY(checked.error().message.contains(QStringLiteral("--data-dir")));
        }
#ifdef Q_OS_WIN
        QVERIFY(!Database::checkLocation(QStringLiteral("\\\\fileserver\\sam"), "NTFS").ok());
#endif
    }

    // Employee data is readable only by the user who runs the app: the data folder is created
    // 0700 and the database with its companion files 0600, whatever the umask allows.
    void newDataIsPrivateToTheUser()
    {
#ifndef Q_OS_UNIX
        QSKIP("On Windows the per-user AppData folder is private through its ACLs");
#else
        const ScopedUmask umask(022); // the usual default, under which files come out 0644
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
        auto db = Database::open(dataDir);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QVERIFY(ProfileRepository(*db.value()).create(draft(QStringLiteral("private")))); // writes the WAL
        QCOMPARE(modeOf(dataDir), 0700);
        QCOMPARE(modeOf(db.value()->filePath()), 0600);
        QCOMPARE(modeOf(db.value()->filePath() + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(db.value()->filePath() + QStringLiteral("-shm")), 0600);
#endif
    }

    // A data folder and database left readable by an older version are made private when opened.
    void dataOfAnOlderVersionIsMadePrivate()
    {
#ifndef Q_OS_UNIX
        QSKIP("On Windows the per-user AppData folder is private through its ACLs");
#else
        const ScopedUmask umask(022);
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        auto older = Database::open(dataDir);
        QVERIFY(older);
        QVERIFY(ProfileRepository(*older.value()).create(draft(QStringLiteral("older"))));
        const QString file = older.value()->filePath();
        // What an older version left: the folder 0755, the database, its WAL and an empty
        // journal 0644 (the older process still has the database open).
        QFile journal(file + QStringLiteral("-journal"));
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.close();
        QVERIFY(QFile::setPermissions(dataDir,
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::ExeOther));
        for (const QString& suffix : DatabaseFileSuffixes) {
            QVERIFY(QFile::setPermissions(
                file + suffix, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        }
        QCOMPARE(modeOf(dataDir), 0755);

        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^Made .*data.* private")));
        auto reopened = Database::open(dataDir);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        QCOMPARE(modeOf(dataDir), 0700);
        for (const QString& suffix : DatabaseFileSuffixes) {
            QCOMPARE(modeOf(file + suffix), 0600);
        }
        QCOMPARE(ProfileRepository(*reopened.value()).list().value().size(), 1);
#endif
    }

    // A folder the user chose that holds other things keeps its permissions (it may be shared on
    // purpose); the database in it is still private.
    void aChosenFolderKeepsItsPermissions()
    {
#ifndef Q_OS_UNIX
        QSKIP("On Windows the per-user AppData folder is private through its ACLs");
#else
        const ScopedUmask umask(022);
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::ExeOther));
        auto db = Database::open(dir.path());
        QVERIFY(db);
        QCOMPARE(modeOf(dir.path()), 0755);
        QCOMPARE(modeOf(db.value()->filePath()), 0600);
#endif
    }

    void unwritableFolderIsReported()
    {
        auto db = Database::open(QStringLiteral("/proc/rmsam-cannot-exist"));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::StorageError);
        QVERIFY(db.error().message.contains(QStringLiteral("--data-dir")));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
