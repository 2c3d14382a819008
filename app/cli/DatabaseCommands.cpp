// database init and database status: the schema and the team's roles on a shared PostgreSQL
// database, and what the connected member sees of it.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "services/TeamService.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

class DatabaseInit final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    DatabaseInit()
        : Command(QStringLiteral("database init"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Create the schema and, on PostgreSQL, the team's roles and grants (run by the "
                "database administrator)."),
            {})
    { }

    void run(CommandContext& c) const override
    {
        // Opening the services brought the schema up to date.
        if (auto done = c.team.initialize(); !done) {
            return c.fail(done.error());
        }
        auto status = c.team.status();
        if (!status) {
            return c.fail(status.error());
        }
        const DatabaseStatus& s = status.value();
        if (c.team.isTeamDatabase()) {
            c.io.out << tr("The database %1 is ready: schema version %2, the team's roles and grants are "
                           "in place. Add members with: roadmunk-sam team grant --member PGROLE --role "
                           "viewer|operator|reclaimer|approver|owner")
                            .arg(s.location, QString::number(s.schemaVersion))
                     << Qt::endl;
        } else {
            c.io.out << tr("The database %1 is ready: schema version %2. It is a single admin's SQLite "
                           "database, without team roles: team mode needs a PostgreSQL database "
                           "(--database postgresql://USER@HOST/DB).")
                            .arg(s.location, QString::number(s.schemaVersion))
                     << Qt::endl;
        }
        c.finish(ExitOk);
    }
};

class DatabaseStatusCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    DatabaseStatusCommand()
        : Command(QStringLiteral("database status"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Print the database's backend, location, schema version and your role."),
            {})
    { }

    void run(CommandContext& c) const override
    {
        auto status = c.team.status();
        if (!status) {
            return c.fail(status.error());
        }
        const DatabaseStatus& s = status.value();
        c.io.out << tr("Backend: %1").arg(s.backend) << Qt::endl
                 << tr("Database: %1").arg(s.location) << Qt::endl
                 << tr("Schema version: %1").arg(s.schemaVersion) << Qt::endl;
        if (c.team.isTeamDatabase()) {
            c.io.out << tr("Member: %1").arg(s.member) << Qt::endl
                     << tr("Role: %1")
                            .arg(c.team.hasRole() ? TeamRoles::code(s.role)
                                                  : tr("none (ask an owner for one)"))
                     << Qt::endl
                     << tr("Team roles: %1")
                            .arg(s.teamInitialized ? tr("set up")
                                                   : tr("not set up (run: roadmunk-sam database init)"))
                     << Qt::endl;
        } else {
            c.io.out << tr("Role: %1").arg(TeamRoles::code(s.role)) << Qt::endl;
        }
        c.finish(ExitOk);
    }
};

} // namespace

QList<const Command*> databaseCommands()
{
    static const DatabaseInit init;
    static const DatabaseStatusCommand status;
    return { &init, &status };
}

} // namespace rmsam
