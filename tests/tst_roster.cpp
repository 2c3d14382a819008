// The HR roster (issue #17, leavers first): the reader (encodings, English and Japanese headers,
// chosen columns, refused files), what an attached roster does to the removal candidates
// (missing or gone → a candidate whatever the activity, listed first; admins never; aliases;
// case-insensitive), the Roster report, and the roster commands. Runs on SQLite and PostgreSQL.
#include "cli/CommandLine.h"
#include "core/Justifications.h"
#include "csv/HrRoster.h"
#include "services/ChangeLogText.h"
#include "services/Evaluation.h"
#include "services/ReclaimJob.h"
#include "services/ReclamationService.h"
#include "services/Reports.h"
#include "storage/ChangeLogRepository.h"
#include "storage/ReclamationRepository.h"
#include "support/CliRunner.h"
#include "support/SandboxFixture.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace rmsam;

namespace {

QString dataFile(const QString& name)
{
    return qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/") + name;
}

struct Read
{
    ParsedHrRoster parsed;
    QHash<QString, RosterEmployee> employees; // by key
};

Read readRoster(QIODevice* device, const HrRosterOptions& options = {})
{
    Read r;
    r.parsed = HrRosters::read(device, options, QDate(2026, 6, 1), [&r](const ListedEmployee& e) {
        r.employees.insert(e.key, e.employee);
        return Result<void> {};
    });
    return r;
}

Read readFile(const QString& name, const HrRosterOptions& options = {})
{
    QFile file(dataFile(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(name));
        return {};
    }
    return readRoster(&file, options);
}

Read readText(const QByteArray& text, const HrRosterOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return readRoster(&buffer, options);
}

} // namespace

class TestRoster : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    IntegrationProfile m_profile;
    // Seat holders chosen for the roster's cases, all active collaborators but the admin.
    SoftwareSubscription m_missing, m_gone, m_aliased, m_upperCase, m_futureEnd, m_admin;
    QTemporaryDir m_files;

    QList<RemovalCandidate> candidates() const
    {
        return ReclamationRepository(*m_database).candidates(m_profile.id).value();
    }

    std::optional<RemovalCandidate> candidateOf(const SoftwareSubscription& s) const
    {
        for (const RemovalCandidate& c : candidates()) {
            if (c.userId == s.userId && !Candidates::isClosed(c.state)) {
                return c;
            }
        }
        return std::nullopt;
    }

    // The users of the open candidates, sorted.
    QStringList openCandidates() const
    {
        QStringList users;
        for (const RemovalCandidate& c : candidates()) {
            if (!Candidates::isClosed(c.state)) {
                users.append(c.userId);
            }
        }
        users.sort();
        return users;
    }

    test::CliRun cli(const QStringList& words)
    {
        return test::CliRunner(m_backend.location(m_dataDir), m_tokens->service()).run(words);
    }

    // Every seat holder but the missing one and the admin, with the other cases as they say.
    QString writeRoster()
    {
        QByteArray text = "Employee ID,Work Email,Employment Status,Termination Date\n";
        const QList<SubscriptionRecord> holders
            = Reclamation::seatHolders(*m_database, m_profile.id).value().holding;
        int n = 0;
        for (const SubscriptionRecord& r : holders) {
            const SoftwareSubscription& s = r.subscription;
            QString email = s.email;
            QString status = QStringLiteral("Active");
            QString end;
            if (s.userId == m_missing.userId || s.userId == m_admin.userId) {
                continue;
            }
            if (s.userId == m_gone.userId) {
                status = QStringLiteral("Terminated");
                end = QStringLiteral("2025/06/30");
            } else if (s.userId == m_aliased.userId) {
                email = QStringLiteral("someone.else@corp.example");
            } else if (s.userId == m_upperCase.userId) {
                email = s.email.toUpper();
            } else if (s.userId == m_futureEnd.userId) {
                end = QStringLiteral("2999-01-01");
            }
            text += QStringLiteral("E%1,%2,%3,%4\n").arg(++n).arg(email, status, end).toUtf8();
        }
        const QString path = m_files.filePath(QStringLiteral("roster.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
            qWarning("cannot write the roster");
        }
        return path;
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 60;
        options.seed = 17;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-roster-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // Six users who logged in yesterday (so no rule of activity flags them), one an admin.
        QList<SandboxUser*> chosen;
        SandboxUser* admin = nullptr;
        for (qsizetype i = 0; i < m_sandbox->account().users().size(); ++i) {
            SandboxUser& u = m_sandbox->account().userAt(i);
            if (u.isInvited || u.email.isEmpty()) {
                continue;
            }
            if (u.accountRole == QLatin1String("collaborator") && chosen.size() < 5) {
                chosen.append(&u);
            } else if (u.accountRole == QLatin1String("account_admin") && !admin) {
                admin = &u;
            } else {
                continue;
            }
            u.lastLogin = QDateTime::currentDateTimeUtc().addDays(-1);
        }
        QVERIFY(chosen.size() == 5 && admin);
        m_profile = publishedProfile({ .name = QStringLiteral("Roster"), .sync = true });
        QVERIFY(m_profile.id != 0);
        const auto subscription = [this](const SandboxUser* u) {
            for (const SubscriptionRecord& r :
                Reclamation::seatHolders(*m_database, m_profile.id).value().holding) {
                if (r.subscription.userId == u->id) {
                    return r.subscription;
                }
            }
            qWarning("not a seat holder: %s", qPrintable(u->id));
            return SoftwareSubscription {};
        };
        m_missing = subscription(chosen.at(0));
        m_gone = subscription(chosen.at(1));
        m_aliased = subscription(chosen.at(2));
        m_upperCase = subscription(chosen.at(3));
        m_futureEnd = subscription(chosen.at(4));
        m_admin = subscription(admin);
        QVERIFY(m_files.isValid());
    }

    // The reader ------------------------------------------------------------------------------

    void readsEnglishHeaders()
    {
        const Read r = readFile(QStringLiteral("roster-utf8.csv"));
        QVERIFY2(r.parsed.roster, qPrintable(r.parsed.error ? r.parsed.error->message : QString()));
        QCOMPARE(r.parsed.roster->employees, 4);
        QCOMPARE(r.parsed.roster->leavers, 1);
        QCOMPARE(r.parsed.roster->encoding, QStringLiteral("UTF-8"));
        QVERIFY(r.employees.value(QStringLiteral("jose@example.com")).left); // Terminated, case-folded
        QVERIFY(!r.employees.value(QStringLiteral("ann@example.com")).left); // On Leave: employed
        QVERIFY(r.employees.contains(QStringLiteral("bob@example.com")));
    }

    void readsCp932WithJapaneseHeaders()
    {
        const Read r = readFile(QStringLiteral("roster-cp932.csv"));
        QVERIFY2(r.parsed.roster, qPrintable(r.parsed.error ? r.parsed.error->message : QString()));
        QCOMPARE(r.parsed.roster->encoding, QStringLiteral("Shift_JIS"));
        QCOMPARE(r.parsed.roster->employees, 4);
        QCOMPARE(r.parsed.roster->leavers, 1);
        const RosterEmployee hanako = r.employees.value(QStringLiteral("hanako.sato@example.co.jp"));
        QVERIFY(hanako.left);
        QCOMPARE(hanako.endDate, QDate(2025, 12, 31));
        QVERIFY(!r.employees.value(QStringLiteral("ichiro.suzuki@example.co.jp")).left); // 休職
        QCOMPARE(
            r.employees.value(QStringLiteral("misaki.takahashi@example.co.jp")).endDate, QDate(2099, 3, 31));
    }

    void readsEndDatesWithoutAStatus()
    {
        const Read r = readFile(QStringLiteral("roster-end-date.csv"));
        QVERIFY2(r.parsed.roster, qPrintable(r.parsed.error ? r.parsed.error->message : QString()));
        QCOMPARE(r.parsed.roster->employees, 5);
        QCOMPARE(r.parsed.roster->leavers, 3); // before 2026-06-01: bob, cy, ed
        QCOMPARE(r.employees.value(QStringLiteral("cy@example.com")).endDate, QDate(2024, 1, 31));
        QCOMPARE(r.employees.value(QStringLiteral("ed@example.com")).endDate, QDate(2024, 2, 29));
        QVERIFY(!r.employees.value(QStringLiteral("ann@example.com")).endDate.isValid());
    }

    void refusesWhatItCannotReadSafely()
    {
        const Read malformed = readFile(QStringLiteral("roster-malformed.csv"));
        QVERIFY(!malformed.parsed.roster);
        QCOMPARE(malformed.parsed.error->code, ErrorCode::InvalidFile);
        for (const char* line : { "Line 3", "Line 4", "Line 5" }) {
            QVERIFY2(malformed.parsed.error->message.contains(QLatin1String(line)),
                qPrintable(malformed.parsed.error->message));
        }
        const Read ambiguous = readFile(QStringLiteral("roster-ambiguous-date.csv"));
        QVERIFY(!ambiguous.parsed.roster);
        QVERIFY(ambiguous.parsed.error->message.contains(QLatin1String("03/04/2024")));
        QVERIFY(!readText("Work Email\n").parsed.roster); // a header only
    }

    void asksWhichColumnWhenNotFound()
    {
        const Read r = readText("Name,Login,State\nA,a@example.com,Active\nB,b@example.com,Left\n");
        QVERIFY(!r.parsed.roster);
        QVERIFY(r.parsed.columnsNotFound);
        QCOMPARE(r.parsed.headers, QStringList({ "Name", "Login", "State" }));
        QCOMPARE(r.parsed.sampleRows.size(), 2);
        const Read chosen = readText("Name,Login,State\nA,a@example.com,Active\nB,b@example.com,Left\n",
            { QStringLiteral("2"), QStringLiteral("State"), {} });
        QVERIFY2(
            chosen.parsed.roster, qPrintable(chosen.parsed.error ? chosen.parsed.error->message : QString()));
        QCOMPARE(chosen.parsed.roster->leavers, 1);
        // A column asked for by name that is not there is asked about, not ignored.
        const Read wrong
            = readFile(QStringLiteral("roster-utf8.csv"), { {}, {}, QStringLiteral("Last day") });
        QVERIFY(!wrong.parsed.roster);
        QVERIFY(wrong.parsed.columnsNotFound);
    }

    void tellsARosterFromTheUserReport()
    {
        QVERIFY(HrRosters::looksLikeRoster({ "Employee ID", "Work Email", "Employment Status" }));
        QVERIFY(HrRosters::looksLikeRoster({ "社員番号", "メールアドレス", "在籍状況", "退職日" }));
        QVERIFY(HrRosters::looksLikeRoster({ "Name", "Email" }));
        QVERIFY(
            !HrRosters::looksLikeRoster({ "First Name", "Last Name", "Email", "Account Role", "Status" }));
        QVERIFY(!HrRosters::looksLikeRoster({ "Name", "Department" }));
    }

    // Candidates ------------------------------------------------------------------------------

    void withoutARosterNothingChanges()
    {
        QVERIFY(!m_service->roster(m_profile.id).value());
        for (const RemovalCandidate& c : candidates()) {
            QVERIFY(!c.leaver);
        }
        for (const SoftwareSubscription* s : { &m_missing, &m_gone, &m_aliased, &m_admin }) {
            QVERIFY(!candidateOf(*s));
        }
        QVERIFY(Reports::build(*m_database, m_profile.id, { ReportKind::Roster })
                    .value()[ReportKind::Roster]
                    .rows.isEmpty());
        const test::CliRun shown = cli({ QStringLiteral("roster"), QStringLiteral("show"),
            QStringLiteral("--profile"), m_profile.displayName });
        QCOMPARE(shown.code, 0);
        QVERIFY(shown.out.contains(QLatin1String("No HR roster")));
    }

    void leaversBecomeCandidatesFirst()
    {
        // The alias before the roster, typed in another case than Roadmunk's.
        QVERIFY(m_service->addRosterAlias(
            m_profile.id, m_aliased.email.toUpper(), QStringLiteral("Someone.Else@corp.example")));
        const ParsedHrRoster parsed = m_service->attachRoster(m_profile.id, writeRoster(), {});
        QVERIFY2(parsed.roster, qPrintable(parsed.error ? parsed.error->message : QString()));
        QCOMPARE(parsed.roster->leavers, 1);

        const auto missing = candidateOf(m_missing);
        QVERIFY(missing);
        QCOMPARE(missing->justification, QStringLiteral("Not on the HR roster"));
        QVERIFY(missing->leaver);
        QCOMPARE(missing->state, CandidateState::Ready);
        const auto gone = candidateOf(m_gone);
        QVERIFY(gone);
        QCOMPARE(gone->justification, QStringLiteral("Left on 2025-06-30"));
        QCOMPARE(Justifications::display(gone->justification), gone->justification);
        // Admins never; an alias, another case or an end date to come are on the roster.
        for (const SoftwareSubscription* s : { &m_admin, &m_aliased, &m_upperCase, &m_futureEnd }) {
            QVERIFY2(!candidateOf(*s), qPrintable(s->email));
        }
        // Leavers come first, whatever their number.
        const QList<RemovalCandidate> list = candidates();
        QVERIFY(list.size() > 2);
        bool others = false;
        for (const RemovalCandidate& c : list) {
            QVERIFY2(!(c.leaver && others), "a leaver listed after another candidate");
            others = others || !c.leaver;
        }
        QVERIFY(list.at(0).leaver && list.at(1).leaver);

        const Report report
            = Reports::build(*m_database, m_profile.id, { ReportKind::Roster }).value()[ReportKind::Roster];
        QCOMPARE(report.headers,
            QStringList({ "Email", "Display Name", "Role", "Reason", "Roster Status", "End Date" }));
        QStringList listed;
        for (const QList<QVariant>& row : report.rows) {
            listed.append(row.at(0).toString());
        }
        listed.sort();
        QStringList expected { m_missing.email, m_gone.email, m_admin.email };
        expected.sort();
        QCOMPARE(listed, expected); // the admin holds a seat the roster does not explain
    }

    // A leaver who logged in yesterday: the reclaim run's last-moment check sees the activity
    // and sends the candidate to a person (Attention Required), deactivating nobody, instead of
    // cancelling a candidate the next sync would only flag again.
    void anActiveLeaverGoesToAPersonNotToRoadmunk()
    {
        const auto gone = candidateOf(m_gone);
        QVERIFY(gone && gone->state == CandidateState::Ready);
        ReclaimOptions options;
        options.dryRun = false;
        options.actor = QStringLiteral("test admin");
        options.confirmed
            = QList<PlannedCandidate> { { gone->number, gone->userId, gone->state, gone->rowVersion } };
        ReclaimJob job(*m_database, m_profile, m_sandbox->token(), options);
        std::optional<ReclaimOutcome> outcome;
        connect(&job, &ReclaimJob::finished, this, [&outcome](const ReclaimOutcome& o) { outcome = o; });
        job.start();
        QVERIFY(QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000));
        QVERIFY2(!outcome->error, qPrintable(outcome->error ? outcome->error->message : QString()));
        QCOMPARE(outcome->count(ReclaimItem::Outcome::NeedsAttention), 1);
        QVERIFY(m_sandbox->account().deactivatedIds().isEmpty());
        const auto after = candidateOf(m_gone);
        QVERIFY(after);
        QCOMPARE(after->state, CandidateState::AttentionRequired);
        // The next evaluation leaves it with the person.
        QVERIFY(m_services->reclamationService().evaluate(m_profile.id));
        QCOMPARE(candidateOf(m_gone)->state, CandidateState::AttentionRequired);
    }

    void aRefusedRosterChangesNothing()
    {
        const QList<RemovalCandidate> before = candidates();
        const ParsedHrRoster parsed
            = m_service->attachRoster(m_profile.id, dataFile(QStringLiteral("roster-malformed.csv")), {});
        QVERIFY(!parsed.roster);
        const auto kept = m_service->roster(m_profile.id).value();
        QVERIFY(kept);
        QCOMPARE(kept->fileName, QStringLiteral("roster.csv"));
        QVERIFY(kept->employees > 50);
        QCOMPARE(candidates().size(), before.size());
        QVERIFY(candidateOf(m_missing));
    }

    // A roster listing fewer than half of the seat holders (a partial export, another
    // department's list) is refused unless the admin says so; exactly half is attached. Aliases
    // count: the aliased seat holder is listed under the roster's address.
    void aPartialRosterIsAttachedOnlyWhenTheAdminSaysSo()
    {
        QStringList holders;
        for (const SubscriptionRecord& r :
            Reclamation::seatHolders(*m_database, m_profile.id).value().holding) {
            const QString& id = r.subscription.userId;
            if (id != m_aliased.userId && id != m_missing.userId && !holders.contains(r.subscription.email)) {
                holders.append(r.subscription.email);
            }
        }
        const int seatHolders = int(holders.size()) + 2; // with the aliased and the missing one
        QVERIFY(seatHolders > 20);
        const auto write = [this](const QString& name, const QStringList& emails) {
            QByteArray text = "Work Email,Employment Status\nsomeone.else@corp.example,Active\n";
            for (const QString& email : emails) {
                text += email.toUtf8() + ",Active\n";
            }
            const QString path = m_files.filePath(name);
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() ? path : QString();
        };
        const int half = (seatHolders + 1) / 2; // listed * 2 >= seat holders
        const QString tooFew = write(QStringLiteral("too-few.csv"), holders.mid(0, half - 2));
        const QStringList before = openCandidates();

        const ParsedHrRoster refused = m_service->attachRoster(m_profile.id, tooFew, {});
        QVERIFY(!refused.roster);
        QVERIFY(refused.partial);
        QCOMPARE(refused.partial->seatHolders, seatHolders);
        QCOMPARE(refused.partial->listed, half - 1);
        QCOMPARE(refused.error->code, ErrorCode::Conflict);
        QVERIFY2(refused.error->message.startsWith(
                     QStringLiteral("The HR roster lists only %1 of the profile's %2 seat holder")
                         .arg(half - 1)
                         .arg(seatHolders)),
            qPrintable(refused.error->message));
        QCOMPARE(m_service->roster(m_profile.id).value()->fileName, QStringLiteral("roster.csv"));
        QCOMPARE(openCandidates(), before);

        const ParsedHrRoster exactlyHalf = m_service->attachRoster(
            m_profile.id, write(QStringLiteral("half.csv"), holders.mid(0, half - 1)), {});
        QVERIFY2(exactlyHalf.roster, qPrintable(exactlyHalf.error ? exactlyHalf.error->message : QString()));
        QVERIFY(!exactlyHalf.partial);

        HrRosterOptions anyway;
        anyway.allowPartial = true;
        const ParsedHrRoster attached = m_service->attachRoster(m_profile.id, tooFew, anyway);
        QVERIFY2(attached.roster, qPrintable(attached.error ? attached.error->message : QString()));
        QCOMPARE(m_service->roster(m_profile.id).value()->fileName, QStringLiteral("too-few.csv"));
        QCOMPARE(candidateOf(m_missing)->justification, QStringLiteral("Not on the HR roster"));

        // Back to the whole roster for the tests after this one.
        QVERIFY(m_service->attachRoster(m_profile.id, writeRoster(), {}).roster);
        QCOMPARE(openCandidates(), before);
    }

    void theCommandLine()
    {
        const QString name = m_profile.displayName;
        const test::CliRun bad = cli({ QStringLiteral("roster"), QStringLiteral("attach"),
            QStringLiteral("--profile"), name, dataFile(QStringLiteral("roster-malformed.csv")) });
        QCOMPARE(bad.code, int(ExitInvalidFile)); // as attach-report: a refused file
        QCOMPARE(m_service->roster(m_profile.id).value()->fileName, QStringLiteral("roster.csv"));

        const test::CliRun shown
            = cli({ QStringLiteral("roster"), QStringLiteral("show"), QStringLiteral("--profile"), name });
        QVERIFY2(shown.code == 0, qPrintable(test::describe(shown)));
        QVERIFY(shown.out.contains(QLatin1String("roster.csv")));
        QVERIFY(shown.out.contains(QLatin1String("Leavers: 1")));

        const test::CliRun aliases = cli({ QStringLiteral("roster"), QStringLiteral("alias"),
            QStringLiteral("list"), QStringLiteral("--profile"), name });
        QCOMPARE(aliases.code, 0);
        QVERIFY(aliases.out.contains(
            m_aliased.email.toCaseFolded() + QStringLiteral("\tsomeone.else@corp.example")));
        const test::CliRun unknown = cli({ QStringLiteral("roster"), QStringLiteral("alias"),
            QStringLiteral("remove"), QStringLiteral("--profile"), name, QStringLiteral("--user"),
            QStringLiteral("nobody@example.com") });
        QVERIFY(unknown.code != 0);

        const test::CliRun exported = cli({ QStringLiteral("export"), QStringLiteral("--profile"), name,
            QStringLiteral("--report"), QStringLiteral("roster") });
        QVERIFY2(exported.code == 0, qPrintable(test::describe(exported)));
        QVERIFY(
            exported.out.contains(QLatin1String("Email,Display Name,Role,Reason,Roster Status,End Date")));
        QVERIFY(exported.out.contains(m_missing.email + QLatin1Char(',')));
        QVERIFY(exported.out.contains(QLatin1String("Left on 2025-06-30")));

        // Without the alias, the aliased user is not on the roster.
        const test::CliRun removed
            = cli({ QStringLiteral("roster"), QStringLiteral("alias"), QStringLiteral("remove"),
                QStringLiteral("--profile"), name, QStringLiteral("--user"), m_aliased.email });
        QVERIFY2(removed.code == 0, qPrintable(test::describe(removed)));
        QCOMPARE(candidateOf(m_aliased)->justification, QStringLiteral("Not on the HR roster"));

        // roster-utf8.csv lists none of the sandbox's seat holders: refused, then attached when
        // the admin says so.
        const test::CliRun partial = cli({ QStringLiteral("roster"), QStringLiteral("attach"),
            QStringLiteral("--profile"), name, dataFile(QStringLiteral("roster-utf8.csv")) });
        QCOMPARE(partial.code, int(ExitFailure));
        QVERIFY2(partial.err.contains(QLatin1String("The HR roster lists only 0 of the profile's")),
            qPrintable(partial.err));
        QVERIFY(partial.err.contains(QLatin1String("--allow-partial")));
        QCOMPARE(m_service->roster(m_profile.id).value()->fileName, QStringLiteral("roster.csv"));
        const test::CliRun attached
            = cli({ QStringLiteral("roster"), QStringLiteral("attach"), QStringLiteral("--profile"), name,
                QStringLiteral("--allow-partial"), dataFile(QStringLiteral("roster-utf8.csv")) });
        QVERIFY2(attached.code == 0, qPrintable(test::describe(attached)));
        QVERIFY(attached.err.contains(QLatin1String("4 employee")));

        // Detached, the roster's candidates of active users are closed; the rule alone decides.
        const test::CliRun detached
            = cli({ QStringLiteral("roster"), QStringLiteral("detach"), QStringLiteral("--profile"), name });
        QVERIFY2(detached.code == 0, qPrintable(test::describe(detached)));
        QVERIFY(!m_service->roster(m_profile.id).value());
        QVERIFY(!candidateOf(m_missing));
        // The leaver sent to a person by the reclaim run stays with them; only a person closes it.
        QCOMPARE(candidateOf(m_gone)->state, CandidateState::AttentionRequired);
        for (const RemovalCandidate& c : candidates()) {
            QVERIFY(!c.leaver || Candidates::isClosed(c.state) || c.userId == m_gone.userId);
        }
    }

    // Attaching, replacing and removing the roster and its aliases are in the change log.
    void theChangeLogSaysWhatChanged()
    {
        const auto entries
            = ChangeLogRepository(*m_database).entries(m_profile.id, 0, ChangeLogRepository::Order::Oldest);
        QVERIFY(entries);
        QStringList seen;
        for (const ChangeLogEntry& e : entries.value()) {
            if (e.table.startsWith(QLatin1String("hr_roster"))) {
                seen << e.table + QLatin1Char(' ') + e.operation + QLatin1Char(' ')
                        + ChangeLogText::display(e.summary);
            }
        }
        const QString all = seen.join(QLatin1Char('\n'));
        for (const QString& expected : { QStringLiteral("hr_roster insert HR roster attached: roster.csv ("),
                 QStringLiteral(
                     "hr_roster update HR roster replaced: roster-utf8.csv (4 employees, 1 leavers)"),
                 QStringLiteral("hr_roster delete HR roster removed: roster-utf8.csv"),
                 QStringLiteral("hr_roster_alias insert roster alias added: someone.else@corp.example"),
                 QStringLiteral("hr_roster_alias delete roster alias removed: someone.else@corp.example") }) {
            QVERIFY2(all.contains(expected), qPrintable(all));
        }
    }
};

QTEST_GUILESS_MAIN(TestRoster)
#include "tst_roster.moc"
