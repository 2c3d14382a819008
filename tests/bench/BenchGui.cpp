// `rmsam-bench --only gui`: the main window on a profile whose snapshot a real sync filled, timed
// from the user's action (the profile chosen, the sync finished) until the table on the current
// tab has painted its new rows. The sync runs through the real CLI against a sandbox in its own
// process; the window runs here, offscreen, on SQLite and on PostgreSQL.
#include "BenchGui.h"

#include "BenchSupport.h"
#include "MainWindow.h"
#include "ProfileListModel.h"
#include "ProfileTabs.h"
#include "RecordTable.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/Services.h"
#include "support/PostgresCluster.h"

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

namespace rmsam::bench {
namespace {

constexpr double TargetMs = 500;

// Waits, from start() on, for the table's viewport to paint after its model was reset: the first
// paint of the new rows. The time is taken on the event loop's next turn, so that it includes the
// paint itself.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(RecordTable* table)
        : m_table(table)
    {
        m_table->view()->viewport()->installEventFilter(this);
        connect(m_table->model(), &QAbstractItemModel::modelReset, this, [this] { m_reset = true; });
    }
    void start()
    {
        m_reset = false;
        m_ms = -1;
        m_timer.start();
    }
    // Milliseconds since start(), or -1 after timeoutMs without a paint of rows.
    double wait(int timeoutMs)
    {
        QEventLoop loop; // the benchmark's own wait, on purpose
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        QTimer poll;
        connect(&poll, &QTimer::timeout, &loop, [this, &loop] {
            if (m_ms >= 0) {
                loop.quit();
            }
        });
        poll.start(1);
        if (m_ms < 0) {
            loop.exec();
        }
        return m_ms;
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_timer.isValid() && m_reset && m_ms < 0 && !m_pending
            && m_table->model()->rowCount() > 0) {
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                m_ms = m_timer.nsecsElapsed() / 1e6;
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    RecordTable* m_table;
    QElapsedTimer m_timer;
    bool m_reset = false;
    bool m_pending = false;
    double m_ms = -1;
};

struct GuiTimes
{
    QList<double> open;
    QList<double> whole; // profile chosen → every row of the table shown (after its first rows)
    QList<double> refresh;
    int rows = 0;
    QString failure;
};

// One window per run: chooses the profile in the list (the tab on `tabTitle`), then syncs it and
// waits for the tables to show the new snapshot.
void measureWindow(Services& services, const QString& tabTitle, bool refresh, GuiTimes& times)
{
    // Connected before the window's own slot, so that the clock starts before the window hears
    // that the sync finished.
    FirstPaint* paint = nullptr;
    bool finished = false;
    QObject context;
    QObject::connect(
        &services.launcher(), &JobLauncher::syncFinished, &context, [&](qint64, const SyncOutcome& outcome) {
            if (paint) {
                paint->start();
            }
            if (outcome.error) {
                times.failure = outcome.error->message;
            }
            finished = true;
        });
    MainWindow window(services, {});
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    ProfileTabs* tabs = window.profileTabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).remove(QLatin1Char('&')) == tabTitle) {
            tabs->setCurrentIndex(i);
        }
    }
    RecordTable* table = tabs->findChild<RecordTable*>(QStringLiteral("subscriptionsTable"));
    if (tabTitle != QLatin1String("Subscriptions")) {
        table = tabs->findChild<RecordTable*>(QStringLiteral("candidatesTable"));
    }
    FirstPaint firstPaint(table);
    paint = &firstPaint;
    // The user's action: a click on the profile's row in the list.
    QTableView* list = window.profileTable();
    // Showing the window gives the list focus, which may already have chosen the profile: start
    // from no profile chosen.
    list->selectionModel()->clearCurrentIndex();
    QCoreApplication::processEvents();
    paint->start();
    QElapsedTimer whole;
    whole.start();
    list->selectionModel()->setCurrentIndex(
        list->model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    times.open.append(paint->wait(60000));
    times.rows = table->model()->rowCount();
    {
        QEventLoop loop; // until the table holds all its rows, not only the first screenful
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (!table->showsFirstRowsOnly() && table->model()->rowCount() > 0) {
                loop.quit();
            }
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        poll.start(1);
        loop.exec();
        times.whole.append(whole.nsecsElapsed() / 1e6);
    }
    if (!refresh) {
        return;
    }
    // The sync runs in its worker thread; the clock starts when the window hears it finished.
    window.syncNow();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished) {
            loop.quit();
        }
    });
    poll.start(5);
    loop.exec();
    times.refresh.append(paint->wait(60000));
}

QString cell(const QList<double>& ms)
{
    QList<double> seconds;
    for (double m : ms) {
        if (m < 0) {
            return QStringLiteral("did not paint in 60 s");
        }
        seconds.append(m / 1000.0);
    }
    return spread(seconds);
}

QString met(const QList<double>& ms)
{
    if (ms.isEmpty() || ms.contains(-1)) {
        return QStringLiteral("no (did not paint)");
    }
    return *std::max_element(ms.cbegin(), ms.cend()) < TargetMs ? QStringLiteral("yes")
                                                                : QStringLiteral("no");
}

} // namespace

void benchGui(int users, const QString& executable, int runs)
{
    if (executable.isEmpty()) {
        out << "--only gui needs --sandbox-exe PATH (the roadmunk-sam executable)" << Qt::endl;
        return;
    }
    QString error;
    const auto cluster = test::PostgresCluster::start(&error);
    if (!cluster) {
        out << "cannot start PostgreSQL: " << error << Qt::endl;
    }
    ProcessSandbox sandbox(executable, users, 0);
    out << "\n| GUI, " << users << " subscriptions, to the first painted table | backend | this app (" << runs
        << "-run spread) | target | target met? |\n| --- | --- | --- | --- | --- |" << Qt::endl;
    for (const bool postgreSql : { false, true }) {
        if (postgreSql && !cluster) {
            continue;
        }
        QTemporaryDir dir;
        QString where = dir.path();
        QStringList database { QStringLiteral("--data-dir"), dir.path() };
        if (postgreSql) {
            where = cluster->socketUrl(cluster->createDatabase(QStringLiteral("benchgui"), &error));
            database = QStringList { QStringLiteral("--database"), where };
        }
        CommandLineAdmin admin(executable, database);
        if (const QString failed = admin.publish(sandbox.endpoint, sandbox.token); !failed.isEmpty()) {
            out << "set-up failed: " << failed << Qt::endl;
            return;
        }
        // The CLI reports a sync's outcome on standard error.
        ProcessRun synced;
        const QString failed = admin.run(
            { QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Bench") }, {}, &synced);
        if (!failed.isEmpty()
            || !synced.error.contains("Subscriptions: Succeeded. " + QByteArray::number(users) + " users")) {
            out << "sync failed: " << failed << synced.error.right(2000) << Qt::endl;
            return;
        }
        auto services = Services::open(where, QStringLiteral("roadmunk-sam"));
        if (!services) {
            out << "cannot open " << where << ": " << services.error().message << Qt::endl;
            return;
        }
        GuiTimes subscriptions;
        GuiTimes candidates;
        for (int run = 0; run < runs; ++run) {
            measureWindow(*services.value(), QStringLiteral("Subscriptions"), true, subscriptions);
            measureWindow(*services.value(), QStringLiteral("Removal candidates"), false, candidates);
        }
        const QString backend = postgreSql ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
        struct Line
        {
            QString what;
            QList<double> ms;
            bool target; // the target is the first paint; the whole table is for the record
        };
        for (const Line& line : QList<Line> {
                 { QStringLiteral("profile chosen → Subscriptions painted (%1 rows)").arg(subscriptions.rows),
                     subscriptions.open, true },
                 { QStringLiteral("profile chosen → all of Subscriptions shown (%1 rows)").arg(users),
                     subscriptions.whole, false },
                 { QStringLiteral("profile chosen → Removal candidates painted (%1 rows)")
                         .arg(candidates.rows),
                     candidates.open, true },
                 { QStringLiteral("sync finished → Subscriptions painted again"), subscriptions.refresh,
                     true } }) {
            out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                       .arg(line.what, backend, cell(line.ms),
                           line.target ? QStringLiteral("< %1 ms").arg(TargetMs) : QStringLiteral("–"),
                           line.target ? met(line.ms) : QStringLiteral("–"))
                << Qt::endl;
        }
        if (!subscriptions.failure.isEmpty()) {
            out << "a sync in the window failed: " << subscriptions.failure << Qt::endl;
        }
        services.value().reset();
        admin.clearToken();
    }
    out << "peak RSS of this process (window, both backends): " << peakRssMb() << " MB" << Qt::endl;
}

} // namespace rmsam::bench
