#include "storage/Migrations.h"

namespace rmsam::Migrations {

QList<Migration> all()
{
    return {
        { QStringLiteral("integration profiles"),
            { QStringLiteral("CREATE TABLE integration_profile ("
                             " id {id},"
                             " display_name VARCHAR(100) NOT NULL,"
                             " display_name_key VARCHAR(100) NOT NULL UNIQUE,"
                             " status VARCHAR(16) NOT NULL CHECK (status IN ('Draft', 'Published')),"
                             " region VARCHAR(8) NOT NULL CHECK (region IN ('app', 'eu', 'apac')),"
                             " endpoint_override VARCHAR(400),"
                             " token_key VARCHAR(64) NOT NULL UNIQUE,"
                             " download_activity SMALLINT NOT NULL,"
                             " analyze_activity_from DATE NOT NULL,"
                             " reclaim_subscriptions SMALLINT NOT NULL,"
                             " validated_at VARCHAR(32),"
                             " published_at VARCHAR(32),"
                             " created_at VARCHAR(32) NOT NULL)") } },
        // When the token was last stored, so the form can say so without reading the secret.
        { QStringLiteral("token timestamp"),
            { QStringLiteral("ALTER TABLE integration_profile ADD COLUMN token_set_at VARCHAR(32)") } },
    };
}

} // namespace rmsam::Migrations
