// Reaching a team database: the connection test, the password kept in the OS keychain (and only
// there), the command line's password commands, and other members' changes reaching an open
// client and its window through LISTEN/NOTIFY. Runs on a private PostgreSQL cluster and the
// test session's keychain.

#include "DatabaseDialog.h"
#include "MainWindow.h"
#include "ProfileListModel.h"
#include "cli/CommandLine.h"
#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"
#include "services/LiveUpdates.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "support/CliRunner.h"
#include "support/PostgresCluster.h"

#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace rmsam;
using namespace rmsam::test;

namespace {
// A failed result's message and detail, for a check's message (QVERIFY2 builds it every time).
template<typename R> QByteArray why(const R& result)
{
    return result ? QByteArray()
                  : (result.error().message + QStringLiteral(" | ") + result.error().detail).toUtf8();
}
} // namespace

class TestTeamDatabase : public QObject
{
    Q_OBJECT

    std::unique_ptr<PostgresCluster> m_cluster;
    const QString m_keychain
        = QStringLiteral("rmsam-test-team-") + QUuid::createUuid().toString(QUuid::Id128);
    int m_databases = 0;

    QString freshDatabase()
    {
        QString error;
        const QString name = m_cluster->createDatabase(QStringLiteral("team%1").arg(++m_databases), &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return name;
    }

    std::unique_ptr<Services> open(const QString& url)
    {
        auto services = Services::open(url, m_keychain);
        if (!services) {
            qWarning("%s | %s", qPrintable(services.error().message), qPrintable(services.error().detail));
            return nullptr;
        }
        return std::move(services).value();
    }

    Result<void> storePassword(const QString& url, const QString& password)
    {
        TokenStore tokens(m_keychain);
        std::optional<Result<void>> stored;
        tokens.writeDatabasePassword(DatabaseAccess::address(url).value(), password,
            [&](Result<void> outcome) { stored = std::move(outcome); });
        if (!QTest::qWaitFor([&] { return stored.has_value(); }, 10000)) {
            return Error { ErrorCode::KeychainError, QStringLiteral("the keychain did not answer"), {} };
        }
        return *stored;
    }

    static ProfileInput profileNamed(const QString& name)
    {
        ProfileInput input;
        input.displayName = name;
        return input;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_cluster = PostgresCluster::start(&error);
        QVERIFY2(m_cluster, qPrintable(error));
    }

    void cleanupTestCase()
    {
        TokenStore tokens(m_keychain);
        bool done = false;
        tokens.removeDatabasePassword(
            DatabaseAccess::address(m_cluster->loopbackUrl(QStringLiteral("x"))).value(),
            [&](Result<void>) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
    }

    void connectionTestChangesNothing()
    {
        const QString name = freshDatabase();
        auto empty = DatabaseAccess::test(m_cluster->socketUrl(name), {});
        QVERIFY2(empty, why(empty).constData());
        QVERIFY2(
            empty.value().contains(QStringLiteral("Connected to PostgreSQL 15")), qPrintable(empty.value()));
        QVERIFY2(empty.value().contains(QStringLiteral("database init")), qPrintable(empty.value()));
        QString error;
        QCOMPARE(m_cluster->psql(name,
                     QStringLiteral(
                         "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
                     &error),
            QStringLiteral("0"));

        QVERIFY(open(m_cluster->socketUrl(name)));
        auto ready = DatabaseAccess::test(m_cluster->socketUrl(name), {});
        QVERIFY2(ready, why(ready).constData());
        QVERIFY2(ready.value().contains(QStringLiteral("is ready")), qPrintable(ready.value()));

        auto refused = DatabaseAccess::test(m_cluster->loopbackUrl(name), QStringLiteral("not the password"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("refused the login")),
            qPrintable(refused.error().message));
        QVERIFY(!DatabaseAccess::test(QStringLiteral("/a/folder"), {}));
    }

    // The loopback port asks for a password (scram), the socket does not: the keychain's
    // password is what lets Services in, and it is written nowhere else.
    void passwordComesFromTheKeychainOnly()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->loopbackUrl(name);
        auto without = Services::open(url, m_keychain);
        QVERIFY(!without);
        QVERIFY2(without.error().message.contains(QStringLiteral("refused the login")),
            qPrintable(without.error().message));

        auto stored = storePassword(url, m_cluster->password());
        QVERIFY2(stored, why(stored).constData());
        auto services = open(url);
        QVERIFY(services);
        QVERIFY(services->profileService().create(profileNamed(QStringLiteral("Team"))));

        // Nowhere in the database, nor in the settings folder.
        QString error;
        QCOMPARE(m_cluster->psql(name,
                     QStringLiteral("SELECT count(*) FROM integration_profile WHERE "
                                    "strpos(integration_profile::text, '%1') > 0")
                         .arg(m_cluster->password()),
                     &error),
            QStringLiteral("0"));
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDirIterator files(config, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(m_cluster->password().toUtf8()), qPrintable(file.fileName()));
        }
    }

    void passwordCommandsTestBeforeStoring()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->loopbackUrl(name);
        const CliRunner cli(QDir::tempPath(), m_keychain);
        const QStringList set = { QStringLiteral("database"), QStringLiteral("password"),
            QStringLiteral("set"), QStringLiteral("--database"), url };
        const CliRun wrong = cli.run(set, "not the password\n");
        QCOMPARE(wrong.code, int(ExitFailure));
        QVERIFY2(wrong.err.contains(QStringLiteral("refused the login")), qPrintable(describe(wrong)));
        QVERIFY(!Services::open(url, m_keychain)); // nothing was stored

        const CliRun right = cli.run(set, m_cluster->password().toUtf8() + "\n");
        QVERIFY2(right.code == ExitOk, qPrintable(describe(right)));
        QVERIFY2(right.err.contains(QStringLiteral("Stored the password")), qPrintable(describe(right)));
        QVERIFY(!right.err.contains(m_cluster->password()) && !right.out.contains(m_cluster->password()));
        const CliRun list = cli.run(
            { QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--database"), url });
        QVERIFY2(list.code == ExitOk, qPrintable(describe(list)));

        const CliRun removed = cli.run({ QStringLiteral("database"), QStringLiteral("password"),
            QStringLiteral("remove"), QStringLiteral("--database"), url });
        QVERIFY2(removed.code == ExitOk, qPrintable(describe(removed)));
        QVERIFY(!Services::open(url, m_keychain));

        const CliRun local
            = cli.run({ QStringLiteral("database"), QStringLiteral("password"), QStringLiteral("set") });
        QCOMPARE(local.code, int(ExitUsage));
        QVERIFY2(local.err.contains(QStringLiteral("--database")), qPrintable(describe(local)));
    }

    // Settings › Database: the test says what it found; the choice goes to the settings, the
    // password to the keychain only.
    void settingsDialogTestsAndKeeps()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->loopbackUrl(name);
        auto services = open(m_cluster->socketUrl(name));
        QVERIFY(services);
        DatabaseDialog dialog(services->profileService(), QString());
        auto* testButton = dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"));
        QVERIFY(!testButton->isEnabled()); // this computer's own database: nothing to test
        dialog.findChildren<QRadioButton*>().at(1)->setChecked(true);
        dialog.findChild<QLineEdit*>(QStringLiteral("databaseUrl"))->setText(url);
        QVERIFY(testButton->isEnabled());

        QSignalSpy tested(&dialog, &DatabaseDialog::testFinished);
        dialog.findChild<QLineEdit*>(QStringLiteral("databasePassword"))->setText(QStringLiteral("wrong"));
        testButton->click();
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.takeFirst().constFirst().toBool(), false);
        auto* outcome = dialog.findChild<QLabel*>(QStringLiteral("connectionOutcome"));
        QVERIFY2(outcome->text().contains(QStringLiteral("refused the login")), qPrintable(outcome->text()));

        dialog.findChild<QLineEdit*>(QStringLiteral("databasePassword"))->setText(m_cluster->password());
        testButton->click();
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.takeFirst().constFirst().toBool(), true);
        QVERIFY2(outcome->text().startsWith(QStringLiteral("Connected to PostgreSQL")),
            qPrintable(outcome->text()));

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("&Use this database")) {
                button->click();
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);
        QCOMPARE(QSettings().value(QStringLiteral("database")).toString(), url);
        QVERIFY(open(url)); // the keychain's password lets it in
        QSettings().remove(QStringLiteral("database"));
    }

    void changesReachAnotherClient()
    {
        const QString url = m_cluster->socketUrl(freshDatabase());
        auto watching = open(url);
        auto writing = open(url);
        QVERIFY(watching && writing);
        QVERIFY(watching->liveUpdates().start());
        QVERIFY(writing->liveUpdates().start());
        QSignalSpy heard(&watching->liveUpdates(), &LiveUpdates::changedElsewhere);
        QSignalSpy echoed(&writing->liveUpdates(), &LiveUpdates::changedElsewhere);

        QVERIFY(writing->reclamationService().addExclusion(
            ExclusionRule::Kind::User, QStringLiteral("a@example.com")));
        QVERIFY(heard.wait(2000));
        QCOMPARE(
            heard.constFirst().constFirst().toStringList(), QStringList { QStringLiteral("exclusion_rule") });
        QTest::qWait(2 * LiveUpdates::GatherMs);
        QCOMPARE(echoed.size(), 0); // a client's own writes are not news to it
    }

    void windowShowsAnotherMembersProfile()
    {
        const QString url = m_cluster->socketUrl(freshDatabase());
        auto watching = open(url);
        auto writing = open(url);
        QVERIFY(watching && writing);
        MainWindow window(*watching, { {}, {}, url });
        QVERIFY(window.windowTitle().contains(QStringLiteral("postgresql://")));
        window.show();
        QVERIFY(watching->liveUpdates().start());
        QCOMPARE(window.profileTable()->model()->rowCount(), 0);

        QVERIFY(writing->profileService().create(profileNamed(QStringLiteral("Shared"))));
        QTRY_COMPARE_WITH_TIMEOUT(window.profileTable()->model()->rowCount(), 1, 2000);
        QCOMPARE(window.profileTable()->model()->index(0, 0).data().toString(), QStringLiteral("Shared"));
    }
};

QTEST_MAIN(TestTeamDatabase)
#include "tst_teamdatabase.moc"
