#pragma once

// What the GUI tests set up alike: a database in a temporary folder, a token store under a
// keychain service of its own (so that test runs never meet each other's entries), the profile
// service, and the sandbox listening on a free loopback port. A test class inherits it next to
// QObject and calls startFixture() from initTestCase().

#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "storage/Database.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUuid>
#include <memory>

namespace rmsam {

class SandboxFixture
{
protected:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TokenStore> m_tokens;
    QNetworkAccessManager m_network;
    std::unique_ptr<ProfileService> m_service;
    std::unique_ptr<SandboxServer> m_sandbox;

    // Empty when everything started, else what did not (for QVERIFY2).
    QString startFixture(const QString& keychainPrefix, const SandboxOptions& options)
    {
        if (!m_dataDir.isValid()) {
            return QStringLiteral("no temporary folder: %1").arg(m_dataDir.errorString());
        }
        auto opened = Database::open(m_dataDir.path());
        if (!opened) {
            return opened.error().message;
        }
        m_database = std::move(opened).value();
        m_tokens = std::make_unique<TokenStore>(
            keychainPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_service = std::make_unique<ProfileService>(*m_database, *m_tokens, &m_network);
        m_sandbox = std::make_unique<SandboxServer>(options);
        if (m_sandbox->listen(0) == 0) {
            return QStringLiteral("the sandbox cannot listen on the loopback address");
        }
        return {};
    }
};

} // namespace rmsam
