#include "cli/CommandLine.h"

#include "cli/SecretInput.h"
#include "core/Jobs.h"
#include "core/ProfileRules.h"
#include "jobs/ProfileService.h"
#include "jobs/Reports.h"
#include "secrets/TokenStore.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTime>

namespace rmsam {
namespace {

const QStringList Commands = { QStringLiteral("profile"), QStringLiteral("token"), QStringLiteral("validate"),
    QStringLiteral("publish"), QStringLiteral("sync"), QStringLiteral("exclude"), QStringLiteral("export"),
    QStringLiteral("attach-report"), QStringLiteral("schedule"), QStringLiteral("sandbox") };

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

// The words of the command line, skipping options and the values of options that take one.
QStringList commandWords(const QStringList& arguments)
{
    static const QStringList valued = { QStringLiteral("--data-dir"), QStringLiteral("--name"),
        QStringLiteral("--region"), QStringLiteral("--endpoint"), QStringLiteral("--analyze-from"),
        QStringLiteral("--profile"), QStringLiteral("--only"), QStringLiteral("--user"),
        QStringLiteral("--identifier"), QStringLiteral("--report"), QStringLiteral("--out"),
        QStringLiteral("--email-column"), QStringLiteral("--status-column"),
        QStringLiteral("--max-in-flight"), QStringLiteral("--job"), QStringLiteral("--at") };
    QStringList words;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a.startsWith(QLatin1Char('-'))) {
            if (valued.contains(a)) {
                ++i;
            }
            continue;
        }
        words.append(a);
    }
    return words;
}

} // namespace

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return ExitUsage;
    case ErrorCode::TokenMissing:
    case ErrorCode::TokenRejected:
    case ErrorCode::TokenLacksRights:
        return ExitToken;
    case ErrorCode::Unreachable:
    case ErrorCode::Timeout:
        return ExitNetwork;
    case ErrorCode::InvalidFile:
        return ExitInvalidFile;
    case ErrorCode::KeychainUnavailable:
    case ErrorCode::KeychainError:
        return ExitKeychain;
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::InvalidState:
    case ErrorCode::ServerError:
    case ErrorCode::ProtocolError:
    case ErrorCode::StorageError:
    case ErrorCode::Cancelled:
        return ExitFailure;
    }
    return ExitFailure;
}

CommandLine::CommandLine(Options options, Streams streams, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_io(streams)
{ }

CommandLine::~CommandLine() = default;

bool CommandLine::isCommand(const QStringList& arguments)
{
    const QStringList words = commandWords(arguments);
    return !words.isEmpty() && Commands.contains(words.first());
}

void CommandLine::finish(int code)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_io.out.flush();
    m_io.err.flush();
    emit finished(code);
}

void CommandLine::fail(const Error& error)
{
    m_io.err << tr("Error: %1").arg(error.message) << Qt::endl;
    finish(exitCodeFor(error.code));
}

void CommandLine::start(const QStringList& arguments)
{
    const QStringList words = commandWords(arguments);
    const QString command = words.value(0);
    const QString sub = words.value(1);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Roadmunk SAM command line"));
    parser.addOption({ QStringLiteral("data-dir"), tr("Use DIR for the database instead of the default."),
        QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("json"), tr("Print machine-readable JSON.") });
    parser.addOption(
        { QStringLiteral("profile"), tr("The profile, by Display Name or id."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("yes"), tr("Do not ask for confirmation.") });
    if (command == QLatin1String("profile") && sub == QLatin1String("create")) {
        parser.addOption(
            { QStringLiteral("name"), tr("Display Name of the new profile."), QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("region"), tr("app (North America, default), eu or apac."),
            QStringLiteral("REGION") });
        parser.addOption({ QStringLiteral("endpoint"), tr("Loopback sandbox URL instead of a region."),
            QStringLiteral("URL") });
        parser.addOption({ QStringLiteral("no-activity"), tr("Clear Download activity.") });
        parser.addOption({ QStringLiteral("no-reclaim"), tr("Clear Reclaim subscriptions.") });
        parser.addOption({ QStringLiteral("analyze-from"), tr("Analyze user activity from this date."),
            QStringLiteral("YYYY-MM-DD") });
    }
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    parser.addOption(help);
    if (command == QLatin1String("exclude")) {
        parser.addOption({ QStringLiteral("user"), tr("Exclude this user (email) in every profile."),
            QStringLiteral("EMAIL") });
        parser.addOption({ QStringLiteral("identifier"), tr("Exclude this subscription identifier (role)."),
            QStringLiteral("ROLE") });
    }
    if (command == QLatin1String("attach-report")) {
        parser.addOption({ QStringLiteral("email-column"), tr("The email column: header or number."),
            QStringLiteral("COLUMN") });
        parser.addOption({ QStringLiteral("status-column"), tr("The status column: header or number."),
            QStringLiteral("COLUMN") });
    }
    if (command == QLatin1String("export")) {
        parser.addOption({ QStringLiteral("report"), tr("The table to export."), QStringLiteral("REPORT") });
        parser.addOption({ QStringLiteral("out"), tr("Write to FILE instead of standard output."),
            QStringLiteral("FILE") });
    }
    if (command == QLatin1String("sync")) {
        parser.addOption({ QStringLiteral("only"), tr("Run only this job: subscriptions or activity."),
            QStringLiteral("JOB") });
        parser.addOption({ QStringLiteral("max-in-flight"),
            tr("Requests in flight at once (1–16, default 4)."), QStringLiteral("N") });
    }
    if (command == QLatin1String("schedule")) {
        parser.addOption({ QStringLiteral("job"), tr("subscriptions or activity"), QStringLiteral("JOB") });
        parser.addOption(
            { QStringLiteral("at"), tr("Daily run time, local, HH:MM."), QStringLiteral("HH:MM") });
    }
    if (!parser.parse(arguments)) {
        m_io.err << tr("Error: %1").arg(parser.errorText()) << Qt::endl;
        finish(ExitUsage);
        return;
    }
    if (parser.isSet(help)) {
        m_io.out
            << parser.helpText() << Qt::endl
            << tr("Commands:\n"
                  "  profile create --name NAME [--region app|eu|apac] [--endpoint URL] [--no-activity]\n"
                  "                 [--no-reclaim] [--analyze-from YYYY-MM-DD] [--json]\n"
                  "  profile list [--json] | profile show NAME [--json] | profile delete NAME\n"
                  "  token set --profile NAME   (reads the token from standard input)\n"
                  "  token clear --profile NAME\n"
                  "  validate --profile NAME\n"
                  "  publish --profile NAME [--yes]\n"
                  "  sync --profile NAME [--only subscriptions|activity] [--max-in-flight N]\n"
                  "  schedule list --profile NAME | schedule set --profile NAME --job JOB --at HH:MM\n"
                  "  exclude add|remove --profile NAME (--user EMAIL | --identifier ROLE)\n"
                  "  exclude list --profile NAME\n"
                  "  export --profile NAME --report "
                  "subscriptions|activity|inactive|unrecognized|exclusions|\n"
                  "         scheduled|jobs|models [--out FILE]\n"
                  "  attach-report --profile NAME FILE [--email-column C] [--status-column C]\n"
                  "  sandbox [--port N] [--users N] [--seed S] [--page-cap N] [--latency-ms N] [--token T]\n"
                  "Exit codes: 0 ok, 1 failure, 2 usage, 3 token missing or rejected, 4 network or region\n"
                  "unreachable, 5 invalid input file, 6 keychain unavailable.")
            << Qt::endl;
        finish(ExitOk);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    auto usage = [this](const QString& text) {
        m_io.err << tr("Usage: %1").arg(text) << Qt::endl;
        finish(ExitUsage);
    };

    if (command == QLatin1String("profile")) {
        const QString usageText = QStringLiteral("roadmunk-sam profile create|list|show|delete …");
        if (sub == QLatin1String("create")) {
            if (!parser.isSet(QStringLiteral("name"))) {
                return usage(QStringLiteral(
                    "roadmunk-sam profile create --name NAME [--region app|eu|apac] "
                    "[--endpoint URL] [--no-activity] [--no-reclaim] [--analyze-from YYYY-MM-DD]"));
            }
            if (openServices(parser)) {
                profileCreate(parser);
            }
        } else if (sub == QLatin1String("list")) {
            if (openServices(parser)) {
                profileList(parser);
            }
        } else if (sub == QLatin1String("show") || sub == QLatin1String("delete")) {
            if (positional.size() != 3) {
                return usage(QStringLiteral("roadmunk-sam profile %1 NAME").arg(sub));
            }
            if (!openServices(parser)) {
                return;
            }
            if (sub == QLatin1String("show")) {
                profileShow(parser, positional.at(2));
            } else {
                profileDelete(positional.at(2));
            }
        } else {
            usage(usageText);
        }
        return;
    }
    if (command == QLatin1String("token")) {
        if ((sub != QLatin1String("set") && sub != QLatin1String("clear"))
            || !parser.isSet(QStringLiteral("profile"))) {
            return usage(
                QStringLiteral("roadmunk-sam token set|clear --profile NAME   (set reads the token from "
                               "standard input)"));
        }
        if (openServices(parser)) {
            sub == QLatin1String("set") ? tokenSet(parser) : tokenClear(parser);
        }
        return;
    }
    if (command == QLatin1String("exclude")) {
        const bool list = sub == QLatin1String("list");
        const bool change = sub == QLatin1String("add") || sub == QLatin1String("remove");
        const bool oneTarget
            = parser.isSet(QStringLiteral("user")) != parser.isSet(QStringLiteral("identifier"));
        if (!parser.isSet(QStringLiteral("profile")) || (!list && !change) || (change && !oneTarget)) {
            return usage(QStringLiteral(
                "roadmunk-sam exclude add|remove --profile NAME (--user EMAIL | --identifier ROLE)"
                " | exclude list --profile NAME"));
        }
        if (openServices(parser)) {
            exclude(parser, sub);
        }
        return;
    }
    if (command == QLatin1String("attach-report")) {
        if (!parser.isSet(QStringLiteral("profile")) || positional.size() != 2) {
            return usage(QStringLiteral("roadmunk-sam attach-report --profile NAME FILE [--email-column C] "
                                        "[--status-column C]"));
        }
        if (openServices(parser)) {
            attachReport(parser, positional.at(1));
        }
        return;
    }
    if (command == QLatin1String("export")) {
        if (!parser.isSet(QStringLiteral("profile"))
            || !Reports::fromCode(parser.value(QStringLiteral("report")))) {
            return usage(
                QStringLiteral("roadmunk-sam export --profile NAME --report subscriptions|activity|inactive|"
                               "unrecognized|exclusions|scheduled|jobs|models [--out FILE]"));
        }
        if (openServices(parser)) {
            exportReport(parser);
        }
        return;
    }
    if (command == QLatin1String("schedule")) {
        const bool list = sub == QLatin1String("list");
        const bool set = sub == QLatin1String("set")
            && Jobs::kindFromCode(parser.value(QStringLiteral("job")))
            && QTime::fromString(parser.value(QStringLiteral("at")), QStringLiteral("HH:mm")).isValid();
        if (!parser.isSet(QStringLiteral("profile")) || (!list && !set)) {
            return usage(
                QStringLiteral("roadmunk-sam schedule list --profile NAME | schedule set --profile NAME "
                               "--job subscriptions|activity --at HH:MM"));
        }
        if (openServices(parser)) {
            schedule(parser, list);
        }
        return;
    }
    if (command == QLatin1String("sync")) {
        const QString only = parser.value(QStringLiteral("only"));
        const int inFlight = parser.value(QStringLiteral("max-in-flight")).toInt();
        if (!parser.isSet(QStringLiteral("profile")) || (!only.isEmpty() && !Jobs::kindFromCode(only))
            || (parser.isSet(QStringLiteral("max-in-flight")) && (inFlight < 1 || inFlight > 16))) {
            return usage(QStringLiteral("roadmunk-sam sync --profile NAME [--only subscriptions|activity] "
                                        "[--max-in-flight 1-16]"));
        }
        if (openServices(parser)) {
            sync(parser);
        }
        return;
    }
    if (command == QLatin1String("validate") || command == QLatin1String("publish")) {
        if (!parser.isSet(QStringLiteral("profile"))) {
            return usage(
                QStringLiteral("roadmunk-sam %1 --profile NAME%2")
                    .arg(command,
                        command == QLatin1String("publish") ? QStringLiteral(" [--yes]") : QString()));
        }
        if (openServices(parser)) {
            command == QLatin1String("validate") ? validate(parser) : publish(parser);
        }
        return;
    }
    usage(QStringLiteral("roadmunk-sam [--demo] | profile … | token … | validate … | publish … | sandbox …"));
}

bool CommandLine::openServices(const QCommandLineParser& parser)
{
    const QString dataDir = parser.isSet(QStringLiteral("data-dir"))
        ? parser.value(QStringLiteral("data-dir"))
        : m_options.defaultDataDir;
    auto database = Database::open(dataDir);
    if (!database) {
        fail(database.error());
        return false;
    }
    m_database = std::move(database).value();
    m_tokens = new TokenStore(m_options.keychainService, this);
    m_network = new QNetworkAccessManager(this);
    m_service = new ProfileService(*m_database, *m_tokens, m_network, this);
    return true;
}

Result<IntegrationProfile> CommandLine::profileFromOption(const QCommandLineParser& parser)
{
    return m_service->profiles().findByReference(parser.value(QStringLiteral("profile")));
}

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
