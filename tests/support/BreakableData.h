#pragma once

// A data folder the services open, a second handle on the same database to break its schema
// under them (a dropped table), and one published profile written straight into storage: what
// the tests of "a failed read reaches the caller" share.

#include "core/IntegrationProfile.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace rmsam {
class Database;
class Services;
} // namespace rmsam

namespace rmsam::test {

class BreakableData
{
public:
    BreakableData();
    ~BreakableData();

    // Opens both handles and stores the profile; empty when ready, else what failed.
    QString open(const QString& profileName);

    Services& services() { return *m_services; }
    Database& direct() { return *m_direct; }
    const IntegrationProfile& profile() const { return m_profile; }
    bool dropTable(const QString& table);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<Database> m_direct;
    IntegrationProfile m_profile;
};

} // namespace rmsam::test
