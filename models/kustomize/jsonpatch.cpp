#include "kustinternal.h"

// JSON 6902 patch operations (RFC 6902) as kustomize applies them (evanphx/json-patch).

namespace kanri::kustomize::detail {

namespace {

Result<std::vector<std::string>> pointer(const std::string &p)
{
    std::vector<std::string> out;
    if (p.empty())
        return out;
    if (p[0] != '/')
        return fail(Error::Code::Syntax,
                    tr("JSON pointer must start with '/': %1").arg(QString::fromStdString(p)));
    std::string cur;
    for (size_t i = 1; i <= p.size(); ++i) {
        if (i == p.size() || p[i] == '/') {
            out.push_back(cur);
            cur.clear();
        } else if (p[i] == '~' && i + 1 < p.size()) {
            cur += p[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            cur += p[i];
        }
    }
    return out;
}

bool parseIndex(const std::string &s, size_t &idx)
{
    if (s.empty() || s.size() > 9)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    idx = size_t(std::stoul(s));
    return true;
}

Value *resolve(Value &root, const std::vector<std::string> &segs, size_t n)
{
    Value *v = &root;
    for (size_t i = 0; i < n; ++i) {
        if (v->isMap()) {
            v = v->get(segs[i]);
        } else if (v->isSeq()) {
            size_t idx;
            if (!parseIndex(segs[i], idx) || idx >= v->items.size())
                return nullptr;
            v = &v->items[idx];
        } else {
            return nullptr;
        }
        if (!v)
            return nullptr;
    }
    return v;
}

Result<void> opAdd(Value &root, const std::vector<std::string> &segs, Value val, bool replace,
                   const std::string &path)
{
    if (segs.empty()) {
        root = std::move(val);
        return {};
    }
    Value *parent = resolve(root, segs, segs.size() - 1);
    if (!parent)
        return fail(
            Error::Code::NotFound,
            tr("doc is missing path: \"%1\": missing value").arg(QString::fromStdString(path)));
    const std::string &last = segs.back();
    if (parent->isMap()) {
        if (replace && !parent->get(last))
            return fail(
                Error::Code::NotFound,
                tr("replace operation does not apply: doc is missing key: %1: missing value")
                    .arg(QString::fromStdString(path)));
        parent->set(last, std::move(val));
        return {};
    }
    if (parent->isSeq()) {
        if (last == "-") {
            parent->items.push_back(std::move(val));
            return {};
        }
        size_t idx;
        if (!parseIndex(last, idx) || idx > parent->items.size() ||
            (replace && idx >= parent->items.size()))
            return fail(Error::Code::NotFound,
                        tr("Unable to access invalid index: %1: invalid index referenced")
                            .arg(QString::fromStdString(last)));
        if (replace)
            parent->items[idx] = std::move(val);
        else
            parent->items.insert(parent->items.begin() + long(idx), std::move(val));
        return {};
    }
    return fail(Error::Code::NotFound,
                tr("doc is missing path: \"%1\": missing value").arg(QString::fromStdString(path)));
}

Result<Value> opRemove(Value &root, const std::vector<std::string> &segs, const std::string &path)
{
    if (segs.empty())
        return fail(Error::Code::Usage, tr("cannot remove the document root"));
    Value *parent = resolve(root, segs, segs.size() - 1);
    const std::string &last = segs.back();
    if (parent && parent->isMap()) {
        for (auto it = parent->entries.begin(); it != parent->entries.end(); ++it)
            if (it->key == last) {
                Value v = std::move(it->value);
                parent->entries.erase(it);
                return v;
            }
    } else if (parent && parent->isSeq()) {
        size_t idx;
        if (parseIndex(last, idx) && idx < parent->items.size()) {
            Value v = std::move(parent->items[idx]);
            parent->items.erase(parent->items.begin() + long(idx));
            return v;
        }
    }
    return fail(Error::Code::NotFound, tr("Unable to remove nonexistent key: %1: missing value")
                                           .arg(QString::fromStdString(path)));
}

} // namespace

Result<void> applyJsonPatch(Value &target, const Value &ops)
{
    if (!ops.isSeq())
        return fail(Error::Code::Syntax,
                    tr("json: cannot unmarshal %1 into Go value of type jsonpatch.Patch")
                        .arg(ops.isMap() ? QStringLiteral("object") : QStringLiteral("string")));
    for (const Value &op : ops.items) {
        const std::string kind = op.str({"op"});
        const std::string path = op.str({"path"});
        auto segs = pointer(path);
        if (!segs)
            return std::unexpected(segs.error());
        const Value *value = op.get("value");
        if (kind == "add" || kind == "replace") {
            if (auto r = opAdd(target, *segs, value ? *value : Value(), kind == "replace", path);
                !r)
                return r;
        } else if (kind == "remove") {
            if (auto r = opRemove(target, *segs, path); !r)
                return std::unexpected(r.error());
        } else if (kind == "move" || kind == "copy") {
            const std::string from = op.str({"from"});
            auto fsegs = pointer(from);
            if (!fsegs)
                return std::unexpected(fsegs.error());
            Value v;
            if (kind == "move") {
                auto r = opRemove(target, *fsegs, from);
                if (!r)
                    return std::unexpected(r.error());
                v = std::move(*r);
            } else {
                const Value *src = resolve(target, *fsegs, fsegs->size());
                if (!src)
                    return fail(Error::Code::NotFound,
                                tr("copy from missing path: %1").arg(QString::fromStdString(from)));
                v = *src;
            }
            if (auto r = opAdd(target, *segs, std::move(v), false, path); !r)
                return r;
        } else if (kind == "test") {
            const Value *cur = resolve(target, *segs, segs->size());
            if (!cur || !value || !(toJson(*cur) == toJson(*value)))
                return fail(
                    Error::Code::Rejected,
                    tr("testing value %1 failed: test failed").arg(QString::fromStdString(path)));
        } else {
            return fail(Error::Code::Syntax,
                        tr("Unexpected kind: %1").arg(QString::fromStdString(kind)));
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail
