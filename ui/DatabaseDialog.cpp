#include "DatabaseDialog.h"

#include "services/DatabaseAccess.h"
#include "services/ProfileService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QThread>
#include <QVBoxLayout>

namespace rmsam {

DatabaseDialog::DatabaseDialog(ProfileService& service, const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Database"));
    setMinimumWidth(640); // room for a whole address
    m_local = new QRadioButton(tr("This computer &only (a private database in the data folder)"), this);
    m_team = new QRadioButton(tr("A &team database on a PostgreSQL server"), this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("databaseUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://you@db.example.com:5432/roadmunk_sam?sslmode=verify-full"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Leave empty for ~/.pgpass or a client certificate"));
    auto* passwordNote = new QLabel(
        tr("A password typed here is kept in the OS keychain, never in the settings or a log."), this);
    passwordNote->setWordWrap(true);
    m_test = new QPushButton(tr("Test &connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("connectionOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), passwordNote);
    form->addRow(QString(), m_test);
    form->addRow(QString(), m_outcome);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Use this database"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_team);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Roadmunk SAM opens the chosen database when it starts again."), this));
    layout->addWidget(buttons);

    const bool team = DatabaseAccess::isTeamDatabase(current);
    (team ? m_team : m_local)->setChecked(true);
    if (team) {
        m_url->setText(current);
    }
    connect(m_local, &QRadioButton::toggled, this, &DatabaseDialog::updateState);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        m_outcome->clear();
        updateState();
    });
    connect(m_test, &QPushButton::clicked, this, &DatabaseDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

DatabaseDialog::~DatabaseDialog() = default;

QString DatabaseDialog::address() const
{
    return m_team->isChecked() ? m_url->text().trimmed() : QString();
}

void DatabaseDialog::updateState()
{
    const bool team = m_team->isChecked();
    m_url->setEnabled(team);
    m_password->setEnabled(team);
    const bool valid = !team || DatabaseAccess::address(m_url->text().trimmed()).ok();
    m_test->setEnabled(team && valid && !m_testing);
    m_ok->setEnabled(valid && !m_testing);
}

void DatabaseDialog::testConnection()
{
    const QString url = m_url->text().trimmed();
    const QString password = m_password->text();
    m_testing = true;
    updateState();
    m_outcome->setText(tr("Connecting…"));
    // The connection is made in a thread of its own: an unreachable server may keep libpq
    // waiting, and the window must stay responsive meanwhile.
    auto outcome = std::make_shared<Result<QString>>(QString());
    QThread* worker
        = QThread::create([url, password, outcome] { *outcome = DatabaseAccess::test(url, password); });
    connect(worker, &QThread::finished, this, [this, worker, outcome] {
        worker->deleteLater();
        m_testing = false;
        updateState();
        showOutcome(outcome->ok(), outcome->ok() ? outcome->value() : outcome->error().message);
    });
    worker->start();
}

void DatabaseDialog::showOutcome(bool connected, const QString& text)
{
    m_outcome->setText(connected ? text : tr("Not connected: %1").arg(text));
    emit testFinished(connected);
}

void DatabaseDialog::save()
{
    const QString url = address();
    const QString password = m_password->text();
    QSettings().setValue(QStringLiteral("database"), url);
    if (url.isEmpty() || password.isEmpty()) {
        accept();
        return;
    }
    m_ok->setEnabled(false);
    QPointer<DatabaseDialog> self(this);
    m_service.storeDatabasePassword(url, password, [self](Result<void> stored) {
        if (!self) {
            return;
        }
        if (!stored) {
            self->showOutcome(false, stored.error().message);
            self->updateState();
            return;
        }
        self->accept();
    });
}

} // namespace rmsam
