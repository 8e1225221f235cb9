#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kanri::yaml {

struct MapEntry;

// A parsed YAML/JSON node, light enough to copy: maps keep insertion order (kustomize edits
// objects in place and only the emitter sorts keys). Scalars keep their source text and the
// type yaml.v3 resolves them to (kustomize's kyaml layer), because the printed form depends
// on it: a plain `1.0` prints as `1`, a quoted "1.0" stays a string.
class Value
{
public:
    enum class Type : std::uint8_t { Null, Bool, Int, Float, String, Timestamp, Map, Seq };

    Value() = default;
    static Value string(std::string s);
    static Value null() { return Value(); }
    static Value map()
    {
        Value v;
        v.type = Type::Map;
        return v;
    }
    static Value seq()
    {
        Value v;
        v.type = Type::Seq;
        return v;
    }
    static Value integer(long long n);
    static Value boolean(bool b);
    // A plain (unquoted) scalar: its type is resolved as yaml.v3 does.
    static Value plain(std::string text);

    bool isNull() const { return type == Type::Null; }
    bool isMap() const { return type == Type::Map; }
    bool isSeq() const { return type == Type::Seq; }
    bool isScalar() const { return type != Type::Map && type != Type::Seq; }
    bool isString() const { return type == Type::String; }

    // Map access (nullptr / no-op when not a map or absent).
    const Value *get(std::string_view key) const;
    Value *get(std::string_view key);
    Value &set(std::string_view key, Value v); // replaces in place or appends
    Value &getOrAddMap(std::string_view key);  // adds an empty map when absent or null
    bool remove(std::string_view key);
    // Nested path lookup: get({"metadata", "name"}).
    const Value *at(std::initializer_list<std::string_view> path) const;
    // Scalar text of a nested string field, or empty.
    std::string str(std::initializer_list<std::string_view> path) const;

    bool operator==(const Value &o) const;

    Type type = Type::Null;
    std::string text; // scalar text (the string itself for strings)
    std::vector<MapEntry> entries;
    std::vector<Value> items;
};

struct MapEntry
{
    std::string key;
    Value value;
};

// The limits and the YAML dialect of parseDocuments.
struct ParseLimits
{
    qsizetype maxBytes = 64 * 1024 * 1024;
    int maxDepth = 200;
    qsizetype maxNodes = 2'000'000; // after alias expansion: stops alias bombs
    // go-yaml v2 (sigs.k8s.io/yaml, what kustomize reads a kustomization with) resolves plain
    // scalars as YAML 1.1: y/n/yes/no/on/off are booleans and timestamps stay strings. The
    // default is go-yaml v3 (kyaml, what kustomize reads resources and patches with).
    bool yaml11 = false;
    // Two equal keys in one mapping: go-yaml v3 refuses to decode the document (kyaml reading
    // resources), go-yaml v2 keeps the last (a kustomization), a kyaml node lookup finds the
    // first (a patch).
    enum class DuplicateKeys { Refuse, KeepLast, KeepFirst };
    DuplicateKeys duplicateKeys = DuplicateKeys::Refuse;
    // kyaml's kio.ByteReader (kustomize reading resources and patches): the stream is first cut
    // at every line that starts with "---" (only a comment may follow it on its line), and only
    // the first document of each piece counts; libyaml's verdict on each piece's start holds.
    bool kioSplit = false;
};

// Where the single-line scalar values of a parsed stream are, so that an edit inside one of
// them can be applied to the parsed documents without parsing the stream again
// (reparseEdited). Only what is provably local is recorded: values (not keys) written plain,
// single- or double-quoted on one line, in block collections of documents without aliases,
// merge keys or repeated keys. Byte offsets are into the parsed bytes.
struct ParseIndex
{
    static constexpr std::uint32_t root = 0xFFFFFFFFu;
    // A collection: its parent collection (`root`: it is document number `index`) and its
    // place there (entry or item).
    struct Node
    {
        std::uint32_t parent, index;
    };
    // A scalar value: its bytes [start, end) (quotes included), its collection and place.
    struct Scalar
    {
        std::uint32_t start, end, parent, index;
        std::uint8_t style; // 1 plain, 2 single-quoted, 3 double-quoted
    };
    std::vector<Node> nodes;
    std::vector<Scalar> scalars; // by start
};

// Parses every document of a YAML (or JSON) stream as go-yaml does. Empty documents are
// returned as Null values. Refused as go-yaml refuses them: invalid UTF-8, control characters
// (NUL, ESC, ...), a key twice in one mapping (unless allowed), and whatever yaml-cpp cannot
// parse. Errors carry `file` and the line/column of the offending byte or token.
// `index` (optional) receives the places of the scalar values (ParseIndex).
Result<std::vector<Value>> parseDocuments(const QByteArray &bytes, const QString &file = {},
                                          const ParseLimits &limits = {},
                                          ParseIndex *index = nullptr);

// Applies the change from `oldBytes` to `newBytes` to `docs` (what parseDocuments made of
// `oldBytes` with `limits`, and `index` its ParseIndex) when the two texts differ inside one
// indexed scalar value and the new text of that scalar is again one scalar of the same kind
// whose value is certain (no line break, no comment, no `: `, no indicator, no escape):
// then `docs` and `index` become exactly what parseDocuments would make of `newBytes`, and
// true is returned. Otherwise nothing is changed and false is returned (parse it again).
bool reparseEdited(const QByteArray &oldBytes, const QByteArray &newBytes,
                   const ParseLimits &limits, std::vector<Value> &docs, ParseIndex &index);

// yaml.v3's resolution of a plain scalar (what `Value::plain` uses).
Value::Type resolvePlain(std::string_view text);
// yaml.v2's (YAML 1.1), as kustomize's kustomization reader sees it: y/n/yes/no/on/off are
// booleans, a timestamp is a string.
Value::Type resolvePlain11(std::string_view text);

} // namespace kanri::yaml
