#pragma once

#include "core/Region.h"

#include <QUrl>
#include <QWizard>

namespace rmsam {

class ProfileService;

// The setup wizard: token → profile → region → validate → publish, ending with a Published
// integration profile. It creates the profile (as a Draft) when validation starts, so a
// wizard closed half-way leaves a Draft the admin can finish from the profile form.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        TokenPageId,
        ProfilePageId,
        RegionPageId,
        ValidatePageId,
        PublishPageId,
    };

    // Prefilled values for the demo: the sandbox's token and endpoint.
    struct Defaults
    {
        QString token;
        QString displayName;
        QUrl sandboxEndpoint;
    };

    SetupWizard(ProfileService& service, Defaults defaults, QWidget* parent = nullptr);
    ~SetupWizard() override;

    ProfileService& service() { return m_service; }
    const Defaults& defaults() const { return m_defaults; }

    // The profile this wizard created, 0 before validation started.
    qint64 profileId() const { return m_profileId; }
    void setProfileId(qint64 id) { m_profileId = id; }

    // The connection chosen on the region page.
    Region region() const { return m_region; }
    QUrl endpointOverride() const { return m_useSandbox ? m_defaults.sandboxEndpoint : QUrl(); }
    void setConnection(Region region, bool useSandbox);

    void done(int result) override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitSubTitle();

    ProfileService& m_service;
    Defaults m_defaults;
    qint64 m_profileId = 0;
    Region m_region = Region::NorthAmerica;
    bool m_useSandbox = false;
};

} // namespace rmsam
