#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <initializer_list>
#include <optional>

namespace rmsam {

// An enum's stable codes and display names, written once as a table:
//
//     static const EnumTable<Region> table("rmsam::Regions",
//         { { Region::Europe, "eu", QT_TRANSLATE_NOOP("rmsam::Regions", "Europe (eu)") }, … });
//
// A code is what the database, the CSV files and the command line keep: never change one. A
// display name is the source text lupdate finds in QT_TRANSLATE_NOOP, translated in the table's
// context when asked, so the context written there and the table's must be the same.
template<typename E> class EnumTable
{
public:
    struct Entry
    {
        E value;
        const char* code; // ASCII
        const char* name; // nullptr: the value has no display name (it shows as empty)
    };

    EnumTable(const char* context, std::initializer_list<Entry> entries)
        : m_context(context)
        , m_entries(entries)
    { }

    const char* context() const { return m_context; }
    const QList<Entry>& entries() const { return m_entries; }

    // In the table's order.
    QList<E> all() const
    {
        QList<E> values;
        values.reserve(m_entries.size());
        for (const Entry& e : m_entries) {
            values.append(e.value);
        }
        return values;
    }

    // Empty for a value the table does not list.
    QString code(E value) const
    {
        const Entry* e = find(value);
        return e ? QString::fromLatin1(e->code) : QString();
    }

    // Exact, case-sensitive.
    std::optional<E> fromCode(const QString& code) const
    {
        for (const Entry& e : m_entries) {
            if (code == QLatin1String(e.code)) {
                return e.value;
            }
        }
        return std::nullopt;
    }

    // Translated with the installed translators.
    QString displayName(E value) const
    {
        const Entry* e = find(value);
        return e && e->name ? QCoreApplication::translate(m_context, e->name) : QString();
    }

private:
    const Entry* find(E value) const
    {
        for (const Entry& e : m_entries) {
            if (e.value == value) {
                return &e;
            }
        }
        return nullptr;
    }

    const char* m_context;
    QList<Entry> m_entries;
};

} // namespace rmsam
