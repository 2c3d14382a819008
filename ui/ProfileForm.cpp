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
#include <memory>

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
    m_chooseRosterColumns
        = [this](const QStringList& headers, const QList<QStringList>& samples, HrRosterOptions* columns) {
              std::unique_ptr<ColumnPicker> picker(ColumnPicker::forRoster(headers, samples, this));
              if (picker->exec() != QDialog::Accepted) {
                  return false;
              }
              *columns = { picker->emailColumn(), picker->statusColumn(), picker->endDateColumn() };
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
    connect(m_noticeLanguage, &QComboBox::currentIndexChanged, this, edit);
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
        || e.noticeLanguage != m_profile.noticeLanguage
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
    m_noticeLanguage->setCurrentIndex(m_noticeLanguage->findData(int(m_profile.noticeLanguage)));
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
    for (QPushButton* b : { m_attach, m_attachRoster }) {
        b->setEnabled(attachReport.isEmpty());
        b->setToolTip(attachReport);
    }
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
    p.noticeLanguage = NoticeLanguage(m_noticeLanguage->currentData().toInt());
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
