// The profile form's boxes and buttons, as built once.
#include "ColumnPicker.h"
#include "MessageBar.h"
#include "ProfileForm.h"
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
    m_noticeLanguage = new QComboBox(box);
    m_noticeLanguage->setObjectName(QStringLiteral("noticeLanguageCombo"));
    for (NoticeLanguage language : Notices::languageTable().all()) {
        m_noticeLanguage->addItem(Notices::languageTable().displayName(language), int(language));
    }
    m_noticeLanguage->setToolTip(tr("The language of the notice e-mails this profile's users get, "
                                    "whatever the language of this app."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Download subscriptions runs dail&y at:"), m_subscriptionsAt);
    form->addRow(tr("Refresh activity runs daily a&t:"), m_activityAt);
    form->addRow(tr("Re&quests in flight:"), m_inFlight);
    form->addRow(tr("&Warn when the User report is older than:"), m_reportAge);
    form->addRow(tr("Lar&gest answer read:"), m_maxResponse);
    form->addRow(tr("Notice e-mails i&n:"), m_noticeLanguage);
    return box;
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

} // namespace rmsam
