#include "ProfileTabs.h"

#include "ProfileForm.h"
#include "RecordTable.h"
#include "jobs/ProfileService.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"

#include <QScrollArea>

namespace rmsam {
namespace {

QVariant seatTypeText(const std::optional<SeatType>& type)
{
    return type ? SeatTypes::displayName(*type) : ProfileTabs::tr("Unrecognized");
}

} // namespace

ProfileTabs::ProfileTabs(ProfileService& service, QWidget* parent)
    : QTabWidget(parent)
    , m_service(service)
    , m_form(new ProfileForm(service, this))
{
    setObjectName(QStringLiteral("profileTabs"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    addTab(scroll, tr("&Profile"));

    // Column headers: translated for the screen, stable English for exports.
    addTable(QStringLiteral("subscriptionsTable"), tr("Subscriptions"),
             {{tr("User ID"), QStringLiteral("User ID")}, {tr("Email"), QStringLiteral("Email")},
              {tr("First Name"), QStringLiteral("First Name")}, {tr("Last Name"), QStringLiteral("Last Name")},
              {tr("Role"), QStringLiteral("Role")}, {tr("Seat Type"), QStringLiteral("Seat Type")},
              {tr("Invited"), QStringLiteral("Invited")}, {tr("Excluded"), QStringLiteral("Excluded")},
              {tr("Last Login"), QStringLiteral("Last Login")},
              {tr("Last Activity"), QStringLiteral("Last Activity")},
              {tr("Activity Source"), QStringLiteral("Activity Source")}});
    addTable(QStringLiteral("activityTable"), tr("Activity"),
             {{tr("Email"), QStringLiteral("Email")}, {tr("Display Name"), QStringLiteral("Display Name")},
              {tr("Last Activity"), QStringLiteral("Last Activity")},
              {tr("Activity Source"), QStringLiteral("Activity Source")}, {tr("Status"), QStringLiteral("Status")},
              {tr("Last Login"), QStringLiteral("Last Login")}});
        addTable(QStringLiteral("inactivePerReportTable"), tr("Inactive per report"),
             {{tr("User ID"), QStringLiteral("User ID")}, {tr("Email"), QStringLiteral("Email")},
              {tr("Display Name"), QStringLiteral("Display Name")}, {tr("Role"), QStringLiteral("Role")},
              {tr("In the User report"), QStringLiteral("Report Status")}});
    addTable(QStringLiteral("unrecognizedTable"), tr("Unrecognized identifiers"),
             {{tr("Subscription identifier"), QStringLiteral("Identifier")}, {tr("Count"), QStringLiteral("Count")}});
        addTable(QStringLiteral("exclusionsTable"), tr("Exclusion rules"),
             {{tr("Excluded by"), QStringLiteral("Kind")}, {tr("Value"), QStringLiteral("Value")},
              {tr("Active"), QStringLiteral("Active")}, {tr("Subscriptions matched"), QStringLiteral("Matched")}});
    addTable(QStringLiteral("scheduledJobsTable"), tr("Scheduled jobs"),
             {{tr("Name"), QStringLiteral("Name")}, {tr("Job"), QStringLiteral("Job")},
              {tr("Runs daily at"), QStringLiteral("Run At")}, {tr("Active"), QStringLiteral("Active")},
              {tr("Last run"), QStringLiteral("Last Run")}});
    addTable(QStringLiteral("jobResultsTable"), tr("Job results"),
             {{tr("Job"), QStringLiteral("Job")}, {tr("Trigger"), QStringLiteral("Trigger")},
              {tr("Started"), QStringLiteral("Started")}, {tr("Ended"), QStringLiteral("Ended")},
              {tr("Outcome"), QStringLiteral("Outcome")}, {tr("Users"), QStringLiteral("Users")},
              {tr("Roadmaps"), QStringLiteral("Roadmaps")}, {tr("Requests"), QStringLiteral("Requests")},
              {tr("Joined"), QStringLiteral("Joined")}, {tr("Left"), QStringLiteral("Left")},
              {tr("Role changed"), QStringLiteral("Role Changed")}, {tr("Warning"), QStringLiteral("Warning")},
              {tr("Error"), QStringLiteral("Error")}});
    addTable(QStringLiteral("softwareModelsTable"), tr("Software models"),
             {{tr("Display Name"), QStringLiteral("Display Name")}, {tr("Publisher"), QStringLiteral("Publisher")},
              {tr("Product"), QStringLiteral("Product")}, {tr("Seat Type"), QStringLiteral("Seat Type")}});

    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (auto* t = qobject_cast<RecordTable*>(currentWidget())) {
            emit countChanged(t->countText());
        }
    });
}

RecordTable* ProfileTabs::addTable(const QString& objectName, const QString& title,
                                   const QList<QPair<QString, QString>>& columns)
{
    QList<RecordTableModel::Column> defs;
    for (const auto& [header, exportHeader] : columns) {
        defs.append({header, exportHeader});
    }
    auto* table = new RecordTable(objectName, defs, this);
    connect(table, &RecordTable::countChanged, this, [this, table](const QString& text) {
        if (currentWidget() == table) {
            emit countChanged(text);
        }
    });
    m_tables.append(table);
    addTab(table, title);
    return table;
}

RecordTable* ProfileTabs::table(const QString& objectName) const
{
    for (RecordTable* t : m_tables) {
        if (t->objectName() == objectName) {
            return t;
        }
    }
    return nullptr;
}

void ProfileTabs::showProfile(qint64 id)
{
    m_profileId = id;
    m_form->showProfile(id);
    reloadTables();
}

void ProfileTabs::reloadTables()
{
    Database& database = m_service.database();
    QList<QList<QVariant>> subscriptions;
    QList<QList<QVariant>> activity;
    QList<SoftwareSubscription> plain;
            const QList<ExclusionRule> rules = ExclusionRepository(database).list().value_or({});
    // With a User report attached, only users it lists as active hold a seat.
    const std::optional<AttachedReport> report =
        UserReportRepository(database).current(m_profileId).value_or(std::optional<AttachedReport>());
    QList<QList<QVariant>> inactive;
    if (auto records = SubscriptionRepository(database).records(m_profileId)) {subscriptions.reserve(records.value().size());
        activity.reserve(records.value().size());
        for (const SubscriptionRecord& r : records.value()) {
                        const SoftwareSubscription& s = r.subscription;
            if (report && !report->isActive(s.email)) {
                const bool listed = report->activeByEmail.contains(s.email.trimmed().toCaseFolded());
                inactive.append({s.userId, s.email, s.displayName, s.role, listed ? tr("Inactive") : tr("Not listed")});
                continue;
            }
            const QString source = ActivityRules::sourceDisplayName(r.activity.source);
            subscriptions.append({s.userId, s.email, s.firstName, s.lastName, s.role, seatTypeText(s.seatType), s.invited,
                                  Exclusions::isExcluded(s, rules), s.lastLogin, r.activity.lastActivity, source});
            activity.append({s.email, s.displayName, r.activity.lastActivity, source,
                             ActivityRules::reasonDisplayName(r.activity.reason), s.lastLogin});
            plain.append(s);
        }
    }
    table(QStringLiteral("subscriptionsTable"))->setRows(std::move(subscriptions));
        table(QStringLiteral("activityTable"))->setRows(std::move(activity));
    table(QStringLiteral("inactivePerReportTable"))->setRows(std::move(inactive));

    QList<QList<QVariant>> unrecognized;
    for (const UnrecognizedIdentifier& u : unrecognizedIdentifiers(plain)) {
        unrecognized.append({u.identifier, u.count});
    }
        table(QStringLiteral("unrecognizedTable"))->setRows(std::move(unrecognized));

    QList<QList<QVariant>> exclusions;
    for (const ExclusionRule& rule : rules) {
        const int matched = int(std::count_if(plain.cbegin(), plain.cend(),
                                              [&rule](const SoftwareSubscription& s) { return Exclusions::isExcluded(s, {rule}); }));
        exclusions.append({rule.kind == ExclusionRule::Kind::User ? tr("User (every profile)")
                                                                   : tr("Subscription identifier (%1)").arg(profileTypeName()),
                           rule.value, rule.active, matched});
    }
    table(QStringLiteral("exclusionsTable"))->setRows(std::move(exclusions));

    JobRepository jobs(database);
    QList<QList<QVariant>> scheduled;
    for (const ScheduledJob& j : jobs.scheduledJobs(m_profileId).value_or({})) {
        scheduled.append({j.name, Jobs::kindCode(j.kind), j.runAt.toString(QStringLiteral("HH:mm")), j.active, j.lastRunAt});
    }
    table(QStringLiteral("scheduledJobsTable"))->setRows(std::move(scheduled));

    QList<QList<QVariant>> results;
    for (const JobResult& r : SubscriptionRepository(database).jobResults(m_profileId).value_or({})) {
        results.append({Jobs::kindCode(r.kind), r.trigger, r.startedAt, r.endedAt, Jobs::outcomeDisplayName(r.outcome),
                        r.users, r.roadmaps, r.requests, r.joined, r.left, r.roleChanged, r.warning, r.error});
    }
    table(QStringLiteral("jobResultsTable"))->setRows(std::move(results));

    QList<QList<QVariant>> models;
    for (const SoftwareModel& m : jobs.softwareModels(m_profileId).value_or({})) {
        models.append({m.displayName, m.publisher, m.product, SeatTypes::displayName(m.seatType)});
    }
    table(QStringLiteral("softwareModelsTable"))->setRows(std::move(models));
}

} // namespace rmsam
