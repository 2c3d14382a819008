// The profile life-cycle commands: profile create|list|show|delete, token set|clear, validate,
// publish. Parsing and dispatch are in CommandLine.cpp, the data commands in DataCommands.cpp.

#include "cli/CommandLine.h"
#include "cli/SecretInput.h"
#include "core/ProfileRules.h"
#include "services/ProfileService.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rmsam {
namespace {

QString isoOrEmpty(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject toJson(const IntegrationProfile& p)
{
    auto dateOrNull
        = [](const QDateTime& when) { return when.isValid() ? QJsonValue(isoOrEmpty(when)) : QJsonValue(); };
    return QJsonObject {
        { QStringLiteral("id"), p.id },
        { QStringLiteral("displayName"), p.displayName },
        { QStringLiteral("status"), statusCode(p.status) },
        { QStringLiteral("profileType"), profileTypeName() },
        { QStringLiteral("region"), Regions::code(p.region) },
        { QStringLiteral("connectionUrl"), p.connectionUrl().toString() },
        { QStringLiteral("downloadSubscriptions"), true },
        { QStringLiteral("downloadActivity"), p.downloadActivity },
        { QStringLiteral("analyzeActivityFrom"), p.analyzeActivityFrom.toString(Qt::ISODate) },
        { QStringLiteral("reclaimSubscriptions"), p.reclaimSubscriptions },
        { QStringLiteral("maxInFlight"), p.maxInFlight },
        { QStringLiteral("reportMaxAgeDays"), p.reportMaxAgeDays },
        { QStringLiteral("maxResponseMb"), p.maxResponseMb },
        { QStringLiteral("tokenSetAt"), dateOrNull(p.tokenSetAt) },
        { QStringLiteral("validatedAt"), dateOrNull(p.validatedAt) },
        { QStringLiteral("publishedAt"), dateOrNull(p.publishedAt) },
        { QStringLiteral("createdAt"), dateOrNull(p.createdAt) },
    };
}

QString onOff(bool on)
{
    return on ? CommandLine::tr("on") : CommandLine::tr("off");
}

} // namespace

void CommandLine::profileCreate(const QCommandLineParser& parser)
{
    ProfileInput input;
    input.displayName = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("region"))) {
        const auto region = Regions::fromCode(parser.value(QStringLiteral("region")));
        if (!region) {
            return fail(Error { ErrorCode::InvalidInput,
                tr("Unknown region \"%1\". Use app (North America), eu (Europe) or apac (Asia-Pacific).")
                    .arg(parser.value(QStringLiteral("region"))),
                {} });
        }
        input.region = *region;
    }
    if (parser.isSet(QStringLiteral("endpoint"))) {
        input.endpointOverride = QUrl(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
        if (!input.endpointOverride.isValid() || input.endpointOverride.isEmpty()) {
            return fail(Error { ErrorCode::InvalidInput, tr("--endpoint is not a valid URL."), {} });
        }
    }
    input.downloadActivity = !parser.isSet(QStringLiteral("no-activity"));
    input.reclaimSubscriptions = !parser.isSet(QStringLiteral("no-reclaim"));
    if (parser.isSet(QStringLiteral("analyze-from"))) {
        input.analyzeActivityFrom
            = QDate::fromString(parser.value(QStringLiteral("analyze-from")), Qt::ISODate);
        if (!input.analyzeActivityFrom.isValid()) {
            return fail(Error { ErrorCode::InvalidInput,
                tr("--analyze-from needs a date written YYYY-MM-DD, for example 2026-01-31."), {} });
        }
    }
    auto created = m_service->create(input);
    if (!created) {
        return fail(created.error());
    }
    const IntegrationProfile& p = created.value();
    if (parser.isSet(QStringLiteral("json"))) {
        m_io.out << QJsonDocument(toJson(p)).toJson(QJsonDocument::Indented);
    } else {
        m_io.out << p.id << Qt::endl;
    }
    m_io.err << tr("Created profile \"%1\" (%2). Next: roadmunk-sam token set --profile \"%1\" < token.txt")
                    .arg(p.displayName, statusCode(p.status))
             << Qt::endl;
    finish(ExitOk);
}

void CommandLine::profileList(const QCommandLineParser& parser)
{
    auto profiles = m_service->profiles().list();
    if (!profiles) {
        return fail(profiles.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const IntegrationProfile& p : profiles.value()) {
            array.append(toJson(p));
        }
        m_io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const IntegrationProfile& p : profiles.value()) {
            m_io.out << p.id << '\t' << statusCode(p.status) << '\t' << Regions::code(p.region) << '\t'
                     << p.displayName << Qt::endl;
        }
        if (profiles.value().isEmpty()) {
            m_io.err << tr(
                "No integration profiles yet. Create one with: roadmunk-sam profile create --name NAME")
                     << Qt::endl;
        }
    }
    finish(ExitOk);
}

void CommandLine::profileShow(const QCommandLineParser& parser, const QString& reference)
{
    auto profile = m_service->profiles().findByReference(reference);
    if (!profile) {
        return fail(profile.error());
    }
    const IntegrationProfile& p = profile.value();
    if (parser.isSet(QStringLiteral("json"))) {
        m_io.out << QJsonDocument(toJson(p)).toJson(QJsonDocument::Indented);
        return finish(ExitOk);
    }
    const QString never = tr("never");
    m_io.out << tr("Display Name:           %1").arg(p.displayName) << Qt::endl
             << tr("Status:                 %1").arg(statusCode(p.status)) << Qt::endl
             << tr("Profile Type:           %1").arg(profileTypeName()) << Qt::endl
             << tr("Region:                 %1").arg(Regions::code(p.region)) << Qt::endl
             << tr("Connection URL:         %1").arg(p.connectionUrl().toString()) << Qt::endl
             << tr("Download subscriptions: on (always)") << Qt::endl
             << tr("Download activity:      %1 (analyze user activity from %2)")
                    .arg(onOff(p.downloadActivity), p.analyzeActivityFrom.toString(Qt::ISODate))
             << Qt::endl
             << tr("Reclaim subscriptions:  %1").arg(onOff(p.reclaimSubscriptions)) << Qt::endl
             << tr("API token:              %1")
                    .arg(p.tokenSetAt.isValid()
                            ? tr("in the OS keychain since %1").arg(isoOrEmpty(p.tokenSetAt))
                            : tr("not set"))
             << Qt::endl
             << tr("Validated:              %1").arg(p.isValidated() ? isoOrEmpty(p.validatedAt) : never)
             << Qt::endl
             << tr("Published:              %1").arg(p.isPublished() ? isoOrEmpty(p.publishedAt) : never)
             << Qt::endl;
    finish(ExitOk);
}

void CommandLine::profileDelete(const QString& reference)
{
    auto profile = m_service->profiles().findByReference(reference);
    if (!profile) {
        return fail(profile.error());
    }
    const QString name = profile.value().displayName;
    m_service->remove(profile.value().id, [this, name](Result<void> removed) {
        if (!removed) {
            return fail(removed.error());
        }
        m_io.err << tr("Deleted profile \"%1\" and its API token.").arg(name) << Qt::endl;
        finish(ExitOk);
    });
}

void CommandLine::tokenSet(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    if (m_io.inIsTerminal) {
        m_io.err << tr("Paste the API token for \"%1\" and press Enter (input is hidden): ")
                        .arg(profile.value().displayName);
        m_io.err.flush();
    }
    QString token = SecretInput::read(m_io.in, m_io.inIsTerminal);
    if (m_io.inIsTerminal) {
        m_io.err << Qt::endl;
    }
    const QString name = profile.value().displayName;
    m_service->setToken(profile.value().id, token, [this, name](Result<void> stored) {
        if (!stored) {
            return fail(stored.error());
        }
        m_io.err << tr("Stored the API token for \"%1\" in the OS keychain. Next: roadmunk-sam validate "
                       "--profile \"%1\"")
                        .arg(name)
                 << Qt::endl;
        finish(ExitOk);
    });
    token.fill(QLatin1Char('\0'));
}

void CommandLine::tokenClear(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const QString name = profile.value().displayName;
    m_service->clearToken(profile.value().id, [this, name](Result<void> cleared) {
        if (!cleared) {
            return fail(cleared.error());
        }
        m_io.err << tr("Removed the API token of \"%1\" from the OS keychain.").arg(name) << Qt::endl;
        finish(ExitOk);
    });
}

void CommandLine::validate(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const qint64 id = profile.value().id;
    connect(m_service, &ProfileService::validationProgress, this,
        [this](qint64, int step, int total, const QString& text) {
            m_io.err << QStringLiteral("[%1/%2] ").arg(step).arg(total) << text << Qt::endl;
        });
    connect(m_service, &ProfileService::validationFinished, this,
        [this, id](qint64 profileId, const Result<ValidationReport>& result) {
            if (profileId != id) {
                return;
            }
            if (!result) {
                return fail(result.error());
            }
            const ValidationReport& r = result.value();
            m_io.err << tr(
                "Connection validated: token \"%1\", account \"%2\" (%3). Next: roadmunk-sam publish "
                "--profile NAME")
                            .arg(r.tokenName, r.companyName, r.packageName)
                     << Qt::endl;
            finish(ExitOk);
        });
    m_service->validate(id);
}

void CommandLine::publish(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    if (auto allowed = ProfileRules::canPublish(profile.value()); !allowed) {
        return fail(allowed.error());
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!m_io.inIsTerminal) {
            return fail(Error { ErrorCode::InvalidInput,
                tr("Publishing \"%1\" needs confirmation: run it in a terminal, or add --yes.")
                    .arg(profile.value().displayName),
                {} });
        }
        m_io.err << tr(
            "Publish \"%1\"? It will start downloading subscriptions and activity on schedule. [y/N] ")
                        .arg(profile.value().displayName);
        m_io.err.flush();
        const QString answer = QString::fromLocal8Bit(m_io.in.readLine()).trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            m_io.err << tr("Not published.") << Qt::endl;
            return finish(ExitFailure);
        }
    }
    auto published = m_service->publish(profile.value().id);
    if (!published) {
        return fail(published.error());
    }
    m_io.err << tr("Published \"%1\".").arg(published.value().displayName) << Qt::endl;
    finish(ExitOk);
}

} // namespace rmsam
