// Notice e-mails and renewal reminders where the admin meets them, offscreen against the sandbox,
// the real keychain and a real SMTP relay (support/SmtpTestServer): the Reclaim dialog sends its
// run's notices, the Removal candidates tab sends a notice when a candidate moves to Awaiting
// User and from *Notice to user… › Send by e-mail*, the daily scheduler sends the notices still
// due after its sync (a sync by hand does not), and the main window shows the renewal reminders.
#include "CandidatesPanel.h"
#include "MainWindow.h"
#include "ProfileTabs.h"
#include "ReclaimDialog.h"
#include "RecordTable.h"
#include "core/Renewal.h"
#include "services/JobLauncher.h"
#include "services/ReclamationService.h"
#include "services/Scheduler.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"
#include "storage/SmtpSettingsRepository.h"
#include "support/SandboxFixture.h"
#include "support/SmtpTestServer.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace rmsam;

class TestNoticeGui : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    std::unique_ptr<test::SmtpTestServer> m_relay;

    // A synced profile on an account of its own whose rule notifies users, and e-mail set up or
    // not. The sandbox is kept in `sandbox`.
    IntegrationProfile notifyingProfile(
        const QString& name, std::unique_ptr<SandboxServer>& sandbox, bool withMail, quint32 seed)
    {
        SandboxOptions options;
        options.userCount = 40;
        options.seed = seed;
        sandbox = test::startSandbox(options);
        if (!sandbox) {
            return {};
        }
        const IntegrationProfile p = publishedProfile(*sandbox, { .name = name, .sync = true });
        ReclamationRepository repository(*m_database);
        ReclamationRule rule = repository.rule(p.id).value();
        rule.notifyUser = true;
        rule.notifyDays = 7;
        if (!repository.saveRule(rule) || !setMail(withMail)) {
            return {};
        }
        return p;
    }

    bool setMail(bool on)
    {
        SmtpSettingsRepository settings(*m_database);
        if (!on) {
            return settings.clear().ok();
        }
        SmtpSettings s = m_relay->settings();
        s.replyTo = QStringLiteral("licences@example.com");
        return settings.save(s).ok();
    }

    QStringList recipientsSince(int seen) const
    {
        QStringList to;
        static const QRegularExpression address(QStringLiteral("<([^>]+)>"));
        for (const QJsonObject& m : m_relay->received().mid(seen)) {
            const QString header = m.value(QStringLiteral("to")).toString();
            const QRegularExpressionMatch named = address.match(header);
            to.append(named.hasMatch() ? named.captured(1) : header.trimmed());
        }
        to.sort();
        return to;
    }

    CandidateState stateOf(qint64 number) const
    {
        return ReclamationRepository(*m_database).candidate(number).value().state;
    }

    // Selects the candidate's row in the panel's table (which reloads after each change).
    static bool select(CandidatesPanel* panel, qint64 number)
    {
        return QTest::qWaitFor(
            [&] {
                QTableView* view = panel->table()->view();
                for (int row = 0; row < view->model()->rowCount(); ++row) {
                    view->setCurrentIndex(view->model()->index(row, 0));
                    if (panel->selectedNumber() == number) {
                        return true;
                    }
                }
                return false;
            },
            5000);
    }

    // What to do with the next modal dialogs, in order (the panel asks with exec()); any other
    // modal dialog is closed and noted, so that a test fails instead of waiting forever.
    QList<std::function<void(QWidget*)>> m_modalAnswers;
    QStringList m_unexpectedModals;
    QTimer m_modalWatch;

    void answerModals()
    {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal) {
            return;
        }
        if (!m_modalAnswers.isEmpty()) {
            m_modalAnswers.takeFirst()(modal);
            return;
        }
        const auto* box = qobject_cast<QMessageBox*>(modal);
        m_unexpectedModals.append(
            modal->windowTitle() + QStringLiteral(": ") + (box ? box->text() : QString()));
        if (auto* dialog = qobject_cast<QDialog*>(modal)) {
            dialog->reject();
        }
    }

    static QString mailStatus(CandidatesPanel* panel)
    {
        return panel->findChild<QLabel*>(QStringLiteral("noticeMailStatus"))->text();
    }

private slots:
    void initTestCase()
    {
        const QString failed = startServices(QStringLiteral("roadmunk-sam-test-noticegui-"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_relay = std::make_unique<test::SmtpTestServer>();
        QVERIFY2(m_relay->start(), qPrintable(m_relay->errorString()));
        connect(&m_modalWatch, &QTimer::timeout, this, &TestNoticeGui::answerModals);
        m_modalWatch.start(20);
    }

    void cleanup()
    {
        const bool allShown = m_modalAnswers.isEmpty();
        const QStringList unexpected = std::exchange(m_unexpectedModals, {});
        m_modalAnswers.clear();
        QVERIFY2(allShown, "a dialog the test expected did not show");
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    // A confirmed run with Notify user moves the previewed users to Awaiting User, deactivates
    // nobody, and sends each of them one notice; the dialog says how many went out.
    void theReclaimDialogSendsItsRunsNotices()
    {
        std::unique_ptr<SandboxServer> sandbox;
        const IntegrationProfile p = notifyingProfile(QStringLiteral("dialog"), sandbox, true, 21);
        QVERIFY(p.id != 0);
        const int seen = int(m_relay->received().size());
        ReclaimDialog dialog(*m_services, p);
        dialog.maxField()->setValue(3);
        QStringList previewed;
        for (const ReclaimItem& i : dialog.outcome().items) {
            QCOMPARE(i.outcome, ReclaimItem::Outcome::WouldNotify);
            previewed.append(i.candidate.email);
        }
        previewed.sort();
        QCOMPARE(previewed.size(), 3);
        dialog.confirmField()->setText(QStringLiteral("3"));
        QVERIFY(dialog.reclaimButton()->isEnabled());
        QTest::mouseClick(dialog.reclaimButton(), Qt::LeftButton);
        auto* heading = dialog.findChild<QLabel*>(QStringLiteral("reclaimHeading"));
        QTRY_VERIFY_WITH_TIMEOUT(
            heading->text().contains(QStringLiteral("Notices: 3 sent, 0 failed.")), 30000);
        m_relay->waitForReceived(seen + 3);
        QCOMPARE(recipientsSince(seen), previewed);
        QVERIFY(sandbox->account().deactivatedIds().isEmpty());
        for (const ReclaimItem& i : dialog.outcome().items) {
            QCOMPARE(stateOf(i.candidate.number), CandidateState::AwaitingUser);
        }
    }

    // Without e-mail the move sends nothing (the admin mails by hand); once e-mail is set up,
    // Notice to user… › Send by e-mail sends it, and a later move sends its own at once.
    void theCandidatesTabSendsTheNotices()
    {
        std::unique_ptr<SandboxServer> sandbox;
        const IntegrationProfile p = notifyingProfile(QStringLiteral("panel"), sandbox, false, 22);
        QVERIFY(p.id != 0);
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        CandidatesPanel* panel = tabs.candidates();
        QTRY_VERIFY(panel->table()->model()->totalRowCount() > 1);
        QList<RemovalCandidate> ready;
        for (const RemovalCandidate& c : ReclamationRepository(*m_database).candidates(p.id).value()) {
            if (c.state == CandidateState::Ready) {
                ready.append(c);
            }
        }
        QVERIFY(ready.size() >= 2);
        const int seen = int(m_relay->received().size());
        const auto markForReclaim = [&](const RemovalCandidate& c) {
            if (!select(panel, c.number)) {
                return false;
            }
            m_modalAnswers.append([](QWidget* note) { qobject_cast<QInputDialog*>(note)->accept(); });
            panel->actionButton(CandidateAction::Reclaim)->click();
            return stateOf(c.number) == CandidateState::AwaitingUser;
        };
        QVERIFY(markForReclaim(ready.at(0)));
        QTest::qWait(200);
        QCOMPARE(m_relay->received().size(), seen); // no e-mail set up: nothing sent

        QVERIFY(setMail(true));
        QVERIFY(select(panel, ready.at(0).number));
        bool clicked = false;
        m_modalAnswers.append([&clicked](QWidget* notice) {
            if (auto* send = notice->findChild<QPushButton*>(QStringLiteral("noticeSendButton"))) {
                clicked = true;
                send->click();
            } else {
                qobject_cast<QDialog*>(notice)->reject();
            }
        });
        panel->findChild<QPushButton*>(QStringLiteral("candidateNotice"))->click();
        QVERIFY(clicked);
        m_relay->waitForReceived(seen + 1);
        QCOMPARE(recipientsSince(seen), QStringList { ready.at(0).email });
        QTRY_VERIFY_WITH_TIMEOUT(mailStatus(panel).startsWith(QStringLiteral("E-mails: 1 sent")), 10000);

        QVERIFY(markForReclaim(ready.at(1)));
        m_relay->waitForReceived(seen + 2);
        QStringList both { ready.at(0).email, ready.at(1).email };
        both.sort();
        QCOMPARE(recipientsSince(seen), both); // the first one not again
        QTRY_VERIFY_WITH_TIMEOUT(mailStatus(panel).startsWith(QStringLiteral("E-mails: 1 sent")), 10000);
    }

    // A notice still due (the candidate moved while e-mail was not set up) goes out after the
    // daily scheduled sync; a sync by hand leaves notices to the admin.
    void theScheduledSyncSendsTheNoticesStillDue()
    {
        std::unique_ptr<SandboxServer> sandbox;
        const IntegrationProfile p = notifyingProfile(QStringLiteral("scheduled"), sandbox, false, 23);
        QVERIFY(p.id != 0);
        ReclamationRepository repository(*m_database);
        std::optional<RemovalCandidate> moved;
        for (const RemovalCandidate& c : repository.candidates(p.id).value()) {
            if (c.state == CandidateState::Ready) {
                moved = repository.apply(c.number, CandidateAction::Reclaim, QStringLiteral("tester"), {})
                            .value();
                break;
            }
        }
        QVERIFY(moved && moved->state == CandidateState::AwaitingUser);
        QVERIFY(setMail(true));
        const int seen = int(m_relay->received().size());
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy noticesRun(&launcher, &JobLauncher::noticesFinished);

        QVERIFY(launcher.startSync(p.id, SyncOptions {}));
        QTRY_VERIFY_WITH_TIMEOUT(!launcher.isSyncing(p.id), 30000);
        QTest::qWait(300);
        QCOMPARE(noticesRun.count(), 0);
        QCOMPARE(m_relay->received().size(), seen);

        QDateTime now = QDateTime::currentDateTime().addDays(2);
        Scheduler scheduler(*m_database, launcher, [&now] { return now; });
        QVERIFY(scheduler.runDueJobs() >= 1); // with the earlier tests' profiles
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(noticesRun.cbegin(), noticesRun.cend(),
                [&p](const QList<QVariant>& args) { return args.at(0).toLongLong() == p.id; }),
            30000);
        m_relay->waitForReceived(seen + 1);
        QCOMPARE(recipientsSince(seen), QStringList { moved->email });
    }

    // The scheduler's renewal reminder reaches the admin: a box over the main window when the
    // desktop has no tray (offscreen has none), and the admin mailbox when e-mail is set up.
    void theMainWindowShowsTheRenewalReminder()
    {
        std::unique_ptr<SandboxServer> sandbox;
        const IntegrationProfile p = notifyingProfile(QStringLiteral("Renewing"), sandbox, true, 24);
        QVERIFY(p.id != 0);
        const QDate today = QDateTime::currentDateTime().date();
        Entitlement e;
        e.profileId = p.id;
        e.seatType = SeatType::CollaboratorType;
        e.owned = 30;
        e.price = 100;
        e.currency = QStringLiteral("EUR");
        e.noticeDays = 30;
        e.renewal = today.addDays(90); // cancel by: in 60 days
        QVERIFY(m_services->reclamationService().saveEntitlement(e));
        const int seen = int(m_relay->received().size());

        MainWindow window(*m_services, {});
        window.show();
        QVERIFY(!m_services->scheduler().remindOfRenewals().isEmpty());
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("renewalReminderBox"))) != nullptr);
        QVERIFY(box->isVisible());
        QCOMPARE(box->windowTitle(), QStringLiteral("Roadmunk seats to review before renewal"));
        QVERIFY2(box->text().contains(QStringLiteral("Renewing"))
                && box->text().contains(today.addDays(60).toString(Qt::ISODate)),
            qPrintable(box->text()));

        const QList<QJsonObject> mailed = m_relay->waitForReceived(seen + 1).mid(seen);
        QCOMPARE(mailed.size(), 1);
        QVERIFY(mailed.first()
                    .value(QStringLiteral("to"))
                    .toString()
                    .contains(QStringLiteral("licences@example.com")));
        QVERIFY(mailed.first().value(QStringLiteral("body")).toString().contains(QStringLiteral("Renewing")));
        box->accept();
    }
};

QTEST_MAIN(TestNoticeGui)
#include "tst_noticegui.moc"
