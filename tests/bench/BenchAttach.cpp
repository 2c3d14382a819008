// Issue 15's target for attaching the User report: `attach-report` of a 1,000,000-row report,
// process start to exit, within 1.5× of `sqlite3 .import` of the same file into a new table of a
// new database, with a peak RSS under 150 MB; the same on PostgreSQL beside `psql \copy`.
//
// Each run gets a new database and a published profile (the admin's commands against a sandbox
// in its own process, then one sync, so the evaluation after the attach has users to look up),
// and attaches twice: a first report, then a replacement of it, which removes the first in the
// same transaction. The peers run in the same run, alternating with the app.
#include "BenchAttach.h"

#include "BenchSupport.h"
#include "support/PostgresCluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace rmsam::bench {
namespace {

constexpr double TargetRatio = 1.5;
constexpr long TargetRssKb = 150 * 1024;
constexpr int SandboxUsers = 1000;

// A User report as Roadmunk writes it: a quoted field with a comma in every row, one user in
// seven inactive, the addresses in no order of theirs (a report is sorted by name, if at all):
// the same shuffle in every run.
bool writeReport(const QString& path, int rows)
{
    std::vector<int> users(size_t(rows), 0);
    std::iota(users.begin(), users.end(), 0);
    std::shuffle(users.begin(), users.end(), std::mt19937(15));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    QByteArray chunk = "First Name,Last Name,Email,Account Role,Status\r\n";
    for (const int i : users) {
        chunk += "First" + QByteArray::number(i % 977) + ",\"Last, " + QByteArray::number(i % 1013)
            + "\",user" + QByteArray::number(i) + "@example.com,collaborator,"
            + (i % 7 ? "Active" : "Inactive") + "\r\n";
        if (chunk.size() > 1 << 20) {
            file.write(chunk);
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size() && file.flush();
}

// The measured runs of one operation.
struct Runs
{
    QList<double> seconds;
    long peakRssKb = 0; // the largest of the runs
    QString failure;

    void add(const ProcessRun& run, const QByteArray& mustSay = {})
    {
        if (run.exitCode != 0 || (!mustSay.isEmpty() && !run.error.contains(mustSay))) {
            failure = QStringLiteral("exit %1: %2")
                          .arg(run.exitCode)
                          .arg(QString::fromLocal8Bit(run.error.right(500)));
            return;
        }
        seconds.append(run.seconds);
        peakRssKb = std::max(peakRssKb, run.peakRssKb);
    }
};

QString rssText(long kb)
{
    return QStringLiteral("%1 MB").arg(double(kb) / 1024, 0, 'f', 0);
}

void printRow(const QString& operation, const Runs& app, const QString& peerName, const Runs& peer)
{
    if (!app.failure.isEmpty() || !peer.failure.isEmpty()) {
        out << "| " << operation << " | failed: " << app.failure << ' ' << peer.failure << " | | | | |"
            << Qt::endl;
        return;
    }
    const double ratio = median(app.seconds) / median(peer.seconds);
    const bool met = ratio <= TargetRatio && app.peakRssKb < TargetRssKb;
    out << QStringLiteral("| %1 | %2, peak RSS %3 | %4: %5 | %6× | %7 |")
               .arg(operation, spread(app.seconds), rssText(app.peakRssKb), peerName, spread(peer.seconds))
               .arg(ratio, 0, 'f', 2)
               .arg(met ? QStringLiteral("met") : QStringLiteral("not met"))
        << Qt::endl;
}

// A new SQLite data folder or PostgreSQL database, published against the sandbox and synced.
struct Target
{
    QTemporaryDir folder;
    QStringList database;
};

QString prepare(const QString& executable, const ProcessSandbox& sandbox, const QStringList& database)
{
    CommandLineAdmin admin(executable, database);
    if (QString failed = admin.publish(sandbox.endpoint, sandbox.token); !failed.isEmpty()) {
        return failed;
    }
    ProcessRun synced;
    QString failed = admin.run(
        { QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Bench") }, {}, &synced);
    if (failed.isEmpty()
        && !(synced.output + synced.error).contains(QByteArray::number(SandboxUsers) + " users")) {
        failed = QStringLiteral("sync: ") + QString::fromLocal8Bit(synced.output + synced.error).right(1000);
    }
    admin.clearToken(); // attach-report needs none
    return failed;
}

} // namespace

void benchAttach(const QString& executable, int rows, int runs)
{
    if (executable.isEmpty()) {
        out << "--only attach needs --sandbox-exe PATH (the roadmunk-sam executable)" << Qt::endl;
        return;
    }
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("users.csv"));
    if (!writeReport(report, rows)) {
        out << "cannot write " << report << Qt::endl;
        return;
    }
    QString error;
    const auto cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "cannot start PostgreSQL (the PostgreSQL rows are left out): " << error << Qt::endl;
    }
    ProcessSandbox sandbox(executable, SandboxUsers, 0);
    const QByteArray attached = QByteArray::number(rows) + " users";
    const QStringList attach { QStringLiteral("attach-report"), QStringLiteral("--profile"),
        QStringLiteral("Bench"), report };
    QHash<QString, Runs> measured; // "sqlite first", "postgresql replace", "sqlite3", "psql", "python"
    for (int run = 0; run < runs; ++run) {
        for (const bool postgreSql : { false, true }) {
            if (postgreSql && !cluster) {
                continue;
            }
            const QString backend = postgreSql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
            QTemporaryDir folder;
            QStringList database { QStringLiteral("--data-dir"), folder.path() };
            if (postgreSql) {
                const QString name = cluster->createDatabase(QStringLiteral("attach%1").arg(run), &error);
                database = QStringList { QStringLiteral("--database"), cluster->socketUrl(name) };
            }
            if (const QString failed = prepare(executable, sandbox, database); !failed.isEmpty()) {
                out << "set-up failed: " << failed << Qt::endl;
                return;
            }
            measured[backend + QStringLiteral(" first")].add(
                runProcess(executable, database + attach), attached);
            measured[backend + QStringLiteral(" replace")].add(
                runProcess(executable, database + attach), attached);
            if (postgreSql) {
                const QString name = cluster->createDatabase(QStringLiteral("copy%1").arg(run), &error);
                measured[QStringLiteral("psql")].add(runProcess(
                    test::PostgresCluster::binDir() + QStringLiteral("/psql"),
                    { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                        QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), cluster->socketDir(),
                        QStringLiteral("-p"), QString::number(cluster->port()), QStringLiteral("-U"),
                        test::PostgresCluster::superuser(), QStringLiteral("-d"), name, QStringLiteral("-c"),
                        QStringLiteral(
                            "CREATE TABLE t (first_name text, last_name text, email text, role text, "
                            "status text)"),
                        QStringLiteral("-c"), QStringLiteral("\\copy t from '%1' csv header").arg(report) }));
            } else {
                measured[QStringLiteral("sqlite3")].add(runProcess(QStringLiteral("sqlite3"),
                    { dir.filePath(QStringLiteral("import%1.db").arg(run)), QStringLiteral(".mode csv"),
                        QStringLiteral(".import %1 t").arg(report) }));
            }
        }
        measured[QStringLiteral("python")].add(runProcess(QStringLiteral("python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import csv,sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                               "    n=sum(1 for _ in csv.reader(f))\n"),
                report }));
    }
    out << "\n| `attach-report`, " << rows << "-row User report (" << QFileInfo(report).size() / (1024 * 1024)
        << " MB), end to end | this app (" << runs
        << "-run spread) | peer (same run) | ratio (medians) | target ≤ 1.5×, RSS < 150 MB |\n"
           "| --- | --- | --- | --- | --- |"
        << Qt::endl;
    const QString import = QStringLiteral("`sqlite3` `.import` into a new database");
    const QString copy = QStringLiteral("`psql` `\\copy` into a new table");
    printRow(QStringLiteral("SQLite, first report"), measured.value(QStringLiteral("sqlite first")), import,
        measured.value(QStringLiteral("sqlite3")));
    printRow(QStringLiteral("SQLite, replacing the report"), measured.value(QStringLiteral("sqlite replace")),
        import, measured.value(QStringLiteral("sqlite3")));
    if (cluster) {
        printRow(QStringLiteral("PostgreSQL, first report"),
            measured.value(QStringLiteral("postgresql first")), copy, measured.value(QStringLiteral("psql")));
        printRow(QStringLiteral("PostgreSQL, replacing the report"),
            measured.value(QStringLiteral("postgresql replace")), copy,
            measured.value(QStringLiteral("psql")));
    }
    const Runs& python = measured[QStringLiteral("python")];
    out << QStringLiteral("| (Python `csv`, parse only) | | %1 | | |").arg(spread(python.seconds))
        << Qt::endl;
}

} // namespace rmsam::bench
