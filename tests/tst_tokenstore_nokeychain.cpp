// With no Secret Service on the bus the store must say so and refuse to keep the token anywhere.
// ctest runs this with DBUS_SESSION_BUS_ADDRESS pointing at a bus that does not exist.
#include "secrets/TokenStore.h"

#include <QDir>
#include <QDirIterator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace rmsam;

class TestTokenStoreNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QStringLiteral("rmsam-no-bus")),
            "run through ctest: it points D-Bus at a bus that does not exist");
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    }

    void canaryReportsNoKeychain()
    {
        TokenStore store(QStringLiteral("roadmunk-sam-test-nokeychain"));
        std::optional<KeychainState> state;
        store.checkAvailability([&state](KeychainState s) { state = s; });
        QVERIFY(QTest::qWaitFor([&state] { return state.has_value(); }, 30000));
        // Not "locked or full": the cause is the missing bus, and the message says what to do.
        QCOMPARE(*state, KeychainState::NoSessionBus);
        QCOMPARE(store.state(), *state);
        const QString message = TokenStore::stateMessage(*state);
        QVERIFY2(message.contains(QStringLiteral("D-Bus session bus")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("dbus-run-session")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("gnome-keyring-daemon")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("unlocked and not full")), qPrintable(message));
    }

    void writeFailsAndNothingIsStoredElsewhere()
    {
        TokenStore store(QStringLiteral("roadmunk-sam-test-nokeychain"));
        const QString token = QStringLiteral("secret-") + QString(540, QLatin1Char('Q'));
        std::optional<Result<void>> written;
        store.write(QStringLiteral("k"), token, [&written](Result<void> r) { written = r; });
        QVERIFY(QTest::qWaitFor([&written] { return written.has_value(); }, 30000));
        QVERIFY(!written->ok());
        QCOMPARE(written->error().code, ErrorCode::KeychainUnavailable); // exit code 6
        QCOMPARE(written->error().message, TokenStore::stateMessage(KeychainState::NoSessionBus));
        QVERIFY(!written->error().message.contains(token));
        QVERIFY(!written->error().detail.contains(token));

        // No plaintext fallback: nothing under the home folder holds the token.
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(file.fileName()));
        }
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestTokenStoreNoKeychain)
#include "tst_tokenstore_nokeychain.moc"
