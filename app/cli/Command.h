#pragma once

#include "cli/CommandLine.h"

#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace rmsam {

class DatabaseTransfer;
class JobLauncher;
class MailService;
class ProfileService;
class ReclamationService;
class ReportService;
class Services;
class TokenStore;
class TeamService;
struct IntegrationProfile;
enum class TeamAction;

// How an option appears on a command line. Adjacent options of the same group kind (OneOf,
// AtMostOne, Together) form one group: `(--user EMAIL | --identifier ROLE)`,
// `[--dry-run | --yes]`, `[--job JOB --at HH:MM]`.
enum class Presence
{
    Optional,
    Required,
    OneOf, // exactly one of the group
    AtMostOne, // none or one of the group
    Together, // all of the group or none
};

// One option of a command: `--name VALUE`, or a flag when value is empty. The description is a
// QT_TRANSLATE_NOOP in the "rmsam::CommandLine" context; help translates it when it prints.
struct CommandOption
{
    QString name;
    QString value; // the value as usage and help show it: "NAME", "app|eu|apac", "1-16"
    const char* description = nullptr;
    Presence presence = Presence::Optional;
};

// A word the command takes after its own words (all of them required), e.g. profile show NAME.
struct CommandArgument
{
    QString name;
    const char* description = nullptr; // QT_TRANSLATE_NOOP("rmsam::CommandLine", …)
};

// What a running command works with: the parsed command line, the streams, the services of the
// data folder, and finish()/fail() to report its exit code, possibly later from a callback. The
// CommandLine owns it for as long as the command can run.
class CommandContext
{
public:
    CommandContext(
        CommandLine& owner, const QCommandLineParser& parser, QStringList arguments, Services& services);

    const QCommandLineParser& parser;
    const QStringList arguments; // the command's own arguments, after its words
    CommandLine::Streams& io;
    ProfileService& profiles;
    ReclamationService& reclamation;
    ReportService& reports;
    JobLauncher& launcher;
    DatabaseTransfer& transfer;
    TeamService& team;
    MailService& mail;
    // Context of the connections a command makes: they end with it.
    QObject* const owner;

    void finish(int exitCode);
    void fail(const Error& error);
    // Whether the member's team role allows the action; when not, fails with NotPermitted (exit 7)
    // naming the role needed, before anything is sent to the database or Roadmunk.
    bool permits(TeamAction action);
    // The profile named by --profile.
    Result<IntegrationProfile> profileFromOption() const;

private:
    CommandLine& m_owner;
};

// What a command works with that runs before the database is opened: the password commands of
// a team database, which it may not open without. location is --database, or the database the
// GUI was set to use.
class KeychainContext
{
public:
    KeychainContext(
        CommandLine& owner, const QCommandLineParser& parser, QString location, TokenStore& tokens);

    const QCommandLineParser& parser;
    CommandLine::Streams& io;
    const QString location;
    TokenStore& tokens;
    QObject* const owner;

    void finish(int exitCode);
    void fail(const Error& error);

private:
    CommandLine& m_owner;
};

// One command of the command line, declared once: the words that select it, a one-line summary,
// its options and arguments. Usage, help and the parser's options are generated from the
// declaration; run() does the work. A declaration is immutable and shared: everything a run
// needs is in its CommandContext.
//
// Each command class says Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine): its messages keep the
// translation context they have always had, so the existing translations apply.
class Command
{
public:
    Command(QString name, const char* summary, QList<CommandOption> options,
        QList<CommandArgument> arguments = {});
    virtual ~Command() = default;
    Q_DISABLE_COPY_MOVE(Command)

    const QString name; // "profile create", "sync"
    const char* const summary; // QT_TRANSLATE_NOOP("rmsam::CommandLine", …)
    const QList<CommandOption> options;
    const QList<CommandArgument> arguments;

    QStringList words() const { return name.split(QLatin1Char(' ')); }
    // "roadmunk-sam profile create --name NAME [--region app|eu|apac] …"
    QString usage() const;
    // The summary, translated.
    virtual QString summaryText() const;
    // The usage, the summary, each argument and option with its description, the exit codes.
    QString help() const;
    // Whether the parsed options meet the declaration (required options, groups) and the
    // command's own rules on values. The argument count is checked by the caller.
    bool accepts(const QCommandLineParser& parser) const;

    // Started once the syntax is accepted and the services are open; reports through
    // context.finish() or context.fail(), now or later.
    virtual void run(CommandContext& context) const = 0;
    // A command run by the executable before the command line starts (the sandbox): declared
    // here for help and lookup only.
    virtual bool runsOutside() const { return false; }
    // Whether run() needs the database open; a command that does not runs runWithoutDatabase().
    virtual bool opensDatabase() const { return true; }
    virtual void runWithoutDatabase(KeychainContext& context) const;

protected:
    // Rules on values the declaration does not state: a range, a known code, a pair that only
    // makes sense together. Usage is printed when they fail.
    virtual bool acceptsValues(const QCommandLineParser& parser) const;
};

namespace CommandSyntax {

// The options every command takes: --data-dir and --help.
QList<CommandOption> globalOptions();
// Options several commands take, declared once.
CommandOption profile(); // --profile NAME, required
CommandOption json();
CommandOption yes();
// The whole number an option holds; a candidate's number may start with RC (RC0000042).
Result<int> number(const QCommandLineParser& parser, const QString& name);
// `  --name NAME   Description.` lines, aligned.
QString describe(const QList<CommandOption>& options);
// The exit codes paragraph of every help.
QString exitCodes();

} // namespace CommandSyntax

} // namespace rmsam
