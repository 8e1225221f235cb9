#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include <utility>
#include <vector>

namespace kanri::hcl {

// A value as a Terraform file holds it: a literal — null, bool, number, string, list, object —
// or any other expression (a reference, a function call, a template with ${...} or %{...}, a
// for expression, a conditional, an object holding one of those...), kept as its HCL source
// text. The command line, the models and the GUI all use this one type, so nothing is guessed
// from the look of a string: "var.y" the string and var.y the reference are different values.
//
// Numbers keep their decimal text (12345678901234567890123 stays exact); objects keep their key
// order. Literal strings are the decoded text: escapes resolved, a heredoc's lines with their
// common indentation removed for <<-.
//
// The typed JSON encoding (kanri tf get --typed, set --typed):
//   {"kind": "literal", "value": JSON}         a literal, numbers with all their digits
//   {"kind": "expression", "source": "TEXT"}   anything else, exactly as written in the file
class Value
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::Value)

public:
    enum class Type { Null, Bool, Number, String, List, Object, Expression };
    using Member = std::pair<QString, Value>;

    Value() = default; // null
    static Value boolean(bool b);
    // `text` must be a JSON number (isJsonNumber); it is kept as it is.
    static Value number(QByteArray text);
    static Value string(QString s);
    static Value list(std::vector<Value> items);
    static Value object(std::vector<Member> members);
    static Value expression(QString source);

    // Doubles become the shortest decimal text that reads back as the same double.
    static Value fromJson(const QJsonValue &v);
    // JSON text, numbers kept digit for digit. Usage errors name what is wrong.
    static Result<Value> fromJsonText(QByteArrayView json);
    // The typed encoding above, as JSON text.
    static Result<Value> fromTypedJson(QByteArrayView json);
    // The typed encoding as an already parsed value (kind/value/source).
    static Result<Value> fromTyped(const Value &typed);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isExpression() const { return m_type == Type::Expression; }
    // No expression anywhere inside.
    bool isLiteral() const;

    bool toBool() const { return m_bool; }
    const QByteArray &numberText() const { return m_text; }
    const QString &str() const { return m_string; } // String: the text; Expression: source
    const QString &source() const { return m_string; }
    const std::vector<Value> &items() const { return m_items; }
    const std::vector<Member> &members() const { return m_members; }
    const Value *member(const QString &key) const; // last member with that key

    // Qt's JSON: numbers as doubles, expressions as their source text.
    QJsonValue toJson() const;
    // JSON text of a literal (an expression inside is written as its source text, a string),
    // numbers digit for digit; compact, or indented by four spaces like QJsonDocument.
    enum class Layout { Compact, Indented };
    QByteArray toJsonText(Layout layout = Layout::Compact) const;
    QByteArray toTypedJson(Layout layout = Layout::Compact) const;

    // Values are equal when they mean the same: numbers by value (1.0 == 1), objects with the
    // same keys and values in any order, expressions by their source text.
    friend bool operator==(const Value &a, const Value &b);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    QByteArray m_text;
    QString m_string;
    std::vector<Value> m_items;
    std::vector<Member> m_members;
};

// Whether text is a JSON number (-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?).
bool isJsonNumber(QByteArrayView text);

// An HCL number literal's text (digits, '.', exponent; a '-' with spaces before it) as a JSON
// number: spaces dropped, leading zeros of the integer part removed. Empty when not a number.
QByteArray jsonNumberFromHcl(QByteArrayView text);

// A number's text in canonical form: sign, significant digits, exponent ("0" for zero), so
// that equal numbers have equal forms whatever their notation.
QByteArray canonicalNumber(QByteArrayView jsonNumber);

} // namespace kanri::hcl
