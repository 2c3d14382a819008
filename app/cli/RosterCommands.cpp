// The HR roster commands (issue #17, leavers first): roster attach|show|detach and roster alias
// add|remove|list. They work through ProfileService; `export --report roster` is in DataCommands.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/TeamAccess.h"
#include "csv/HrRoster.h"
#include "services/ProfileService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace rmsam {
namespace {

class RosterAttach final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RosterAttach()
        : Command(QStringLiteral("roster attach"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Attach the company's HR roster (CSV): seat holders missing from it or listed as gone "
                "become removal candidates, listed first."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("email-column"), QStringLiteral("C"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The email column: header or number.") },
                { QStringLiteral("status-column"), QStringLiteral("C"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The status column: header or number.") },
                { QStringLiteral("end-date-column"), QStringLiteral("C"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The end-date column: header or number.") },
                { QStringLiteral("allow-partial"), {},
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Attach it even when it lists fewer than half of the profile's seat holders.") },
            },
            { { QStringLiteral("FILE"),
                QT_TRANSLATE_NOOP("rmsam::CommandLine", "The HR roster, a CSV file.") } })
    { }

    void run(CommandContext& c) const override
    {
        if (!c.permits(TeamAction::AttachReport)) {
            return;
        }
        const QString& path = c.arguments.constFirst();
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        const ParsedHrRoster parsed = c.profiles.attachRoster(profile.value().id, path,
            { c.parser.value(QStringLiteral("email-column")), c.parser.value(QStringLiteral("status-column")),
                c.parser.value(QStringLiteral("end-date-column")),
                c.parser.isSet(QStringLiteral("allow-partial")) });
        if (!parsed.roster) {
            Error error = *parsed.error;
            if (parsed.partial) {
                error.message += QLatin1Char(' ')
                    + tr("Check that the file lists the whole company, or attach it anyway with "
                         "--allow-partial.");
            }
            return c.fail(error);
        }
        c.io.err << tr("Attached the HR roster %1 to \"%2\": %3, %4 (%5).")
                        .arg(QFileInfo(path).fileName(), profile.value().displayName,
                            tr("%n employee(s)", nullptr, parsed.roster->employees),
                            tr("%n leaver(s)", nullptr, parsed.roster->leavers), parsed.roster->encoding)
                 << Qt::endl;
        c.finish(ExitOk);
    }
};

class RosterShow final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RosterShow()
        : Command(QStringLiteral("roster show"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Show the attached HR roster: file, when attached, employees, leavers, aliases."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override
    {
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        auto roster = c.profiles.roster(profile.value().id);
        if (!roster) {
            return c.fail(roster.error());
        }
        if (!roster.value()) {
            c.io.out << tr("No HR roster attached.") << Qt::endl;
            return c.finish(ExitOk);
        }
        const AttachedRoster& r = *roster.value();
        const int age = r.ageInDays(QDateTime::currentDateTimeUtc());
        const QString when = age == 0 ? tr("today") : tr("%n day(s) ago", nullptr, age);
        c.io.out << tr("File: %1").arg(r.fileName) << Qt::endl
                 << tr("Attached: %1 (%2)").arg(r.attachedAt.toUTC().toString(Qt::ISODate), when) << Qt::endl
                 << tr("Encoding: %1").arg(r.encoding) << Qt::endl
                 << tr("Employees: %1").arg(r.employees) << Qt::endl
                 << tr("Leavers: %1").arg(r.leavers) << Qt::endl
                 << tr("Aliases: %1").arg(r.aliases.size()) << Qt::endl;
        if (age > profile.value().reportMaxAgeDays) {
            c.io.err << tr("The HR roster is %n day(s) old: attach a current export.", nullptr, age)
                     << Qt::endl;
        }
        c.finish(ExitOk);
    }
};

class RosterDetach final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RosterDetach()
        : Command(QStringLiteral("roster detach"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Remove the attached HR roster; candidates go back to the reclamation rule alone."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override
    {
        if (!c.permits(TeamAction::AttachReport)) {
            return;
        }
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        if (auto detached = c.profiles.detachRoster(profile.value().id); !detached) {
            return c.fail(detached.error());
        }
        c.io.err << tr("Removed the HR roster of \"%1\".").arg(profile.value().displayName) << Qt::endl;
        c.finish(ExitOk);
    }
};

CommandOption userOption(Presence presence)
{
    return { QStringLiteral("user"), QStringLiteral("EMAIL"),
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "The user's address in Roadmunk."), presence };
}

class RosterAliasChange final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    explicit RosterAliasChange(bool add)
        : Command(add ? QStringLiteral("roster alias add") : QStringLiteral("roster alias remove"),
            add ? QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Match a Roadmunk address to another address on the HR roster (case-insensitive).")
                : QT_TRANSLATE_NOOP("rmsam::CommandLine", "Remove a roster alias."),
            add ? QList<CommandOption> { CommandSyntax::profile(), userOption(Presence::Required),
                { QStringLiteral("roster"), QStringLiteral("EMAIL"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The same person's address on the HR roster."),
                    Presence::Required } }
                : QList<CommandOption> { CommandSyntax::profile(), userOption(Presence::Required) })
        , m_add(add)
    { }

    void run(CommandContext& c) const override
    {
        if (!c.permits(TeamAction::AttachReport)) {
            return;
        }
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        const QString user = c.parser.value(QStringLiteral("user"));
        auto changed = m_add
            ? c.profiles.addRosterAlias(profile.value().id, user, c.parser.value(QStringLiteral("roster")))
            : c.profiles.removeRosterAlias(profile.value().id, user);
        if (!changed) {
            return c.fail(changed.error());
        }
        c.io.err << (m_add ? tr("%1 now matches %2 on the HR roster.")
                                 .arg(user.trimmed(), c.parser.value(QStringLiteral("roster")).trimmed())
                           : tr("Removed the roster alias of %1.").arg(user.trimmed()))
                 << Qt::endl;
        c.finish(ExitOk);
    }

private:
    const bool m_add;
};

class RosterAliasList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RosterAliasList()
        : Command(QStringLiteral("roster alias list"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "List the roster aliases: Roadmunk address, roster address."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override
    {
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        auto aliases = c.profiles.rosterAliases(profile.value().id);
        if (!aliases) {
            return c.fail(aliases.error());
        }
        for (const RosterAlias& a : aliases.value()) {
            c.io.out << a.userEmail << '\t' << a.rosterEmail << Qt::endl;
        }
        c.finish(ExitOk);
    }
};

} // namespace

QList<const Command*> rosterCommands()
{
    static const RosterAttach attach;
    static const RosterShow show;
    static const RosterDetach detach;
    static const RosterAliasChange aliasAdd(true);
    static const RosterAliasChange aliasRemove(false);
    static const RosterAliasList aliasList;
    return { &attach, &show, &detach, &aliasAdd, &aliasRemove, &aliasList };
}

} // namespace rmsam
