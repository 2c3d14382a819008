#include "ReclamationSettingsDialog.h"

#include "services/ReclamationService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rmsam {

ReclamationSettingsDialog::ReclamationSettingsDialog(
    ReclamationService& service, qint64 profileId, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_profileId(profileId)
{
    setWindowTitle(tr("Reclamation rule and entitlements"));
    setObjectName(QStringLiteral("reclamationSettings"));
    const auto rule = m_service.rule(profileId);
    const auto stored = m_service.entitlements(profileId);
    // Created in the order Tab moves through them.
    QWidget* ruleBox = buildRuleBox(rule ? rule.value() : ReclamationRule {});
    QWidget* entitlementBox = buildEntitlementBox(stored ? stored.value() : QList<Entitlement> {});
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("reclamationSettingsProblem"));
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReclamationSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(ruleBox);
    layout->addWidget(entitlementBox);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    if (const Error* failed = rule ? stored.failure() : rule.failure()) {
        m_problem->setText(failed->message);
        m_save->setEnabled(false);
    } else {
        m_ruleVersion = rule.value().rowVersion;
        m_read = stored.value();
    }
}

void ReclamationSettingsDialog::reload()
{
    const auto rule = m_service.rule(m_profileId);
    const auto stored = m_service.entitlements(m_profileId);
    if (const Error* failed = rule ? stored.failure() : rule.failure()) {
        m_problem->setText(failed->message);
        m_save->setEnabled(false);
        return;
    }
    m_ruleVersion = rule.value().rowVersion;
    m_read = stored.value();
    showRule(rule.value());
    showEntitlements(stored.value());
}

void ReclamationSettingsDialog::showRule(const ReclamationRule& rule)
{
    m_threshold->setValue(rule.thresholdDays);
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
        it.value()->setChecked(rule.rolesInScope.contains(it.key()));
    }
    m_includeNoActivity->setChecked(rule.includeNoActivity);
    m_grace->setValue(rule.graceDays);
    m_notify->setChecked(rule.notifyUser);
    m_notifyDays->setValue(rule.notifyDays);
    m_reminderDays->setValue(rule.reminderDays);
}

void ReclamationSettingsDialog::showEntitlements(const QList<Entitlement>& stored)
{
    for (auto it = m_entitlements.cbegin(); it != m_entitlements.cend(); ++it) {
        Entitlement e;
        bool known = false;
        for (const Entitlement& s : stored) {
            if (s.seatType == it.key()) {
                e = s;
                known = true;
            }
        }
        const EntitlementFields& f = it.value();
        f.set->setChecked(known); // enables or disables the fields
        f.owned->setValue(e.owned);
        f.price->setValue(e.price);
        f.period->setCurrentIndex(e.period == Entitlement::Period::Month ? 1 : 0);
        f.currency->setText(e.currency);
        showTerm(f, e);
    }
}

void ReclamationSettingsDialog::showTerm(const EntitlementFields& f, const Entitlement& e)
{
    const QDate today = QDate::currentDate();
    f.termStarts->setChecked(e.termStart.isValid());
    f.termStart->setDate(e.termStart.isValid() ? e.termStart : today.addYears(-1));
    f.renews->setChecked(e.renewal.isValid());
    f.renewal->setDate(e.renewal.isValid() ? e.renewal : today.addYears(1));
    f.noticeDays->setValue(e.noticeDays);
    f.bufferPercent->setValue(e.bufferPercent);
    enableTerm(f);
}

void ReclamationSettingsDialog::readTerm(const EntitlementFields& f, Entitlement& e)
{
    e.termStart = f.termStarts->isChecked() ? f.termStart->date() : QDate();
    e.renewal = f.renews->isChecked() ? f.renewal->date() : QDate();
    e.noticeDays = f.noticeDays->value();
    e.bufferPercent = f.bufferPercent->value();
}

void ReclamationSettingsDialog::enableTerm(const EntitlementFields& f)
{
    const bool set = f.set->isChecked();
    for (QWidget* w : { static_cast<QWidget*>(f.termStarts), static_cast<QWidget*>(f.renews),
             static_cast<QWidget*>(f.noticeDays), static_cast<QWidget*>(f.bufferPercent) }) {
        w->setEnabled(set);
    }
    f.termStart->setEnabled(set && f.termStarts->isChecked());
    f.renewal->setEnabled(set && f.renews->isChecked());
}

void ReclamationSettingsDialog::addTermRow(QGridLayout* grid, int row, EntitlementFields& f, SeatType type)
{
    QWidget* box = grid->parentWidget();
    const QString code = SeatTypes::code(type);
    const QString name = SeatTypes::displayName(type);
    f.termStarts = new QCheckBox(tr("Term started"), box);
    f.termStarts->setObjectName(QStringLiteral("termStarts_") + code);
    f.termStart = new QDateEdit(box);
    f.termStart->setObjectName(QStringLiteral("termStart_") + code);
    f.termStart->setAccessibleName(tr("%1 term start").arg(name));
    f.renews = new QCheckBox(tr("Renews on"), box);
    f.renews->setObjectName(QStringLiteral("renews_") + code);
    f.renewal = new QDateEdit(box);
    f.renewal->setObjectName(QStringLiteral("renewal_") + code);
    f.renewal->setAccessibleName(tr("%1 renewal date").arg(name));
    for (QDateEdit* date : { f.termStart, f.renewal }) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    f.noticeDays = new QSpinBox(box);
    f.noticeDays->setObjectName(QStringLiteral("noticeDays_") + code);
    f.noticeDays->setRange(0, Entitlements::MaxNoticeDays);
    f.noticeDays->setPrefix(tr("notice "));
    f.noticeDays->setSuffix(tr(" days"));
    f.noticeDays->setAccessibleName(tr("%1 notice period in days").arg(name));
    f.bufferPercent = new QSpinBox(box);
    f.bufferPercent->setObjectName(QStringLiteral("buffer_") + code);
    f.bufferPercent->setRange(0, Entitlements::MaxBufferPercent);
    f.bufferPercent->setPrefix(tr("buffer "));
    f.bufferPercent->setSuffix(tr(" %"));
    f.bufferPercent->setAccessibleName(
        tr("%1 seats kept above those in use at renewal, in percent").arg(name));
    auto* term = new QHBoxLayout;
    for (QWidget* w : { static_cast<QWidget*>(f.termStarts), static_cast<QWidget*>(f.termStart),
             static_cast<QWidget*>(f.renews), static_cast<QWidget*>(f.renewal),
             static_cast<QWidget*>(f.noticeDays), static_cast<QWidget*>(f.bufferPercent) }) {
        term->addWidget(w);
    }
    grid->addLayout(term, row, 1, 1, 4);
    const EntitlementFields fields = f;
    for (QCheckBox* toggle : { f.set, f.termStarts, f.renews }) {
        connect(toggle, &QCheckBox::toggled, this, [fields] { enableTerm(fields); });
    }
}

QWidget* ReclamationSettingsDialog::buildRuleBox(const ReclamationRule& rule)
{
    auto* ruleBox = new QGroupBox(tr("Reclamation rule"), this);
    auto* ruleForm = new QFormLayout(ruleBox);
    m_threshold = new QSpinBox(ruleBox);
    m_threshold->setObjectName(QStringLiteral("ruleThreshold"));
    m_threshold->setRange(1, 3650);
    m_threshold->setSuffix(tr(" days"));
    m_threshold->setValue(rule.thresholdDays);
    ruleForm->addRow(tr("No activity for at &least:"), m_threshold);
    auto* roles = new QHBoxLayout;
    for (const QString& role : ReclamationRules::scopableRoles()) {
        auto* box = new QCheckBox(Roles::displayName(role), ruleBox);
        box->setObjectName(QStringLiteral("ruleRole_") + role);
        box->setChecked(rule.rolesInScope.contains(role));
        roles->addWidget(box);
        m_roles.insert(role, box);
    }
    roles->addWidget(new QLabel(tr("(Account Admins are never in scope)"), ruleBox));
    ruleForm->addRow(tr("Roles in scope:"), roles);
    m_includeNoActivity = new QCheckBox(tr("Include users with &no activity"), ruleBox);
    m_includeNoActivity->setChecked(rule.includeNoActivity);
    ruleForm->addRow(QString(), m_includeNoActivity);
    m_grace = new QSpinBox(ruleBox);
    m_grace->setRange(0, 365);
    m_grace->setSuffix(tr(" days"));
    m_grace->setValue(rule.graceDays);
    ruleForm->addRow(tr("&Grace period for invited and newly seen users:"), m_grace);
    m_notify = new QCheckBox(tr("Notify &user before reclaiming"), ruleBox);
    m_notify->setObjectName(QStringLiteral("ruleNotify"));
    m_notify->setChecked(rule.notifyUser);
    ruleForm->addRow(QString(), m_notify);
    m_notifyDays = new QSpinBox(ruleBox);
    m_notifyDays->setRange(1, 90);
    m_notifyDays->setSuffix(tr(" days"));
    m_notifyDays->setValue(rule.notifyDays);
    m_notifyDays->setEnabled(rule.notifyUser);
    connect(m_notify, &QCheckBox::toggled, m_notifyDays, &QWidget::setEnabled);
    ruleForm->addRow(tr("&Days before automatic reclamation:"), m_notifyDays);
    // Sent by e-mail when it is set up; 0 shows as "None".
    m_reminderDays = new QSpinBox(ruleBox);
    m_reminderDays->setObjectName(QStringLiteral("ruleReminderDays"));
    m_reminderDays->setRange(0, 89);
    m_reminderDays->setSuffix(tr(" days before the deadline"));
    m_reminderDays->setSpecialValueText(tr("None"));
    m_reminderDays->setValue(rule.reminderDays);
    m_reminderDays->setEnabled(rule.notifyUser);
    connect(m_notify, &QCheckBox::toggled, m_reminderDays, &QWidget::setEnabled);
    ruleForm->addRow(tr("&Reminder e-mail:"), m_reminderDays);
    return ruleBox;
}

QWidget* ReclamationSettingsDialog::buildEntitlementBox(const QList<Entitlement>& stored)
{
    auto* entitlementBox = new QGroupBox(tr("Entitlements"), this);
    auto* grid = new QGridLayout(entitlementBox);
    grid->addWidget(new QLabel(tr("Seats owned"), entitlementBox), 0, 1);
    grid->addWidget(new QLabel(tr("Price per seat"), entitlementBox), 0, 2);
    grid->addWidget(new QLabel(tr("Per"), entitlementBox), 0, 3);
    grid->addWidget(new QLabel(tr("Currency"), entitlementBox), 0, 4);
    int row = 1;
    for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
        Entitlement e;
        bool known = false;
        for (const Entitlement& s : stored) {
            if (s.seatType == type) {
                e = s;
                known = true;
            }
        }
        const QString code = SeatTypes::code(type);
        EntitlementFields f;
        f.set = new QCheckBox(SeatTypes::displayName(type), entitlementBox);
        f.set->setChecked(known);
        f.owned = new QSpinBox(entitlementBox);
        f.owned->setRange(0, 10'000'000);
        f.owned->setValue(e.owned);
        f.owned->setObjectName(QStringLiteral("owned_") + code);
        f.owned->setAccessibleName(tr("%1 seats owned").arg(SeatTypes::displayName(type)));
        f.price = new QDoubleSpinBox(entitlementBox);
        f.price->setRange(0, 1e9);
        f.price->setDecimals(2);
        f.price->setValue(e.price);
        f.price->setObjectName(QStringLiteral("price_") + code);
        f.price->setAccessibleName(tr("%1 price per seat").arg(SeatTypes::displayName(type)));
        f.period = new QComboBox(entitlementBox);
        f.period->addItem(tr("year"), Entitlements::periodCode(Entitlement::Period::Year));
        f.period->addItem(tr("month"), Entitlements::periodCode(Entitlement::Period::Month));
        f.period->setCurrentIndex(e.period == Entitlement::Period::Month ? 1 : 0);
        f.period->setAccessibleName(tr("%1 price period").arg(SeatTypes::displayName(type)));
        f.currency = new QLineEdit(e.currency, entitlementBox);
        f.currency->setMaxLength(3);
        f.currency->setObjectName(QStringLiteral("currency_") + code);
        f.currency->setAccessibleName(tr("%1 currency").arg(SeatTypes::displayName(type)));
        for (QWidget* w : { static_cast<QWidget*>(f.owned), static_cast<QWidget*>(f.price),
                 static_cast<QWidget*>(f.period), static_cast<QWidget*>(f.currency) }) {
            w->setEnabled(known);
            connect(f.set, &QCheckBox::toggled, w, &QWidget::setEnabled);
        }
        grid->addWidget(f.set, row, 0);
        grid->addWidget(f.owned, row, 1);
        grid->addWidget(f.price, row, 2);
        grid->addWidget(f.period, row, 3);
        grid->addWidget(f.currency, row, 4);
        addTermRow(grid, row + 1, f, type);
        showTerm(f, e);
        m_entitlements.insert(type, f);
        row += 2;
    }
    return entitlementBox;
}

ReclamationRule ReclamationSettingsDialog::rule() const
{
    ReclamationRule r;
    r.profileId = m_profileId;
    r.thresholdDays = m_threshold->value();
    r.rolesInScope.clear();
    for (const QString& role : ReclamationRules::scopableRoles()) {
        if (m_roles.value(role)->isChecked()) {
            r.rolesInScope.append(role);
        }
    }
    r.includeNoActivity = m_includeNoActivity->isChecked();
    r.graceDays = m_grace->value();
    r.notifyUser = m_notify->isChecked();
    r.notifyDays = m_notifyDays->value();
    r.reminderDays = m_reminderDays->value();
    r.rowVersion = m_ruleVersion;
    return r;
}

QList<Entitlement> ReclamationSettingsDialog::entitlements() const
{
    QList<Entitlement> list;
    for (auto it = m_entitlements.cbegin(); it != m_entitlements.cend(); ++it) {
        const EntitlementFields& f = it.value();
        if (!f.set->isChecked()) {
            continue;
        }
        Entitlement e;
        e.profileId = m_profileId;
        e.seatType = it.key();
        e.owned = f.owned->value();
        e.price = f.price->value();
        e.period = Entitlements::periodFromCode(f.period->currentData().toString())
                       .value_or(Entitlement::Period::Year);
        e.currency = f.currency->text().trimmed().toUpper();
        readTerm(f, e);
        list.append(e);
    }
    return list;
}

void ReclamationSettingsDialog::setReadOnlyReason(const QString& reason)
{
    if (reason.isEmpty()) {
        return;
    }
    m_save->setEnabled(false);
    m_save->setToolTip(reason);
    m_problem->setText(reason);
}

void ReclamationSettingsDialog::accept()
{
    if (!m_save->isEnabled()) {
        return; // what is stored could not be read: the fields show defaults, not it
    }
    const ReclamationRule r = rule();
    const QList<Entitlement> list = entitlements();
    if (auto saved = m_service.saveSettings(r, list, m_read); !saved) {
        // Changed by someone else since it was opened: what they saved is shown instead, with
        // who and when, for the admin to edit again; nothing of theirs was overwritten.
        if (saved.error().code == ErrorCode::Conflict) {
            reload();
        }
        m_problem->setText(saved.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace rmsam
