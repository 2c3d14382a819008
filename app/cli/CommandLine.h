#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

class QCommandLineParser;
class QIODevice;

namespace rmsam {

class Command;
class CommandContext;
class KeychainContext;
class TokenStore;
class Services;

// Exit codes of the command line (README, "Command line").
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitToken = 3,
    ExitNetwork = 4,
    ExitInvalidFile = 5,
    ExitKeychain = 6,
    ExitNotPermitted = 7, // the member's team role does not allow it (the database refused)
    ExitBusy = 8, // another Roadmunk SAM process holds the database or runs the same job; try later
};

int exitCodeFor(ErrorCode code);

// The headless commands: `roadmunk-sam profile|token|validate|publish …`. They use the same
// data directory and keychain entries as the GUI. Data goes to out, messages to err; a token
// is read only from in (standard input), never from an argument.
//
// The commands are declared in CommandRegistry; this class finds the one the words name, checks
// the command line against its declaration, opens the services and runs it.
class CommandLine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString defaultDataDir;
        QString keychainService;
    };
    struct Streams
    {
        QTextStream& out;
        QTextStream& err;
        QIODevice& in;
        bool inIsTerminal = false;
        // Progress lines (rewritten in place with \r) go to a terminal only, not to logs.
        bool errIsTerminal = false;
    };

    CommandLine(Options options, Streams streams, QObject* parent = nullptr);
    ~CommandLine() override;

    // Whether the arguments (program name first) hold a word, that is ask for a command — known
    // or not — rather than the GUI.
    static bool hasCommandWord(const QStringList& arguments);
    // The first words of the commands ("profile", "sync", …), for the program's own --help.
    static QStringList commandNames();
    // Every command's usage and summary, and the exit codes: the program's --help ends with it.
    static QString commandsHelp();

    // Runs the command; finished() reports its exit code (possibly before start() returns).
    void start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    friend class CommandContext;
    friend class KeychainContext;

    void finish(int code);
    void fail(const Error& error);
    void usage(const QList<const Command*>& commands);
    // The words name no command: none at all, a group without its verb, or an unknown word.
    void startWithoutCommand(const QStringList& arguments, const QStringList& words);
    void unknownCommand(const QString& word);
    bool parse(const Command& command, const QStringList& arguments);
    bool checkSyntax(const Command& command);
    bool openServices();
    // --database, --data-dir, or the default; InvalidInput when both options are given.
    Result<QString> location() const;
    void runWithoutDatabase(const Command& command);

    Options m_options;
    Streams m_io;
    std::unique_ptr<QCommandLineParser> m_parser;
    // Declared before the services it refers to, so that it outlives them: a run the services
    // stop on their way out may still report to the command.
    std::unique_ptr<CommandContext> m_context;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<KeychainContext> m_keychainContext;
    std::unique_ptr<Services> m_services;
    bool m_finished = false;
};

} // namespace rmsam
