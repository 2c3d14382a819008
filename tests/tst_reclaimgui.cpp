// The Removal candidates tab and the Reclaim dialog, offscreen, against the sandbox and the
// real keychain: buttons follow the state machine, the dry run deactivates nobody, Deactivate
// stays disabled until the number of users is typed, and a confirmed run deactivates exactly
// the previewed users. With Reclaim subscriptions off, Reclaim is disabled and says why.
#include "CandidatesPanel.h"
#include "DashboardView.h"
#include "ExclusionsPanel.h"
#include "ProfileForm.h"
#include "ProfileTabs.h"
#include "ReclaimDialog.h"
#include "ReclamationSettingsDialog.h"
#include "RecordTable.h"
#include "sandbox/SandboxServer.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "support/BreakableData.h"
#include "support/PostgresCluster.h"
#include "support/SandboxFixture.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>
#include <QUuid>

using namespace rmsam;
using rmsam::test::BreakableData;

class TestReclaimGui : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    // Presses Deactivate and waits for the run to end: whether it ended.
    static bool pressDeactivate(ReclaimDialog& dialog)
    {
        QTest::mouseClick(dialog.reclaimButton(), Qt::LeftButton);
        return QTest::qWaitFor([&dialog] { return !dialog.isRunning() && !dialog.outcome().dryRun; }, 60000);
    }

    // The dialog `parent` opened (open(), not exec()) and shows now.
    template<typename T> static T* shown(QWidget* parent, const char* name)
    {
        T* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (T* d : parent->findChildren<T*>(QLatin1String(name))) {
                    if (d->isVisible()) {
                        found = d;
                        return true;
                    }
                }
                return false;
            },
            5000);
        return found;
    }

    static QStringList storedExclusions(Database& database)
    {
        QStringList values;
        for (const ExclusionRule& r : ExclusionRepository(database).list().value()) {
            values.append(Exclusions::kindCode(r.kind) + QLatin1Char(' ') + r.value);
        }
        return values;
    }

    // The row of the Exclusion rules table that shows `value`, or -1.
    static int exclusionRow(ExclusionsPanel* panel, const QString& value)
    {
        const QAbstractItemModel* model = panel->table()->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 1).data(RecordTableModel::RawRole).toString() == value) {
                return row;
            }
        }
        return -1;
    }

    static void selectRow(CandidatesPanel* panel, int row)
    {
        QTableView* view = panel->table()->view();
        view->setCurrentIndex(view->model()->index(row, 0));
    }

    // With `table` on the current tab, choosing profile `to` after `from` shows the table's first
    // rows, saying so, then all of them.
    static void firstRowsThenAll(ProfileTabs& tabs, RecordTable* table, qint64 from, qint64 to)
    {
        tabs.openProfile(from);
        QTRY_VERIFY_WITH_TIMEOUT(!tabs.isLoading(), 30000);
        QSignalSpy resets(table->model(), &QAbstractItemModel::modelReset);
        QStringList counted;
        QObject context;
        QObject::connect(table, &RecordTable::countChanged, &context,
            [&counted](const QString& text) { counted.append(text); });
        tabs.openProfile(to);
        QTRY_VERIFY_WITH_TIMEOUT(!tabs.isLoading(), 30000);
        QCOMPARE(resets.size(), 3); // cleared, the first rows, all rows
        QVERIFY2(
            counted.filter(QStringLiteral("Loading… the first")).size() == 1, qPrintable(counted.join('|')));
        QVERIFY(!table->showsFirstRowsOnly());
    }

    // What a table shows first is the whole table's first rows.
    void previewIsTheFirstRows(qint64 profileId, ReportKind kind)
    {
        const Report whole = m_services->reportService().reports(profileId, { kind }).value().value(kind);
        QVERIFY(whole.rows.size() > 3);
        const auto first = m_services->reportService().preview(profileId, kind, 3);
        QVERIFY(first && first.value());
        QCOMPARE(first.value()->rows, whole.rows.mid(0, 3));
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 120;
        options.seed = 3;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-reclaim-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void actionsFollowTheStateMachine()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("actions"), .sync = true });
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        CandidatesPanel* panel = tabs.candidates();
        QVERIFY(panel);
        QVERIFY(panel->table()->model()->totalRowCount() > 0);
        QVERIFY(panel->reclaimButton()->isEnabled());
        QVERIFY(!panel->actionButton(CandidateAction::Skip)->isEnabled()); // nothing selected
        selectRow(panel, 0);
        const qint64 number = *panel->selectedNumber();
        QVERIFY(panel->actionButton(CandidateAction::Skip)->isEnabled());
        QVERIFY(!panel->actionButton(CandidateAction::UserKeeps)->isEnabled()); // Ready, not Awaiting User
        QVERIFY(!panel->actionButton(CandidateAction::Approve)->isEnabled());

        QVERIFY(panel->apply(CandidateAction::Skip, QStringLiteral("contractor, ends next month")).ok());
        QCOMPARE(ReclamationRepository(*m_database).candidate(number).value().state,
            CandidateState::ClosedSkipped);
        // The table was reloaded; the skipped candidate, selected again, allows nothing.
        for (int row = 0; row < panel->table()->model()->rowCount(); ++row) {
            selectRow(panel, row);
            if (panel->selectedNumber() == number) {
                break;
            }
        }
        QCOMPARE(panel->selectedNumber(), number);
        QVERIFY(!panel->actionButton(CandidateAction::Skip)->isEnabled());
        QVERIFY(!panel->actionButton(CandidateAction::Close)->isEnabled());
        const auto history = ReclamationRepository(*m_database).history(number).value();
        QCOMPARE(history.last().note, QStringLiteral("contractor, ends next month"));
    }

    void exclusionsAreAddedAndRemovedInTheirTab()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("exclusions"), .sync = true });
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        ExclusionsPanel* panel = tabs.exclusions();
        QVERIFY(panel);
        QVERIFY(tabs.indexOf(panel) >= 0);
        QVERIFY(panel->addUserButton()->isEnabled()); // the local database: every action allowed
        QVERIFY(!panel->removeButton()->isEnabled()); // nothing selected
        const RemovalCandidate ready = [&] {
            for (const RemovalCandidate& c : ReclamationRepository(*m_database).candidates(p.id).value()) {
                if (c.state == CandidateState::Ready) {
                    return c;
                }
            }
            return RemovalCandidate {};
        }();
        QVERIFY(!ready.email.isEmpty());
        const QStringList before = storedExclusions(*m_database);
        const QString value = ready.email.trimmed().toCaseFolded();

        // Add user…: the address typed (in capitals) is stored as compared, and the row appears.
        panel->addUserButton()->click();
        auto* ask = shown<QInputDialog>(panel, "exclusionValueDialog");
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("  ") + ready.email.toUpper());
        ask->accept();
        QVERIFY(storedExclusions(*m_database).contains(QStringLiteral("user ") + value));
        const int row = exclusionRow(panel, value);
        QVERIFY2(row >= 0, qPrintable(value));
        QCOMPARE(panel->table()->view()->model()->index(row, 3).data(RecordTableModel::RawRole).toInt(), 1);
        // The profile on screen was evaluated at once: its candidate is closed, not reclaimed.
        QCOMPARE(ReclamationRepository(*m_database).candidate(ready.number).value().state,
            CandidateState::ClosedSkipped);

        // The Delete key on the row asks first; No keeps the rule, Yes removes it.
        QTableView* view = panel->table()->view();
        view->setCurrentIndex(view->model()->index(row, 0));
        QVERIFY(panel->removeButton()->isEnabled());
        QCOMPARE(panel->selectedRule()->kind, ExclusionRule::Kind::User);
        QTest::keyClick(view, Qt::Key_Delete);
        auto* confirmation = shown<QMessageBox>(panel, "exclusionConfirmation");
        QVERIFY(confirmation);
        QVERIFY(confirmation->text().contains(value));
        confirmation->button(QMessageBox::Cancel)->click();
        QVERIFY(storedExclusions(*m_database).contains(QStringLiteral("user ") + value));
        QTest::keyClick(view, Qt::Key_Delete);
        confirmation = shown<QMessageBox>(panel, "exclusionConfirmation");
        QVERIFY(confirmation);
        confirmation->findChild<QPushButton*>(QStringLiteral("confirmExclusionButton"))->click();
        QCOMPARE(storedExclusions(*m_database), before);
        QCOMPARE(exclusionRow(panel, value), -1);
    }

    void addressesAreCheckedAndIdentifiersExcludedToo()
    {
        const IntegrationProfile p
            = publishedProfile({ .name = QStringLiteral("exclusions refused"), .sync = true });
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        ExclusionsPanel* panel = tabs.exclusions();
        const QStringList before = storedExclusions(*m_database);
        const QString email = ReclamationRepository(*m_database).candidates(p.id).value().value(0).email;
        QVERIFY(!email.isEmpty());
        const QString value = email.trimmed().toCaseFolded();

        // Not an address: refused with what is wrong and what is expected, nothing stored.
        panel->addUserButton()->click();
        auto* ask = shown<QInputDialog>(panel, "exclusionValueDialog");
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("a b@x.com"));
        ask->accept();
        auto* warning = shown<QMessageBox>(panel, "exclusionWarning");
        QVERIFY(warning);
        QVERIFY2(warning->text().contains(QStringLiteral("\"a b@x.com\" is not an email address"))
                && warning->text().contains(QStringLiteral("name@example.com")),
            qPrintable(warning->text()));
        warning->accept();
        QCOMPARE(storedExclusions(*m_database), before);

        // From a row elsewhere ("Exclude this user"): a bad address is refused before asking,
        // a good one is asked about and then stored.
        panel->excludeUser(QStringLiteral("bob"));
        warning = shown<QMessageBox>(panel, "exclusionWarning");
        QVERIFY(warning && warning->text().contains(QStringLiteral("\"bob\"")));
        for (const QMessageBox* box :
            panel->findChildren<QMessageBox*>(QStringLiteral("exclusionConfirmation"))) {
            QVERIFY(!box->isVisible());
        }
        warning->accept();
        QCOMPARE(storedExclusions(*m_database), before);
        // The row menu of the candidates' table offers it for the user in the row.
        tabs.show();
        RecordTable* candidates = tabs.table(QStringLiteral("candidatesTable"));
        int row = -1;
        for (int r = 0; r < candidates->model()->rowCount() && row < 0; ++r) {
            row = candidates->rawValue(r, QStringLiteral("Email")).toString() == email ? r : -1;
        }
        QVERIFY(row >= 0);
        bool offered = false;
        connect(candidates, &RecordTable::rowMenuRequested, this, [&offered](QMenu* menu, int) {
            if (auto* exclude = menu->findChild<QAction*>(QStringLiteral("excludeThisUserAction"))) {
                offered = exclude->isEnabled();
                exclude->trigger();
            }
            QTimer::singleShot(0, menu, &QMenu::close);
        });
        candidates->view()->scrollTo(candidates->model()->index(row, 0));
        emit candidates->view()->customContextMenuRequested(
            candidates->view()->visualRect(candidates->model()->index(row, 1)).center());
        QVERIFY(offered);
        auto* confirmation = shown<QMessageBox>(panel, "exclusionConfirmation");
        QVERIFY(confirmation);
        QVERIFY(confirmation->text().contains(email));
        confirmation->findChild<QPushButton*>(QStringLiteral("confirmExclusionButton"))->click();
        QVERIFY(storedExclusions(*m_database).contains(QStringLiteral("user ") + value));
        QVERIFY(exclusionRow(panel, value) >= 0);

        // Add identifier…, then Remove: the same for a subscription identifier.
        panel->addIdentifierButton()->click();
        ask = shown<QInputDialog>(panel, "exclusionValueDialog");
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("Reviewer"));
        ask->accept();
        QVERIFY(storedExclusions(*m_database).contains(QStringLiteral("identifier reviewer")));
        QTableView* view = panel->table()->view();
        view->setCurrentIndex(view->model()->index(exclusionRow(panel, QStringLiteral("reviewer")), 0));
        QCOMPARE(panel->selectedRule()->kind, ExclusionRule::Kind::Identifier);
        panel->removeButton()->click();
        confirmation = shown<QMessageBox>(panel, "exclusionConfirmation");
        QVERIFY(confirmation);
        confirmation->findChild<QPushButton*>(QStringLiteral("confirmExclusionButton"))->click();
        QVERIFY(!storedExclusions(*m_database).contains(QStringLiteral("identifier reviewer")));
        QVERIFY(panel->remove(ExclusionRule::Kind::User, value).ok());
        QCOMPARE(storedExclusions(*m_database), before);
    }

    void dryRunThenTypedConfirmationDeactivatesThePreviewedUsers()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("confirm"), .sync = true });
        ReclaimDialog dialog(*m_services, p);
        dialog.maxField()->setValue(3);
        QCOMPARE(dialog.deactivationCount(), 3);
        QCOMPARE(dialog.table()->model()->totalRowCount(), 3);
        QStringList previewed;
        for (const ReclaimItem& i : dialog.outcome().items) {
            previewed.append(i.candidate.userId);
        }
        QVERIFY(m_sandbox->account().deactivatedIds().isEmpty());
        QVERIFY(!dialog.reclaimButton()->isEnabled());
        dialog.confirmField()->setText(QStringLiteral("2"));
        QVERIFY(!dialog.reclaimButton()->isEnabled());
        dialog.confirmField()->setText(QStringLiteral("3"));
        QVERIFY(dialog.reclaimButton()->isEnabled());
        QVERIFY(pressDeactivate(dialog));
        QVERIFY2(!dialog.outcome().error,
            qPrintable(dialog.outcome().error ? dialog.outcome().error->message : ""));
        QCOMPARE(dialog.outcome().count(ReclaimItem::Outcome::Deactivated), 3);
        QStringList gone = m_sandbox->account().deactivatedIds();
        gone.sort();
        previewed.sort();
        QCOMPARE(gone, previewed);
        QVERIFY(!dialog.reclaimButton()->isEnabled());
    }

    // A user left out of the preview is not deactivated; the number to type follows.
    void aUserLeftOutOfThePreviewIsNotDeactivated()
    {
        // An account of its own: other tests deactivate users of the shared one.
        SandboxOptions options;
        options.userCount = 40;
        options.seed = 17;
        const auto sandbox = test::startSandbox(options);
        QVERIFY(sandbox);
        const IntegrationProfile p
            = publishedProfile(*sandbox, { .name = QStringLiteral("left out"), .sync = true });
        ReclaimDialog dialog(*m_services, p);
        dialog.maxField()->setValue(3);
        QCOMPARE(dialog.deactivationCount(), 3);
        const QList<ReclaimItem> preview = dialog.outcome().items;
        QTableView* view = dialog.table()->view();
        int row = -1;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, 0).data().toString() == preview.at(1).candidate.displayNumber()) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        view->selectRow(row);
        QTest::mouseClick(dialog.leaveOutButton(), Qt::LeftButton);
        QCOMPARE(dialog.deactivationCount(), 2);
        QCOMPARE(view->model()->index(row, 6).data().toString(), QStringLiteral("Left out of this run"));
        QVERIFY2(dialog.findChild<QLabel*>(QStringLiteral("reclaimHeading"))
                     ->text()
                     .contains(QRegularExpression(QStringLiteral(
                         "^Dry run: 2 user(s|\\(s\\)) would be deactivated\\. .* 1 left out by you\\."))),
            qPrintable(dialog.findChild<QLabel*>(QStringLiteral("reclaimHeading"))->text()));
        dialog.confirmField()->setText(QStringLiteral("3"));
        QVERIFY(!dialog.reclaimButton()->isEnabled());
        // Space on the table takes the user back, and leaves them out again.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        view->setFocus();
        view->selectRow(row);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(dialog.deactivationCount(), 3);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(dialog.deactivationCount(), 2);
        const QStringList before = sandbox->account().deactivatedIds();
        dialog.confirmField()->setText(QStringLiteral("2"));
        QVERIFY(dialog.reclaimButton()->isEnabled());
        QVERIFY(pressDeactivate(dialog));
        QVERIFY2(!dialog.outcome().error,
            qPrintable(dialog.outcome().error ? dialog.outcome().error->message : ""));
        QStringList gone = sandbox->account().deactivatedIds();
        for (const QString& id : before) {
            gone.removeOne(id);
        }
        gone.sort();
        QStringList expected { preview.at(0).candidate.userId, preview.at(2).candidate.userId };
        expected.sort();
        QCOMPARE(gone, expected);
    }

    // The run is bound to the preview: a candidate that moved after it was shown stops the run
    // before any call, and the dialog says why.
    void aCandidateChangedAfterThePreviewStopsTheRun()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("moved on"), .sync = true });
        ReclaimDialog dialog(*m_services, p);
        dialog.maxField()->setValue(3);
        QCOMPARE(dialog.deactivationCount(), 3);
        const RemovalCandidate moved = dialog.outcome().items.at(1).candidate;
        QVERIFY(ReclamationRepository(*m_database)
                    .apply(moved.number, CandidateAction::Skip, QStringLiteral("another admin"))
                    .ok());
        const QStringList before = m_sandbox->account().deactivatedIds();
        dialog.confirmField()->setText(QStringLiteral("3"));
        QVERIFY(pressDeactivate(dialog));
        QVERIFY(dialog.outcome().error);
        QCOMPARE(dialog.outcome().error->code, ErrorCode::Conflict);
        QCOMPARE(m_sandbox->account().deactivatedIds(), before);
        QVERIFY2(dialog.findChild<QLabel*>(QStringLiteral("reclaimHeading"))
                     ->text()
                     .contains(QStringLiteral("changed after the preview you confirmed")),
            qPrintable(dialog.findChild<QLabel*>(QStringLiteral("reclaimHeading"))->text()));
    }

    void savingsSayWhyTheyAreMissing()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("savings"), .sync = true });
        const auto savings
            = [](ReclaimDialog& d) { return d.findChild<QLabel*>(QStringLiteral("reclaimSavings")); };
        {
            ReclaimDialog dialog(*m_services, p);
            QVERIFY(savings(dialog)->text().contains(QStringLiteral("set entitlements")));
        }
        ReclamationRepository repository(*m_database);
        for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
            Entitlement e;
            e.profileId = p.id;
            e.seatType = type;
            e.owned = 10;
            e.price = 12;
            e.period = Entitlement::Period::Month;
            e.currency = QStringLiteral("EUR");
            QVERIFY(repository.saveEntitlement(e).ok());
        }
        {
            ReclaimDialog dialog(*m_services, p);
            QVERIFY(dialog.deactivationCount() > 0);
            QVERIFY2(savings(dialog)->text().startsWith(QStringLiteral("Savings per year: EUR ")),
                qPrintable(savings(dialog)->text()));
        }
        // With the notice on, this run only notifies: nothing is saved yet, and the entitlements
        // are not to blame.
        ReclamationRule rule = repository.rule(p.id).value();
        rule.notifyUser = true;
        QVERIFY(repository.saveRule(rule).ok());
        ReclaimDialog dialog(*m_services, p);
        QCOMPARE(dialog.deactivationCount(), 0);
        QCOMPARE(savings(dialog)->text(),
            QStringLiteral("Savings per year: none from this run, which deactivates nobody."));
    }

    void reclaimIsDisabledWithTheReasonWhenTheSubflowIsOff()
    {
        const IntegrationProfile p = publishedProfile(
            { .name = QStringLiteral("subflow off"), .reclaimSubscriptions = false, .sync = true });
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        CandidatesPanel* panel = tabs.candidates();
        QVERIFY(panel->table()->model()->totalRowCount() > 0); // still created
        QVERIFY(!panel->reclaimButton()->isEnabled());
        QVERIFY(panel->reclaimDisabledReason().contains(QStringLiteral("Reclaim subscriptions is off")));
        ReclaimDialog dialog(*m_services, p);
        QVERIFY(dialog.deactivationCount() > 0);
        dialog.confirmField()->setText(QString::number(dialog.deactivationCount()));
        QVERIFY(!dialog.reclaimButton()->isEnabled());
    }

    void theProfileFormSetsTheJobSettings()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("jobs"), .sync = true });
        ProfileTabs tabs(*m_services);
        tabs.showProfile(p.id);
        ProfileForm* form = tabs.form();
        auto* at = form->findChild<QTimeEdit*>(QStringLiteral("subscriptionsAtEdit"));
        auto* inFlight = form->findChild<QSpinBox*>(QStringLiteral("inFlightSpin"));
        auto* age = form->findChild<QSpinBox*>(QStringLiteral("reportAgeSpin"));
        auto* largest = form->findChild<QSpinBox*>(QStringLiteral("maxResponseSpin"));
        QVERIFY(at && inFlight && age && largest);
        QCOMPARE(largest->value(), IntegrationProfile::DefaultMaxResponseMb);
        QVERIFY(at->isEnabled()); // published: the daily job exists
        QCOMPARE(inFlight->value(), IntegrationProfile::DefaultMaxInFlight);
        at->setTime(QTime(5, 30));
        inFlight->setValue(8);
        age->setValue(14);
        largest->setValue(2);
        QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        const IntegrationProfile stored = ProfileRepository(*m_database).find(p.id).value();
        QCOMPARE(stored.maxInFlight, 8);
        QCOMPARE(stored.reportMaxAgeDays, 14);
        QCOMPARE(stored.maxResponseMb, 2);
        QCOMPARE(stored.maxResponseBytes(), qint64(2) * 1024 * 1024);
        bool found = false;
        for (const ScheduledJob& j : JobRepository(*m_database).scheduledJobs(p.id).value()) {
            if (j.kind == JobKind::Subscriptions) {
                QCOMPARE(j.runAt, QTime(5, 30));
                found = true;
            }
        }
        QVERIFY(found);
        inFlight->setMaximum(99);
        inFlight->setValue(40); // beyond what the rules allow: refused, nothing stored
        QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        QCOMPARE(ProfileRepository(*m_database).find(p.id).value().maxInFlight, 8);
        QVERIFY(
            form->findChild<QLabel*>(QStringLiteral("messageLabel"))->text().contains(QStringLiteral("16")));
    }

    void tableLayoutsAreRemembered()
    {
        const QString name = QStringLiteral("layoutTest") + QUuid::createUuid().toString(QUuid::Id128);
        const QList<RecordTableModel::Column> columns { { QStringLiteral("A"), QStringLiteral("A") },
            { QStringLiteral("B"), QStringLiteral("B") }, { QStringLiteral("C"), QStringLiteral("C") } };
        {
            RecordTable table(name, columns);
            QVERIFY(!table.view()->isColumnHidden(1));
            table.view()->setColumnHidden(1, true);
            table.view()->horizontalHeader()->resizeSection(2, 321);
        }
        RecordTable again(name, columns);
        QVERIFY(again.view()->isColumnHidden(1));
        QCOMPARE(again.view()->horizontalHeader()->sectionSize(2), 321);
    }

    void settingsDialogStoresTheRuleAndEntitlements()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("settings"), .sync = true });
        ReclamationSettingsDialog dialog(m_services->reclamationService(), p.id);
        dialog.findChild<QSpinBox*>(QStringLiteral("ruleThreshold"))->setValue(90);
        dialog.findChild<QCheckBox*>(QStringLiteral("ruleRole_reviewer"))->setChecked(false);
        auto* owned = dialog.findChild<QSpinBox*>(QStringLiteral("owned_reviewer"));
        owned->setValue(12);
        auto* currency = dialog.findChild<QLineEdit*>(QStringLiteral("currency_reviewer"));
        currency->setText(QStringLiteral("eur"));
        // Not checked as set: no entitlement for reviewers is stored.
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const ReclamationRule rule = ReclamationRepository(*m_database).rule(p.id).value();
        QCOMPARE(rule.thresholdDays, 90);
        QCOMPARE(rule.rolesInScope, QStringList { QStringLiteral("collaborator") });
        QVERIFY(ReclamationRepository(*m_database).entitlements(p.id).value().isEmpty());

        ReclamationSettingsDialog again(m_services->reclamationService(), p.id);
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("ruleThreshold"))->value(), 90);
        const auto boxes = again.findChildren<QCheckBox*>();
        for (QCheckBox* box : boxes) {
            if (box->text() == SeatTypes::displayName(SeatType::Reviewer)) {
                box->setChecked(true);
            }
        }
        again.findChild<QSpinBox*>(QStringLiteral("owned_reviewer"))->setValue(12);
        again.findChild<QLineEdit*>(QStringLiteral("currency_reviewer"))->setText(QStringLiteral("eu"));
        again.accept();
        QVERIFY(again.result() != int(QDialog::Accepted)); // "EU" is not a currency code
        again.findChild<QLineEdit*>(QStringLiteral("currency_reviewer"))->setText(QStringLiteral("eur"));
        again.accept();
        const QList<Entitlement> stored = ReclamationRepository(*m_database).entitlements(p.id).value();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().owned, 12);
        QCOMPARE(stored.first().currency, QStringLiteral("EUR"));

        // Clearing the seat type's box removes its entitlement.
        ReclamationSettingsDialog third(m_services->reclamationService(), p.id);
        for (QCheckBox* box : third.findChildren<QCheckBox*>()) {
            if (box->text() == SeatTypes::displayName(SeatType::Reviewer)) {
                QVERIFY(box->isChecked());
                box->setChecked(false);
            }
        }
        third.accept();
        QVERIFY(ReclamationRepository(*m_database).entitlements(p.id).value().isEmpty());
    }

    // The contract's term: a date is stored only while its box is checked, and read back into
    // the fields; the term fields follow the seat type's box.
    void settingsDialogStoresTheTerm()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("term") });
        ReclamationSettingsDialog dialog(m_services->reclamationService(), p.id);
        auto* renews = dialog.findChild<QCheckBox*>(QStringLiteral("renews_collaborator"));
        auto* renewal = dialog.findChild<QDateEdit*>(QStringLiteral("renewal_collaborator"));
        auto* termStarts = dialog.findChild<QCheckBox*>(QStringLiteral("termStarts_collaborator"));
        auto* termStart = dialog.findChild<QDateEdit*>(QStringLiteral("termStart_collaborator"));
        auto* notice = dialog.findChild<QSpinBox*>(QStringLiteral("noticeDays_collaborator"));
        auto* buffer = dialog.findChild<QSpinBox*>(QStringLiteral("buffer_collaborator"));
        QVERIFY(renews && renewal && termStarts && termStart && notice && buffer);
        QCOMPARE(buffer->value(), Entitlement::DefaultBufferPercent);
        QVERIFY(!renews->isEnabled()); // no entitlement for collaborators yet
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->text() == SeatTypes::displayName(SeatType::CollaboratorType)) {
                box->setChecked(true);
            }
        }
        QVERIFY(renews->isEnabled());
        QVERIFY(!renewal->isEnabled()); // "none" until Renews on is checked
        renews->setChecked(true);
        QVERIFY(renewal->isEnabled());
        renewal->setDate(QDate(2027, 3, 31));
        notice->setValue(45);
        buffer->setValue(15);
        dialog.findChild<QSpinBox*>(QStringLiteral("owned_collaborator"))->setValue(20);
        // A term that starts after it renews is refused, and nothing is stored.
        termStarts->setChecked(true);
        termStart->setDate(QDate(2027, 4, 1));
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(ReclamationRepository(*m_database).entitlements(p.id).value().isEmpty());
        termStarts->setChecked(false); // not known
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QList<Entitlement> stored = ReclamationRepository(*m_database).entitlements(p.id).value();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().renewal, QDate(2027, 3, 31));
        QVERIFY(!stored.first().termStart.isValid());
        QCOMPARE(stored.first().noticeDays, 45);
        QCOMPARE(stored.first().bufferPercent, 15);

        ReclamationSettingsDialog again(m_services->reclamationService(), p.id);
        QVERIFY(again.findChild<QCheckBox*>(QStringLiteral("renews_collaborator"))->isChecked());
        QCOMPARE(
            again.findChild<QDateEdit*>(QStringLiteral("renewal_collaborator"))->date(), QDate(2027, 3, 31));
        QVERIFY(!again.findChild<QCheckBox*>(QStringLiteral("termStarts_collaborator"))->isChecked());
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("noticeDays_collaborator"))->value(), 45);
        // Cleared, the renewal date is forgotten.
        again.findChild<QCheckBox*>(QStringLiteral("renews_collaborator"))->setChecked(false);
        again.accept();
        stored = ReclamationRepository(*m_database).entitlements(p.id).value();
        QCOMPARE(stored.size(), 1);
        QVERIFY(!stored.first().renewal.isValid());
        QCOMPARE(stored.first().noticeDays, 45);
    }

    // Someone else saves the rule while the dialog is open: Save says who and when, overwrites
    // nothing, and shows what they saved; saved again from there, it is stored.
    void settingsDialogRefusesAStaleSave()
    {
        const IntegrationProfile p
            = publishedProfile({ .name = QStringLiteral("stale settings"), .sync = false });
        ReclamationSettingsDialog dialog(m_services->reclamationService(), p.id);
        auto* threshold = dialog.findChild<QSpinBox*>(QStringLiteral("ruleThreshold"));
        ReclamationRule other = ReclamationRepository(*m_database).rule(p.id).value();
        other.thresholdDays = 120;
        QVERIFY(ReclamationRepository(*m_database).saveRule(other).ok());

        threshold->setValue(30);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        const QString problem
            = dialog.findChild<QLabel*>(QStringLiteral("reclamationSettingsProblem"))->text();
        QVERIFY2(problem.startsWith(QStringLiteral("Changed by %1 at ")
                                        .arg(m_backend.postgreSql() ? test::PostgresCluster::superuser()
                                                                    : Database::operatingSystemAccount())),
            qPrintable(problem));
        QVERIFY(problem.endsWith(QStringLiteral("since you opened it. Reload and try again.")));
        QCOMPARE(ReclamationRepository(*m_database).rule(p.id).value().thresholdDays, 120);
        QCOMPARE(threshold->value(), 120); // reloaded

        threshold->setValue(30);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(ReclamationRepository(*m_database).rule(p.id).value().thresholdDays, 30);
    }

    // A table that cannot be read is named on the screen, and defaults never replace what is
    // stored.
    // The window reads a profile's tables in a worker thread: the rows it shows are those a
    // blocking read shows, the previous profile's rows go at once, a load that a newer one
    // superseded shows nothing, and a refresh after a sync shows the new rows.
    void tablesLoadInTheBackground()
    {
        const IntegrationProfile a
            = publishedProfile({ .name = QStringLiteral("background a"), .sync = true });
        const IntegrationProfile b
            = publishedProfile({ .name = QStringLiteral("background b"), .sync = true });
        const auto counts = [](ProfileTabs& tabs) {
            QHash<QString, int> rows;
            for (RecordTable* t : tabs.tables()) {
                rows.insert(t->objectName(), t->model()->totalRowCount());
            }
            return rows;
        };
        ProfileTabs expected(*m_services);
        expected.showProfile(b.id);
        QVERIFY(expected.table(QStringLiteral("subscriptionsTable"))->model()->totalRowCount() > 0);
        QVERIFY(expected.candidates()->table()->model()->totalRowCount() > 0);

        ProfileTabs tabs(*m_services);
        tabs.setCurrentWidget(tabs.candidates());
        tabs.showProfile(a.id);
        QVERIFY(tabs.candidates()->table()->model()->totalRowCount() > 0);
        tabs.openProfile(b.id);
        QVERIFY(tabs.isLoading());
        QCOMPARE(tabs.form()->profileId(), b.id);
        for (RecordTable* t : tabs.tables()) {
            QCOMPARE(t->model()->totalRowCount(), 0); // not a's rows under b's name
        }
        QTRY_VERIFY_WITH_TIMEOUT(!tabs.isLoading(), 30000);
        QCOMPARE(counts(tabs), counts(expected));
        QCOMPARE(tabs.dashboard()->figures().seatsHeld, expected.dashboard()->figures().seatsHeld);
        QCOMPARE(tabs.currentReport()->rows.size(), expected.candidates()->table()->model()->totalRowCount());

        // Superseded: only the last profile asked for is shown.
        tabs.openProfile(a.id);
        tabs.openProfile(b.id);
        QTRY_VERIFY_WITH_TIMEOUT(!tabs.isLoading(), 30000);
        QCOMPARE(counts(tabs), counts(expected));

        // A snapshot table on the current tab shows its first rows, saying so, then all of them;
        // so do the removal candidates, in the table's order.
        RecordTable* subscriptions = tabs.table(QStringLiteral("subscriptionsTable"));
        tabs.setCurrentWidget(subscriptions);
        firstRowsThenAll(tabs, subscriptions, a.id, b.id);
        tabs.setCurrentWidget(tabs.candidates());
        firstRowsThenAll(tabs, tabs.candidates()->table(), a.id, b.id);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(counts(tabs), counts(expected));
        for (const ReportKind kind : { ReportKind::Subscriptions, ReportKind::Candidates }) {
            previewIsTheFirstRows(b.id, kind);
            QVERIFY(!QTest::currentTestFailed());
        }
        QVERIFY(!m_services->reportService().preview(b.id, ReportKind::JobResults, 3).value().has_value());

        // A sync after two users left: the refresh shows the new snapshot.
        const int before = tabs.table(QStringLiteral("subscriptionsTable"))->model()->totalRowCount();
        SandboxAccount& account = m_sandbox->account();
        const QList<SandboxUser> leaving = { account.users().at(3), account.users().at(4) };
        QVERIFY(account.removeUser(leaving.at(0).id) && account.removeUser(leaving.at(1).id));
        const auto restore = qScopeGuard([&account, &leaving] {
            account.insertUser(3, leaving.at(0));
            account.insertUser(4, leaving.at(1));
        });
        bool finished = false;
        connect(&m_services->launcher(), &JobLauncher::syncFinished, &tabs,
            [&](qint64 id, const SyncOutcome& outcome) {
                QVERIFY(!outcome.error);
                if (id == b.id) {
                    finished = true;
                    tabs.refreshTables();
                }
            });
        QVERIFY(m_services->launcher().startSync(b.id, {}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(finished && !tabs.isLoading(), 30000);
        QCOMPARE(tabs.table(QStringLiteral("subscriptionsTable"))->model()->totalRowCount(), before - 2);
    }

    void screensSayWhatCouldNotBeRead()
    {
        BreakableData data;
        const QString failed = data.open(QStringLiteral("broken"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Services& services = data.services();
        const IntegrationProfile& p = data.profile();
        ReclamationRule rule = ReclamationRepository(data.direct()).rule(p.id).value();
        rule.thresholdDays = 45;
        QVERIFY(ReclamationRepository(data.direct()).saveRule(rule).ok());
        QVERIFY(data.dropTable(QStringLiteral("entitlement")));
        QVERIFY(data.dropTable(QStringLiteral("scheduled_job")));

        ReclamationSettingsDialog dialog(services.reclamationService(), p.id);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("reclamationSettingsProblem"))->text(),
            QStringLiteral("Cannot read the entitlements."));
        const auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        dialog.findChild<QSpinBox*>(QStringLiteral("ruleThreshold"))->setValue(200);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QCOMPARE(ReclamationRepository(data.direct()).rule(p.id).value().thresholdDays, 45);

        ProfileForm form(services.profileService());
        form.showProfile(p.id);
        QCOMPARE(form.findChild<QLabel*>(QStringLiteral("messageLabel"))->text(),
            QStringLiteral("Cannot read the scheduled jobs."));
        QVERIFY(!form.findChild<QTimeEdit*>(QStringLiteral("subscriptionsAtEdit"))->isEnabled());
    }
};

QTEST_MAIN(TestReclaimGui)
#include "tst_reclaimgui.moc"
