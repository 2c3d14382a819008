// The command line's syntax, declared once: the options each command takes and the list of
// commands --help prints. CommandLine.cpp parses with it and runs the commands.
#include "cli/CommandLine.h"

#include <QCommandLineParser>

namespace rmsam {

void CommandLine::addOptions(QCommandLineParser& parser, const QString& command, const QString& sub)
{
    parser.addOption({ QStringLiteral("data-dir"), tr("Use DIR for the database instead of the default."),
        QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("json"), tr("Print machine-readable JSON.") });
    parser.addOption(
        { QStringLiteral("profile"), tr("The profile, by Display Name or id."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("yes"), tr("Do not ask for confirmation.") });
    if (command == QLatin1String("profile") && sub == QLatin1String("create")) {
        parser.addOption(
            { QStringLiteral("name"), tr("Display Name of the new profile."), QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("region"), tr("app (North America, default), eu or apac."),
            QStringLiteral("REGION") });
        parser.addOption({ QStringLiteral("endpoint"), tr("Loopback sandbox URL instead of a region."),
            QStringLiteral("URL") });
        parser.addOption({ QStringLiteral("no-activity"), tr("Clear Download activity.") });
        parser.addOption({ QStringLiteral("no-reclaim"), tr("Clear Reclaim subscriptions.") });
        parser.addOption({ QStringLiteral("analyze-from"), tr("Analyze user activity from this date."),
            QStringLiteral("YYYY-MM-DD") });
    }
    if (command == QLatin1String("exclude")) {
        parser.addOption({ QStringLiteral("user"), tr("Exclude this user (email) in every profile."),
            QStringLiteral("EMAIL") });
        parser.addOption({ QStringLiteral("identifier"), tr("Exclude this subscription identifier (role)."),
            QStringLiteral("ROLE") });
    }
    if (command == QLatin1String("attach-report")) {
        parser.addOption({ QStringLiteral("email-column"), tr("The email column: header or number."),
            QStringLiteral("COLUMN") });
        parser.addOption({ QStringLiteral("status-column"), tr("The status column: header or number."),
            QStringLiteral("COLUMN") });
    }
    if (command == QLatin1String("export")) {
        parser.addOption({ QStringLiteral("report"), tr("The table to export."), QStringLiteral("REPORT") });
        parser.addOption({ QStringLiteral("out"), tr("Write to FILE instead of standard output."),
            QStringLiteral("FILE") });
    }
    if (command == QLatin1String("sync")) {
        parser.addOption({ QStringLiteral("only"), tr("Run only this job: subscriptions or activity."),
            QStringLiteral("JOB") });
        parser.addOption({ QStringLiteral("max-in-flight"),
            tr("Requests in flight at once (1–16, default 4)."), QStringLiteral("N") });
        parser.addOption({ QStringLiteral("accept-shrink"),
            tr("Apply the users listing even if it is empty or much smaller than the last snapshot.") });
    }
    if (command == QLatin1String("schedule")) {
        parser.addOption({ QStringLiteral("job"), tr("subscriptions or activity"), QStringLiteral("JOB") });
        parser.addOption(
            { QStringLiteral("at"), tr("Daily run time, local, HH:MM."), QStringLiteral("HH:MM") });
        parser.addOption({ QStringLiteral("max-in-flight"), tr("Requests in flight while paging (1–16)."),
            QStringLiteral("N") });
        parser.addOption({ QStringLiteral("report-max-age"),
            tr("Flag a User report older than DAYS days (1–365)."), QStringLiteral("DAYS") });
        parser.addOption({ QStringLiteral("max-response-mb"),
            tr("Refuse answers from Roadmunk larger than MB megabytes (1–256, default 8)."),
            QStringLiteral("MB") });
    }
    if (command == QLatin1String("rule")) {
        parser.addOption({ QStringLiteral("threshold-days"),
            tr("No activity for at least N days (default 60)."), QStringLiteral("N") });
        parser.addOption({ QStringLiteral("roles"),
            tr("Roles in scope, comma-separated: collaborator,user_manager,"
               "reviewer."),
            QStringLiteral("ROLES") });
        parser.addOption({ QStringLiteral("include-no-activity"),
            tr("Include users with no activity: yes or no."), QStringLiteral("yes|no") });
        parser.addOption({ QStringLiteral("grace-days"), tr("Grace period for invited and newly seen users."),
            QStringLiteral("N") });
        parser.addOption(
            { QStringLiteral("notify"), tr("Notify the user first: yes or no."), QStringLiteral("yes|no") });
        parser.addOption({ QStringLiteral("notify-days"),
            tr("Days before automatic reclamation after the notice."), QStringLiteral("N") });
    }
    if (command == QLatin1String("entitlement")) {
        parser.addOption({ QStringLiteral("seat"), tr("collaborator or reviewer"), QStringLiteral("SEAT") });
        parser.addOption({ QStringLiteral("owned"), tr("Seats owned."), QStringLiteral("N") });
        parser.addOption(
            { QStringLiteral("price"), tr("Price per seat and period."), QStringLiteral("AMOUNT") });
        parser.addOption(
            { QStringLiteral("period"), tr("year (default) or month"), QStringLiteral("PERIOD") });
        parser.addOption(
            { QStringLiteral("currency"), tr("ISO 4217 code, e.g. USD, JPY."), QStringLiteral("CODE") });
    }
    if (command == QLatin1String("candidate")) {
        parser.addOption({ QStringLiteral("number"), tr("The candidate's number (RC0000042 or 42)."),
            QStringLiteral("N") });
        parser.addOption({ QStringLiteral("note"), tr("A work note."), QStringLiteral("TEXT") });
    }
    if (command == QLatin1String("reclaim")) {
        parser.addOption(
            { QStringLiteral("dry-run"), tr("Show who would be deactivated; change nothing (default).") });
        parser.addOption({ QStringLiteral("max"), tr("Deactivate at most N users in this run (default 25)."),
            QStringLiteral("N") });
    }
}

QString CommandLine::commandsHelp()
{
    return tr("Commands:\n"
              "  profile create --name NAME [--region app|eu|apac] [--endpoint URL] [--no-activity]\n"
              "                 [--no-reclaim] [--analyze-from YYYY-MM-DD] [--json]\n"
              "  profile list [--json] | profile show NAME [--json] | profile delete NAME\n"
              "  token set --profile NAME   (reads the token from standard input)\n"
              "  token clear --profile NAME\n"
              "  validate --profile NAME\n"
              "  publish --profile NAME [--yes]\n"
              "  sync --profile NAME [--only subscriptions|activity] [--max-in-flight N] "
              "[--accept-shrink]\n"
              "  schedule list --profile NAME | schedule set --profile NAME [--job JOB --at HH:MM]\n"
              "       [--max-in-flight N] [--report-max-age DAYS] [--max-response-mb MB]\n"
              "  exclude add|remove --profile NAME (--user EMAIL | --identifier ROLE)\n"
              "  exclude list --profile NAME\n"
              "  export --profile NAME --report "
              "subscriptions|activity|inactive|unrecognized|exclusions|\n"
              "         scheduled|jobs|models|candidates|license|audit [--out FILE]\n"
              "  attach-report --profile NAME FILE [--email-column C] [--status-column C]\n"
              "  rule show --profile NAME | rule set --profile NAME [--threshold-days N] [--roles R,R]\n"
              "       [--include-no-activity yes|no] [--grace-days N] [--notify yes|no] [--notify-days "
              "N]\n"
              "  entitlement list --profile NAME | entitlement set --profile NAME --seat "
              "collaborator|reviewer\n"
              "       --owned N --price AMOUNT --currency CODE [--period year|month]\n"
              "  candidate list --profile NAME | candidate show|notice|recheck --number N\n"
              "  candidate reclaim|ready|skip|close|note|keep|release|approve|decline --number N\n"
              "       [--note TEXT]   (leaving Attention Required takes a note)\n"
              "  reclaim --profile NAME [--dry-run | --yes] [--max N]\n"
              "  sandbox [--port N] [--users N] [--seed S] [--page-cap N] [--latency-ms N] [--token T]\n"
              "Exit codes: 0 ok, 1 failure, 2 usage, 3 token missing or rejected, 4 network or region\n"
              "unreachable, 5 invalid input file, 6 keychain unavailable, 7 busy (another process).");
}

} // namespace rmsam
