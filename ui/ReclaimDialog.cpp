#include "ReclaimDialog.h"

#include "RecordTable.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/ReclamationService.h"
#include "services/Services.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace rmsam {

ReclaimDialog::ReclaimDialog(Services& services, IntegrationProfile profile, QWidget* parent)
    : QDialog(parent)
    , m_reclamation(services.reclamationService())
    , m_launcher(services.launcher())
    , m_profile(std::move(profile))
{
    setWindowTitle(tr("Reclaim seats — %1").arg(m_profile.displayName));
    setObjectName(QStringLiteral("reclaimDialog"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("reclaimHeading"));
    m_heading->setWordWrap(true);
    m_table = new RecordTable(QStringLiteral("reclaimTable"),
        { { tr("Number"), QStringLiteral("Number") }, { tr("Email"), QStringLiteral("Email") },
            { tr("Seat Type"), QStringLiteral("Seat Type") }, { tr("Why"), QStringLiteral("Why") },
            { tr("Savings per Year"), QStringLiteral("Savings per Year") },
            { tr("Currency"), QStringLiteral("Currency") }, { tr("Outcome"), QStringLiteral("Outcome") } },
        this);
    m_table->view()->setAccessibleName(tr("Users to deactivate"));
    m_savings = new QLabel(this);
    m_savings->setObjectName(QStringLiteral("reclaimSavings"));
    m_max = new QSpinBox(this);
    m_max->setObjectName(QStringLiteral("reclaimMax"));
    m_max->setRange(1, 1000);
    m_max->setValue(ReclaimOptions::DefaultMax);
    m_max->setAccessibleName(tr("Most users to deactivate in this run"));
    m_confirmLabel = new QLabel(this);
    m_confirmLabel->setWordWrap(true);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("reclaimConfirm"));
    m_confirm->setAccessibleName(tr("Number of users to deactivate, typed to confirm"));
    m_confirmLabel->setBuddy(m_confirm);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reclaim = m_buttons->addButton(tr("&Deactivate"), QDialogButtonBox::ActionRole);
    m_reclaim->setObjectName(QStringLiteral("reclaimRun"));
    m_reclaim->setEnabled(false);
    m_cancel = m_buttons->addButton(tr("Cancel run"), QDialogButtonBox::ActionRole);
    m_cancel->setVisible(false);
    m_leaveOut = new QPushButton(tr("&Leave out / take back"), this);
    m_leaveOut->setObjectName(QStringLiteral("reclaimLeaveOut"));
    m_leaveOut->setToolTip(tr("Leave the selected users out of this run, or take them back in."));
    auto* leaveOut = new QAction(m_leaveOut->text(), m_table->view());
    leaveOut->setShortcut(Qt::Key_Space);
    leaveOut->setShortcutContext(Qt::WidgetShortcut);
    m_table->view()->addAction(leaveOut);
    m_table->view()->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* form = new QFormLayout;
    form->addRow(tr("Most users in this run:"), m_max);
    form->addRow(m_confirmLabel, m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_leaveOut, 0, Qt::AlignLeft);
    layout->addWidget(m_savings);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_max, &QSpinBox::valueChanged, this, &ReclaimDialog::plan);
    connect(m_confirm, &QLineEdit::textChanged, this, &ReclaimDialog::updateConfirmation);
    connect(m_reclaim, &QPushButton::clicked, this, &ReclaimDialog::run);
    connect(m_leaveOut, &QPushButton::clicked, this, &ReclaimDialog::toggleLeftOut);
    connect(leaveOut, &QAction::triggered, this, &ReclaimDialog::toggleLeftOut);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_launcher.cancelReclaim(m_profile.id); });
    connect(&m_launcher, &JobLauncher::reclaimProgress, this, [this](qint64 id, int done, int total) {
        if (m_running && id == m_profile.id) {
            m_progress->setRange(0, total);
            m_progress->setValue(done);
            m_heading->setText(tr("Reclaiming: %1 of %n candidate(s) done.", nullptr, total).arg(done));
        }
    });
    connect(
        &m_launcher, &JobLauncher::reclaimFinished, this, [this](qint64 id, const ReclaimOutcome& outcome) {
            if (m_running && id == m_profile.id) {
                finished(outcome);
            }
        });
    resize(900, 520);
    plan();
    m_confirm->setFocus();
}

int ReclaimDialog::deactivationCount() const
{
    return int(std::count_if(m_outcome.items.cbegin(), m_outcome.items.cend(), [this](const ReclaimItem& i) {
        return i.outcome == ReclaimItem::Outcome::WouldDeactivate && takes(i);
    }));
}

bool ReclaimDialog::takes(const ReclaimItem& item) const
{
    return (item.outcome == ReclaimItem::Outcome::WouldDeactivate
               || item.outcome == ReclaimItem::Outcome::WouldNotify)
        && !m_leftOut.contains(item.candidate.number);
}

void ReclaimDialog::toggleLeftOut()
{
    if (m_running || !m_outcome.dryRun) {
        return;
    }
    QSet<qint64> chosen;
    for (const QModelIndex& index : m_table->view()->selectionModel()->selectedRows(0)) {
        if (const qint64 number = m_numberByText.value(index.data().toString()); number != 0) {
            chosen.insert(number);
        }
    }
    if (chosen.isEmpty()) {
        return;
    }
    // All of them out already: take them back; otherwise leave them all out.
    const bool allOut
        = std::all_of(chosen.cbegin(), chosen.cend(), [this](qint64 n) { return m_leftOut.contains(n); });
    for (qint64 n : chosen) {
        if (allOut) {
            m_leftOut.remove(n);
        } else {
            m_leftOut.insert(n);
        }
    }
    m_confirm->clear(); // the number to type has changed
    showItems();
    showPreviewHeading();
    // The rows are new: the same users stay selected, for the next key press.
    QItemSelectionModel* selection = m_table->view()->selectionModel();
    QAbstractItemModel* model = m_table->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (chosen.contains(m_numberByText.value(index.data().toString()))) {
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
    }
}

void ReclaimDialog::plan()
{
    ReclaimOptions options;
    options.max = m_max->value();
    auto items = m_reclamation.plan(m_profile, options);
    m_outcome = {};
    const auto runnable = m_launcher.checkReclaim(m_profile.id);
    m_refusal = runnable ? QString() : runnable.error().message;
    if (!items) {
        m_heading->setText(items.error().message);
        showItems();
        return;
    }
    m_outcome.items = items.value();
    showItems();
    showPreviewHeading();
}

void ReclaimDialog::showPreviewHeading()
{
    const int notify = int(std::count_if(m_outcome.items.cbegin(), m_outcome.items.cend(),
        [this](const ReclaimItem& i) { return i.outcome == ReclaimItem::Outcome::WouldNotify && takes(i); }));
    QString heading = tr("Dry run: %n user(s) would be deactivated. Nobody has been deactivated yet.",
        nullptr, deactivationCount());
    if (notify > 0) {
        heading += QLatin1Char(' ') + tr("%n user(s) would be notified first.", nullptr, notify);
    }
    const int leftOut
        = int(std::count_if(m_outcome.items.cbegin(), m_outcome.items.cend(), [this](const ReclaimItem& i) {
              return (i.outcome == ReclaimItem::Outcome::WouldDeactivate
                         || i.outcome == ReclaimItem::Outcome::WouldNotify)
                  && m_leftOut.contains(i.candidate.number);
          }));
    if (leftOut > 0) {
        heading += QLatin1Char(' ') + tr("%n left out by you.", nullptr, leftOut);
    }
    if (!m_refusal.isEmpty()) {
        heading += QLatin1Char(' ') + m_refusal;
    }
    m_heading->setText(heading);
}

void ReclaimDialog::showItems()
{
    QList<QList<QVariant>> rows;
    QMap<QString, double> savings;
    bool priced = false;
    m_numberByText.clear();
    for (const ReclaimItem& i : std::as_const(m_outcome.items)) {
        priced = priced || !i.currency.isEmpty();
        const bool leftOut = m_outcome.dryRun && m_leftOut.contains(i.candidate.number)
            && (i.outcome == ReclaimItem::Outcome::WouldDeactivate
                || i.outcome == ReclaimItem::Outcome::WouldNotify);
        m_numberByText.insert(i.candidate.displayNumber(), i.candidate.number);
        rows.append(
            { i.candidate.displayNumber(), i.candidate.email, SeatTypes::displayName(i.candidate.seatType),
                i.message, i.currency.isEmpty() ? QVariant() : QVariant(i.savings), i.currency,
                leftOut ? tr("Left out of this run") : Reclaim::outcomeDisplayName(i.outcome) });
        const bool counts = (i.outcome == ReclaimItem::Outcome::WouldDeactivate && !leftOut)
            || i.outcome == ReclaimItem::Outcome::Deactivated;
        if (counts && !i.currency.isEmpty()) {
            savings[i.currency] += i.savings;
        }
    }
    m_table->setRows(rows);
    QStringList totals;
    for (auto it = savings.cbegin(); it != savings.cend(); ++it) {
        totals.append(Licenses::moneyText(it.value(), it.key()));
    }
    if (!totals.isEmpty()) {
        m_savings->setText(tr("Savings per year: %1").arg(totals.join(QStringLiteral(", "))));
    } else if (priced) {
        m_savings->setText(tr("Savings per year: none from this run, which deactivates nobody."));
    } else {
        m_savings->setText(tr("Savings: set entitlements (seats owned and price) to see them."));
    }
    updateConfirmation();
}

void ReclaimDialog::updateConfirmation()
{
    const int n = int(std::count_if(
        m_outcome.items.cbegin(), m_outcome.items.cend(), [this](const ReclaimItem& i) { return takes(i); }));
    const bool planned = !m_running && !m_outcome.items.isEmpty() && n > 0 && m_outcome.error == std::nullopt;
    const bool runnable = planned && m_refusal.isEmpty();
    m_confirmLabel->setText(tr("Type %1 to confirm:").arg(n));
    m_confirm->setEnabled(runnable);
    m_reclaim->setEnabled(runnable && m_confirm->text().trimmed() == QString::number(n));
}

void ReclaimDialog::run()
{
    if (m_running) {
        return;
    }
    ReclaimOptions options;
    options.dryRun = false;
    options.max = m_max->value();
    options.actor = Reclamation::currentActor();
    // What was confirmed is what runs: the candidates of this preview, or none if one changed.
    QList<ReclaimItem> taken;
    for (const ReclaimItem& i : std::as_const(m_outcome.items)) {
        if (takes(i)) {
            taken.append(i);
        }
    }
    options.confirmed = Reclaim::confirmable(taken);
    if (auto started = m_launcher.startReclaim(m_profile.id, options); !started) {
        m_heading->setText(started.error().message);
        return;
    }
    m_running = true;
    m_reclaim->setEnabled(false);
    m_confirm->setEnabled(false);
    m_max->setEnabled(false);
    m_leaveOut->setEnabled(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel->setVisible(true);
    m_heading->setText(tr("Reading the API token from the keychain…"));
}

void ReclaimDialog::finished(const ReclaimOutcome& outcome)
{
    m_running = false;
    // A run that never began (no token, cancelled while the keychain answered) has no items:
    // the preview stays in the table.
    const QList<ReclaimItem> preview = m_outcome.items;
    m_outcome = outcome;
    if (m_outcome.items.isEmpty()) {
        m_outcome.items = preview;
    }
    m_outcome.dryRun = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    QString heading = outcome.summary();
    if (outcome.error) {
        heading += QLatin1Char('\n') + tr("The run stopped: %1").arg(outcome.error->message);
    }
    m_heading->setText(heading);
    showItems();
    m_reclaim->setEnabled(false);
    m_confirm->setEnabled(false);
    if (outcome.count(ReclaimItem::Outcome::Notified) > 0) {
        sendNotices(heading);
    }
    emit reclaimed();
}

void ReclaimDialog::sendNotices(const QString& heading)
{
    // The users moved to Awaiting User get their notice now, when e-mail is set up.
    if (auto started = m_launcher.startNotices(m_profile.id, false, Reclamation::currentActor()); !started) {
        m_heading->setText(heading + QLatin1Char('\n')
            + (started.error().code == ErrorCode::InvalidState
                    ? tr("E-mail is not set up: send each notice yourself (Notice to user… on the "
                         "candidate); the deadline counts from now.")
                    : tr("The notices were not sent: %1").arg(started.error().message)));
        return;
    }
    m_heading->setText(heading + QLatin1Char('\n') + tr("Sending the notices…"));
    connect(&m_launcher, &JobLauncher::noticesFinished, this,
        [this, heading](qint64 id, const NoticeDispatchOutcome& sent) {
            if (id != m_profile.id) {
                return;
            }
            QString text = heading + QLatin1Char('\n')
                + tr("Notices: %1 sent, %2 failed.")
                      .arg(sent.count(NoticeItem::Outcome::Sent))
                      .arg(sent.count(NoticeItem::Outcome::Rejected)
                          + sent.count(NoticeItem::Outcome::Deferred));
            if (sent.error) {
                text += QLatin1Char(' ') + sent.error->message;
            }
            m_heading->setText(text);
        });
}

} // namespace rmsam
