#include "BenchSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>
#include <algorithm>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rmsam::bench {

QTextStream out(stdout);

long peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

ProcessRun runProcess(const QString& program, const QStringList& arguments, const QByteArray& input)
{
    ProcessRun run;
    // Files rather than pipes: nothing has to be read while the program runs.
    QTemporaryFile in;
    QTemporaryFile output;
    QTemporaryFile error;
    if (!in.open() || !output.open() || !error.open() || in.write(input) != input.size() || !in.flush()) {
        return run;
    }
    QList<QByteArray> argv8 { program.toLocal8Bit() };
    for (const QString& a : arguments) {
        argv8.append(a.toLocal8Bit());
    }
    QList<char*> argv;
    for (QByteArray& a : argv8) {
        argv.append(a.data());
    }
    argv.append(nullptr);
    const QByteArray inPath = in.fileName().toLocal8Bit();
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int inFd = ::open(inPath.constData(), O_RDONLY);
        dup2(inFd, 0);
        dup2(output.handle(), 1);
        dup2(error.handle(), 2);
        execvp(argv.first(), argv.data());
        _exit(127);
    }
    if (pid < 0) {
        return run;
    }
    int status = 0;
    rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            return run;
        }
    }
    run.seconds = timer.elapsed() / 1000.0;
    run.peakRssKb = usage.ru_maxrss;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    output.seek(0);
    error.seek(0);
    run.output = output.readAll();
    run.error = error.readAll();
    return run;
}

ProcessSandbox::ProcessSandbox(const QString& executable, int users, int latencyMs, int pageCap)
    : process(new QProcess)
{
    process->start(executable,
        { QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"),
            QString::number(users), QStringLiteral("--latency-ms"), QString::number(latencyMs),
            QStringLiteral("--page-cap"), QString::number(pageCap) });
    QByteArray printed;
    while (process->waitForReadyRead(60000)) {
        printed += process->readAllStandardOutput();
        if (printed.contains("Token: ") && printed.endsWith('\n')) {
            break;
        }
    }
    for (const QByteArray& line : printed.split('\n')) {
        if (line.startsWith("Endpoint: ")) {
            endpoint = QUrl(QString::fromUtf8(line.mid(10)));
        } else if (line.startsWith("Token: ")) {
            token = QString::fromUtf8(line.mid(7));
        }
    }
}

ProcessSandbox::~ProcessSandbox()
{
    process->kill();
    process->waitForFinished();
    delete process;
}

CommandLineAdmin::CommandLineAdmin(QString executable, QStringList databaseArguments)
    : m_executable(std::move(executable))
    , m_database(std::move(databaseArguments))
{ }

QString CommandLineAdmin::run(const QStringList& arguments, const QByteArray& input, ProcessRun* measured)
{
    const ProcessRun done = runProcess(m_executable, m_database + arguments, input);
    if (measured) {
        *measured = done;
    }
    return done.exitCode == 0 ? QString()
                              : QStringLiteral("%1 (exit %2): %3")
                                    .arg(arguments.join(QLatin1Char(' ')))
                                    .arg(done.exitCode)
                                    .arg(QString::fromLocal8Bit(done.error.right(2000)));
}

QString CommandLineAdmin::publish(const QUrl& endpoint, const QString& token, const QString& profile)
{
    for (const auto& [arguments, input] : QList<std::pair<QStringList, QByteArray>> {
             { { QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("--name"), profile,
                   QStringLiteral("--endpoint"), endpoint.toString() },
                 {} },
             { { QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"), profile },
                 token.toUtf8() + '\n' },
             { { QStringLiteral("validate"), QStringLiteral("--profile"), profile }, {} },
             { { QStringLiteral("publish"), QStringLiteral("--profile"), profile, QStringLiteral("--yes") },
                 {} } }) {
        if (const QString failed = run(arguments, input); !failed.isEmpty()) {
            return failed;
        }
    }
    return {};
}

ProcessRun CommandLineAdmin::sync(int users)
{
    ProcessRun measured;
    const QString failed = run(
        { QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Bench") }, {}, &measured);
    // The command reports each job on standard error.
    if (!failed.isEmpty()
        || !measured.error.contains("Subscriptions: Succeeded. " + QByteArray::number(users) + " users")) {
        out << "sync failed: " << failed << measured.error.right(2000) << Qt::endl;
        measured.seconds = -1;
    }
    return measured;
}

void CommandLineAdmin::clearToken()
{
    (void)run({ QStringLiteral("token"), QStringLiteral("clear"), QStringLiteral("--profile"),
        QStringLiteral("Bench") });
}

QString spread(QList<double> values, const QString& unit)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty()
        ? QStringLiteral("–")
        : QStringLiteral("%1–%2 %3").arg(values.first(), 0, 'f', 2).arg(values.last(), 0, 'f', 2).arg(unit);
}

QString medianAndSpread(const QList<double>& values, const QString& unit)
{
    if (values.size() < 2) {
        return values.isEmpty() ? QStringLiteral("–")
                                : QStringLiteral("%1 %2").arg(values.first(), 0, 'f', 2).arg(unit);
    }
    const auto [low, high] = std::minmax_element(values.cbegin(), values.cend());
    return QStringLiteral("%1 %2 (%3–%4)")
        .arg(median(values), 0, 'f', 2)
        .arg(unit)
        .arg(*low, 0, 'f', 2)
        .arg(*high, 0, 'f', 2);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace rmsam::bench
