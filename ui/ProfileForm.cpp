#include "ProfileForm.h"

#include "ColumnPicker.h"
#include "MessageBar.h"
#include "TokenDialog.h"
#include "WheelGuard.h"
#include "core/ProfileRules.h"
#include "services/ProfileService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
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
    m_chooseColumns = [this](const QStringList& headers, const QList<QStringList>& samples, QString* email,
                          QString* status) {
        ColumnPicker picker(headers, samples, this);
        if (picker.exec() != QDialog::Accepted) {
            return false;
        }
        *email = picker.emailColumn();
        *status = picker.statusColumn();
        return true;
    };
    m_confirm = [this](const QString& question, const QString& action) {
        QMessageBox box(QMessageBox::Question, window()->windowTitle(), question, QMessageBox::Cancel, this);
        QPushButton* agree = box.addButton(action, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == agree;
    };
    m_askUnsaved = [this](const QString& question, bool mayCancel) {
        QMessageBox box(
            QMessageBox::Question, window()->windowTitle(), question, QMessageBox::NoButton, this);
        QPushButton* saveButton = box.addButton(tr("Save changes"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
        box.setDefaultButton(saveButton);
        if (mayCancel) {
            box.addButton(QMessageBox::Cancel);
        }
        box.exec();
        return box.clickedButton() == saveButton ? UnsavedAnswer::Save
            : box.clickedButton() == discard     ? UnsavedAnswer::Discard
                                                 : UnsavedAnswer::Cancel;
    };

    // Created in the order Tab moves through them.
    QLayout* identity = buildIdentity();
    QWidget* connection = buildConnectionBox();
    QWidget* subflows = buildSubflowsBox();
    QLayout* actions = buildActions();
    m_bar = new MessageBar(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_progress);
    layout->addLayout(identity);
    layout->addWidget(connection);
    layout->addWidget(subflows);
    layout->addWidget(buildReportBox());
    layout->addWidget(buildJobsBox());
    layout->addWidget(buildPermissionsTable());
    layout->addLayout(actions);
    layout->addStretch();

    followService();
    followEdits();
    WheelGuard::protect(this);
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
    subflowForm->addRow(tr("Analyze user activity fro&m:"), m_analyzeFrom);
    subflowForm->addRow(m_reclaim);
    return subflows;
}

// Save with the unsaved-changes marker, Validate Connection, Cancel and Publish; the progress.
QLayout* ProfileForm::buildActions()
{
    m_save = new QPushButton(tr("Sav&e"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_validate = new QPushButton(tr("&Validate Connection"), this);
    m_validate->setObjectName(QStringLiteral("validateButton"));
    m_cancelValidation = new QPushButton(tr("Cancel"), this);
    m_publish = new QPushButton(tr("Publis&h"), this);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_unsavedLabel = new QLabel(tr("Unsaved changes"), this);
    m_unsavedLabel->setObjectName(QStringLiteral("unsavedLabel"));
    m_unsavedLabel->hide();
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addWidget(m_unsavedLabel);
    actions->addStretch();
    actions->addWidget(m_validate);
    actions->addWidget(m_cancelValidation);
    actions->addWidget(m_publish);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, ConnectionValidator::StepCount);
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
            refreshState(); // the status only: what the admin is typing stays
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

void ProfileForm::followEdits()
{
    const auto edit = [this] { updateUnsaved(); };
    connect(m_name, &QLineEdit::textChanged, this, edit);
    connect(m_region, &QComboBox::currentIndexChanged, this, edit);
    connect(m_activity, &QCheckBox::toggled, this, edit);
    connect(m_reclaim, &QCheckBox::toggled, this, edit);
    connect(m_analyzeFrom, &QDateEdit::dateChanged, this, edit);
    for (QTimeEdit* time : { m_subscriptionsAt, m_activityAt }) {
        connect(time, &QTimeEdit::timeChanged, this, edit);
    }
    for (QSpinBox* spin : { m_inFlight, m_reportAge, m_maxResponse }) {
        connect(spin, &QSpinBox::valueChanged, this, edit);
    }
}

bool ProfileForm::hasUnsavedEdits() const
{
    if (m_profile.id == 0 || !m_profilesRefusal.isEmpty()) {
        return false; // nothing shown, or nothing this member may change
    }
    const IntegrationProfile e = edited();
    const auto timeEdited
        = [](const QTimeEdit* edit, QTime shown) { return edit->isEnabled() && edit->time() != shown; };
    return e.displayName != m_profile.displayName || e.region != m_profile.region
        || e.downloadActivity != m_profile.downloadActivity
        || e.analyzeActivityFrom != m_profile.analyzeActivityFrom
        || e.reclaimSubscriptions != m_profile.reclaimSubscriptions || e.maxInFlight != m_profile.maxInFlight
        || e.reportMaxAgeDays != m_profile.reportMaxAgeDays || e.maxResponseMb != m_profile.maxResponseMb
        || timeEdited(m_subscriptionsAt, m_shownSubscriptionsAt)
        || timeEdited(m_activityAt, m_shownActivityAt);
}

void ProfileForm::updateUnsaved()
{
    if (m_reloading) {
        return;
    }
    const bool unsaved = hasUnsavedEdits();
    m_unsavedLabel->setVisible(unsaved);
    if (unsaved != m_unsaved) {
        m_unsaved = unsaved;
        emit unsavedEditsChanged(unsaved);
    }
}

bool ProfileForm::settleUnsavedEdits(Leaving leaving)
{
    if (!hasUnsavedEdits()) {
        return true;
    }
    const QString name = m_profile.displayName;
    QString question;
    switch (leaving) {
    case Leaving::Quit:
        question = tr("\"%1\" has unsaved changes. Save them before quitting?").arg(name);
        break;
    case Leaving::OtherProfile:
        question = tr("\"%1\" has unsaved changes. Save them before another profile is shown?").arg(name);
        break;
    case Leaving::Validate:
        question = tr("\"%1\" has unsaved changes. Validation checks the saved settings: save them "
                      "first?")
                       .arg(name);
        break;
    case Leaving::Publish:
        question = tr("\"%1\" has unsaved changes. Publishing uses the saved settings: save them first?")
                       .arg(name);
        break;
    }
    switch (m_askUnsaved(question, true)) {
    case UnsavedAnswer::Save:
        return saveEdits();
    case UnsavedAnswer::Discard:
        reload();
        return true;
    case UnsavedAnswer::Cancel:
        break;
    }
    return false;
}

void ProfileForm::setConfirm(std::function<bool(const QString& question)> confirm)
{
    m_confirm = [confirm = std::move(confirm)](
                    const QString& question, const QString&) { return confirm(question); };
}

void ProfileForm::setChooseColumns(
    std::function<bool(const QStringList& headers, QString* email, QString* status)> choose)
{
    m_chooseColumns = [choose = std::move(choose)](const QStringList& headers, const QList<QStringList>&,
                          QString* email, QString* status) { return choose(headers, email, status); };
}

QWidget* ProfileForm::buildReportBox()
{
    auto* box = new QGroupBox(tr("User report"), this);
    box->setObjectName(QStringLiteral("reportBox"));
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
    m_report->setText(tr("%1: %2, %3 active; attached %4 (%5). %6")
                          .arg(r.fileName, tr("%n user(s)", nullptr, r.rows))
                          .arg(r.activeRows)
                          .arg(QLocale().toString(r.attachedAt.toLocalTime(), QLocale::ShortFormat),
                              age == 0 ? tr("today") : tr("%n day(s) ago", nullptr, age))
                          .arg(stale ? tr("It is older than %n day(s): attach a fresh one.", nullptr,
                                   m_profile.reportMaxAgeDays)
                                     : QString()));
}

void ProfileForm::attachReport(const QString& path)
{
    if (!mayReplaceReport(path)) {
        return;
    }
    UserReportOptions options;
    ParsedUserReport parsed = m_service.attachUserReport(m_profile.id, path, options);
    if (!parsed.report && parsed.columnsNotFound
        && m_chooseColumns(parsed.headers, parsed.sampleRows, &options.emailColumn, &options.statusColumn)) {
        parsed = m_service.attachUserReport(m_profile.id, path, options);
    }
    if (!parsed.report) {
        showMessage(parsed.error ? parsed.error->message : tr("The User report was not attached."), true);
        return;
    }
    showReportState();
    showMessage(tr("Attached the User report: %1, %2 active. Only the active ones count as "
                   "subscriptions from now on.")
                    .arg(tr("%n user(s)", nullptr, parsed.report->users))
                    .arg(parsed.report->activeCount),
        false);
}

bool ProfileForm::mayReplaceReport(const QString& path)
{
    auto attached = m_service.userReport(m_profile.id);
    if (!attached || !attached.value()) {
        return true; // an unreadable state is reported by attaching
    }
    const AttachedReport& r = *attached.value();
    const QString question = tr("Replace the attached report \"%1\" (%2, attached %3) with \"%4\"?")
                                 .arg(r.fileName, tr("%n user(s)", nullptr, r.rows))
                                 .arg(QLocale().toString(r.attachedAt.toLocalTime(), QLocale::ShortFormat),
                                     QFileInfo(path).fileName());
    if (m_confirm(question, tr("Replace report"))) {
        return true;
    }
    showMessage(tr("The attached User report \"%1\" stays.").arg(r.fileName), false);
    return false;
}

void ProfileForm::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    // A member whose role may not attach the report gets no drop either.
    if (urls.size() == 1 && urls.first().isLocalFile() && m_profile.id != 0 && m_attach->isEnabled()) {
        event->acceptProposedAction();
        setDropTarget(true);
    }
}

void ProfileForm::dragLeaveEvent(QDragLeaveEvent* event)
{
    setDropTarget(false);
    QWidget::dragLeaveEvent(event);
}

void ProfileForm::dropEvent(QDropEvent* event)
{
    setDropTarget(false);
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        attachReport(urls.first().toLocalFile());
    }
}

// While a file is dragged over the form, the form takes the tool tip colour (pale and readable
// in every style): the admin sees that a drop lands here.
void ProfileForm::setDropTarget(bool target)
{
    if (target == m_dropTarget) {
        return;
    }
    m_dropTarget = target;
    setAutoFillBackground(target);
    setBackgroundRole(target ? QPalette::ToolTipBase : QPalette::Window);
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
    m_bar->dismiss();
    m_progress->setValue(0);
    reload();
}

void ProfileForm::reload()
{
    m_reloading = true; // the fields are set one by one: only the end result counts as edited or not
    showStored();
    m_reloading = false;
    updateUnsaved();
}

void ProfileForm::showStored()
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
    m_shownSubscriptionsAt = m_subscriptionsAt->time();
    m_shownActivityAt = m_activityAt->time();
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
    updateUnsaved();
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
    // Also while a published profile's new token is checked: one token change at a time.
    m_setToken->setEnabled(!validating);
    m_clearToken->setEnabled(!validating && m_profile.tokenSetAt.isValid());
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
    m_bar->showMessage(text, problem ? MessageBar::Kind::Warning : MessageBar::Kind::Information);
}

void ProfileForm::save()
{
    saveEdits();
}

bool ProfileForm::saveEdits()
{
    const IntegrationProfile changed = edited();
    auto warnings = m_service.warningsForSaving(changed);
    if (!warnings) {
        showMessage(warnings.error().message, true);
        return false;
    }
    for (const ChangeWarning& warning : warnings.value()) {
        if (!m_confirm(warning.question, warning.action)) {
            showMessage(tr("Nothing was saved: the changes are still in the form."), false);
            return false;
        }
    }
    const bool wasPublished = m_profile.isPublished();
    auto saved = m_service.save(changed);
    if (!saved) {
        showMessage(saved.error().message, true);
        return false;
    }
    for (const auto& [kind, edit] : { std::pair { JobKind::Subscriptions, m_subscriptionsAt },
             std::pair { JobKind::Activity, m_activityAt } }) {
        if (edit->isEnabled() && (kind == JobKind::Subscriptions || saved.value().downloadActivity)) {
            if (auto set = m_service.setRunTime(m_profile.id, kind, edit->time()); !set) {
                showMessage(set.error().message, true);
                return false;
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
    return true;
}

void ProfileForm::validateConnection()
{
    if (!settleUnsavedEdits(Leaving::Validate)) {
        return;
    }
    m_service.validate(m_profile.id);
    updateState();
}

void ProfileForm::publish()
{
    if (!settleUnsavedEdits(Leaving::Publish)) {
        return;
    }
    if (!m_confirm(tr("Publish “%1”? Its subscriptions and activity will be downloaded on schedule.")
                       .arg(m_profile.displayName),
            tr("Publish"))) {
        return;
    }
    auto published = m_service.publish(m_profile.id);
    if (!published) {
        showMessage(published.error().message, true);
        return;
    }
    reload();
    showMessage(
        tr("Published. Its jobs run daily at the times under Jobs; Sync now runs them at once."), false);
}

// A token change touches the status and the keychain only: the form keeps what the admin is
// typing (refreshState, not reload).
void ProfileForm::setToken()
{
    TokenDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const bool checked = m_service.checksTokenFirst(m_profile);
    const QString name = m_profile.displayName;
    if (checked) {
        showMessage(tr("Checking the new API token against Roadmunk: \"%1\" keeps its current token unless "
                       "the new one works.")
                        .arg(name),
            false);
    }
    m_service.setToken(m_profile.id, dialog.token(), [this, checked, name](Result<void> stored) {
        refreshState();
        if (!stored) {
            showMessage(stored.error().message, true);
        } else if (checked) {
            showMessage(tr("The new API token works: it is stored in the OS keychain and \"%1\" stays "
                           "Published.")
                            .arg(name),
                false);
        } else {
            showMessage(tr("Token stored in the OS keychain. Validate the connection next."), false);
        }
    });
    updateState(); // a published profile's new token is being checked: progress and Cancel
}

void ProfileForm::clearToken()
{
    if (const auto warning = m_service.warningForClearingToken(m_profile);
        warning && !m_confirm(warning->question, warning->action)) {
        return;
    }
    m_service.clearToken(m_profile.id, [this](Result<void> cleared) {
        refreshState();
        cleared ? showMessage(
            tr("Token removed from the OS keychain. Set a token to use the profile again."), false)
                : showMessage(cleared.error().message, true);
    });
}

} // namespace rmsam
