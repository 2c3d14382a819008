#include "csv/CsvWriter.h"

#include <QIODevice>
#include <algorithm>

namespace rmsam {
namespace {

constexpr qsizetype FlushThreshold = 256 * 1024;

bool isFormulaStart(char16_t c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

bool startsFormula(QStringView field)
{
    return !field.isEmpty() && isFormulaStart(field.front().unicode());
}

bool isSpecial(char16_t c)
{
    return c == u',' || c == u'"' || c == u'\n' || c == u'\r';
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

void CsvWriter::start()
{
    m_started = true;
    if (m_options.byteOrderMark) {
        m_buffer.append("\xEF\xBB\xBF");
    }
}

void CsvWriter::writeRow(const QStringList& fields)
{
    for (const QString& field : fields) {
        addField(field);
    }
    endRow();
}

void CsvWriter::beginField()
{
    if (!m_started) {
        start();
    }
    if (!m_rowEmpty) {
        m_buffer.append(',');
    }
    m_rowEmpty = false;
}

bool CsvWriter::asItIs(char16_t first, char16_t last, bool special) const
{
    return !special && !QChar::isSpace(first) && !QChar::isSpace(last)
        && !(m_options.formulaGuard && isFormulaStart(first));
}

void CsvWriter::addField(QStringView field)
{
    beginField();
    appendField(field);
}

void CsvWriter::appendField(QStringView field)
{
    if (field.isEmpty()) {
        return;
    }
    // One pass copies the field as ASCII and sees whether it is one (the bulk of an export) that
    // needs no quotes and no guard; any other is taken back and encoded by the rules below.
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + field.size());
    char* out = m_buffer.data() + at;
    char16_t any = 0;
    bool special = false;
    const char16_t* in = field.utf16();
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char16_t u = in[i];
        any |= u;
        special |= isSpecial(u);
        *out++ = char(u);
    }
    if (any < 0x80 && asItIs(in[0], in[field.size() - 1], special)) {
        return;
    }
    m_buffer.truncate(at);
    if (any >= 0x80) {
        m_buffer.append(encodeField(field.toString(), m_options.formulaGuard));
    } else {
        appendAscii(field, special);
    }
}

void CsvWriter::addField(QUtf8StringView field)
{
    // Copied as it is, and taken back for the rules of appendField() unless it is ASCII that
    // needs no quotes and no guard.
    beginField();
    if (field.isEmpty()) {
        return;
    }
    const qsizetype at = m_buffer.size();
    m_buffer.append(field.data(), field.size());
    const auto* in = reinterpret_cast<const uchar*>(m_buffer.constData() + at);
    uchar any = 0;
    bool special = false;
    for (qsizetype i = 0; i < field.size(); ++i) {
        any |= in[i];
        special |= isSpecial(in[i]);
    }
    if (any < 0x80 && asItIs(in[0], in[field.size() - 1], special)) {
        return;
    }
    m_buffer.truncate(at);
    appendField(QString::fromUtf8(field.data(), field.size()));
}

void CsvWriter::addEncodedField(QByteArrayView encoded)
{
    beginField();
    m_buffer.append(encoded);
}

void CsvWriter::appendAscii(QStringView field, bool special)
{
    // The rules of encodeField(), for a field of ASCII characters.
    const bool guard = m_options.formulaGuard && startsFormula(field);
    const bool quote
        = special || (!field.isEmpty() && ((!guard && field.front().isSpace()) || field.back().isSpace()));
    if (quote) {
        m_buffer.append('"');
    }
    if (guard) {
        m_buffer.append('\'');
    }
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + field.size() * (special ? 2 : 1)); // every '"' doubled at most
    char* out = m_buffer.data() + at;
    if (special) {
        for (QChar c : field) {
            *out++ = char(c.unicode());
            if (c == QLatin1Char('"')) {
                *out++ = '"';
            }
        }
    } else {
        out = std::transform(
            field.utf16(), field.utf16() + field.size(), out, [](char16_t u) { return char(u); });
    }
    m_buffer.resize(out - m_buffer.constData());
    if (quote) {
        m_buffer.append('"');
    }
}

void CsvWriter::endRow()
{
    if (!m_started) {
        start();
    }
    m_buffer.append("\r\n");
    m_rowEmpty = true;
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
    m_buffer.resize(0); // keeps its memory: clear() would free it, and every flush grow it again
}

bool CsvWriter::finish()
{
    if (!m_started) {
        start();
    }
    flush();
    return !m_failed;
}

} // namespace rmsam
