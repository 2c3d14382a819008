// The setup wizard driven end to end offscreen against the sandbox and the real keychain:
// token → profile → region → validate → publish, ending with a Published profile. Also the
// profile form's state rules and the main window's profile list.
#include "MainWindow.h"
#include "ProfileForm.h"
#include "ProfileTabs.h"
#include "RecordTable.h"
#include "SetupWizard.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "storage/Database.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"
#include "support/SandboxFixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
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
        QVERIFY(window.exportTo(exported));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFUser ID,Email,"));
        const QString csv = QString::fromUtf8(bytes);
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 26);
        QVERIFY(csv.contains(email));
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
        QVERIFY2(report->text().startsWith(QStringLiteral("shift-jis.csv: 3 users, 2 active")),
            qPrintable(report->text()));

        // A refused file says why and leaves the attached one in place.
        QVERIFY(drop(data + QStringLiteral("ragged.csv")));
        QVERIFY(child<QLabel>(&form, "messageLabel")->text().contains(QStringLiteral("Line 3")));
        QVERIFY(report->text().startsWith(QStringLiteral("shift-jis.csv")));

        // Unknown headers: the admin is asked which columns to use.
        QStringList offered;
        form.setChooseColumns([&offered](const QStringList& headers, QString* email, QString* status) {
            offered = headers;
            *email = QStringLiteral("Login");
            *status = QStringLiteral("State");
            return true;
        });
        QVERIFY(drop(data + QStringLiteral("no-email-column.csv")));
        QCOMPARE(offered,
            (QStringList { QStringLiteral("Name"), QStringLiteral("Login"), QStringLiteral("State") }));
        QVERIFY(report->text().startsWith(QStringLiteral("no-email-column.csv: 1 users, 1 active")));
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
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
