#include "graphql/GraphQlLexer.h"

#include <QRegularExpression>

namespace rmsam::graphql::detail {

namespace {

bool isNameStart(QChar c)
{
    return c == u'_' || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isNameContinue(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The spec's BlockStringValue(): drop the common indentation and blank first/last lines.
QString blockStringValue(const QString& raw)
{
    QStringList lines = raw.split(QRegularExpression(QStringLiteral("\r\n|[\n\r]")));
    qsizetype commonIndent = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == u' ' || line.at(indent) == u'\t'))
            ++indent;
        if (indent < line.size() && (commonIndent < 0 || indent < commonIndent))
            commonIndent = indent;
    }
    if (commonIndent > 0) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i] = lines.at(i).mid(commonIndent);
    }
    const auto isBlank = [](const QString& line) { return line.trimmed().isEmpty(); };
    while (!lines.isEmpty() && isBlank(lines.first()))
        lines.removeFirst();
    while (!lines.isEmpty() && isBlank(lines.last()))
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace

QString Token::describe() const
{
    switch (kind) {
    case Kind::End:
        return QStringLiteral("<EOF>");
    case Kind::Punctuator:
        return u'"' + value + u'"';
    case Kind::Name:
        return QStringLiteral("Name \"%1\"").arg(value);
    case Kind::Int:
        return QStringLiteral("Int \"%1\"").arg(value);
    case Kind::Float:
        return QStringLiteral("Float \"%1\"").arg(value);
    case Kind::String:
    case Kind::BlockString:
        return QStringLiteral("String");
    }
    return {};
}

QString formatSyntaxError(const SyntaxError& error)
{
    return Text::tr("Syntax Error: %1 (line %2, column %3).")
        .arg(error.message)
        .arg(error.location.line)
        .arg(error.location.column);
}

// --- Lexer ----------------------------------------------------------------------------------

Lexer::Lexer(const QString& source)
    : m_source(source)
{
    if (m_source.startsWith(QChar(0xFEFF)))
        m_pos = 1;
}

QChar Lexer::peek(qsizetype ahead) const
{
    const qsizetype index = m_pos + ahead;
    return index < m_source.size() ? m_source.at(index) : QChar();
}

SourceLocation Lexer::here() const
{
    return { m_line, int(m_pos - m_lineStart) + 1 };
}

void Lexer::advance(qsizetype count)
{
    for (qsizetype i = 0; i < count && m_pos < m_source.size(); ++i) {
        const QChar c = m_source.at(m_pos++);
        if (c == u'\n' || (c == u'\r' && peek() != u'\n')) {
            ++m_line;
            m_lineStart = m_pos;
        }
    }
}

void Lexer::fail(const QString& message) const
{
    throw SyntaxError { message, here() };
}

void Lexer::skipIgnored()
{
    while (m_pos < m_source.size()) {
        const QChar c = peek();
        if (c == u' ' || c == u'\t' || c == u',' || c == u'\n' || c == u'\r' || c == QChar(0xFEFF)) {
            advance();
        } else if (c == u'#') {
            while (m_pos < m_source.size() && peek() != u'\n' && peek() != u'\r')
                advance();
        } else {
            break;
        }
    }
}

Token Lexer::next()
{
    skipIgnored();
    if (m_pos >= m_source.size())
        return { Token::Kind::End, {}, here() };

    const QChar c = peek();
    if (isNameStart(c))
        return readName();
    if (isDigit(c) || c == u'-')
        return readNumber();
    if (c == u'"')
        return (peek(1) == u'"' && peek(2) == u'"') ? readBlockString() : readString();
    if (c == u'.') {
        if (peek(1) == u'.' && peek(2) == u'.') {
            const SourceLocation at = here();
            advance(3);
            return { Token::Kind::Punctuator, QStringLiteral("..."), at };
        }
        fail(Text::tr("Unexpected \".\", did you mean \"...\"?"));
    }
    static const QString punctuators = QStringLiteral("!$&():=@[]{|}");
    if (punctuators.contains(c)) {
        const SourceLocation at = here();
        advance();
        return { Token::Kind::Punctuator, QString(c), at };
    }
    fail(Text::tr("Unexpected character \"%1\"").arg(c));
}

Token Lexer::readName()
{
    const SourceLocation at = here();
    const qsizetype start = m_pos;
    while (isNameContinue(peek()))
        advance();
    return { Token::Kind::Name, m_source.mid(start, m_pos - start), at };
}

Token Lexer::readNumber()
{
    const SourceLocation at = here();
    const qsizetype start = m_pos;
    bool isFloat = false;
    if (peek() == u'-')
        advance();
    if (peek() == u'0') {
        advance();
        if (isDigit(peek()))
            fail(Text::tr("Invalid number, unexpected digit after 0"));
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            advance();
    } else {
        fail(Text::tr("Invalid number, expected digit"));
    }
    if (peek() == u'.') {
        isFloat = true;
        advance();
        if (!isDigit(peek()))
            fail(Text::tr("Invalid number, expected digit"));
        while (isDigit(peek()))
            advance();
    }
    if (peek() == u'e' || peek() == u'E') {
        isFloat = true;
        advance();
        if (peek() == u'+' || peek() == u'-')
            advance();
        if (!isDigit(peek()))
            fail(Text::tr("Invalid number, expected digit"));
        while (isDigit(peek()))
            advance();
    }
    // `123abc` or `1.2.3` must not silently split into two tokens.
    if (peek() == u'.' || isNameStart(peek()))
        fail(Text::tr("Invalid number, unexpected character \"%1\"").arg(peek()));
    return { isFloat ? Token::Kind::Float : Token::Kind::Int, m_source.mid(start, m_pos - start), at };
}

uint Lexer::readHexDigits(int count)
{
    uint result = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = peek();
        int digit = -1;
        if (isDigit(c))
            digit = c.unicode() - '0';
        else if (c >= u'a' && c <= u'f')
            digit = c.unicode() - 'a' + 10;
        else if (c >= u'A' && c <= u'F')
            digit = c.unicode() - 'A' + 10;
        if (digit < 0)
            fail(Text::tr("Invalid Unicode escape sequence"));
        result = result * 16 + uint(digit);
        advance();
    }
    return result;
}

Token Lexer::readString()
{
    const SourceLocation at = here();
    advance(); // opening quote
    QString value;
    while (true) {
        if (m_pos >= m_source.size() || peek() == u'\n' || peek() == u'\r')
            fail(Text::tr("Unterminated string"));
        const QChar c = peek();
        if (c == u'"') {
            advance();
            return { Token::Kind::String, value, at };
        }
        if (c != u'\\') {
            value += c;
            advance();
            continue;
        }
        advance();
        const QChar escaped = peek();
        advance();
        switch (escaped.unicode()) {
        case '"':
            value += u'"';
            break;
        case '\\':
            value += u'\\';
            break;
        case '/':
            value += u'/';
            break;
        case 'b':
            value += u'\b';
            break;
        case 'f':
            value += u'\f';
            break;
        case 'n':
            value += u'\n';
            break;
        case 'r':
            value += u'\r';
            break;
        case 't':
            value += u'\t';
            break;
        case 'u': {
            uint code = 0;
            if (peek() == u'{') { // the 2021 spec's \u{1F600} form
                advance();
                int digits = 0;
                while (peek() != u'}' && digits < 7) {
                    code = code * 16 + readHexDigits(1);
                    ++digits;
                }
                if (peek() != u'}' || digits == 0 || code > 0x10FFFF)
                    fail(Text::tr("Invalid Unicode escape sequence"));
                advance();
            } else {
                code = readHexDigits(4);
                // A surrogate pair arrives as two \uXXXX escapes.
                if (QChar::isHighSurrogate(code) && peek() == u'\\' && peek(1) == u'u') {
                    advance(2);
                    const uint low = readHexDigits(4);
                    if (!QChar::isLowSurrogate(low))
                        fail(Text::tr("Invalid Unicode escape sequence"));
                    code = QChar::surrogateToUcs4(char16_t(code), char16_t(low));
                }
            }
            if (QChar::isSurrogate(code))
                fail(Text::tr("Invalid Unicode escape sequence"));
            value += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
            break;
        }
        default:
            fail(Text::tr("Invalid character escape sequence"));
        }
    }
}

Token Lexer::readBlockString()
{
    const SourceLocation at = here();
    advance(3);
    QString raw;
    while (true) {
        if (m_pos >= m_source.size())
            fail(Text::tr("Unterminated string"));
        if (peek() == u'"' && peek(1) == u'"' && peek(2) == u'"') {
            advance(3);
            return { Token::Kind::BlockString, blockStringValue(raw), at };
        }
        if (peek() == u'\\' && peek(1) == u'"' && peek(2) == u'"' && peek(3) == u'"') {
            raw += QStringLiteral("\"\"\"");
            advance(4);
            continue;
        }
        raw += peek();
        advance();
    }
}

// --- ParserBase -----------------------------------------------------------------------------

ParserBase::ParserBase(const QString& source)
    : m_lexer(source)
    , m_token(m_lexer.next())
{ }

ParserBase::DepthGuard::DepthGuard(ParserBase& parser)
    : m_parser(parser)
{
    constexpr int maxDepth = 64;
    if (++m_parser.m_depth > maxDepth) {
        --m_parser.m_depth; // the destructor does not run when the constructor throws
        m_parser.fail(Text::tr("Document is nested too deeply"), m_parser.m_token.location);
    }
}

Token ParserBase::advance()
{
    Token previous = std::move(m_token);
    m_token = m_lexer.next();
    return previous;
}

bool ParserBase::peekPunctuator(QStringView text) const
{
    return m_token.is(Token::Kind::Punctuator, text);
}

bool ParserBase::peekName(QStringView name) const
{
    return m_token.is(Token::Kind::Name, name);
}

bool ParserBase::skipPunctuator(QStringView text)
{
    if (!peekPunctuator(text))
        return false;
    advance();
    return true;
}

Token ParserBase::expectPunctuator(QStringView text)
{
    if (!peekPunctuator(text))
        unexpected(u'"' + text.toString() + u'"');
    return advance();
}

Token ParserBase::expectName()
{
    if (m_token.kind != Token::Kind::Name)
        unexpected(QStringLiteral("Name"));
    return advance();
}

void ParserBase::expectKeyword(QStringView keyword)
{
    if (!peekName(keyword))
        unexpected(u'"' + keyword.toString() + u'"');
    advance();
}

void ParserBase::unexpected(const QString& expected) const
{
    fail(Text::tr("Expected %1, found %2").arg(expected, m_token.describe()), m_token.location);
}

void ParserBase::fail(const QString& message, const SourceLocation& location) const
{
    throw SyntaxError { message, location };
}

Value ParserBase::parseValue(bool isConst)
{
    const DepthGuard guard(*this);
    Value value;
    value.location = m_token.location;
    switch (m_token.kind) {
    case Token::Kind::Int:
        value.kind = Value::Kind::Int;
        value.text = advance().value;
        return value;
    case Token::Kind::Float:
        value.kind = Value::Kind::Float;
        value.text = advance().value;
        return value;
    case Token::Kind::String:
    case Token::Kind::BlockString:
        value.kind = Value::Kind::String;
        value.text = advance().value;
        return value;
    case Token::Kind::Name: {
        const QString name = advance().value;
        if (name == u"true" || name == u"false") {
            value.kind = Value::Kind::Boolean;
            value.boolean = name == u"true";
        } else if (name == u"null") {
            value.kind = Value::Kind::Null;
        } else {
            value.kind = Value::Kind::Enum;
            value.text = name;
        }
        return value;
    }
    case Token::Kind::Punctuator:
        if (peekPunctuator(u"$")) {
            if (isConst)
                fail(Text::tr("Unexpected variable in a constant value"), m_token.location);
            advance();
            value.kind = Value::Kind::Variable;
            value.text = expectName().value;
            return value;
        }
        if (skipPunctuator(u"[")) {
            value.kind = Value::Kind::List;
            while (!skipPunctuator(u"]"))
                value.items.push_back(parseValue(isConst));
            return value;
        }
        if (skipPunctuator(u"{")) {
            value.kind = Value::Kind::Object;
            while (!skipPunctuator(u"}")) {
                const QString name = expectName().value;
                expectPunctuator(u":");
                value.fields.emplace_back(name, parseValue(isConst));
            }
            return value;
        }
        break;
    case Token::Kind::End:
        break;
    }
    unexpected(QStringLiteral("a value"));
}

TypeRef ParserBase::parseType()
{
    const DepthGuard guard(*this);
    TypeRef type;
    if (skipPunctuator(u"[")) {
        const TypeRef inner = parseType();
        expectPunctuator(u"]");
        type.name = inner.name;
        type.nonNull = QList<bool> { false } + inner.nonNull;
    } else {
        type = TypeRef::named(expectName().value);
    }
    if (skipPunctuator(u"!"))
        type.nonNull.first() = true;
    return type;
}

} // namespace rmsam::graphql::detail
