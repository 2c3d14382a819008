#include "cli/CommandLine.h"

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "secrets/TokenStore.h"
#include "services/Services.h"

#include <QCommandLineParser>

namespace rmsam {
namespace {

// Longer words are not repeated in messages: one may be an API token pasted in the wrong place.
constexpr qsizetype longestWordShown = 32;

// The words of the command line, skipping options and the values of options that take one.
QStringList commandWords(const QStringList& arguments)
{
    static const QStringList valued = CommandRegistry::valuedOptions();
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a.startsWith(QLatin1Char('-'))) {
            if (valued.contains(a.mid(2)) && a.startsWith(QLatin1String("--"))) {
                ++i;
            }
            continue;
        }
        words.append(a);
    }
    return words;
}

bool asksForHelp(const QStringList& arguments)
{
    return arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"));
}

// Each command's usage line with its summary below it.
QString overview(const QList<const Command*>& commands)
{
    QString text = CommandLine::tr("Commands:") + QLatin1Char('\n');
    for (const Command* command : commands) {
        text += QStringLiteral("  ") + command->usage() + QStringLiteral("\n      ") + command->summaryText()
            + QLatin1Char('\n');
    }
    return text;
}

// A word no command takes is refused, never ignored: it may be a pasted API token, which then
// sits in the shell history believed stored. The message must not repeat it.
Error wordsNotTaken(const QString& command, qsizetype given, qsizetype taken)
{
    return Error { ErrorCode::InvalidInput,
        CommandLine::tr(
            "\"roadmunk-sam %1\" was given words it does not take; nothing was done. An API token is "
            "never read from the command line, where the shell history and other users can see it: "
            "it is read from standard input or typed at the hidden prompt (roadmunk-sam token set "
            "--profile NAME < token.txt). If a token was typed on the command line, remove it from "
            "the shell history.")
            .arg(command),
        QStringLiteral("%1 positional words, %2 expected").arg(given).arg(taken) };
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
    case ErrorCode::NotPermitted:
        return ExitNotPermitted;
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

bool CommandLine::hasCommandWord(const QStringList& arguments)
{
    return !commandWords(arguments).isEmpty();
}

QStringList CommandLine::commandNames()
{
    return CommandRegistry::firstWords();
}

QString CommandLine::commandsHelp()
{
    return overview(CommandRegistry::all()) + QLatin1Char('\n') + CommandSyntax::exitCodes();
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

void CommandLine::usage(const QList<const Command*>& commands)
{
    QStringList lines;
    for (const Command* command : commands) {
        lines.append(command->usage());
    }
    m_io.err << tr("Usage: %1").arg(lines.join(QStringLiteral("\n  "))) << Qt::endl;
    finish(ExitUsage);
}

void CommandLine::start(const QStringList& arguments)
{
    const QStringList words = commandWords(arguments);
    const Command* command = CommandRegistry::find(words);
    if (!command) {
        return startWithoutCommand(arguments, words);
    }
    if (command->runsOutside()) {
        return usage({ command }); // `roadmunk-sam sandbox …`, and nothing before it
    }
    if (!parse(*command, arguments)) {
        return;
    }
    if (m_parser->isSet(QStringLiteral("help"))) {
        m_io.out << command->help() << Qt::endl;
        return finish(ExitOk);
    }
    if (!checkSyntax(*command)) {
        return;
    }
    if (!command->opensDatabase()) {
        return runWithoutDatabase(*command);
    }
    if (!openServices()) {
        return;
    }
    m_context = std::make_unique<CommandContext>(
        *this, *m_parser, m_parser->positionalArguments().mid(command->words().size()), *m_services);
    command->run(*m_context);
}

void CommandLine::startWithoutCommand(const QStringList& arguments, const QStringList& words)
{
    const QString word = words.value(0);
    const QList<const Command*> group = CommandRegistry::group(word);
    if (words.isEmpty() && asksForHelp(arguments)) {
        m_io.out << tr("Roadmunk SAM command line") << QStringLiteral("\n\n") << commandsHelp() << Qt::endl;
        return finish(ExitOk);
    }
    if (group.isEmpty()) {
        return words.isEmpty() ? usage(CommandRegistry::all()) : unknownCommand(word);
    }
    // A group's verb is its second word; anything after an unknown verb is refused unread.
    if (words.size() > 2) {
        m_io.err << tr("Error: %1").arg(wordsNotTaken(word, words.size(), 2).message) << Qt::endl;
        return usage(group);
    }
    if (asksForHelp(arguments)) {
        m_io.out << overview(group) << QLatin1Char('\n') << tr("Options:") << QLatin1Char('\n')
                 << CommandSyntax::describe(CommandSyntax::globalOptions()) << QLatin1Char('\n')
                 << CommandSyntax::exitCodes() << Qt::endl;
        return finish(ExitOk);
    }
    usage(group);
}

void CommandLine::unknownCommand(const QString& word)
{
    if (word.size() > longestWordShown) {
        m_io.err << tr(
            "roadmunk-sam: unknown command of %1 characters, not repeated here in case it is an API "
            "token. If a token was typed on the command line, remove it from the shell history.")
                        .arg(word.size())
                 << Qt::endl;
    } else {
        m_io.err << tr("roadmunk-sam: unknown command \"%1\"").arg(word) << Qt::endl;
        if (const QString closest = CommandRegistry::closestFirstWord(word); !closest.isEmpty()) {
            m_io.err << tr("Did you mean \"%1\"?").arg(closest) << Qt::endl;
        }
    }
    m_io.err << tr("Run \"roadmunk-sam --help\" for the commands.") << Qt::endl;
    finish(ExitUsage);
}

bool CommandLine::parse(const Command& command, const QStringList& arguments)
{
    m_parser = std::make_unique<QCommandLineParser>();
    for (const CommandOption& option : command.options + CommandSyntax::globalOptions()) {
        QStringList names { option.name };
        if (option.name == QLatin1String("help")) {
            names.prepend(QStringLiteral("h"));
        }
        m_parser->addOption(
            { names, QCoreApplication::translate("rmsam::CommandLine", option.description), option.value });
    }
    if (!m_parser->parse(arguments)) {
        m_io.err << tr("Error: %1").arg(m_parser->errorText()) << Qt::endl;
        usage({ &command });
        return false;
    }
    return true;
}

// What the declaration says about the words and options given; the values are the command's.
bool CommandLine::checkSyntax(const Command& command)
{
    const qsizetype given = m_parser->positionalArguments().size();
    const qsizetype taken = command.words().size() + command.arguments.size();
    if (given > taken) {
        m_io.err << tr("Error: %1").arg(wordsNotTaken(command.name, given, taken).message) << Qt::endl;
        usage({ &command });
        return false;
    }
    if (given < taken || !command.accepts(*m_parser)) {
        usage({ &command });
        return false;
    }
    return true;
}

Result<QString> CommandLine::location() const
{
    const bool dataDirSet = m_parser->isSet(QStringLiteral("data-dir"));
    if (dataDirSet && m_parser->isSet(QStringLiteral("database"))) {
        return Error { ErrorCode::InvalidInput, tr("Give --data-dir or --database, not both."), {} };
    }
    // A folder for the local SQLite database, or a PostgreSQL URL (Database::open tells them apart).
    return m_parser->isSet(QStringLiteral("database")) ? m_parser->value(QStringLiteral("database"))
        : dataDirSet                                   ? m_parser->value(QStringLiteral("data-dir"))
                                                       : m_options.defaultDataDir;
}

bool CommandLine::openServices()
{
    auto where = location();
    if (!where) {
        fail(where.error());
        return false;
    }
    auto services = Services::open(where.value(), m_options.keychainService);
    if (!services) {
        fail(services.error());
        return false;
    }
    m_services = std::move(services).value();
    return true;
}

void CommandLine::runWithoutDatabase(const Command& command)
{
    auto where = location();
    if (!where) {
        return fail(where.error());
    }
    m_tokens = std::make_unique<TokenStore>(m_options.keychainService);
    m_keychainContext = std::make_unique<KeychainContext>(*this, *m_parser, where.value(), *m_tokens);
    command.runWithoutDatabase(*m_keychainContext);
}

} // namespace rmsam
