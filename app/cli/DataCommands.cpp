// The commands that work on a published profile's data: sync, schedule, exclude, export,
// attach-report. The profile life-cycle commands are in ProfileCommands.cpp. sync starts on the
// JobLauncher; the others work through the services.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/Exclusion.h"
#include "core/TeamAccess.h"
#include "csv/UserReport.h"
#include "services/ChangeLogText.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Reports.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QTime>
#include <memory>

namespace rmsam {
namespace {

class Sync final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    Sync()
        : Command(QStringLiteral("sync"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "Run the profile's jobs now: download subscriptions and activity."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("only"), QStringLiteral("subscriptions|activity"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Run only this job: subscriptions or activity.") },
                { QStringLiteral("max-in-flight"), QStringLiteral("1-16"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Requests in flight at once (1–16, default 4).") },
                { QStringLiteral("accept-shrink"), {},
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Apply the users listing even if it is empty or much smaller than the last "
                        "snapshot.") },
            })
    { }

    void run(CommandContext& c) const override;

protected:
    bool acceptsValues(const QCommandLineParser& parser) const override
    {
        const QString only = parser.value(QStringLiteral("only"));
        const int inFlight = parser.value(QStringLiteral("max-in-flight")).toInt();
        return (only.isEmpty() || Jobs::kindFromCode(only))
            && (!parser.isSet(QStringLiteral("max-in-flight")) || (inFlight >= 1 && inFlight <= 16));
    }

private:
    static void report(CommandContext& c, const SyncOutcome& outcome, const QString& profileName);
};

void Sync::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Sync)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const IntegrationProfile p = profile.value();
    SyncOptions options;
    options.trigger = JobTrigger::CommandLine;
    const QString only = parser.value(QStringLiteral("only"));
    options.subscriptions = only.isEmpty() || only == QLatin1String("subscriptions");
    options.activity = only.isEmpty() || only == QLatin1String("activity");
    if (parser.isSet(QStringLiteral("max-in-flight"))) {
        options.maxInFlight = parser.value(QStringLiteral("max-in-flight")).toInt();
    }
    options.acceptShrink = parser.isSet(QStringLiteral("accept-shrink"));
    // A progress line on the terminal is ended before the results follow.
    auto progressShown = std::make_shared<bool>(false);
    if (c.io.errIsTerminal) {
        QObject::connect(&c.launcher, &JobLauncher::syncProgress, c.owner,
            [&c, id = p.id, progressShown](qint64 profileId, JobKind kind, int pages, int rows) {
                if (profileId != id) {
                    return;
                }
                c.io.err << tr("\r%1: %2, %3")
                                .arg(Jobs::kindCode(kind), tr("%n page(s)", nullptr, pages),
                                    tr("%n row(s)", nullptr, rows));
                c.io.err.flush();
                *progressShown = true;
            });
    }
    QObject::connect(&c.launcher, &JobLauncher::syncFinished, c.owner,
        [&c, id = p.id, name = p.displayName, progressShown](qint64 profileId, const SyncOutcome& outcome) {
            if (profileId != id) {
                return;
            }
            if (*progressShown) {
                c.io.err << Qt::endl;
            }
            report(c, outcome, name);
        });
    if (auto started = c.launcher.startSync(p.id, options); !started) {
        c.fail(started.error());
    }
}

void Sync::report(CommandContext& c, const SyncOutcome& outcome, const QString& profileName)
{
    for (const JobResult& r : outcome.results) {
        c.io.err << tr("%1: %2. %3, %4, %5; joined %6, left %7, role changed %8.")
                        .arg(Jobs::scheduledJobName(r.kind, profileName), Jobs::outcomeDisplayName(r.outcome),
                            tr("%n user(s)", nullptr, r.users), tr("%n roadmap(s)", nullptr, r.roadmaps),
                            tr("%n request(s)", nullptr, r.requests))
                        .arg(r.joined)
                        .arg(r.left)
                        .arg(r.roleChanged)
                 << Qt::endl;
        if (!r.warning.isEmpty()) {
            c.io.err << tr("Warning: %1").arg(r.warning) << Qt::endl;
        }
    }
    if (outcome.error) {
        return c.fail(*outcome.error);
    }
    c.finish(ExitOk);
}

class ScheduleList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ScheduleList()
        : Command(QStringLiteral("schedule list"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "List the profile's daily jobs: job, daily time, last run, name."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void ScheduleList::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    auto scheduled = c.profiles.scheduledJobs(profile.value().id);
    if (!scheduled) {
        return c.fail(scheduled.error());
    }
    for (const ScheduledJob& j : scheduled.value()) {
        c.io.out << Jobs::kindCode(j.kind) << '\t' << j.runAt.toString(QStringLiteral("HH:mm")) << '\t'
                 << (j.lastRunAt.isValid() ? j.lastRunAt.toUTC().toString(Qt::ISODate)
                                           : QStringLiteral("never"))
                 << '\t' << j.name << Qt::endl;
    }
    c.finish(ExitOk);
}

class ScheduleSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ScheduleSet()
        : Command(QStringLiteral("schedule set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Set a daily job's run time, or how the profile's jobs page and what they read."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("job"), QStringLiteral("subscriptions|activity"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "subscriptions or activity"),
                    Presence::Together },
                { QStringLiteral("at"), QStringLiteral("HH:MM"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Daily run time, local, HH:MM."),
                    Presence::Together },
                { QStringLiteral("max-in-flight"), QStringLiteral("1-16"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Requests in flight while paging (1–16).") },
                { QStringLiteral("report-max-age"), QStringLiteral("DAYS"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Flag a User report older than DAYS days (1–365).") },
                { QStringLiteral("max-response-mb"), QStringLiteral("1-256"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Refuse answers from Roadmunk larger than MB megabytes (1–256, default 8).") },
            })
    { }

    void run(CommandContext& c) const override;

protected:
    // A valid job and time, or else at least one of the settings.
    bool acceptsValues(const QCommandLineParser& parser) const override
    {
        const bool jobTime = parser.isSet(QStringLiteral("job")) || parser.isSet(QStringLiteral("at"));
        const bool validJobTime = Jobs::kindFromCode(parser.value(QStringLiteral("job")))
            && QTime::fromString(parser.value(QStringLiteral("at")), QStringLiteral("HH:mm")).isValid();
        const bool settings = parser.isSet(QStringLiteral("max-in-flight"))
            || parser.isSet(QStringLiteral("report-max-age"))
            || parser.isSet(QStringLiteral("max-response-mb"));
        return jobTime ? validJobTime : settings;
    }
};

void ScheduleSet::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::JobSettings)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    if (parser.isSet(QStringLiteral("job"))) {
        const JobKind kind = *Jobs::kindFromCode(parser.value(QStringLiteral("job")));
        const QTime at = QTime::fromString(parser.value(QStringLiteral("at")), QStringLiteral("HH:mm"));
        if (auto set = c.profiles.setRunTime(profile.value().id, kind, at); !set) {
            return c.fail(set.error());
        }
        c.io.err << tr("\"%1\" now runs daily at %2.")
                        .arg(Jobs::scheduledJobName(kind, profile.value().displayName),
                            at.toString(QStringLiteral("HH:mm")))
                 << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("max-in-flight")) || parser.isSet(QStringLiteral("report-max-age"))
        || parser.isSet(QStringLiteral("max-response-mb"))) {
        IntegrationProfile edited = profile.value();
        if (parser.isSet(QStringLiteral("max-in-flight"))) {
            edited.maxInFlight = parser.value(QStringLiteral("max-in-flight")).toInt();
        }
        if (parser.isSet(QStringLiteral("report-max-age"))) {
            edited.reportMaxAgeDays = parser.value(QStringLiteral("report-max-age")).toInt();
        }
        if (parser.isSet(QStringLiteral("max-response-mb"))) {
            edited.maxResponseMb = parser.value(QStringLiteral("max-response-mb")).toInt();
        }
        auto saved = c.profiles.save(edited);
        if (!saved) {
            return c.fail(saved.error());
        }
        c.io.err << tr("Jobs of \"%1\" page with %2 requests in flight and read answers of up to %4 MB; a "
                       "User report older than %3 days is flagged.")
                        .arg(saved.value().displayName, QString::number(saved.value().maxInFlight),
                            QString::number(saved.value().reportMaxAgeDays),
                            QString::number(saved.value().maxResponseMb))
                 << Qt::endl;
    }
    c.finish(ExitOk);
}

// exclude add and exclude remove: one user or one subscription identifier.
class ExcludeChange final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    explicit ExcludeChange(bool add)
        : Command(add ? QStringLiteral("exclude add") : QStringLiteral("exclude remove"),
            add ? QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "Exclude a user or a subscription identifier from reclamation.")
                : QT_TRANSLATE_NOOP("rmsam::CommandLine", "Remove an exclusion."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("user"), QStringLiteral("EMAIL"),
                    add ? QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Exclude this user (email) in every profile.")
                        : QT_TRANSLATE_NOOP(
                            "rmsam::CommandLine", "Remove the exclusion of this user (email)."),
                    Presence::OneOf },
                { QStringLiteral("identifier"), QStringLiteral("ROLE"),
                    add ? QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Exclude this subscription identifier (role).")
                        : QT_TRANSLATE_NOOP("rmsam::CommandLine",
                            "Remove the exclusion of this subscription identifier (role)."),
                    Presence::OneOf },
            })
        , m_add(add)
    { }

    void run(CommandContext& c) const override;

private:
    const bool m_add;
};

void ExcludeChange::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Exclusions)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const bool byUser = parser.isSet(QStringLiteral("user"));
    const auto kind = byUser ? ExclusionRule::Kind::User : ExclusionRule::Kind::Identifier;
    const QString value = parser.value(byUser ? QStringLiteral("user") : QStringLiteral("identifier"));
    if (m_add) {
        auto added = c.reclamation.addExclusion(kind, value);
        if (!added) {
            return c.fail(added.error());
        }
        c.io.err << (byUser ? tr("Excluded user %1 in every profile.")
                            : tr("Excluded subscription identifier %1."))
                        .arg(added.value().value)
                 << Qt::endl;
    } else if (auto removed = c.reclamation.removeExclusion(kind, value); !removed) {
        return c.fail(removed.error());
    } else {
        c.io.err << tr("Removed the exclusion of %1.").arg(value.trimmed()) << Qt::endl;
    }
    // Excluded users are never candidates: close or reopen them now, not at the next sync.
    if (auto evaluated = c.reclamation.evaluate(profile.value().id); !evaluated) {
        return c.fail(evaluated.error());
    }
    c.finish(ExitOk);
}

class ExcludeList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ExcludeList()
        : Command(QStringLiteral("exclude list"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "List the exclusions: kind, value, active, subscriptions matched."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void ExcludeList::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    auto matches = c.reclamation.exclusionMatches(profile.value().id);
    if (!matches) {
        return c.fail(matches.error());
    }
    for (const ExclusionMatches& m : matches.value()) {
        c.io.out << Exclusions::kindCode(m.rule.kind) << '\t' << m.rule.value << '\t'
                 << (m.rule.active ? QStringLiteral("active") : QStringLiteral("inactive")) << '\t'
                 << m.subscriptions << Qt::endl;
    }
    c.finish(ExitOk);
}

class Export final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    Export()
        : Command(QStringLiteral("export"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Export a table as CSV (UTF-8 with a byte order mark)."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("report"),
                    QStringLiteral(
                        "subscriptions|activity|changes|inactive|unrecognized|exclusions|scheduled|jobs|"
                        "models|candidates|roster|license|audit"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The table to export."), Presence::Required },
                { QStringLiteral("out"), QStringLiteral("FILE"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Write to FILE instead of standard output.") },
            })
    { }

    void run(CommandContext& c) const override;

protected:
    bool acceptsValues(const QCommandLineParser& parser) const override
    {
        return Reports::fromCode(parser.value(QStringLiteral("report"))).has_value();
    }

private:
    // Writes the table --report names as CSV.
    static Result<Reports::CsvExport> write(CommandContext& c, qint64 profileId, QIODevice* device);
};

Result<Reports::CsvExport> Export::write(CommandContext& c, qint64 profileId, QIODevice* device)
{
    const QString code = c.parser.value(QStringLiteral("report"));
    return c.reports.exportCsv(profileId, *Reports::fromCode(code), device, false);
}

void Export::run(CommandContext& c) const
{
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    if (parser.isSet(QStringLiteral("out"))) {
        const QString path = parser.value(QStringLiteral("out"));
        QSaveFile file(path);
        const auto cannotWrite = [this, &c, &path, &file] {
            c.fail(Error {
                ErrorCode::InvalidInput, tr("Cannot write %1: %2").arg(path, file.errorString()), {} });
        };
        if (!file.open(QIODevice::WriteOnly)) {
            return cannotWrite();
        }
        auto written = write(c, profile.value().id, &file);
        if (!written) {
            return c.fail(written.error()); // the file is left as it was
        }
        if (!written.value().written || !file.commit()) {
            return cannotWrite();
        }
        c.io.err << tr("Wrote %n row(s) to %1.", nullptr, written.value().rows).arg(path) << Qt::endl;
        return c.finish(ExitOk);
    }
    // Standard output gets the table whole or nothing: a table that cannot be read is not
    // followed by half of it.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = write(c, profile.value().id, &buffer);
    if (!written) {
        return c.fail(written.error());
    }
    c.io.out.flush();
    if (QIODevice* device = c.io.out.device()) {
        // The bytes as they are: the text stream would decode and encode them again.
        device->write(buffer.data());
    } else {
        // Through the text stream as text: QString::fromUtf8() drops the byte order mark, so it
        // is written as a character, which the stream encodes back to the same three bytes.
        c.io.out << QChar(0xFEFF) << QString::fromUtf8(buffer.data());
    }
    c.finish(ExitOk);
}

class Changes final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    static constexpr int DefaultLimit = 50;

    Changes()
        : Command(QStringLiteral("changes"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "List the change log, newest first: who changed what (database role, OS account, host)."),
            {
                { QStringLiteral("profile"), QStringLiteral("NAME"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Only this profile's changes and those for every profile (exclusions).") },
                { QStringLiteral("limit"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "At most N entries (50 unless given; 0: all).") },
            })
    { }

    void run(CommandContext& c) const override;
};

void Changes::run(CommandContext& c) const
{
    qint64 profileId = 0;
    if (c.parser.isSet(QStringLiteral("profile"))) {
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        profileId = profile.value().id;
    }
    int limit = DefaultLimit;
    if (c.parser.isSet(QStringLiteral("limit"))) {
        auto n = CommandSyntax::number(c.parser, QStringLiteral("limit"));
        if (!n) {
            return c.fail(n.error());
        }
        limit = std::max(0, n.value());
    }
    auto changes = c.reports.changes(profileId, limit);
    if (!changes) {
        return c.fail(changes.error());
    }
    for (const ChangeLogEntry& e : changes.value()) {
        c.io.out << Reports::csvValue(e.at) << '\t' << e.dbRole << '\t' << e.osUser << '@' << e.host << '\t'
                 << e.table << '\t' << e.operation << '\t' << e.rowKey << '\t'
                 << ChangeLogText::display(e.summary) << Qt::endl;
    }
    c.finish(ExitOk);
}

class AttachReport final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    AttachReport()
        : Command(QStringLiteral("attach-report"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Attach Roadmunk's User report (CSV): only the users it lists as active count as "
                "subscriptions."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("email-column"), QStringLiteral("C"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The email column: header or number.") },
                { QStringLiteral("status-column"), QStringLiteral("C"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The status column: header or number.") },
            },
            { { QStringLiteral("FILE"),
                QT_TRANSLATE_NOOP("rmsam::CommandLine", "The User report, a CSV file.") } })
    { }

    void run(CommandContext& c) const override;
};

void AttachReport::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::AttachReport)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    const QString& path = c.arguments.constFirst();
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const ParsedUserReport parsed = c.profiles.attachUserReport(profile.value().id, path,
        { parser.value(QStringLiteral("email-column")), parser.value(QStringLiteral("status-column")) });
    if (!parsed.report) {
        return c.fail(*parsed.error);
    }
    c.io.err << tr("Attached %1 to \"%2\": %3, %4 active (%5).")
                    .arg(QFileInfo(path).fileName(), profile.value().displayName,
                        tr("%n user(s)", nullptr, parsed.report->users))
                    .arg(parsed.report->activeCount)
                    .arg(parsed.report->encoding)
             << Qt::endl;
    c.finish(ExitOk);
}

} // namespace

QList<const Command*> dataCommands()
{
    static const Sync sync;
    static const ExcludeChange excludeAdd(true);
    static const ExcludeChange excludeRemove(false);
    static const ExcludeList excludeList;
    static const Export exportReport;
    static const Changes changes;
    static const AttachReport attachReport;
    static const ScheduleList scheduleList;
    static const ScheduleSet scheduleSet;
    return { &sync, &excludeAdd, &excludeRemove, &excludeList, &exportReport, &changes, &attachReport,
        &scheduleList, &scheduleSet };
}

} // namespace rmsam
