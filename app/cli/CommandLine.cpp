#include "cli/CommandLine.h"

#include "core/Jobs.h"
#include "core/ProfileRules.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "services/Reports.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTime>

namespace rmsam {
namespace {

const QStringList Commands = { QStringLiteral("profile"), QStringLiteral("token"), QStringLiteral("validate"),
    QStringLiteral("publish"), QStringLiteral("sync"), QStringLiteral("exclude"), QStringLiteral("export"),
    QStringLiteral("attach-report"), QStringLiteral("schedule"), QStringLiteral("sandbox"),
    QStringLiteral("rule"), QStringLiteral("entitlement"), QStringLiteral("candidate"),
    QStringLiteral("reclaim") };

// The words of the command line, skipping options and the values of options that take one.
QStringList commandWords(const QStringList& arguments)
{
    static const QStringList valued = { QStringLiteral("--data-dir"), QStringLiteral("--name"),
        QStringLiteral("--region"), QStringLiteral("--endpoint"), QStringLiteral("--analyze-from"),
        QStringLiteral("--profile"), QStringLiteral("--only"), QStringLiteral("--user"),
        QStringLiteral("--identifier"), QStringLiteral("--report"), QStringLiteral("--out"),
        QStringLiteral("--email-column"), QStringLiteral("--status-column"),
        QStringLiteral("--max-in-flight"), QStringLiteral("--job"), QStringLiteral("--at"),
        QStringLiteral("--report-max-age"), QStringLiteral("--max-response-mb"),
        QStringLiteral("--threshold-days"), QStringLiteral("--roles"),
        QStringLiteral("--include-no-activity"), QStringLiteral("--grace-days"), QStringLiteral("--notify"),
        QStringLiteral("--notify-days"), QStringLiteral("--seat"), QStringLiteral("--owned"),
        QStringLiteral("--price"), QStringLiteral("--period"), QStringLiteral("--currency"),
        QStringLiteral("--number"), QStringLiteral("--note"), QStringLiteral("--max") };
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

// How many words (the command's own included) a command takes; 0 for one that is not known.
qsizetype positionalWordsTaken(const QString& command, const QString& sub)
{
    if (command == QLatin1String("profile")) {
        return sub == QLatin1String("show") || sub == QLatin1String("delete") ? 3 : 2;
    }
    if (command == QLatin1String("validate") || command == QLatin1String("publish")
        || command == QLatin1String("sync") || command == QLatin1String("export")
        || command == QLatin1String("reclaim")) {
        return 1;
    }
    if (command == QLatin1String("sandbox") || !Commands.contains(command)) {
        return 0;
    }
    return 2; // token, exclude, attach-report, schedule, rule, entitlement, candidate: a verb or a file
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
    case ErrorCode::Busy:
        return ExitBusy;
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

QStringList CommandLine::commandNames()
{
    return Commands;
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
    addOptions(parser, command, sub);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        m_io.err << tr("Error: %1").arg(parser.errorText()) << Qt::endl;
        finish(ExitUsage);
        return;
    }
    if (parser.isSet(help)) {
        m_io.out << parser.helpText() << Qt::endl << commandsHelp() << Qt::endl;
        finish(ExitOk);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    auto usage = [this](const QString& text) {
        m_io.err << tr("Usage: %1").arg(text) << Qt::endl;
        finish(ExitUsage);
    };
    // A word no command takes is refused, never ignored: it may be a pasted API token, which then
    // sits in the shell history believed stored. The message must not repeat it.
    if (const qsizetype taken = positionalWordsTaken(command, sub); taken > 0 && positional.size() > taken) {
        return fail(Error { ErrorCode::InvalidInput,
            tr("\"roadmunk-sam %1\" was given words it does not take; nothing was done. An API token is "
               "never read from the command line, where the shell history and other users can see it: "
               "it is read from standard input or typed at the hidden prompt (roadmunk-sam token set "
               "--profile NAME < token.txt). If a token was typed on the command line, remove it from "
               "the shell history.")
                .arg(command),
            QStringLiteral("%1 positional words, %2 expected").arg(positional.size()).arg(taken) });
    }

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
                               "unrecognized|exclusions|scheduled|jobs|models|candidates|license|audit "
                               "[--out FILE]"));
        }
        if (openServices(parser)) {
            exportReport(parser);
        }
        return;
    }
    if (command == QLatin1String("schedule")) {
        const bool list = sub == QLatin1String("list");
        const bool jobTime = parser.isSet(QStringLiteral("job")) || parser.isSet(QStringLiteral("at"));
        const bool validJobTime = Jobs::kindFromCode(parser.value(QStringLiteral("job")))
            && QTime::fromString(parser.value(QStringLiteral("at")), QStringLiteral("HH:mm")).isValid();
        const bool settings = parser.isSet(QStringLiteral("max-in-flight"))
            || parser.isSet(QStringLiteral("report-max-age"))
            || parser.isSet(QStringLiteral("max-response-mb"));
        const bool set = sub == QLatin1String("set") && (jobTime ? validJobTime : settings);
        if (!parser.isSet(QStringLiteral("profile")) || (!list && !set)) {
            return usage(
                QStringLiteral("roadmunk-sam schedule list --profile NAME | schedule set --profile NAME "
                               "[--job subscriptions|activity --at HH:MM] [--max-in-flight 1-16] "
                               "[--report-max-age DAYS] [--max-response-mb 1-256]"));
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
    if (command == QLatin1String("rule") || command == QLatin1String("entitlement")) {
        const bool show = sub == QLatin1String(command == QLatin1String("rule") ? "show" : "list");
        if (!parser.isSet(QStringLiteral("profile")) || (!show && sub != QLatin1String("set"))) {
            return usage(command == QLatin1String("rule")
                    ? QStringLiteral(
                        "roadmunk-sam rule show|set --profile NAME [--threshold-days N] [--roles R,R] "
                        "[--include-no-activity yes|no] [--grace-days N] [--notify yes|no] "
                        "[--notify-days N]")
                    : QStringLiteral(
                        "roadmunk-sam entitlement list|set --profile NAME --seat collaborator|reviewer "
                        "--owned N --price AMOUNT --currency CODE [--period year|month]"));
        }
        if (openServices(parser)) {
            command == QLatin1String("rule") ? rule(parser, show) : entitlement(parser, show);
        }
        return;
    }
    if (command == QLatin1String("candidate")) {
        static const QStringList actions = { QStringLiteral("show"), QStringLiteral("notice"),
            QStringLiteral("reclaim"), QStringLiteral("ready"), QStringLiteral("recheck"),
            QStringLiteral("skip"), QStringLiteral("close"), QStringLiteral("note"), QStringLiteral("keep"),
            QStringLiteral("release"), QStringLiteral("approve"), QStringLiteral("decline") };
        const bool list = sub == QLatin1String("list") && parser.isSet(QStringLiteral("profile"));
        const bool act = actions.contains(sub) && parser.isSet(QStringLiteral("number"))
            && (sub != QLatin1String("note") || parser.isSet(QStringLiteral("note")));
        if (!list && !act) {
            return usage(
                QStringLiteral("roadmunk-sam candidate list --profile NAME | candidate "
                               "show|notice|recheck|reclaim|ready|skip|close|"
                               "keep|release|approve|decline --number N [--note TEXT] | candidate note "
                               "--number N --note TEXT"));
        }
        if (openServices(parser)) {
            candidate(parser, sub);
        }
        return;
    }
    if (command == QLatin1String("reclaim")) {
        const int max = parser.value(QStringLiteral("max")).toInt();
        if (!parser.isSet(QStringLiteral("profile"))
            || (parser.isSet(QStringLiteral("dry-run")) && parser.isSet(QStringLiteral("yes")))
            || (parser.isSet(QStringLiteral("max")) && (max < 1 || max > 1000))) {
            return usage(
                QStringLiteral("roadmunk-sam reclaim --profile NAME [--dry-run | --yes] [--max 1-1000]"));
        }
        if (openServices(parser)) {
            reclaim(parser);
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

} // namespace rmsam
