// Benchmarks of the targets in issues 3 and 15, printed as Markdown tables for the README.
//   rmsam-bench [--users N] [--only sync|evaluate|store|table|attach|gui|export] [--sandbox-exe PATH]
// `--only sync` runs the real `roadmunk-sam sync` command into SQLite and into PostgreSQL (a
// private cluster it starts) beside a sequential Python client, so it needs --sandbox-exe and an
// unlocked keychain (the tests' D-Bus session with gnome-keyring): `token set` stores the
// sandbox's token there, as an admin's. `--only gui` runs only when asked for.
#include "BenchAttach.h"
#include "BenchEvaluate.h"
#include "BenchExport.h"
#include "BenchGui.h"
#include "BenchSupport.h"
#include "BenchSync.h"
#include "RecordTable.h"
#include "core/ProfileRules.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <sys/resource.h>

using namespace rmsam;
using namespace rmsam::bench;

namespace {

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
    // The admin's first keystroke comes a moment after the table shows (300 ms: a fast typist's
    // reaction), by when the search text built in the background since setRows() is ready; a key
    // typed sooner waits for it (firstKeyAtOnce says how long).
    timer.restart();
    table.model()->setFilterText(QStringLiteral("u"));
    QCoreApplication::processEvents();
    const qint64 firstKeyAtOnce = timer.elapsed();
    table.model()->setFilterText(QString());
    table.setRows(rows);
    QCoreApplication::processEvents();
    QElapsedTimer reaction;
    reaction.start();
    while (reaction.elapsed() < 300) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
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
        << " rows | load | sort | filter, worst keystroke | first key typed at once after load |\n| --- | "
           "--- "
           "| --- | --- | --- |"
        << Qt::endl;
    out << QStringLiteral("| %1 rows × 11 columns | %2 ms | %3 ms | %4 ms | %5 ms |")
               .arg(users)
               .arg(load)
               .arg(sort)
               .arg(worstKey)
               .arg(firstKeyAtOnce)
        << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("users"), QStringLiteral("Users in the account."), QStringLiteral("N"),
        QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("only"),
        QStringLiteral("sync, evaluate, store, table, attach, gui or export"), QStringLiteral("WHAT") });
    parser.addOption({ QStringLiteral("runs"),
        QStringLiteral("Runs of each measurement (sync, evaluate, attach, gui, export)."),
        QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("latency-ms"), QStringLiteral("Sandbox latency per request (sync)."),
        QStringLiteral("MS"), QStringLiteral("20") });
    parser.addOption({ QStringLiteral("sandbox-exe"),
        QStringLiteral("Run the sandbox as this roadmunk-sam executable's `sandbox` command."),
        QStringLiteral("PATH") });
    parser.process(app);
    const int users = parser.value(QStringLiteral("users")).toInt();
    const QString only = parser.value(QStringLiteral("only"));
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    // Without --users, each benchmark measures its own account sizes.
    const bool usersSet = parser.isSet(QStringLiteral("users"));
    if (only.isEmpty() || only == QLatin1String("sync")) {
        SyncBenchOptions options { parser.value(QStringLiteral("sandbox-exe")) };
        options.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt();
        options.runs = runs;
        options.userCounts = usersSet ? QList<int> { users } : options.userCounts;
        benchSync(options);
    }
    if (only.isEmpty() || only == QLatin1String("evaluate")) {
        benchEvaluate(usersSet ? QList<int> { users } : QList<int> { 10'000, 100'000, 1'000'000 }, runs);
    }
    if (only.isEmpty() || only == QLatin1String("store")) {
        benchStore(users);
    }
    if (only.isEmpty() || only == QLatin1String("table")) {
        benchTable(users);
    }
    if (only.isEmpty() || only == QLatin1String("attach")) {
        benchAttach(parser.value(QStringLiteral("sandbox-exe")), 1000000, runs);
    }
    if (only == QLatin1String("gui")) {
        benchGui(users, parser.value(QStringLiteral("sandbox-exe")), runs);
    }
    if (only.isEmpty() || only == QLatin1String("export")) {
        benchExport(users, parser.value(QStringLiteral("sandbox-exe")), runs);
    }
    return 0;
}
