#include "services/Reports.h"

#include "core/Activity.h"
#include "core/Exclusion.h"
#include "core/IntegrationProfile.h"
#include "core/Justifications.h"
#include "csv/CsvWriter.h"
#include "services/AuditReport.h"
#include "services/ChangeLogText.h"
#include "services/Evaluation.h"
#include "services/ProfileSnapshot.h"
#include "services/ReclaimJob.h"
#include "services/RosterReport.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rmsam::Reports {
namespace {

QList<const char*> licenseHeaders()
{
    return { QT_TRANSLATE_NOOP("rmsam::Reports", "Seat Type"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Assigned"), QT_TRANSLATE_NOOP("rmsam::Reports", "Owned"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Status"), QT_TRANSLATE_NOOP("rmsam::Reports", "Stale Seats"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Unused Owned Seats"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Annual Spend"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "True-up Cost"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Potential Savings"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Actual Savings YTD"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Currency"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Actual Savings YTD in Other Currencies") };
}

QList<const char*> rosterHeaders()
{
    return { QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Display Name"), QT_TRANSLATE_NOOP("rmsam::Reports", "Role"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "Reason"), QT_TRANSLATE_NOOP("rmsam::Reports", "Roster Status"),
        QT_TRANSLATE_NOOP("rmsam::Reports", "End Date") };
}

// A table's column headers, as written (stable English) and translated in context.
QList<const char*> headerSources(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Subscriptions:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "User ID"), QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "First Name"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Name"), QT_TRANSLATE_NOOP("rmsam::Reports", "Role"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Seat Type"), QT_TRANSLATE_NOOP("rmsam::Reports", "Invited"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Excluded"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Login"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Activity"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Activity Source") };
    case ReportKind::Activity:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "User ID"), QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Display Name"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Activity"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Activity Source"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Status"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Login") };
    case ReportKind::Candidates:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Number"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "User ID"), QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Display Name"), QT_TRANSLATE_NOOP("rmsam::Reports", "Role"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Seat Type"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Last Activity"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Activity Source"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Justification"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Potential Savings"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Currency"), QT_TRANSLATE_NOOP("rmsam::Reports", "State"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Updated") };
    case ReportKind::License:
        return licenseHeaders();
    case ReportKind::InactivePerReport:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "User ID"), QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Display Name"), QT_TRANSLATE_NOOP("rmsam::Reports", "Role"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "In the User Report") };
    case ReportKind::Unrecognized:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Subscription Identifier"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Count") };
    case ReportKind::Exclusions:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Excluded By"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Value"), QT_TRANSLATE_NOOP("rmsam::Reports", "Active"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Subscriptions Matched") };
    case ReportKind::ScheduledJobs:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Name"), QT_TRANSLATE_NOOP("rmsam::Reports", "Job"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Runs Daily At"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Active"), QT_TRANSLATE_NOOP("rmsam::Reports", "Last Run") };
    case ReportKind::JobResults:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Job"), QT_TRANSLATE_NOOP("rmsam::Reports", "Trigger"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Started"), QT_TRANSLATE_NOOP("rmsam::Reports", "Ended"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Outcome"), QT_TRANSLATE_NOOP("rmsam::Reports", "Users"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Roadmaps"), QT_TRANSLATE_NOOP("rmsam::Reports", "Requests"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Joined"), QT_TRANSLATE_NOOP("rmsam::Reports", "Left"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Role Changed"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Warning"), QT_TRANSLATE_NOOP("rmsam::Reports", "Error") };
    case ReportKind::SoftwareModels:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Display Name"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Publisher"), QT_TRANSLATE_NOOP("rmsam::Reports", "Product"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Seat Type") };
    case ReportKind::Changes:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "Change"), QT_TRANSLATE_NOOP("rmsam::Reports", "Email"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "User ID"), QT_TRANSLATE_NOOP("rmsam::Reports", "Old Role"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "New Role"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Synced At") };
    case ReportKind::Audit:
        return { QT_TRANSLATE_NOOP("rmsam::Reports", "At"), QT_TRANSLATE_NOOP("rmsam::Reports", "OS User"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Database Role"), QT_TRANSLATE_NOOP("rmsam::Reports", "Host"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Profile"), QT_TRANSLATE_NOOP("rmsam::Reports", "Subject"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Row"), QT_TRANSLATE_NOOP("rmsam::Reports", "Action"),
            QT_TRANSLATE_NOOP("rmsam::Reports", "Detail") };
    case ReportKind::Roster:
        return rosterHeaders();
    }
    return {};
}

QVariant seatTypeText(const std::optional<SeatType>& type)
{
    return type ? SeatTypes::displayName(*type)
                : QCoreApplication::translate("rmsam::Reports", "Unrecognized");
}

// Savings realised in other currencies than the position's, never added to its figure: "EUR
// 400.00 + GBP 10.00", numbers without grouping, as the CSV writes its numbers; empty when none.
QString otherCurrenciesText(const QMap<QString, double>& amounts)
{
    QStringList parts;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it) {
        parts.append(QStringLiteral("%1 %2").arg(it.key(), QString::number(it.value(), 'f', 2)));
    }
    return parts.join(QLatin1String(" + "));
}

} // namespace

const EnumTable<ReportKind>& table()
{
    // In the order of the GUI's tabs.
    static const EnumTable<ReportKind> kinds("rmsam::Reports",
        {
            { ReportKind::Subscriptions, "subscriptions",
                QT_TRANSLATE_NOOP("rmsam::Reports", "Subscriptions") },
            { ReportKind::Activity, "activity", QT_TRANSLATE_NOOP("rmsam::Reports", "Activity") },
            { ReportKind::Changes, "changes",
                QT_TRANSLATE_NOOP("rmsam::Reports", "Changes since the previous sync") },
            { ReportKind::Candidates, "candidates",
                QT_TRANSLATE_NOOP("rmsam::Reports", "Removal candidates") },
            { ReportKind::Roster, "roster", QT_TRANSLATE_NOOP("rmsam::Reports", "Roster") },
            { ReportKind::License, "license", QT_TRANSLATE_NOOP("rmsam::Reports", "License position") },
            { ReportKind::InactivePerReport, "inactive",
                QT_TRANSLATE_NOOP("rmsam::Reports", "Inactive per report") },
            { ReportKind::Unrecognized, "unrecognized",
                QT_TRANSLATE_NOOP("rmsam::Reports", "Unrecognized identifiers") },
            { ReportKind::Exclusions, "exclusions", QT_TRANSLATE_NOOP("rmsam::Reports", "Exclusion rules") },
            { ReportKind::ScheduledJobs, "scheduled", QT_TRANSLATE_NOOP("rmsam::Reports", "Scheduled jobs") },
            { ReportKind::JobResults, "jobs", QT_TRANSLATE_NOOP("rmsam::Reports", "Job results") },
            { ReportKind::SoftwareModels, "models", QT_TRANSLATE_NOOP("rmsam::Reports", "Software models") },
            { ReportKind::Audit, "audit", QT_TRANSLATE_NOOP("rmsam::Reports", "Audit log") },
        });
    return kinds;
}

QList<ReportKind> all()
{
    return table().all();
}

QString code(ReportKind kind)
{
    return table().code(kind);
}

std::optional<ReportKind> fromCode(const QString& code)
{
    return table().fromCode(code);
}

QString title(ReportKind kind)
{
    return table().displayName(kind);
}

QStringList headers(ReportKind kind)
{
    return headerTexts(headerSources(kind), "rmsam::Reports", false);
}

QStringList translatedHeaders(ReportKind kind)
{
    return headerTexts(headerSources(kind), "rmsam::Reports", true);
}

QString exclusionKindText(ExclusionRule::Kind kind)
{
    return kind == ExclusionRule::Kind::User
        ? QCoreApplication::translate("rmsam::Reports", "User (every profile)")
        : QCoreApplication::translate("rmsam::Reports", "Subscription identifier (%1)")
              .arg(profileTypeName());
}

QStringList headerTexts(const QList<const char*>& headers, const char* context, bool translated)
{
    QStringList result;
    result.reserve(headers.size());
    for (const char* h : headers) {
        result.append(translated ? QCoreApplication::translate(context, h) : QString::fromLatin1(h));
    }
    return result;
}

CellText displayOfStoredText(ReportKind kind, const QString& header)
{
    if (kind == ReportKind::Audit && header == QLatin1String("Action")) {
        return ChangeLogText::display;
    }
    if (kind == ReportKind::Candidates && header == QLatin1String("Justification")) {
        return Justifications::display;
    }
    return nullptr;
}

Result<QHash<ReportKind, Report>> build(Database& database, qint64 profileId)
{
    return build(database, profileId, all());
}

namespace {

using Tables = QHash<ReportKind, Report>;

// Subscriptions, Activity, Inactive per report, Unrecognized and Exclusions: the seat holders
// after the User report, read once.
Result<void> addHolderTables(Tables& reports, Database& database, qint64 profileId,
    const QList<ReportKind>& kinds, const ProfileSnapshot* snapshot)
{
    auto rules = ExclusionRepository(database).list();
    if (!rules) {
        return rules.error();
    }
    auto report = UserReportRepository(database).current(profileId);
    if (!report) {
        return report.error();
    }
    auto holders
        = snapshot ? Result<SeatHolders>(snapshot->holders) : Reclamation::seatHolders(database, profileId);
    if (!holders) {
        return holders.error();
    }
    // Only the tables asked for: the window shows the table in view before reading the rest.
    for (const SubscriptionRecord& r : kinds.contains(ReportKind::InactivePerReport)
            ? holders.value().inactivePerReport
            : QList<SubscriptionRecord>()) {
        const SoftwareSubscription& s = r.subscription;
        const bool listed = report.value()->activeByEmail.contains(s.email.trimmed().toCaseFolded());
        reports[ReportKind::InactivePerReport].rows.append(
            { s.userId, s.email, s.displayName, Roles::displayName(s.role),
                listed ? QCoreApplication::translate("rmsam::Reports", "Inactive")
                       : QCoreApplication::translate("rmsam::Reports", "Not listed") });
    }
    for (const SubscriptionRecord& r : kinds.contains(ReportKind::InactivePerReport)
            ? holders.value().deactivated
            : QList<SubscriptionRecord>()) {
        const SoftwareSubscription& s = r.subscription;
        reports[ReportKind::InactivePerReport].rows.append(
            { s.userId, s.email, s.displayName, Roles::displayName(s.role),
                QCoreApplication::translate("rmsam::Reports", "Deactivated by Roadmunk SAM") });
    }
    const bool wantsSubscriptions = kinds.contains(ReportKind::Subscriptions);
    const bool wantsActivity = kinds.contains(ReportKind::Activity);
    // The Activity table's status names the day the analysed period starts.
    QDate analyzeFrom;
    if (wantsActivity) {
        // A profile deleted meanwhile has no rows to label.
        auto profile = ProfileRepository(database).find(profileId);
        if (!profile && profile.error().code != ErrorCode::NotFound) {
            return profile.error();
        }
        analyzeFrom = profile ? profile.value().analyzeActivityFrom : QDate();
    }
    const bool wantsHolding
        = kinds.contains(ReportKind::Unrecognized) || kinds.contains(ReportKind::Exclusions);
    QList<SoftwareSubscription> holding; // seat holders after the User report
    holding.reserve(wantsHolding ? holders.value().holding.size() : 0);
    for (const SubscriptionRecord& r : holders.value().holding) {
        const SoftwareSubscription& s = r.subscription;
        const QString source = ActivityRules::sourceDisplayName(r.activity.source);
        if (wantsSubscriptions) {
            reports[ReportKind::Subscriptions].rows.append({ s.userId, s.email, s.firstName, s.lastName,
                Roles::displayName(s.role), seatTypeText(s.seatType), s.invited,
                Exclusions::isExcluded(s, rules.value()), s.lastLogin, r.activity.lastActivity, source });
        }
        if (wantsActivity) {
            reports[ReportKind::Activity].rows.append(
                { s.userId, s.email, s.displayName, r.activity.lastActivity, source,
                    ActivityRules::statusDisplayName(r.activity, s.lastLogin, analyzeFrom), s.lastLogin });
        }
        if (wantsHolding) {
            holding.append(s);
        }
    }
    for (const UnrecognizedIdentifier& u : kinds.contains(ReportKind::Unrecognized)
            ? unrecognizedIdentifiers(holding)
            : QList<UnrecognizedIdentifier>()) {
        reports[ReportKind::Unrecognized].rows.append({ u.identifier, u.count });
    }
    for (const ExclusionRule& rule :
        kinds.contains(ReportKind::Exclusions) ? rules.value() : QList<ExclusionRule>()) {
        const int matched = int(std::count_if(holding.cbegin(), holding.cend(),
            [&rule](const SoftwareSubscription& s) { return Exclusions::isExcluded(s, { rule }); }));
        reports[ReportKind::Exclusions].rows.append(
            { exclusionKindText(rule.kind), rule.value, rule.active, matched });
    }
    return {};
}

// Scheduled jobs, Job results and Software models.
Result<void> addJobTables(
    Tables& reports, Database& database, qint64 profileId, const QList<ReportKind>& kinds)
{
    JobRepository jobs(database);
    if (kinds.contains(ReportKind::ScheduledJobs)) {
        auto scheduled = jobs.scheduledJobs(profileId);
        if (!scheduled) {
            return scheduled.error();
        }
        for (const ScheduledJob& j : scheduled.value()) {
            reports[ReportKind::ScheduledJobs].rows.append({ j.name, Jobs::kindDisplayName(j.kind),
                j.runAt.toString(QStringLiteral("HH:mm")), j.active, j.lastRunAt });
        }
    }
    if (kinds.contains(ReportKind::JobResults)) {
        auto results = jobs.jobResults(profileId);
        if (!results) {
            return results.error();
        }
        for (const JobResult& r : results.value()) {
            reports[ReportKind::JobResults].rows.append(
                { Jobs::kindDisplayName(r.kind), Jobs::triggerDisplayName(r.trigger), r.startedAt, r.endedAt,
                    Jobs::outcomeDisplayName(r.outcome), r.users, r.roadmaps, r.requests, r.joined, r.left,
                    r.roleChanged, r.warning, r.error });
        }
    }
    if (kinds.contains(ReportKind::SoftwareModels)) {
        auto models = jobs.softwareModels(profileId);
        if (!models) {
            return models.error();
        }
        for (const SoftwareModel& m : models.value()) {
            reports[ReportKind::SoftwareModels].rows.append(
                { m.displayName, m.publisher, m.product, SeatTypes::displayName(m.seatType) });
        }
    }
    return {};
}

Result<void> addCandidates(
    Tables& reports, ReclamationRepository& reclamation, qint64 profileId, const ProfileSnapshot* snapshot)
{
    auto entitlements
        = snapshot ? Result<QList<Entitlement>>(snapshot->entitlements) : reclamation.entitlements(profileId);
    if (!entitlements) {
        return entitlements.error();
    }
    auto candidates = snapshot ? Result<QList<RemovalCandidate>>(snapshot->candidates)
                               : reclamation.candidates(profileId);
    if (!candidates) {
        return candidates.error();
    }
    QHash<SeatType, Entitlement> bySeatType;
    for (const Entitlement& e : entitlements.value()) {
        bySeatType.insert(e.seatType, e);
    }
    for (const RemovalCandidate& c : candidates.value()) {
        const auto e = bySeatType.constFind(c.seatType);
        const bool priced = e != bySeatType.cend();
        reports[ReportKind::Candidates].rows.append({ c.displayNumber(), c.userId, c.email, c.displayName,
            Roles::displayName(c.role), SeatTypes::displayName(c.seatType), c.lastActivity,
            ActivityRules::sourceDisplayName(c.activitySource), c.justification,
            priced ? QVariant(e->annualPrice()) : QVariant(), priced ? e->currency : QString(),
            Candidates::stateDisplayName(c.state), c.updatedAt });
    }
    return {};
}

// Who joined, left or changed role at the latest successful subscriptions sync: that sync's
// changes only, never an older one's (a sync that changed nothing leaves the table empty).
Result<void> addChanges(Tables& reports, Database& database, qint64 profileId)
{
    auto latest = SubscriptionRepository(database).latestChanges(profileId);
    if (!latest) {
        return latest.error();
    }
    const auto role
        = [](const QString& code) { return code.isEmpty() ? QVariant() : Roles::displayName(code); };
    for (const SnapshotChange& c : latest.value().changes) {
        reports[ReportKind::Changes].rows.append({ SnapshotChanges::kindDisplayName(c.kind), c.email,
            c.userId, role(c.oldRole), role(c.newRole), latest.value().syncedAt });
    }
    return {};
}

// Removal candidates, License position and the Audit log.
Result<void> addReclamationTables(Tables& reports, Database& database, qint64 profileId,
    const QList<ReportKind>& kinds, const ProfileSnapshot* snapshot)
{
    ReclamationRepository reclamation(database);
    if (kinds.contains(ReportKind::Candidates)) {
        if (auto added = addCandidates(reports, reclamation, profileId, snapshot); !added) {
            return added;
        }
    }
    if (kinds.contains(ReportKind::License)) {
        const QDateTime now = QDateTime::currentDateTime();
        auto positions = snapshot
            ? Result<QList<LicensePosition>>(ProfileSnapshots::licensePositions(*snapshot, now))
            : Reclamation::licensePositions(database, profileId, now);
        if (!positions) {
            return positions.error();
        }
        for (const LicensePosition& p : positions.value()) {
            reports[ReportKind::License].rows.append({ SeatTypes::displayName(p.seatType), p.assigned,
                p.owned, Licenses::statusDisplayName(p.status), p.stale, p.unusedOwned, p.annualSpend,
                p.trueUpCost, p.potentialSavings, p.actualSavingsYtd, p.currency,
                otherCurrenciesText(p.otherSavingsYtd) });
        }
    }
    if (kinds.contains(ReportKind::Audit)) {
        auto audit = AuditReport::rows(database, profileId);
        if (!audit) {
            return audit.error();
        }
        reports[ReportKind::Audit].rows = std::move(audit.value());
    }
    return {};
}

Result<QHash<ReportKind, Report>> buildFrom(
    Database& database, qint64 profileId, const QList<ReportKind>& kinds, const ProfileSnapshot* snapshot)
{
    Tables reports;
    for (ReportKind kind : kinds) {
        reports.insert(kind, Report { kind, headers(kind), {} });
    }
    const auto wants = [&kinds](std::initializer_list<ReportKind> any) {
        return std::any_of(any.begin(), any.end(), [&kinds](ReportKind k) { return kinds.contains(k); });
    };
    if (wants({ ReportKind::Subscriptions, ReportKind::Activity, ReportKind::InactivePerReport,
            ReportKind::Unrecognized, ReportKind::Exclusions })) {
        if (auto added = addHolderTables(reports, database, profileId, kinds, snapshot); !added) {
            return added.error();
        }
    }
    if (auto added = addJobTables(reports, database, profileId, kinds); !added) {
        return added.error();
    }
    if (kinds.contains(ReportKind::Changes)) {
        if (auto added = addChanges(reports, database, profileId); !added) {
            return added.error();
        }
    }
    if (kinds.contains(ReportKind::Roster)) {
        auto rows = RosterReport::rows(database, profileId, snapshot ? &snapshot->holders : nullptr);
        if (!rows) {
            return rows.error();
        }
        reports[ReportKind::Roster].rows = std::move(rows).value();
    }
    if (auto added = addReclamationTables(reports, database, profileId, kinds, snapshot); !added) {
        return added.error();
    }
    return reports;
}

} // namespace

Result<QHash<ReportKind, Report>> build(Database& database, qint64 profileId, const QList<ReportKind>& kinds)
{
    return buildFrom(database, profileId, kinds, nullptr);
}

Result<QHash<ReportKind, Report>> build(
    Database& database, qint64 profileId, const QList<ReportKind>& kinds, const ProfileSnapshot& snapshot)
{
    return buildFrom(database, profileId, kinds, &snapshot);
}

bool writeCsv(const Report& report, QIODevice* device, bool translated)
{
    return writeCsv(translated ? translatedHeaders(report.kind) : report.headers, report.rows, device);
}

bool writeCsv(const QStringList& headers, const QList<QList<QVariant>>& rows, QIODevice* device)
{
    CsvWriter writer(device);
    writer.writeRow(headers);
    QStringList fields;
    for (const QList<QVariant>& row : rows) {
        fields.clear();
        for (const QVariant& value : row) {
            fields.append(csvValue(value));
        }
        writer.writeRow(fields);
    }
    return writer.finish();
}

QString csvValue(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::QDateTime: {
        const QDateTime when = value.toDateTime();
        return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
    }
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

} // namespace rmsam::Reports
