// The reclaim safety invariants (docs/DOMAIN.md), checked as invariants: random sequences of syncs
// against a hostile gateway, reclaims (two at once from two processes, and killed ones), all
// through the real executable against `roadmunk-sam sandbox` in its own process. After every step
// the sandbox's own record of what it was asked to deactivate is compared with what must hold:
//   1. no user active within the threshold is deactivated;
//   2. a failed or doubtful listing leaves the stored snapshot whole;
//   3. Attention Required is never left, and a closed candidate never reopened, without a person;
//   4. no user is sent deactivateUser twice.
// The seed is printed; RMSAM_INVARIANT_SEED replays a run. With RMSAM_TEST_DATABASE=postgresql
// every process works on one PostgreSQL database (--database), as the members of a team do.
#include "storage/Database.h"
#include "support/TestBackend.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int ThresholdDays = 60; // the default rule's
const QString Profile = QStringLiteral("Invariants");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestInvariants : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    rmsam::test::TestBackend m_backend;
    QString m_location; // the data folder, or the PostgreSQL database's URL
    QProcess m_sandbox;
    QUrl m_base; // http://127.0.0.1:PORT
    QString m_token;
    QNetworkAccessManager m_network;
    QRandomGenerator m_random;
    int m_subscriptions = 0; // in the stored snapshot
    QSet<QString> m_attention; // candidate numbers seen in Attention Required
    QSet<QString> m_closed; // candidate numbers seen closed
    QStringList m_log; // the steps so far, to replay a failure

    const QStringList m_anomalies = { QStringLiteral("dates=iso"), QStringLiteral("dates=iso-offset"),
        QStringLiteral("dates=epoch-ms"), QStringLiteral("dates=epoch-s"), QStringLiteral("dates=rfc1123"),
        QStringLiteral("dates=garbage"), QStringLiteral("endless"), QStringLiteral("ignore-offset"),
        QStringLiteral("empty-users"), QStringLiteral("hasmore-string"), QStringLiteral("duplicate-ids"),
        QStringLiteral("huge-ids"), QStringLiteral("oversized:9"), QStringLiteral("deactivate-false"),
        QStringLiteral("shrink:30") };
    // Anomalies that make a sync fail rather than store a changed snapshot.
    const QSet<QString> m_failing = { QStringLiteral("endless"), QStringLiteral("ignore-offset"),
        QStringLiteral("empty-users"), QStringLiteral("hasmore-string"), QStringLiteral("duplicate-ids"),
        QStringLiteral("huge-ids"), QStringLiteral("oversized:9"), QStringLiteral("shrink:30") };

    Run syncNow() { return sam({ QStringLiteral("sync"), QStringLiteral("--profile"), Profile }); }

    Run reclaimNow(int max)
    {
        return sam({ QStringLiteral("reclaim"), QStringLiteral("--profile"), Profile, QStringLiteral("--yes"),
            QStringLiteral("--max"), QString::number(max) });
    }

    int deactivationCalls()
    {
        return int(control("GET", QStringLiteral("/sandbox/deactivations")).array().size());
    }

    QStringList baseArguments() const
    {
        return { m_backend.postgreSql() ? QStringLiteral("--database") : QStringLiteral("--data-dir"),
            m_location };
    }

    QProcess* start(const QStringList& arguments)
    {
        auto* p = new QProcess(this);
        p->setProgram(QStringLiteral(RMSAM_EXECUTABLE));
        p->setArguments(baseArguments() + arguments);
        p->start();
        return p;
    }

    Run finish(QProcess* p, int timeoutMs = 180'000)
    {
        Run r;
        if (!p->waitForFinished(timeoutMs)) {
            p->kill();
            p->waitForFinished();
        }
        r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        p->deleteLater();
        return r;
    }

    // A setup command (not a step under test) that must succeed. One CI run under ASan saw
    // `token set` crash once (not reproduced in 40 tries): a crash is retried once, loudly, with
    // what the process printed, so that a recurrence is seen and can be looked into.
    QString setUp(const QStringList& arguments, const QByteArray& input = {})
    {
        Run r = sam(arguments, input);
        if (r.exitCode == -1) {
            qWarning("setup command %s crashed; retrying once. It printed:\n%s",
                qPrintable(arguments.first()), qPrintable(r.err));
            r = sam(arguments, input);
        }
        return r.exitCode == 0 ? QString()
                               : QStringLiteral("%1 exited %2:\n%3")
                                     .arg(arguments.join(QLatin1Char(' ')))
                                     .arg(r.exitCode)
                                     .arg(r.err.right(4000));
    }

    Run sam(const QStringList& arguments, const QByteArray& input = {})
    {
        QProcess* p = start(arguments);
        if (!input.isEmpty()) {
            p->write(input);
        }
        p->closeWriteChannel();
        return finish(p);
    }

    QJsonDocument control(const QByteArray& method, const QString& path, const QJsonDocument& body = {})
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = method == "POST" ? m_network.post(request, body.toJson(QJsonDocument::Compact))
                                                : m_network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            qWarning() << "sandbox control" << path << reply->errorString();
            return {};
        }
        return QJsonDocument::fromJson(reply->readAll());
    }

    void setAnomalies(const QStringList& names)
    {
        control(
            "POST", QStringLiteral("/sandbox/anomalies"), QJsonDocument(QJsonArray::fromStringList(names)));
    }

    // Read from the database itself, not through a report that leaves deactivated users out.
    int storedSubscriptions()
    {
        int count = -1;
        if (m_backend.postgreSql()) {
            auto db = rmsam::Database::open(m_location);
            QSqlQuery q(db ? db.value()->connection() : QSqlDatabase());
            if (db && q.exec(QStringLiteral("SELECT COUNT(*) FROM subscription")) && q.next()) {
                count = q.value(0).toInt();
            }
            return count;
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("data/roadmunk-sam.sqlite")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000"));
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("SELECT COUNT(*) FROM subscription")) && q.next()) {
                count = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        return count;
    }

    // Checks every invariant; returns what broke, or an empty string.
    QString violations(bool syncRan, bool syncSucceeded)
    {
        QStringList broken;
        const QJsonArray deactivations = control("GET", QStringLiteral("/sandbox/deactivations")).array();
        QHash<QString, int> calls;
        for (const QJsonValue& v : deactivations) {
            const QJsonObject d = v.toObject();
            const QString id = d.value(QLatin1String("id")).toVariant().toString();
            if (++calls[id] > 1) {
                broken << QStringLiteral("user %1 was sent deactivateUser %2 times").arg(id).arg(calls[id]);
            }
            const QDateTime at
                = QDateTime::fromString(d.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
            const QJsonValue login = d.value(QLatin1String("lastLogin"));
            if (!login.isNull()) {
                const QDateTime last = QDateTime::fromString(login.toString(), Qt::ISODateWithMs);
                if (!last.isValid() || last.daysTo(at) < ThresholdDays) {
                    broken << QStringLiteral("user %1 was deactivated at %2 with a login on %3")
                                  .arg(id, at.toString(Qt::ISODate), login.toString());
                }
            }
        }
        const Run list = sam(
            { QStringLiteral("candidate"), QStringLiteral("list"), QStringLiteral("--profile"), Profile });
        if (list.exitCode != 0) {
            broken << QStringLiteral("candidate list failed: %1").arg(list.err);
        }
        for (const QString& line : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            const QString number = fields.value(0);
            const QString state = fields.value(1);
            if (m_attention.contains(number) && state != QLatin1String("attention_required")) {
                broken << QStringLiteral("%1 left Attention Required for %2 without a person")
                              .arg(number, state);
            }
            if (m_closed.contains(number) && !state.startsWith(QLatin1String("closed_"))) {
                broken << QStringLiteral("%1 was reopened as %2").arg(number, state);
            }
            if (state == QLatin1String("attention_required")) {
                m_attention.insert(number);
            } else if (state.startsWith(QLatin1String("closed_"))) {
                m_closed.insert(number);
            }
        }
        const int stored = storedSubscriptions();
        if (syncRan) {
            const int listed = int(control("GET", QStringLiteral("/sandbox/users")).array().size());
            const int expected = syncSucceeded ? listed : m_subscriptions;
            if (stored != expected) {
                broken << QStringLiteral("the snapshot holds %1 users after a %2 sync; expected %3")
                              .arg(stored)
                              .arg(syncSucceeded ? QStringLiteral("successful") : QStringLiteral("failed"))
                              .arg(expected);
            }
        } else if (stored != m_subscriptions) {
            broken << QStringLiteral("the snapshot changed from %1 to %2 without a sync")
                          .arg(m_subscriptions)
                          .arg(stored);
        }
        m_subscriptions = stored;
        return broken.join(QLatin1Char('\n'));
    }

    QString randomUserId()
    {
        const QJsonArray users = control("GET", QStringLiteral("/sandbox/users")).array();
        return users.at(m_random.bounded(int(users.size())))
            .toObject()
            .value(QLatin1String("id"))
            .toVariant()
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_location
            = m_backend.postgreSql() ? m_backend.location(m_dir) : m_dir.filePath(QStringLiteral("data"));
        const quint32 seed = qEnvironmentVariableIsSet("RMSAM_INVARIANT_SEED")
            ? quint32(qEnvironmentVariableIntValue("RMSAM_INVARIANT_SEED"))
            : 20261130;
        qInfo("seed %u", seed);
        m_random.seed(seed);
        m_sandbox.setProgram(QStringLiteral(RMSAM_EXECUTABLE));
        m_sandbox.setArguments({ QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--users"), QStringLiteral("300"), QStringLiteral("--seed"),
            QString::number(seed) });
        m_sandbox.start();
        QVERIFY(m_sandbox.waitForStarted());
        QString endpoint;
        for (int i = 0; i < 100 && (endpoint.isEmpty() || m_token.isEmpty()); ++i) {
            m_sandbox.waitForReadyRead(100);
            while (m_sandbox.canReadLine()) {
                const QString line = QString::fromUtf8(m_sandbox.readLine()).trimmed();
                if (line.startsWith(QLatin1String("Endpoint: "))) {
                    endpoint = line.mid(10);
                } else if (line.startsWith(QLatin1String("Token: "))) {
                    m_token = line.mid(7);
                }
            }
        }
        QVERIFY2(
            !endpoint.isEmpty() && !m_token.isEmpty(), "the sandbox did not print its endpoint and token");
        m_base = QUrl(endpoint).resolved(QUrl(QStringLiteral("/")));

        const QList<QPair<QStringList, QByteArray>> steps = {
            { { QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("--name"), Profile,
                  QStringLiteral("--endpoint"), endpoint },
                {} },
            { { QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"), Profile },
                m_token.toUtf8() + '\n' },
            { { QStringLiteral("validate"), QStringLiteral("--profile"), Profile }, {} },
            { { QStringLiteral("publish"), QStringLiteral("--profile"), Profile, QStringLiteral("--yes") },
                {} },
            { { QStringLiteral("sync"), QStringLiteral("--profile"), Profile }, {} },
        };
        for (const auto& [arguments, input] : steps) {
            const QString failed = setUp(arguments, input);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        m_subscriptions = storedSubscriptions();
        QCOMPARE(m_subscriptions, 300);
        const QString none = violations(false, false);
        QVERIFY2(none.isEmpty(), qPrintable(none));
    }

    void cleanupTestCase()
    {
        m_sandbox.kill();
        m_sandbox.waitForFinished();
    }

    // Every anomaly meets a sync and a reclaim that may take every Ready candidate. The legitimate
    // candidates were reclaimed first, so any deactivation here is one the anomaly caused.
    void everyAnomalyMeetsASyncAndAReclaim()
    {
        const Run drain = reclaimNow(1000);
        QVERIFY2(drain.exitCode == 0, qPrintable(drain.err));
        const int legitimate = deactivationCalls();
        QVERIFY2(legitimate > 0, "the sandbox account has no stale users: the test would prove nothing");
        QString broken = violations(false, false);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
        for (const QString& anomaly : m_anomalies) {
            setAnomalies({ anomaly });
            const Run synced = syncNow();
            m_log << QStringLiteral("[%1] sync → %2").arg(anomaly).arg(synced.exitCode);
            if (m_failing.contains(anomaly) && synced.exitCode == 0) {
                QFAIL(qPrintable(QStringLiteral("a sync under %1 was accepted").arg(anomaly)));
            }
            broken = violations(true, synced.exitCode == 0);
            QVERIFY2(broken.isEmpty(),
                qPrintable(QStringLiteral("%1\n%2").arg(broken, m_log.join(QLatin1Char('\n')))));
            const Run reclaimed = reclaimNow(1000);
            m_log << QStringLiteral("[%1] reclaim → %2").arg(anomaly).arg(reclaimed.exitCode);
            broken = violations(false, false);
            QVERIFY2(broken.isEmpty(),
                qPrintable(QStringLiteral("%1\n%2").arg(broken, m_log.join(QLatin1Char('\n')))));
            QVERIFY2(deactivationCalls() == legitimate,
                qPrintable(QStringLiteral(
                    "under %1 the app sent deactivateUser for users it had no proof against:\n%2")
                               .arg(anomaly, m_log.join(QLatin1Char('\n')))));
            setAnomalies({});
            const Run back = syncNow();
            broken = violations(true, back.exitCode == 0);
            QVERIFY2(broken.isEmpty(), qPrintable(broken));
        }
    }

    void randomSequences()
    {
        const int steps = qEnvironmentVariableIsSet("RMSAM_INVARIANT_STEPS")
            ? qEnvironmentVariableIntValue("RMSAM_INVARIANT_STEPS")
            : 60;
        QStringList active;
        int deactivated = 0;
        for (int step = 0; step < steps; ++step) {
            bool syncRan = false;
            bool syncSucceeded = false;
            QString what;
            // Weighted: the gateway's moods and syncs most, so that anomalies meet syncs often.
            static const int kinds[] = { 0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6 };
            switch (kinds[m_random.bounded(int(std::size(kinds)))]) {
            case 0: { // the gateway changes its ways
                active.clear();
                if (m_random.bounded(3) > 0) {
                    active << m_anomalies.at(m_random.bounded(int(m_anomalies.size())));
                }
                if (m_random.bounded(3) == 0) {
                    active << m_anomalies.at(m_random.bounded(int(m_anomalies.size())));
                }
                setAnomalies(active);
                what = QStringLiteral("anomalies [%1]").arg(active.join(QLatin1Char(',')));
                break;
            }
            case 1:
            case 2: { // a sync
                const Run r = sam({ QStringLiteral("sync"), QStringLiteral("--profile"), Profile });
                syncRan = true;
                syncSucceeded = r.exitCode == 0;
                what = QStringLiteral("sync → %1").arg(r.exitCode);
                const bool mustFail = std::any_of(
                    active.cbegin(), active.cend(), [&](const QString& a) { return m_failing.contains(a); });
                if (mustFail && syncSucceeded) {
                    QFAIL(qPrintable(
                        QStringLiteral("a sync under [%1] was accepted:\n%2\nsteps:\n%3")
                            .arg(active.join(QLatin1Char(',')), r.err, m_log.join(QLatin1Char('\n')))));
                }
                break;
            }
            case 3: { // a reclaim
                const Run r = sam({ QStringLiteral("reclaim"), QStringLiteral("--profile"), Profile,
                    QStringLiteral("--yes"), QStringLiteral("--max"),
                    QString::number(1 + m_random.bounded(4)) });
                what = QStringLiteral("reclaim → %1").arg(r.exitCode);
                break;
            }
            case 4: { // two reclaims at once, from two processes
                QProcess* a = start({ QStringLiteral("reclaim"), QStringLiteral("--profile"), Profile,
                    QStringLiteral("--yes"), QStringLiteral("--max"), QStringLiteral("3") });
                QProcess* b = start({ QStringLiteral("reclaim"), QStringLiteral("--profile"), Profile,
                    QStringLiteral("--yes"), QStringLiteral("--max"), QStringLiteral("3") });
                a->closeWriteChannel();
                b->closeWriteChannel();
                const Run ra = finish(a);
                const Run rb = finish(b);
                what = QStringLiteral("two reclaims → %1, %2").arg(ra.exitCode).arg(rb.exitCode);
                break;
            }
            case 5: { // a reclaim killed part way
                QProcess* p = start({ QStringLiteral("reclaim"), QStringLiteral("--profile"), Profile,
                    QStringLiteral("--yes"), QStringLiteral("--max"), QStringLiteral("4") });
                p->closeWriteChannel();
                const int after = 50 + m_random.bounded(600);
                p->waitForFinished(after);
                p->kill();
                finish(p);
                what = QStringLiteral("reclaim killed after %1 ms").arg(after);
                break;
            }
            case 6: { // a user comes back, or another person gets the id's e-mail
                const QString id = randomUserId();
                QJsonObject change { { QStringLiteral("id"), id } };
                if (m_random.bounded(2) == 0) {
                    change.insert(QStringLiteral("lastLogin"),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                    what = QStringLiteral("user %1 logs in").arg(id);
                } else {
                    change.insert(
                        QStringLiteral("email"), QStringLiteral("someone.else.%1@example.com").arg(step));
                    what = QStringLiteral("user %1 is now someone else").arg(id);
                }
                control("POST", QStringLiteral("/sandbox/users"), QJsonDocument(change));
                break;
            }
            }
            m_log << QStringLiteral("%1. %2").arg(step + 1).arg(what);
            const QString broken = violations(syncRan, syncSucceeded);
            QVERIFY2(broken.isEmpty(),
                qPrintable(QStringLiteral("%1\nsteps:\n%2").arg(broken, m_log.join(QLatin1Char('\n')))));
        }
        deactivated = int(control("GET", QStringLiteral("/sandbox/deactivations")).array().size());
        qInfo("%d steps, %d deactivateUser calls, %lld candidates in Attention Required", steps, deactivated,
            qlonglong(m_attention.size()));
        qInfo("%s", qPrintable(m_log.join(QLatin1Char('\n'))));
        // The run must have exercised the dangerous path, or it proves nothing.
        QVERIFY2(deactivated > 0, "no reclaim deactivated anybody: the sequence tested nothing");
    }
};

QTEST_GUILESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
