// `database copy --to URL`: the single admin's database (the data folder) into an empty
// PostgreSQL team database. The work is in DatabaseTransfer (services) and DatabaseCopy (storage).

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "services/DatabaseTransfer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rmsam {
namespace {

class DatabaseCopyCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    DatabaseCopyCommand()
        : Command(QStringLiteral("database copy"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Copy the local database (every profile, its history and audit) into an empty "
                "PostgreSQL database for team mode."),
            { { QStringLiteral("to"), QStringLiteral("URL"),
                QT_TRANSLATE_NOOP("rmsam::CommandLine",
                    "The PostgreSQL database to fill: postgresql://USER@HOST:PORT/DBNAME. It must be "
                    "empty; its schema is created or upgraded first."),
                Presence::Required } })
    { }

    void run(CommandContext& c) const override;
};

void DatabaseCopyCommand::run(CommandContext& c) const
{
    DatabaseCopyProgress progress;
    if (c.io.errIsTerminal) {
        progress = [&c](const QString& table, qint64 done, qint64 total) {
            c.io.err << tr("\rCopying %1: %2 of %3 rows").arg(table).arg(done).arg(total);
            if (done == total) {
                c.io.err << Qt::endl;
            }
            c.io.err.flush();
        };
    }
    auto copied = c.transfer.copyTo(c.parser.value(QStringLiteral("to")), progress);
    if (!copied) {
        return c.fail(copied.error());
    }
    const DatabaseCopyReport& report = copied.value();
    for (const CopiedTable& table : report.tables) {
        c.io.out << table.table << QLatin1Char('\t') << table.rows << Qt::endl;
    }
    c.io.err << tr("Copied %1 rows in %2 tables from %3 to %4.")
                    .arg(report.totalRows())
                    .arg(report.tables.size())
                    .arg(report.source, report.target)
             << Qt::endl;
    // The tokens never go into a database: the copied profiles keep their keychain keys.
    c.io.err << tr("The API tokens stay in this computer's OS keychain, where the copied profiles find "
                   "them. Every other member who syncs or reclaims stores the token in their own "
                   "keychain: roadmunk-sam --database URL token set --profile NAME.")
             << Qt::endl;
    c.finish(ExitOk);
}

} // namespace

QList<const Command*> databaseCopyCommands()
{
    static const DatabaseCopyCommand copy;
    return { &copy };
}

} // namespace rmsam
