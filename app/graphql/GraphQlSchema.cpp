#include "graphql/GraphQl.h"
#include "graphql/GraphQlLexer.h"

#include <algorithm>

namespace rmsam::graphql {

using detail::Text;
using detail::Token;

const InputValueDefinition* FieldDefinition::argument(const QString& argumentName) const
{
    for (const InputValueDefinition& definition : arguments) {
        if (definition.name == argumentName)
            return &definition;
    }
    return nullptr;
}

const FieldDefinition* TypeDefinition::field(const QString& fieldName) const
{
    for (const FieldDefinition& definition : fields) {
        if (definition.name == fieldName)
            return &definition;
    }
    return nullptr;
}

const InputValueDefinition* TypeDefinition::inputField(const QString& fieldName) const
{
    for (const InputValueDefinition& definition : inputFields) {
        if (definition.name == fieldName)
            return &definition;
    }
    return nullptr;
}

// --- Schema ---------------------------------------------------------------------------------

Schema::Schema()
{
    for (const char* name : { "Int", "Float", "String", "Boolean", "ID" }) {
        TypeDefinition scalar;
        scalar.kind = TypeKind::Scalar;
        scalar.name = QString::fromLatin1(name);
        m_types.insert(scalar.name, scalar);
    }
}

const TypeDefinition* Schema::type(const QString& name) const
{
    const auto it = m_types.constFind(name);
    return it == m_types.constEnd() ? nullptr : &it.value();
}

QStringList Schema::typeNames() const
{
    QStringList names = m_types.keys();
    std::sort(names.begin(), names.end());
    return names;
}

QString Schema::rootTypeName(OperationType operationType) const
{
    const auto it = m_rootTypes.constFind(int(operationType));
    if (it != m_rootTypes.constEnd())
        return it.value();
    // Without a `schema { … }` block the conventional names apply, when those types exist.
    QString conventional;
    switch (operationType) {
    case OperationType::Query:
        conventional = QStringLiteral("Query");
        break;
    case OperationType::Mutation:
        conventional = QStringLiteral("Mutation");
        break;
    case OperationType::Subscription:
        conventional = QStringLiteral("Subscription");
        break;
    }
    return m_types.contains(conventional) ? conventional : QString();
}

const TypeDefinition* Schema::rootType(OperationType operationType) const
{
    const QString name = rootTypeName(operationType);
    return name.isEmpty() ? nullptr : type(name);
}

bool Schema::addType(TypeDefinition definition)
{
    if (m_types.contains(definition.name))
        return false;
    const QString name = definition.name;
    m_types.insert(name, std::move(definition));
    return true;
}

void Schema::setRootTypeName(OperationType operationType, const QString& name)
{
    m_rootTypes.insert(int(operationType), name);
}

// --- SDL parser -----------------------------------------------------------------------------

namespace {

class SchemaParser : public detail::ParserBase
{
public:
    using ParserBase::ParserBase;

    Schema parse()
    {
        while (current().kind != Token::Kind::End)
            parseDefinition();
        checkReferences();
        return m_schema;
    }

private:
    void skipDescription()
    {
        if (current().kind == Token::Kind::String || current().kind == Token::Kind::BlockString)
            advance();
    }

    // Directives in schema text (`@deprecated(reason: "…")`) carry nothing the sandbox needs.
    void skipDirectives()
    {
        while (skipPunctuator(u"@")) {
            expectName();
            if (skipPunctuator(u"(")) {
                do {
                    expectName();
                    expectPunctuator(u":");
                    parseValue(true);
                } while (!skipPunctuator(u")"));
            }
        }
    }

    void parseDefinition()
    {
        skipDescription();
        const SourceLocation at = current().location;
        const QString keyword = expectName().value;
        if (keyword == u"schema")
            return parseSchemaDefinition();
        if (keyword == u"directive")
            return skipDirectiveDefinition();
        if (keyword == u"extend")
            fail(Text::tr("type extensions are not supported by the sandbox"), at);

        TypeDefinition definition;
        definition.name = expectName().value;
        if (keyword == u"scalar") {
            definition.kind = TypeKind::Scalar;
            skipDirectives();
        } else if (keyword == u"enum") {
            definition.kind = TypeKind::Enum;
            skipDirectives();
            expectPunctuator(u"{");
            do {
                skipDescription();
                definition.enumValues << expectName().value;
                skipDirectives();
            } while (!skipPunctuator(u"}"));
        } else if (keyword == u"type" || keyword == u"interface") {
            definition.kind = keyword == u"type" ? TypeKind::Object : TypeKind::Interface;
            if (peekName(u"implements")) {
                advance();
                skipPunctuator(u"&");
                do {
                    definition.interfaces << expectName().value;
                } while (skipPunctuator(u"&"));
            }
            skipDirectives();
            if (peekPunctuator(u"{"))
                definition.fields = parseFieldDefinitions();
        } else if (keyword == u"input") {
            definition.kind = TypeKind::InputObject;
            skipDirectives();
            if (skipPunctuator(u"{")) {
                do {
                    definition.inputFields << parseInputValueDefinition();
                } while (!skipPunctuator(u"}"));
            }
        } else if (keyword == u"union") {
            definition.kind = TypeKind::Union;
            skipDirectives();
            if (skipPunctuator(u"=")) {
                skipPunctuator(u"|");
                do {
                    definition.possibleTypes << expectName().value;
                } while (skipPunctuator(u"|"));
            }
        } else {
            fail(Text::tr("Unexpected Name \"%1\"").arg(keyword), at);
        }
        if (!m_schema.addType(definition))
            fail(Text::tr("There can be only one type named \"%1\"").arg(definition.name), at);
    }

    void parseSchemaDefinition()
    {
        skipDirectives();
        expectPunctuator(u"{");
        do {
            const Token operation = expectName();
            expectPunctuator(u":");
            const QString typeName = expectName().value;
            if (operation.value == u"query")
                m_schema.setRootTypeName(OperationType::Query, typeName);
            else if (operation.value == u"mutation")
                m_schema.setRootTypeName(OperationType::Mutation, typeName);
            else if (operation.value == u"subscription")
                m_schema.setRootTypeName(OperationType::Subscription, typeName);
            else
                fail(Text::tr("Unexpected Name \"%1\"").arg(operation.value), operation.location);
        } while (!skipPunctuator(u"}"));
    }

    void skipDirectiveDefinition()
    {
        expectPunctuator(u"@");
        expectName();
        if (skipPunctuator(u"(")) {
            do {
                parseInputValueDefinition();
            } while (!skipPunctuator(u")"));
        }
        if (peekName(u"repeatable"))
            advance();
        expectKeyword(u"on");
        skipPunctuator(u"|");
        do {
            expectName();
        } while (skipPunctuator(u"|"));
    }

    QList<FieldDefinition> parseFieldDefinitions()
    {
        QList<FieldDefinition> fields;
        expectPunctuator(u"{");
        do {
            skipDescription();
            FieldDefinition field;
            field.name = expectName().value;
            if (skipPunctuator(u"(")) {
                do {
                    field.arguments << parseInputValueDefinition();
                } while (!skipPunctuator(u")"));
            }
            expectPunctuator(u":");
            field.type = parseType();
            skipDirectives();
            fields << field;
        } while (!skipPunctuator(u"}"));
        return fields;
    }

    InputValueDefinition parseInputValueDefinition()
    {
        skipDescription();
        InputValueDefinition definition;
        definition.name = expectName().value;
        expectPunctuator(u":");
        definition.type = parseType();
        if (skipPunctuator(u"="))
            definition.defaultValue = parseValue(true);
        skipDirectives();
        return definition;
    }

    // A schema that names a type it never defines would make validation lie; refuse it.
    void checkReferences() const
    {
        const auto require = [this](const QString& name, const QString& where) {
            if (!m_schema.type(name))
                fail(Text::tr("Unknown type \"%1\" referenced by \"%2\"").arg(name, where), {});
        };
        for (const QString& typeName : m_schema.typeNames()) {
            const TypeDefinition* definition = m_schema.type(typeName);
            for (const QString& name : definition->interfaces + definition->possibleTypes)
                require(name, typeName);
            for (const FieldDefinition& field : definition->fields) {
                require(field.type.name, typeName + u'.' + field.name);
                for (const InputValueDefinition& argument : field.arguments)
                    require(argument.type.name, typeName + u'.' + field.name + u'(' + argument.name + u')');
            }
            for (const InputValueDefinition& field : definition->inputFields)
                require(field.type.name, typeName + u'.' + field.name);
        }
        for (const OperationType operationType :
            { OperationType::Query, OperationType::Mutation, OperationType::Subscription }) {
            const QString name = m_schema.rootTypeName(operationType);
            if (!name.isEmpty())
                require(name, QStringLiteral("schema"));
        }
    }

    Schema m_schema;
};

} // namespace

Schema parseSchema(const QString& source, QString* error)
{
    try {
        SchemaParser parser(source);
        return parser.parse();
    } catch (const detail::SyntaxError& syntaxError) {
        if (error) {
            // Reference errors have no position in the text.
            *error = syntaxError.location.line > 0 ? detail::formatSyntaxError(syntaxError)
                                                   : syntaxError.message + u'.';
        }
        return {};
    }
}

} // namespace rmsam::graphql
