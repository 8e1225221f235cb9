#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <QCryptographicHash>

#include <algorithm>

// JSON encoding as Go's encoding/json writes it, and the hash suffix of generated ConfigMaps and
// Secrets (kustomize's api/hasher).

namespace kanri::kustomize::detail {

namespace {

void jsonString(std::string &out, const std::string &s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '<':
        case '>':
        case '&':
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else if (c == 0xE2 && i + 2 < s.size() &&
                       static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                       (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                        static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                i += 2;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void toJsonImpl(std::string &out, const Value &v)
{
    switch (v.type) {
    case Value::Type::Map: {
        std::vector<const MapEntry *> es;
        for (const MapEntry &e : v.entries)
            es.push_back(&e);
        std::stable_sort(es.begin(), es.end(),
                         [](const MapEntry *a, const MapEntry *b) { return a->key < b->key; });
        out += '{';
        bool first = true;
        for (const MapEntry *e : es) {
            if (!first)
                out += ',';
            first = false;
            jsonString(out, e->key);
            out += ':';
            toJsonImpl(out, e->value);
        }
        out += '}';
        return;
    }
    case Value::Type::Seq: {
        out += '[';
        for (size_t i = 0; i < v.items.size(); ++i) {
            if (i)
                out += ',';
            toJsonImpl(out, v.items[i]);
        }
        out += ']';
        return;
    }
    case Value::Type::String:
        jsonString(out, v.text);
        return;
    case Value::Type::Timestamp:
        jsonString(out, yaml::jsonScalarText(v));
        return;
    default:
        out += yaml::jsonScalarText(v);
        return;
    }
}

} // namespace

std::string toJson(const Value &v)
{
    std::string out;
    toJsonImpl(out, v);
    return out;
}

std::string resourceHash(const Value &obj)
{
    const std::string kind = obj.str({"kind"});
    std::string encoded;
    auto field = [&](const char *k) -> Value {
        const Value *v = obj.get(k);
        if (!v)
            return Value::string("");
        return *v;
    };
    if (kind == "ConfigMap") {
        Value m = Value::map();
        if (const Value *b = obj.get("binaryData"); b && b->isMap())
            m.set("binaryData", *b);
        m.set("data", field("data"));
        m.set("kind", Value::string("ConfigMap"));
        // kustomize looks the name up as a single field called "metadata/name", which never
        // exists: the name is always hashed as an empty string.
        m.set("name", Value::string(""));
        encoded = toJson(m);
    } else if (kind == "Secret") {
        Value m = Value::map();
        m.set("data", field("data"));
        m.set("kind", Value::string("Secret"));
        m.set("name", Value::string(""));
        if (const Value *sd = obj.get("stringData"); sd && sd->isMap())
            m.set("stringData", *sd);
        const Value *type = obj.get("type");
        m.set("type", type && type->isScalar() ? Value::string(type->text) : Value::string(""));
        encoded = toJson(m);
    } else {
        encoded = toJson(obj);
    }
    const QByteArray hex =
        QCryptographicHash::hash(QByteArray::fromStdString(encoded), QCryptographicHash::Sha256)
            .toHex();
    std::string enc = hex.left(10).toStdString();
    for (char &c : enc) {
        switch (c) {
        case '0':
            c = 'g';
            break;
        case '1':
            c = 'h';
            break;
        case '3':
            c = 'k';
            break;
        case 'a':
            c = 'm';
            break;
        case 'e':
            c = 't';
            break;
        default:
            break;
        }
    }
    return enc;
}

} // namespace kanri::kustomize::detail
