// For tst_concurrency: one more Roadmunk SAM process on the same data folder, or on the same
// PostgreSQL database when DIR is a postgresql:// URL (as another machine of a team). It prints
// "ready", waits for a line on standard input so that the test can release several at the same
// moment, then does one thing:
//   open DIR                 opens the database (creating and migrating it) and prints its schema version
//   write DIR PROFILE ROUNDS replaces the profile's snapshot ROUNDS times, as a sync does
//   lock DIR PROFILE         takes the profile's sync lock and prints "locked", or prints "busy" and
//                            exits 3 when another process holds it; releases it when standard
//                            input closes
// Exit code 0 on success; otherwise 1 with the error message on standard error.
#include "storage/Database.h"
#include "storage/RunLocks.h"
#include "storage/SubscriptionRepository.h"

#include <QCoreApplication>
#include <cstdio>

using namespace rmsam;

namespace {

int failed(const Error& error)
{
    std::fprintf(stderr, "%s\n%s\n", qPrintable(error.message), qPrintable(error.detail));
    return 1;
}

int writeSnapshots(Database& database, qint64 profileId, int rounds)
{
    SubscriptionRepository repository(database);
    for (int round = 0; round < rounds; ++round) {
        QList<SoftwareSubscription> snapshot;
        for (int i = 0; i < 50; ++i) {
            SoftwareSubscription s;
            s.userId = QStringLiteral("u%1").arg(i);
            s.email = QStringLiteral("%1-%2-%3@example.com")
                          .arg(i)
                          .arg(QCoreApplication::applicationPid())
                          .arg(round);
            s.role = QStringLiteral("collaborator");
            s.seatType = SeatType::CollaboratorType;
            snapshot.append(s);
        }
        JobResult result;
        result.profileId = profileId;
        result.trigger = JobTrigger::CommandLine;
        result.startedAt = result.endedAt = QDateTime::currentDateTimeUtc();
        result.outcome = JobOutcome::Succeeded;
        if (auto stored = repository.replaceSnapshot(profileId, snapshot, std::nullopt, result); !stored) {
            return failed(stored.error());
        }
    }
    return 0;
}

int holdLock(Database& database, qint64 profileId)
{
    auto lease = RunLocks(database).acquire(profileId, RunKind::Sync, QStringLiteral("helper sync"));
    if (!lease) {
        if (lease.error().code == ErrorCode::Busy) {
            std::printf("busy\n");
            std::fflush(stdout);
            return 3;
        }
        return failed(lease.error());
    }
    std::printf("locked\n");
    std::fflush(stdout);
    char line[16];
    while (std::fgets(line, sizeof line, stdin)) { }
    if (auto released = lease.value().release(); !released) {
        return failed(released.error());
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: rmsam-storage-helper open|write|lock DATA_DIR|URL [PROFILE [ROUNDS]]\n");
        return 2;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    char line[16];
    if (!std::fgets(line, sizeof line, stdin)) {
        return 2;
    }
    auto database = Database::open(args.at(1));
    if (!database) {
        return failed(database.error());
    }
    if (args.at(0) == QLatin1String("open")) {
        std::printf("version %d\n", database.value()->schemaVersion());
        return 0;
    }
    if (args.at(0) == QLatin1String("write") && args.size() == 4) {
        return writeSnapshots(*database.value(), args.at(2).toLongLong(), args.at(3).toInt());
    }
    if (args.at(0) == QLatin1String("lock") && args.size() == 3) {
        return holdLock(*database.value(), args.at(2).toLongLong());
    }
    return 2;
}
