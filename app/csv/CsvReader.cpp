#include "csv/CsvReader.h"

#include "core/Excerpt.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstring>

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

// The length of the longest start of UTF-8 `bytes` that ends on a character boundary.
qsizetype wholeCharacters(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= 4 && back <= size; ++back) {
        const uchar c = uchar(bytes[size - back]);
        if ((c & 0xC0) == 0x80) {
            continue; // a continuation byte
        }
        const qsizetype length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return length > back ? size - back : size;
    }
    return size;
}

} // namespace

QStringList CsvRow::texts() const
{
    QStringList all;
    all.reserve(size());
    for (qsizetype i = 0; i < size(); ++i) {
        all.append(text(i));
    }
    return all;
}

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
    if (m_bytesMode) {
        for (;;) {
            const QByteArrayView rest = QByteArrayView(m_bytes).sliced(m_bytePos);
            if (const qsizetype whole = wholeCharacters(rest); whole > 0) {
                m_text += QString::fromUtf8(rest.first(whole));
                m_bytePos += whole;
                return true;
            }
            if (!moreBytes()) {
                return false;
            }
        }
    }
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

bool CsvReader::moreBytes()
{
    m_bytes.remove(0, m_bytePos);
    m_bytePos = 0;
    if (!m_bytesEnd && m_decoder.nextUtf8(&m_bytes)) {
        return true;
    }
    m_bytesEnd = true;
    if (m_decoder.error() && !m_error) {
        m_error = m_decoder.error();
    }
    return false;
}

void CsvReader::decideMode()
{
    if (!m_modeKnown) {
        m_modeKnown = true;
        m_bytesMode = m_decoder.readsUtf8(); // an error shows at the first fill()
    }
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
    decideMode();
    if (!m_bytesMode) {
        return readTextRow(fields);
    }
    CsvRow row;
    const bool read = readRow(&row);
    *fields = row.texts();
    return read;
}

bool CsvReader::readRow(CsvRow* row)
{
    decideMode();
    if (m_bytesMode && !m_delimiter.isNull() && !m_error) {
        for (;;) {
            const Scan scan = scanRow(row);
            if (scan == Scan::Row) {
                return true;
            }
            // A row longer than the limit, or the last one, goes the exact way.
            if (scan == Scan::Slow || m_bytes.size() - m_bytePos > m_limits.maxRowChars || !moreBytes()) {
                break;
            }
        }
    }
    return readSlowRow(row);
}

bool CsvReader::readSlowRow(CsvRow* row)
{
    QStringList fields;
    const bool read = readTextRow(&fields);
    row->clear();
    for (const QString& field : std::as_const(fields)) {
        row->append(field.toUtf8());
    }
    if (m_bytesMode) {
        // What was decoded and not parsed goes back in front of the bytes not decoded yet.
        QByteArray rest = QStringView(m_text).sliced(m_pos).toUtf8();
        rest.append(QByteArrayView(m_bytes).sliced(m_bytePos));
        m_bytes = std::move(rest);
        m_bytePos = 0;
        m_text.clear();
        m_pos = 0;
    }
    return read;
}

CsvReader::Scan CsvReader::scanRow(CsvRow* row)
{
    row->clear();
    const char* const begin = m_bytes.constData() + m_bytePos;
    const char* const end = m_bytes.constData() + m_bytes.size();
    const char delimiter = char(m_delimiter.unicode());
    const char* p = begin;
    int lines = 0;
    for (;;) {
        if (p == end) {
            return Scan::NeedMore;
        }
        const qsizetype fieldStart = row->byteCount();
        if (*p == '"') {
            for (++p;;) {
                const auto* quote = static_cast<const char*>(std::memchr(p, '"', size_t(end - p)));
                if (!quote || quote + 1 == end) {
                    return Scan::NeedMore;
                }
                lines += int(std::count(p, quote, '\n'));
                row->appendPiece(QByteArrayView(p, quote - p));
                p = quote + 1;
                if (*p != '"') {
                    break; // the closing quote
                }
                row->appendPiece("\"");
                ++p;
            }
            if (*p != delimiter && *p != '\n' && *p != '\r') {
                return Scan::Slow; // text after the closing quote: the text path words it
            }
        } else {
            const char* q = p;
            while (q != end && *q != delimiter && *q != '\n' && *q != '\r' && *q != '"') {
                ++q;
            }
            if (q == end) {
                return Scan::NeedMore;
            }
            if (*q == '"') {
                return Scan::Slow;
            }
            row->appendPiece(QByteArrayView(p, q - p));
            p = q;
        }
        row->endField();
        // Bytes are at least as many as characters: within the limits in bytes is within them.
        if (row->byteCount() - fieldStart > m_limits.maxFieldChars || row->size() > m_limits.maxFields
            || p - begin >= m_limits.maxRowChars) {
            return Scan::Slow;
        }
        if (*p == delimiter) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end) {
                return Scan::NeedMore; // is it CRLF?
            }
            p += p[1] == '\n' ? 1 : 0;
        }
        ++p;
        ++lines;
        break;
    }
    m_rowLine = m_line;
    m_line += lines;
    m_bytePos = p - m_bytes.constData();
    return Scan::Row;
}

bool CsvReader::readTextRow(QStringList* fields)
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
