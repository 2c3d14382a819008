#include "graphql/GraphQl.h"
#include "graphql/GraphQlLexer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>
#include <limits>

// The subset of the spec's validation rules a client of the sandbox can actually break, with
// graphql-js's wording so messages read like the real server's.
namespace rmsam::graphql {

using detail::Text;

namespace {

QString jsonToString(const QJsonValue& value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    // Wrapping a scalar in an array is the simplest way to get QJsonDocument's exact formatting.
    const QString wrapped
        = QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

QString operationTypeName(OperationType type)
{
    switch (type) {
    case OperationType::Query:
        return QStringLiteral("query");
    case OperationType::Mutation:
        return QStringLiteral("mutation");
    case OperationType::Subscription:
        return QStringLiteral("subscription");
    }
    return {};
}

// The spec's IsVariableUsageAllowed(): same named type and list depth, and wherever the
// position is non-null the variable is too, except that a default on either side covers the
// outermost level.
bool isVariableUsageAllowed(const TypeRef& variableType, bool variableHasDefault, const TypeRef& locationType,
    bool locationHasDefault)
{
    if (variableType.name != locationType.name || variableType.listDepth() != locationType.listDepth())
        return false;
    for (qsizetype level = 0; level < locationType.nonNull.size(); ++level) {
        if (!locationType.nonNull.at(level) || variableType.nonNull.at(level))
            continue;
        if (level == 0 && (variableHasDefault || locationHasDefault))
            continue;
        return false;
    }
    return true;
}

QString scalarLiteralError(const QString& scalar, const Value& value)
{
    const QString shown = value.toString();
    if (scalar == u"Int") {
        if (value.kind != Value::Kind::Int)
            return Text::tr("Int cannot represent non-integer value: %1").arg(shown);
        bool ok = false;
        const qint64 number = value.text.toLongLong(&ok);
        if (!ok || number < std::numeric_limits<qint32>::min() || number > std::numeric_limits<qint32>::max())
            return Text::tr("Int cannot represent non 32-bit signed integer value: %1").arg(shown);
    } else if (scalar == u"Float") {
        if (value.kind != Value::Kind::Int && value.kind != Value::Kind::Float)
            return Text::tr("Float cannot represent non numeric value: %1").arg(shown);
    } else if (scalar == u"String") {
        if (value.kind != Value::Kind::String)
            return Text::tr("String cannot represent a non string value: %1").arg(shown);
    } else if (scalar == u"Boolean") {
        if (value.kind != Value::Kind::Boolean)
            return Text::tr("Boolean cannot represent a non boolean value: %1").arg(shown);
    } else if (scalar == u"ID") {
        if (value.kind != Value::Kind::String && value.kind != Value::Kind::Int)
            return Text::tr("ID cannot represent a non-string and non-integer value: %1").arg(shown);
    }
    // Custom scalars (Date, Day) accept any literal; the resolver decides.
    return {};
}

QString scalarJsonError(const QString& scalar, const QJsonValue& value)
{
    const QString shown = jsonToString(value);
    const auto isIntegral = [&value] {
        const double number = value.toDouble();
        return value.isDouble() && std::isfinite(number) && number == std::trunc(number);
    };
    if (scalar == u"Int") {
        if (!isIntegral())
            return Text::tr("Int cannot represent non-integer value: %1").arg(shown);
        const double number = value.toDouble();
        if (number < std::numeric_limits<qint32>::min() || number > std::numeric_limits<qint32>::max())
            return Text::tr("Int cannot represent non 32-bit signed integer value: %1").arg(shown);
    } else if (scalar == u"Float") {
        if (!value.isDouble())
            return Text::tr("Float cannot represent non numeric value: %1").arg(shown);
    } else if (scalar == u"String") {
        if (!value.isString())
            return Text::tr("String cannot represent a non string value: %1").arg(shown);
    } else if (scalar == u"Boolean") {
        if (!value.isBool())
            return Text::tr("Boolean cannot represent a non boolean value: %1").arg(shown);
    } else if (scalar == u"ID") {
        if (!value.isString() && !isIntegral())
            return Text::tr("ID cannot represent value: %1").arg(shown);
    }
    return {};
}

class Validator
{
public:
    explicit Validator(const Schema& schema)
        : m_schema(schema)
    { }

    QStringList run(const Document& document, const QString& operationName, const QJsonObject& variables)
    {
        checkOperationNames(document);
        for (const Operation& operation : document.operations)
            validateOperation(operation);
        QString error;
        const Operation* selected = selectOperation(document, operationName, &error);
        if (!selected)
            m_errors << error;
        else if (m_errors.isEmpty())
            checkVariableValues(*selected, variables);
        return m_errors;
    }

private:
    void checkOperationNames(const Document& document)
    {
        QSet<QString> seen;
        for (const Operation& operation : document.operations) {
            if (operation.name.isEmpty()) {
                if (document.operations.size() > 1)
                    m_errors << Text::tr("This anonymous operation must be the only defined operation.");
            } else if (seen.contains(operation.name)) {
                m_errors << Text::tr("There can be only one operation named \"%1\".").arg(operation.name);
            }
            seen.insert(operation.name);
        }
    }

    void validateOperation(const Operation& operation)
    {
        m_operation = &operation;
        m_usedVariables.clear();
        m_badVariables.clear();
        const TypeDefinition* root = m_schema.rootType(operation.type);
        if (!root) {
            m_errors << Text::tr("Schema is not configured to execute %1 operation.")
                            .arg(operationTypeName(operation.type));
            return;
        }

        QSet<QString> declared;
        for (const VariableDefinition& variable : operation.variables) {
            if (declared.contains(variable.name))
                m_errors << Text::tr("There can be only one variable named \"$%1\".").arg(variable.name);
            declared.insert(variable.name);
            const TypeDefinition* type = m_schema.type(variable.type.name);
            if (!type) {
                m_errors << Text::tr("Unknown type \"%1\".").arg(variable.type.name);
                m_badVariables.insert(variable.name);
            } else if (!type->isInput()) {
                m_errors << Text::tr("Variable \"$%1\" cannot be non-input type \"%2\".")
                                .arg(variable.name, variable.type.toString());
                m_badVariables.insert(variable.name);
            } else if (variable.defaultValue) {
                checkLiteral(*variable.defaultValue, variable.type, false);
            }
        }

        validateSelectionSet(operation.selectionSet, *root);

        for (const VariableDefinition& variable : operation.variables) {
            if (m_usedVariables.contains(variable.name))
                continue;
            m_errors << (operation.name.isEmpty()
                    ? Text::tr("Variable \"$%1\" is never used.").arg(variable.name)
                    : Text::tr("Variable \"$%1\" is never used in operation \"%2\".")
                          .arg(variable.name, operation.name));
        }
    }

    void validateSelectionSet(const std::vector<Field>& selections, const TypeDefinition& parent)
    {
        for (const Field& field : selections)
            validateField(field, parent);
        checkConflicts(selections);
    }

    void validateField(const Field& field, const TypeDefinition& parent)
    {
        if (field.name == u"__typename") {
            for (const Argument& argument : field.arguments)
                m_errors << Text::tr("Unknown argument \"%1\" on field \"%2.__typename\".")
                                .arg(argument.name, parent.name);
            if (field.hasSelectionSet)
                m_errors << Text::tr("Field \"__typename\" must not have a selection since type \"String!\" "
                                     "has no subfields.");
            return;
        }
        const FieldDefinition* definition = parent.field(field.name);
        if (!definition) {
            m_errors << Text::tr("Cannot query field \"%1\" on type \"%2\".").arg(field.name, parent.name);
            return;
        }

        QSet<QString> given;
        for (const Argument& argument : field.arguments) {
            if (given.contains(argument.name))
                m_errors << Text::tr("There can be only one argument named \"%1\".").arg(argument.name);
            given.insert(argument.name);
            const InputValueDefinition* argumentDefinition = definition->argument(argument.name);
            if (!argumentDefinition) {
                m_errors << Text::tr("Unknown argument \"%1\" on field \"%2.%3\".")
                                .arg(argument.name, parent.name, field.name);
                continue;
            }
            checkLiteral(
                argument.value, argumentDefinition->type, argumentDefinition->defaultValue.has_value());
        }
        for (const InputValueDefinition& argumentDefinition : definition->arguments) {
            if (argumentDefinition.type.isNonNull() && !argumentDefinition.defaultValue
                && !given.contains(argumentDefinition.name)) {
                m_errors << Text::tr(
                    "Field \"%1\" argument \"%2\" of type \"%3\" is required, but it was not provided.")
                                .arg(field.name, argumentDefinition.name, argumentDefinition.type.toString());
            }
        }

        const TypeDefinition* type = m_schema.type(definition->type.name);
        if (!type)
            return; // parseSchema() refuses dangling references; a hand-built schema may not
        if (type->isLeaf()) {
            if (field.hasSelectionSet) {
                m_errors << Text::tr(
                    "Field \"%1\" must not have a selection since type \"%2\" has no subfields.")
                                .arg(field.name, definition->type.toString());
            }
        } else if (!field.hasSelectionSet) {
            m_errors << Text::tr("Field \"%1\" of type \"%2\" must have a selection of subfields. Did you "
                                 "mean \"%1 { ... }\"?")
                            .arg(field.name, definition->type.toString());
        } else {
            validateSelectionSet(field.selectionSet, *type);
        }
    }

    // Two fields answering under one response key must be the same field with the same
    // arguments, or the response would be ambiguous.
    void checkConflicts(const std::vector<Field>& selections)
    {
        QHash<QString, const Field*> byKey;
        QSet<QString> reported;
        for (const Field& field : selections) {
            const QString key = field.responseKey();
            const Field* other = byKey.value(key);
            if (!other) {
                byKey.insert(key, &field);
                continue;
            }
            if (reported.contains(key))
                continue;
            if (other->name != field.name) {
                m_errors << Text::tr(
                    "Fields \"%1\" conflict because \"%2\" and \"%3\" are different fields. Use different "
                    "aliases on the fields to fetch both if this was intentional.")
                                .arg(key, other->name, field.name);
                reported.insert(key);
            } else if (argumentsText(*other) != argumentsText(field)) {
                m_errors << Text::tr("Fields \"%1\" conflict because they have differing arguments. Use "
                                     "different aliases on the fields to fetch both if this was intentional.")
                                .arg(key);
                reported.insert(key);
            }
        }
    }

    static QStringList argumentsText(const Field& field)
    {
        QStringList parts;
        for (const Argument& argument : field.arguments)
            parts << argument.name + u':' + argument.value.toString();
        parts.sort();
        return parts;
    }

    void checkLiteral(const Value& value, const TypeRef& type, bool locationHasDefault)
    {
        if (value.kind == Value::Kind::Variable) {
            checkVariableUsage(value.text, type, locationHasDefault);
            return;
        }
        if (value.kind == Value::Kind::Null) {
            if (type.isNonNull())
                m_errors << Text::tr("Expected value of type \"%1\", found null.").arg(type.toString());
            return;
        }
        if (type.isList()) {
            if (value.kind == Value::Kind::List) {
                for (const Value& item : value.items)
                    checkLiteral(item, type.ofItems(), false);
            } else {
                checkLiteral(value, type.ofItems(), false); // input coercion accepts a lone item
            }
            return;
        }
        const TypeDefinition* definition = m_schema.type(type.name);
        if (!definition)
            return;
        if (definition->kind == TypeKind::InputObject) {
            checkObjectLiteral(value, *definition, type);
        } else if (definition->kind == TypeKind::Enum) {
            if (value.kind != Value::Kind::Enum)
                m_errors << Text::tr("Enum \"%1\" cannot represent non-enum value: %2.")
                                .arg(definition->name, value.toString());
            else if (!definition->enumValues.contains(value.text))
                m_errors << Text::tr("Value \"%1\" does not exist in \"%2\" enum.")
                                .arg(value.text, definition->name);
        } else {
            const QString error = scalarLiteralError(definition->name, value);
            if (!error.isEmpty())
                m_errors << error;
        }
    }

    void checkObjectLiteral(const Value& value, const TypeDefinition& definition, const TypeRef& type)
    {
        if (value.kind != Value::Kind::Object) {
            m_errors << Text::tr("Expected value of type \"%1\", found %2.")
                            .arg(type.toString(), value.toString());
            return;
        }
        QSet<QString> given;
        for (const auto& [name, fieldValue] : value.fields) {
            if (given.contains(name))
                m_errors << Text::tr("There can be only one input field named \"%1\".").arg(name);
            given.insert(name);
            const InputValueDefinition* field = definition.inputField(name);
            if (!field)
                m_errors
                    << Text::tr("Field \"%1\" is not defined by type \"%2\".").arg(name, definition.name);
            else
                checkLiteral(fieldValue, field->type, field->defaultValue.has_value());
        }
        for (const InputValueDefinition& field : definition.inputFields) {
            if (field.type.isNonNull() && !field.defaultValue && !given.contains(field.name)) {
                m_errors << Text::tr("Field \"%1.%2\" of required type \"%3\" was not provided.")
                                .arg(definition.name, field.name, field.type.toString());
            }
        }
    }

    void checkVariableUsage(const QString& name, const TypeRef& locationType, bool locationHasDefault)
    {
        m_usedVariables.insert(name);
        const VariableDefinition* variable = m_operation->variable(name);
        if (!variable) {
            m_errors << (m_operation->name.isEmpty()
                    ? Text::tr("Variable \"$%1\" is not defined.").arg(name)
                    : Text::tr("Variable \"$%1\" is not defined by operation \"%2\".")
                          .arg(name, m_operation->name));
            return;
        }
        if (m_badVariables.contains(name))
            return;
        const bool variableHasDefault
            = variable->defaultValue && variable->defaultValue->kind != Value::Kind::Null;
        if (!isVariableUsageAllowed(variable->type, variableHasDefault, locationType, locationHasDefault)) {
            m_errors << Text::tr("Variable \"$%1\" of type \"%2\" used in position expecting type \"%3\".")
                            .arg(name, variable->type.toString(), locationType.toString());
        }
    }

    void checkVariableValues(const Operation& operation, const QJsonObject& variables)
    {
        for (const VariableDefinition& variable : operation.variables) {
            const QString type = variable.type.toString();
            if (!variables.contains(variable.name)) {
                if (!variable.defaultValue && variable.type.isNonNull())
                    m_errors << Text::tr("Variable \"$%1\" of required type \"%2\" was not provided.")
                                    .arg(variable.name, type);
                continue;
            }
            const QJsonValue value = variables.value(variable.name);
            if (value.isNull() && variable.type.isNonNull()) {
                m_errors << Text::tr("Variable \"$%1\" of non-null type \"%2\" must not be null.")
                                .arg(variable.name, type);
                continue;
            }
            const QString error = jsonError(value, variable.type);
            if (!error.isEmpty()) {
                m_errors << Text::tr("Variable \"$%1\" got invalid value %2; %3")
                                .arg(variable.name, jsonToString(value), error);
            }
        }
    }

    // Input coercion of a supplied variable value; the first problem found, or empty.
    QString jsonError(const QJsonValue& value, const TypeRef& type) const
    {
        if (value.isNull() || value.isUndefined()) {
            return type.isNonNull()
                ? Text::tr("Expected non-nullable type \"%1\" not to be null.").arg(type.toString())
                : QString();
        }
        if (type.isList()) {
            if (!value.isArray())
                return jsonError(value, type.ofItems());
            for (const QJsonValue& item : value.toArray()) {
                const QString error = jsonError(item, type.ofItems());
                if (!error.isEmpty())
                    return error;
            }
            return {};
        }
        const TypeDefinition* definition = m_schema.type(type.name);
        if (!definition)
            return {};
        if (definition->kind == TypeKind::Enum) {
            if (!value.isString())
                return Text::tr("Enum \"%1\" cannot represent non-string value: %2.")
                    .arg(definition->name, jsonToString(value));
            if (!definition->enumValues.contains(value.toString()))
                return Text::tr("Value \"%1\" does not exist in \"%2\" enum.")
                    .arg(value.toString(), definition->name);
            return {};
        }
        if (definition->kind == TypeKind::InputObject) {
            if (!value.isObject())
                return Text::tr("Expected type \"%1\" to be an object.").arg(definition->name);
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                const InputValueDefinition* field = definition->inputField(it.key());
                if (!field)
                    return Text::tr("Field \"%1\" is not defined by type \"%2\".")
                        .arg(it.key(), definition->name);
                const QString error = jsonError(it.value(), field->type);
                if (!error.isEmpty())
                    return error;
            }
            for (const InputValueDefinition& field : definition->inputFields) {
                if (field.type.isNonNull() && !field.defaultValue && !object.contains(field.name)) {
                    return Text::tr("Field \"%1\" of required type \"%2\" was not provided.")
                        .arg(field.name, field.type.toString());
                }
            }
            return {};
        }
        return scalarJsonError(definition->name, value);
    }

    const Schema& m_schema;
    const Operation* m_operation = nullptr;
    QSet<QString> m_usedVariables;
    QSet<QString> m_badVariables;
    QStringList m_errors;
};

} // namespace

QStringList validate(const Document& document, const Schema& schema, const QString& operationName,
    const QJsonObject& variables)
{
    Validator validator(schema);
    return validator.run(document, operationName, variables);
}

} // namespace rmsam::graphql
