#pragma once

#include "core/Result.h"
#include "core/SmtpSettings.h"

namespace rmsam {

class Database;

// The database's one row of SMTP relay settings (smtp_settings). No password: that stays in the
// OS keychain. Each change is logged by the database's triggers (change_log, no profile).
class SmtpSettingsRepository
{
public:
    explicit SmtpSettingsRepository(Database& database);

    // The stored settings; default ones (isSet() false) when e-mail is not set up.
    Result<SmtpSettings> load();
    Result<void> save(const SmtpSettings& settings);
    // Forgets the settings; nothing to forget is not an error.
    Result<void> clear();

private:
    Database& m_database;
};

} // namespace rmsam
