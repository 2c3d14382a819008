// The reclamation commands: rule and reclaim; the entitlement commands are in
// EntitlementCommands.cpp, the candidate commands in CandidateCommands.cpp. rule works through
// ReclamationService; reclaim starts on the JobLauncher.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/TeamAccess.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/MailService.h"
#include "services/ReclaimJob.h"
#include "services/ReclaimPlanFile.h"
#include "services/ReclamationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <memory>

namespace rmsam {
namespace {

using CommandSyntax::money;

// "yes"/"no" of an option, or nullopt when absent; an error for anything else.
Result<std::optional<bool>> yesNo(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name)) {
        return std::optional<bool>();
    }
    const QString v = parser.value(name).toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("no")) {
        return std::optional<bool>(v == QLatin1String("yes"));
    }
    return Error { ErrorCode::InvalidInput,
        QCoreApplication::translate("rmsam::CommandLine", "--%1 takes yes or no.").arg(name), {} };
}

class RuleShow final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RuleShow()
        : Command(QStringLiteral("rule show"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Show the profile's reclamation rule."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
    static void print(CommandContext& c, const ReclamationRule& r);
};

void RuleShow::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    auto current = c.reclamation.rule(profile.value().id);
    if (!current) {
        return c.fail(current.error());
    }
    print(c, current.value());
}

void RuleShow::print(CommandContext& c, const ReclamationRule& r)
{
    c.io.out << tr("Last-activity threshold: %1 days").arg(r.thresholdDays) << Qt::endl
             << tr("Roles in scope: %1 (Account Admins never)").arg(r.rolesInScope.join(QStringLiteral(", ")))
             << Qt::endl
             << tr("Include users with no activity: %1").arg(r.includeNoActivity ? tr("yes") : tr("no"))
             << Qt::endl
             << tr("Grace period for invited and newly seen users: %1 days").arg(r.graceDays) << Qt::endl
             << tr("Notify user: %1")
                    .arg(r.notifyUser ? tr("yes, %1 days before reclamation").arg(r.notifyDays) : tr("no"))
             << Qt::endl
             << tr("Reminder: %1")
                    .arg(r.reminderDays > 0 ? tr("%1 days before the deadline").arg(r.reminderDays)
                                            : tr("none"))
             << Qt::endl;
    c.finish(ExitOk);
}

class RuleSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    RuleSet()
        : Command(QStringLiteral("rule set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Change the profile's reclamation rule; it applies from the next sync."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("threshold-days"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "No activity for at least N days (default 60).") },
                { QStringLiteral("roles"), QStringLiteral("R,R"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Roles in scope, comma-separated: collaborator,user_manager,"
                        "reviewer.") },
                { QStringLiteral("include-no-activity"), QStringLiteral("yes|no"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Include users with no activity: yes or no.") },
                { QStringLiteral("grace-days"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Grace period for invited and newly seen users.") },
                { QStringLiteral("notify"), QStringLiteral("yes|no"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Notify the user first: yes or no.") },
                { QStringLiteral("notify-days"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Days before automatic reclamation after the notice.") },
                { QStringLiteral("reminder-days"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "E-mail a reminder N days before the deadline (0: none; default 2).") },
            })
    { }

    void run(CommandContext& c) const override;
};

void RuleSet::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Rule)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    auto current = c.reclamation.rule(profile.value().id);
    if (!current) {
        return c.fail(current.error());
    }
    ReclamationRule r = current.value();
    for (const auto& [option, field] : { std::pair { QStringLiteral("threshold-days"), &r.thresholdDays },
             std::pair { QStringLiteral("grace-days"), &r.graceDays },
             std::pair { QStringLiteral("notify-days"), &r.notifyDays },
             std::pair { QStringLiteral("reminder-days"), &r.reminderDays } }) {
        if (parser.isSet(option)) {
            auto n = CommandSyntax::number(parser, option);
            if (!n) {
                return c.fail(n.error());
            }
            *field = n.value();
        }
    }
    if (parser.isSet(QStringLiteral("roles"))) {
        r.rolesInScope = parser.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& role : r.rolesInScope) {
            role = role.trimmed().toLower();
        }
    }
    for (const auto& [option, field] :
        { std::pair { QStringLiteral("include-no-activity"), &r.includeNoActivity },
            std::pair { QStringLiteral("notify"), &r.notifyUser } }) {
        auto v = yesNo(parser, option);
        if (!v) {
            return c.fail(v.error());
        }
        if (v.value()) {
            *field = *v.value();
        }
    }
    if (auto saved = c.reclamation.saveRule(r); !saved) {
        return c.fail(saved.error());
    }
    c.io.err << tr("Saved the reclamation rule of \"%1\"; it applies from the next sync.")
                    .arg(profile.value().displayName)
             << Qt::endl;
    RuleShow::print(c, r);
}

class ReclaimRun final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ReclaimRun()
        : Command(QStringLiteral("reclaim"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Reclaim the seats of the candidates ready for it; a dry run unless --yes."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("dry-run"), {},
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Show who would be deactivated; change nothing (default)."),
                    Presence::AtMostOne },
                { CommandSyntax::yes().name, {}, CommandSyntax::yes().description, Presence::AtMostOne },
                { QStringLiteral("max"), QStringLiteral("1-1000"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Deactivate at most N users in this run (default 25).") },
                { QStringLiteral("save-plan"), QStringLiteral("FILE"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "With the dry run: save what it would do, for reclaim --yes --plan FILE.") },
                { QStringLiteral("plan"), QStringLiteral("FILE"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "With --yes: run exactly this saved plan, or nothing if it was changed, is older "
                        "than "
                        "24 hours, or any of its candidates changed since.") },
            })
    { }

    void run(CommandContext& c) const override;

protected:
    bool acceptsValues(const QCommandLineParser& parser) const override
    {
        const int max = parser.value(QStringLiteral("max")).toInt();
        const bool yes = parser.isSet(QStringLiteral("yes"));
        // A plan is saved by a dry run and run with --yes, whose size the plan sets.
        return (!parser.isSet(QStringLiteral("max")) || (max >= 1 && max <= 1000))
            && !(parser.isSet(QStringLiteral("save-plan")) && yes)
            && !(parser.isSet(QStringLiteral("plan")) && (!yes || parser.isSet(QStringLiteral("max"))));
    }

private:
    static void report(CommandContext& c, const IntegrationProfile& profile, const ReclaimOptions& options,
        const ReclaimOutcome& outcome);
    // Sends the notices of the candidates the run moved to Awaiting User, when e-mail is set up.
    static void notify(CommandContext& c, const IntegrationProfile& profile, const ReclaimOutcome& outcome);
};

void ReclaimRun::run(CommandContext& c) const
{
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const qint64 id = profile.value().id;
    ReclaimOptions options;
    options.dryRun = !parser.isSet(QStringLiteral("yes"));
    // A dry run reads only: any member may preview what a run would take.
    if (!options.dryRun && !c.permits(TeamAction::Reclaim)) {
        return;
    }
    options.actor = Reclamation::currentActor();
    if (parser.isSet(QStringLiteral("max"))) {
        options.max = parser.value(QStringLiteral("max")).toInt();
    }
    if (parser.isSet(QStringLiteral("plan"))) {
        QFile file(parser.value(QStringLiteral("plan")));
        if (!file.open(QIODevice::ReadOnly)) {
            return c.fail(Error { ErrorCode::InvalidFile,
                tr("Cannot read the plan %1: %2").arg(file.fileName(), file.errorString()), {} });
        }
        // A plan lists at most 1,000 candidates: a few hundred kilobytes. Anything far larger is
        // not one, and is not read into memory.
        if (file.size() > 16 * 1024 * 1024) {
            return c.fail(Error { ErrorCode::Conflict,
                tr("The plan is refused: %1 is far larger than a plan. Nobody was deactivated.")
                    .arg(file.fileName()),
                {} });
        }
        auto planned
            = ReclaimPlanFiles::read(file.readAll(), profile.value(), QDateTime::currentDateTimeUtc());
        if (!planned) {
            return c.fail(planned.error());
        }
        options.confirmed = planned.value();
        options.max = int(planned.value().size());
    }
    // A progress line on the terminal is ended before the results follow.
    auto progressShown = std::make_shared<bool>(false);
    if (c.io.errIsTerminal) {
        QObject::connect(&c.launcher, &JobLauncher::reclaimProgress, c.owner,
            [&c, id, progressShown](qint64 profileId, int done, int total) {
                if (profileId != id) {
                    return;
                }
                c.io.err << tr("\r%1 of %n candidate(s)", nullptr, total).arg(done);
                c.io.err.flush();
                *progressShown = true;
            });
    }
    QObject::connect(&c.launcher, &JobLauncher::reclaimFinished, c.owner,
        [&c, id, progressShown, profile = profile.value(), options](
            qint64 profileId, const ReclaimOutcome& outcome) {
            if (profileId != id) {
                return;
            }
            if (*progressShown) {
                c.io.err << Qt::endl;
            }
            report(c, profile, options, outcome);
        });
    // A dry run plans from stored data only: no token, no network.
    if (auto started = c.launcher.startReclaim(id, options); !started) {
        c.fail(started.error());
    }
}

void ReclaimRun::report(CommandContext& c, const IntegrationProfile& profile, const ReclaimOptions& options,
    const ReclaimOutcome& outcome)
{
    // A run that never began (no token, a plan whose candidates changed) has nothing to list.
    if (outcome.items.isEmpty() && outcome.error) {
        return c.fail(*outcome.error);
    }
    if (outcome.dryRun && c.parser.isSet(QStringLiteral("save-plan")) && !outcome.error) {
        QSaveFile file(c.parser.value(QStringLiteral("save-plan")));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(
                   ReclaimPlanFiles::write(profile, options, outcome.items, QDateTime::currentDateTimeUtc()))
                < 0
            || !file.commit()) {
            return c.fail(Error { ErrorCode::InvalidInput,
                tr("Cannot save the plan %1: %2").arg(file.fileName(), file.errorString()), {} });
        }
        c.io.err << tr("Plan saved to %1. Run it within 24 hours with: reclaim --profile %2 --yes --plan %1")
                        .arg(file.fileName(), profile.displayName)
                 << Qt::endl;
    }
    for (const ReclaimItem& i : outcome.items) {
        c.io.out << i.candidate.displayNumber() << '\t' << Reclaim::outcomeCode(i.outcome) << '\t'
                 << i.candidate.email << '\t' << SeatTypes::code(i.candidate.seatType) << '\t'
                 << money(i.savings, i.currency) << '\t' << i.message << Qt::endl;
    }
    c.io.err << (outcome.dryRun ? tr("%1 Run again with --yes to reclaim.").arg(outcome.summary())
                                : outcome.summary())
             << Qt::endl;
    if (!outcome.dryRun && outcome.count(ReclaimItem::Outcome::Notified) > 0) {
        return notify(c, profile, outcome);
    }
    if (outcome.error) {
        return c.fail(*outcome.error);
    }
    c.finish(ExitOk);
}

void ReclaimRun::notify(CommandContext& c, const IntegrationProfile& profile, const ReclaimOutcome& outcome)
{
    auto mail = c.mail.settings();
    if (!mail || !mail.value().isSet()) {
        c.io.err << tr("E-mail is not set up, so no notice was sent: send each one yourself (candidate "
                       "notice NUMBER prints it). The deadline counts from now.")
                 << Qt::endl;
        return outcome.error ? c.fail(*outcome.error) : c.finish(ExitOk);
    }
    sendNotices(c, profile.id, false, [&c, error = outcome.error](const NoticeDispatchOutcome& sent) {
        c.io.err << sent.summary() << Qt::endl;
        if (error) {
            return c.fail(*error);
        }
        if (sent.error) {
            return c.fail(*sent.error);
        }
        c.finish(ExitOk);
    });
}

} // namespace

QList<const Command*> reclaimCommands()
{
    static const RuleShow ruleShow;
    static const RuleSet ruleSet;
    static const ReclaimRun reclaim;
    static const QList<const Command*> commands = { &ruleShow, &ruleSet };
    return commands + entitlementCommands() + candidateCommands() + QList<const Command*> { &reclaim };
}

} // namespace rmsam
