#include "kustomize/kustinternal.h"
#include "yaml/yamlemitter.h"

#include <optional>

// JSON 6902 patch operations as kustomize applies them: evanphx/json-patch v4 over the
// resource converted to JSON. Its rules differ from RFC 6902 in places users rely on: a
// `replace` of a missing key whose parent object exists sets it, negative array indices count
// from the end, a path's first segment is dropped whatever it is ("data/x" is "/x"), and a
// `replace` (but not an `add`) of the whole document ("") is allowed.

namespace kanri::kustomize::detail {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

Error missing(const QString &message)
{
    return Error{message + QStringLiteral(": missing value"), {}, 0, 0, Error::Code::NotFound};
}

Error invalidIndex(long long idx)
{
    return Error{
        QStringLiteral("Unable to access invalid index: %1: invalid index referenced").arg(idx),
        {},
        0,
        0,
        Error::Code::NotFound};
}

// "~1" is "/", "~0" is "~".
std::string decodeKey(std::string k)
{
    for (size_t p = 0; (p = k.find("~1", p)) != std::string::npos; ++p)
        k.replace(p, 2, "/");
    for (size_t p = 0; (p = k.find("~0", p)) != std::string::npos; ++p)
        k.replace(p, 2, "~");
    return k;
}

// Go's strconv.Atoi.
std::optional<long long> atoi(const std::string &s)
{
    size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    if (i == s.size() || s.size() > 18)
        return std::nullopt;
    for (size_t j = i; j < s.size(); ++j)
        if (s[j] < '0' || s[j] > '9')
            return std::nullopt;
    return std::stoll(s);
}

// evanphx's findObject: the container of the path's last segment and that segment, or null
// when a segment on the way is missing, null or a scalar.
Value *findObject(Value &doc, const std::string &path, std::string *key)
{
    std::vector<std::string> split;
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        split.push_back(path.substr(start, slash == std::string::npos ? slash : slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    if (split.size() < 2)
        return nullptr;
    Value *cur = &doc;
    for (size_t i = 1; i + 1 < split.size(); ++i) {
        const std::string part = decodeKey(split[i]);
        Value *next = nullptr;
        if (cur->isMap()) {
            next = cur->get(part);
        } else if (cur->isSeq()) {
            auto idx = atoi(part);
            if (!idx)
                return nullptr;
            long long n = *idx;
            if (n < 0)
                n += (long long)cur->items.size();
            if (n < 0 || n >= (long long)cur->items.size())
                return nullptr;
            next = &cur->items[size_t(n)];
        }
        if (!next || !(next->isMap() || next->isSeq()))
            return nullptr;
        cur = next;
    }
    *key = decodeKey(split.back());
    return cur;
}

// partialArray/partialDoc get: a missing object key is null, not an error.
Result<Value *> get(Value &con, const std::string &key)
{
    if (con.isMap())
        return con.get(key);
    auto idx = atoi(key);
    if (!idx)
        return fail(Error::Code::Syntax,
                    QStringLiteral("strconv.Atoi: parsing \"%1\": invalid syntax").arg(q(key)));
    long long n = *idx;
    if (n < 0) {
        if (n < -(long long)con.items.size())
            return std::unexpected(invalidIndex(n));
        n += (long long)con.items.size();
    }
    if (n >= (long long)con.items.size())
        return std::unexpected(invalidIndex(n));
    return &con.items[size_t(n)];
}

Result<void> add(Value &con, const std::string &key, Value val)
{
    if (con.isMap()) {
        con.set(key, std::move(val));
        return {};
    }
    if (key == "-") {
        con.items.push_back(std::move(val));
        return {};
    }
    auto idx = atoi(key);
    if (!idx)
        return fail(Error::Code::Syntax,
                    QStringLiteral("value was not a proper array index: '%1': strconv.Atoi: "
                                   "parsing \"%1\": invalid syntax")
                        .arg(q(key)));
    const long long size = (long long)con.items.size() + 1;
    long long n = *idx;
    if (n >= size || n < -size)
        return std::unexpected(invalidIndex(n));
    if (n < 0)
        n += size;
    con.items.insert(con.items.begin() + n, std::move(val));
    return {};
}

Result<Value> remove(Value &con, const std::string &key)
{
    if (con.isMap()) {
        for (auto it = con.entries.begin(); it != con.entries.end(); ++it)
            if (it->key == key) {
                Value v = std::move(it->value);
                con.entries.erase(it);
                return v;
            }
        return std::unexpected(
            missing(QStringLiteral("Unable to remove nonexistent key: %1").arg(q(key))));
    }
    auto idx = atoi(key);
    if (!idx)
        return fail(Error::Code::Syntax,
                    QStringLiteral("strconv.Atoi: parsing \"%1\": invalid syntax").arg(q(key)));
    long long n = *idx;
    const long long size = (long long)con.items.size();
    if (n >= size || n < -size)
        return std::unexpected(invalidIndex(n));
    if (n < 0)
        n += size;
    Value v = std::move(con.items[size_t(n)]);
    con.items.erase(con.items.begin() + n);
    return v;
}

// An operation's string field: absent, null or not a string is "unknown" (evanphx).
std::optional<std::string> field(const Value &op, const char *name)
{
    const Value *v = op.get(name);
    if (!v || v->isNull())
        return std::nullopt;
    if (!v->isScalar())
        return std::string("unknown");
    return v->text;
}

Error wrapped(const QString &prefix, Error e)
{
    e.message = prefix + QStringLiteral(": ") + e.message;
    return e;
}

// The resource after its trip through JSON: nulls are written nulls, numbers are JSON numbers,
// timestamps strings.
void jsonRoundTrip(Value &v, int depth = 0)
{
    if (depth > 400)
        return;
    switch (v.type) {
    case Value::Type::Map:
        for (MapEntry &e : v.entries)
            jsonRoundTrip(e.value, depth + 1);
        return;
    case Value::Type::Seq:
        for (Value &i : v.items)
            jsonRoundTrip(i, depth + 1);
        return;
    case Value::Type::Null:
        v.text = "null";
        return;
    case Value::Type::String:
        return;
    case Value::Type::Timestamp:
        v = Value::string(yaml::jsonScalarText(v));
        if (v.text.size() >= 2 && v.text.front() == '"')
            v.text = v.text.substr(1, v.text.size() - 2);
        return;
    default:
        v = Value::plain(yaml::jsonScalarText(v));
        return;
    }
}

} // namespace

Result<void> applyJsonPatch(Value &target, const Value &ops)
{
    if (!ops.isSeq())
        return fail(Error::Code::Syntax,
                    tr("json: cannot unmarshal %1 into Go value of type jsonpatch.Patch")
                        .arg(ops.isMap() ? QStringLiteral("object") : QStringLiteral("string")));
    for (const Value &op : ops.items) {
        if (!op.isMap())
            return fail(Error::Code::Syntax,
                        tr("json: cannot unmarshal %1 into Go value of type "
                           "map[string]*json.RawMessage")
                            .arg(op.isSeq() ? QStringLiteral("array") : QStringLiteral("string")));
        const std::string kind = field(op, "op").value_or("unknown");
        const std::optional<std::string> path = field(op, "path");
        const Value *valuePtr = op.get("value");
        const Value value = valuePtr ? *valuePtr : Value::plain("null");
        auto needPath = [&](const char *name) -> Result<std::string> {
            if (!path)
                return std::unexpected(
                    missing(QStringLiteral("%1 operation failed to decode path").arg(name)));
            return *path;
        };
        if (kind == "add") {
            auto p = needPath("add");
            if (!p)
                return std::unexpected(p.error());
            std::string key;
            Value *con = findObject(target, *p, &key);
            if (!con)
                return std::unexpected(
                    missing(QStringLiteral("add operation does not apply: doc is missing path: "
                                           "\"%1\"")
                                .arg(q(*p))));
            if (auto r = add(*con, key, value); !r)
                return std::unexpected(
                    wrapped(QStringLiteral("error in add for path: '%1'").arg(q(*p)), r.error()));
        } else if (kind == "remove") {
            auto p = needPath("remove");
            if (!p)
                return std::unexpected(p.error());
            std::string key;
            Value *con = findObject(target, *p, &key);
            if (!con)
                return std::unexpected(
                    missing(QStringLiteral("remove operation does not apply: doc is missing "
                                           "path: \"%1\"")
                                .arg(q(*p))));
            if (auto r = remove(*con, key); !r)
                return std::unexpected(wrapped(
                    QStringLiteral("error in remove for path: '%1'").arg(q(*p)), r.error()));
        } else if (kind == "replace") {
            auto p = needPath("replace");
            if (!p)
                return std::unexpected(p.error());
            if (p->empty()) {
                if (!value.isMap() && !value.isSeq())
                    return fail(Error::Code::Syntax,
                                QStringLiteral("replace operation value must be object or array"));
                target = value;
                continue;
            }
            std::string key;
            Value *con = findObject(target, *p, &key);
            if (!con)
                return std::unexpected(
                    missing(QStringLiteral("replace operation does not apply: doc is missing "
                                           "path: %1")
                                .arg(q(*p))));
            auto cur = get(*con, key);
            if (!cur)
                return std::unexpected(
                    missing(QStringLiteral("replace operation does not apply: doc is missing "
                                           "key: %1")
                                .arg(q(*p))));
            if (*cur)
                **cur = value;
            else
                con->set(key, value); // a missing key of an existing object
        } else if (kind == "move" || kind == "copy") {
            const QString name = q(kind);
            const std::optional<std::string> from = field(op, "from");
            if (!from)
                return std::unexpected(
                    missing(QStringLiteral("%1 operation failed to decode from").arg(name)));
            std::string fromKey;
            Value *fromCon = findObject(target, *from, &fromKey);
            if (!fromCon)
                return std::unexpected(missing(
                    QStringLiteral("%1 operation does not apply: doc is missing from path: %2")
                        .arg(name, q(*from))));
            Value val;
            if (kind == "move") {
                auto r = remove(*fromCon, fromKey);
                if (!r)
                    return std::unexpected(wrapped(
                        QStringLiteral("error in move for path: '%1'").arg(q(fromKey)), r.error()));
                val = std::move(*r);
            } else {
                auto r = get(*fromCon, fromKey);
                if (!r)
                    return std::unexpected(wrapped(
                        QStringLiteral("error in copy for from: '%1'").arg(q(*from)), r.error()));
                if (!*r)
                    return std::unexpected(
                        missing(QStringLiteral("copy operation does not apply: doc is missing from "
                                               "path: %1")
                                    .arg(q(*from))));
                val = **r;
            }
            auto p = needPath(kind == "move" ? "move" : "copy");
            if (!p)
                return std::unexpected(p.error());
            std::string key;
            Value *con = findObject(target, *p, &key);
            if (!con)
                return std::unexpected(
                    missing(QStringLiteral("%1 operation does not apply: doc is missing "
                                           "destination path: %2")
                                .arg(name, q(*p))));
            if (auto r = add(*con, key, std::move(val)); !r)
                return std::unexpected(wrapped(
                    QStringLiteral("error in %1 for path: '%2'").arg(name, q(*p)), r.error()));
        } else if (kind == "test") {
            auto p = needPath("test");
            if (!p)
                return std::unexpected(p.error());
            const Value *cur = nullptr;
            if (p->empty()) {
                cur = &target;
            } else {
                std::string key;
                Value *con = findObject(target, *p, &key);
                if (!con)
                    return std::unexpected(
                        missing(QStringLiteral("test operation does not apply: is missing path: %1")
                                    .arg(q(*p))));
                auto r = get(*con, key);
                if (!r)
                    return std::unexpected(r.error());
                cur = *r;
            }
            const bool curNull = !cur || cur->isNull();
            const bool ok = curNull ? value.isNull() : toJson(*cur) == toJson(value);
            if (!ok)
                return fail(Error::Code::Rejected,
                            QStringLiteral("testing value %1 failed: test failed").arg(q(*p)));
        } else {
            return fail(Error::Code::Syntax, QStringLiteral("Unexpected kind: %1").arg(q(kind)));
        }
    }
    jsonRoundTrip(target);
    return {};
}

} // namespace kanri::kustomize::detail
