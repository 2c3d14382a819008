#include "SetupWizard.h"

#include "WizardPages.h"

#include <QEvent>
#include <QLabel>
#include <QLayout>

namespace rmsam {

SetupWizard::SetupWizard(ProfileService& service, Defaults defaults, QWidget* parent)
    : QWizard(parent)
    , m_service(service)
    , m_defaults(std::move(defaults))
    , m_useSandbox(!m_defaults.sandboxEndpoint.isEmpty())
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("New Roadmunk integration profile"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(TokenPageId, new TokenPage(this));
    setPage(ProfilePageId, new ProfilePage(this));
    setPage(RegionPageId, new RegionPage(this));
    setPage(ValidatePageId, new ValidatePage(this));
    setPage(PublishPageId, new PublishPage(this));
    setStartId(TokenPageId);
    resize(720, 560);
    // After QWizard has laid out the header of the new page.
    connect(this, &QWizard::currentIdChanged, this, &SetupWizard::fitSubTitle, Qt::QueuedConnection);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::setConnection(Region region, bool useSandbox)
{
    m_region = region;
    m_useSandbox = useSandbox && !m_defaults.sandboxEndpoint.isEmpty();
}

void SetupWizard::done(int result)
{
    // The token has been handed to the keychain (or abandoned): drop it from the form.
    setField(QStringLiteral("token"), QString());
    QWizard::done(result);
}

void SetupWizard::changeEvent(QEvent* event)
{
    QWizard::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange) {
        fitSubTitle();
    }
}

void SetupWizard::fitSubTitle()
{
    // QWizard's header makes room for two lines of subtitle as tall as "Pq" in the header's font.
    // Japanese glyphs come from a fallback font with taller lines wherever the UI font is Latin
    // (an English desktop with the app in Japanese), and the second line was cut off. Give the
    // subtitle the height its text takes at the narrowest width the header allows it.
    const QString subTitle = currentPage() ? currentPage()->subTitle() : QString();
    if (subTitle.isEmpty()) {
        return;
    }
    for (QLabel* label : findChildren<QLabel*>()) {
        QWidget* header = label->parentWidget();
        if (!label->wordWrap() || label->text() != subTitle || qobject_cast<QWizardPage*>(header)
            || !header->layout()) {
            continue;
        }
        // The width the label has (the header's width does not change from page to page); none
        // yet before the wizard is first laid out, when the queued call after it comes again.
        const int width = label->width();
        if (width <= 0) {
            return;
        }
        label->setMinimumHeight(label->heightForWidth(width));
        header->setFixedHeight(header->layout()->totalMinimumSize().height());
        return;
    }
}

} // namespace rmsam
