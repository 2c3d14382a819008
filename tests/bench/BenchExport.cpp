// `rmsam-bench --only export`: the real `roadmunk-sam export --report subscriptions` command,
// process start to exit, beside the database's own CSV client reading the same columns of the
// same rows in the same run (issue 15: within 1.5× of `sqlite3 -csv`; on PostgreSQL, of psql's
// `\copy … to stdout csv header`). The profile is filled by a real `sync` from a sandbox process
// (0 ms latency), so it needs --sandbox-exe and an unlocked keychain (the tests' D-Bus session).
#include "BenchExport.h"

#include "BenchSupport.h"
#include "support/PostgresCluster.h"

#include <QTemporaryDir>
#include <algorithm>

namespace rmsam::bench {
namespace {

constexpr double Target = 1.5;

// The stored columns the export shows, in its order and the profile's order (the computed
// "Excluded" column aside).
QString peerQuery()
{
    return QStringLiteral(
        "SELECT user_id, email, first_name, last_name, role, seat_type, invited, last_login, "
        "last_activity, activity_source FROM subscription WHERE profile_id = "
        "(SELECT id FROM integration_profile WHERE display_name = 'Bench') ORDER BY email");
}

struct Backend
{
    QString name; // "SQLite", "PostgreSQL 15 (socket)"
    QStringList database; // --data-dir DIR or --database URL
    QString peer; // the program
    QStringList peerArguments;
};

// CSV lines of a run's output: the header and one per row (no field of the sandbox's breaks
// a line).
qsizetype lines(const QByteArray& output)
{
    return output.count('\n');
}

// One run of a program under /usr/bin/time, which adds its CPU time (user + system) and peak
// memory to what runProcess() measures: on a machine other work shares, the CPU time is the
// figure that compares.
struct TimedRun
{
    ProcessRun run;
    double cpuSeconds = -1;
    long peakRssKb = 0;
};

TimedRun timedRun(const QString& program, const QStringList& arguments)
{
    TimedRun timed;
    timed.run = runProcess(QStringLiteral("/usr/bin/time"),
        QStringList { QStringLiteral("-f"), QStringLiteral("rmsam-bench-time %U %S %M"), program }
            + arguments);
    const qsizetype at = timed.run.error.lastIndexOf("rmsam-bench-time ");
    if (at >= 0) {
        const QList<QByteArray> figures = timed.run.error.mid(at).trimmed().split(' ');
        timed.cpuSeconds = figures.value(1).toDouble() + figures.value(2).toDouble();
        timed.peakRssKb = figures.value(3).toLong();
        timed.run.error.truncate(at);
    }
    return timed;
}

struct Figures
{
    QList<double> ours;
    QList<double> peer;
    QList<double> oursCpu;
    QList<double> peerCpu;
    long peakRssKb = 0;
    QString failure;
};

// Whether a run wrote the table: exit 0, a header and `rows` lines. Empty when it did.
QString failure(const QString& what, const TimedRun& r, int rows)
{
    if (r.run.exitCode == 0 && lines(r.run.output) == rows + 1 && r.cpuSeconds >= 0) {
        return {};
    }
    return QStringLiteral("%1 (exit %2, %3 lines): %4")
        .arg(what)
        .arg(r.run.exitCode)
        .arg(lines(r.run.output))
        .arg(QString::fromLocal8Bit(r.run.error.right(2000)));
}

Figures measure(const QString& executable, const Backend& backend, int rows, int runs)
{
    Figures f;
    const QStringList command = backend.database
        + QStringList { QStringLiteral("export"), QStringLiteral("--report"), QStringLiteral("subscriptions"),
              QStringLiteral("--profile"), QStringLiteral("Bench") };
    for (int run = 0; run < runs; ++run) {
        const TimedRun ours = timedRun(executable, command);
        f.failure = failure(QStringLiteral("export"), ours, rows);
        const TimedRun peer
            = f.failure.isEmpty() ? timedRun(backend.peer, backend.peerArguments) : TimedRun {};
        if (f.failure.isEmpty()) {
            f.failure = failure(backend.peer, peer, rows);
        }
        if (!f.failure.isEmpty()) {
            return f;
        }
        f.ours.append(ours.run.seconds);
        f.peer.append(peer.run.seconds);
        f.oursCpu.append(ours.cpuSeconds);
        f.peerCpu.append(peer.cpuSeconds);
        f.peakRssKb = qMax(f.peakRssKb, ours.peakRssKb);
    }
    return f;
}

// The fixed cost of the command: the export of a table of no rows, process start to exit.
QString fixedCost(const QString& executable, const Backend& backend, int runs)
{
    QList<double> milliseconds;
    for (int run = 0; run < runs; ++run) {
        const ProcessRun r = runProcess(executable,
            backend.database
                + QStringList { QStringLiteral("export"), QStringLiteral("--report"),
                    QStringLiteral("scheduled"), QStringLiteral("--profile"), QStringLiteral("Bench") });
        if (r.exitCode != 0) {
            return QStringLiteral("failed (exit %1)").arg(r.exitCode);
        }
        milliseconds.append(r.seconds * 1000);
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    return QStringLiteral("%1–%2 ms")
        .arg(milliseconds.first(), 0, 'f', 0)
        .arg(milliseconds.last(), 0, 'f', 0);
}

// On the time from start to exit; the CPU times say more while other work shares the machine
// (on PostgreSQL they are the clients' only: the server does psql's work).
QString verdict(double ratio)
{
    return ratio <= Target ? QStringLiteral("met") : QStringLiteral("**not met**");
}

void printRow(const QString& executable, const Backend& backend, int rows, int runs)
{
    const Figures f = measure(executable, backend, rows, runs);
    if (!f.failure.isEmpty()) {
        out << "| " << backend.name << " | failed: " << f.failure << " | | | | | |" << Qt::endl;
        return;
    }
    const double ratio = median(f.ours) / median(f.peer);
    const double cpuRatio = median(f.oursCpu) / median(f.peerCpu);
    out << QStringLiteral("| %1 | %2 (CPU %3) | %4 (CPU %5) | %6× (CPU %7×) | %8 | %9 MB | %10 |")
               .arg(backend.name, spread(f.ours), spread(f.oursCpu), spread(f.peer), spread(f.peerCpu))
               .arg(ratio, 0, 'f', 2)
               .arg(cpuRatio, 0, 'f', 2)
               .arg(verdict(ratio))
               .arg(f.peakRssKb / 1024)
               .arg(fixedCost(executable, backend, runs))
        << Qt::endl;
}

// Fills the profile "Bench" with a real sync; empty when it worked.
QString fill(CommandLineAdmin& admin, const ProcessSandbox& sandbox, int rows)
{
    if (const QString failed = admin.publish(sandbox.endpoint, sandbox.token); !failed.isEmpty()) {
        return failed;
    }
    const bool synced = admin.sync(rows).seconds >= 0; // says why when not
    admin.clearToken();
    return synced ? QString() : QStringLiteral("sync");
}

} // namespace

void benchExport(int rows, const QString& executable, int runs)
{
    if (executable.isEmpty()) {
        out << "--only export needs --sandbox-exe PATH (the roadmunk-sam executable)" << Qt::endl;
        return;
    }
    ProcessSandbox sandbox(executable, rows, 0);
    out << "\n| `export --report subscriptions`, " << rows
        << " rows, start to exit (CPU: user + system) | this app | peer, same run | ratio (medians) | "
           "target: within 1.5× | "
           "peak RSS (app) | app, table of 0 rows |\n"
           "| --- | --- | --- | --- | --- | --- | --- |"
        << Qt::endl;

    QTemporaryDir dir;
    CommandLineAdmin sqlite(executable, { QStringLiteral("--data-dir"), dir.path() });
    if (const QString failed = fill(sqlite, sandbox, rows); !failed.isEmpty()) {
        out << "set-up failed: " << failed << Qt::endl;
        return;
    }
    printRow(executable,
        { QStringLiteral("SQLite (peer: `sqlite3 -csv -header`)"),
            { QStringLiteral("--data-dir"), dir.path() }, QStringLiteral("sqlite3"),
            { QStringLiteral("-csv"), QStringLiteral("-header"),
                dir.filePath(QStringLiteral("roadmunk-sam.sqlite")), peerQuery() } },
        rows, runs);

    QString error;
    const auto cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "| PostgreSQL | cannot start: " << error << " | | | | | |" << Qt::endl;
        return;
    }
    const QString name = cluster->createDatabase(QStringLiteral("export"), &error);
    const QStringList database { QStringLiteral("--database"), cluster->socketUrl(name) };
    CommandLineAdmin postgreSql(executable, database);
    if (const QString failed = fill(postgreSql, sandbox, rows); !failed.isEmpty()) {
        out << "set-up failed: " << failed << Qt::endl;
        return;
    }
    printRow(executable,
        { QStringLiteral("PostgreSQL 15, socket (peer: `psql -c \"\\copy (…) to stdout csv header\"`)"),
            database, test::PostgresCluster::binDir() + QStringLiteral("/psql"),
            { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"), cluster->socketDir(),
                QStringLiteral("-p"), QString::number(cluster->port()), QStringLiteral("-U"),
                test::PostgresCluster::superuser(), QStringLiteral("-d"), name, QStringLiteral("-c"),
                QStringLiteral("\\copy (%1) to stdout csv header").arg(peerQuery()) } },
        rows, runs);
}

} // namespace rmsam::bench
