#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

class QCommandLineParser;
class QIODevice;
class QNetworkAccessManager;

namespace rmsam {

class Database;
class ProfileService;
class TokenStore;
struct IntegrationProfile;

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
    ExitBusy = 7, // another Roadmunk SAM process holds the database or runs the same job; try later
};

int exitCodeFor(ErrorCode code);

// The headless commands: `roadmunk-sam profile|token|validate|publish …`. They use the same
// data directory and keychain entries as the GUI. Data goes to out, messages to err; a token
// is read only from in (standard input), never from an argument.
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

    // Whether the arguments (program name first) name a command rather than the GUI.
    static bool isCommand(const QStringList& arguments);
    // The first words of the commands ("profile", "sync", …), for the program's own --help.
    static QStringList commandNames();

    // Runs the command; finished() reports its exit code (possibly before start() returns).
    void start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    // The syntax (CommandSyntax.cpp): the options a command takes, and the commands' summary.
    static void addOptions(QCommandLineParser& parser, const QString& command, const QString& sub);
    static QString commandsHelp();

    void finish(int code);
    void fail(const Error& error);
    bool openServices(const QCommandLineParser& parser);
    Result<IntegrationProfile> profileFromOption(const QCommandLineParser& parser);

    void profileCreate(const QCommandLineParser& parser);
    void profileList(const QCommandLineParser& parser);
    void profileShow(const QCommandLineParser& parser, const QString& reference);
    void profileDelete(const QString& reference);
    void tokenSet(const QCommandLineParser& parser);
    void tokenClear(const QCommandLineParser& parser);
    void validate(const QCommandLineParser& parser);
    void publish(const QCommandLineParser& parser);
    void sync(const QCommandLineParser& parser);
    void exclude(const QCommandLineParser& parser, const QString& action);
    void exportReport(const QCommandLineParser& parser);
    void attachReport(const QCommandLineParser& parser, const QString& path);
    void schedule(const QCommandLineParser& parser, bool list);
    void rule(const QCommandLineParser& parser, bool show);
    void entitlement(const QCommandLineParser& parser, bool list);
    void candidate(const QCommandLineParser& parser, const QString& action);
    void reclaim(const QCommandLineParser& parser);

    Options m_options;
    Streams m_io;
    std::unique_ptr<Database> m_database;
    TokenStore* m_tokens = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    ProfileService* m_service = nullptr;
    bool m_finished = false;
};

} // namespace rmsam
