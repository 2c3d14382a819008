// The profile form's User report: its box, attaching a file (button, drop), the questions before
// replacing one, and the column picker.
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

void ProfileForm::setChooseColumns(
    std::function<bool(const QStringList& headers, QString* email, QString* status)> choose)
{
    m_chooseColumns = [choose = std::move(choose)](const QStringList& headers, const QList<QStringList>&,
                          QString* email, QString* status) { return choose(headers, email, status); };
}

QWidget* ProfileForm::buildReportBox()
{
    auto* box = new QGroupBox(tr("User report and HR roster"), this);
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
    m_roster = new QLabel(box);
    m_roster->setObjectName(QStringLiteral("rosterLabel"));
    m_roster->setWordWrap(true);
    layout->addWidget(m_roster);
    // The HR roster sits beside the report: both are files the admin brings in the same way.
    m_attachRoster = new QPushButton(tr("Attach HR r&oster…"), box);
    m_attachRoster->setObjectName(QStringLiteral("attachRosterButton"));
    connect(m_attachRoster, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Attach the company's HR roster"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty()) {
            attachRoster(path);
        }
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(m_attachRoster);
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

void ProfileForm::showReportState()
{
    showRosterState();
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
        // One drop target for both files: the header tells a roster from the User report.
        const QString path = urls.first().toLocalFile();
        if (m_service.looksLikeRoster(path)) {
            attachRoster(path);
        } else {
            attachReport(path);
        }
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

} // namespace rmsam
