#pragma once

// What the GUI tests set up alike: a database in a temporary folder, a token store under a
// keychain service of its own (so that test runs never meet each other's entries), the services
// on them, and the sandbox listening on a free loopback port. A test class inherits it next to
// QObject and calls startFixture() from initTestCase().

#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "services/Services.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QUuid>
#include <memory>

namespace rmsam {

class SandboxFixture
{
protected:
    QTemporaryDir m_dataDir;
    // Owned by m_services; a test arranges and checks data through them directly.
    Database* m_database = nullptr;
    TokenStore* m_tokens = nullptr;
    std::unique_ptr<Services> m_services;
    ProfileService* m_service = nullptr; // m_services' profile service
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
        m_database = opened.value().get();
        auto tokens = std::make_unique<TokenStore>(
            keychainPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_tokens = tokens.get();
        m_services = std::make_unique<Services>(std::move(opened).value(), std::move(tokens));
        m_service = &m_services->profileService();
        m_sandbox = std::make_unique<SandboxServer>(options);
        if (m_sandbox->listen(0) == 0) {
            return QStringLiteral("the sandbox cannot listen on the loopback address");
        }
        return {};
    }
};

} // namespace rmsam
