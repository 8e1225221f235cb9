#pragma once

#include "core/result.h"
#include "hcl/hclvalue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// Lossless reading and editing of Terraform files (HCL2 native syntax and the JSON syntax).
//
// A Document keeps the file's bytes; parsing only records where things are. Printing an
// unedited document gives back the input byte for byte. Edits splice new bytes into the text
// and touch nothing outside the edited entry except the padding of the `=` and
// trailing-comment alignment runs the edited lines belong to (and only when those runs were
// aligned the way `terraform fmt` aligns them before the edit).
namespace kanri::hcl {

enum class ValueKind { Object, List, String, Template, Number, Bool, Null, Expression };

// "object", "list", ... — the vocabulary of the conformance sidecars.
QString valueKindName(ValueKind kind);

enum class Syntax { Native, Json };

struct FieldSchema
{
    QString name;
    QString type; // the type expression's source text, e.g. "string", "list(string)"
    bool optional = false;
    std::optional<QJsonValue> defaultValue; // only for optional(T, default)
};

struct MapEntry
{
    QString key;  // map key with quotes removed (a template key as written between its
                  // quotes); for list maps the element index
    int line = 0; // 1-based line of the key (of the element for lists)
    ValueKind kind = ValueKind::Expression;
    QJsonObject fields;      // entries whose value is an object: literal values as JSON,
                             // other values as their source text...
    QStringList expressions; // ...and these are the fields holding one (Value::expression)
    QJsonValue value;        // the whole entry value: `fields` for an object, else as a field
    bool expression = false; // the entry value is not a literal (for an object: one of its
                             // fields is an expression, or one of its keys)

    // A field as a typed value: literal, or expression with its source text.
    Value field(const QString &name) const;
};

struct MapInfo
{
    QString name;   // "developers", "module.<label>.<argument>"
    QString source; // "tfvars" | "locals" | "variable.default" | "module.argument"
    int line = 0;   // line of the attribute holding the map
    bool isList = false;
    QList<MapEntry> entries;
    QStringList fields;          // union of the object entries' keys, first-seen order
    QList<ValueKind> valueKinds; // kinds of the entry values, first-seen order
    QList<FieldSchema> schema;   // from the variable's `type`; empty when none
};

class DocumentData;

class Document
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::Document)

public:
    Document();
    ~Document();
    Document(const Document &);
    Document &operator=(const Document &);
    Document(Document &&) noexcept;
    Document &operator=(Document &&) noexcept;

    // Picks the JSON syntax for names ending in .json, the native syntax otherwise. A syntax
    // error is returned as Error{Code::Syntax} with file, line and column.
    static Result<Document> parse(QByteArray bytes, QString fileName);

    QByteArray text() const; // current bytes (== input when unedited)
    QString fileName() const;
    Syntax syntax() const;

    QList<MapInfo> maps() const;
    std::optional<MapInfo> map(const QString &name) const;

    // path: {MAP}, {MAP, KEY} or {MAP, KEY, FIELD}. NotFound when a part does not exist; Usage
    // errors for an empty part, a key or field written twice.
    //
    // value(): the typed value — a literal, or an expression with its source text.
    Result<Value> value(const QStringList &path) const;
    // get(): Qt's JSON view, as MapEntry gives it: literals as JSON, other values as their
    // source text; an object constructor as an object of its items.
    Result<QJsonValue> get(const QStringList &path) const;

    // Schema for a map whose `type` is declared elsewhere (variables.tf vs a .tfvars file):
    // maps() then reports it and addEntry orders fields by it.
    void attachSchema(const QString &map, const QList<FieldSchema> &schema);

    // Edits. KEY of a list map is the element index. setField with a null field (QString())
    // replaces the entry's whole value; an empty one names the field "" (a valid HCL key). Setting
    // a value equal to the current one changes nothing (an expression: the same source text; a
    // literal: the same value however it is written), so value() then setField() of what it gave
    // leaves the bytes as they are.
    //
    // A literal is written as HCL writes it (strings quoted and escaped as hclwrite escapes
    // them, numbers digit for digit); a multi-line string set on a heredoc stays a heredoc with
    // the same marker and indentation. An expression is written as its source text, which must
    // be one HCL expression; the edited file must then parse as a whole, or nothing changes.
    // The JSON syntax holds only literals.
    Result<void> setField(const QString &map, const QString &key, const QString &field,
                          const Value &value);
    Result<void> setField(const QString &map, const QString &key, const QString &field,
                          const QJsonValue &value);
    Result<void> unsetField(const QString &map, const QString &key, const QString &field);
    // value is usually an object; maps of strings take any value. Lists append.
    Result<void> addEntry(const QString &map, const QString &key, const Value &value);
    Result<void> addEntry(const QString &map, const QString &key, const QJsonValue &value);
    // An entry between two blank lines takes one of them along.
    Result<void> removeEntry(const QString &map, const QString &key);
    // A template key ("${var.p}-x") is renamed to NEWKEY written between quotes as it is (it
    // may hold ${...}); any other key to NEWKEY as a literal.
    Result<void> renameEntry(const QString &map, const QString &key, const QString &newKey);

private:
    std::unique_ptr<DocumentData> d;
};

// The schema declared by `variable "<name>" { type = map(object({...})) }` (or list/set of
// objects) in a native-syntax document; nullopt when there is no such variable or its type
// is not a collection of objects.
std::optional<QList<FieldSchema>> variableSchema(const Document &doc, const QString &variable);

// hclwrite's layout rules (indentation, spacing, `=` and comment alignment). Returns the input
// unchanged when it does not parse.
QByteArray formatHcl(const QByteArray &text);

// `terraform fmt`: Terraform's rewrites, then formatHcl's layout. The rewrites: inside a
// `variable` block, legacy types ("string", "list", "map", bare list/map/set) become string,
// list(string), map(string), list(any)...; an attribute value that is exactly one
// interpolation "${x}" becomes x (attributes of bodies only, not items of object
// constructors); block labels are written quoted. Returns the input unchanged when it does not
// parse.
QByteArray formatTerraform(const QByteArray &text);

// Whether `terraform fmt` formats files with this name (.tf, .tfvars, .tftest.hcl; OpenTofu's
// .tofu): kanri tf fmt uses formatTerraform for them and formatHcl for other native files.
bool isTerraformFile(const QString &fileName);

// Parses a path written as on the command line: parts separated by '.', a part that is not an
// identifier written as a JSON string (developers."a.b".gcp).
Result<QStringList> parsePath(const QString &path);

} // namespace kanri::hcl
