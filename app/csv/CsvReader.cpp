#include "csv/CsvReader.h"

#include "core/Excerpt.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

// The first line split by one candidate delimiter, quotes honoured; for telling delimiters apart.
QStringList splitLine(QStringView line, QChar delimiter, qsizetype maxFields)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == delimiter && !quoted) {
            fields.append(field);
            field.clear();
            if (fields.size() > maxFields) {
                return fields;
            }
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

CsvReader::CsvReader(QIODevice* device, CsvLimits limits, HeaderCheck isHeader)
    : m_decoder(device, limits.maxBytes)
    , m_limits(limits)
    , m_isHeader(std::move(isHeader))
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

bool CsvReader::detectDelimiter()
{
    m_delimiter = QLatin1Char(',');
    // The first line, or as much of it as one row may hold.
    qsizetype end = -1;
    while ((end = m_text.indexOf(QLatin1Char('\n'), m_pos)) < 0
        && m_text.size() - m_pos <= m_limits.maxRowChars) {
        if (!fill()) {
            if (m_error) {
                return false;
            }
            break;
        }
    }
    QStringView line = QStringView(m_text).sliced(m_pos, (end < 0 ? m_text.size() : end) - m_pos);
    line = line.first(qMin(line.size(), m_limits.maxRowChars));
    if (line.endsWith(QLatin1Char('\r'))) {
        line.chop(1);
    }
    // A recognized header wins; otherwise the delimiter the line holds most of; a comma by default.
    qsizetype bestFields = 1;
    bool bestRecognized = false;
    for (const QChar candidate :
        { QChar(QLatin1Char(',')), QChar(QLatin1Char(';')), QChar(QLatin1Char('\t')) }) {
        const QStringList fields = splitLine(line, candidate, m_limits.maxFields);
        const bool recognized = m_isHeader && m_isHeader(fields);
        if ((recognized && !bestRecognized) || (recognized == bestRecognized && fields.size() > bestFields)) {
            m_delimiter = candidate;
            bestFields = fields.size();
            bestRecognized = recognized;
        }
    }
    qCDebug(lcCsv) << "delimiter" << m_delimiter << "header recognized:" << bestRecognized;
    return true;
}

bool CsvReader::readRow(QStringList* fields)
{
    fields->clear();
    if (m_error || (m_delimiter.isNull() && !detectDelimiter())) {
        return false;
    }
    QString field;
    bool wasQuoted = false;
    bool any = false;
    qsizetype rowChars = 0;
    m_rowLine = m_line;
    for (;;) {
        if (m_pos >= m_text.size() && !fill()) {
            if (m_error) {
                return false;
            }
            if (!any && field.isEmpty()) {
                return false; // clean end
            }
            return endField(fields, &field);
        }
        const QChar c = m_text.at(m_pos++);
        any = true;
        if (!countRowChar(&rowChars)) {
            return false;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                fail(QCoreApplication::translate(
                         "rmsam::CsvReader", "Line %1 has a quote inside a field that is not quoted.")
                         .arg(m_line),
                    m_line);
                return false;
            }
            if (!readQuoted(&field, &rowChars)) {
                return false;
            }
            wasQuoted = true;
        } else if (c == m_delimiter) {
            if (!endField(fields, &field)) {
                return false;
            }
            wasQuoted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r')) {
                skip(QLatin1Char('\n'));
            }
            ++m_line;
            return endField(fields, &field);
        } else if (wasQuoted) {
            fail(QCoreApplication::translate(
                     "rmsam::CsvReader", "Line %1 has text after the closing quote of a field.")
                     .arg(m_line),
                m_line);
            return false;
        } else if (!append(&field, c)) {
            return false;
        }
    }
}

bool CsvReader::readQuoted(QString* field, qsizetype* rowChars)
{
    for (;;) {
        if (m_pos >= m_text.size() && !fill()) {
            if (!m_error) {
                fail(QCoreApplication::translate("rmsam::CsvReader",
                         "The quoted field that starts on line %1 is never closed. Check the file was "
                         "not cut short.")
                         .arg(m_rowLine),
                    m_rowLine);
            }
            return false;
        }
        const QChar c = m_text.at(m_pos++);
        if (!countRowChar(rowChars)) {
            return false;
        }
        if (c == QLatin1Char('"')) {
            if (!skip(QLatin1Char('"'))) {
                return true; // the closing quote
            }
            ++*rowChars; // the second quote of a pair, which stands for one
        } else if (c == QLatin1Char('\n')) {
            ++m_line;
        }
        if (!append(field, c)) {
            return false;
        }
    }
}

bool CsvReader::skip(QChar c)
{
    if (m_pos >= m_text.size()) {
        fill();
    }
    if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
        ++m_pos;
        return true;
    }
    return false;
}

bool CsvReader::endField(QStringList* fields, QString* field)
{
    if (fields->size() >= m_limits.maxFields) {
        return tooManyFields();
    }
    fields->append(*field);
    field->clear();
    return true;
}

bool CsvReader::rowTooLong()
{
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "The row that starts on line %1 is longer than %2 characters. Check that this is the "
             "Roadmunk User report; nothing was attached.")
             .arg(m_rowLine)
             .arg(m_limits.maxRowChars),
        m_rowLine);
    return false;
}

bool CsvReader::fieldTooLong(const QString& field)
{
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "Line %1 has a field longer than %2 characters (it starts \"%3\"). Check that this is "
             "the Roadmunk User report; nothing was attached.")
             .arg(m_rowLine)
             .arg(m_limits.maxFieldChars)
             .arg(excerpt(field, 60)),
        m_rowLine);
    return false;
}

bool CsvReader::tooManyFields()
{
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "The row that starts on line %1 has more than %2 fields. Check that this is the "
             "Roadmunk User report; nothing was attached.")
             .arg(m_rowLine)
             .arg(m_limits.maxFields),
        m_rowLine);
    return false;
}

} // namespace rmsam
