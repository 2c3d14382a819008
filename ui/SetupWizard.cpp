#include "SetupWizard.h"

#include "WizardPages.h"

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

} // namespace rmsam
