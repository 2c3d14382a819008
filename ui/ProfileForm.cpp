#include "ProfileForm.h"

#include "TokenDialog.h"
#include "core/ProfileRules.h"
#include "services/ProfileService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rmsam {

ProfileForm::ProfileForm(ProfileService& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("profileForm"));
    setAcceptDrops(true);
    m_chooseColumns = [this](const QStringList& headers, QString* email, QString* status) {
        bool ok = false;
        *email = QInputDialog::getItem(this, tr("Which column holds the email?"),
            tr("The User report's columns could not be recognised. Email column:"), headers, 0, false, &ok);
        if (!ok) {
            return false;
        }
        *status = QInputDialog::getItem(this, tr("Which column holds the status?"), tr("Status column:"),
            headers, qMin(1, int(headers.size()) - 1), false, &ok);
        return ok;
    };
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(
                   this, tr("Publish"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    // Created in the order Tab moves through them.
    QLayout* identity = buildIdentity();
    QWidget* connection = buildConnectionBox();
    QWidget* subflows = buildSubflowsBox();
    QLayout* actions = buildActions();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(identity);
    layout->addWidget(connection);
    layout->addWidget(subflows);
    layout->addWidget(buildReportBox());
    layout->addWidget(buildJobsBox());
    layout->addWidget(buildPermissionsTable());
    layout->addLayout(actions);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();

    followService();
    setEnabled(false);
}

QLayout* ProfileForm::buildIdentity()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("displayNameEdit"));
    m_name->setAccessibleName(tr("Display Name"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    auto* type = new QLabel(profileTypeName(), this);

    auto* identity = new QFormLayout;
    identity->addRow(tr("&Display Name:"), m_name);
    identity->addRow(tr("Status:"), m_status);
    identity->addRow(tr("Profile Type:"), type);
    return identity;
}

QWidget* ProfileForm::buildConnectionBox()
{
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setAccessibleName(tr("Region"));
    for (Region region : Regions::all()) {
        m_region->addItem(Regions::displayName(region), Regions::code(region));
    }
    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("connectionUrlLabel"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenState = new QLabel(this);
    m_tokenState->setObjectName(QStringLiteral("tokenStateLabel"));
    m_setToken = new QPushButton(tr("Set to&ken…"), this);
    m_clearToken = new QPushButton(tr("C&lear token"), this);
    auto* tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(m_tokenState);
    tokenButtons->addWidget(m_setToken);
    tokenButtons->addWidget(m_clearToken);
    tokenButtons->addStretch();
    auto* connection = new QGroupBox(tr("Connection && Credential"), this);
    auto* connectionForm = new QFormLayout(connection);
    connectionForm->addRow(tr("&Region:"), m_region);
    connectionForm->addRow(tr("Connection URL:"), m_url);
    connectionForm->addRow(tr("API token:"), tokenButtons);
    return connection;
}

QWidget* ProfileForm::buildSubflowsBox()
{
    auto* subscriptions = new QCheckBox(tr("Download subscriptions"), this);
    subscriptions->setChecked(true);
    subscriptions->setEnabled(false);
    subscriptions->setToolTip(tr("Always on: the integration cannot work without it."));
    m_activity = new QCheckBox(tr("Download &activity"), this);
    m_activity->setObjectName(QStringLiteral("downloadActivityCheck"));
    m_analyzeFrom = new QDateEdit(this);
    m_analyzeFrom->setObjectName(QStringLiteral("analyzeFromEdit"));
    m_analyzeFrom->setCalendarPopup(true);
    m_analyzeFrom->setMaximumDate(QDate::currentDate());
    m_analyzeFrom->setAccessibleName(tr("Analyze user activity from"));
    m_reclaim = new QCheckBox(tr("Re&claim subscriptions"), this);
    m_reclaim->setObjectName(QStringLiteral("reclaimCheck"));
    auto* subflows = new QGroupBox(tr("Subflows"), this);
    subflows->setObjectName(QStringLiteral("subflowsBox"));
    auto* subflowForm = new QFormLayout(subflows);
    subflowForm->addRow(subscriptions);
    subflowForm->addRow(m_activity);
    subflowForm->addRow(tr("Analyze user activity &from:"), m_analyzeFrom);
    subflowForm->addRow(m_reclaim);
    return subflows;
}

// Save, Validate Connection, Cancel and Publish, with the progress and the message below them.
QLayout* ProfileForm::buildActions()
{
    m_save = new QPushButton(tr("Sav&e"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_validate = new QPushButton(tr("&Validate Connection"), this);
    m_validate->setObjectName(QStringLiteral("validateButton"));
    m_cancelValidation = new QPushButton(tr("Cancel"), this);
    m_publish = new QPushButton(tr("Publis&h"), this);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addStretch();
    actions->addWidget(m_validate);
    actions->addWidget(m_cancelValidation);
    actions->addWidget(m_publish);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, ConnectionValidator::StepCount);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return actions;
}

void ProfileForm::followService()
{
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        if (m_profile.endpointOverride.isEmpty()) {
            m_url->setText(Regions::gatewayEndpoint(edited().region).toString());
        }
    });
    connect(m_activity, &QCheckBox::toggled, m_analyzeFrom, &QWidget::setEnabled);
    connect(m_save, &QPushButton::clicked, this, &ProfileForm::save);
    connect(m_validate, &QPushButton::clicked, this, &ProfileForm::validateConnection);
    connect(m_cancelValidation, &QPushButton::clicked, this,
        [this] { m_service.cancelValidation(m_profile.id); });
    connect(m_publish, &QPushButton::clicked, this, &ProfileForm::publish);
    connect(m_setToken, &QPushButton::clicked, this, &ProfileForm::setToken);
    connect(m_clearToken, &QPushButton::clicked, this, &ProfileForm::clearToken);
    // Keychain and validation results change the profile behind the form's back: show the new
    // state without discarding what the admin is typing.
    connect(&m_service, &ProfileService::profilesChanged, this, &ProfileForm::refreshState);
    connect(&m_service, &ProfileService::validationProgress, this,
        [this](qint64 id, int step, int total, const QString& text) {
            if (id == m_profile.id) {
                m_progress->setRange(0, total);
                m_progress->setValue(step);
                showMessage(text, false);
            }
        });
    connect(&m_service, &ProfileService::validationFinished, this,
        [this](qint64 id, const Result<ValidationReport>& result) {
            if (id != m_profile.id) {
                return;
            }
            reload();
            if (result) {
                const ValidationReport& r = result.value();
                QStringList lines { tr("Connection validated: token “%1”, account “%2”. You can publish "
                                       "the profile now.")
                                        .arg(r.tokenName, r.companyName) };
                // A second profile for the account is worth the admin's eye before publishing.
                lines += r.warnings;
                showMessage(lines.join(QStringLiteral("\n\n")), !r.warnings.isEmpty());
            } else {
                showMessage(result.error().message, true);
            }
        });
}

QWidget* ProfileForm::buildReportBox()
{
    auto* box = new QGroupBox(tr("User report"), this);
    m_report = new QLabel(box);
    m_report->setObjectName(QStringLiteral("reportLabel"));
    m_report->setWordWrap(true);
    auto* attach = new QPushButton(tr("Attach &User report…"), box);
    m_attach = attach;
    attach->setObjectName(QStringLiteral("attachReportButton"));
    connect(attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Attach the Roadmunk User report"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty()) {
            attachReport(path);
        }
    });
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(
        new QLabel(tr("Download the \"User\" report in Roadmunk (Account Settings › Reports) and drop "
                      "it here, or attach it: only users it lists as active then count as "
                      "subscriptions."),
            box));
    layout->itemAt(0)->widget()->setProperty("wordWrap", true);
    layout->addWidget(m_report);
    layout->addWidget(attach, 0, Qt::AlignLeft);
    return box;
}

QWidget* ProfileForm::buildJobsBox()
{
    auto* box = new QGroupBox(tr("Jobs"), this);
    box->setObjectName(QStringLiteral("jobsBox"));
    m_subscriptionsAt = new QTimeEdit(box);
    m_subscriptionsAt->setObjectName(QStringLiteral("subscriptionsAtEdit"));
    m_subscriptionsAt->setDisplayFormat(QStringLiteral("HH:mm"));
    m_activityAt = new QTimeEdit(box);
    m_activityAt->setObjectName(QStringLiteral("activityAtEdit"));
    m_activityAt->setDisplayFormat(QStringLiteral("HH:mm"));
    m_inFlight = new QSpinBox(box);
    m_inFlight->setObjectName(QStringLiteral("inFlightSpin"));
    m_inFlight->setRange(1, 16);
    m_inFlight->setToolTip(tr("How many pages are requested at once while downloading."));
    m_reportAge = new QSpinBox(box);
    m_reportAge->setObjectName(QStringLiteral("reportAgeSpin"));
    m_reportAge->setRange(1, 365);
    m_reportAge->setSuffix(tr(" days"));
    m_maxResponse = new QSpinBox(box);
    m_maxResponse->setObjectName(QStringLiteral("maxResponseSpin"));
    m_maxResponse->setRange(1, 256);
    m_maxResponse->setSuffix(tr(" MB"));
    m_maxResponse->setToolTip(
        tr("A larger answer from Roadmunk is refused unread: a page of users is tens of KB."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Download subscriptions runs dail&y at:"), m_subscriptionsAt);
    form->addRow(tr("Refresh activity runs daily a&t:"), m_activityAt);
    form->addRow(tr("Re&quests in flight:"), m_inFlight);
    form->addRow(tr("&Warn when the User report is older than:"), m_reportAge);
    form->addRow(tr("Lar&gest answer read:"), m_maxResponse);
    return box;
}

void ProfileForm::showReportState()
{
    auto report = m_service.userReport(m_profile.id);
    if (!report || !report.value()) {
        m_report->setStyleSheet(QString());
        m_report->setText(report
                ? tr("No User report attached: every user the API lists counts as a subscription.")
                : report.error().message);
        return;
    }
    const AttachedReport& r = *report.value();
    const int age = r.ageInDays(QDateTime::currentDateTimeUtc());
    const bool stale = age > m_profile.reportMaxAgeDays;
    m_report->setStyleSheet(
        stale ? QStringLiteral("color: palette(highlight); font-weight: bold;") : QString());
    m_report->setText(
        tr("%1: %2 users, %3 active; attached %4 (%n day(s) ago).%5", nullptr, age)
            .arg(r.fileName)
            .arg(r.rows)
            .arg(r.activeRows)
            .arg(QLocale().toString(r.attachedAt.toLocalTime(), QLocale::ShortFormat))
            .arg(stale ? tr(" It is older than %1 days: attach a fresh one.").arg(m_profile.reportMaxAgeDays)
                       : QString()));
}

void ProfileForm::attachReport(const QString& path)
{
    UserReportOptions options;
    ParsedUserReport parsed = m_service.attachUserReport(m_profile.id, path, options);
    if (!parsed.report && parsed.columnsNotFound
        && m_chooseColumns(parsed.headers, &options.emailColumn, &options.statusColumn)) {
        parsed = m_service.attachUserReport(m_profile.id, path, options);
    }
    if (!parsed.report) {
        showMessage(parsed.error ? parsed.error->message : tr("The User report was not attached."), true);
        return;
    }
    showReportState();
    showMessage(tr("Attached the User report: %1 users, %2 active.")
                    .arg(parsed.report->users)
                    .arg(parsed.report->activeCount),
        false);
}

void ProfileForm::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    // A member whose role may not attach the report gets no drop either.
    if (urls.size() == 1 && urls.first().isLocalFile() && m_profile.id != 0 && m_attach->isEnabled()) {
        event->acceptProposedAction();
    }
}

void ProfileForm::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        attachReport(urls.first().toLocalFile());
    }
}

QWidget* ProfileForm::buildPermissionsTable()
{
    auto* box = new QGroupBox(tr("Minimal permissions"), this);
    auto* model = new QStandardItemModel(0, 3, box);
    model->setHorizontalHeaderLabels({ tr("Process"), tr("Roadmunk role"), tr("Scopes") });
    const QStringList processes = { tr("Validate connection"), tr("Download subscriptions"),
        tr("Download activity"), tr("Reclaim subscriptions") };
    for (const QString& process : processes) {
        model->appendRow({ new QStandardItem(process), new QStandardItem(tr("Account Admin")),
            new QStandardItem(tr("None")) });
    }
    auto* view = new QTableView(box);
    view->setObjectName(QStringLiteral("permissionsTable"));
    view->setAccessibleName(box->title());
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setMaximumHeight(
        view->horizontalHeader()->height() + 4 * view->verticalHeader()->defaultSectionSize() + 6);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(view);
    return box;
}

void ProfileForm::showProfile(qint64 id)
{
    m_profile = {};
    m_profile.id = id;
    m_message->clear();
    m_progress->setValue(0);
    reload();
}

void ProfileForm::reload()
{
    auto profile = m_service.find(m_profile.id);
    if (!profile) {
        m_profile = {};
        setEnabled(false);
        return;
    }
    m_profile = profile.value();
    setEnabled(true);
    m_name->setText(m_profile.displayName);
    m_status->setText(statusDisplayName(m_profile.status));
    // A sandbox profile's connection is its loopback endpoint, not a region.
    const QString sandbox = QStringLiteral("sandbox");
    const bool isSandbox = !m_profile.endpointOverride.isEmpty();
    if (isSandbox && m_region->findData(sandbox) < 0) {
        m_region->addItem(tr("Sandbox on this computer"), sandbox);
    } else if (!isSandbox && m_region->findData(sandbox) >= 0) {
        m_region->removeItem(m_region->findData(sandbox));
    }
    m_region->setCurrentIndex(m_region->findData(isSandbox ? sandbox : Regions::code(m_profile.region)));
    m_region->setEnabled(m_profile.endpointOverride.isEmpty() && m_profilesRefusal.isEmpty());
    m_url->setText(m_profile.connectionUrl().toString());
    m_activity->setChecked(m_profile.downloadActivity);
    m_analyzeFrom->setDate(m_profile.analyzeActivityFrom);
    m_analyzeFrom->setEnabled(m_profile.downloadActivity);
    m_reclaim->setChecked(m_profile.reclaimSubscriptions);
    m_inFlight->setValue(m_profile.maxInFlight);
    m_reportAge->setValue(m_profile.reportMaxAgeDays);
    m_maxResponse->setValue(m_profile.maxResponseMb);
    // The daily jobs exist once the profile is published (and the activity job while Download
    // activity is on); until then the times cannot be set.
    for (QTimeEdit* edit : { m_subscriptionsAt, m_activityAt }) {
        edit->setEnabled(false);
        edit->setTime(QTime(Jobs::DefaultRunHour, 0));
        edit->setToolTip(tr("The daily job is created when the profile is published."));
    }
    if (const auto jobs = m_service.scheduledJobs(m_profile.id); !jobs) {
        showMessage(jobs.error().message, true); // the times stay disabled
    } else {
        for (const ScheduledJob& j : jobs.value()) {
            QTimeEdit* edit = j.kind == JobKind::Subscriptions ? m_subscriptionsAt : m_activityAt;
            edit->setEnabled(true);
            edit->setTime(j.runAt);
            edit->setToolTip(tr("Scheduled job \"%1\"").arg(j.name));
        }
    }
    showReportState();
    refreshState();
}

void ProfileForm::refreshState()
{
    if (m_profile.id == 0) {
        return;
    }
    auto profile = m_service.find(m_profile.id);
    if (!profile) {
        return;
    }
    m_profile.status = profile.value().status;
    m_profile.validatedAt = profile.value().validatedAt;
    m_profile.publishedAt = profile.value().publishedAt;
    m_profile.tokenSetAt = profile.value().tokenSetAt;
    m_status->setText(statusDisplayName(m_profile.status));
    m_tokenState->setText(m_profile.tokenSetAt.isValid()
            ? tr("Stored in the OS keychain (%1)")
                  .arg(QLocale().toString(m_profile.tokenSetAt.toLocalTime(), QLocale::ShortFormat))
            : tr("Not set"));
    m_clearToken->setEnabled(m_profile.tokenSetAt.isValid());
    updateState();
}

void ProfileForm::setTeamRefusals(const QString& profiles, const QString& attachReport)
{
    m_profilesRefusal = profiles;
    m_attach->setEnabled(attachReport.isEmpty());
    m_attach->setToolTip(attachReport);
    for (QPushButton* b : { m_save, m_validate, m_publish }) {
        b->setToolTip(profiles);
    }
    // What only an owner may change is shown, not offered: a member sees the settings read-only.
    m_name->setReadOnly(!profiles.isEmpty());
    m_region->setEnabled(m_profile.endpointOverride.isEmpty() && profiles.isEmpty());
    m_region->setToolTip(profiles);
    for (const char* name : { "subflowsBox", "jobsBox" }) {
        if (auto* box = findChild<QWidget*>(QLatin1String(name))) {
            box->setEnabled(profiles.isEmpty());
            box->setToolTip(profiles);
        }
    }
    updateState();
}

void ProfileForm::updateState()
{
    const bool validating = m_service.isValidating(m_profile.id);
    const bool draft = !m_profile.isPublished();
    const bool mayChange = m_profilesRefusal.isEmpty();
    m_save->setEnabled(mayChange);
    m_publish->setEnabled(mayChange);
    m_validate->setVisible(draft);
    m_validate->setEnabled(!validating && mayChange);
    m_cancelValidation->setVisible(validating);
    m_progress->setVisible(validating);
    m_publish->setVisible(draft && m_profile.isValidated());
}

IntegrationProfile ProfileForm::edited() const
{
    IntegrationProfile p = m_profile;
    p.displayName = m_name->text();
    p.region = Regions::fromCode(m_region->currentData().toString()).value_or(m_profile.region);
    p.downloadActivity = m_activity->isChecked();
    p.analyzeActivityFrom = m_analyzeFrom->date();
    p.reclaimSubscriptions = m_reclaim->isChecked();
    p.maxInFlight = m_inFlight->value();
    p.reportMaxAgeDays = m_reportAge->value();
    p.maxResponseMb = m_maxResponse->value();
    return p;
}

void ProfileForm::showMessage(const QString& text, bool problem)
{
    m_message->setStyleSheet(
        problem ? QStringLiteral("color: palette(highlight); font-weight: bold;") : QString());
    m_message->setText(text);
}

void ProfileForm::save()
{
    const bool wasPublished = m_profile.isPublished();
    auto saved = m_service.save(edited());
    if (!saved) {
        showMessage(saved.error().message, true);
        return;
    }
    for (const auto& [kind, edit] : { std::pair { JobKind::Subscriptions, m_subscriptionsAt },
             std::pair { JobKind::Activity, m_activityAt } }) {
        if (edit->isEnabled() && (kind == JobKind::Subscriptions || saved.value().downloadActivity)) {
            if (auto set = m_service.setRunTime(m_profile.id, kind, edit->time()); !set) {
                showMessage(set.error().message, true);
                return;
            }
        }
    }
    reload();
    if (wasPublished && !m_profile.isPublished()) {
        showMessage(
            tr("Saved. The profile is a Draft again: validate the connection and publish it to resume "
               "downloads."),
            true);
    } else {
        showMessage(tr("Saved."), false);
    }
}

void ProfileForm::validateConnection()
{
    m_service.validate(m_profile.id);
    updateState();
}

void ProfileForm::publish()
{
    if (!m_confirm(tr("Publish “%1”? Its subscriptions and activity will be downloaded on schedule.")
                       .arg(m_profile.displayName))) {
        return;
    }
    auto published = m_service.publish(m_profile.id);
    if (!published) {
        showMessage(published.error().message, true);
        return;
    }
    reload();
    showMessage(tr("Published."), false);
}

void ProfileForm::setToken()
{
    TokenDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_service.setToken(m_profile.id, dialog.token(), [this](Result<void> stored) {
        reload();
        stored ? showMessage(tr("Token stored in the OS keychain. Validate the connection next."), false)
               : showMessage(stored.error().message, true);
    });
}

void ProfileForm::clearToken()
{
    m_service.clearToken(m_profile.id, [this](Result<void> cleared) {
        reload();
        cleared ? showMessage(tr("Token removed from the OS keychain."), false)
                : showMessage(cleared.error().message, true);
    });
}

} // namespace rmsam
