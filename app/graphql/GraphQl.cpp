#include "graphql/GraphQl.h"

#include "graphql/GraphQlLexer.h"

#include <QJsonArray>

namespace rmsam::graphql {

using detail::Text;
using detail::Token;

// --- Value types ----------------------------------------------------------------------------

TypeRef TypeRef::named(const QString& name, bool isNonNull)
{
    return TypeRef { name, { isNonNull } };
}

TypeRef TypeRef::ofItems() const
{
    if (!isList())
        return *this;
    return TypeRef { name, nonNull.mid(1) };
}

TypeRef TypeRef::asNullable() const
{
    TypeRef copy = *this;
    if (!copy.nonNull.isEmpty())
        copy.nonNull.first() = false;
    return copy;
}

QString TypeRef::toString() const
{
    QString text = name;
    for (qsizetype level = nonNull.size() - 1; level >= 0; --level) {
        if (level < nonNull.size() - 1)
            text = u'[' + text + u']';
        if (nonNull.at(level))
            text += u'!';
    }
    return text;
}

namespace {

QString quoted(const QString& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out + u'"';
}

} // namespace

QString Value::toString() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Int:
    case Kind::Float:
    case Kind::Enum:
        return text;
    case Kind::String:
        return quoted(text);
    case Kind::Boolean:
        return boolean ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Variable:
        return u'$' + text;
    case Kind::List: {
        QStringList parts;
        for (const Value& item : items)
            parts << item.toString();
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case Kind::Object: {
        QStringList parts;
        for (const auto& [name, value] : fields)
            parts << name + QStringLiteral(": ") + value.toString();
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    }
    return {};
}

const Argument* Field::argument(const QString& argumentName) const
{
    for (const Argument& argument : arguments) {
        if (argument.name == argumentName)
            return &argument;
    }
    return nullptr;
}

const VariableDefinition* Operation::variable(const QString& variableName) const
{
    for (const VariableDefinition& definition : variables) {
        if (definition.name == variableName)
            return &definition;
    }
    return nullptr;
}

// --- Document parser ------------------------------------------------------------------------

namespace {

class DocumentParser : public detail::ParserBase
{
public:
    using ParserBase::ParserBase;

    Document parse()
    {
        Document document;
        do {
            document.operations << parseDefinition();
        } while (current().kind != Token::Kind::End);
        return document;
    }

private:
    Operation parseDefinition()
    {
        Operation operation;
        operation.location = current().location;
        if (peekPunctuator(u"{")) { // query shorthand
            parseSelectionSet(operation.selectionSet);
            return operation;
        }
        if (peekName(u"fragment"))
            fail(Text::tr("fragments are not supported by the sandbox"), current().location);
        if (peekName(u"query"))
            operation.type = OperationType::Query;
        else if (peekName(u"mutation"))
            operation.type = OperationType::Mutation;
        else if (peekName(u"subscription"))
            operation.type = OperationType::Subscription;
        else
            unexpected(QStringLiteral("\"query\", \"mutation\" or \"{\""));
        advance();

        if (current().kind == Token::Kind::Name)
            operation.name = advance().value;
        if (skipPunctuator(u"(")) {
            do {
                operation.variables << parseVariableDefinition();
            } while (!skipPunctuator(u")"));
        }
        rejectDirectives();
        parseSelectionSet(operation.selectionSet);
        return operation;
    }

    VariableDefinition parseVariableDefinition()
    {
        VariableDefinition definition;
        definition.location = current().location;
        expectPunctuator(u"$");
        definition.name = expectName().value;
        expectPunctuator(u":");
        definition.type = parseType();
        if (skipPunctuator(u"="))
            definition.defaultValue = parseValue(true);
        rejectDirectives();
        return definition;
    }

    void rejectDirectives()
    {
        if (peekPunctuator(u"@"))
            fail(Text::tr("directives are not supported by the sandbox"), current().location);
    }

    void parseSelectionSet(std::vector<Field>& selections)
    {
        const DepthGuard guard(*this);
        expectPunctuator(u"{");
        do {
            selections.push_back(parseField());
        } while (!skipPunctuator(u"}"));
    }

    Field parseField()
    {
        if (peekPunctuator(u"..."))
            fail(Text::tr("fragments are not supported by the sandbox"), current().location);
        Field field;
        field.location = current().location;
        field.name = expectName().value;
        if (skipPunctuator(u":")) {
            field.alias = field.name;
            field.name = expectName().value;
        }
        if (skipPunctuator(u"(")) {
            do {
                Argument argument;
                argument.location = current().location;
                argument.name = expectName().value;
                expectPunctuator(u":");
                argument.value = parseValue(false);
                field.arguments << argument;
            } while (!skipPunctuator(u")"));
        }
        rejectDirectives();
        if (peekPunctuator(u"{")) {
            field.hasSelectionSet = true;
            parseSelectionSet(field.selectionSet);
        }
        return field;
    }
};

} // namespace

Document parseDocument(const QString& source, QString* error)
{
    try {
        DocumentParser parser(source);
        return parser.parse();
    } catch (const detail::SyntaxError& syntaxError) {
        if (error)
            *error = detail::formatSyntaxError(syntaxError);
        return {};
    }
}

// --- Execution support ----------------------------------------------------------------------

const Operation* selectOperation(const Document& document, const QString& operationName, QString* error)
{
    const auto setError = [error](const QString& message) {
        if (error)
            *error = message;
    };
    if (operationName.isEmpty()) {
        if (document.operations.size() == 1)
            return &document.operations.first();
        setError(document.operations.isEmpty()
                ? Text::tr("Must provide an operation.")
                : Text::tr("Must provide operation name if query contains multiple operations."));
        return nullptr;
    }
    for (const Operation& operation : document.operations) {
        if (operation.name == operationName)
            return &operation;
    }
    setError(Text::tr("Unknown operation named \"%1\".").arg(operationName));
    return nullptr;
}

QJsonObject coerceVariableValues(const Operation& operation, const QJsonObject& variables)
{
    QJsonObject values;
    for (const VariableDefinition& definition : operation.variables) {
        if (variables.contains(definition.name))
            values.insert(definition.name, variables.value(definition.name));
        else if (definition.defaultValue)
            values.insert(definition.name, valueToJson(*definition.defaultValue, {}));
    }
    return values;
}

QJsonValue valueToJson(const Value& value, const QJsonObject& variableValues)
{
    switch (value.kind) {
    case Value::Kind::Null:
        return QJsonValue::Null;
    case Value::Kind::Int: {
        bool ok = false;
        const qint64 number = value.text.toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(value.text.toDouble());
    }
    case Value::Kind::Float:
        return value.text.toDouble();
    case Value::Kind::String:
    case Value::Kind::Enum:
        return value.text;
    case Value::Kind::Boolean:
        return value.boolean;
    case Value::Kind::Variable:
        return variableValues.value(value.text).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                              : variableValues.value(value.text);
    case Value::Kind::List: {
        QJsonArray array;
        for (const Value& item : value.items)
            array.append(valueToJson(item, variableValues));
        return array;
    }
    case Value::Kind::Object: {
        QJsonObject object;
        for (const auto& [name, fieldValue] : value.fields) {
            // An object field whose variable was not supplied is omitted, not null.
            if (fieldValue.kind == Value::Kind::Variable && !variableValues.contains(fieldValue.text))
                continue;
            object.insert(name, valueToJson(fieldValue, variableValues));
        }
        return object;
    }
    }
    return QJsonValue::Null;
}

QJsonObject argumentValues(
    const Field& field, const FieldDefinition* definition, const QJsonObject& variableValues)
{
    QJsonObject values;
    for (const Argument& argument : field.arguments) {
        if (argument.value.kind == Value::Kind::Variable && !variableValues.contains(argument.value.text))
            continue;
        QJsonValue value = valueToJson(argument.value, variableValues);
        const InputValueDefinition* argumentDefinition
            = definition ? definition->argument(argument.name) : nullptr;
        if (argumentDefinition && argumentDefinition->type.isList() && !value.isArray() && !value.isNull())
            value = QJsonArray { value };
        values.insert(argument.name, value);
    }
    if (definition) {
        for (const InputValueDefinition& argumentDefinition : definition->arguments) {
            if (!values.contains(argumentDefinition.name) && argumentDefinition.defaultValue)
                values.insert(argumentDefinition.name, valueToJson(*argumentDefinition.defaultValue, {}));
        }
    }
    return values;
}

} // namespace rmsam::graphql
