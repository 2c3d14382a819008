// For tst_crashsafety: replaces one profile's snapshot over and over, alternating between two
// snapshots ("a" and "b" users), until it is killed. Prints "ready" once a first snapshot is
// committed in the database (a data folder or a postgresql:// URL), so a kill after it lands in a
// replacement however slow the machine is (under a sanitizer on a busy machine the first commit
// took longer than the test's longest wait).
#include "core/ProfileRules.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QCoreApplication>
#include <cstdio>

using namespace rmsam;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: rmsam-crash-writer DATA_DIR|URL USERS\n");
        return 2;
    }
    auto database = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message));
        return 1;
    }
    ProfileRepository profiles(*database.value());
    auto existing = profiles.findByReference(QStringLiteral("Crash"));
    const qint64 profileId = existing ? existing.value().id
                                      : profiles
                                            .create(ProfileRules::makeDraft(QStringLiteral("Crash"),
                                                Region::NorthAmerica, QDate::currentDate()))
                                            .value()
                                            .id;
    const int users = QByteArray(argv[2]).toInt();
    SubscriptionRepository repository(*database.value());
    for (int round = 0;; ++round) {
        const QString suffix = round % 2 ? QStringLiteral("b") : QStringLiteral("a");
        QList<SoftwareSubscription> snapshot;
        snapshot.reserve(users);
        for (int i = 0; i < users; ++i) {
            SoftwareSubscription s;
            s.userId = QStringLiteral("u%1").arg(i);
            s.email = QStringLiteral("%1-%2@example.com").arg(i).arg(suffix);
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
            std::fprintf(stderr, "%s\n", qPrintable(stored.error().message));
            return 1;
        }
        if (round == 0) {
            std::printf("ready\n");
            std::fflush(stdout);
        }
    }
}
