#include "ColumnPicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rmsam {
namespace {

constexpr int MaxValueLength = 30;

QString shortened(const QString& value)
{
    return value.size() > MaxValueLength ? value.left(MaxValueLength - 1) + QChar(0x2026) : value;
}

// The first column whose values look like email addresses, else `fallback`.
int emailLikeColumn(const QStringList& headers, const QList<QStringList>& sampleRows, int fallback)
{
    for (int c = 0; c < headers.size(); ++c) {
        for (const QStringList& row : sampleRows) {
            if (row.value(c).contains(QLatin1Char('@'))) {
                return c;
            }
        }
    }
    return fallback;
}

} // namespace

ColumnPicker::ColumnPicker(const QStringList& headers, const QList<QStringList>& sampleRows, QWidget* parent)
    : QDialog(parent)
    , m_email(new QComboBox(this))
    , m_status(new QComboBox(this))
{
    setObjectName(QStringLiteral("columnPicker"));
    setWindowTitle(tr("Choose the User report's columns"));
    m_email->setObjectName(QStringLiteral("emailColumnCombo"));
    m_status->setObjectName(QStringLiteral("statusColumnCombo"));
    for (int c = 0; c < headers.size(); ++c) {
        const QString label = columnLabel(headers, sampleRows, c);
        m_email->addItem(label);
        m_status->addItem(label);
    }
    const int email = emailLikeColumn(headers, sampleRows, 0);
    m_email->setCurrentIndex(email);
    m_status->setCurrentIndex(email == 0 ? qMin(1, int(headers.size()) - 1) : 0);

    auto* intro = new QLabel(tr("The User report's columns could not be recognized. Choose the column "
                                "that holds each user's email and the one that holds the status "
                                "(active or inactive); the first values of each column are shown."),
        this);
    intro->setObjectName(QStringLiteral("columnPickerIntro"));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Email column:"), m_email);
    form->addRow(tr("&Status column:"), m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use these columns"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ColumnPicker* ColumnPicker::forRoster(
    const QStringList& headers, const QList<QStringList>& sampleRows, QWidget* parent)
{
    auto* picker = new ColumnPicker(headers, sampleRows, parent);
    picker->setWindowTitle(tr("Choose the HR roster's columns"));
    picker->findChild<QLabel*>(QStringLiteral("columnPickerIntro"))
        ->setText(tr("The HR roster's columns could not be recognized. Choose the column that holds each "
                     "employee's email and, if the roster has them, the status and the end date; the first "
                     "values of each column are shown."));
    picker->m_status->insertItem(0, tr("(none)"));
    picker->m_status->setCurrentIndex(0);
    picker->m_endDate = new QComboBox(picker);
    picker->m_endDate->setObjectName(QStringLiteral("endDateColumnCombo"));
    picker->m_endDate->addItem(tr("(none)"));
    for (int c = 0; c < headers.size(); ++c) {
        picker->m_endDate->addItem(columnLabel(headers, sampleRows, c));
    }
    picker->findChild<QFormLayout*>()->addRow(tr("E&nd-date column:"), picker->m_endDate);
    return picker;
}

QString ColumnPicker::columnLabel(
    const QStringList& headers, const QList<QStringList>& sampleRows, int column)
{
    QStringList values;
    for (const QStringList& row : sampleRows) {
        if (const QString value = row.value(column).trimmed(); !value.isEmpty()) {
            values.append(shortened(value));
        }
    }
    const QString header = headers.value(column).trimmed();
    const QString name = header.isEmpty() ? tr("Column %1").arg(column + 1) : header;
    return values.isEmpty() ? name : tr("%1 — %2").arg(name, values.join(QStringLiteral(", ")));
}

QString ColumnPicker::emailColumn() const
{
    return QString::number(m_email->currentIndex() + 1);
}

QString ColumnPicker::statusColumn() const
{
    if (m_endDate) { // a roster's: "(none)" first
        return m_status->currentIndex() == 0 ? QString() : QString::number(m_status->currentIndex());
    }
    return QString::number(m_status->currentIndex() + 1);
}

QString ColumnPicker::endDateColumn() const
{
    return !m_endDate || m_endDate->currentIndex() == 0 ? QString()
                                                        : QString::number(m_endDate->currentIndex());
}

} // namespace rmsam
