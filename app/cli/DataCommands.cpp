// The commands that work on a published profile's data: sync, exclude, export, attach-report.
// The profile life-cycle commands are in CommandLine.cpp.

#include "cli/CommandLine.h"
#include "core/Exclusion.h"
#include "csv/UserReport.h"
#include "secrets/TokenStore.h"
#include "services/Evaluation.h"
#include "services/ProfileService.h"
#include "services/Reports.h"
#include "services/SyncJob.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>

namespace rmsam {

void CommandLine::sync(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const IntegrationProfile p = profile.value();
    if (!p.isPublished()) {
        return fail(Error { ErrorCode::InvalidState,
            tr("\"%1\" is a Draft: validate and publish it before its jobs run.").arg(p.displayName), {} });
    }
    SyncOptions options;
    options.trigger = JobTrigger::CommandLine;
    const QString only = parser.value(QStringLiteral("only"));
    options.subscriptions = only.isEmpty() || only == QLatin1String("subscriptions");
    options.activity = only.isEmpty() || only == QLatin1String("activity");
    if (parser.isSet(QStringLiteral("max-in-flight"))) {
        options.maxInFlight = parser.value(QStringLiteral("max-in-flight")).toInt();
    }
    options.acceptShrink = parser.isSet(QStringLiteral("accept-shrink"));
    if (!options.subscriptions && !p.downloadActivity) {
        return fail(Error { ErrorCode::InvalidState,
            tr("Download activity is off for \"%1\"; there is no activity job to run.").arg(p.displayName),
            {} });
    }
    m_tokens->read(p.tokenKey, [this, p, options](Result<QString> token) {
        if (!token) {
            return fail(token.error());
        }
        auto* job = new SyncJob(*m_database, p, token.value(), options, this);
        if (m_io.errIsTerminal) {
            connect(job, &SyncJob::progress, this, [this](JobKind kind, int pages, int rows) {
                m_io.err << tr("\r%1: %2 pages, %3 rows").arg(Jobs::kindCode(kind)).arg(pages).arg(rows);
                m_io.err.flush();
            });
        }
        connect(job, &SyncJob::finished, this, [this, name = p.displayName](const SyncOutcome& outcome) {
            if (m_io.errIsTerminal) {
                m_io.err << Qt::endl; // ends the progress line
            }
            for (const JobResult& r : outcome.results) {
                m_io.err << tr(
                    "%1: %2. %3 users, %4 roadmaps, %5 requests; joined %6, left %7, role changed %8.")
                                .arg(
                                    Jobs::scheduledJobName(r.kind, name), Jobs::outcomeDisplayName(r.outcome))
                                .arg(r.users)
                                .arg(r.roadmaps)
                                .arg(r.requests)
                                .arg(r.joined)
                                .arg(r.left)
                                .arg(r.roleChanged)
                         << Qt::endl;
                if (!r.warning.isEmpty()) {
                    m_io.err << tr("Warning: %1").arg(r.warning) << Qt::endl;
                }
            }
            if (outcome.error) {
                return fail(*outcome.error);
            }
            finish(ExitOk);
        });
        job->start();
    });
}

void CommandLine::exclude(const QCommandLineParser& parser, const QString& action)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    ExclusionRepository rules(*m_database);
    if (action != QLatin1String("list")) {
        const bool byUser = parser.isSet(QStringLiteral("user"));
        const auto kind = byUser ? ExclusionRule::Kind::User : ExclusionRule::Kind::Identifier;
        const QString value = parser.value(byUser ? QStringLiteral("user") : QStringLiteral("identifier"));
        if (action == QLatin1String("add")) {
            auto added = rules.add(kind, value);
            if (!added) {
                return fail(added.error());
            }
            m_io.err << (byUser ? tr("Excluded user %1 in every profile.")
                                : tr("Excluded subscription identifier %1."))
                            .arg(added.value().value)
                     << Qt::endl;
        } else if (auto removed = rules.remove(kind, value); !removed) {
            return fail(removed.error());
        } else {
            m_io.err << tr("Removed the exclusion of %1.").arg(value.trimmed()) << Qt::endl;
        }
        // Excluded users are never candidates: close or reopen them now, not at the next sync.
        if (auto evaluated
            = Reclamation::evaluate(*m_database, profile.value().id, QDateTime::currentDateTimeUtc());
            !evaluated) {
            return fail(evaluated.error());
        }
        return finish(ExitOk);
    }
    auto all = rules.list();
    if (!all) {
        return fail(all.error());
    }
    const QList<SoftwareSubscription> subscriptions
        = SubscriptionRepository(*m_database).subscriptions(profile.value().id).value_or({});
    for (const ExclusionRule& rule : all.value()) {
        const int matches = int(std::count_if(subscriptions.cbegin(), subscriptions.cend(),
            [&rule](const SoftwareSubscription& s) { return Exclusions::isExcluded(s, { rule }); }));
        m_io.out << Exclusions::kindCode(rule.kind) << '\t' << rule.value << '\t'
                 << (rule.active ? QStringLiteral("active") : QStringLiteral("inactive")) << '\t' << matches
                 << Qt::endl;
    }
    finish(ExitOk);
}

void CommandLine::exportReport(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const ReportKind kind = *Reports::fromCode(parser.value(QStringLiteral("report")));
    auto reports = Reports::build(*m_database, profile.value().id, { kind });
    if (!reports) {
        return fail(reports.error());
    }
    const Report report = reports.value().value(kind);
    if (parser.isSet(QStringLiteral("out"))) {
        QSaveFile file(parser.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly) || !Reports::writeCsv(report, &file, false) || !file.commit()) {
            return fail(Error { ErrorCode::InvalidInput,
                tr("Cannot write %1: %2").arg(parser.value(QStringLiteral("out")), file.errorString()), {} });
        }
        m_io.err << tr("Wrote %n row(s) to %1.", nullptr, int(report.rows.size()))
                        .arg(parser.value(QStringLiteral("out")))
                 << Qt::endl;
        return finish(ExitOk);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Reports::writeCsv(report, &buffer, false);
    // Through the text stream as text: QString::fromUtf8() drops the byte order mark, so it is
    // written as a character, which the stream encodes back to the same three bytes.
    m_io.out << QChar(0xFEFF) << QString::fromUtf8(buffer.data());
    finish(ExitOk);
}

void CommandLine::attachReport(const QCommandLineParser& parser, const QString& path)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const ParsedUserReport parsed = m_service->attachUserReport(profile.value().id, path,
        { parser.value(QStringLiteral("email-column")), parser.value(QStringLiteral("status-column")) });
    if (!parsed.report) {
        return fail(*parsed.error);
    }
    m_io.err << tr("Attached %1 to \"%2\": %3 users, %4 active (%5).")
                    .arg(QFileInfo(path).fileName(), profile.value().displayName)
                    .arg(parsed.report->emailsActive.size())
                    .arg(parsed.report->activeCount)
                    .arg(parsed.report->encoding)
             << Qt::endl;
    finish(ExitOk);
}

void CommandLine::schedule(const QCommandLineParser& parser, bool list)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    JobRepository jobs(*m_database);
    auto scheduled = jobs.scheduledJobs(profile.value().id);
    if (!scheduled) {
        return fail(scheduled.error());
    }
    if (list) {
        for (const ScheduledJob& j : scheduled.value()) {
            m_io.out << Jobs::kindCode(j.kind) << '\t' << j.runAt.toString(QStringLiteral("HH:mm")) << '\t'
                     << (j.lastRunAt.isValid() ? j.lastRunAt.toUTC().toString(Qt::ISODate)
                                               : QStringLiteral("never"))
                     << '\t' << j.name << Qt::endl;
        }
        return finish(ExitOk);
    }
    if (parser.isSet(QStringLiteral("job"))) {
        const JobKind kind = *Jobs::kindFromCode(parser.value(QStringLiteral("job")));
        const QTime at = QTime::fromString(parser.value(QStringLiteral("at")), QStringLiteral("HH:mm"));
        if (auto set = m_service->setRunTime(profile.value().id, kind, at); !set) {
            return fail(set.error());
        }
        m_io.err << tr("\"%1\" now runs daily at %2.")
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
        auto saved = m_service->save(edited);
        if (!saved) {
            return fail(saved.error());
        }
        m_io.err << tr("Jobs of \"%1\" page with %2 requests in flight and read answers of up to %4 MB; a "
                       "User report older than %3 days is flagged.")
                        .arg(saved.value().displayName)
                        .arg(saved.value().maxInFlight)
                        .arg(saved.value().reportMaxAgeDays)
                        .arg(saved.value().maxResponseMb)
                 << Qt::endl;
    }
    finish(ExitOk);
}

} // namespace rmsam
