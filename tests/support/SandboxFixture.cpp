#include "support/SandboxFixture.h"

#include "services/JobLauncher.h"

#include <QTest>
#include <QUuid>
#include <optional>

namespace rmsam::test {

namespace {

// How long the keychain or the sandbox get for one step, and a first sync for both jobs.
constexpr int StepTimeoutMs = 20000;
constexpr int SyncTimeoutMs = 60000;

// Starts an asynchronous call and waits for its callback. The answer is shared with the
// callback, which may still come after the wait gave up.
template<typename T, typename Start> std::optional<T> await(Start start)
{
    auto answer = std::make_shared<std::optional<T>>();
    start([answer](T value) { *answer = std::move(value); });
    if (!QTest::qWaitFor([&answer] { return answer->has_value(); }, StepTimeoutMs)) {
        return std::nullopt;
    }
    return *answer;
}

Error stepFailed(const QString& step, const Error& error)
{
    return Error { error.code, step + QStringLiteral(": ") + error.message, error.detail };
}

Error stepTimedOut(const QString& step)
{
    return Error { ErrorCode::Timeout, step + QStringLiteral(": no answer in time"), {} };
}

} // namespace

std::unique_ptr<SandboxServer> startSandbox(const SandboxOptions& options)
{
    auto sandbox = std::make_unique<SandboxServer>(options);
    return sandbox->listen(0) != 0 ? std::move(sandbox) : nullptr;
}

QString SandboxFixture::startServices(const QString& keychainPrefix)
{
    if (!m_dataDir.isValid()) {
        return QStringLiteral("no temporary folder: %1").arg(m_dataDir.errorString());
    }
    if (const QString started = m_backend.start(); !started.isEmpty()) {
        return started;
    }
    auto opened = Database::open(m_backend.location(m_dataDir));
    if (!opened) {
        return opened.error().message;
    }
    m_database = opened.value().get();
    auto tokens
        = std::make_unique<TokenStore>(keychainPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_tokens = tokens.get();
    m_services = std::make_unique<Services>(std::move(opened).value(), std::move(tokens));
    m_service = &m_services->profileService();
    return {};
}

QString SandboxFixture::startFixture(const QString& keychainPrefix, const SandboxOptions& options)
{
    if (const QString failed = startServices(keychainPrefix); !failed.isEmpty()) {
        return failed;
    }
    m_sandbox = startSandbox(options);
    if (!m_sandbox) {
        return QStringLiteral("the sandbox cannot listen on the loopback address");
    }
    return {};
}

IntegrationProfile SandboxFixture::publishedProfile(const ProfileSetup& setup, std::source_location caller)
{
    if (!m_sandbox) {
        QTest::qFail(
            "publishedProfile: the fixture started no sandbox", caller.file_name(), int(caller.line()));
        return {};
    }
    return publishedProfile(*m_sandbox, setup, caller);
}

IntegrationProfile SandboxFixture::publishedProfile(
    SandboxServer& sandbox, const ProfileSetup& setup, std::source_location caller)
{
    auto made = makeProfile(sandbox, setup);
    if (!made) {
        QString message = QStringLiteral("profile \"%1\", %2").arg(setup.name, made.error().message);
        if (!made.error().detail.isEmpty()) {
            message += QStringLiteral(" (%1)").arg(made.error().detail);
        }
        QTest::qFail(qPrintable(message), caller.file_name(), int(caller.line()));
        return {};
    }
    return made.value();
}

Result<IntegrationProfile> SandboxFixture::makeProfile(SandboxServer& sandbox, const ProfileSetup& setup)
{
    if (!m_services) {
        return Error { ErrorCode::InvalidState, QStringLiteral("the fixture started no services"), {} };
    }
    ProfileInput input;
    input.displayName = setup.name;
    input.endpointOverride = sandbox.endpoint();
    input.downloadActivity = setup.downloadActivity;
    input.reclaimSubscriptions = setup.reclaimSubscriptions;
    input.analyzeActivityFrom = setup.analyzeActivityFrom;
    auto created = m_service->create(input);
    if (!created) {
        return stepFailed(QStringLiteral("create"), created.error());
    }
    const IntegrationProfile profile = created.value();
    const auto stored = await<Result<void>>(
        [&](auto done) { m_service->setToken(profile.id, sandbox.token(), std::move(done)); });
    if (!stored || !*stored) {
        return stored ? stepFailed(QStringLiteral("store the token"), stored->error())
                      : stepTimedOut(QStringLiteral("store the token"));
    }
    if (setup.publish) {
        if (auto published = validateAndPublish(profile.id); !published) {
            return published.error();
        }
    }
    if (setup.sync) {
        if (auto synced = syncOnce(profile.id); !synced) {
            return synced.error();
        }
    }
    if (!setup.tokenInKeychain) {
        const auto removed
            = await<Result<void>>([&](auto done) { m_tokens->remove(profile.tokenKey, std::move(done)); });
        if (!removed || !*removed) {
            return removed ? stepFailed(QStringLiteral("delete the keychain entry"), removed->error())
                           : stepTimedOut(QStringLiteral("delete the keychain entry"));
        }
    }
    return m_service->find(profile.id); // as stored now: validated, published, synced
}

Result<void> SandboxFixture::validateAndPublish(qint64 profileId)
{
    QObject receiver; // ends the connection when this function does
    std::optional<Result<ValidationReport>> validated;
    QObject::connect(m_service, &ProfileService::validationFinished, &receiver,
        [&validated, profileId](qint64 id, const Result<ValidationReport>& result) {
            if (id == profileId) {
                validated = result;
            }
        });
    m_service->validate(profileId);
    if (!QTest::qWaitFor([&validated] { return validated.has_value(); }, StepTimeoutMs)) {
        m_service->cancelValidation(profileId);
        return stepTimedOut(QStringLiteral("validate"));
    }
    if (!*validated) {
        return stepFailed(QStringLiteral("validate"), validated->error());
    }
    if (auto published = m_service->publish(profileId); !published) {
        return stepFailed(QStringLiteral("publish"), published.error());
    }
    return {};
}

Result<void> SandboxFixture::syncOnce(qint64 profileId)
{
    JobLauncher& launcher = m_services->launcher();
    QObject receiver;
    std::optional<SyncOutcome> synced;
    QObject::connect(&launcher, &JobLauncher::syncFinished, &receiver,
        [&synced, profileId](qint64 id, const SyncOutcome& outcome) {
            if (id == profileId) {
                synced = outcome;
            }
        });
    if (auto started = launcher.startSync(profileId, {}); !started) {
        return stepFailed(QStringLiteral("sync"), started.error());
    }
    if (!QTest::qWaitFor([&synced] { return synced.has_value(); }, SyncTimeoutMs)) {
        launcher.cancelSync(profileId);
        return stepTimedOut(QStringLiteral("sync"));
    }
    if (synced->error) {
        return stepFailed(QStringLiteral("sync"), *synced->error);
    }
    return {};
}

} // namespace rmsam::test
