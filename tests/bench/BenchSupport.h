#pragma once
// What rmsam-bench's benchmarks share: the printed table, a sandbox in its own process, the
// admin's commands run as real processes with their time and peak memory, and run statistics.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <QUrl>

class QProcess;

namespace rmsam::bench {

extern QTextStream out; // the report: Markdown tables on standard output

long peakRssMb(); // of this process

// One run of a program: exit code (-1: did not start or was killed), seconds from start to exit,
// its peak resident memory, and what it printed.
struct ProcessRun
{
    int exitCode = -1;
    double seconds = -1;
    long peakRssKb = 0;
    QByteArray output;
    QByteArray error;
};
// Runs `program` with `input` on its standard input, waits for it (at most ten minutes) and
// measures it through wait4(), so the memory is that process's own. A forked child starts with
// its parent's high-water mark, though: peak memory is right only while rmsam-bench itself is
// small, so measure it with one `--only` per run (the in-process benchmarks grow it to a GB).
ProcessRun runProcess(const QString& program, const QStringList& arguments, const QByteArray& input = {});

// The sandbox as a separate process (`roadmunk-sam sandbox`), so the memory measured is the
// client's alone.
struct ProcessSandbox
{
    ProcessSandbox(const QString& executable, int users, int latencyMs, int pageCap = 100);
    ~ProcessSandbox();
    QProcess* process;
    QUrl endpoint;
    QString token;
};

// The admin's commands on one database (`--data-dir DIR` or `--database URL`): create, token
// set, validate, publish; then any command, timed.
class CommandLineAdmin
{
public:
    CommandLineAdmin(QString executable, QStringList databaseArguments);
    // Exit code 0, or an empty string; otherwise the command and its standard error.
    QString run(const QStringList& arguments, const QByteArray& input = {}, ProcessRun* measured = nullptr);
    QString publish(
        const QUrl& endpoint, const QString& token, const QString& profile = QStringLiteral("Bench"));
    // `sync --profile Bench`, process start to exit; seconds -1 when it failed or stored another
    // number of users.
    ProcessRun sync(int users);
    void clearToken();

private:
    QString m_executable;
    QStringList m_database;
};

QString spread(QList<double> values, const QString& unit = QStringLiteral("s"));
// The median, then the spread: "3.55 s (3.21–3.88)"; the verdicts are taken from the median.
QString medianAndSpread(const QList<double>& values, const QString& unit = QStringLiteral("s"));
double median(QList<double> values);

} // namespace rmsam::bench
