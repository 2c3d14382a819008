#pragma once

#include "graphql/GraphQl.h"

#include <QCoreApplication>
#include <QString>

// Internal to the GraphQL parsers: tokenizer and the recursive-descent helpers both parsers share.
namespace rmsam::graphql::detail {

// Translation context for every message the GraphQL toolkit produces.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(GraphQl)
};

struct Token
{
    enum class Kind
    {
        End,
        Punctuator,
        Name,
        Int,
        Float,
        String,
        BlockString
    };

    Kind kind = Kind::End;
    QString value; // punctuator text, name, number text or the decoded string
    SourceLocation location;

    bool is(Kind k, QStringView text) const { return kind == k && value == text; }
    QString describe() const; // for "found …" in messages
};

// Thrown inside the parsers only and caught at the public entry points, so no exception ever
// leaves this module.
struct SyntaxError
{
    QString message;
    SourceLocation location;
};

class Lexer
{
public:
    explicit Lexer(const QString& source);

    Token next(); // throws SyntaxError

private:
    QChar peek(qsizetype ahead = 0) const;
    SourceLocation here() const;
    void advance(qsizetype count = 1);
    void skipIgnored();
    Token readName();
    Token readNumber();
    Token readString();
    Token readBlockString();
    uint readHexDigits(int count);
    [[noreturn]] void fail(const QString& message) const;

    QString m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
};

// One token of look-ahead over a Lexer, plus the value and type grammar both documents and
// schema text use.
class ParserBase
{
public:
    explicit ParserBase(const QString& source);

protected:
    const Token& current() const { return m_token; }
    Token advance();
    bool peekPunctuator(QStringView text) const;
    bool peekName(QStringView name) const;
    bool skipPunctuator(QStringView text);
    Token expectPunctuator(QStringView text);
    Token expectName();
    void expectKeyword(QStringView keyword);
    [[noreturn]] void unexpected(const QString& expected) const;
    [[noreturn]] void fail(const QString& message, const SourceLocation& location) const;

    Value parseValue(bool isConst);
    TypeRef parseType();

    // Bounds recursion so a hostile request cannot exhaust the stack.
    class DepthGuard
    {
    public:
        explicit DepthGuard(ParserBase& parser);
        ~DepthGuard() { --m_parser.m_depth; }
        Q_DISABLE_COPY_MOVE(DepthGuard)

    private:
        ParserBase& m_parser;
    };

private:
    Lexer m_lexer;
    Token m_token;
    int m_depth = 0;
};

QString formatSyntaxError(const SyntaxError& error);

} // namespace rmsam::graphql::detail
