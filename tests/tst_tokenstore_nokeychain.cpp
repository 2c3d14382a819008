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
        QVERIFY2(*state == KeychainState::NoBackend || *state == KeychainState::Broken,
            qPrintable(QString::number(int(*state))));
        QCOMPARE(store.state(), *state);
        QVERIFY(!TokenStore::stateMessage(*state).isEmpty());
    }

    void writeFailsAndNothingIsStoredElsewhere()
    {
        TokenStore store(QStringLiteral("roadmunk-sam-test-nokeychain"));
        const QString token = QStringLiteral("secret-") + QString(540, QLatin1Char('Q'));
        std::optional<Result<void>> written;
        store.write(QStringLiteral("k"), token, [&written](Result<void> r) { written = r; });
        QVERIFY(QTest::qWaitFor([&written] { return written.has_value(); }, 30000));
        QVERIFY(!written->ok());
        QVERIFY(written->error().code == ErrorCode::KeychainUnavailable
            || written->error().code == ErrorCode::KeychainError);
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
