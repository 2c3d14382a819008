#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace rmsam {

// The outcome of what the admin just did, at the top of a form: an icon from the style
// (information or warning), the text with the next step, and a button that closes it. Showing a
// message scrolls an enclosing scroll area so that the bar is in view: the admin who clicked at
// the bottom of a long form sees the answer.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Information,
        Warning,
    };

    explicit MessageBar(QWidget* parent = nullptr);

    // An empty text closes the bar.
    void showMessage(const QString& text, Kind kind);
    void dismiss();
    QString text() const;
    Kind kind() const { return m_kind; }
    // The label holding the text (for tests and screen readers: "messageLabel").
    QLabel* label() const { return m_text; }

private:
    void bringIntoView();

    QLabel* m_icon;
    QLabel* m_text;
    QToolButton* m_close;
    Kind m_kind = Kind::Information;
};

} // namespace rmsam
