#include "sandbox/SandboxCommand.h"

#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <limits>
#include <optional>

namespace rmsam {

namespace {

class SandboxCommand
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCommand)
};

constexpr int exitBadOptions = 2;
constexpr int exitPortUnavailable = 4;

// A whole number within [minimum, maximum], or nullopt with a message on `err`.
std::optional<qint64> numberOption(const QCommandLineParser& parser, const QString& name, qint64 fallback,
    qint64 minimum, qint64 maximum, QTextStream& err)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = parser.value(name);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        err << SandboxCommand::tr("--%1 must be a whole number from %2 to %3, not \"%4\".")
                   .arg(name)
                   .arg(minimum)
                   .arg(maximum)
                   .arg(text)
            << Qt::endl;
        return std::nullopt;
    }
    return value;
}

bool isPlausibleToken(const QString& token)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._~+/=-]+$"));
    return pattern.match(token).hasMatch();
}

// The command's options, declared once for parsing and for --help.
struct Syntax
{
    const QCommandLineOption help { { QStringLiteral("h"), QStringLiteral("help") },
        SandboxCommand::tr("Show this help.") };
    const QCommandLineOption port { QStringLiteral("port"),
        SandboxCommand::tr("Port on 127.0.0.1; 0 picks a free one."), QStringLiteral("N"),
        QStringLiteral("0") };
    const QCommandLineOption users { QStringLiteral("users"),
        SandboxCommand::tr("Number of users in the account."), QStringLiteral("N") };
    const QCommandLineOption seed { QStringLiteral("seed"),
        SandboxCommand::tr("Seed of the synthetic data and the generated token."), QStringLiteral("S") };
    const QCommandLineOption pageCap { QStringLiteral("page-cap"),
        SandboxCommand::tr("Most rows served per page."), QStringLiteral("N") };
    const QCommandLineOption latency { QStringLiteral("latency-ms"),
        SandboxCommand::tr("Delay added to every response."), QStringLiteral("N") };
    const QCommandLineOption token { QStringLiteral("token"),
        SandboxCommand::tr("API token to accept; generated when omitted."), QStringLiteral("T") };
    const QCommandLineOption limitedToken { QStringLiteral("limited-token"),
        SandboxCommand::tr("A second token that lacks the Account Admin role."), QStringLiteral("T") };
    const QCommandLineOption fault { QStringLiteral("fault"),
        SandboxCommand::tr(
            "Inject a fault into the Nth GraphQL request (every request without @N); repeatable, "
            "the first that matches applies. MODE is an HTTP status (400-599, e.g. 401, 500, 502, "
            "503), 429[:SECONDS] or 429-date[:SECONDS] (Retry-After in seconds or as an HTTP date), "
            "reset (close the connection unanswered), stall (never answer), trickle[:MS] (one byte "
            "every MS), malformed (200 with broken JSON), partial (200 with data and errors), "
            "redirect-host[:URL] or redirect-http[:URL] (307 elsewhere)."),
        QStringLiteral("MODE[:ARG][@N]") };
    const QCommandLineOption anomaly { QStringLiteral("anomaly"),
        SandboxCommand::tr(
            "Answer with hostile but well-formed data; repeatable, names may be joined by commas. "
            "NAME is dates=FORMAT (how lastLogin, archivedOn and restoredOn are sent: mixed, iso, "
            "iso-offset, epoch-ms, epoch-s, rfc1123 or garbage), endless (listings never end), "
            "ignore-offset (always the first page, hasMore true), empty-users (no users), "
            "hasmore-string (hasMore as \"true\" or \"false\"), duplicate-ids (a user twice in a page), "
            "huge-ids (user ids as numbers above 2^53), oversized[:MIB] (answers padded to MIB MiB, "
            "default 50), deactivate-false (deactivateUser answers false and does nothing) or "
            "shrink[:PERCENT] (the users listing leaves out PERCENT %, default 25). Tests change them "
            "at run time with POST /sandbox/anomalies."),
        QStringLiteral("NAME[,NAME...]") };

    QList<QCommandLineOption> all() const
    {
        return { help, port, users, seed, pageCap, latency, token, limitedToken, fault, anomaly };
    }
};

// What the command line asks for.
struct Invocation
{
    SandboxOptions options;
    quint16 port = 0;
};

// The options' values, checked; nullopt after the messages on `err`.
std::optional<Invocation> readOptions(
    const QCommandLineParser& parser, const Syntax& syntax, QTextStream& err)
{
    Invocation invocation;
    SandboxOptions& options = invocation.options;
    // Every number is checked before giving up, so that one run names every bad one.
    const auto portValue = numberOption(parser, syntax.port.names().constFirst(), 0, 0, 65535, err);
    const auto userCount
        = numberOption(parser, syntax.users.names().constFirst(), options.userCount, 0, 1'000'000, err);
    const auto seedValue = numberOption(parser, syntax.seed.names().constFirst(), qint64(options.seed), 0,
        std::numeric_limits<qint64>::max(), err);
    const auto cap = numberOption(
        parser, syntax.pageCap.names().constFirst(), options.pageCap, 1, SandboxExecutor::maxLimit, err);
    const auto latencyMs = numberOption(parser, syntax.latency.names().constFirst(), 0, 0, 600'000, err);
    if (!portValue || !userCount || !seedValue || !cap || !latencyMs)
        return std::nullopt;
    invocation.port = quint16(*portValue);
    options.userCount = int(*userCount);
    options.seed = quint64(*seedValue);
    options.pageCap = int(*cap);
    options.latencyMs = int(*latencyMs);
    for (const QCommandLineOption* option : { &syntax.token, &syntax.limitedToken }) {
        if (parser.isSet(*option) && !isPlausibleToken(parser.value(*option))) {
            err << SandboxCommand::tr("--%1 must be a non-empty token without spaces.")
                       .arg(option->names().constFirst())
                << Qt::endl;
            return std::nullopt;
        }
    }
    options.token = parser.value(syntax.token);
    options.limitedToken = parser.value(syntax.limitedToken);
    for (const QString& text : parser.values(syntax.fault)) {
        auto parsed = SandboxFault::parse(text);
        if (!parsed) {
            err << parsed.error().message << Qt::endl;
            return std::nullopt;
        }
        options.faults.append(parsed.value());
    }
    if (parser.isSet(syntax.anomaly)) {
        auto parsed = SandboxAnomalies::parse(parser.values(syntax.anomaly));
        if (!parsed) {
            err << parsed.error().message << Qt::endl;
            return std::nullopt;
        }
        options.anomalies = parsed.value();
    }
    return invocation;
}

// Runs the server until the application quits.
int serve(const Invocation& invocation, QTextStream& out, QTextStream& err)
{
    if (!QCoreApplication::instance()) {
        err << SandboxCommand::tr("The sandbox needs a running application object.") << Qt::endl;
        return 1;
    }
    const SandboxOptions& options = invocation.options;
    SandboxServer server(options);
    if (server.listen(invocation.port) == 0) {
        err << SandboxCommand::tr("Cannot listen on 127.0.0.1 port %1: it is in use or not permitted.")
                   .arg(invocation.port)
            << Qt::endl;
        return exitPortUnavailable;
    }
    // Stable, untranslated lines on standard output, for scripts; the rest goes to err.
    out << "Endpoint: " << server.endpoint().toString() << Qt::endl;
    // The token is printed only when the user could not know it; a given one stays off screen.
    if (server.tokenWasGenerated()) {
        out << "Token: " << server.token() << Qt::endl;
    }
    err << SandboxCommand::tr("Roadmunk sandbox with %1 users. Press Ctrl+C to stop.").arg(options.userCount)
        << Qt::endl;
    for (const SandboxFault& f : options.faults)
        err << SandboxCommand::tr("Injecting fault %1.").arg(f.toString()) << Qt::endl;
    if (!options.anomalies.isNone())
        err << SandboxCommand::tr("Anomalies: %1.").arg(options.anomalies.toString()) << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace

int runSandboxCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const Syntax syntax;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        SandboxCommand::tr("Runs a local Roadmunk GraphQL sandbox with a synthetic account."));
    parser.addOptions(syntax.all());

    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList { QStringLiteral("roadmunk-sam sandbox") } + arguments)) {
        err << parser.errorText() << Qt::endl;
        return exitBadOptions;
    }
    if (parser.isSet(syntax.help)) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << SandboxCommand::tr("Unexpected argument \"%1\".")
                   .arg(parser.positionalArguments().constFirst())
            << Qt::endl;
        return exitBadOptions;
    }
    const std::optional<Invocation> invocation = readOptions(parser, syntax, err);
    if (!invocation)
        return exitBadOptions;
    return serve(*invocation, out, err);
}

} // namespace rmsam
