// Notice e-mails of removal candidates end to end: NoticeDispatcher against a real SMTP relay
// (support/SmtpTestServer, aiosmtpd) on both backends: what arrived, never twice, a crash
// mid-send, retries, refusals, the rate limit, the reminder and when the deadline runs.
#include "core/Notice.h"
#include "mail/SmtpSender.h"
#include "services/NoticeDeadlines.h"
#include "services/NoticeDispatcher.h"
#include "storage/Database.h"
#include "storage/NoticeRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SmtpSettingsRepository.h"
#include "support/CliRunner.h"
#include "support/SmtpTestServer.h"
#include "support/TestBackend.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rmsam;
using namespace std::chrono_literals;

class TestNotices : public QObject
{
    Q_OBJECT

private:
    test::TestBackend m_backend;
    std::unique_ptr<test::SmtpTestServer> m_relay;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    IntegrationProfile m_profile;
    int m_seen = 0; // messages the relay had before this test

    SmtpSettings settings(int perMinute = 30) const
    {
        SmtpSettings s = m_relay->settings();
        s.replyTo = QStringLiteral("licences@example.com");
        s.perMinute = perMinute;
        return s;
    }

    // A candidate in Awaiting User (Notify user on).
    RemovalCandidate awaiting(const QString& email)
    {
        RemovalCandidate c;
        c.profileId = m_profile.id;
        c.userId = QStringLiteral("u-") + email;
        c.email = email;
        c.displayName = QStringLiteral("Kim ") + email.section(u'@', 0, 0);
        c.role = QStringLiteral("collaborator");
        c.lastActivity = QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC);
        c.justification = QStringLiteral("no activity for 120 days (last login 2026-08-01)");
        ReclamationRepository repository(*m_db);
        auto created = repository.create(c, QStringLiteral("tester"));
        if (!created) {
            qWarning() << created.error().message;
            return {};
        }
        auto moved = repository.apply(
            created.value().number, CandidateAction::Reclaim, QStringLiteral("tester"), {});
        return moved ? moved.value() : RemovalCandidate {};
    }

    NoticeDispatchOutcome dispatch(SmtpSettings s, NoticeDispatchOptions options = {})
    {
        if (options.retryDelays == NoticeDispatchOptions {}.retryDelays) {
            options.retryDelays = { 10ms, 40ms, 160ms };
        }
        const SmtpSender sender(s, QString());
        NoticeDispatcher dispatcher(
            *m_db, m_profile, s, [&sender](const MailMessage& m) { return sender.send(m); },
            std::move(options));
        return dispatcher.run();
    }

    QList<QJsonObject> newMessages() const { return m_relay->received().mid(m_seen); }

    CandidateState stateOf(qint64 number)
    {
        auto c = ReclamationRepository(*m_db).candidate(number);
        return c ? c.value().state : CandidateState::ClosedSkipped;
    }

private slots:
    void initTestCase()
    {
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_relay = std::make_unique<test::SmtpTestServer>();
        QVERIFY2(m_relay->start(), qPrintable(m_relay->errorString()));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_backend.location(*m_dir));
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        m_db = std::move(db).value();
        IntegrationProfile p;
        p.displayName = QStringLiteral("Acme");
        p.tokenKey = QStringLiteral("acme-token");
        p.analyzeActivityFrom = QDate(2026, 1, 1);
        p.noticeLanguage = NoticeLanguage::Japanese;
        auto created = ProfileRepository(*m_db).create(p);
        QVERIFY2(created, created ? "" : qPrintable(created.error().detail));
        m_profile = created.value();
        ReclamationRule rule;
        rule.profileId = m_profile.id;
        rule.notifyUser = true;
        rule.notifyDays = 7;
        rule.reminderDays = 2;
        QVERIFY(ReclamationRepository(*m_db).saveRule(rule));
        QVERIFY(SmtpSettingsRepository(*m_db).save(settings()));
        m_seen = int(m_relay->received().size());
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void sendsEachNoticeOnceInTheProfilesLanguage()
    {
        const RemovalCandidate a = awaiting(QStringLiteral("ana@example.com"));
        const RemovalCandidate b = awaiting(QStringLiteral("ben@example.com"));
        const NoticeDispatchOutcome first = dispatch(settings());
        QVERIFY2(!first.error, first.error ? qPrintable(first.error->message) : "");
        QCOMPARE(first.count(NoticeItem::Outcome::Sent), 2);
        const QList<QJsonObject> got = m_relay->waitForReceived(m_seen + 2).mid(m_seen);
        QCOMPARE(got.size(), 2);
        const QString deadline = QDateTime::currentDateTimeUtc().addDays(7).date().toString(Qt::ISODate);
        QStringList recipients;
        for (const QJsonObject& m : got) {
            recipients << m.value(QStringLiteral("to")).toString();
            QVERIFY2(m.value(QStringLiteral("subject"))
                         .toString()
                         .startsWith(QStringLiteral("Roadmunk ライセンス回収のお知らせ")),
                qPrintable(m.value(QStringLiteral("subject")).toString()));
            const QString body = m.value(QStringLiteral("body")).toString();
            QVERIFY2(body.contains(deadline), qPrintable(body));
            QVERIFY(body.contains(QStringLiteral("licences@example.com")));
            QVERIFY(body.contains(QStringLiteral("参照番号: RC")));
            QVERIFY(m.value(QStringLiteral("replyTo"))
                        .toString()
                        .contains(QStringLiteral("licences@example.com")));
        }
        QVERIFY2(recipients.join(u',').contains(a.email) && recipients.join(u',').contains(b.email),
            qPrintable(recipients.join(u',')));
        // Again: nothing is due, nothing is sent.
        const NoticeDispatchOutcome second = dispatch(settings());
        QVERIFY(!second.error);
        QCOMPARE(second.items.size(), 0);
        QTest::qWait(300);
        QCOMPARE(newMessages().size(), 2);
        auto notices = NoticeRepository(*m_db).notices(m_profile.id);
        QVERIFY(notices);
        QCOMPARE(notices.value().size(), 2);
        for (const NoticeRecord& n : notices.value()) {
            QCOMPARE(n.status, NoticeStatus::Sent);
            QVERIFY(n.sentAt.isValid());
        }
    }

    void aSendInterruptedByACrashIsNeverSentAgain()
    {
        const RemovalCandidate c = awaiting(QStringLiteral("cid@example.com"));
        NoticeRecord left;
        left.profileId = m_profile.id;
        left.candidateNumber = c.number;
        left.step = NoticeStep::Notice;
        left.cycle = c.notifiedAt;
        left.recipient = c.email;
        left.subject = QStringLiteral("Your Roadmunk seat will be reclaimed");
        left.messageId = QStringLiteral("<crash@example.com>");
        QVERIFY(NoticeRepository(*m_db).begin(left)); // "sending", then the process died
        const NoticeDispatchOutcome outcome = dispatch(settings());
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.count(NoticeItem::Outcome::Unknown), 1);
        QCOMPARE(outcome.count(NoticeItem::Outcome::Sent), 0);
        QCOMPARE(stateOf(c.number), CandidateState::AttentionRequired);
        auto history = ReclamationRepository(*m_db).history(c.number);
        QVERIFY(history);
        QVERIFY(history.value().constLast().note.contains(QStringLiteral("may or may not have gone out")));
        auto notices = NoticeRepository(*m_db).notices(m_profile.id);
        QCOMPARE(notices.value().constFirst().status, NoticeStatus::Unknown);
        QTest::qWait(300);
        QCOMPARE(newMessages().size(), 0);
        // Nor by a later dispatch.
        QCOMPARE(dispatch(settings()).items.size(), 0);
    }

    void aTemporaryFailureIsRetried()
    {
        const RemovalCandidate c = awaiting(QStringLiteral("tempfail-dana@example.com"));
        QList<std::chrono::milliseconds> waited;
        NoticeDispatchOptions options;
        options.wait = [&waited](std::chrono::milliseconds ms) { waited << ms; };
        const NoticeDispatchOutcome outcome = dispatch(settings(), options);
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.count(NoticeItem::Outcome::Sent), 1);
        QCOMPARE(waited, (QList<std::chrono::milliseconds> { 10ms }));
        QCOMPARE(m_relay->waitForReceived(m_seen + 1).mid(m_seen).size(), 1);
        const NoticeRecord n = NoticeRepository(*m_db).notices(m_profile.id).value().constFirst();
        QCOMPARE(n.status, NoticeStatus::Sent);
        QCOMPARE(n.attempts, 2);
        QCOMPARE(stateOf(c.number), CandidateState::AwaitingUser);
    }

    void aRefusalSendsTheCandidateToAttention()
    {
        const RemovalCandidate c = awaiting(QStringLiteral("reject-eli@example.com"));
        const NoticeDispatchOutcome outcome = dispatch(settings());
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.count(NoticeItem::Outcome::Rejected), 1);
        QCOMPARE(stateOf(c.number), CandidateState::AttentionRequired);
        const QString note = ReclamationRepository(*m_db).history(c.number).value().constLast().note;
        QVERIFY2(note.contains(QStringLiteral("550")), qPrintable(note));
        QCOMPARE(
            NoticeRepository(*m_db).notices(m_profile.id).value().constFirst().status, NoticeStatus::Failed);
        QCOMPARE(dispatch(settings()).items.size(), 0);
    }

    void theRateLimitWaitsForTheNextMinute()
    {
        for (int i = 0; i < 5; ++i) {
            awaiting(QStringLiteral("rate%1@example.com").arg(i));
        }
        QDateTime clock = QDateTime::currentDateTimeUtc();
        const QDateTime start = clock;
        NoticeDispatchOptions options;
        options.clock = [&clock]() { return clock; };
        options.wait = [&clock](std::chrono::milliseconds ms) { clock = clock.addMSecs(ms.count()); };
        const NoticeDispatchOutcome outcome = dispatch(settings(2), options);
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.count(NoticeItem::Outcome::Sent), 5);
        QList<qint64> seconds;
        for (const NoticeItem& i : outcome.items) {
            seconds << start.secsTo(i.at);
        }
        QCOMPARE(seconds, (QList<qint64> { 0, 0, 60, 60, 120 }));
        QCOMPARE(m_relay->waitForReceived(m_seen + 5).mid(m_seen).size(), 5);
    }

    void theReminderGoesOutOnceReminderDaysBeforeTheDeadline()
    {
        const RemovalCandidate c = awaiting(QStringLiteral("fay@example.com"));
        QVERIFY(dispatch(settings()).count(NoticeItem::Outcome::Sent) == 1);
        const QDateTime sent = NoticeRepository(*m_db).notices(m_profile.id).value().constFirst().sentAt;
        QDateTime clock = sent.addDays(4); // 3 days before the deadline: not yet
        NoticeDispatchOptions options;
        options.clock = [&clock]() { return clock; };
        QCOMPARE(dispatch(settings(), options).items.size(), 0);
        clock = sent.addDays(5).addSecs(60); // 2 days before
        const NoticeDispatchOutcome reminded = dispatch(settings(), options);
        QCOMPARE(reminded.items.size(), 1);
        QCOMPARE(reminded.items.constFirst().step, NoticeStep::Reminder);
        QCOMPARE(reminded.items.constFirst().outcome, NoticeItem::Outcome::Sent);
        const QList<QJsonObject> got = m_relay->waitForReceived(m_seen + 2).mid(m_seen);
        QCOMPARE(got.size(), 2);
        QVERIFY(got.at(1).value(QStringLiteral("subject")).toString().startsWith(QStringLiteral("【再送】")));
        QVERIFY(got.at(1)
                    .value(QStringLiteral("body"))
                    .toString()
                    .contains(sent.addDays(7).date().toString(Qt::ISODate)));
        clock = clock.addDays(1);
        QCOMPARE(dispatch(settings(), options).items.size(), 0);
        QCOMPARE(stateOf(c.number), CandidateState::AwaitingUser);
    }

    void theDeadlineRunsOnlyFromASentNotice()
    {
        const RemovalCandidate c = awaiting(QStringLiteral("gus@example.com"));
        auto candidates = ReclamationRepository(*m_db).candidates(m_profile.id);
        // E-mail set up, the notice not sent yet: no deadline.
        QVERIFY(NoticeDeadlines::starts(*m_db, m_profile.id, candidates.value()).value().isEmpty());
        // Unavailable relay: nothing sent, nothing marked, still no deadline.
        SmtpSettings down = settings();
        down.port = 1;
        const NoticeDispatchOutcome failed = dispatch(down);
        QVERIFY(failed.error);
        QCOMPARE(failed.count(NoticeItem::Outcome::Sent), 0);
        QVERIFY(NoticeRepository(*m_db).notices(m_profile.id).value().isEmpty());
        QVERIFY(NoticeDeadlines::starts(*m_db, m_profile.id, candidates.value()).value().isEmpty());
        // Sent: from when it was sent.
        QCOMPARE(dispatch(settings()).count(NoticeItem::Outcome::Sent), 1);
        const QDateTime sent = NoticeRepository(*m_db).notices(m_profile.id).value().constFirst().sentAt;
        QCOMPARE(
            NoticeDeadlines::starts(*m_db, m_profile.id, candidates.value()).value().value(c.number), sent);
        // Without e-mail set up (the admin mails by hand): from when it entered Awaiting User.
        const RemovalCandidate byHand = awaiting(QStringLiteral("hal@example.com"));
        QVERIFY(SmtpSettingsRepository(*m_db).clear());
        candidates = ReclamationRepository(*m_db).candidates(m_profile.id);
        QCOMPARE(
            NoticeDeadlines::starts(*m_db, m_profile.id, candidates.value()).value().value(byHand.number),
            byHand.notifiedAt);
    }

    void theCommandLineSendsThemOneLineEach()
    {
        const RemovalCandidate ok = awaiting(QStringLiteral("ivy@example.com"));
        const RemovalCandidate refused = awaiting(QStringLiteral("reject-jo@example.com"));
        m_db.reset(); // the command line opens the database itself
        const test::CliRunner cli(m_backend.location(*m_dir),
            QStringLiteral("roadmunk-sam-test-notices-")
                + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QStringList send { QStringLiteral("notify"), QStringLiteral("send"),
            QStringLiteral("--profile"), QStringLiteral("Acme") };
        test::CliRun r = cli.run(send + QStringList { QStringLiteral("--dry-run") });
        QVERIFY2(r.code == 0, qPrintable(test::describe(r)));
        QCOMPARE(r.out.count(QStringLiteral("would send")), 2);
        QVERIFY2(r.out.contains(ok.displayNumber() + QStringLiteral("\tnotice\tivy@example.com\twould send")),
            qPrintable(r.out));
        QTest::qWait(300);
        QCOMPARE(newMessages().size(), 0);
        r = cli.run(send);
        QVERIFY2(r.code == 0, qPrintable(test::describe(r)));
        QVERIFY2(r.out.contains(ok.displayNumber() + QStringLiteral("\tnotice\tivy@example.com\tsent")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     refused.displayNumber() + QStringLiteral("\tnotice\treject-jo@example.com\tfailed: "))
                && r.out.contains(QStringLiteral("550")),
            qPrintable(r.out));
        QCOMPARE(m_relay->waitForReceived(m_seen + 1).mid(m_seen).size(), 1);
        r = cli.run(send);
        QVERIFY2(r.code == 0 && r.out.isEmpty(), qPrintable(test::describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestNotices)
#include "tst_notices.moc"
