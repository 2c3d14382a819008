// The reclamation dashboard: its figures worked out from a profile stored through the
// repositories (buckets, seat types, money per currency, % unused, the trend of succeeded
// subscription runs), and the view offscreen: the charts and their "Show numbers" tables show
// the same numbers, and Export CSV writes them.
#include "DashboardView.h"
#include "core/ProfileRules.h"
#include "services/Dashboard.h"
#include "services/Evaluation.h"
#include "services/Reports.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/TestBackend.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace rmsam;

namespace {

struct User
{
    const char* id;
    const char* role;
    NoActivityReason reason;
    int daysAgo; // with HasActivity
    bool invited = false;
};

// Ten seat holders. The rule's defaults (60 days, collaborators and reviewers, users without
// activity included) flag u05, u06, u07, u08 and u09; u06's candidate is then closed as
// reclaimed.
const QList<User> Users = {
    { "u01", "collaborator", NoActivityReason::HasActivity, 5 },
    { "u02", "collaborator", NoActivityReason::HasActivity, 29 },
    { "u03", "reviewer", NoActivityReason::HasActivity, 30 },
    { "u04", "account_admin", NoActivityReason::HasActivity, 75 },
    { "u05", "collaborator", NoActivityReason::HasActivity, 100 },
    { "u06", "reviewer", NoActivityReason::HasActivity, 200 },
    { "u07", "collaborator", NoActivityReason::NeverLoggedIn, 0 },
    { "u08", "reviewer", NoActivityReason::InvitedPending, 0, true },
    { "u09", "collaborator", NoActivityReason::NoData, 0 },
    { "u10", "guest", NoActivityReason::HasActivity, 10 }, // unrecognized; joins in the second run
};

SoftwareSubscription subscription(const User& u, const QDateTime& now)
{
    SoftwareSubscription s;
    s.userId = QString::fromLatin1(u.id);
    s.email = s.userId + QStringLiteral("@example.com");
    s.displayName = s.userId;
    s.role = QString::fromLatin1(u.role);
    s.seatType = SeatTypes::fromRole(s.role);
    s.invited = u.invited;
    if (u.reason == NoActivityReason::HasActivity) {
        s.lastLogin = now.addDays(-u.daysAgo);
    } else if (u.reason == NoActivityReason::NoData) {
        s.lastLogin = now.addDays(-300);
    }
    return s;
}

UserActivity activity(const User& u, const QDateTime& now)
{
    UserActivity a;
    a.userId = QString::fromLatin1(u.id);
    a.reason = u.reason;
    if (u.reason == NoActivityReason::HasActivity) {
        a.lastActivity = now.addDays(-u.daysAgo);
        a.source = ActivitySource::Login;
    }
    return a;
}

JobResult run(qint64 profileId, JobKind kind, JobOutcome outcome, const QDateTime& at)
{
    JobResult r;
    r.profileId = profileId;
    r.kind = kind;
    r.trigger = JobTrigger::Manual;
    r.startedAt = at;
    r.endedAt = at.addSecs(30);
    r.outcome = outcome;
    return r;
}

QStringList csvLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray bytes = file.readAll();
    if (!bytes.startsWith("\xEF\xBB\xBF")) {
        return { QStringLiteral("<no byte order mark>") };
    }
    QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
    if (lines.last().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

QString iso(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODate);
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    test::TestBackend m_backend; // SQLite, or PostgreSQL with RMSAM_TEST_DATABASE=postgresql
    QTemporaryDir m_dataDir;
    std::unique_ptr<Database> m_database;
    qint64 m_profileId = 0;
    QDateTime m_now;
    QDateTime m_firstRun;
    QDateTime m_secondRun;

    qint64 createProfile(const QString& name)
    {
        auto created = ProfileRepository(*m_database)
                           .create(ProfileRules::makeDraft(name, Region::NorthAmerica, m_now.date()));
        return created ? created.value().id : 0;
    }

    DashboardFigures figures()
    {
        auto f = Dashboard::figures(*m_database, m_profileId, m_now);
        return f ? f.value() : DashboardFigures {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        auto opened = Database::open(m_backend.location(m_dataDir));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
        m_database = std::move(opened).value();
        // Real time: candidates record when they were closed with the clock, and actual
        // savings count this calendar year's.
        m_now = QDateTime::currentDateTimeUtc();
        m_firstRun = m_now.addDays(-40);
        m_secondRun = m_now.addDays(-1);
        m_profileId = createProfile(QStringLiteral("dashboard"));
        QVERIFY(m_profileId > 0);

        SubscriptionRepository subscriptions(*m_database);
        QList<SoftwareSubscription> first;
        QList<SoftwareSubscription> second;
        QList<UserActivity> activities;
        for (const User& u : Users) {
            if (QLatin1String(u.id) != QLatin1String("u10")) {
                first.append(subscription(u, m_now));
            }
            second.append(subscription(u, m_now));
            activities.append(activity(u, m_now));
        }
        QVERIFY(subscriptions
                    .replaceSnapshot(m_profileId, first, std::nullopt,
                        run(m_profileId, JobKind::Subscriptions, JobOutcome::Succeeded, m_firstRun))
                    .ok());
        // Neither a failed run nor an activity run is a point of the trend.
        QVERIFY(
            JobRepository(*m_database)
                .recordRun(run(m_profileId, JobKind::Subscriptions, JobOutcome::Failed, m_now.addDays(-20)))
                .ok());
        QVERIFY(subscriptions
                    .replaceSnapshot(m_profileId, second, activities,
                        run(m_profileId, JobKind::Subscriptions, JobOutcome::Succeeded, m_secondRun))
                    .ok());
        QVERIFY(
            JobRepository(*m_database)
                .recordRun(run(m_profileId, JobKind::Activity, JobOutcome::Succeeded, m_now.addSecs(-600)))
                .ok());

        ReclamationRepository reclamation(*m_database);
        Entitlement collaborators;
        collaborators.profileId = m_profileId;
        collaborators.seatType = SeatType::CollaboratorType;
        collaborators.owned = 5;
        collaborators.price = 100;
        collaborators.period = Entitlement::Period::Month;
        collaborators.currency = QStringLiteral("USD");
        QVERIFY(reclamation.saveEntitlement(collaborators).ok());
        Entitlement reviewers;
        reviewers.profileId = m_profileId;
        reviewers.seatType = SeatType::Reviewer;
        reviewers.owned = 5;
        reviewers.price = 300;
        reviewers.period = Entitlement::Period::Year;
        reviewers.currency = QStringLiteral("EUR");
        QVERIFY(reclamation.saveEntitlement(reviewers).ok());

        const auto evaluated = Reclamation::evaluate(*m_database, m_profileId, m_now);
        QVERIFY(evaluated.ok());
        QCOMPARE(evaluated.value().created, 5);
        const QList<RemovalCandidate> candidates = reclamation.candidates(m_profileId).value();
        const auto u06 = std::find_if(candidates.cbegin(), candidates.cend(),
            [](const RemovalCandidate& c) { return c.userId == QLatin1String("u06"); });
        QVERIFY(u06 != candidates.cend());
        QVERIFY(reclamation.apply(u06->number, CandidateAction::Close, QStringLiteral("test")).ok());
    }

    void bucketBoundaries_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<int>("bucket");
        using B = ActivityBucket;
        const int active = int(NoActivityReason::HasActivity);
        QTest::newRow("today") << active << 0 << int(B::Days0To30);
        QTest::newRow("29") << active << 29 << int(B::Days0To30);
        QTest::newRow("30") << active << 30 << int(B::Days30To60);
        QTest::newRow("59") << active << 59 << int(B::Days30To60);
        QTest::newRow("60") << active << 60 << int(B::Days60To90);
        QTest::newRow("90") << active << 90 << int(B::Days90To120);
        QTest::newRow("119") << active << 119 << int(B::Days90To120);
        QTest::newRow("120") << active << 120 << int(B::Days120Plus);
        QTest::newRow("future") << active << -3 << int(B::Days0To30);
        QTest::newRow("never") << int(NoActivityReason::NeverLoggedIn) << 0 << int(B::Never);
        QTest::newRow("invited") << int(NoActivityReason::InvitedPending) << 0 << int(B::Never);
        QTest::newRow("no data") << int(NoActivityReason::NoData) << 0 << int(B::NoData);
    }

    void bucketBoundaries()
    {
        QFETCH(int, reason);
        QFETCH(int, daysAgo);
        QFETCH(int, bucket);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        UserActivity a;
        a.reason = NoActivityReason(reason);
        if (a.reason == NoActivityReason::HasActivity) {
            a.lastActivity = now.addDays(-daysAgo);
        }
        QCOMPARE(int(Dashboard::bucketFor(a, {}, now)), bucket);
    }

    void noDataFallsBackOnTheLastLogin()
    {
        // Nothing since "Analyze user activity from", but a login 100 days ago still dates the user.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        UserActivity a;
        a.reason = NoActivityReason::NoData;
        QCOMPARE(Dashboard::bucketFor(a, now.addDays(-100), now), ActivityBucket::Days90To120);
        QCOMPARE(Dashboard::bucketFor(a, {}, now), ActivityBucket::NoData);
    }

    void aLoginBeforeTheAnalysedPeriodIsInactiveNotNoData()
    {
        const QDate from(2026, 1, 1);
        const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        UserActivity a;
        a.reason = NoActivityReason::NoData;
        const QDateTime login(QDate(2025, 10, 20), QTime(9, 30), Qt::UTC);
        QCOMPARE(ActivityRules::statusDisplayName(a, login, from),
            QStringLiteral("Inactive since 2026-01-01 or earlier"));
        // The dashboard counts the same user among the inactive, by that login: not under No data.
        QCOMPARE(Dashboard::bucketFor(a, login, now), ActivityBucket::Days120Plus);
        QCOMPARE(ActivityRules::lastSeen(a, login), login);
        // The period moved back since the activity was worked out: the login is the last day known.
        QCOMPARE(ActivityRules::statusDisplayName(a, login, QDate(2025, 9, 1)),
            QStringLiteral("Inactive since 2025-10-20 or earlier"));
        // Unknown (an unreadable date, no login known) stays No data, on both screens.
        a.unreadable = QStringLiteral("last tuesday");
        QCOMPARE(ActivityRules::statusDisplayName(a, {}, from), QStringLiteral("No data"));
        QCOMPARE(Dashboard::bucketFor(a, {}, now), ActivityBucket::NoData);
        // The other reasons keep their names.
        a = {};
        a.reason = NoActivityReason::NeverLoggedIn;
        QCOMPARE(ActivityRules::statusDisplayName(a, {}, from), QStringLiteral("Never logged in"));
        a.reason = NoActivityReason::HasActivity;
        a.lastActivity = now.addDays(-3);
        QCOMPARE(ActivityRules::statusDisplayName(a, login, from), QStringLiteral("Active"));
    }

    void theActivityTableAgreesWithTheBuckets()
    {
        // u09 last logged in 300 days ago, before the profile's "Analyze user activity from".
        const QDate from = ProfileRepository(*m_database).find(m_profileId).value().analyzeActivityFrom;
        QVERIFY(from.isValid());
        const auto built = Reports::build(*m_database, m_profileId, { ReportKind::Activity });
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().detail));
        const Report activity = built.value().value(ReportKind::Activity);
        const qsizetype status = activity.headers.indexOf(QStringLiteral("Status"));
        QVERIFY(status > 0);
        int noData = 0;
        QString u09;
        for (const QList<QVariant>& row : activity.rows) {
            noData += row.at(status).toString() == QLatin1String("No data");
            if (row.at(0).toString() == QLatin1String("u09")) {
                u09 = row.at(status).toString();
            }
        }
        QCOMPARE(u09, QStringLiteral("Inactive since %1 or earlier").arg(from.toString(Qt::ISODate)));
        const DashboardFigures f = figures();
        QCOMPARE(noData, f.lastActivity.value(ActivityBucket::NoData));
        QCOMPARE(f.lastActivity.value(ActivityBucket::Days120Plus), 2); // u06, and u09 by its login
    }

    void activityWithoutADateHasNoData()
    {
        UserActivity a;
        a.reason = NoActivityReason::HasActivity;
        QCOMPARE(Dashboard::bucketFor(a, {}, QDateTime::currentDateTimeUtc()), ActivityBucket::NoData);
    }

    void figuresFromTheStoredProfile()
    {
        const auto result = Dashboard::figures(*m_database, m_profileId, m_now);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const DashboardFigures& f = result.value();
        QCOMPARE(f.thresholdDays, ReclamationRule::DefaultThresholdDays);

        using B = ActivityBucket;
        const QMap<B, int> buckets { { B::Days0To30, 3 }, { B::Days30To60, 1 }, { B::Days60To90, 1 },
            { B::Days90To120, 1 }, { B::Days120Plus, 2 }, { B::Never, 2 }, { B::NoData, 0 } };
        QCOMPARE(f.lastActivity, buckets);

        QCOMPARE(f.collaboratorSeats, 6); // the Account Admin holds a Collaborator-type seat
        QCOMPARE(f.reviewerSeats, 3);
        QCOMPARE(f.unrecognizedSeats, 1);

        // u06's candidate is closed: 4 of 10 seats are open candidates.
        QCOMPARE(f.seatsHeld, 10);
        QCOMPARE(f.openCandidates, 4);
        QVERIFY(f.unusedPercent().has_value());
        QCOMPARE(*f.unusedPercent(), 40.0);

        // Collaborator-type: 6 held of 5 owned at 100 USD a month; 3 open candidates.
        // Reviewer: 3 held of 5 owned at 300 EUR a year; 1 open candidate, 1 reclaimed.
        const QMap<QString, double> spend { { QStringLiteral("EUR"), 1500.0 },
            { QStringLiteral("USD"), 6000.0 } };
        const QMap<QString, double> trueUp { { QStringLiteral("EUR"), 0.0 },
            { QStringLiteral("USD"), 1200.0 } };
        const QMap<QString, double> potential { { QStringLiteral("EUR"), 300.0 },
            { QStringLiteral("USD"), 3600.0 } };
        const QMap<QString, double> ytd { { QStringLiteral("EUR"), 300.0 }, { QStringLiteral("USD"), 0.0 } };
        QCOMPARE(f.annualSpend, spend);
        QCOMPARE(f.trueUpCost, trueUp);
        QCOMPARE(f.potentialSavings, potential);
        QCOMPARE(f.actualSavingsYtd, ytd);
        QVERIFY(f.unpriced.isEmpty());

        // The two succeeded subscription runs, oldest first; active seats (activity within 60
        // days: u01, u02, u03, u10) only for the current snapshot.
        QCOMPARE(f.trend.size(), 2);
        QCOMPARE(f.trend.at(0).at, m_firstRun);
        QCOMPARE(f.trend.at(0).assigned, 9);
        QVERIFY(!f.trend.at(0).active.has_value());
        QCOMPARE(f.trend.at(1).at, m_secondRun);
        QCOMPARE(f.trend.at(1).assigned, 10);
        QCOMPARE(f.trend.at(1).active, std::optional<int>(4));
    }

    void seatTypesWithoutAnEntitlementAreNamed()
    {
        const qint64 id = createProfile(QStringLiteral("unpriced"));
        QVERIFY(id > 0);
        const QList<SoftwareSubscription> users { subscription(Users.at(0), m_now),
            subscription(Users.at(2), m_now) };
        QVERIFY(SubscriptionRepository(*m_database)
                    .replaceSnapshot(id, users, std::nullopt,
                        run(id, JobKind::Subscriptions, JobOutcome::Succeeded, m_now))
                    .ok());
        Entitlement reviewers;
        reviewers.profileId = id;
        reviewers.seatType = SeatType::Reviewer;
        reviewers.owned = 2;
        reviewers.price = 10;
        reviewers.currency = QStringLiteral("JPY");
        QVERIFY(ReclamationRepository(*m_database).saveEntitlement(reviewers).ok());
        const DashboardFigures f = Dashboard::figures(*m_database, id, m_now).value();
        QCOMPARE(f.unpriced, QList<SeatType> { SeatType::CollaboratorType });
        QCOMPARE(f.annualSpend, (QMap<QString, double> { { QStringLiteral("JPY"), 20.0 } }));
        QCOMPARE(f.openCandidates, 0);
        QCOMPARE(*f.unusedPercent(), 0.0);
    }

    void anEmptyProfileHasNoShareAndNoTrend()
    {
        const qint64 id = createProfile(QStringLiteral("empty"));
        QVERIFY(id > 0);
        const auto result = Dashboard::figures(*m_database, id, m_now);
        QVERIFY(result.ok());
        QCOMPARE(result.value().seatsHeld, 0);
        QVERIFY(!result.value().unusedPercent());
        QVERIFY(result.value().trend.isEmpty());
        QVERIFY(result.value().annualSpend.isEmpty());
        QCOMPARE(result.value().lastActivity.size(), Dashboard::allBuckets().size());
        for (int count : result.value().lastActivity) {
            QCOMPARE(count, 0);
        }
        DashboardView view;
        view.setFigures(result.value());
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("dashboardUnused"))->text(), QString(QChar(0x2014)));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("dashboardSpend"))->text(), QString(QChar(0x2014)));
        QVERIFY(!view.findChild<QLabel*>(QStringLiteral("dashboardSpend"))->toolTip().isEmpty());
    }

    void theViewShowsTheFigures()
    {
        const DashboardFigures f = figures();
        DashboardView view;
        view.setFigures(f);
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QString spend = view.findChild<QLabel*>(QStringLiteral("dashboardSpend"))->text();
        const QLocale locale;
        QCOMPARE(spend.split(QLatin1Char('\n')),
            (QStringList { Licenses::moneyText(1500.0, QStringLiteral("EUR")),
                Licenses::moneyText(6000.0, QStringLiteral("USD")) }));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("dashboardTrueUp"))->text().split(QLatin1Char('\n')),
            (QStringList { Licenses::moneyText(0.0, QStringLiteral("EUR")),
                Licenses::moneyText(1200.0, QStringLiteral("USD")) }));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("dashboardSavings"))
                    ->text()
                    .contains(Licenses::moneyText(3600.0, QStringLiteral("USD"))));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("dashboardSavingsYtd"))
                    ->text()
                    .contains(Licenses::moneyText(300.0, QStringLiteral("EUR"))));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("dashboardUnused"))
                    ->text()
                    .startsWith(locale.toString(40.0, 'f', 1)));

        // The charts carry the figures.
        auto* buckets = view.findChild<QChartView*>(QStringLiteral("dashboardBuckets"));
        QVERIFY(buckets);
        auto* bars = qobject_cast<QHorizontalBarSeries*>(buckets->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        const QList<int> counts = f.lastActivity.values();
        QCOMPARE(bars->barSets().first()->count(), counts.size());
        for (int i = 0; i < counts.size(); ++i) { // bottom up: the most recent bucket on top
            QCOMPARE(bars->barSets().first()->at(i), qreal(counts.at(counts.size() - 1 - i)));
        }
        auto* seatTypes = view.findChild<QChartView*>(QStringLiteral("dashboardSeatTypes"));
        auto* pie = qobject_cast<QPieSeries*>(seatTypes->chart()->series().value(0));
        QVERIFY(pie);
        QCOMPARE(pie->count(), 3);
        QCOMPARE(pie->sum(), 10.0);
        auto* trend = view.findChild<QChartView*>(QStringLiteral("dashboardTrend"));
        const QList<QAbstractSeries*> lines = trend->chart()->series();
        QCOMPARE(lines.size(), 2);
        const QList<QPointF> assigned = qobject_cast<QLineSeries*>(lines.at(0))->points();
        QCOMPARE(assigned.size(), 2);
        QCOMPARE(assigned.at(0), QPointF(qreal(m_firstRun.toMSecsSinceEpoch()), 9));
        QCOMPARE(assigned.at(1), QPointF(qreal(m_secondRun.toMSecsSinceEpoch()), 10));
        QCOMPARE(qobject_cast<QLineSeries*>(lines.at(1))->points(),
            (QList<QPointF> { QPointF(qreal(m_secondRun.toMSecsSinceEpoch()), 4) }));
    }

    void chartsFollowThePalette()
    {
        DashboardView view;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        view.setPalette(dark); // before the charts exist: they start dark
        view.setFigures(figures());
        const QList<QChartView*> charts = view.findChildren<QChartView*>();
        QCOMPARE(charts.size(), 3);
        const auto follows = [&charts](const QPalette& p, QChart::ChartTheme theme) {
            for (QChartView* v : charts) {
                QChart* chart = v->chart();
                QCOMPARE(chart->theme(), theme);
                QCOMPARE(chart->backgroundBrush().color(), p.color(QPalette::Base));
                QCOMPARE(chart->titleBrush().color(), p.color(QPalette::Text));
                QCOMPARE(chart->legend()->labelColor(), p.color(QPalette::Text));
                for (QAbstractAxis* axis : chart->axes()) {
                    QCOMPARE(axis->labelsColor(), p.color(QPalette::Text));
                }
            }
        };
        follows(dark, QChart::ChartThemeDark);
        if (QTest::currentTestFailed()) {
            return;
        }
        // The system switching to a light palette while the app runs.
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        view.setPalette(light);
        follows(light, QChart::ChartThemeLight);
    }

    void showNumbersSwapsTheChartForItsTable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("buckets") << QStringLiteral("dashboardBuckets");
        QTest::newRow("seat types") << QStringLiteral("dashboardSeatTypes");
        QTest::newRow("trend") << QStringLiteral("dashboardTrend");
    }

    void showNumbersSwapsTheChartForItsTable()
    {
        QFETCH(QString, name);
        DashboardView view;
        view.setFigures(figures());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* toggle = view.findChild<QToolButton*>(name + QStringLiteral("Toggle"));
        auto* stack = view.findChild<QStackedWidget*>(name + QStringLiteral("Stack"));
        auto* chart = view.findChild<QChartView*>(name);
        auto* table = view.findChild<QTableView*>(name + QStringLiteral("Table"));
        QVERIFY(toggle && stack && chart && table);
        QVERIFY(!toggle->accessibleName().isEmpty());
        QVERIFY(toggle->focusPolicy() & Qt::TabFocus);
        QVERIFY(view.findChild<QPushButton*>(name + QStringLiteral("Export")));
        QCOMPARE(stack->currentWidget(), chart);
        QVERIFY(!table->isVisible());

        toggle->setFocus();
        QTest::keyClick(toggle, Qt::Key_Space);
        QCOMPARE(stack->currentWidget(), table);
        QVERIFY(table->isVisible());
        QVERIFY(!chart->isVisible());
        QTest::keyClick(toggle, Qt::Key_Space);
        QCOMPARE(stack->currentWidget(), chart);
    }

    void theTablesHoldTheSameNumbers()
    {
        const DashboardFigures f = figures();
        DashboardView view;
        view.setFigures(f);
        const auto cell = [&view](const char* name, int row, int column) {
            const QAbstractItemModel* model
                = view.findChild<QTableView*>(QString::fromLatin1(name) + QStringLiteral("Table"))->model();
            return model->index(row, column).data();
        };
        const QAbstractItemModel* buckets
            = view.findChild<QTableView*>(QStringLiteral("dashboardBucketsTable"))->model();
        QCOMPARE(buckets->rowCount(), 7);
        QCOMPARE(buckets->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Users"));
        const QList<int> expected { 3, 1, 1, 1, 2, 2, 0 };
        for (int row = 0; row < 7; ++row) {
            QCOMPARE(cell("dashboardBuckets", row, 0).toString(),
                Dashboard::bucketDisplayName(Dashboard::allBuckets().at(row)));
            QCOMPARE(cell("dashboardBuckets", row, 1).toInt(), expected.at(row));
        }
        QCOMPARE(cell("dashboardSeatTypes", 0, 1).toInt(), 6);
        QCOMPARE(cell("dashboardSeatTypes", 1, 1).toInt(), 3);
        QCOMPARE(cell("dashboardSeatTypes", 2, 1).toInt(), 1);
        QCOMPARE(cell("dashboardTrend", 0, 0).toDateTime(), m_firstRun);
        QCOMPARE(cell("dashboardTrend", 0, 1).toInt(), 9);
        QCOMPARE(cell("dashboardTrend", 0, 2).toString(), QString(QChar(0x2014))); // not recorded
        QCOMPARE(cell("dashboardTrend", 1, 1).toInt(), 10);
        QCOMPARE(cell("dashboardTrend", 1, 2).toInt(), 4);
    }

    void exportWritesTheNumbers()
    {
        DashboardView view;
        view.setFigures(figures());
        QTemporaryDir out;
        QVERIFY(out.isValid());

        const QString buckets = out.filePath(QStringLiteral("buckets.csv"));
        QVERIFY(view.exportChart(QStringLiteral("dashboardBuckets"), buckets));
        QCOMPARE(csvLines(buckets),
            (QStringList { QStringLiteral("Last Activity,Users"), QStringLiteral("0–30 days,3"),
                QStringLiteral("30–60 days,1"), QStringLiteral("60–90 days,1"),
                QStringLiteral("90–120 days,1"), QStringLiteral("120+ days,2"), QStringLiteral("Never,2"),
                QStringLiteral("No data,0") }));

        const QString seatTypes = out.filePath(QStringLiteral("seats.csv"));
        QVERIFY(view.exportChart(QStringLiteral("dashboardSeatTypes"), seatTypes));
        QCOMPARE(csvLines(seatTypes),
            (QStringList { QStringLiteral("Seat Type,Seats"), QStringLiteral("Collaborator-type,6"),
                QStringLiteral("Reviewer,3"), QStringLiteral("Unrecognized,1") }));

        const QString trend = out.filePath(QStringLiteral("trend.csv"));
        QVERIFY(view.exportChart(QStringLiteral("dashboardTrend"), trend));
        QCOMPARE(csvLines(trend),
            (QStringList { QStringLiteral("Job Started,Assigned Seats,Active Seats"),
                iso(m_firstRun) + QStringLiteral(",9,"), iso(m_secondRun) + QStringLiteral(",10,4") }));

        const QString summary = out.filePath(QStringLiteral("summary.csv"));
        QVERIFY(view.exportChart(QStringLiteral("dashboardSummary"), summary));
        const QStringList lines = csvLines(summary);
        QCOMPARE(lines.first(), QStringLiteral("Figure,Currency,Value"));
        for (const char* line :
            { "Current annual spend,EUR,1500", "Current annual spend,USD,6000", "True-up cost,USD,1200",
                "Potential savings,USD,3600", "Potential savings,EUR,300", "Actual savings YTD,EUR,300",
                "Seats held,,10", "Open removal candidates,,4", "Unused seats (%),,40" }) {
            QVERIFY2(lines.contains(QString::fromUtf8(line)), line);
        }

        QString error;
        QVERIFY(!view.exportChart(
            QStringLiteral("dashboardNothing"), out.filePath(QStringLiteral("x.csv")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("x.csv"))));
        error.clear();
        QVERIFY(!view.exportChart(
            QStringLiteral("dashboardBuckets"), out.filePath(QStringLiteral("missing/dir/b.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    // Last: it gives the reviewers' entitlement a renewal date. Reviewers: 3 seats held, 1 an
    // open candidate, 5 owned at EUR 300 a year.
    void renewalAdviceOnTheDashboard()
    {
        DashboardView view;
        view.setFigures(figures());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("dashboardRenewals"))->isHidden());
        QVERIFY(figures().renewals.isEmpty());

        ReclamationRepository reclamation(*m_database);
        Entitlement reviewers;
        for (const Entitlement& e : reclamation.entitlements(m_profileId).value()) {
            if (e.seatType == SeatType::Reviewer) {
                reviewers = e;
            }
        }
        QCOMPARE(reviewers.owned, 5);
        const QDate today = m_now.toLocalTime().date();
        reviewers.renewal = today.addDays(100);
        reviewers.noticeDays = 40;
        QVERIFY(reclamation.saveEntitlement(reviewers).ok());

        const DashboardFigures f = figures();
        QCOMPARE(f.renewals.size(), 1);
        const RenewalAdvice& a = f.renewals.first();
        QCOMPARE(a.seatType, SeatType::Reviewer);
        QCOMPARE(a.cancelBy, today.addDays(60));
        QCOMPARE(a.daysUntilCancelBy, 60);
        QCOMPARE(a.activeSeats, 2); // 3 held less the open candidate
        QCOMPARE(a.recommended, 3); // 2 + 10 % rounded up
        QCOMPARE(a.annualSaving, 600.0); // 2 seats fewer at EUR 300
        QCOMPARE(a.currency, QStringLiteral("EUR"));

        view.setFigures(f);
        auto* label = view.findChild<QLabel*>(QStringLiteral("dashboardRenewals"));
        QVERIFY(!label->isHidden());
        QVERIFY2(
            label->text().contains(QStringLiteral("Cancel by ") + today.addDays(60).toString(Qt::ISODate)),
            qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("(in 60 day")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("recommended 3 seat")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(Licenses::moneyText(600.0, QStringLiteral("EUR"))),
            qPrintable(label->text()));
        QVERIFY(label->text().startsWith(SeatTypes::displayName(SeatType::Reviewer)));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
