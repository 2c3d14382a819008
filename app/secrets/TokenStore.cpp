#include "secrets/TokenStore.h"

#include "core/ProfileRules.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <qt6keychain/keychain.h>

#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
#include <QDBusConnection>
#define RMSAM_SECRET_SERVICE_ON_DBUS 1
#endif

Q_LOGGING_CATEGORY(lcSecrets, "rmsam.secrets", QtInfoMsg)

namespace rmsam {

KeychainState TokenStore::stateFor(int qkeychainError)
{
    const auto error = QKeychain::Error(qkeychainError);
    switch (error) {
    case QKeychain::NoError:
        return KeychainState::Available;
    case QKeychain::NoBackendAvailable:
        return KeychainState::NoBackend;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return KeychainState::AccessDenied;
    case QKeychain::NotImplemented:
        return KeychainState::NotImplemented;
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return KeychainState::Broken;
    }
    return KeychainState::Broken;
}

KeychainState TokenStore::diagnose(int qkeychainError)
{
    const KeychainState state = stateFor(qkeychainError);
#ifdef RMSAM_SECRET_SERVICE_ON_DBUS
    if (state != KeychainState::Available && state != KeychainState::NotImplemented
        && !QDBusConnection::sessionBus().isConnected()) {
        return KeychainState::NoSessionBus;
    }
#endif
    return state;
}

namespace {

Error jobError(const QKeychain::Job* job, const QString& action)
{
    const KeychainState state = TokenStore::diagnose(job->error());
    // The job's text comes from the keychain service and names no secret; keep it as detail.
    const QString detail = QStringLiteral("%1: QKeychain error %2: %3")
                               .arg(action)
                               .arg(int(job->error()))
                               .arg(job->errorString());
    const ErrorCode code = (state == KeychainState::NoBackend || state == KeychainState::NoSessionBus
                               || state == KeychainState::NotImplemented)
        ? ErrorCode::KeychainUnavailable
        : ErrorCode::KeychainError;
    return Error { code, TokenStore::stateMessage(state), detail };
}

template<typename JobType> JobType* makeJob(const QString& service, const QString& entry, QObject* parent)
{
    auto* job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the token goes to the keychain or nowhere
    job->setKey(entry);
    return job;
}

} // namespace

TokenStore::TokenStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{ }

QString TokenStore::stateMessage(KeychainState state)
{
    switch (state) {
    case KeychainState::Unchecked:
        return tr("Checking the OS keychain…");
    case KeychainState::Available:
        return tr("API tokens are kept in the OS keychain.");
    case KeychainState::NoBackend:
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        return tr("No OS keychain is available: no Secret Service answers on the session D-Bus. Install and "
                  "start one (Debian/Ubuntu: sudo apt install gnome-keyring, or use KWallet), log in to a "
                  "desktop session, then restart Roadmunk SAM. API tokens are never stored anywhere else.");
#else
        return tr("No OS keychain is available. Roadmunk SAM keeps API tokens only in the system keychain "
                  "and cannot store one until it is available.");
#endif
    case KeychainState::NoSessionBus:
        return tr(
            "No OS keychain can be reached: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is "
            "unset or names no running bus), so no Secret Service can answer. Run Roadmunk SAM in a "
            "desktop session, where GNOME Keyring or KWallet starts with the login; on a server, run it "
            "under dbus-run-session with gnome-keyring-daemon started and unlocked. API tokens are "
            "never stored anywhere else.");
    case KeychainState::AccessDenied:
        return tr("Access to the OS keychain was denied. Unlock the keychain (or allow Roadmunk SAM when "
                  "the system asks), then try again. API tokens are never stored anywhere else.");
    case KeychainState::NotImplemented:
        return tr("This platform has no keychain Roadmunk SAM can use, so it cannot store API tokens.");
    case KeychainState::Broken:
        return tr("The OS keychain did not work as expected (it could not store, read back or delete an "
                  "entry). Check that it is unlocked and not full, then restart Roadmunk SAM.");
    }
    return {};
}

QString TokenStore::entryName(const QString& key) const
{
    return QStringLiteral("profile/") + key;
}

void TokenStore::setState(KeychainState state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    qCInfo(lcSecrets) << "keychain state" << int(state);
    emit stateChanged(state);
}

void TokenStore::checkAvailability(std::function<void(KeychainState)> done)
{
    const QString canaryKey
        = QStringLiteral("canary/%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QString canaryValue = QString::number(QRandomGenerator::global()->generate64(), 36);
    auto finish = [this, done](KeychainState state) {
        setState(state);
        done(state);
    };
    auto* writeJob = makeJob<QKeychain::WritePasswordJob>(m_service, canaryKey, this);
    writeJob->setTextData(canaryValue);
    connect(writeJob, &QKeychain::Job::finished, this, [=, this](QKeychain::Job* w) {
        if (w->error() != QKeychain::NoError) {
            qCWarning(lcSecrets) << "keychain canary write failed:" << w->error() << w->errorString();
            finish(diagnose(w->error()));
            return;
        }
        auto* readJob = makeJob<QKeychain::ReadPasswordJob>(m_service, canaryKey, this);
        connect(readJob, &QKeychain::Job::finished, this, [=, this](QKeychain::Job* r) {
            const bool readBack = r->error() == QKeychain::NoError
                && static_cast<QKeychain::ReadPasswordJob*>(r)->textData() == canaryValue;
            if (!readBack) {
                qCWarning(lcSecrets) << "keychain canary read-back failed:" << r->error() << r->errorString();
            }
            auto* deleteJob = makeJob<QKeychain::DeletePasswordJob>(m_service, canaryKey, this);
            connect(deleteJob, &QKeychain::Job::finished, this, [=](QKeychain::Job* d) {
                if (d->error() != QKeychain::NoError) {
                    qCWarning(lcSecrets)
                        << "keychain canary delete failed:" << d->error() << d->errorString();
                }
                const bool ok = readBack && d->error() == QKeychain::NoError;
                finish(ok
                        ? KeychainState::Available
                        : (r->error() != QKeychain::NoError ? diagnose(r->error()) : KeychainState::Broken));
            });
            deleteJob->start();
        });
        readJob->start();
    });
    writeJob->start();
}

void TokenStore::write(const QString& key, const QString& token, std::function<void(Result<void>)> done)
{
    auto checked = ProfileRules::checkToken(token);
    if (!checked) {
        done(checked.error());
        return;
    }
    writeEntry(entryName(key), checked.value(), std::move(done));
}

void TokenStore::read(const QString& key, std::function<void(Result<QString>)> done)
{
    readEntry(entryName(key), [done](Result<std::optional<QString>> found) {
        if (!found) {
            done(found.error());
        } else if (!found.value()) {
            done(Error { ErrorCode::TokenMissing,
                tr("No API token is stored for this profile. Set one (Connection & Credential › Set "
                   "token, or: roadmunk-sam token set --profile NAME)."),
                {} });
        } else {
            done(*found.value());
        }
    });
}

void TokenStore::remove(const QString& key, std::function<void(Result<void>)> done)
{
    removeEntry(entryName(key), std::move(done));
}

void TokenStore::writeDatabasePassword(
    const QString& address, const QString& password, std::function<void(Result<void>)> done)
{
    if (password.isEmpty()) {
        done(Error { ErrorCode::InvalidInput, tr("The password is empty; nothing was stored."), {} });
        return;
    }
    writeEntry(databaseEntryName(address), password, std::move(done));
}

void TokenStore::readDatabasePassword(
    const QString& address, std::function<void(Result<std::optional<QString>>)> done)
{
    readEntry(databaseEntryName(address), std::move(done));
}

void TokenStore::removeDatabasePassword(const QString& address, std::function<void(Result<void>)> done)
{
    removeEntry(databaseEntryName(address), std::move(done));
}

QString TokenStore::databaseEntryName(const QString& address)
{
    return QStringLiteral("database/") + address;
}

QString TokenStore::smtpAccount(const QString& user, const QString& host, int port)
{
    return QStringLiteral("%1@%2:%3").arg(user, host).arg(port);
}

void TokenStore::writeSmtpPassword(
    const QString& account, const QString& password, std::function<void(Result<void>)> done)
{
    if (password.isEmpty()) {
        done(Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::TokenStore", "The SMTP password is empty."), {} });
        return;
    }
    writeEntry(QStringLiteral("smtp/") + account, password, std::move(done));
}

void TokenStore::readSmtpPassword(
    const QString& account, std::function<void(Result<std::optional<QString>>)> done)
{
    readEntry(QStringLiteral("smtp/") + account, std::move(done));
}

void TokenStore::removeSmtpPassword(const QString& account, std::function<void(Result<void>)> done)
{
    removeEntry(QStringLiteral("smtp/") + account, std::move(done));
}

void TokenStore::writeEntry(
    const QString& entry, const QString& secret, std::function<void(Result<void>)> done)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(m_service, entry, this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            const Error error = jobError(j, QStringLiteral("write"));
            qCWarning(lcSecrets) << error.detail;
            setState(diagnose(j->error()));
            done(error);
            return;
        }
        setState(KeychainState::Available);
        done({});
    });
    job->start();
}

void TokenStore::readEntry(const QString& entry, std::function<void(Result<std::optional<QString>>)> done)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(m_service, entry, this);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
        if (j->error() == QKeychain::EntryNotFound) {
            done(std::optional<QString>());
            return;
        }
        if (j->error() != QKeychain::NoError) {
            const Error error = jobError(j, QStringLiteral("read"));
            qCWarning(lcSecrets) << error.detail;
            setState(diagnose(j->error()));
            done(error);
            return;
        }
        done(std::optional<QString>(static_cast<QKeychain::ReadPasswordJob*>(j)->textData()));
    });
    job->start();
}

void TokenStore::removeEntry(const QString& entry, std::function<void(Result<void>)> done)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(m_service, entry, this);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            const Error error = jobError(j, QStringLiteral("delete"));
            qCWarning(lcSecrets) << error.detail;
            done(error);
            return;
        }
        done({});
    });
    job->start();
}

} // namespace rmsam
