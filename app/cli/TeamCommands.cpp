// team grant, team revoke, team list: the members of a shared PostgreSQL database and their roles.
// On SQLite there is no team: each command says team mode needs PostgreSQL (exit 2).

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "services/TeamService.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rmsam {
namespace {

CommandOption memberOption()
{
    return { QStringLiteral("member"), QStringLiteral("PGROLE"),
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "The member's PostgreSQL login role."), Presence::Required };
}

class TeamGrant final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    TeamGrant()
        : Command(QStringLiteral("team grant"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "Give a member of the team database a role (owners only)."),
            { memberOption(),
                { QStringLiteral("role"), QStringLiteral("viewer|operator|reclaimer|approver|owner"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The role; each includes the ones before it."),
                    Presence::Required } })
    { }

    void run(CommandContext& c) const override
    {
        const QString member = c.parser.value(QStringLiteral("member"));
        const TeamRole role = *TeamRoles::fromCode(c.parser.value(QStringLiteral("role")));
        if (auto granted = c.team.grant(member, role); !granted) {
            return c.fail(granted.error());
        }
        c.io.out << tr("%1 now has the %2 role.").arg(member, TeamRoles::code(role)) << Qt::endl;
        c.finish(ExitOk);
    }

protected:
    bool acceptsValues(const QCommandLineParser& parser) const override
    {
        return TeamRoles::fromCode(parser.value(QStringLiteral("role"))).has_value()
            && !parser.value(QStringLiteral("member")).isEmpty();
    }
};

class TeamRevoke final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    TeamRevoke()
        : Command(QStringLiteral("team revoke"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Take a member's role away (owners only)."),
            { memberOption() })
    { }

    void run(CommandContext& c) const override
    {
        const QString member = c.parser.value(QStringLiteral("member"));
        if (auto revoked = c.team.revoke(member); !revoked) {
            return c.fail(revoked.error());
        }
        c.io.out << tr("%1 no longer has a role in the team.").arg(member) << Qt::endl;
        c.finish(ExitOk);
    }
};

class TeamList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    TeamList()
        : Command(QStringLiteral("team list"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "List the members of the team database and their roles."),
            {})
    { }

    void run(CommandContext& c) const override
    {
        auto members = c.team.members();
        if (!members) {
            return c.fail(members.error());
        }
        for (const TeamMember& m : members.value()) {
            c.io.out << m.name << QLatin1Char('\t') << TeamRoles::code(m.role) << Qt::endl;
        }
        c.finish(ExitOk);
    }
};

} // namespace

QList<const Command*> teamCommands()
{
    static const TeamGrant grant;
    static const TeamRevoke revoke;
    static const TeamList list;
    return { &grant, &revoke, &list };
}

} // namespace rmsam
