// Against the real Secret Service: tests/run-tests.sh starts an unlocked gnome-keyring in a
// private D-Bus session. Without one this test fails, by design: it must not pass vacuously.
#include "secrets/TokenStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace rmsam;

namespace {

template<typename T> std::optional<T> waitFor(const std::function<void(std::function<void(T)>)>& call)
{
    std::optional<T> result;
    call([&result](T value) { result = std::move(value); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) {
        return std::nullopt;
    }
    return result;
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private:
    const QString m_service
        = QStringLiteral("roadmunk-sam-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    Result<void> write(TokenStore& store, const QString& key, const QString& token)
    {
        auto r = waitFor<Result<void>>([&](auto done) { store.write(key, token, done); });
        return r ? *r : Result<void>(Error { ErrorCode::Timeout, QStringLiteral("no answer"), {} });
    }
    Result<QString> read(TokenStore& store, const QString& key)
    {
        auto r = waitFor<Result<QString>>([&](auto done) { store.read(key, done); });
        return r ? *r : Result<QString>(Error { ErrorCode::Timeout, QStringLiteral("no answer"), {} });
    }
    Result<void> remove(TokenStore& store, const QString& key)
    {
        auto r = waitFor<Result<void>>([&](auto done) { store.remove(key, done); });
        return r ? *r : Result<void>(Error { ErrorCode::Timeout, QStringLiteral("no answer"), {} });
    }

private slots:
    void canaryFindsTheKeychain()
    {
        TokenStore store(m_service);
        QCOMPARE(store.state(), KeychainState::Unchecked);
        QSignalSpy changed(&store, &TokenStore::stateChanged);
        auto state = waitFor<KeychainState>([&](auto done) { store.checkAvailability(done); });
        QVERIFY2(state.has_value(), "the keychain canary never answered");
        QVERIFY2(*state == KeychainState::Available,
            qPrintable(QStringLiteral("keychain state %1: %2")
                           .arg(int(*state))
                           .arg(TokenStore::stateMessage(*state))));
        QCOMPARE(store.state(), KeychainState::Available);
        QCOMPARE(changed.count(), 1);
    }

    void writeReadRemove()
    {
        TokenStore store(m_service);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString token = QStringLiteral("rm_") + QString(546, QLatin1Char('Z'));
        QVERIFY(write(store, key, QStringLiteral("  ") + token + QStringLiteral("\n")));
        QCOMPARE(read(store, key).value(), token); // stored trimmed

        QVERIFY(write(store, key, QStringLiteral("replacement")));
        QCOMPARE(read(store, key).value(), QStringLiteral("replacement"));

        QVERIFY(remove(store, key));
        auto gone = read(store, key);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::TokenMissing);
        QVERIFY(remove(store, key)); // removing what is not there is fine
    }

    void keysAreSeparatePerProfileAndService()
    {
        TokenStore store(m_service);
        TokenStore other(m_service + QStringLiteral("-other"));
        const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(write(store, a, QStringLiteral("token-a")));
        QVERIFY(write(store, b, QStringLiteral("token-b")));
        QCOMPARE(read(store, a).value(), QStringLiteral("token-a"));
        QCOMPARE(read(store, b).value(), QStringLiteral("token-b"));
        QCOMPARE(read(other, a).error().code, ErrorCode::TokenMissing);
        QVERIFY(remove(store, a));
        QVERIFY(remove(store, b));
    }

    void refusesTokensTheKeychainCannotHoldEverywhere()
    {
        TokenStore store(m_service);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto tooLong = write(store, key, QString(2561, QLatin1Char('x')));
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().code, ErrorCode::InvalidInput);
        QVERIFY(tooLong.error().message.contains(QStringLiteral("2560")));
        QCOMPARE(read(store, key).error().code, ErrorCode::TokenMissing); // nothing was stored
        QCOMPARE(write(store, key, QStringLiteral("   ")).error().code, ErrorCode::TokenMissing);
    }

    void everyKeychainErrorHasAState_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("state");
        QTest::newRow("NoError") << int(QKeychain::NoError) << int(KeychainState::Available);
        QTest::newRow("NoBackendAvailable")
            << int(QKeychain::NoBackendAvailable) << int(KeychainState::NoBackend);
        QTest::newRow("AccessDenied") << int(QKeychain::AccessDenied) << int(KeychainState::AccessDenied);
        QTest::newRow("AccessDeniedByUser")
            << int(QKeychain::AccessDeniedByUser) << int(KeychainState::AccessDenied);
        QTest::newRow("NotImplemented")
            << int(QKeychain::NotImplemented) << int(KeychainState::NotImplemented);
        QTest::newRow("EntryNotFound") << int(QKeychain::EntryNotFound) << int(KeychainState::Broken);
        QTest::newRow("CouldNotDeleteEntry")
            << int(QKeychain::CouldNotDeleteEntry) << int(KeychainState::Broken);
        QTest::newRow("OtherError") << int(QKeychain::OtherError) << int(KeychainState::Broken);
    }

    void everyKeychainErrorHasAState()
    {
        QFETCH(int, error);
        QFETCH(int, state);
        QCOMPARE(int(TokenStore::stateFor(error)), state);
        QVERIFY(!TokenStore::stateMessage(TokenStore::stateFor(error)).isEmpty());
        // With the session bus up (this suite runs in one) the diagnosis keeps the keychain's answer.
        QCOMPARE(int(TokenStore::diagnose(error)), state);
    }

    void everyStateHasItsOwnMessage()
    {
        const QList<KeychainState> states = { KeychainState::Unchecked, KeychainState::Available,
            KeychainState::NoBackend, KeychainState::NoSessionBus, KeychainState::AccessDenied,
            KeychainState::NotImplemented, KeychainState::Broken };
        QSet<QString> messages;
        for (KeychainState s : states) {
            const QString m = TokenStore::stateMessage(s);
            QVERIFY(!m.isEmpty());
            messages.insert(m);
        }
        QCOMPARE(messages.size(), states.size());
        QVERIFY(TokenStore::stateMessage(KeychainState::NoBackend).contains(QStringLiteral("gnome-keyring")));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
