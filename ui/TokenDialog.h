#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rmsam {

// Asks for an API token with masked input, a show/hide toggle and the token rules applied as
// the admin types.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TokenDialog(QWidget* parent = nullptr);
    ~TokenDialog() override;
    QString token() const;

private:
    QLineEdit* m_token;
    QLabel* m_problem;
    QPushButton* m_ok;
};

} // namespace rmsam
