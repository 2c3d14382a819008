// Usage and help generated from a command's declaration, and the checks the declaration implies.
#include "cli/Command.h"

#include "services/ProfileService.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rmsam {
namespace {

// Declarations hold their texts untranslated (QT_TRANSLATE_NOOP): they are built once, before a
// language may be chosen. The context is CommandLine's, where the translations are.
QString translated(const char* source)
{
    return QCoreApplication::translate("rmsam::CommandLine", source);
}

bool isGroup(Presence presence)
{
    return presence == Presence::OneOf || presence == Presence::AtMostOne || presence == Presence::Together;
}

QString optionText(const CommandOption& option)
{
    const QString flag = option.name == QLatin1String("help") ? QStringLiteral("-h, --help")
                                                              : QStringLiteral("--") + option.name;
    return option.value.isEmpty() ? flag : flag + QLatin1Char(' ') + option.value;
}

// The options in order, adjacent options of one group kind together.
QList<QList<CommandOption>> grouped(const QList<CommandOption>& options)
{
    QList<QList<CommandOption>> groups;
    for (const CommandOption& option : options) {
        if (!groups.isEmpty() && isGroup(option.presence)
            && groups.last().constFirst().presence == option.presence) {
            groups.last().append(option);
        } else {
            groups.append({ option });
        }
    }
    return groups;
}

QString groupUsage(const QList<CommandOption>& group)
{
    QStringList texts;
    for (const CommandOption& option : group) {
        texts.append(optionText(option));
    }
    switch (group.constFirst().presence) {
    case Presence::Required:
        return texts.join(QLatin1Char(' '));
    case Presence::Optional:
        return QLatin1Char('[') + texts.join(QStringLiteral("] [")) + QLatin1Char(']');
    case Presence::OneOf:
        return QLatin1Char('(') + texts.join(QStringLiteral(" | ")) + QLatin1Char(')');
    case Presence::AtMostOne:
        return QLatin1Char('[') + texts.join(QStringLiteral(" | ")) + QLatin1Char(']');
    case Presence::Together:
        return QLatin1Char('[') + texts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    return {};
}

bool groupAccepts(const QList<CommandOption>& group, const QCommandLineParser& parser)
{
    qsizetype set = 0;
    for (const CommandOption& option : group) {
        set += parser.isSet(option.name) ? 1 : 0;
    }
    switch (group.constFirst().presence) {
    case Presence::Required:
        return set == group.size();
    case Presence::Optional:
        return true;
    case Presence::OneOf:
        return set == 1;
    case Presence::AtMostOne:
        return set <= 1;
    case Presence::Together:
        return set == 0 || set == group.size();
    }
    return false;
}

// Two aligned columns; a left column too wide for the alignment puts its description on the
// next line.
QString columns(const QList<std::pair<QString, QString>>& rows)
{
    constexpr qsizetype widest = 30;
    qsizetype width = 0;
    for (const auto& [left, right] : rows) {
        if (left.size() <= widest) {
            width = qMax(width, left.size());
        }
    }
    QString text;
    const QString indent(2 + width + 2, QLatin1Char(' '));
    for (const auto& [left, right] : rows) {
        text += QStringLiteral("  ") + left;
        text += left.size() <= widest ? QString(width - left.size() + 2, QLatin1Char(' '))
                                      : QLatin1Char('\n') + indent;
        text += right + QLatin1Char('\n');
    }
    return text;
}

} // namespace

CommandContext::CommandContext(
    CommandLine& owner, const QCommandLineParser& parser, QStringList arguments, Services& services)
    : parser(parser)
    , arguments(std::move(arguments))
    , io(owner.m_io)
    , profiles(services.profileService())
    , reclamation(services.reclamationService())
    , reports(services.reportService())
    , launcher(services.launcher())
    , transfer(services.databaseTransfer())
    , team(services.team())
    , mail(services.mail())
    , owner(&owner)
    , m_owner(owner)
{ }

KeychainContext::KeychainContext(
    CommandLine& owner, const QCommandLineParser& parser, QString location, TokenStore& tokens)
    : parser(parser)
    , io(owner.m_io)
    , location(std::move(location))
    , tokens(tokens)
    , owner(&owner)
    , m_owner(owner)
{ }

void KeychainContext::finish(int exitCode)
{
    m_owner.finish(exitCode);
}

void KeychainContext::fail(const Error& error)
{
    m_owner.fail(error);
}

void Command::runWithoutDatabase(KeychainContext& context) const
{
    context.finish(ExitFailure); // only a command whose opensDatabase() is false is run so
}

void CommandContext::finish(int exitCode)
{
    m_owner.finish(exitCode);
}

void CommandContext::fail(const Error& error)
{
    m_owner.fail(error);
}

bool CommandContext::permits(TeamAction action)
{
    if (auto allowed = team.check(action); !allowed) {
        fail(allowed.error());
        return false;
    }
    return true;
}

Result<IntegrationProfile> CommandContext::profileFromOption() const
{
    return profiles.findByReference(parser.value(QStringLiteral("profile")));
}

Command::Command(
    QString name, const char* summary, QList<CommandOption> options, QList<CommandArgument> arguments)
    : name(std::move(name))
    , summary(summary)
    , options(std::move(options))
    , arguments(std::move(arguments))
{ }

QString Command::usage() const
{
    QStringList parts { QStringLiteral("roadmunk-sam"), name };
    for (const CommandArgument& argument : arguments) {
        parts.append(argument.name);
    }
    for (const QList<CommandOption>& group : grouped(options)) {
        parts.append(groupUsage(group));
    }
    return parts.join(QLatin1Char(' '));
}

QString Command::summaryText() const
{
    return translated(summary);
}

QString Command::help() const
{
    QString text = CommandLine::tr("Usage: %1").arg(usage()) + QLatin1Char('\n') + summaryText()
        + QStringLiteral("\n\n");
    if (!arguments.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const CommandArgument& argument : arguments) {
            rows.append({ argument.name, translated(argument.description) });
        }
        text += CommandLine::tr("Arguments:") + QLatin1Char('\n') + columns(rows) + QLatin1Char('\n');
    }
    text += CommandLine::tr("Options:") + QLatin1Char('\n')
        + CommandSyntax::describe(options + CommandSyntax::globalOptions()) + QLatin1Char('\n');
    return text + CommandSyntax::exitCodes();
}

bool Command::accepts(const QCommandLineParser& parser) const
{
    for (const QList<CommandOption>& group : grouped(options)) {
        if (!groupAccepts(group, parser)) {
            return false;
        }
    }
    return acceptsValues(parser);
}

bool Command::acceptsValues(const QCommandLineParser&) const
{
    return true;
}

namespace CommandSyntax {

QList<CommandOption> globalOptions()
{
    return {
        { QStringLiteral("data-dir"), QStringLiteral("DIR"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Use DIR for the database instead of the default.") },
        { QStringLiteral("database"), QStringLiteral("URL"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Use the PostgreSQL database at URL (postgresql://USER@HOST:PORT/DBNAME, settings "
                "after ?) instead of the local one; its password stays in ~/.pgpass.") },
        { QStringLiteral("help"), {}, QT_TRANSLATE_NOOP("rmsam::CommandLine", "Show this help.") },
    };
}

CommandOption profile()
{
    return { QStringLiteral("profile"), QStringLiteral("NAME"),
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "The profile, by Display Name or id."), Presence::Required };
}

CommandOption json()
{
    return { QStringLiteral("json"), {},
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "Print machine-readable JSON.") };
}

CommandOption yes()
{
    return { QStringLiteral("yes"), {},
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "Do not ask for confirmation.") };
}

Result<int> number(const QCommandLineParser& parser, const QString& name)
{
    QString text = parser.value(name).trimmed();
    if (text.startsWith(QLatin1String("RC"), Qt::CaseInsensitive)) {
        text = text.mid(2);
    }
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::CommandLine", "--%1 takes a whole number, not \"%2\".")
                .arg(name, parser.value(name)),
            {} };
    }
    return n;
}

QString describe(const QList<CommandOption>& options)
{
    QList<std::pair<QString, QString>> rows;
    for (const CommandOption& option : options) {
        rows.append({ optionText(option), translated(option.description) });
    }
    return columns(rows);
}

QString exitCodes()
{
    return CommandLine::tr(
        "Exit codes: 0 ok, 1 failure, 2 usage, 3 token missing or rejected, 4 network or region\n"
        "unreachable, 5 invalid input file, 6 keychain unavailable, 7 not permitted by your team\n"
        "role, 8 busy (another process).");
}

} // namespace CommandSyntax

} // namespace rmsam
