#include "TokenDialog.h"

#include "TokenReveal.h"
#include "core/ProfileRules.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rmsam {

TokenDialog::TokenDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set API token"));
    m_token = new QLineEdit(this);
    makeTokenField(m_token);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_token, &QLineEdit::textChanged, this, [this](const QString& text) {
        auto checked = ProfileRules::checkToken(text);
        m_ok->setEnabled(checked.ok());
        m_problem->setText(checked || text.isEmpty() ? QString() : checked.error().message);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The token is stored only in the OS keychain."), this));
    layout->addWidget(m_token);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(520, height());
}

TokenDialog::~TokenDialog()
{
    m_token->clear();
}

QString TokenDialog::token() const
{
    return m_token->text();
}

} // namespace rmsam
