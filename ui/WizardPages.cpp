#include "WizardPages.h"

#include "SetupWizard.h"
#include "TokenReveal.h"
#include "core/ProfileRules.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rmsam {
namespace {

QLabel* wrappedLabel(const QString& text = {}, QWidget* parent = nullptr)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void showProblem(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QLabel* problemLabel()
{
    auto* label = wrappedLabel();
    label->setObjectName(QStringLiteral("problemLabel"));
    label->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    label->setVisible(false);
    return label;
}

} // namespace

// --- TokenPage ---------------------------------------------------------------------------

TokenPage::TokenPage(SetupWizard* wizard)
    : m_wizard(wizard)
{
    setTitle(tr("API token"));
    setSubTitle(tr("Roadmunk SAM connects with an API token created by a Roadmunk Account Admin."));

    auto* steps
        = wrappedLabel(tr("<ol>"
                          "<li>Sign in to Roadmunk as an <b>Account Admin</b>.</li>"
                          "<li>Open <b>Account Settings › API Tokens</b>.</li>"
                          "<li>Select <b>Generate Token</b> and name it, for example “Roadmunk SAM”.</li>"
                          "<li>Copy the token (Roadmunk shows it only once) and paste it below.</li>"
                          "</ol>"
                          "The token carries its creator’s rights and is kept only in the OS keychain."));
    steps->setTextFormat(Qt::RichText);

    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    makeTokenField(m_token);
    m_token->setText(wizard->defaults().token);
    registerField(QStringLiteral("token*"), m_token);

    m_problem = problemLabel();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    auto* form = new QFormLayout;
    form->addRow(tr("&API token:"), m_token);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();

    connect(m_token, &QLineEdit::textChanged, this, &TokenPage::updateState);
    connect(&wizard->service(), &ProfileService::keychainStateChanged, this, &TokenPage::updateState);
    updateState();
}

bool TokenPage::isComplete() const
{
    const KeychainState state = m_wizard->service().keychainState();
    const bool keychainUsable = state == KeychainState::Available || state == KeychainState::Unchecked;
    return keychainUsable && ProfileRules::checkToken(m_token->text()).ok();
}

void TokenPage::updateState()
{
    const KeychainState state = m_wizard->service().keychainState();
    QString problem;
    if (state != KeychainState::Available && state != KeychainState::Unchecked) {
        problem = TokenStore::stateMessage(state);
    } else if (!m_token->text().isEmpty()) {
        if (auto checked = ProfileRules::checkToken(m_token->text()); !checked) {
            problem = checked.error().message;
        }
    }
    showProblem(m_problem, problem);
    emit completeChanged();
}

// --- ProfilePage -------------------------------------------------------------------------

ProfilePage::ProfilePage(SetupWizard* wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Integration profile"));
    setSubTitle(tr("One profile connects one Roadmunk account. Profile Type: %1.").arg(profileTypeName()));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("displayNameEdit"));
    m_name->setMaxLength(ProfileRules::MaxDisplayNameLength + 1);
    m_name->setAccessibleName(tr("Display Name"));
    m_name->setText(wizard->defaults().displayName);
    registerField(QStringLiteral("displayName*"), m_name);

    auto* subscriptions = new QCheckBox(tr("Download subscriptions (always on)"), this);
    subscriptions->setChecked(true);
    subscriptions->setEnabled(false);
    m_activity = new QCheckBox(tr("Download &activity"), this);
    m_activity->setObjectName(QStringLiteral("downloadActivityCheck"));
    m_activity->setChecked(true);
    m_analyzeFrom = new QDateEdit(this);
    m_analyzeFrom->setObjectName(QStringLiteral("analyzeFromEdit"));
    m_analyzeFrom->setCalendarPopup(true);
    m_analyzeFrom->setMaximumDate(QDate::currentDate());
    m_analyzeFrom->setDate(QDate::currentDate().addDays(-ProfileRules::DefaultAnalyzeActivityDays));
    m_analyzeFrom->setAccessibleName(tr("Analyze user activity from"));
    m_reclaim = new QCheckBox(tr("&Reclaim subscriptions"), this);
    m_reclaim->setObjectName(QStringLiteral("reclaimCheck"));
    m_reclaim->setChecked(true);
    registerField(QStringLiteral("downloadActivity"), m_activity);
    registerField(QStringLiteral("analyzeFrom"), m_analyzeFrom);
    registerField(QStringLiteral("reclaimSubscriptions"), m_reclaim);
    connect(m_activity, &QCheckBox::toggled, m_analyzeFrom, &QWidget::setEnabled);

    m_problem = problemLabel();
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Display Name:"), m_name);
    form->addRow(m_problem);
    form->addRow(tr("Subflows:"), subscriptions);
    form->addRow(QString(), m_activity);
    form->addRow(tr("Analyze user activity fro&m:"), m_analyzeFrom);
    form->addRow(QString(), m_reclaim);
    form->addRow(
        wrappedLabel(tr("When Reclaim subscriptions is off, removal candidates are still listed but never "
                        "reclaimed.")));

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        QString problem;
        if (!m_name->text().trimmed().isEmpty()) {
            if (auto name = ProfileRules::checkDisplayName(m_name->text(), {}); !name) {
                problem = name.error().message;
            }
        }
        showProblem(m_problem, problem);
        emit completeChanged();
    });
}

void ProfilePage::initializePage()
{
    if (m_name->text().isEmpty()) {
        m_name->setFocus();
    }
}

bool ProfilePage::isComplete() const
{
    return ProfileRules::checkDisplayName(m_name->text(), {}).ok();
}

// --- RegionPage --------------------------------------------------------------------------

RegionPage::RegionPage(SetupWizard* wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Region"));
    setSubTitle(
        tr("Choose where your Roadmunk account is hosted. The API token is sent only to this address."));

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setAccessibleName(tr("Region"));
    for (Region region : Regions::all()) {
        m_region->addItem(Regions::displayName(region), Regions::code(region));
    }
    if (!wizard->defaults().sandboxEndpoint.isEmpty()) {
        m_region->addItem(tr("Built-in sandbox (demo)"), QStringLiteral("sandbox"));
        m_region->setCurrentIndex(m_region->count() - 1);
    }
    m_url = wrappedLabel();
    m_url->setObjectName(QStringLiteral("connectionUrlLabel"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("Connection URL:"), m_url);
    connect(m_region, &QComboBox::currentIndexChanged, this, &RegionPage::update);
    update();
}

void RegionPage::initializePage()
{
    update();
}

void RegionPage::update()
{
    const QString code = m_region->currentData().toString();
    const bool sandbox = code == QLatin1String("sandbox");
    m_wizard->setConnection(Regions::fromCode(code).value_or(Region::NorthAmerica), sandbox);
    m_url->setText(sandbox ? m_wizard->endpointOverride().toString()
                           : Regions::gatewayEndpoint(m_wizard->region()).toString());
}

// --- ValidatePage ------------------------------------------------------------------------

ValidatePage::ValidatePage(SetupWizard* wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Validate connection"));
    setSubTitle(tr("Roadmunk SAM stores the token in the OS keychain and checks that it can list users and "
                   "roadmaps in this account."));
    setCommitPage(false);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("validateProgress"));
    m_progress->setRange(0, ConnectionValidator::StepCount);
    m_status = wrappedLabel();
    m_status->setObjectName(QStringLiteral("validateStatus"));
    m_result = wrappedLabel();
    m_result->setObjectName(QStringLiteral("validateResult"));
    m_retry = new QPushButton(tr("&Try again"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_cancel = new QPushButton(tr("&Cancel validation"), this);
    m_cancel->setObjectName(QStringLiteral("cancelValidationButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_retry, &QPushButton::clicked, this, &ValidatePage::run);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_wizard->profileId() != 0) {
            m_wizard->service().cancelValidation(m_wizard->profileId());
        }
    });
    ProfileService& service = wizard->service();
    connect(&service, &ProfileService::validationProgress, this,
        [this](qint64 id, int step, int total, const QString& text) {
            if (id != m_wizard->profileId()) {
                return;
            }
            m_progress->setRange(0, total);
            m_progress->setValue(step);
            m_status->setText(text);
        });
    connect(&service, &ProfileService::validationFinished, this,
        [this](qint64 id, const Result<ValidationReport>& result) {
            if (id != m_wizard->profileId() || !m_running) {
                return;
            }
            m_running = false;
            result ? showSuccess(result.value()) : showFailure(result.error());
        });
}

void ValidatePage::initializePage()
{
    run();
}

void ValidatePage::cleanupPage()
{
    if (m_running && m_wizard->profileId() != 0) {
        m_wizard->service().cancelValidation(m_wizard->profileId());
    }
    m_validated = false;
}

bool ValidatePage::isComplete() const
{
    return m_validated && !m_running;
}

Result<qint64> ValidatePage::saveDraft()
{
    ProfileService& service = m_wizard->service();
    const QString name = field(QStringLiteral("displayName")).toString();
    if (m_wizard->profileId() == 0) {
        ProfileInput input;
        input.displayName = name;
        input.region = m_wizard->region();
        input.endpointOverride = m_wizard->endpointOverride();
        input.downloadActivity = field(QStringLiteral("downloadActivity")).toBool();
        input.analyzeActivityFrom = field(QStringLiteral("analyzeFrom")).toDate();
        input.reclaimSubscriptions = field(QStringLiteral("reclaimSubscriptions")).toBool();
        auto created = service.create(input);
        if (!created) {
            return created.error();
        }
        m_wizard->setProfileId(created.value().id);
        return created.value().id;
    }
    auto stored = service.find(m_wizard->profileId());
    if (!stored) {
        return stored.error();
    }
    IntegrationProfile profile = stored.value();
    profile.displayName = name;
    profile.region = m_wizard->region();
    profile.endpointOverride = m_wizard->endpointOverride();
    profile.downloadActivity = field(QStringLiteral("downloadActivity")).toBool();
    profile.analyzeActivityFrom = field(QStringLiteral("analyzeFrom")).toDate();
    profile.reclaimSubscriptions = field(QStringLiteral("reclaimSubscriptions")).toBool();
    auto saved = service.save(profile);
    if (!saved) {
        return saved.error();
    }
    return profile.id;
}

void ValidatePage::run()
{
    m_validated = false;
    m_running = true;
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_retry->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Saving the profile and storing the token in the OS keychain…"));
    emit completeChanged();

    auto saved = saveDraft();
    if (!saved) {
        m_running = false;
        showFailure(saved.error());
        return;
    }
    const qint64 id = saved.value();
    m_wizard->service().setToken(
        id, field(QStringLiteral("token")).toString(), [this, id](Result<void> stored) {
            if (!stored) {
                m_running = false;
                showFailure(stored.error());
                return;
            }
            m_wizard->service().validate(id);
        });
}

void ValidatePage::showFailure(const Error& error)
{
    m_retry->setEnabled(true);
    m_cancel->setEnabled(false);
    m_status->setText(tr("Validation failed."));
    m_result->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    m_result->setText(error.message);
    m_result->setToolTip(error.detail);
    emit completeChanged();
}

void ValidatePage::showSuccess(const ValidationReport& report)
{
    m_validated = true;
    m_retry->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setValue(m_progress->maximum());
    m_status->setText(tr("Connection validated."));
    QStringList lines { tr("Token “%1” can list users and roadmaps of “%2” (%3 package).")
                            .arg(report.tokenName, report.companyName, report.packageName) };
    lines += report.warnings;
    m_result->setText(lines.join(QStringLiteral("\n\n")));
    // A second profile for the account: the validation stands, but the admin should see it.
    m_result->setStyleSheet(report.warnings.isEmpty()
            ? QString()
            : QStringLiteral("color: palette(highlight); font-weight: bold;"));
    wizard()->setProperty("validatedAccount", report.companyName);
    emit completeChanged();
}

// --- PublishPage -------------------------------------------------------------------------

PublishPage::PublishPage(SetupWizard* wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Publish"));
    setSubTitle(
        tr("Publishing moves the profile from Draft to Published, so its subscriptions and activity are "
           "downloaded on schedule."));
    setFinalPage(true);
    m_summary = wrappedLabel();
    m_summary->setObjectName(QStringLiteral("publishSummary"));
    m_confirm = new QCheckBox(this);
    m_confirm->setObjectName(QStringLiteral("publishConfirm"));
    m_problem = problemLabel();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_confirm);
    layout->addWidget(m_problem);
    layout->addStretch();
    connect(m_confirm, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void PublishPage::initializePage()
{
    auto profile = m_wizard->service().find(m_wizard->profileId());
    if (!profile) {
        showProblem(m_problem, profile.error().message);
        return;
    }
    const IntegrationProfile& p = profile.value();
    m_summary->setText(
        tr("<b>%1</b><br>Status: %2<br>Profile Type: %3<br>Connection URL: %4<br>"
           "Download activity: %5<br>Reclaim subscriptions: %6")
            .arg(p.displayName.toHtmlEscaped(), statusDisplayName(p.status), profileTypeName(),
                p.connectionUrl().toString().toHtmlEscaped(),
                p.downloadActivity
                    ? tr("on, from %1").arg(QLocale().toString(p.analyzeActivityFrom, QLocale::ShortFormat))
                    : tr("off"),
                p.reclaimSubscriptions ? tr("on") : tr("off")));
    m_summary->setTextFormat(Qt::RichText);
    m_confirm->setText(tr("&Publish “%1” now").arg(p.displayName));
    m_confirm->setChecked(false);
    showProblem(m_problem, QString());
}

bool PublishPage::isComplete() const
{
    return m_confirm->isChecked();
}

bool PublishPage::validatePage()
{
    auto published = m_wizard->service().publish(m_wizard->profileId());
    if (!published) {
        showProblem(m_problem, published.error().message);
        return false;
    }
    return true;
}

} // namespace rmsam
