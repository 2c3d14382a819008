#pragma once

// What the tests against the sandbox set up alike: a database in a temporary folder, a token store
// under a keychain service of its own (so that test runs never meet each other's entries), the
// services on them, and the sandbox listening on a free loopback port; and on those, profiles
// that went the admin's way (create, token, validate, publish). A test class inherits it next to
// QObject and calls startFixture() — or startServices(), when it starts a sandbox per test case —
// from initTestCase().

#include "core/IntegrationProfile.h"
#include "core/Result.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "support/TestBackend.h"

#include <QDate>
#include <QTemporaryDir>
#include <memory>
#include <source_location>

namespace rmsam::test {

// The profile publishedProfile() makes; a test names what it varies (designated initializers).
struct ProfileSetup
{
    QString name {};
    bool downloadActivity = true;
    bool reclaimSubscriptions = true;
    QDate analyzeActivityFrom {}; // null: the default
    // false: the profile stays a Draft, its token stored but not validated.
    bool publish = true;
    // A first sync of both jobs, which must succeed: the snapshot and the removal candidates exist.
    bool sync = false;
    // false: the keychain entry is deleted at the end, behind the application's back; the profile
    // keeps its status.
    bool tokenInKeychain = true;
};

// A sandbox listening on a free loopback port; null when it cannot listen.
std::unique_ptr<SandboxServer> startSandbox(const SandboxOptions& options);

class SandboxFixture
{
protected:
    SandboxFixture() = default;
    ~SandboxFixture() = default;
    Q_DISABLE_COPY_MOVE(SandboxFixture)

    QTemporaryDir m_dataDir;
    // The database is in m_dataDir, or on PostgreSQL with RMSAM_TEST_DATABASE=postgresql.
    TestBackend m_backend;
    // Owned by m_services; a test arranges and checks data through them directly. The keychain
    // service the command line needs to find the tokens is m_tokens->service().
    Database* m_database = nullptr;
    TokenStore* m_tokens = nullptr;
    std::unique_ptr<Services> m_services;
    ProfileService* m_service = nullptr; // m_services' profile service
    std::unique_ptr<SandboxServer> m_sandbox;

    // Empty when everything started, else what did not (for QVERIFY2).
    QString startFixture(const QString& keychainPrefix, const SandboxOptions& options);
    // The same without m_sandbox.
    QString startServices(const QString& keychainPrefix);

    // A profile on the sandbox (m_sandbox unless given) made through the services as an admin
    // makes one: created with the sandbox's endpoint, the sandbox's token stored in the keychain,
    // validated against the sandbox and published; then synced once if asked. When a step
    // fails, the running test fails at the caller's line, naming the step, and the profile
    // returned is empty (id 0).
    IntegrationProfile publishedProfile(
        const ProfileSetup& setup, std::source_location caller = std::source_location::current());
    IntegrationProfile publishedProfile(SandboxServer& sandbox, const ProfileSetup& setup,
        std::source_location caller = std::source_location::current());

private:
    Result<IntegrationProfile> makeProfile(SandboxServer& sandbox, const ProfileSetup& setup);
    Result<void> validateAndPublish(qint64 profileId);
    Result<void> syncOnce(qint64 profileId);
};

} // namespace rmsam::test
