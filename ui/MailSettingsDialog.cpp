#include "MailSettingsDialog.h"

#include "services/MailService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <memory>

namespace rmsam {

using Security = SmtpSettings::Security;

MailSettingsDialog::MailSettingsDialog(MailService& mail, QWidget* parent)
    : QDialog(parent)
    , m_mail(mail)
{
    setObjectName(QStringLiteral("mailSettingsDialog"));
    setWindowTitle(tr("E-mail"));
    connectForm(buildForm());
    load();
    updateState();
}

MailSettingsDialog::~MailSettingsDialog() = default;

QDialogButtonBox* MailSettingsDialog::buildForm()
{
    auto named = [this](auto* widget, const char* name) {
        widget->setObjectName(QLatin1String(name));
        return widget;
    };
    m_host = named(new QLineEdit(this), "host");
    m_host->setPlaceholderText(tr("smtp.example.com"));
    m_port = named(new QSpinBox(this), "port");
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_security = named(new QComboBox(this), "security");
    m_security->addItem(tr("STARTTLS (usually port 587)"), securityName(Security::StartTls));
    m_security->addItem(tr("TLS from the start (usually port 465)"), securityName(Security::Tls));
    m_security->addItem(tr("None (only to this computer)"), securityName(Security::None));
    m_from = named(new QLineEdit(this), "from");
    m_replyTo = named(new QLineEdit(this), "replyTo");
    m_replyTo->setPlaceholderText(tr("Replies go to the sender address"));
    m_user = named(new QLineEdit(this), "user");
    m_user->setPlaceholderText(tr("No login"));
    m_password = named(new QLineEdit(this), "password");
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordState = named(new QLabel(this), "passwordState");
    m_passwordState->setWordWrap(true);
    m_caFile = named(new QLineEdit(this), "caFile");
    m_caFile->setPlaceholderText(tr("The system's certificate authorities"));
    m_browse = named(new QPushButton(tr("&Browse…"), this), "browseCaFile");
    m_perMinute = named(new QSpinBox(this), "perMinute");
    m_perMinute->setRange(1, MaxSmtpPerMinute);
    m_perMinute->setValue(30);
    m_testTo = named(new QLineEdit(this), "testTo");
    m_test = named(new QPushButton(tr("Se&nd test message"), this), "sendTest");
    m_outcome = named(new QLabel(this), "outcome");
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(m_browse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testTo);
    testRow->addWidget(m_test);
    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("S&ecurity:"), m_security);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&Reply-To:"), m_replyTo);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordState);
    form->addRow(tr("C&A file:"), caRow);
    form->addRow(tr("&Messages per minute:"), m_perMinute);
    form->addRow(tr("Send a test &to:"), testRow);
    form->addRow(QString(), m_outcome);
    // Labels with a mnemonic focus their field (QFormLayout sets the buddies; the CA file's and
    // the test's rows are layouts, so their labels are given theirs).
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(caRow))) {
        label->setBuddy(m_caFile);
    }
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(testRow))) {
        label->setBuddy(m_testTo);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    return buttons;
}

void MailSettingsDialog::connectForm(QDialogButtonBox* buttons)
{
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        const auto security = securityFromName(m_security->currentData().toString());
        const int port = m_port->value();
        if (security && (port == 587 || port == 465 || port == 25)) {
            m_port->setValue(*security == Security::Tls ? 465 : *security == Security::None ? 25 : 587);
        }
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA file"), m_caFile->text(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty()) {
            m_caFile->setText(file);
        }
    });
    connect(m_host, &QLineEdit::textChanged, this, &MailSettingsDialog::updateState);
    connect(m_testTo, &QLineEdit::textChanged, this, &MailSettingsDialog::updateState);
    connect(m_test, &QPushButton::clicked, this, &MailSettingsDialog::sendTestMessage);
    connect(buttons, &QDialogButtonBox::accepted, this, &MailSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void MailSettingsDialog::load()
{
    auto stored = m_mail.settings();
    if (!stored) {
        showError(stored.error().message);
        return;
    }
    const SmtpSettings& s = stored.value();
    if (s.isSet()) {
        m_host->setText(s.host);
        m_port->setValue(s.port);
        m_security->setCurrentIndex(m_security->findData(securityName(s.security)));
        m_port->setValue(s.port); // again: changing the security proposed its usual port
        m_from->setText(s.from);
        m_replyTo->setText(s.replyTo);
        m_user->setText(s.user);
        m_caFile->setText(s.caFile);
        m_perMinute->setValue(s.perMinute);
        m_testTo->setText(s.replyTo.isEmpty() ? s.from : s.replyTo);
    }
    showPasswordState(s);
}

void MailSettingsDialog::showPasswordState(const SmtpSettings& stored)
{
    m_password->setPlaceholderText(QString());
    m_passwordState->setText(tr("The password is kept in this computer's keychain only."));
    QPointer<MailSettingsDialog> self(this);
    m_mail.passwordStored(stored, [self](Result<bool> found) {
        if (!self || !found || !found.value()) {
            return;
        }
        self->m_password->setPlaceholderText(tr("Stored; type a new one to replace it"));
        self->m_passwordState->setText(
            tr("A password is stored in this computer's keychain. Leave the field empty to keep it."));
    });
}

SmtpSettings MailSettingsDialog::settings() const
{
    SmtpSettings s;
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.security = securityFromName(m_security->currentData().toString()).value_or(Security::StartTls);
    s.from = m_from->text().trimmed();
    s.replyTo = m_replyTo->text().trimmed();
    s.user = m_user->text().trimmed();
    s.caFile = m_caFile->text().trimmed();
    s.perMinute = m_perMinute->value();
    return s;
}

void MailSettingsDialog::updateState()
{
    // A team member who is not an owner sees the settings and may send a test, not save.
    const auto allowed = m_mail.mayChange();
    m_save->setEnabled(!m_busy && allowed.ok());
    m_save->setToolTip(allowed.ok() ? QString() : allowed.error().message);
    m_test->setEnabled(
        !m_busy && !m_host->text().trimmed().isEmpty() && !m_testTo->text().trimmed().isEmpty());
}

void MailSettingsDialog::showError(const QString& text)
{
    m_outcome->setText(text);
}

void MailSettingsDialog::save()
{
    const QString password = m_password->text();
    m_busy = true;
    updateState();
    QPointer<MailSettingsDialog> self(this);
    m_mail.save(settings(), password.isEmpty() ? std::nullopt : std::optional<QString>(password),
        [self](Result<void> stored) {
            if (!self) {
                return;
            }
            self->m_busy = false;
            self->updateState();
            if (!stored) {
                self->showError(stored.error().message);
                return;
            }
            emit self->saved();
            self->accept();
        });
}

void MailSettingsDialog::sendTestMessage()
{
    const QString to = m_testTo->text().trimmed();
    if (auto recipient = MailService::checkRecipient(to); !recipient) {
        showError(recipient.error().message);
        emit testFinished(SendOutcome::Status::Rejected);
        return;
    }
    const QString password = m_password->text();
    m_busy = true;
    updateState();
    m_outcome->setText(tr("Sending…"));
    QPointer<MailSettingsDialog> self(this);
    m_mail.senderFor(settings(), password.isEmpty() ? std::nullopt : std::optional<QString>(password),
        [self, to](Result<SmtpSender> sender) {
            if (!self) {
                return;
            }
            if (!sender) {
                self->m_busy = false;
                self->updateState();
                self->showError(sender.error().message);
                emit self->testFinished(SendOutcome::Status::Unavailable);
                return;
            }
            self->sendWith(sender.value(), to);
        });
}

void MailSettingsDialog::sendWith(const SmtpSender& sender, const QString& to)
{
    setCursor(Qt::BusyCursor);
    // One SMTP session may take up to a minute: on a thread of its own, the window stays usable.
    auto outcome = std::make_shared<SendOutcome>();
    const MailMessage message = MailService::testMessage(sender.settings(), to);
    QThread* worker = QThread::create([sender, message, outcome] { *outcome = sender.send(message); });
    connect(worker, &QThread::finished, this, [this, worker, outcome] {
        worker->deleteLater();
        unsetCursor();
        m_busy = false;
        updateState();
        QString text = outcome->message;
        if (outcome->status != SendOutcome::Status::Sent && !outcome->serverReply.isEmpty()) {
            text += QLatin1Char('\n') + tr("The relay said: %1").arg(outcome->serverReply);
        }
        m_outcome->setText(text);
        emit testFinished(outcome->status);
    });
    worker->start();
}

} // namespace rmsam
