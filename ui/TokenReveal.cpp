#include "TokenReveal.h"

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QLineEdit>

// The icons live in rmsam_ui's resources; a static library must register them itself.
static void initUiResources()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(registered)
}

namespace rmsam {

QAction* makeTokenField(QLineEdit* edit)
{
    initUiResources();
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(QCoreApplication::translate("rmsam::TokenField", "Paste the API token"));
    edit->setAccessibleName(QCoreApplication::translate("rmsam::TokenField", "API token"));
    auto* reveal
        = edit->addAction(QIcon(QStringLiteral(":/icons/show-token.svg")), QLineEdit::TrailingPosition);
    reveal->setObjectName(QStringLiteral("revealTokenAction"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_S));
    reveal->setShortcutContext(Qt::WidgetShortcut);
    reveal->setToolTip(QCoreApplication::translate("rmsam::TokenField", "Show or hide the token (Alt+S)"));
    QObject::connect(reveal, &QAction::toggled, edit, [edit, reveal](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(QIcon(
            shown ? QStringLiteral(":/icons/hide-token.svg") : QStringLiteral(":/icons/show-token.svg")));
    });
    return reveal;
}

} // namespace rmsam
