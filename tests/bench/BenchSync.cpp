#include "BenchSync.h"

#include "BenchSupport.h"
#include "core/IntegrationProfile.h"
#include "roadmunk/Queries.h"
#include "support/PostgresCluster.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>

namespace rmsam::bench {
namespace {

constexpr int PageSize = 100;
constexpr double TimesFasterThanPeer = 3; // issue 15's targets
constexpr double TimesFloor = 1.3;
constexpr double RssLimitMb = 200;
constexpr double PostgreSqlOverSqlite = 1.5; // issue 14's

const char* const TokenVariable = "RMSAM_BENCH_TOKEN";

// The token reaches the sequential client through its environment for the length of one run,
// never through its command line, where any account on the machine could read it.
class TokenInEnvironment
{
public:
    explicit TokenInEnvironment(const QString& token) { qputenv(TokenVariable, token.toUtf8()); }
    ~TokenInEnvironment() { qunsetenv(TokenVariable); }
    Q_DISABLE_COPY_MOVE(TokenInEnvironment)
};

// The listings' documents exactly as the app sends them, for the sequential client.
bool writeDocuments(const QString& path)
{
    const auto document = [](const GraphQlRequest& r) {
        return QJsonObject { { QStringLiteral("operationName"), r.operationName },
            { QStringLiteral("query"), r.query }, { QStringLiteral("variables"), r.variables } };
    };
    const QJsonObject documents { { QStringLiteral("users"), document(Queries::usersPage(PageSize, 0)) },
        { QStringLiteral("roadmaps"), document(Queries::roadmapsPage(PageSize, 0)) } };
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(documents).toJson()) > 0;
}

// One run of the sequential client: its seconds (-1 when it failed) and what it read.
struct PeerRun
{
    double seconds = -1;
    int users = 0;
    int roadmaps = 0;
};

PeerRun runPeer(const ProcessSandbox& sandbox, const QString& documents, int users)
{
    const TokenInEnvironment token(sandbox.token);
    const ProcessRun run = runProcess(QStringLiteral("python3"),
        { QStringLiteral(RMSAM_BENCH_SOURCE_DIR "/sequential_client.py"), sandbox.endpoint.toString(),
            documents });
    // "users N roadmaps M requests R"
    const QList<QByteArray> printed = run.output.simplified().split(' ');
    PeerRun peer;
    if (run.exitCode == 0 && printed.size() == 6 && printed.at(1).toInt() == users) {
        peer.seconds = run.seconds;
        peer.users = printed.at(1).toInt();
        peer.roadmaps = printed.at(3).toInt();
    } else {
        out << "sequential client failed (exit " << run.exitCode << "): " << run.output.right(500)
            << run.error.right(2000) << Qt::endl;
    }
    return peer;
}

// Seconds and peak memory of one operation on one backend over the runs; failed runs are left
// out of the figures and counted.
struct Samples
{
    QList<double> seconds;
    QList<double> rssMb;
    int failed = 0;

    void add(const ProcessRun& run)
    {
        if (run.seconds < 0) {
            ++failed;
            return;
        }
        seconds.append(run.seconds);
        rssMb.append(run.peakRssKb / 1024.0);
    }
};

// Everything measured for one account size.
struct Measured
{
    int users = 0;
    QMap<QString, Samples> app; // by backend + operation: "SQLite first", "PostgreSQL resync"
    QList<double> peer;
    int pages = 0; // users pages + roadmaps pages, as the sequential client read them
};

QString key(const QString& backend, bool resync)
{
    return backend + (resync ? QStringLiteral(" resync") : QStringLiteral(" first"));
}

// One run on one backend: a new database, the admin's set-up, then the timed first sync and
// re-sync. Empty, or what failed.
QString measureBackend(const SyncBenchOptions& options, const ProcessSandbox& sandbox,
    test::PostgresCluster* cluster, int run, Measured& measured)
{
    const QString backend = cluster ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    QTemporaryDir dir;
    QStringList database { QStringLiteral("--data-dir"), dir.path() };
    if (cluster) {
        QString error;
        const QString name
            = cluster->createDatabase(QStringLiteral("bench_%1_%2").arg(measured.users).arg(run), &error);
        if (name.isEmpty()) {
            return QStringLiteral("cannot create a PostgreSQL database: %1").arg(error);
        }
        database = QStringList { QStringLiteral("--database"), cluster->socketUrl(name) };
    }
    CommandLineAdmin admin(options.executable, database);
    if (const QString failed = admin.publish(sandbox.endpoint, sandbox.token); !failed.isEmpty()) {
        return QStringLiteral("set-up failed: %1").arg(failed);
    }
    measured.app[key(backend, false)].add(admin.sync(measured.users));
    measured.app[key(backend, true)].add(admin.sync(measured.users));
    admin.clearToken();
    return {};
}

// `runs` runs against one sandbox process: the sequential client, then each backend, the
// backends' order alternating from run to run.
Measured measure(
    const SyncBenchOptions& options, int users, test::PostgresCluster* cluster, const QString& documents)
{
    Measured measured;
    measured.users = users;
    ProcessSandbox sandbox(options.executable, users, options.latencyMs, PageSize);
    if (sandbox.token.isEmpty()) {
        out << "the sandbox did not start: " << options.executable << Qt::endl;
        return measured;
    }
    QList<test::PostgresCluster*> backends { nullptr };
    if (cluster) {
        backends.append(cluster);
    }
    for (int run = 0; run < options.runs; ++run) {
        const PeerRun peer = runPeer(sandbox, documents, users);
        if (peer.seconds >= 0) {
            measured.peer.append(peer.seconds);
            measured.pages
                = (peer.users + PageSize - 1) / PageSize + (peer.roadmaps + PageSize - 1) / PageSize;
        }
        for (int b = 0; b < backends.size(); ++b) {
            test::PostgresCluster* backend = backends.at((b + run) % backends.size());
            if (const QString failed = measureBackend(options, sandbox, backend, run, measured);
                !failed.isEmpty()) {
                out << failed << Qt::endl;
            }
        }
    }
    return measured;
}

// "1.23× — met", or a dash when there is nothing to compare.
QString verdict(double numerator, double denominator, bool atMost, double target)
{
    if (numerator <= 0 || denominator <= 0) {
        return QStringLiteral("–");
    }
    const double ratio = numerator / denominator;
    const bool met = atMost ? ratio <= target : ratio >= target;
    return QStringLiteral("%1× — %2")
        .arg(ratio, 0, 'f', 2)
        .arg(met ? QStringLiteral("met") : QStringLiteral("not met"));
}

void printRows(const SyncBenchOptions& options, const Measured& m)
{
    const double floor = m.pages * options.latencyMs / 1000.0 / IntegrationProfile::DefaultMaxInFlight;
    const double peer = median(m.peer);
    for (const QString& backend : { QStringLiteral("SQLite"), QStringLiteral("PostgreSQL") }) {
        for (const bool resync : { false, true }) {
            const Samples app = m.app.value(key(backend, resync));
            if (app.seconds.isEmpty() && app.failed == 0) {
                continue; // that backend did not run
            }
            const double seconds = median(app.seconds);
            const double first = median(m.app.value(key(backend, false)).seconds);
            const double sqlite = median(m.app.value(key(QStringLiteral("SQLite"), resync)).seconds);
            const double rss
                = app.rssMb.isEmpty() ? 0 : *std::max_element(app.rssMb.cbegin(), app.rssMb.cend());
            out << QStringLiteral("| %1, %2 users | %3 | %4%5 | %6 MB | %7 | %8 | %9 | %10 | %11 | %12 |")
                       .arg(resync ? QStringLiteral("re-sync, unchanged") : QStringLiteral("first `sync`"),
                           QLocale(QLocale::English).toString(m.users), backend, medianAndSpread(app.seconds),
                           app.failed ? QStringLiteral(" (%1 failed)").arg(app.failed) : QString())
                       .arg(rss, 0, 'f', 0)
                       .arg(medianAndSpread(m.peer), verdict(peer, seconds, false, TimesFasterThanPeer),
                           verdict(seconds, floor, true, TimesFloor),
                           resync ? verdict(seconds, first, true, 1) : QStringLiteral("–"))
                       .arg(app.rssMb.isEmpty()                 ? QStringLiteral("–")
                               : median(app.rssMb) < RssLimitMb ? QStringLiteral("met")
                                                                : QStringLiteral("not met"),
                           backend == QLatin1String("SQLite")
                               ? QStringLiteral("–")
                               : verdict(seconds, sqlite, true, PostgreSqlOverSqlite))
                << Qt::endl;
        }
    }
    out << QStringLiteral("| (%1 users: %2 pages × %3 ms ÷ %4 in flight = floor %5 s) | | | | | | | | | |")
               .arg(QLocale(QLocale::English).toString(m.users))
               .arg(m.pages)
               .arg(options.latencyMs)
               .arg(IntegrationProfile::DefaultMaxInFlight)
               .arg(floor, 0, 'f', 2)
        << Qt::endl;
}

} // namespace

void benchSync(const SyncBenchOptions& options)
{
    if (options.executable.isEmpty()) {
        out << "--only sync needs --sandbox-exe PATH (the roadmunk-sam executable)" << Qt::endl;
        return;
    }
    QTemporaryDir dir;
    const QString documents = dir.filePath(QStringLiteral("documents.json"));
    if (!writeDocuments(documents)) {
        out << "cannot write " << documents << Qt::endl;
        return;
    }
    QString error;
    const std::unique_ptr<test::PostgresCluster> cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "PostgreSQL rows left out: " << error << Qt::endl;
    }
    out << "\n`sync` end to end (process start to exit, candidates evaluated), " << options.runs << " runs, "
        << options.latencyMs << " ms per request, " << PageSize
        << "-row pages, sandbox in its own process; peer: tests/bench/sequential_client.py against the "
           "same sandbox in the same runs. Floor: pages × latency ÷ requests in flight (the profile "
           "default, IntegrationProfile::DefaultMaxInFlight). Verdicts from the medians; peak RSS is the "
           "highest of the runs, its verdict from their median.\n\n"
           "| operation | backend | app: median (spread) | peak RSS (max) | sequential client: median "
           "(spread) | app vs "
           "sequential (≥ 3x?) | app ÷ floor (≤ 1.3x?) | re-sync ÷ first (≤ 1?) | RSS < 200 MB? | "
           "PostgreSQL ÷ SQLite (≤ 1.5x?) |\n"
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        << Qt::endl;
    for (const int users : options.userCounts) {
        printRows(options, measure(options, users, cluster.get(), documents));
    }
}

} // namespace rmsam::bench
