// Benchmarks of the targets in issue 3, printed as a Markdown table for the README.
//   rmsam-bench [--users N] [--only sync|store|csv|table|attach|backends|gui] [--sandbox-exe PATH]
// `--only backends` runs the real `roadmunk-sam sync` command into SQLite and into PostgreSQL (a
// private cluster it starts), so it needs --sandbox-exe and an unlocked keychain (the tests'
// D-Bus session with gnome-keyring): `token set` stores the sandbox's token there, as an admin's.
// The sandbox runs in its own thread so that serving pages does not share the client's.
#include "BenchAttach.h"
#include "BenchGui.h"
#include "BenchSupport.h"
#include "RecordTable.h"
#include "core/ProfileRules.h"
#include "roadmunk/Queries.h"
#include "sandbox/SandboxServer.h"
#include "services/Reports.h"
#include "services/SyncJob.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/PostgresCluster.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <sys/resource.h>

using namespace rmsam;
using namespace rmsam::bench;

namespace {

// A sandbox in a worker thread; returns once it listens.
struct ThreadedSandbox
{
    QThread thread;
    QObject context; // lives in the worker thread, so calls can be queued to it
    SandboxServer* server = nullptr;

    ThreadedSandbox(int users, int latencyMs)
    {
        context.moveToThread(&thread);
        thread.start();
        SandboxOptions options;
        options.userCount = users;
        options.latencyMs = latencyMs;
        options.pageCap = 100;
        QMetaObject::invokeMethod(
            &context,
            [this, options] {
                server = new SandboxServer(options);
                server->listen(0);
            },
            Qt::BlockingQueuedConnection);
    }
    ~ThreadedSandbox()
    {
        QMetaObject::invokeMethod(
            &context, [this] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

// The minimal sequential client: the same pages, one request at a time, no storage.
double sequentialSeconds(const QUrl& endpoint, const QString& token, int* rows)
{
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    int offset = 0;
    bool more = true;
    while (more) {
        const GraphQlRequest r = Queries::usersPage(100, offset);
        QNetworkRequest request(endpoint);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        const QJsonObject body { { QStringLiteral("query"), r.query },
            { QStringLiteral("variables"), r.variables },
            { QStringLiteral("operationName"), r.operationName } };
        QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop; // a benchmark's own blocking client, on purpose
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject users = QJsonDocument::fromJson(reply->readAll())
                                      .object()
                                      .value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("users"))
                                      .toObject();
        reply->deleteLater();
        const int received = int(users.value(QLatin1String("page")).toArray().size());
        offset += received;
        more = users.value(QLatin1String("hasMore")).toBool() && received > 0;
    }
    *rows = offset;
    return timer.elapsed() / 1000.0;
}

double syncSeconds(const QUrl& endpoint, const QString& token, int* rows, int* requests)
{
    QTemporaryDir dir;
    auto database = std::move(Database::open(dir.path())).value();
    IntegrationProfile p
        = ProfileRules::makeDraft(QStringLiteral("bench"), Region::NorthAmerica, QDate::currentDate());
    p.endpointOverride = endpoint;
    p = ProfileRepository(*database).create(p).value();
    SyncJob job(*database, p, token, SyncOptions { true, false, JobTrigger::CommandLine });
    std::optional<SyncOutcome> outcome;
    QEventLoop loop;
    QObject::connect(&job, &SyncJob::finished, &loop, [&](const SyncOutcome& o) {
        outcome = o;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    job.start();
    loop.exec();
    const double seconds = timer.elapsed() / 1000.0;
    if (outcome->error || outcome->results.isEmpty()) {
        out << "sync failed: " << (outcome->error ? outcome->error->message : QString()) << Qt::endl;
        return -1;
    }
    *rows = outcome->results.first().users;
    *requests = outcome->results.first().requests;
    return seconds;
}

void benchSync(int users, const QString& sandboxExecutable)
{
    out << "\n| sync of " << users << " users | latency | this app (4 in flight) | sequential client | floor "
        << "(pages × latency ÷ 4) | app ÷ floor | sequential ÷ app |\n| --- | --- | --- | --- | --- | --- | "
           "--- |"
        << Qt::endl;
    for (int latency : { 0, 20 }) {
        std::unique_ptr<ThreadedSandbox> threaded;
        std::unique_ptr<ProcessSandbox> separate;
        QUrl endpoint;
        QString token;
        if (sandboxExecutable.isEmpty()) {
            threaded = std::make_unique<ThreadedSandbox>(users, latency);
            endpoint = threaded->server->endpoint();
            token = threaded->server->token();
        } else {
            separate = std::make_unique<ProcessSandbox>(sandboxExecutable, users, latency);
            endpoint = separate->endpoint;
            token = separate->token;
        }
        int seqRows = 0;
        int rows = 0;
        int requests = 0;
        const double seq = sequentialSeconds(endpoint, token, &seqRows);
        const double app = syncSeconds(endpoint, token, &rows, &requests);
        const int pages = (users + 99) / 100;
        const double floor = pages * latency / 1000.0 / 4;
        out << QStringLiteral("| %1 rows, %2 requests | %3 ms | %4 s | %5 s | %6 s | %7 | %8× |")
                   .arg(rows)
                   .arg(requests)
                   .arg(latency)
                   .arg(app, 0, 'f', 2)
                   .arg(seq, 0, 'f', 2)
                   .arg(floor, 0, 'f', 2)
                   .arg(floor > 0 ? QString::number(app / floor, 'f', 2) : QStringLiteral("–"))
                   .arg(seq / app, 0, 'f', 1)
            << Qt::endl;
        if (seqRows != users || rows != users) {
            out << "row count mismatch: " << seqRows << " / " << rows << Qt::endl;
        }
    }
    out << "peak RSS after the sync runs: " << peakRssMb() << " MB"
        << (sandboxExecutable.isEmpty() ? " (sandbox in this process)" : " (this process only)") << Qt::endl;
}

void benchStore(int users)
{
    QTemporaryDir dir;
    auto database = std::move(Database::open(dir.path())).value();
    IntegrationProfile p
        = ProfileRules::makeDraft(QStringLiteral("store"), Region::NorthAmerica, QDate::currentDate());
    p = ProfileRepository(*database).create(p).value();
    QList<SoftwareSubscription> subscriptions;
    const QDateTime base = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < users; ++i) {
        SoftwareSubscription s;
        s.userId = QString::number(0x60000000 + i, 16);
        s.email = QStringLiteral("user%1@example.com").arg(i);
        s.firstName = QStringLiteral("First");
        s.lastName = QStringLiteral("Last");
        s.displayName = QStringLiteral("First Last");
        s.role = QStringLiteral("collaborator");
        s.seatType = SeatType::CollaboratorType;
        s.lastLogin = base.addSecs(-i);
        subscriptions.append(s);
    }
    out << "\n| store " << users << " subscriptions | first snapshot | replacing it |\n| --- | --- | --- |"
        << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    JobResult r;
    r.profileId = p.id;
    r.startedAt = r.endedAt = base;
    r.trigger = JobTrigger::CommandLine;
    (void)SubscriptionRepository(*database).replaceSnapshot(p.id, subscriptions, std::nullopt, r);
    const qint64 first = timer.restart();
    (void)SubscriptionRepository(*database).replaceSnapshot(p.id, subscriptions, std::nullopt, r);
    out << QStringLiteral("| | %1 ms | %2 ms |").arg(first).arg(timer.elapsed()) << Qt::endl;
}

// Seconds a command takes, or -1 when it cannot run here.
double commandSeconds(const QString& program, const QStringList& arguments, QByteArray* output = nullptr)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        return -1;
    }
    if (output) {
        *output = process.readAllStandardOutput();
    }
    return timer.elapsed() / 1000.0;
}

void benchCsv(int exportRows)
{
    QTemporaryDir dir;
    QElapsedTimer timer;
    // Export of a stored snapshot, beside sqlite3 -csv of the same rows.
    auto database = std::move(Database::open(dir.path())).value();
    IntegrationProfile p
        = ProfileRules::makeDraft(QStringLiteral("export"), Region::NorthAmerica, QDate::currentDate());
    p = ProfileRepository(*database).create(p).value();
    QList<SoftwareSubscription> subscriptions;
    for (int i = 0; i < exportRows; ++i) {
        SoftwareSubscription s;
        s.userId = QString::number(0x60000000 + i, 16);
        s.email = QStringLiteral("user%1@example.com").arg(i);
        s.firstName = QStringLiteral("First");
        s.lastName = QStringLiteral("Last");
        s.role = QStringLiteral("collaborator");
        s.seatType = SeatType::CollaboratorType;
        s.lastLogin = QDateTime::currentDateTimeUtc().addSecs(-i);
        subscriptions.append(s);
    }
    JobResult r;
    r.profileId = p.id;
    r.startedAt = r.endedAt = QDateTime::currentDateTimeUtc();
    r.trigger = JobTrigger::CommandLine;
    (void)SubscriptionRepository(*database).replaceSnapshot(p.id, subscriptions, std::nullopt, r);
    timer.start();
    auto reports = Reports::build(*database, p.id, { ReportKind::Subscriptions });
    QFile exported(dir.filePath(QStringLiteral("export.csv")));
    exported.open(QIODevice::WriteOnly);
    Reports::writeCsv(reports.value().value(ReportKind::Subscriptions), &exported, false);
    exported.close();
    const double ourExport = timer.elapsed() / 1000.0;
    const double sqlite = commandSeconds(QStringLiteral("sqlite3"),
        { QStringLiteral("-csv"), QStringLiteral("-header"), database->filePath(),
            QStringLiteral(
                "SELECT user_id, email, first_name, last_name, role, seat_type, invited, last_login, "
                "last_activity, activity_source FROM subscription") });
    out << "\n| export of " << exportRows
        << " subscriptions | this app (read, build, write) | `sqlite3 -csv` | ratio |\n"
           "| --- | --- | --- | --- |"
        << Qt::endl;
    out << QStringLiteral("| | %1 s | %2 s | %3× |")
               .arg(ourExport, 0, 'f', 2)
               .arg(sqlite, 0, 'f', 2)
               .arg(sqlite > 0 ? ourExport / sqlite : 0, 0, 'f', 2)
        << Qt::endl;
}

void benchTable(int users)
{
    QList<QList<QVariant>> rows;
    rows.reserve(users);
    const QDateTime base = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < users; ++i) {
        rows.append({ QString::number(0x60000000 + i, 16), QStringLiteral("user%1@example.com").arg(i),
            QStringLiteral("First%1").arg(i % 977), QStringLiteral("Last%1").arg(i % 1013),
            i % 3 ? QStringLiteral("collaborator") : QStringLiteral("reviewer"),
            i % 3 ? QStringLiteral("Collaborator-type") : QStringLiteral("Reviewer"), i % 20 == 0,
            i % 50 == 0, base.addSecs(-i * 37), base.addSecs(-i * 29), QStringLiteral("Login") });
    }
    QList<RecordTableModel::Column> columns;
    for (int c = 0; c < 11; ++c) {
        columns.append({ QStringLiteral("c%1").arg(c), QStringLiteral("c%1").arg(c) });
    }
    RecordTable table(QStringLiteral("bench"), columns);
    table.resize(1000, 700);
    table.show();
    QElapsedTimer timer;
    timer.start();
    table.setRows(rows);
    QCoreApplication::processEvents();
    const qint64 load = timer.restart();
    table.view()->sortByColumn(8, Qt::DescendingOrder);
    QCoreApplication::processEvents();
    const qint64 sort = timer.restart();
    qint64 worstKey = 0;
    QString typed;
    for (QChar c : QStringLiteral("user12")) {
        typed += c;
        timer.restart();
        table.model()->setFilterText(typed);
        QCoreApplication::processEvents();
        worstKey = qMax(worstKey, timer.elapsed());
    }
    out << "\n| table of " << users
        << " rows | load | sort | filter, worst keystroke |\n| --- | --- | --- | --- |" << Qt::endl;
    out << QStringLiteral("| %1 rows × 11 columns | %2 ms | %3 ms | %4 ms |")
               .arg(users)
               .arg(load)
               .arg(sort)
               .arg(worstKey)
        << Qt::endl;
}

// The same first sync and re-sync of `users` into SQLite (a new data folder per run) and into
// PostgreSQL (a new database per run on a private cluster), `runs` times each, alternating.
void benchBackends(int users, const QString& executable, int runs)
{
    if (executable.isEmpty()) {
        out << "--only backends needs --sandbox-exe PATH (the roadmunk-sam executable)" << Qt::endl;
        return;
    }
    QString error;
    const auto cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "cannot start PostgreSQL: " << error << Qt::endl;
        return;
    }
    out << "\n| `sync` of " << users
        << " users, end to end | latency | SQLite | PostgreSQL 15 (socket) | PostgreSQL ÷ SQLite (medians) "
           "|\n"
           "| --- | --- | --- | --- | --- |"
        << Qt::endl;
    for (int latency : { 0, 20 }) {
        ProcessSandbox sandbox(executable, users, latency);
        QHash<QString, QList<double>> times; // "sqlite first", "postgresql resync"…
        for (int run = 0; run < runs; ++run) {
            for (const bool postgreSql : { false, true }) {
                QTemporaryDir dir;
                QStringList database { QStringLiteral("--data-dir"), dir.path() };
                if (postgreSql) {
                    const QString name
                        = cluster->createDatabase(QStringLiteral("bench%1_%2").arg(latency).arg(run), &error);
                    database = QStringList { QStringLiteral("--database"), cluster->socketUrl(name) };
                }
                CommandLineAdmin admin(executable, database);
                if (const QString failed = admin.publish(sandbox.endpoint, sandbox.token);
                    !failed.isEmpty()) {
                    out << "set-up failed: " << failed << Qt::endl;
                    return;
                }
                const QString backend = postgreSql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
                times[backend + QStringLiteral(" first")].append(admin.sync(users).seconds);
                times[backend + QStringLiteral(" resync")].append(admin.sync(users).seconds);
                admin.clearToken();
            }
        }
        for (const QString& sync : { QStringLiteral("first"), QStringLiteral("resync") }) {
            const QList<double> sqlite = times.value(QStringLiteral("sqlite ") + sync);
            const QList<double> postgreSql = times.value(QStringLiteral("postgresql ") + sync);
            out << QStringLiteral("| %1 | %2 ms | %3 | %4 | %5× |")
                       .arg(sync == QLatin1String("first") ? QStringLiteral("first sync")
                                                           : QStringLiteral("re-sync, unchanged"))
                       .arg(latency)
                       .arg(spread(sqlite), spread(postgreSql))
                       .arg(median(postgreSql) / median(sqlite), 0, 'f', 2)
                << Qt::endl;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("users"), QStringLiteral("Users in the account."), QStringLiteral("N"),
        QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("only"),
        QStringLiteral("sync, store, csv, table, attach, backends or gui"), QStringLiteral("WHAT") });
    parser.addOption(
        { QStringLiteral("runs"), QStringLiteral("Runs of each backend (backends and gui only)."),
            QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("sandbox-exe"),
        QStringLiteral("Run the sandbox as this roadmunk-sam executable's `sandbox` command."),
        QStringLiteral("PATH") });
    parser.process(app);
    const int users = parser.value(QStringLiteral("users")).toInt();
    const QString only = parser.value(QStringLiteral("only"));
    if (only.isEmpty() || only == QLatin1String("sync")) {
        benchSync(users, parser.value(QStringLiteral("sandbox-exe")));
    }
    if (only.isEmpty() || only == QLatin1String("store")) {
        benchStore(users);
    }
    if (only.isEmpty() || only == QLatin1String("csv")) {
        benchCsv(users);
    }
    if (only.isEmpty() || only == QLatin1String("table")) {
        benchTable(users);
    }
    if (only.isEmpty() || only == QLatin1String("attach")) {
        benchAttach(parser.value(QStringLiteral("sandbox-exe")), 1000000,
            parser.value(QStringLiteral("runs")).toInt());
    }
    if (only.isEmpty() || only == QLatin1String("backends")) {
        benchBackends(
            users, parser.value(QStringLiteral("sandbox-exe")), parser.value(QStringLiteral("runs")).toInt());
    }
    if (only == QLatin1String("gui")) {
        benchGui(
            users, parser.value(QStringLiteral("sandbox-exe")), parser.value(QStringLiteral("runs")).toInt());
    }
    return 0;
}
