#pragma once

#include <QList>
#include <QStringList>

namespace rmsam {

// One schema step, the same version number on SQLite and PostgreSQL. `statements` are portable
// SQL (types, constraints and syntax both accept); "{id}" stands for the dialect's
// auto-increment primary key and "{real}" for an 8-byte float, expanded by Database. What only
// one backend has (PostgreSQL's functions, triggers and notifications; SQLite's triggers in its
// own dialect) goes in that backend's list and runs after the portable statements.
struct Migration
{
    QString name;
    QStringList statements;
    QStringList postgresqlOnly = {};
    QStringList sqliteOnly = {};
};

namespace Migrations {
// Version N is all()[N - 1]. Append only: a released step never changes.
QList<Migration> all();
} // namespace Migrations

} // namespace rmsam
