#pragma once

#include <QList>
#include <QString>
#include <functional>

namespace rmsam {

// What `database copy` moved: each table with its row count, in the order it was copied
// (parents before children). The counts were compared on both sides before the copy committed.
struct CopiedTable
{
    QString table;
    qint64 rows = 0;
};

struct DatabaseCopyReport
{
    QString source; // the SQLite file
    QString target; // the PostgreSQL URL, without its query
    QList<CopiedTable> tables;

    qint64 totalRows() const
    {
        qint64 total = 0;
        for (const CopiedTable& t : tables) {
            total += t.rows;
        }
        return total;
    }
};

// Called as a copy goes: the table, the rows copied of it so far and its row count.
using DatabaseCopyProgress = std::function<void(const QString& table, qint64 done, qint64 total)>;

} // namespace rmsam
