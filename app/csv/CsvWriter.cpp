#include "csv/CsvWriter.h"

#include <QIODevice>

namespace rmsam {
namespace {

constexpr qsizetype FlushThreshold = 256 * 1024;

bool startsFormula(const QString& field)
{
    if (field.isEmpty()) {
        return false;
    }
    const QChar c = field.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

} // namespace

CsvWriter::CsvWriter(QIODevice* device, Options options)
    : m_device(device)
    , m_options(options)
{
    m_buffer.reserve(FlushThreshold + 4096);
}

CsvWriter::~CsvWriter()
{
    flush();
}

QByteArray CsvWriter::encodeField(const QString& field, bool formulaGuard)
{
    QString value = formulaGuard && startsFormula(field) ? QLatin1Char('\'') + field : field;
    bool quote = false;
    for (QChar c : std::as_const(value)) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r')) {
            quote = true;
            break;
        }
    }
    quote = quote || (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!quote) {
        return value.toUtf8();
    }
    value.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + value.toUtf8() + '"';
}

QString CsvWriter::unguard(const QString& field)
{
    if (field.size() >= 2 && field.front() == QLatin1Char('\'') && startsFormula(field.mid(1, 1))) {
        return field.mid(1);
    }
    return field;
}

void CsvWriter::writeRow(const QStringList& fields)
{
    if (!m_started) {
        m_started = true;
        if (m_options.byteOrderMark) {
            m_buffer.append("\xEF\xBB\xBF");
        }
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            m_buffer.append(',');
        }
        m_buffer.append(encodeField(fields.at(i), m_options.formulaGuard));
    }
    m_buffer.append("\r\n");
    if (m_buffer.size() >= FlushThreshold) {
        flush();
    }
}

void CsvWriter::flush()
{
    if (m_buffer.isEmpty() || m_failed) {
        return;
    }
    m_failed = m_device->write(m_buffer) != m_buffer.size();
    m_buffer.clear();
}

bool CsvWriter::finish()
{
    if (!m_started && m_options.byteOrderMark) {
        m_buffer.append("\xEF\xBB\xBF");
        m_started = true;
    }
    flush();
    return !m_failed;
}

} // namespace rmsam
