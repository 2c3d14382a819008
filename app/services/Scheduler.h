#pragma once

#include "services/ReclamationService.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace rmsam {

class Database;
class JobLauncher;

// Runs each published profile's daily jobs at their time while the application runs, and
// catches up once on a run missed while it was closed. A job runs on one machine only, however
// many processes share the database: each claims a due job in the database before starting it.
// Once a day it also gives the renewal reminders due (60, 30 and 7 days before a cancel-by
// date), each once over every process that shares the database.
// The clock is passed in so tests can move time.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    Scheduler(Database& database, JobLauncher& launcher, Clock clock = &QDateTime::currentDateTime,
        QObject* parent = nullptr);

    void start(int intervalMs = 60 * 1000);
    // Starts every due job this process could claim now; returns how many syncs were started.
    int runDueJobs();
    // The renewal reminders due today that this process claimed (none when it already looked
    // today), announced by renewalRemindersDue.
    QList<RenewalReminder> remindOfRenewals();

signals:
    void renewalRemindersDue(const QList<rmsam::RenewalReminder>& reminders);

private:
    Database& m_database;
    JobLauncher& m_launcher;
    // Profiles whose scheduled sync runs: when it ends, their due notice e-mails go out.
    QSet<qint64> m_scheduledSyncs;
    Clock m_clock;
    QTimer m_timer;
    QDate m_remindedOn; // the day remindOfRenewals last looked
};

} // namespace rmsam
