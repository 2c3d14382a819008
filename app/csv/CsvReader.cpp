#include "csv/CsvReader.h"

#include "core/Excerpt.h"

#include <QCoreApplication>

namespace rmsam {
CsvReader::CsvReader(QIODevice* device, CsvLimits limits)
    : m_decoder(device, limits.maxBytes)
    , m_limits(limits)
{ }

void CsvReader::fail(const QString& message, int line)
{
    if (!m_error) {
        m_error = Error { ErrorCode::InvalidFile, message, QStringLiteral("line %1").arg(line) };
    }
}

bool CsvReader::fill()
{
    m_text.remove(0, m_pos);
    m_pos = 0;
    const qsizetype before = m_text.size();
    while (m_decoder.decodeNext(&m_text)) {
        if (m_text.size() > before) {
            return true;
        }
    }
    if (m_decoder.error() && !m_error) {
        m_error = m_decoder.error();
    }
    return false;
}

bool CsvReader::readRow(QStringList* fields)
{
    fields->clear();
    if (m_error) {
        return false;
    }
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    bool any = false;
    qsizetype rowChars = 0;
    m_rowLine = m_line;
    auto endField = [&] {
        if (fields->size() >= m_limits.maxFields) {
            fail(QCoreApplication::translate("rmsam::CsvReader",
                     "The row that starts on line %1 has more than %2 fields. Check that this is the "
                     "Roadmunk User report; nothing was attached.")
                     .arg(m_rowLine)
                     .arg(m_limits.maxFields),
                m_rowLine);
            return false;
        }
        fields->append(field);
        field.clear();
        return true;
    };
    auto append = [&](QChar c) {
        field += c;
        if (field.size() > m_limits.maxFieldChars) {
            fail(QCoreApplication::translate("rmsam::CsvReader",
                     "Line %1 has a field longer than %2 characters (it starts \"%3\"). Check that this is "
                     "the Roadmunk User report; nothing was attached.")
                     .arg(m_rowLine)
                     .arg(m_limits.maxFieldChars)
                     .arg(excerpt(field, 60)),
                m_rowLine);
            return false;
        }
        return true;
    };
    for (;;) {
        if (m_pos >= m_text.size()) {
            if (!fill()) {
                if (m_error) {
                    return false;
                }
                if (quoted) {
                    fail(QCoreApplication::translate("rmsam::CsvReader",
                             "The quoted field that starts on line %1 is never closed. Check the file was "
                             "not cut short.")
                             .arg(m_rowLine),
                        m_rowLine);
                    return false;
                }
                if (!any && field.isEmpty()) {
                    return false; // clean end
                }
                return endField();
            }
        }
        const QChar c = m_text.at(m_pos++);
        any = true;
        if (++rowChars > m_limits.maxRowChars) {
            fail(QCoreApplication::translate("rmsam::CsvReader",
                     "The row that starts on line %1 is longer than %2 characters. Check that this is the "
                     "Roadmunk User report; nothing was attached.")
                     .arg(m_rowLine)
                     .arg(m_limits.maxRowChars),
                m_rowLine);
            return false;
        }
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (m_pos >= m_text.size()) {
                    fill();
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('"')) {
                    ++m_pos;
                    ++rowChars;
                    if (!append(c)) {
                        return false;
                    }
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n')) {
                    ++m_line;
                }
                if (!append(c)) {
                    return false;
                }
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                fail(QCoreApplication::translate(
                         "rmsam::CsvReader", "Line %1 has a quote inside a field that is not quoted.")
                         .arg(m_line),
                    m_line);
                return false;
            }
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            if (!endField()) {
                return false;
            }
            wasQuoted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r')) {
                if (m_pos >= m_text.size()) {
                    fill();
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('\n')) {
                    ++m_pos;
                }
            }
            ++m_line;
            return endField();
        } else if (wasQuoted) {
            fail(QCoreApplication::translate(
                     "rmsam::CsvReader", "Line %1 has text after the closing quote of a field.")
                     .arg(m_line),
                m_line);
            return false;
        } else if (!append(c)) {
            return false;
        }
    }
}

} // namespace rmsam
