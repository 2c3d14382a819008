#pragma once

#include <QList>
#include <QStringList>

namespace rmsam {

// One schema step. Statements are portable SQL (types, constraints and syntax that SQLite and
// PostgreSQL both accept) so the same list can later serve a shared PostgreSQL database.
// "{id}" stands for the dialect's auto-increment primary key and is expanded by Database.
struct Migration
{
    QString name;
    QStringList statements;
};

namespace Migrations {
// Version N is all()[N - 1]. Append only: a released step never changes.
QList<Migration> all();
} // namespace Migrations

} // namespace rmsam
