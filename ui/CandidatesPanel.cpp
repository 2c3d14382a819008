#include "CandidatesPanel.h"

#include "ReclaimDialog.h"
#include "ReclamationSettingsDialog.h"
#include "RecordTable.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/MailService.h"
#include "services/ProfileService.h"
#include "services/ReclaimJob.h"
#include "services/ReclamationService.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace rmsam {

CandidatesPanel::CandidatesPanel(Services& services, RecordTable* table, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_reclamation(services.reclamationService())
    , m_launcher(services.launcher())
    , m_table(table)
{
    setObjectName(QStringLiteral("candidatesPanel"));
    m_reclaim = new QPushButton(tr("Reclai&m…"), this);
    m_reclaim->setObjectName(QStringLiteral("reclaimButton"));
    m_reclaim->setToolTip(tr("Preview who would be deactivated, then confirm"));
    auto* settings = new QPushButton(tr("Rule and &entitlements…"), this);
    settings->setObjectName(QStringLiteral("reclamationSettingsButton"));
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reclaimDisabledReason"));
    m_reason->setWordWrap(true);
    m_mailStatus = new QLabel(this);
    m_mailStatus->setObjectName(QStringLiteral("noticeMailStatus"));
    m_mailStatus->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_reclaim);
    top->addWidget(settings);
    top->addWidget(m_reason, 1);

    const QList<QPair<CandidateAction, QString>> actions = {
        { CandidateAction::Reclaim, tr("Mark for re&claim") },
        { CandidateAction::DataFixed, tr("Checked, read&y") },
        { CandidateAction::Skip, tr("S&kip") },
        { CandidateAction::Close, tr("C&lose") },
        { CandidateAction::UserKeeps, tr("User keeps i&t") },
        { CandidateAction::UserReleases, tr("User &releases it") },
        { CandidateAction::Approve, tr("&Approve keeping") },
        { CandidateAction::Decline, tr("&Decline keeping") },
    };
    // Two rows, so that the tab fits beside the profile list: the state changes, then the
    // person's way out of Attention Required with the candidate's notes, notice and history.
    auto* row = new QHBoxLayout;
    auto* tools = new QHBoxLayout;
    for (const auto& [action, text] : actions) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QStringLiteral("candidate_") + Candidates::actionCode(action));
        connect(button, &QPushButton::clicked, this, [this, action = action] { moveSelected(action); });
        (action == CandidateAction::DataFixed ? tools : row)->addWidget(button);
        m_actions.insert(action, button);
    }
    m_note = new QPushButton(tr("Add work &note…"), this);
    m_note->setObjectName(QStringLiteral("candidateNote"));
    m_notice = new QPushButton(tr("Notice to &user…"), this);
    m_notice->setObjectName(QStringLiteral("candidateNotice"));
    m_history = new QPushButton(tr("&View history…"), this);
    m_history->setObjectName(QStringLiteral("candidateHistory"));
    m_recheck = new QPushButton(tr("Re-check in R&oadmunk"), this);
    m_recheck->setObjectName(QStringLiteral("candidateRecheck"));
    row->addStretch();
    for (QPushButton* b : { m_recheck, m_note, m_notice, m_history }) {
        tools->addWidget(b);
    }
    tools->addStretch();
    connect(m_note, &QPushButton::clicked, this, &CandidatesPanel::addNote);
    connect(m_notice, &QPushButton::clicked, this, &CandidatesPanel::showNotice);
    connect(m_history, &QPushButton::clicked, this, &CandidatesPanel::showHistory);
    connect(m_recheck, &QPushButton::clicked, this, &CandidatesPanel::recheck);
    connect(m_reclaim, &QPushButton::clicked, this, &CandidatesPanel::openReclaim);
    connect(settings, &QPushButton::clicked, this, &CandidatesPanel::openSettings);
    connect(&m_launcher, &JobLauncher::checkFinished, this, &CandidatesPanel::checked);
    connectNotices();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addLayout(tools);
    layout->addWidget(m_mailStatus);
    m_table->setParent(this);
    // The service lists leavers (per the HR roster) first: that order, until the admin sorts.
    m_table->showInGivenOrder();
    connect(m_table->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CandidatesPanel::updateActions);
    connect(m_table->model(), &QAbstractItemModel::modelReset, this, &CandidatesPanel::updateActions);
    connect(m_table->model(), &QAbstractItemModel::layoutChanged, this, &CandidatesPanel::updateActions);
    updateActions();
}

// What the notice e-mails of this profile did, as they go out.
void CandidatesPanel::connectNotices()
{
    connect(&m_launcher, &JobLauncher::noticeSent, this, [this](qint64 profileId, const NoticeItem& item) {
        if (profileId == m_profileId) {
            m_mailStatus->setText(tr("Notice e-mail to %1: %2").arg(item.recipient, item.message));
        }
    });
    connect(&m_launcher, &JobLauncher::noticesFinished, this,
        [this](qint64 profileId, const NoticeDispatchOutcome& outcome) {
            if (profileId == m_profileId) {
                m_mailStatus->setText(outcome.error
                        ? outcome.summary() + QLatin1Char(' ') + outcome.error->message
                        : outcome.summary());
                emit changed();
            }
        });
}

void CandidatesPanel::setProfile(qint64 profileId)
{
    m_profileId = profileId;
    updateActions();
}

std::optional<qint64> CandidatesPanel::selectedNumber() const
{
    const QModelIndex current = m_table->view()->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    const QString text = current.siblingAtColumn(0).data(RecordTableModel::RawRole).toString();
    bool ok = false;
    const qint64 n = text.mid(2).toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

std::optional<Result<RemovalCandidate>> CandidatesPanel::selectedCandidate()
{
    const auto n = selectedNumber();
    if (!n) {
        return std::nullopt;
    }
    return m_reclamation.candidate(*n);
}

QString CandidatesPanel::reclaimDisabledReason() const
{
    if (m_profileId == 0) {
        return tr("Select a profile.");
    }
    if (const QString refusal = m_services.team().refusal(TeamAction::Reclaim); !refusal.isEmpty()) {
        return refusal;
    }
    const auto runnable = m_launcher.checkReclaim(m_profileId);
    return runnable ? QString() : runnable.error().message;
}

void CandidatesPanel::updateActions()
{
    QString problem = reclaimDisabledReason();
    m_reclaim->setEnabled(problem.isEmpty() && m_table->model()->totalRowCount() > 0);
    std::optional<RemovalCandidate> candidate;
    bool notify = false;
    m_loaded.reset();
    if (const auto selected = selectedCandidate(); selected && !*selected) {
        problem = selected->error().message;
    } else if (selected) {
        const auto rule = m_reclamation.rule(selected->value().profileId);
        if (rule) {
            candidate = selected->value();
            notify = rule.value().notifyUser;
            m_loaded = std::pair(candidate->number, candidate->rowVersion);
        } else {
            problem = rule.error().message;
        }
    }
    m_reason->setText(problem);
    // The team role allows or not whatever the candidate; the tooltip says which role it takes.
    const TeamService& team = m_services.team();
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const QString refusal = team.refusal(
            TeamAccess::forCandidate(it.key(), candidate ? std::optional(candidate->state) : std::nullopt));
        it.value()->setEnabled(
            candidate && refusal.isEmpty() && Candidates::next(candidate->state, it.key(), notify).ok());
        it.value()->setToolTip(refusal);
    }
    const QString notesRefusal = team.refusal(TeamAction::Notes);
    m_note->setEnabled(candidate.has_value() && notesRefusal.isEmpty());
    m_note->setToolTip(notesRefusal);
    m_history->setEnabled(candidate.has_value());
    m_recheck->setEnabled(candidate.has_value() && m_checking == 0 && notesRefusal.isEmpty());
    m_notice->setEnabled(candidate && candidate->state == CandidateState::AwaitingUser);
}

Result<RemovalCandidate> CandidatesPanel::apply(CandidateAction action, const QString& note)
{
    const auto n = selectedNumber();
    if (!n) {
        return Error { ErrorCode::InvalidInput, tr("Select a removal candidate first."), {} };
    }
    if (!m_loaded || m_loaded->first != *n) {
        updateActions(); // read it now: that is what the admin sees from here on
    }
    if (!m_loaded || m_loaded->first != *n) {
        return Error { ErrorCode::InvalidInput, tr("Select a removal candidate first."), {} };
    }
    auto moved = m_reclamation.apply(*n, action, Reclamation::currentActor(), note, m_loaded->second);
    // Moved, or moved by someone else meanwhile: either way the tables show what is stored now.
    if (moved || moved.error().code == ErrorCode::Conflict) {
        emit changed();
    }
    return moved;
}

void CandidatesPanel::moveSelected(CandidateAction action)
{
    const auto selected = selectedCandidate();
    if (selected && !*selected) {
        QMessageBox::warning(this, tr("Removal candidate"), selected->error().message);
        return;
    }
    const bool attention = selected && selected->value().state == CandidateState::AttentionRequired;
    bool ok = true;
    const QString note = QInputDialog::getText(this, tr("Work note"),
        attention ? tr("What did you check? (required to leave Attention Required)")
                  : tr("Note for the candidate's history (optional):"),
        QLineEdit::Normal, {}, &ok);
    if (!ok) {
        return;
    }
    auto moved = apply(action, note);
    if (!moved) {
        QMessageBox::warning(this, tr("Removal candidate"), moved.error().message);
        return;
    }
    if (moved.value().state == CandidateState::AwaitingUser) {
        sendNotices(false);
    }
}

bool CandidatesPanel::sendNotices(bool sayWhyNot)
{
    // Without e-mail the admin sends the notice by hand (Notice to user…: copy or mail app).
    auto settings = m_services.mail().settings();
    if (!settings || !settings.value().isSet()) {
        if (sayWhyNot) {
            m_mailStatus->setText(
                settings ? tr("E-mail is not set up: Settings › E-mail…") : settings.error().message);
        }
        return false;
    }
    if (auto started = m_launcher.startNotices(m_profileId, false, Reclamation::currentActor()); !started) {
        m_mailStatus->setText(started.error().message);
        return false;
    }
    m_mailStatus->setText(tr("Sending the notice e-mails…"));
    return true;
}

void CandidatesPanel::recheck()
{
    const auto n = selectedNumber();
    if (!n) {
        return;
    }
    if (auto started = m_launcher.startCheck(*n, Reclamation::currentActor()); !started) {
        QMessageBox::warning(this, tr("Re-check in Roadmunk"), started.error().message);
        return;
    }
    m_checking = *n;
    updateActions();
}

void CandidatesPanel::checked(qint64 number, const Result<CandidateFindings>& findings)
{
    if (number != m_checking) {
        return; // another screen's re-check
    }
    m_checking = 0;
    updateActions();
    if (!findings) {
        QMessageBox::warning(this, tr("Re-check in Roadmunk"), findings.error().message);
        return;
    }
    emit changed(); // the findings are a work note in the history now
    QMessageBox box(QMessageBox::Information, tr("Re-check in Roadmunk"),
        tr("What Roadmunk and the app know of %1 now (kept in its history):")
            .arg(candidateNumberText(findings.value().number)),
        QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("recheckFindings"));
    box.setInformativeText(findings.value().text());
    box.exec();
}

void CandidatesPanel::addNote()
{
    const auto n = selectedNumber();
    if (!n) {
        return;
    }
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Add work note"));
    dialog.setLabelText(tr("Work note:"));
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    if (auto* edit = dialog.findChild<QPlainTextEdit*>()) {
        edit->setAccessibleName(tr("Work note"));
    }
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString note = dialog.textValue();
    if (auto added = m_reclamation.addNote(*n, Reclamation::currentActor(), note); !added) {
        QMessageBox::warning(this, tr("Work note"), added.error().message);
    }
}

void CandidatesPanel::showNotice()
{
    const auto selected = selectedCandidate();
    if (!selected) {
        return;
    }
    const Result<RemovalCandidate>& c = *selected;
    const auto stored = c ? m_reclamation.rule(c.value().profileId) : Result<ReclamationRule>(c.error());
    if (!stored) {
        QMessageBox::warning(this, tr("Removal candidate"), stored.error().message);
        return;
    }
    const ReclamationRule& rule = stored.value();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Notice to %1").arg(c.value().email));
    auto* text = new QPlainTextEdit(&dialog);
    text->setPlainText(
        tr("To: %1\nSubject: %2\n\n%3")
            .arg(c.value().email, Reclaim::noticeSubject(c.value()), Reclaim::noticeBody(c.value(), rule)));
    text->setReadOnly(true);
    text->setAccessibleName(tr("Notice text"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    QPushButton* mail = buttons->addButton(tr("Open in &mail app"), QDialogButtonBox::ActionRole);
    auto smtp = m_services.mail().settings();
    if (smtp && smtp.value().isSet()) {
        QPushButton* send = buttons->addButton(tr("&Send by e-mail"), QDialogButtonBox::ActionRole);
        send->setObjectName(QStringLiteral("noticeSendButton"));
        send->setToolTip(tr("Send the notices due for this profile now (each at most once)"));
        connect(send, &QPushButton::clicked, &dialog, [this, &dialog] {
            if (sendNotices(true)) {
                dialog.accept();
            }
        });
    }
    connect(copy, &QPushButton::clicked, &dialog,
        [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(mail, &QPushButton::clicked, &dialog,
        [&] { QDesktopServices::openUrl(QUrl(Reclaim::mailtoLink(c.value(), rule), QUrl::StrictMode)); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(
        new QLabel(tr("Send this to the user, then record the answer with \"User keeps it\" or "
                      "\"User releases it\". Without an answer in %n day(s), the seat is reclaimed.",
                       nullptr, rule.notifyDays),
            &dialog));
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(600, 400);
    dialog.exec();
}

void CandidatesPanel::showHistory()
{
    const auto n = selectedNumber();
    if (!n) {
        return;
    }
    auto events = m_reclamation.history(*n);
    if (!events) {
        QMessageBox::warning(this, tr("History"), events.error().message);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History of %1").arg(candidateNumberText(*n)));
    auto* table = new RecordTable(QStringLiteral("historyTable"),
        { { tr("At"), QStringLiteral("At") }, { tr("Who"), QStringLiteral("Who") },
            { tr("Action"), QStringLiteral("Action") }, { tr("State"), QStringLiteral("State") },
            { tr("Note"), QStringLiteral("Note") } },
        &dialog);
    QList<QList<QVariant>> rows;
    for (const CandidateEvent& e : events.value()) {
        const auto action = Candidates::actionFromCode(e.action);
        rows.append({ e.at, e.actor,
            action ? Candidates::actionDisplayName(*action)
                   : (e.action == QLatin1String("note") ? tr("work note") : tr("created")),
            e.to ? Candidates::stateDisplayName(*e.to) : QString(), e.note });
    }
    table->view()->setAccessibleName(dialog.windowTitle());
    table->setRows(rows);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(800, 400);
    dialog.exec();
}

void CandidatesPanel::openReclaim()
{
    auto profile = m_services.profileService().find(m_profileId);
    if (!profile) {
        m_reason->setText(profile.error().message);
        return;
    }
    auto* dialog = new ReclaimDialog(m_services, profile.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReclaimDialog::reclaimed, this, &CandidatesPanel::changed);
    dialog->open();
}

void CandidatesPanel::openSettings()
{
    auto* dialog = new ReclamationSettingsDialog(m_reclamation, m_profileId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Any member may read the rule; changing it is the owner's (rule and entitlements alike).
    dialog->setReadOnlyReason(m_services.team().refusal(TeamAction::Rule));
    connect(dialog, &QDialog::accepted, this, [this] {
        // The rule applies to the candidates now, not only from the next sync.
        if (auto evaluated = m_reclamation.evaluate(m_profileId); !evaluated) {
            QMessageBox::warning(this, tr("Reclamation rule"), evaluated.error().message);
        }
        emit changed();
    });
    dialog->open();
}

} // namespace rmsam
