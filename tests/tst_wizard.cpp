// The setup wizard driven end to end offscreen against the sandbox and the real keychain:
// token → profile → region → validate → publish, ending with a Published profile. Also the
// profile form's state rules and the main window's profile list.
#include "ColumnPicker.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ProfileForm.h"
#include "ProfileListModel.h"
#include "ProfileTabs.h"
#include "RecordTable.h"
#include "SetupWizard.h"
#include "TokenDialog.h"
#include "core/ProfileRules.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/LiveUpdates.h"
#include "services/ProfileService.h"
#include "services/Reports.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"
#include "support/SandboxFixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <optional>

using namespace rmsam;

class TestWizard : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    template<typename T> T* child(QWidget* parent, const char* name)
    {
        T* widget = parent->findChild<T*>(QLatin1String(name));
        if (!widget) {
            qWarning("no child %s", name);
        }
        return widget;
    }

    // The profile wizardReachesPublished() published.
    std::optional<IntegrationProfile> publishedProfile()
    {
        for (const IntegrationProfile& p : m_service->list().value()) {
            if (p.isPublished()) {
                return p;
            }
        }
        return std::nullopt;
    }

    SetupWizard::Defaults demoDefaults()
    {
        return { m_sandbox->token(), QStringLiteral("Demo account"), m_sandbox->endpoint() };
    }

    // Types `token` into the token dialog the form opens, and accepts it.
    static void setTokenThroughTheDialog(ProfileForm& form, const QString& token)
    {
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, &form, [&poll, &token] {
            if (auto* dialog = qobject_cast<TokenDialog*>(QApplication::activeModalWidget())) {
                poll.stop();
                dialog->findChild<QLineEdit*>()->setText(token);
                dialog->accept();
            }
        });
        poll.start();
        form.setToken();
    }

    // A file named `name` in `dir` holding `bytes`; its path, or empty when it cannot be written.
    static QString writtenFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? path : QString();
    }

    // A wheel turn over `w`, as the mouse sends it.
    static void turnWheel(QWidget* w, int steps)
    {
        const QPointF at(w->width() / 2.0, w->height() / 2.0);
        QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(w, &wheel);
    }

    // Answers the form's questions, noting them.
    struct Answers
    {
        QStringList questions;
        QStringList actions;
        bool agree = false;
        void install(ProfileForm& form)
        {
            form.setConfirm([this](const QString& question, const QString& action) {
                questions << question;
                actions << action;
                return agree;
            });
        }
    };

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 25;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-wizard-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        std::optional<KeychainState> state;
        m_tokens->checkAvailability([&state](KeychainState s) { state = s; });
        QVERIFY(QTest::qWaitFor([&state] { return state.has_value(); }, 20000));
        QCOMPARE(*state, KeychainState::Available);
    }

    void wizardReachesPublished()
    {
        SetupWizard wizard(*m_service, demoDefaults());
        wizard.show();
        QCOMPARE(wizard.currentId(), int(SetupWizard::TokenPageId));

        // Token page: masked, with a show/hide toggle, prefilled in the demo.
        auto* token = child<QLineEdit>(&wizard, "tokenEdit");
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        auto* reveal = child<QAction>(&wizard, "revealTokenAction");
        QVERIFY(reveal);
        reveal->toggle();
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        reveal->toggle();
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        token->setText(QString(2561, QLatin1Char('x')));
        QVERIFY(!wizard.currentPage()->isComplete());
        token->setText(m_sandbox->token());
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();

        // Profile page.
        QCOMPARE(wizard.currentId(), int(SetupWizard::ProfilePageId));
        auto* name = child<QLineEdit>(&wizard, "displayNameEdit");
        name->clear();
        QVERIFY(!wizard.currentPage()->isComplete());
        name->setText(QStringLiteral("ウィザード Sandbox"));
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();

        // Region page: the sandbox is chosen in the demo; the Connection URL follows the choice.
        QCOMPARE(wizard.currentId(), int(SetupWizard::RegionPageId));
        auto* region = child<QComboBox>(&wizard, "regionCombo");
        auto* url = child<QLabel>(&wizard, "connectionUrlLabel");
        region->setCurrentIndex(region->findData(QStringLiteral("eu")));
        QCOMPARE(url->text(), QStringLiteral("https://eu-gateway.roadmunk.com/public/graphql"));
        region->setCurrentIndex(region->findData(QStringLiteral("sandbox")));
        QCOMPARE(url->text(), m_sandbox->endpoint().toString());
        wizard.next();

        // Validate page: runs by itself and completes.
        QCOMPARE(wizard.currentId(), int(SetupWizard::ValidatePageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        QVERIFY(wizard.profileId() != 0);
        QVERIFY(child<QLabel>(&wizard, "validateResult")->text().contains(QStringLiteral("can list users")));
        // The first profile for the sandbox's account: nothing to warn about.
        QVERIFY(!child<QLabel>(&wizard, "validateResult")->text().contains(QStringLiteral("already points")));
        auto stored = m_service->find(wizard.profileId());
        QVERIFY(stored);
        QCOMPARE(stored.value().status, ProfileStatus::Draft);
        QVERIFY(stored.value().isValidated());
        wizard.next();

        // Publish page: nothing happens without the explicit confirmation.
        QCOMPARE(wizard.currentId(), int(SetupWizard::PublishPageId));
        QVERIFY(!wizard.currentPage()->isComplete());
        child<QCheckBox>(&wizard, "publishConfirm")->setChecked(true);
        QVERIFY(wizard.currentPage()->isComplete());
        QCOMPARE(m_service->find(wizard.profileId()).value().status, ProfileStatus::Draft);
        wizard.accept();

        auto published = m_service->find(wizard.profileId());
        QCOMPARE(published.value().status, ProfileStatus::Published);
        QCOMPARE(published.value().displayName, QStringLiteral("ウィザード Sandbox"));
        QCOMPARE(published.value().connectionUrl(), m_sandbox->endpoint());
        QVERIFY(token->text().isEmpty()); // the form forgets the token when the wizard closes
    }

    void validationFailureShowsTheCause()
    {
        SetupWizard::Defaults defaults = demoDefaults();
        defaults.token = QString(549, QLatin1Char('k'));
        defaults.displayName = QStringLiteral("Wrong token");
        SetupWizard wizard(*m_service, defaults);
        wizard.show();
        wizard.next();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(SetupWizard::ValidatePageId));
        auto* result = child<QLabel>(&wizard, "validateResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("rejected the API token")), 20000);
        QVERIFY(!wizard.currentPage()->isComplete());
        QVERIFY(child<QPushButton>(&wizard, "retryButton")->isEnabled());
        QCOMPARE(m_service->find(wizard.profileId()).value().isValidated(), false);
    }

    void formShowsActionsByState()
    {
        ProfileInput input;
        input.displayName = QStringLiteral("Form profile");
        input.endpointOverride = m_sandbox->endpoint();
        const qint64 id = m_service->create(input).value().id;

        ProfileForm form(*m_service);
        form.show();
        form.showProfile(id);
        auto* validate = child<QPushButton>(&form, "validateButton");
        auto* publish = child<QPushButton>(&form, "publishButton");
        auto* status = child<QLabel>(&form, "statusLabel");
        QCOMPARE(status->text(), QStringLiteral("Draft"));
        QVERIFY(validate->isVisible());
        QVERIFY(!publish->isVisible()); // not validated yet
        QCOMPARE(child<QLabel>(&form, "tokenStateLabel")->text(), QStringLiteral("Not set"));

        std::optional<Result<void>> stored;
        m_service->setToken(id, m_sandbox->token(), [&stored](Result<void> r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->ok());
        QTRY_VERIFY(child<QLabel>(&form, "tokenStateLabel")
                        ->text()
                        .startsWith(QStringLiteral("Stored in the OS keychain")));
        validate->click();
        QTRY_VERIFY_WITH_TIMEOUT(publish->isVisible(), 20000);
        // The wizard's profile points at the same sandbox account: validated, with a warning.
        QVERIFY2(child<QLabel>(&form, "messageLabel")
                     ->text()
                     .contains(QStringLiteral(
                         "Profile “ウィザード Sandbox” already points at this Roadmunk account (%1/")
                                   .arg(m_sandbox->account().company().id)),
            qPrintable(child<QLabel>(&form, "messageLabel")->text()));

        QStringList asked;
        form.setConfirm([&asked](const QString& q) {
            asked << q;
            return false;
        });
        publish->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(status->text(), QStringLiteral("Draft")); // declined
        form.setConfirm([](const QString&) { return true; });
        publish->click();
        QCOMPARE(status->text(), QStringLiteral("Published"));
        QVERIFY(!validate->isVisible());
        QVERIFY(!publish->isVisible());

        // Clearing Download activity on a published profile returns it to Draft.
        child<QCheckBox>(&form, "downloadActivityCheck")->setChecked(false);
        child<QPushButton>(&form, "saveButton")->click();
        QCOMPARE(status->text(), QStringLiteral("Draft"));
        QVERIFY(validate->isVisible());
        QVERIFY(!publish->isVisible());
        QVERIFY(child<QLabel>(&form, "messageLabel")->text().contains(QStringLiteral("Draft again")));
    }

    void syncNowFillsTheTables()
    {
        // "ウィザード Sandbox" was published by wizardReachesPublished().
        const std::optional<IntegrationProfile> published = publishedProfile();
        QVERIFY(published);
        JobLauncher& sync = m_services->launcher();
        MainWindow window(*m_services, { {}, demoDefaults() });
        window.show();
        window.selectProfile(published->id);
        auto* syncAction = window.findChild<QAction*>(QStringLiteral("syncAction"));
        QVERIFY(syncAction && syncAction->isEnabled());
        // The window names the profile; Esc (the Cancel sync action) stops a running sync.
        QVERIFY(window.windowTitle().startsWith(published->displayName + QStringLiteral(" — ")));
        auto* cancel = window.findChild<QAction*>(QStringLiteral("cancelSyncAction"));
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(cancel->shortcut(), QKeySequence(QKeySequence::Cancel));
        syncAction->trigger();
        QVERIFY(cancel->isEnabled());
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(published->id), 30000);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Sync cancelled."));
        QVERIFY(!cancel->isEnabled());
        syncAction->trigger();
        QVERIFY(sync.isSyncing(published->id));
        QVERIFY(!syncAction->isEnabled()); // one sync at a time per profile
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(published->id), 30000);
        QVERIFY(syncAction->isEnabled());

        ProfileTabs* tabs = window.profileTabs();
        // The window reads the new snapshot in the background after the sync.
        QTRY_VERIFY_WITH_TIMEOUT(!tabs->isLoading(), 30000);
        RecordTable* subscriptions = tabs->table(QStringLiteral("subscriptionsTable"));
        QCOMPARE(subscriptions->model()->totalRowCount(), 25);
        QCOMPARE(tabs->table(QStringLiteral("activityTable"))->model()->rowCount(), 25);
        QCOMPARE(tabs->table(QStringLiteral("jobsTable"))->model()->rowCount(), 2);
        QCOMPARE(tabs->table(QStringLiteral("scheduledTable"))->model()->rowCount(), 2);
        QCOMPARE(tabs->table(QStringLiteral("modelsTable"))->model()->rowCount(), 2);

        // Filter as you type over every column, and sort on any column.
        auto* filter = subscriptions->findChild<QLineEdit*>(QStringLiteral("subscriptionsTableFilter"));
        const QString email = subscriptions->model()->data(subscriptions->model()->index(7, 1)).toString();
        filter->setText(email);
        QCOMPARE(subscriptions->model()->rowCount(), 1);
        QVERIFY(subscriptions->countText().startsWith(QStringLiteral("1 of 25")));
        filter->clear();
        QCOMPARE(subscriptions->model()->rowCount(), 25);
        subscriptions->view()->sortByColumn(9, Qt::DescendingOrder); // Last Activity, newest first
        QCOMPARE(subscriptions->model()->columns().at(9).exportHeader, QStringLiteral("Last Activity"));
        const QDateTime first
            = subscriptions->model()->index(0, 9).data(RecordTableModel::RawRole).toDateTime();
        const QDateTime second
            = subscriptions->model()->index(1, 9).data(RecordTableModel::RawRole).toDateTime();
        QVERIFY(first.isValid());
        QVERIFY(!second.isValid() || first >= second);
        // Typing more of the filter narrows what is shown; the sort order holds.
        filter->setText(QStringLiteral("@"));
        QCOMPARE(subscriptions->model()->rowCount(), 25);
        QCOMPARE(subscriptions->model()->index(0, 9).data(RecordTableModel::RawRole).toDateTime(), first);
        filter->setText(email.left(email.indexOf(QLatin1Char('@')) + 1));
        QVERIFY(subscriptions->model()->rowCount() >= 1);
        QVERIFY(subscriptions->model()->rowCount() < 25);
        filter->clear();

        // Export writes the table with its on-screen headers, values formula-safe.
        tabs->setCurrentWidget(subscriptions);
        QTemporaryDir exportDir;
        const QString exported = exportDir.filePath(QStringLiteral("subscriptions.csv"));
        QVERIFY(window.exportAllTo(exported));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFUser ID,Email,"));
        const QString csv = QString::fromUtf8(bytes);
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 26);
        QVERIFY(csv.contains(email));
        // The status bar counts the rows of the tab shown; the profiles on a tab without a table.
        auto* count = window.findChild<QLabel*>(QStringLiteral("rowCountLabel"));
        QCOMPARE(count->text(), subscriptions->countText());
        tabs->setCurrentWidget(tabs->table(QStringLiteral("jobsTable")));
        QCOMPARE(count->text(), tabs->table(QStringLiteral("jobsTable"))->countText());
        tabs->setCurrentIndex(0);
        QVERIFY2(count->text().contains(QStringLiteral("profile")), qPrintable(count->text()));
        tabs->setCurrentWidget(subscriptions);
        // Ctrl+E writes what is shown: the filtered rows, in the order shown, the columns shown.
        filter->setText(email);
        subscriptions->view()->setColumnHidden(0, true); // User ID
        QVERIFY(window.exportTo(exported));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines
            = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        file.close();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("Email,")), qPrintable(lines.at(0)));
        QVERIFY(lines.at(1).startsWith(email + QLatin1Char(',')));
        const QString exportedMessage = window.statusBar()->currentMessage();
        QVERIFY2(exportedMessage.startsWith(QStringLiteral("Exported 1 of 25 row"))
                && exportedMessage.endsWith(QStringLiteral(" (filtered) to %1.").arg(exported)),
            qPrintable(exportedMessage));
        subscriptions->view()->setColumnHidden(0, false);
        filter->clear();
        tabs->setCurrentIndex(0);
        QVERIFY(!tabs->currentReport()); // the Profile tab has no table to export

        // A User report narrows subscriptions to the users it lists as active.
        QList<QPair<QString, bool>> reportRows;
        const auto& users = m_sandbox->account().users();
        for (int i = 0; i < 15; ++i) {
            reportRows.append({ i % 2 ? users.at(i).email.toUpper() : users.at(i).email, i < 10 });
        }
        QVERIFY(UserReportRepository(*m_database)
                    .attach(published->id, QStringLiteral("users.csv"), QStringLiteral("UTF-8"), reportRows));
        tabs->reloadTables();
        QCOMPARE(subscriptions->model()->totalRowCount(), 10);
        RecordTable* inactive = tabs->table(QStringLiteral("inactiveTable"));
        QCOMPARE(inactive->model()->totalRowCount(), 15); // 5 listed inactive, 10 not listed
        QVERIFY(UserReportRepository(*m_database).detach(published->id));
        tabs->reloadTables();
        QCOMPARE(subscriptions->model()->totalRowCount(), 25);
        QCOMPARE(inactive->model()->totalRowCount(), 0);
    }

    // A much smaller listing is not applied; the window asks, and Accept applies it.
    void aShrunkListingIsAppliedOnlyWhenAccepted()
    {
        const std::optional<IntegrationProfile> published = publishedProfile();
        QVERIFY(published);
        JobLauncher& sync = m_services->launcher();
        MainWindow window(*m_services, { {}, demoDefaults() });
        window.show();
        window.selectProfile(published->id);
        auto* syncAction = window.findChild<QAction*>(QStringLiteral("syncAction"));
        syncAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(published->id), 30000);
        const int before = SubscriptionRepository(*m_database).count(published->id).value();
        QVERIFY(before > 0);

        m_sandbox->setAnomalies(SandboxAnomalies::parse(QStringLiteral("shrink:40")).value());
        syncAction->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = window.findChild<QMessageBox*>(QStringLiteral("acceptShrinkBox"))), 30000);
        QVERIFY(box->text().contains(QStringLiteral("fewer than the last snapshot")));
        QCOMPARE(
            SubscriptionRepository(*m_database).count(published->id).value(), before); // nothing replaced
        QVERIFY(syncAction->isEnabled()); // the refused run is over while the question is open
        box->findChild<QPushButton*>(QStringLiteral("acceptShrink"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(sync.isSyncing(published->id), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(published->id), 30000);
        QCOMPARE(
            SubscriptionRepository(*m_database).count(published->id).value(), before - before * 40 / 100);
        m_sandbox->setAnomalies({});
        syncAction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(published->id), 30000);
        QCOMPARE(SubscriptionRepository(*m_database).count(published->id).value(), before);
    }

    void dropUserReportOnTheForm()
    {
        ProfileInput input;
        input.displayName = QStringLiteral("Drop target");
        const qint64 id = m_service->create(input).value().id;
        ProfileForm form(*m_service);
        form.show();
        form.showProfile(id);
        auto* report = child<QLabel>(&form, "reportLabel");
        QVERIFY(report->text().startsWith(QStringLiteral("No User report attached")));

        auto drop = [&form](const QString& path) {
            QMimeData data;
            data.setUrls({ QUrl::fromLocalFile(path) });
            QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&form, &enter);
            QDropEvent event(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&form, &event);
            return enter.isAccepted() && event.isAccepted();
        };
        const QString data = qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/");
        QVERIFY(drop(data + QStringLiteral("shift-jis.csv")));
        QVERIFY2(
            report->text().startsWith(QStringLiteral("shift-jis.csv: 3 user")), qPrintable(report->text()));

        // Replacing the attached report is asked first, naming both files.
        Answers answers;
        answers.install(form);
        QVERIFY(drop(data + QStringLiteral("ragged.csv")));
        QCOMPARE(answers.actions, QStringList { QStringLiteral("Replace report") });
        QVERIFY2(answers.questions.first().startsWith(
                     QStringLiteral("Replace the attached report \"shift-jis.csv\" (3 user")),
            qPrintable(answers.questions.first()));
        QVERIFY(answers.questions.first().endsWith(QStringLiteral(" with \"ragged.csv\"?")));
        QVERIFY(report->text().startsWith(QStringLiteral("shift-jis.csv"))); // declined
        QVERIFY(child<QLabel>(&form, "messageLabel")->text().contains(QStringLiteral("stays")));
        answers.agree = true;

        // A refused file says why and leaves the attached one in place.
        QVERIFY(drop(data + QStringLiteral("ragged.csv")));
        QVERIFY(child<QLabel>(&form, "messageLabel")->text().contains(QStringLiteral("Line 3")));
        QVERIFY(report->text().startsWith(QStringLiteral("shift-jis.csv")));

        // Unknown headers: the admin is asked which columns to use.
        QStringList offered;
        QList<QStringList> samples;
        form.setChooseColumns(
            [&](const QStringList& headers, const QList<QStringList>& rows, QString* email, QString* status) {
                offered = headers;
                samples = rows;
                *email = QStringLiteral("Login");
                *status = QStringLiteral("State");
                return true;
            });
        QVERIFY(drop(data + QStringLiteral("no-email-column.csv")));
        QCOMPARE(offered,
            (QStringList { QStringLiteral("Name"), QStringLiteral("Login"), QStringLiteral("State") }));
        QCOMPARE(samples,
            (QList<QStringList> {
                { QStringLiteral("A"), QStringLiteral("a@example.com"), QStringLiteral("Active") } }));
        QVERIFY(report->text().startsWith(QStringLiteral("no-email-column.csv: 1 user")));

        // The form is highlighted while a file is over it, not after.
        QMimeData file;
        file.setUrls({ QUrl::fromLocalFile(data + QStringLiteral("utf8.csv")) });
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&form, &enter);
        QVERIFY(form.isDropTarget());
        QVERIFY(form.autoFillBackground());
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(&form, &leave);
        QVERIFY(!form.isDropTarget());
        QVERIFY(!form.autoFillBackground());
        QVERIFY(drop(data + QStringLiteral("utf8.csv")));
        QVERIFY(!form.isDropTarget());

        // A user listed on two lines (in another case) is one user: the message on attaching and
        // the report's line, which reads the stored rows, give the same counts.
        QTemporaryDir twiceDir;
        const QString twice = writtenFile(twiceDir, QStringLiteral("twice.csv"),
            "Email,Status\na@example.com,Active\nb@example.com,Inactive\nA@Example.com,Active\n");
        QVERIFY(!twice.isEmpty());
        QVERIFY(drop(twice));
        // ("user(s)": the tests run without the English plural forms.)
        const QString attached = child<QLabel>(&form, "messageLabel")->text();
        QVERIFY2(attached.startsWith(QStringLiteral("Attached the User report: 2 user"))
                && attached.contains(QStringLiteral(", 1 active.")),
            qPrintable(attached));
        QVERIFY2(report->text().startsWith(QStringLiteral("twice.csv: 2 user"))
                && report->text().contains(QStringLiteral(", 1 active;")),
            qPrintable(report->text()));
    }

    // A dropped HR roster is told from the User report by its header and attached as a roster;
    // its summary shows in the form, and the Roster tab lists the seat holders it does not know.
    void dropRosterOnTheForm()
    {
        const IntegrationProfile profile
            = test::SandboxFixture::publishedProfile({ .name = QStringLiteral("Roster drop"), .sync = true });
        QVERIFY(profile.id != 0);
        ProfileForm form(*m_service);
        form.show();
        form.showProfile(profile.id);
        auto* roster = child<QLabel>(&form, "rosterLabel");
        auto* report = child<QLabel>(&form, "reportLabel");
        QVERIFY(roster->text().startsWith(QStringLiteral("No HR roster attached")));
        QVERIFY(child<QPushButton>(&form, "attachRosterButton")->isEnabled());
        const auto drop = [&form](const QString& path) {
            QMimeData data;
            data.setUrls({ QUrl::fromLocalFile(path) });
            QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&form, &enter);
            QDropEvent event(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(&form, &event);
            return event.isAccepted();
        };
        const QString data = qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/");
        // The test roster lists none of the sandbox's seat holders: attached only when the admin
        // says so, after a question that says how many it lists.
        Answers answers;
        answers.install(form);
        QVERIFY(drop(data + QStringLiteral("roster-cp932.csv")));
        QCOMPARE(answers.actions, QStringList { QStringLiteral("Attach anyway") });
        const int holders = int(Reclamation::seatHolders(*m_database, profile.id).value().holding.size());
        QVERIFY(holders > 1);
        QVERIFY2(
            answers.questions.constLast().startsWith(
                QStringLiteral("The HR roster lists only 0 of the profile's %1 seat holder").arg(holders)),
            qPrintable(answers.questions.constLast()));
        QVERIFY(roster->text().startsWith(QStringLiteral("No HR roster attached")));
        QVERIFY(!m_service->roster(profile.id).value());
        answers.agree = true;
        QVERIFY(drop(data + QStringLiteral("roster-cp932.csv")));
        QVERIFY2(roster->text().startsWith(QStringLiteral("HR roster roster-cp932.csv: 4 employee")),
            qPrintable(roster->text()));
        QVERIFY(report->text().startsWith(QStringLiteral("No User report attached"))); // not taken for one
        // The User report dropped after it is still the User report, and the roster stays.
        QVERIFY(drop(data + QStringLiteral("utf8.csv")));
        QVERIFY2(report->text().startsWith(QStringLiteral("utf8.csv")), qPrintable(report->text()));
        QVERIFY(roster->text().startsWith(QStringLiteral("HR roster roster-cp932.csv")));
        // Replacing the roster is asked first.
        answers = {};
        answers.install(form);
        QVERIFY(drop(data + QStringLiteral("roster-utf8.csv")));
        QCOMPARE(answers.actions, QStringList { QStringLiteral("Replace roster") });
        QVERIFY(roster->text().startsWith(QStringLiteral("HR roster roster-cp932.csv")));

        // Columns the reader does not know: the admin chooses them, the end date included.
        answers.agree = true;
        QTemporaryDir dir;
        const QString odd = writtenFile(dir, QStringLiteral("odd.csv"),
            "Name,Login,Gone\nA,a@example.com,2024-01-31\nB,b@example.com,\n");
        QVERIFY(!odd.isEmpty());
        QStringList offered;
        form.setChooseRosterColumns(
            [&offered](const QStringList& headers, const QList<QStringList>&, HrRosterOptions* columns) {
                offered = headers;
                *columns = { QStringLiteral("2"), {}, QStringLiteral("Gone") };
                return true;
            });
        form.attachRoster(odd);
        QCOMPARE(offered, QStringList({ "Name", "Login", "Gone" }));
        QCOMPARE(answers.actions,
            QStringList({ "Replace roster", "Replace roster", "Attach anyway" })); // still none of them
        QVERIFY2(roster->text().startsWith(QStringLiteral("HR roster odd.csv: 2 employee")),
            qPrintable(roster->text()));
        QCOMPARE(m_service->roster(profile.id).value()->leavers, 1);
        // The picker offers "none" for a roster's optional columns.
        std::unique_ptr<ColumnPicker> picker(ColumnPicker::forRoster({ "Name", "Login", "Gone" }, {}));
        QCOMPARE(picker->statusColumn(), QString());
        QCOMPARE(picker->endDateColumn(), QString());
        QCOMPARE(picker->emailColumn(), QStringLiteral("1"));
        picker->findChild<QComboBox*>(QStringLiteral("endDateColumnCombo"))->setCurrentIndex(3);
        QCOMPARE(picker->endDateColumn(), QStringLiteral("3"));

        // None of the sandbox's users is on that roster: the Roster tab lists every seat holder
        // (with the User report gone, which lists none of them as active either).
        QVERIFY(UserReportRepository(*m_database).detach(profile.id).ok());
        ProfileTabs tabs(*m_services);
        tabs.showProfile(profile.id);
        RecordTable* table = tabs.table(QStringLiteral("rosterTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), holders);
        const int reason = int(Reports::headers(ReportKind::Roster).indexOf(QStringLiteral("Reason")));
        QCOMPARE(table->model()->index(0, reason).data().toString(), QStringLiteral("Not on the HR roster"));

        // The tests after this one find the wizard's profile as the published one.
        std::optional<Result<void>> removed;
        m_service->remove(profile.id, [&removed](const Result<void>& r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        QVERIFY(removed->ok());
    }

    // The column picker shows what each column holds, and guesses the email column by its values.
    void theColumnPickerShowsSampleValues()
    {
        const QStringList headers { QStringLiteral("Name"), QStringLiteral("Mail"), QStringLiteral("State"),
            QString() };
        const QList<QStringList> rows { { QStringLiteral("Ann"), QStringLiteral("a@x.com"),
                                            QStringLiteral("Active"), QString() },
            { QStringLiteral("Bob"), QStringLiteral("b@y.com"), QStringLiteral(" "), QString() },
            { QStringLiteral("C"), QString(40, QLatin1Char('c')) + QStringLiteral("@z.com") } };
        ColumnPicker picker(headers, rows);
        auto* email = picker.findChild<QComboBox*>(QStringLiteral("emailColumnCombo"));
        auto* status = picker.findChild<QComboBox*>(QStringLiteral("statusColumnCombo"));
        QVERIFY(email && status);
        QCOMPARE(email->count(), 4);
        QCOMPARE(email->itemText(0), QStringLiteral("Name — Ann, Bob, C"));
        QCOMPARE(email->itemText(1),
            QStringLiteral("Mail — a@x.com, b@y.com, ") + QString(29, QLatin1Char('c')) + QChar(0x2026));
        QCOMPARE(email->itemText(2), QStringLiteral("State — Active")); // blank values left out
        QCOMPARE(email->itemText(3), QStringLiteral("Column 4"));
        QCOMPARE(picker.emailColumn(), QStringLiteral("2")); // the column holding addresses
        QCOMPARE(picker.statusColumn(), QStringLiteral("1"));
        status->setCurrentIndex(2);
        QCOMPARE(picker.statusColumn(), QStringLiteral("3"));
    }

    void mainWindowListsProfiles()
    {
        MainWindow window(*m_services, { QStringLiteral("Demo banner"), demoDefaults() });
        window.show();
        QTableView* table = window.profileTable();
        const int before = table->model()->rowCount();
        QVERIFY(before >= 3);
        ProfileInput input;
        input.displayName = QStringLiteral("Added later");
        const qint64 id = m_service->create(input).value().id;
        QCOMPARE(table->model()->rowCount(), before + 1);
        window.selectProfile(id);
        QCOMPARE(window.profileForm()->profileId(), id);
        QCOMPARE(
            child<QLineEdit>(window.profileForm(), "displayNameEdit")->text(), QStringLiteral("Added later"));
        QVERIFY(child<QLabel>(&window, "demoBanner")->text().contains(QStringLiteral("Demo banner")));

        SetupWizard* wizard = window.newProfile();
        QVERIFY(wizard->isVisible());
        wizard->reject();
    }

    // The command line writes the same file while the window is open: its changes show within
    // seconds, without a restart; the window's own sync is not reported as news.
    void changesFromTheCommandLineShowWithoutARestart()
    {
        MainWindow window(*m_services, { {}, demoDefaults() });
        window.show();
        QVERIFY(m_services->liveUpdates().start());
        const int before = window.profileTable()->model()->rowCount();
        {
            auto cli = Database::open(m_backend.location(m_dataDir)); // another process's connection
            QVERIFY(cli);
            QVERIFY(ProfileRepository(*cli.value())
                        .create(ProfileRules::makeDraft(
                            QStringLiteral("Made by the CLI"), Region::Europe, QDate::currentDate())));
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.profileTable()->model()->rowCount(), before + 1,
            3 * LiveUpdates::PollMs + LiveUpdates::GatherMs);
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Updated with")),
            qPrintable(window.statusBar()->currentMessage()));

        window.statusBar()->clearMessage();
        const std::optional<IntegrationProfile> published = publishedProfile();
        window.selectProfile(published->id);
        window.findChild<QAction*>(QStringLiteral("syncAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!m_services->launcher().isSyncing(published->id), 30000);
        QTest::qWait(2 * LiveUpdates::PollMs + LiveUpdates::GatherMs);
        QVERIFY2(!window.statusBar()->currentMessage().startsWith(QStringLiteral("Updated with")),
            qPrintable(window.statusBar()->currentMessage()));
    }

    // Desktop conventions: Quit under File, Help › About says where data and tokens are kept;
    // with the tray setting on, closing the window leaves the app running in the tray.
    void menusAboutAndTray()
    {
        MainWindow window(*m_services, { {}, demoDefaults() });
        window.show();
        QStringList menus;
        for (QAction* a : window.menuBar()->actions()) {
            menus << a->text();
        }
        QCOMPARE(menus,
            (QStringList { QStringLiteral("&File"), QStringLiteral("&Profile"), QStringLiteral("&Settings"),
                QStringLiteral("&Help") }));
        QMenu* file = window.menuBar()->actions().first()->menu();
        QVERIFY(file->actions().contains(window.findChild<QAction*>(QStringLiteral("quitAction"))));

        window.findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
        auto* about = window.findChild<QMessageBox*>(QStringLiteral("aboutBox"));
        QVERIFY(about);
        QVERIFY(about->text().contains(QCoreApplication::applicationVersion().isEmpty()
                ? QStringLiteral("Roadmunk SAM")
                : QCoreApplication::applicationVersion()));
        QVERIFY(about->text().contains(QStringLiteral("GNU General Public License")));
        const QString storedAt = m_backend.postgreSql()
            ? QStringLiteral("in the team database postgresql://")
            : QStringLiteral("in the file ") + QDir::toNativeSeparators(m_dataDir.path());
        QVERIFY2(about->text().contains(storedAt), qPrintable(about->text()));
        QVERIFY(about->text().contains(QStringLiteral("Secret Service")));
        about->close();

        // No tray: the setting cannot be turned on, and closing closes.
        auto* keep = window.findChild<QAction*>(QStringLiteral("keepInTrayAction"));
        QVERIFY(!keep->isEnabled());
        QVERIFY(!keep->isChecked()); // off by default
        QSystemTrayIcon tray;
        window.attachTray(&tray);
        QVERIFY(keep->isEnabled());
        QStringList trayActions;
        for (QAction* a : tray.contextMenu()->actions()) {
            if (!a->isSeparator()) {
                trayActions << a->objectName();
            }
        }
        QCOMPARE(trayActions,
            (QStringList { QStringLiteral("trayOpenAction"), QStringLiteral("traySyncAction"),
                QStringLiteral("trayQuitAction") }));
        keep->setChecked(true);
        QVERIFY(!window.close()); // hidden, still running
        QVERIFY(!window.isVisible());
        tray.contextMenu()->findChild<QAction*>(QStringLiteral("trayOpenAction"))->trigger();
        QVERIFY(window.isVisible());
        keep->setChecked(false);
        QVERIFY(QSettings().value(QStringLiteral("tray/keepRunning")).isValid());
        QVERIFY(window.close());
    }

    // A published profile's new token is proven before it replaces the working one; what the
    // admin was typing stays.
    void theFormChecksANewTokenBeforeReplacingIt()
    {
        if (m_backend.postgreSql()) {
            QSKIP("on a team database a member's token is their own, stored as given (tst_services)");
        }
        const IntegrationProfile p
            = SandboxFixture::publishedProfile({ .name = QStringLiteral("Token kept") });
        ProfileForm form(*m_service);
        form.show();
        form.showProfile(p.id);
        auto* name = child<QLineEdit>(&form, "displayNameEdit");
        name->setText(QStringLiteral("Token kept, renamed"));
        QVERIFY(form.hasUnsavedEdits());
        MessageBar* bar = form.messageBar();

        setTokenThroughTheDialog(form, QString(549, QLatin1Char('w')));
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(QStringLiteral("was not stored")), 20000);
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        QVERIFY(bar->text().contains(QStringLiteral("keeps its previous token and stays Published")));
        QCOMPARE(child<QLabel>(&form, "statusLabel")->text(), QStringLiteral("Published"));
        QCOMPARE(m_service->find(p.id).value().status, ProfileStatus::Published);
        QCOMPARE(name->text(), QStringLiteral("Token kept, renamed")); // not thrown away
        QVERIFY(form.hasUnsavedEdits());

        setTokenThroughTheDialog(form, m_sandbox->token());
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(QStringLiteral("The new API token works")), 20000);
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QCOMPARE(m_service->find(p.id).value().status, ProfileStatus::Published);
        QCOMPARE(name->text(), QStringLiteral("Token kept, renamed"));
    }

    // Clearing a published profile's token, changing its region and turning off Download
    // activity say what will happen and wait for the admin's verb.
    void theFormAsksBeforeConsequences()
    {
        const IntegrationProfile p
            = SandboxFixture::publishedProfile({ .name = QStringLiteral("Asked first") });
        ProfileForm form(*m_service);
        form.show();
        form.showProfile(p.id);
        Answers answers;
        answers.install(form);
        auto* tokenState = child<QLabel>(&form, "tokenStateLabel");
        QVERIFY(tokenState->text().startsWith(QStringLiteral("Stored in the OS keychain")));

        form.clearToken();
        QCOMPARE(answers.actions, QStringList { QStringLiteral("Clear token") });
        QVERIFY2(answers.questions.last().contains(m_backend.postgreSql()
                         ? QStringLiteral("stays Published for the other members")
                         : QStringLiteral("goes back to Draft and its scheduled jobs stop")),
            qPrintable(answers.questions.last()));
        QTest::qWait(50); // a keychain answer would arrive by now
        QVERIFY(tokenState->text().startsWith(QStringLiteral("Stored in the OS keychain"))); // declined

        auto* region = child<QComboBox>(&form, "regionCombo");
        region->setCurrentIndex(region->findData(QStringLiteral("eu")));
        child<QPushButton>(&form, "saveButton")->click();
        QCOMPARE(answers.actions.last(), QStringLiteral("Change region"));
        QVERIFY2(answers.questions.last().contains(
                     QStringLiteral("to Europe (eu)? The profile goes back to Draft")),
            qPrintable(answers.questions.last()));
        QCOMPARE(m_service->find(p.id).value().region, p.region); // declined: nothing saved
        QVERIFY(form.hasUnsavedEdits());
        region->setCurrentIndex(region->findData(QStringLiteral("sandbox")));
        QVERIFY(!form.hasUnsavedEdits());

        child<QCheckBox>(&form, "downloadActivityCheck")->setChecked(false);
        child<QPushButton>(&form, "saveButton")->click();
        QCOMPARE(answers.actions.last(), QStringLiteral("Turn off activity"));
        QVERIFY(answers.questions.last().contains(QStringLiteral("Activity already downloaded is kept")));
        QVERIFY(m_service->find(p.id).value().downloadActivity);
        QCOMPARE(child<QLabel>(&form, "statusLabel")->text(), QStringLiteral("Published"));
        answers.agree = true;
        child<QPushButton>(&form, "saveButton")->click();
        QVERIFY(!m_service->find(p.id).value().downloadActivity);
        QCOMPARE(child<QLabel>(&form, "statusLabel")->text(), QStringLiteral("Draft"));
        const int asked = answers.questions.size();
        child<QPushButton>(&form, "saveButton")->click(); // nothing more happens: nothing asked
        QCOMPARE(answers.questions.size(), asked);
    }

    // Scrolling over the form never changes a field the admin did not click into.
    void theWheelLeavesUnfocusedFieldsAlone()
    {
        const IntegrationProfile p = SandboxFixture::publishedProfile({ .name = QStringLiteral("Wheel") });
        QScrollArea area;
        auto* form = new ProfileForm(*m_service);
        area.setWidget(form);
        area.setWidgetResizable(true);
        area.resize(600, 300);
        area.show();
        form->showProfile(p.id);
        auto* at = child<QTimeEdit>(form, "subscriptionsAtEdit");
        QVERIFY(at->isEnabled());
        at->setTime(QTime(2, 0));
        const QList<QWidget*> fields { at, child<QSpinBox>(form, "inFlightSpin"),
            child<QDateEdit>(form, "analyzeFromEdit"), child<QComboBox>(form, "regionCombo") };
        const auto value = [](QWidget* w) {
            if (auto* combo = qobject_cast<QComboBox*>(w)) {
                return QVariant(combo->currentIndex());
            }
            return w->property(qobject_cast<QTimeEdit*>(w) ? "time"
                    : qobject_cast<QDateEdit*>(w)          ? "date"
                                                           : "value");
        };
        for (QWidget* field : fields) {
            QCOMPARE(field->focusPolicy(), Qt::StrongFocus);
            QVERIFY(!field->hasFocus());
            const QVariant before = value(field);
            turnWheel(field, -1);
            turnWheel(field, 1);
            turnWheel(field, 1);
            QCOMPARE(value(field), before);
        }
        QCOMPARE(at->time(), QTime(2, 0));
        // The same turn does change a field without the guard.
        QTimeEdit unguarded;
        unguarded.setTime(QTime(2, 0));
        turnWheel(&unguarded, -1);
        QVERIFY(unguarded.time() != QTime(2, 0));
    }

    // Unsaved edits are marked, and quitting or showing another profile asks about them.
    void unsavedEditsAreMarkedAndAsked()
    {
        const IntegrationProfile p = SandboxFixture::publishedProfile({ .name = QStringLiteral("Unsaved") });
        ProfileInput input;
        input.displayName = QStringLiteral("Unsaved, the other");
        const qint64 other = m_service->create(input).value().id;
        MainWindow window(*m_services, { {}, demoDefaults() });
        window.show();
        window.selectProfile(p.id);
        ProfileForm* form = window.profileForm();
        QCOMPARE(form->profileId(), p.id);
        QVERIFY(!form->hasUnsavedEdits());
        auto* marker = child<QLabel>(form, "unsavedLabel");
        QVERIFY(!marker->isVisible());
        QCOMPARE(window.profileTabs()->tabText(0), QStringLiteral("Prof&ile"));

        auto* inFlight = child<QSpinBox>(form, "inFlightSpin");
        inFlight->setValue(inFlight->value() == 5 ? 6 : 5);
        const int edited = inFlight->value();
        QVERIFY(form->hasUnsavedEdits());
        QVERIFY(marker->isVisible());
        QCOMPARE(window.profileTabs()->tabText(0), QStringLiteral("Prof&ile *"));

        QStringList asked;
        QList<bool> mayCancel;
        ProfileForm::UnsavedAnswer answer = ProfileForm::UnsavedAnswer::Cancel;
        form->setAskUnsaved([&](const QString& question, bool cancel) {
            asked << question;
            mayCancel << cancel;
            return answer;
        });
        QVERIFY(!window.close()); // Cancel: the window stays, with the edit
        QVERIFY(window.isVisible());
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("before quitting")));
        QVERIFY(mayCancel.first());
        QAction* quit = nullptr;
        for (QAction* a : window.findChildren<QAction*>()) {
            quit = a->text() == QStringLiteral("&Quit") ? a : quit;
        }
        QVERIFY(quit);
        quit->trigger();
        QVERIFY(window.isVisible());
        QCOMPARE(asked.size(), 2);
        QCOMPARE(inFlight->value(), edited);

        // Another profile: Cancel stays with the edit; the edit is saved or discarded, as answered.
        window.selectProfile(other);
        QCOMPARE(asked.size(), 3);
        QVERIFY(mayCancel.last());
        QCOMPARE(form->profileId(), p.id);
        QCOMPARE(
            window.profileTable()->currentIndex().data(ProfileListModel::ProfileIdRole).toLongLong(), p.id);
        QCOMPARE(inFlight->value(), edited);
        answer = ProfileForm::UnsavedAnswer::Discard;
        window.selectProfile(other);
        QCOMPARE(asked.size(), 4);
        QCOMPARE(form->profileId(), other);
        QVERIFY(m_service->find(p.id).value().maxInFlight != edited);
        window.selectProfile(p.id);
        QVERIFY(!form->hasUnsavedEdits());
        inFlight->setValue(edited);
        answer = ProfileForm::UnsavedAnswer::Save;
        window.selectProfile(other);
        QCOMPARE(asked.size(), 5);
        QCOMPARE(m_service->find(p.id).value().maxInFlight, edited);
        QCOMPARE(window.profileTabs()->tabText(0), QStringLiteral("Prof&ile"));

        // Save on quitting stores the edit, then closes.
        window.selectProfile(p.id);
        inFlight->setValue(edited + 1);
        QVERIFY(window.close());
        QCOMPARE(asked.size(), 6);
        QCOMPARE(m_service->find(p.id).value().maxInFlight, edited + 1);
    }

    // Outcomes show in a bar at the top of the form, scrolled into view, and can be closed.
    void messagesShowAtTheTop()
    {
        const IntegrationProfile p = SandboxFixture::publishedProfile({ .name = QStringLiteral("Messages") });
        QScrollArea area;
        auto* form = new ProfileForm(*m_service);
        area.setWidget(form);
        area.setWidgetResizable(true);
        area.resize(600, 250);
        area.show();
        form->showProfile(p.id);
        MessageBar* bar = form->messageBar();
        QVERIFY(!bar->isVisible());
        QVERIFY(bar->mapTo(form, QPoint()).y()
            < child<QLineEdit>(form, "displayNameEdit")->mapTo(form, QPoint()).y());
        QScrollBar* scroll = area.verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        scroll->setValue(scroll->maximum()); // at the Save button

        auto* inFlight = child<QSpinBox>(form, "inFlightSpin");
        inFlight->setMaximum(99);
        inFlight->setValue(40); // beyond the rules
        form->save();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        QVERIFY(bar->text().contains(QStringLiteral("16")));
        QCOMPARE(scroll->value(), scroll->minimum());
        QVERIFY(!bar->visibleRegion().isEmpty());

        inFlight->setValue(4);
        scroll->setValue(scroll->maximum());
        form->save();
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QCOMPARE(bar->text(), QStringLiteral("Saved."));
        QCOMPARE(scroll->value(), scroll->minimum());
        child<QToolButton>(form, "messageCloseButton")->click();
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
