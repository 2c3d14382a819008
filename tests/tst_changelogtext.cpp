// The change log's summaries and the candidates' justifications, kept in English as written, shown
// in the user's language: every form the database's triggers write is read back from a real
// database (SQLite, and PostgreSQL with RMSAM_TEST_DATABASE=postgresql) and said again through
// translations. A stand-in translator turns every Latin letter of a translation into kana, so an
// English word left in the displayed text is one that did not go through tr().

#include "core/Justifications.h"
#include "core/ProfileRules.h"
#include "services/ChangeLogText.h"
#include "services/Reports.h"
#include "storage/ChangeLogRepository.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SmtpSettingsRepository.h"
#include "storage/UserReportRepository.h"
#include "support/TestBackend.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace rmsam;

namespace {

// Every translation, its letters in kana ("%1" kept): what is shown in Latin letters afterwards
// was not translated.
class KanaTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char*, const char* source, const char*, int) const override
    {
        QString text = QString::fromUtf8(source);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
                ++i;
            } else if (text.at(i).isLetter() && text.at(i).unicode() < 0x80) {
                text[i] = QChar(0x3042); // あ
            }
        }
        return text;
    }
};

// The English words of `text` once the data (names, files, addresses, dates) is taken out.
QStringList englishWords(QString text, const QStringList& data)
{
    static const QRegularExpression addresses(QStringLiteral(R"((?:[a-z]+://\S+)|(?:\S+@\S+\.\S+))"));
    text.remove(addresses);
    for (const QString& d : data) {
        text.remove(d);
    }
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList words;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        words.append(it.next().captured());
    }
    return words;
}

} // namespace

class TestChangeLogText : public QObject
{
    Q_OBJECT

    QTranslator m_english;

    rmsam::test::TestBackend m_backend;

    // Every kind of change the triggers log, made through the repositories as the app makes them.
    static void changeEverything(Database& db, QStringList& data)
    {
        ProfileRepository profiles(db);
        auto created = profiles.create(
            ProfileRules::makeDraft(QStringLiteral("Acme"), Region::Europe, QDate(2026, 11, 28)));
        QVERIFY(created);
        IntegrationProfile p = created.value();
        p.displayName = QStringLiteral("Acme EU");
        p.status = ProfileStatus::Published;
        p.region = Region::AsiaPacific;
        p.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:9/public/graphql"));
        p.downloadActivity = false;
        p.analyzeActivityFrom = QDate(2026, 10, 1);
        p.reclaimSubscriptions = false;
        p.maxInFlight = 2;
        p.reportMaxAgeDays = 10;
        p.maxResponseMb = 16;
        p.validatedAt = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        QVERIFY(profiles.update(p).ok());
        QVERIFY(profiles.update(p).ok()); // "profile saved"
        const QDateTime set(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        QVERIFY(profiles.setTokenSetAt(p.id, set).ok());
        QVERIFY(profiles.setTokenSetAt(p.id, set.addSecs(60)).ok());
        QVERIFY(profiles.setTokenSetAt(p.id, QDateTime()).ok());

        ReclamationRepository reclamation(db);
        QVERIFY(reclamation.ensureRule(p.id).ok());
        ReclamationRule rule = reclamation.rule(p.id).value();
        rule.thresholdDays = 90;
        rule.rolesInScope = { QStringLiteral("collaborator"), QStringLiteral("user_manager") };
        rule.includeNoActivity = false;
        rule.graceDays = 7;
        rule.notifyUser = true;
        rule.notifyDays = 3;
        QVERIFY(reclamation.saveRule(rule).ok());
        rule = reclamation.rule(p.id).value();
        QVERIFY(reclamation.saveRule(rule).ok()); // "rule saved unchanged"

        Entitlement e;
        e.profileId = p.id;
        e.owned = 10;
        e.price = 12;
        e.period = Entitlement::Period::Month;
        QVERIFY(reclamation.saveEntitlement(e).ok());
        e.rowVersion = 1;
        e.owned = 12;
        e.price = 100;
        e.period = Entitlement::Period::Year;
        e.currency = QStringLiteral("EUR");
        QVERIFY(reclamation.saveEntitlement(e).ok());
        e.rowVersion = 2;
        QVERIFY(reclamation.saveEntitlement(e).ok()); // "entitlement saved unchanged"
        QVERIFY(reclamation.removeEntitlement(p.id, e.seatType, 3).ok());
        data << QStringLiteral("USD") << QStringLiteral("EUR");

        ExclusionRepository exclusions(db);
        auto excluded = exclusions.add(ExclusionRule::Kind::User, QStringLiteral("boss@example.com"));
        QVERIFY(excluded);
        QVERIFY(exclusions.setActive(excluded.value().id, false).ok());
        QVERIFY(exclusions.remove(ExclusionRule::Kind::User, QStringLiteral("boss@example.com")).ok());

        RemovalCandidate c;
        c.profileId = p.id;
        c.userId = QStringLiteral("u1");
        c.email = QStringLiteral("u1@example.com");
        c.role = QStringLiteral("collaborator");
        c.justification = QStringLiteral("never logged in");
        c.state = CandidateState::Ready;
        auto candidate = reclamation.create(c, QStringLiteral("test"));
        QVERIFY(candidate);
        QVERIFY(
            reclamation.apply(candidate.value().number, CandidateAction::Reclaim, QStringLiteral("test")));
        AuditEntry a;
        a.actor = QStringLiteral("test");
        a.profileId = p.id;
        a.profileName = p.displayName;
        a.candidateNumber = candidate.value().number;
        a.userId = c.userId;
        a.email = c.email;
        a.outcome = QStringLiteral("attempt");
        QVERIFY(reclamation.appendAudit(a).ok());

        JobRepository jobs(db);
        for (JobTrigger trigger : { JobTrigger::Manual, JobTrigger::Scheduled, JobTrigger::CommandLine }) {
            JobResult run;
            run.profileId = p.id;
            run.kind = JobKind::Activity;
            run.trigger = trigger;
            run.startedAt = run.endedAt = QDateTime::currentDateTimeUtc();
            run.outcome = JobOutcome::Cancelled;
            run.users = 25;
            QVERIFY(jobs.insertJobResult(run).ok());
        }
        QVERIFY(jobs.ensurePublishArtifacts(p).ok());
        const QList<ScheduledJob> scheduled = jobs.scheduledJobs(p.id).value();
        QVERIFY(!scheduled.isEmpty());
        for (const ScheduledJob& j : scheduled) {
            data << j.name; // "SAM - Refresh Acme EU Subscriptions": a product name, as ServiceNow's
        }
        QVERIFY(jobs.setRunAt(scheduled.first().id, QTime(3, 30)).ok());
        QVERIFY(jobs.noteRun(p.id, scheduled.first().kind, QDateTime::currentDateTimeUtc()).ok());
        QVERIFY(jobs.removeScheduledJob(p.id, scheduled.last().kind).ok());

        UserReportRepository reports(db);
        const QList<QPair<QString, bool>> users = { { QStringLiteral("a@example.com"), true } };
        QVERIFY(reports.attach(p.id, QStringLiteral("users.csv"), QStringLiteral("UTF-8"), users).ok());
        QVERIFY(reports.attach(p.id, QStringLiteral("users.csv"), QStringLiteral("UTF-8"), users).ok());
        QVERIFY(reports.detach(p.id).ok());
        data << QStringLiteral("users.csv") << QStringLiteral("Acme EU") << QStringLiteral("Acme");

        QVERIFY(profiles.remove(p.id).ok());

        SmtpSettingsRepository mail(db);
        SmtpSettings smtp;
        smtp.host = QStringLiteral("smtp.example.com");
        smtp.from = QStringLiteral("sam@example.com");
        QVERIFY(mail.save(smtp).ok());
        smtp.port = 465;
        smtp.security = SmtpSettings::Security::Tls;
        smtp.replyTo = QStringLiteral("licences@example.com");
        smtp.user = QStringLiteral("relay");
        smtp.caFile = QStringLiteral("/etc/ssl/ca.pem");
        smtp.perMinute = 5;
        QVERIFY(mail.save(smtp).ok());
        QVERIFY(mail.save(smtp).ok()); // "e-mail saved unchanged"
        QVERIFY(mail.clear().ok());
        data << smtp.host << smtp.from << smtp.replyTo << smtp.user << smtp.caFile
             << QStringLiteral("starttls") << QStringLiteral("tls");
    }

private slots:
    void initTestCase()
    {
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // English with its singular and plural, as main() installs it ("1 user", "25 users").
        QVERIFY(m_english.load(QStringLiteral(RMSAM_EN_QM)));
        QVERIFY(QCoreApplication::installTranslator(&m_english));
    }

    // Every summary the triggers wrote is read, and shown with no English word but the data.
    void everyLoggedFormIsTranslated()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Database& db = *opened.value();
        QStringList data;
        changeEverything(db, data);
        if (QTest::currentTestFailed()) {
            return;
        }
        auto entries = ChangeLogRepository(db).entries(0, 0, ChangeLogRepository::Order::Oldest);
        QVERIFY(entries);

        KanaTranslator kana;
        QVERIFY(QCoreApplication::installTranslator(&kana));
        QSet<QString> seen;
        QStringList problems;
        for (const ChangeLogEntry& e : entries.value()) {
            seen.insert(e.table + QLatin1Char(' ') + e.operation);
            const QString shown = ChangeLogText::display(e.summary);
            if (shown == e.summary) {
                problems << QStringLiteral("not read: ") + e.summary;
            } else if (const QStringList words = englishWords(shown, data); !words.isEmpty()) {
                problems << QStringLiteral("%1 → %2 (%3)").arg(e.summary, shown, words.join(u' '));
            }
        }
        // The log and its export keep what was written, whatever the language.
        const auto audit = Reports::build(db, 0, { ReportKind::Audit });
        QCoreApplication::removeTranslator(&kana);
        QVERIFY(audit);
        QStringList actions;
        for (const QList<QVariant>& row : audit.value().value(ReportKind::Audit).rows) {
            actions << row.at(7).toString();
        }
        QVERIFY2(actions.contains(QStringLiteral("exclusion removed")), qPrintable(actions.join(u'|')));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Every table and operation the triggers log was made, so each form was read above.
        for (const char* logged :
            { "integration_profile insert", "integration_profile update", "integration_profile delete",
                "reclamation_rule insert", "reclamation_rule update", "reclamation_rule delete",
                "entitlement insert", "entitlement update", "entitlement delete", "exclusion_rule insert",
                "exclusion_rule update", "exclusion_rule delete", "removal_candidate insert",
                "removal_candidate update", "audit_entry insert", "job_result insert", "scheduled_job insert",
                "scheduled_job update", "scheduled_job delete", "user_report insert", "user_report delete",
                "smtp_settings insert", "smtp_settings update", "smtp_settings delete" }) {
            QVERIFY2(seen.contains(QString::fromLatin1(logged)), logged);
        }
    }

    // In English the forms read as English: the app's codes by their names, data unchanged.
    void englishForms_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        const auto row = [](const char* stored, const char* shown) {
            QTest::newRow(stored) << QString::fromUtf8(stored) << QString::fromUtf8(shown);
        };
        row("profile created (Draft)", "profile created (Draft)");
        row("status Draft → Published; validated", "status Draft → Published; validated");
        row("region eu → apac", "region Europe (eu) → Asia-Pacific (apac)");
        row("name Acme → Acme EU; token set", "name Acme → Acme EU; token set");
        row("download activity 1 → 0; reclaim true → false", "download activity Yes → No; reclaim Yes → No");
        row("notify 0 → 1; notify days 7 → 3", "notify No → Yes; notify days 7 → 3");
        row("candidate created: ready", "candidate created: Ready");
        row("state ready → awaiting_approval", "state Ready → Awaiting Approval");
        row("rule: threshold 60, grace 14, roles collaborator,reviewer",
            "rule: threshold 60, grace 14, roles Collaborator, Reviewer");
        row("roles collaborator → collaborator,user_manager",
            "roles Collaborator → Collaborator, User Manager");
        row("entitlement: 10 owned at 12 USD per month", "entitlement: 10 owned at 12 USD per month");
        row("owned 10 → 12; period month → year", "owned 10 → 12; period month → year");
        row("subscriptions succeeded (manual): 25 users",
            "Download subscriptions: Succeeded (Manual), 25 users");
        row("activity failed (command line): 0 users", "Refresh activity: Failed (Command line), 0 users");
        row("activity succeeded (manual): 1 users", "Refresh activity: Succeeded (Manual), 1 user");
        row("job created: SAM - Refresh Acme at Home Subscriptions at 02:00",
            "job created: SAM - Refresh Acme at Home Subscriptions at 02:00");
        row("job created: Nightly at 02:30 (inactive)", "job created: Nightly at 02:30 (inactive)");
        row("time 02:00 → 03:30; ran at 2026-11-30T02:00:00.000Z",
            "time 02:00 → 03:30; ran at 2026-11-30T02:00:00.000Z");
        row("report attached: users.csv (3 rows)", "report attached: users.csv (3 rows)");
        row("report removed: users (old).csv", "report removed: users (old).csv");
        // attach() replaces a report by deleting and inserting; an update would read so.
        row("report replaced: users.csv (12 rows)", "report replaced: users.csv (12 rows)");
        row("exclusion added (inactive)", "exclusion added (inactive)");
        // Not (entirely) in a known form: as it is, never in part.
        row("threshold 60 → 90; something new", "threshold 60 → 90; something new");
        row("reclaim sideways: attempt (user u1)", "reclaim sideways: attempt (user u1)");
        row("subscriptions exploded (manual): 1 users", "subscriptions exploded (manual): 1 users");
        row("After the call: Deactivated", "After the call: Deactivated");
        row("", "");
    }

    void englishForms()
    {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(ChangeLogText::display(stored), shown);
    }

    // The evaluation's justifications, in English as the scheduler or the command line wrote
    // them, in the user's language; an admin's own text as it is.
    void justifications()
    {
        const QString unreadable
            = Justifications::translated(Justifications::UnreadableDate).arg(QStringLiteral("yesterday-ish"));
        const QString lastArchived = Justifications::translated(Justifications::NoActivityLast)
                                         .arg(QStringLiteral("143"), QStringLiteral("Roadmap archived"));
        const QString lastLogin = Justifications::translated(Justifications::NoActivityLastLogin)
                                      .arg(QStringLiteral("75"), QStringLiteral("2026-09-16"));
        const QString invited
            = Justifications::translated(Justifications::InvitationPending).arg(QStringLiteral("14"));
        const QString noEmail = Justifications::translated(Justifications::NeverLoggedIn)
            + Justifications::translated(Justifications::NoEmailSuffix);
        const QString period = Justifications::translated(Justifications::NoActivityInPeriod);
        QCOMPARE(lastArchived, QStringLiteral("no activity for 143 days (last: Roadmap archived)"));
        for (const QString& english : { unreadable, lastArchived, lastLogin, invited, noEmail, period }) {
            QCOMPARE(Justifications::display(english), english);
        }
        const QString admin = QStringLiteral("No activity for 90 days");
        QCOMPARE(Justifications::display(admin), admin);

        KanaTranslator kana;
        QVERIFY(QCoreApplication::installTranslator(&kana));
        const QStringList data = { QStringLiteral("yesterday-ish") };
        QStringList problems;
        for (const QString& english : { unreadable, lastArchived, lastLogin, invited, noEmail, period }) {
            const QString shown = Justifications::display(english);
            if (!englishWords(shown, data).isEmpty()) {
                problems << english + QStringLiteral(" → ") + shown;
            }
        }
        const QString shownArchived = Justifications::display(lastArchived);
        const QString shownAdmin = Justifications::display(admin);
        QCoreApplication::removeTranslator(&kana);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY2(shownArchived.contains(QStringLiteral("143")), qPrintable(shownArchived));
        QCOMPARE(shownAdmin, admin);
    }

    // A screen shows the stored texts translated; the report (and so every export) keeps them.
    void onlyScreensTranslate()
    {
        QVERIFY(Reports::displayOfStoredText(ReportKind::Audit, QStringLiteral("Action"))
            == &ChangeLogText::display);
        QVERIFY(Reports::displayOfStoredText(ReportKind::Candidates, QStringLiteral("Justification"))
            == &Justifications::display);
        QVERIFY(!Reports::displayOfStoredText(ReportKind::Audit, QStringLiteral("Detail")));
        QVERIFY(!Reports::displayOfStoredText(ReportKind::ScheduledJobs, QStringLiteral("Name")));
    }
};

QTEST_GUILESS_MAIN(TestChangeLogText)
#include "tst_changelogtext.moc"
