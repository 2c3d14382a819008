#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// A small GraphQL toolkit for the sandbox server: executable documents, schema text (SDL) and the
// validation rules a client is most likely to trip over. It is not a general GraphQL engine:
// fragments, directives and subscriptions are rejected, introspection is not served.
namespace rmsam::graphql {

struct SourceLocation
{
    int line = 0;
    int column = 0;
};

// A type reference such as `[UserRoles!]` or `Int!`. `nonNull` holds one entry per wrapping
// level, outermost first, so `[UserRoles!]` is {false, true} and `Int!` is {true}.
// A default-constructed TypeRef (empty `nonNull`) is invalid.
struct TypeRef
{
    QString name;
    QList<bool> nonNull;

    static TypeRef named(const QString& name, bool isNonNull = false);

    bool isValid() const { return !name.isEmpty() && !nonNull.isEmpty(); }
    bool isNonNull() const { return !nonNull.isEmpty() && nonNull.first(); }
    bool isList() const { return nonNull.size() > 1; }
    int listDepth() const { return int(nonNull.size()) - 1; }
    TypeRef ofItems() const; // strips the outermost list
    TypeRef asNullable() const;
    QString toString() const;
    bool operator==(const TypeRef& other) const = default;
};

// A literal or a variable reference as written in a document. Recursive members are std::vector
// because QList needs a complete element type.
struct Value
{
    enum class Kind
    {
        Null,
        Int,
        Float,
        String,
        Boolean,
        Enum,
        List,
        Object,
        Variable
    };

    Kind kind = Kind::Null;
    QString text; // Int/Float source text, String contents, Enum value or Variable name (no `$`)
    bool boolean = false;
    std::vector<Value> items; // List
    std::vector<std::pair<QString, Value>> fields; // Object, in source order
    SourceLocation location;

    QString toString() const; // GraphQL syntax, for error messages
};

struct Argument
{
    QString name;
    Value value;
    SourceLocation location;
};

struct Field
{
    QString alias; // empty when none was written
    QString name;
    QList<Argument> arguments;
    bool hasSelectionSet = false;
    std::vector<Field> selectionSet;
    SourceLocation location;

    QString responseKey() const { return alias.isEmpty() ? name : alias; }
    const Argument* argument(const QString& argumentName) const;
};

struct VariableDefinition
{
    QString name; // without `$`
    TypeRef type;
    std::optional<Value> defaultValue;
    SourceLocation location;
};

enum class OperationType
{
    Query,
    Mutation,
    Subscription
};

struct Operation
{
    OperationType type = OperationType::Query;
    QString name; // empty for an anonymous operation
    QList<VariableDefinition> variables;
    std::vector<Field> selectionSet;
    SourceLocation location;

    const VariableDefinition* variable(const QString& variableName) const;
};

struct Document
{
    QList<Operation> operations;
};

// --- Schema ---------------------------------------------------------------------------------

struct InputValueDefinition
{
    QString name;
    TypeRef type;
    std::optional<Value> defaultValue;
};

struct FieldDefinition
{
    QString name;
    QList<InputValueDefinition> arguments;
    TypeRef type;

    const InputValueDefinition* argument(const QString& argumentName) const;
};

enum class TypeKind
{
    Scalar,
    Enum,
    Object,
    Interface,
    Union,
    InputObject
};

struct TypeDefinition
{
    TypeKind kind = TypeKind::Scalar;
    QString name;
    QStringList interfaces; // Object, Interface
    QList<FieldDefinition> fields; // Object, Interface
    QList<InputValueDefinition> inputFields; // InputObject
    QStringList enumValues; // Enum
    QStringList possibleTypes; // Union

    bool isLeaf() const { return kind == TypeKind::Scalar || kind == TypeKind::Enum; }
    bool isComposite() const
    {
        return kind == TypeKind::Object || kind == TypeKind::Interface || kind == TypeKind::Union;
    }
    bool isInput() const { return isLeaf() || kind == TypeKind::InputObject; }
    const FieldDefinition* field(const QString& fieldName) const;
    const InputValueDefinition* inputField(const QString& fieldName) const;
};

// A parsed schema. The built-in scalars (Int, Float, String, Boolean, ID) are always present.
class Schema
{
public:
    Schema();

    const TypeDefinition* type(const QString& name) const;
    QStringList typeNames() const; // sorted, built-in scalars included
    // Root types; empty when the schema defines none for that operation type.
    QString rootTypeName(OperationType operationType) const;
    const TypeDefinition* rootType(OperationType operationType) const;

    // Returns false (and leaves the schema unchanged) when a type of that name already exists.
    bool addType(TypeDefinition definition);
    void setRootTypeName(OperationType operationType, const QString& name);

private:
    QHash<QString, TypeDefinition> m_types;
    QHash<int, QString> m_rootTypes;
};

// --- Entry points ---------------------------------------------------------------------------

// Both parsers return an empty result and set *error (a message like
// `Syntax Error: Expected Name, found "}" (line 1, column 9).`) on failure.
Document parseDocument(const QString& source, QString* error = nullptr);
Schema parseSchema(const QString& source, QString* error = nullptr);

// Checks `document` against `schema` and, for the operation that would run, the supplied
// variable values. Returns GraphQL-style messages such as
// `Cannot query field "foo" on type "User".`; empty when the request may execute.
QStringList validate(const Document& document, const Schema& schema, const QString& operationName = {},
    const QJsonObject& variables = {});

// --- Execution support ----------------------------------------------------------------------

// The operation `operationName` selects (the only one when the name is empty), or nullptr with
// *error set.
const Operation* selectOperation(
    const Document& document, const QString& operationName, QString* error = nullptr);

// The variable values an operation runs with: the supplied ones, then declared defaults.
QJsonObject coerceVariableValues(const Operation& operation, const QJsonObject& variables);

// A literal as JSON with variables substituted from `variableValues` (absent ones become null).
QJsonValue valueToJson(const Value& value, const QJsonObject& variableValues);

// A field's argument values as JSON: written arguments with variables substituted, then schema
// defaults. An argument whose variable was not supplied is left out, as the spec requires.
// A single value passed where the schema expects a list becomes a one-element list.
QJsonObject argumentValues(
    const Field& field, const FieldDefinition* definition, const QJsonObject& variableValues);

} // namespace rmsam::graphql
