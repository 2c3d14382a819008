#include "BenchEvaluate.h"

#include "BenchSupport.h"
#include "core/ProfileRules.h"
#include "services/Evaluation.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/PostgresCluster.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <optional>

namespace rmsam::bench {
namespace {

constexpr double TargetSeconds = 1; // issue 15: 100,000 subscriptions in under a second
constexpr int TargetSubscriptions = 100'000;
constexpr int LargestOnPostgreSql = 100'000;
constexpr int LargestWithRuns = 100'000; // larger sizes run once: filling them takes long

// A snapshot like a real account's, the same for every run: 2 % account admins, a fifth
// reviewers, 4 % invited and pending, 10 % never logged in, about 40 % with no activity for more
// than the default 60 days, and some whose last activity is a roadmap rather than a login.
struct Snapshot
{
    QList<SoftwareSubscription> subscriptions;
    QList<UserActivity> activity;
};

UserActivity activityOf(const SoftwareSubscription& s, int i, const QDateTime& now)
{
    UserActivity a;
    a.userId = s.userId;
    if (s.invited) {
        a.reason = NoActivityReason::InvitedPending;
    } else if (!s.lastLogin.isValid()) {
        a.reason = NoActivityReason::NeverLoggedIn;
    } else if (i % 13 == 0) {
        a.reason = NoActivityReason::HasActivity;
        a.lastActivity = now.addDays(-(i % 40));
        a.source = ActivitySource::RoadmapArchived;
    } else {
        a.reason = NoActivityReason::HasActivity;
        a.lastActivity = s.lastLogin;
        a.source = ActivitySource::Login;
    }
    return a;
}

Snapshot makeSnapshot(int count, const QDateTime& now)
{
    Snapshot snapshot;
    snapshot.subscriptions.reserve(count);
    snapshot.activity.reserve(count);
    for (int i = 0; i < count; ++i) {
        SoftwareSubscription s;
        s.userId = QString::number(0x10000000 + i, 16);
        s.email = QStringLiteral("user%1@example.com").arg(i);
        s.firstName = QStringLiteral("First%1").arg(i % 977);
        s.lastName = QStringLiteral("Last%1").arg(i % 1013);
        s.displayName = s.firstName + QLatin1Char(' ') + s.lastName;
        const bool admin = i % 50 == 0;
        const bool reviewer = !admin && i % 5 == 1;
        s.role = admin ? QStringLiteral("account_admin")
                       : (reviewer ? QStringLiteral("reviewer") : QStringLiteral("collaborator"));
        s.seatType = reviewer ? SeatType::Reviewer : SeatType::CollaboratorType;
        s.invited = i % 25 == 3;
        if (!s.invited && i % 10 != 7) {
            const bool stale = i % 5 == 0 || i % 5 == 2;
            s.lastLogin = now.addDays(stale ? -(61 + i % 300) : -(i % 59)).addSecs(-(i % 86'400));
        }
        snapshot.activity.append(activityOf(s, i, now));
        snapshot.subscriptions.append(std::move(s));
    }
    return snapshot;
}

struct Run
{
    double fill = -1; // seconds of replaceSnapshot
    double first = -1; // seconds of the first evaluate, which creates the candidates
    double second = -1; // seconds of the second, with nothing changed
    int created = 0;
    int createdAgain = 0;
};

// A new profile on `location` filled with `count` subscriptions, then evaluated twice.
Run measureOnce(const QString& location, int count, QString* error)
{
    Run run;
    auto opened = Database::open(location);
    if (!opened) {
        *error = opened.error().message + QLatin1Char(' ') + opened.error().detail;
        return run;
    }
    Database& database = *opened.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto profile = ProfileRepository(database).create(
        ProfileRules::makeDraft(QStringLiteral("evaluate"), Region::NorthAmerica, now.date()));
    if (!profile) {
        *error = profile.error().message;
        return run;
    }
    JobResult result;
    result.profileId = profile.value().id;
    result.trigger = JobTrigger::CommandLine;
    result.outcome = JobOutcome::Succeeded;
    // A month ago, so the invited users' grace period is over.
    result.startedAt = result.endedAt = now.addDays(-30);
    QElapsedTimer timer;
    {
        const Snapshot snapshot = makeSnapshot(count, now);
        timer.start();
        auto stored = SubscriptionRepository(database).replaceSnapshot(
            profile.value().id, snapshot.subscriptions, snapshot.activity, result);
        run.fill = timer.elapsed() / 1000.0;
        if (!stored) {
            *error = stored.error().message + QLatin1Char(' ') + stored.error().detail;
            return run;
        }
    }
    for (double* seconds : { &run.first, &run.second }) {
        timer.start();
        auto evaluated = Reclamation::evaluate(database, profile.value().id, now);
        *seconds = timer.elapsed() / 1000.0;
        if (!evaluated) {
            *error = evaluated.error().message + QLatin1Char(' ') + evaluated.error().detail;
            *seconds = -1;
            return run;
        }
        (seconds == &run.first ? run.created : run.createdAgain) = evaluated.value().created;
    }
    return run;
}

// Each measurement's runs, in seconds.
struct Row
{
    int count = 0;
    QString backend;
    QList<double> fill;
    QList<double> first;
    QList<double> second;
    int created = 0;
    int createdAgain = 0;
    long rssMb = 0; // of this process so far
};

Row measure(int count, int runs, test::PostgresCluster* cluster)
{
    Row row;
    row.count = count;
    row.backend = cluster ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    for (int i = 0; i < (count > LargestWithRuns ? 1 : runs); ++i) {
        QTemporaryDir dir;
        QString error;
        QString location = dir.path();
        if (cluster) {
            location = cluster->createDatabase(QStringLiteral("evaluate_%1_%2").arg(count).arg(i), &error);
            location = location.isEmpty() ? QString() : cluster->socketUrl(location);
        }
        const Run run = location.isEmpty() ? Run {} : measureOnce(location, count, &error);
        if (!error.isEmpty()) {
            out << row.backend << ", " << count << " subscriptions: " << error << Qt::endl;
            continue;
        }
        row.fill.append(run.fill);
        row.first.append(run.first);
        row.second.append(run.second);
        row.created = run.created;
        row.createdAgain = run.createdAgain;
    }
    row.rssMb = peakRssMb();
    return row;
}

QString growth(const Row& row, const Row* smaller)
{
    if (!smaller || smaller->first.isEmpty() || row.first.isEmpty() || median(smaller->first) <= 0) {
        return QStringLiteral("–");
    }
    return QStringLiteral("%1× the time for %2× the rows (first), %3× (second)")
        .arg(median(row.first) / median(smaller->first), 0, 'f', 1)
        .arg(double(row.count) / smaller->count, 0, 'g', 3)
        .arg(median(smaller->second) > 0 ? median(row.second) / median(smaller->second) : 0, 0, 'f', 1);
}

void printRow(const Row& row, const Row* smaller)
{
    const auto met = [](const QList<double>& seconds) {
        return seconds.isEmpty()              ? QStringLiteral("–")
            : median(seconds) < TargetSeconds ? QStringLiteral("met")
                                              : QStringLiteral("not met");
    };
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 MB |")
               .arg(QLocale(QLocale::English).toString(row.count), row.backend, medianAndSpread(row.fill),
                   medianAndSpread(row.first), QString::number(row.created),
                   medianAndSpread(row.second)
                       + (row.createdAgain ? QStringLiteral(" (created %1!)").arg(row.createdAgain)
                                           : QString()),
                   row.count == TargetSubscriptions
                       ? QStringLiteral("first %1, second %2").arg(met(row.first), met(row.second))
                       : QStringLiteral("–"),
                   growth(row, smaller))
               .arg(row.rssMb)
        << Qt::endl;
}

} // namespace

void benchEvaluate(const QList<int>& subscriptionCounts, int runs)
{
    QString error;
    const std::unique_ptr<test::PostgresCluster> cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "PostgreSQL rows left out: " << error << Qt::endl;
    }
    out << "\n`Reclamation::evaluate` in process, on a snapshot stored with replaceSnapshot (" << runs
        << " runs each up to " << QLocale(QLocale::English).toString(LargestWithRuns)
        << " subscriptions, larger ones once; a new database per run; times are the median and the "
           "spread).\n\n"
           "| subscriptions | backend | fill: replaceSnapshot | first evaluate (creates candidates) | "
           "candidates | second evaluate (nothing changed) | 100k < 1 s? | cost against the size before "
           "(linear: the same ×) | peak RSS of rmsam-bench so far |\n"
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        << Qt::endl;
    QList<test::PostgresCluster*> backends { nullptr }; // SQLite
    if (cluster) {
        backends.append(cluster.get());
    }
    QList<int> counts = subscriptionCounts;
    std::sort(counts.begin(), counts.end());
    for (test::PostgresCluster* backend : backends) {
        std::optional<Row> smaller;
        for (const int count : counts) {
            if (backend && count > LargestOnPostgreSql) {
                continue;
            }
            const Row row = measure(count, runs, backend);
            printRow(row, smaller ? &*smaller : nullptr);
            smaller = row;
        }
    }
}

} // namespace rmsam::bench
