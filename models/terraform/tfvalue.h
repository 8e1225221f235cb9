#pragma once

#include <QString>

#include <map>
#include <memory>
#include <vector>

// A value as Terraform (cty) computes it: null, unknown ("known after apply"), bool, number,
// string, list (also tuples), set (sorted, without duplicates) and map (also objects; keys in
// lexical order, as cty iterates them). An unknown value is what any part of the evaluator
// returns for what it cannot compute offline; it is never replaced by a guess.
namespace kanri::terraform {

class Value
{
public:
    enum class Kind { Null, Unknown, Bool, Number, String, List, Set, Map };
    using Members = std::map<QString, Value>;

    Value() = default; // null
    static Value unknown();
    static Value boolean(bool b);
    static Value number(double d);
    static Value string(QString s);
    static Value list(std::vector<Value> items);
    static Value set(std::vector<Value> items); // sorted, duplicates dropped
    static Value map(Members members);
    // A resource or data instance: its configured arguments; any other attribute (id, arn...)
    // is computed by the provider, so reading it gives an unknown value, not an error.
    static Value resourceObject(Members members);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isUnknown() const { return m_kind == Kind::Unknown; }
    bool isKnown() const { return m_kind != Kind::Unknown; }
    // Known, and every element or member too.
    bool isWhollyKnown() const;
    bool isCollection() const
    {
        return m_kind == Kind::List || m_kind == Kind::Set || m_kind == Kind::Map;
    }
    bool isOpen() const { return m_open; }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    const QString &str() const { return m_string; }
    const std::vector<Value> &items() const; // List, Set
    const Members &members() const;          // Map
    const Value *member(const QString &key) const;
    qsizetype length() const; // elements, members, or characters of a string

    // HCL as terraform plan shows values: "text" quoted and escaped, [1, 2], { a = 1, b = "x" },
    // null, (known after apply) for what is unknown; two or more unknown elements in a row of a
    // list as one "(N values known after apply)".
    QString render() const;
    // jsonencode's text; only for wholly known values.
    QByteArray toJsonText() const;
    // A number as cty prints it in a string: shortest decimal, no exponent.
    static QString numberText(double d);

    // Equality of known values (cty's Equals; a list never equals a set); unknown equals
    // nothing, not even itself.
    friend bool operator==(const Value &a, const Value &b);
    // Total order used to sort sets: by kind, then value.
    static bool lessThan(const Value &a, const Value &b);

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    bool m_open = false;
    double m_number = 0;
    QString m_string;
    std::shared_ptr<const std::vector<Value>> m_items;
    std::shared_ptr<const Members> m_members;
};

} // namespace kanri::terraform
