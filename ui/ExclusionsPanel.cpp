#include "ExclusionsPanel.h"

#include "RecordTable.h"
#include "services/ReclamationService.h"
#include "services/Reports.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rmsam {

ExclusionsPanel::ExclusionsPanel(Services& services, RecordTable* table, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_reclamation(services.reclamationService())
    , m_table(table)
{
    setObjectName(QStringLiteral("exclusionsPanel"));
    m_addUser = new QPushButton(tr("Add &user…"), this);
    m_addUser->setObjectName(QStringLiteral("excludeUserButton"));
    m_addIdentifier = new QPushButton(tr("Add i&dentifier…"), this);
    m_addIdentifier->setObjectName(QStringLiteral("excludeIdentifierButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeExclusionButton"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exclusionsMessage"));
    m_message->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_addUser);
    top->addWidget(m_addIdentifier);
    top->addWidget(m_remove);
    top->addWidget(m_message, 1);
    connect(m_addUser, &QPushButton::clicked, this, &ExclusionsPanel::askUser);
    connect(m_addIdentifier, &QPushButton::clicked, this, &ExclusionsPanel::askIdentifier);
    connect(m_remove, &QPushButton::clicked, this, &ExclusionsPanel::removeSelected);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    m_table->setParent(this);
    m_table->view()->installEventFilter(this);
    connect(m_table->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ExclusionsPanel::updateActions);
    connect(m_table->model(), &QAbstractItemModel::modelReset, this, &ExclusionsPanel::updateActions);
    connect(m_table->model(), &QAbstractItemModel::layoutChanged, this, &ExclusionsPanel::updateActions);
    updateActions();
}

void ExclusionsPanel::setProfile(qint64 profileId)
{
    m_profileId = profileId;
    m_message->clear();
    updateActions();
}

std::optional<ExclusionRule> ExclusionsPanel::selectedRule() const
{
    const QModelIndex current = m_table->view()->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    // The table shows the kind in words; they are the report's, so compare with the report's.
    const QString kindText = current.siblingAtColumn(0).data(RecordTableModel::RawRole).toString();
    for (const auto kind : { ExclusionRule::Kind::User, ExclusionRule::Kind::Identifier }) {
        if (kindText == Reports::exclusionKindText(kind)) {
            ExclusionRule rule;
            rule.kind = kind;
            rule.value = current.siblingAtColumn(1).data(RecordTableModel::RawRole).toString();
            rule.active = current.siblingAtColumn(2).data(RecordTableModel::RawRole).toBool();
            return rule;
        }
    }
    return std::nullopt;
}

void ExclusionsPanel::updateActions()
{
    // Any member may read the rules; adding and removing them takes the role the team set.
    const QString refusal = m_services.team().refusal(TeamAction::Exclusions);
    for (QPushButton* b : { m_addUser, m_addIdentifier }) {
        b->setEnabled(refusal.isEmpty());
        b->setToolTip(refusal);
    }
    m_remove->setEnabled(refusal.isEmpty() && selectedRule().has_value());
    m_remove->setToolTip(refusal);
}

Result<ExclusionRule> ExclusionsPanel::add(ExclusionRule::Kind kind, const QString& value)
{
    if (const QString refusal = m_services.team().refusal(TeamAction::Exclusions); !refusal.isEmpty()) {
        return Error { ErrorCode::NotPermitted, refusal, {} };
    }
    auto added = m_reclamation.addExclusion(kind, value);
    if (!added) {
        return added;
    }
    m_message->setText(kind == ExclusionRule::Kind::User
            ? tr("Excluded user %1 in every profile.").arg(added.value().value)
            : tr("Excluded subscription identifier %1.").arg(added.value().value));
    const auto evaluated = reevaluate();
    emit changed();
    return evaluated ? added : Result<ExclusionRule>(evaluated.error());
}

Result<void> ExclusionsPanel::remove(ExclusionRule::Kind kind, const QString& value)
{
    if (const QString refusal = m_services.team().refusal(TeamAction::Exclusions); !refusal.isEmpty()) {
        return Error { ErrorCode::NotPermitted, refusal, {} };
    }
    if (auto removed = m_reclamation.removeExclusion(kind, value); !removed) {
        return removed;
    }
    m_message->setText(tr("Removed the exclusion of %1.").arg(value.trimmed()));
    const auto evaluated = reevaluate();
    emit changed();
    return evaluated;
}

Result<void> ExclusionsPanel::reevaluate()
{
    // The rules apply to every profile; the one on screen shows its candidates follow at once,
    // the others at their next sync or evaluation (as after `exclude add --profile`).
    if (m_profileId == 0) {
        return {};
    }
    auto evaluated = m_reclamation.evaluate(m_profileId);
    return evaluated ? Result<void>() : Result<void>(evaluated.error());
}

void ExclusionsPanel::askUser()
{
    askValue(ExclusionRule::Kind::User);
}

void ExclusionsPanel::askIdentifier()
{
    askValue(ExclusionRule::Kind::Identifier);
}

void ExclusionsPanel::askValue(ExclusionRule::Kind kind)
{
    const bool user = kind == ExclusionRule::Kind::User;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("exclusionValueDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(user ? tr("Exclude a user") : tr("Exclude a subscription identifier"));
    if (user) {
        dialog->setLabelText(tr("Email address of the user to leave out of cost figures and never "
                                "reclaim, in every profile:"));
        dialog->setInputMode(QInputDialog::TextInput);
    } else {
        dialog->setLabelText(tr("Subscription identifier (the role as Roadmunk sends it) to leave out "
                                "of cost figures and never reclaim:"));
        // The roles Roadmunk sends; any other identifier (an unrecognized one) can be typed.
        dialog->setComboBoxItems({ QStringLiteral("reviewer"), QStringLiteral("collaborator"),
            QStringLiteral("user_manager"), QStringLiteral("account_admin") });
        dialog->setComboBoxEditable(true);
    }
    connect(dialog, &QInputDialog::textValueSelected, this, [this, kind](const QString& value) {
        if (auto added = add(kind, value); !added) {
            warn(added.error().message);
        }
    });
    dialog->open();
}

void ExclusionsPanel::excludeUser(const QString& email)
{
    if (const QString refusal = m_services.team().refusal(TeamAction::Exclusions); !refusal.isEmpty()) {
        warn(refusal);
        return;
    }
    // Say what is wrong with the address before asking to confirm it.
    if (auto checked = Exclusions::normalize(ExclusionRule::Kind::User, email); !checked) {
        warn(checked.error().message);
        return;
    }
    confirm(tr("Exclude %1 in every profile?").arg(email.trimmed()),
        tr("An excluded user is left out of cost figures and never reclaimed, until the exclusion is "
           "removed."),
        tr("&Exclude user"), [this, email] {
            if (auto added = add(ExclusionRule::Kind::User, email); !added) {
                warn(added.error().message);
            }
        });
}

void ExclusionsPanel::removeSelected()
{
    const auto rule = selectedRule();
    if (!rule || !m_remove->isEnabled()) {
        return;
    }
    confirm(tr("Remove the exclusion of %1?").arg(rule->value),
        tr("Its subscriptions count in cost figures again and can become removal candidates."),
        tr("&Remove exclusion"), [this, kind = rule->kind, value = rule->value] {
            if (auto removed = remove(kind, value); !removed) {
                warn(removed.error().message);
            }
        });
}

void ExclusionsPanel::confirm(
    const QString& question, const QString& detail, const QString& verb, std::function<void()> yes)
{
    auto* box
        = new QMessageBox(QMessageBox::Question, tr("Exclusion rules"), question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("exclusionConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(detail);
    QPushButton* act = box->addButton(verb, QMessageBox::AcceptRole);
    act->setObjectName(QStringLiteral("confirmExclusionButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [act, yes = std::move(yes)](QAbstractButton* clicked) {
        if (clicked == act) {
            yes();
        }
    });
    box->open();
}

void ExclusionsPanel::warn(const QString& message)
{
    m_message->setText(message);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Exclusion rules"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("exclusionWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool ExclusionsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->view() && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace rmsam
