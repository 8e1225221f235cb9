#include "terraform/tfevaluator.h"

#include "hcl/hclparser.h"
#include "terraform/tfexpr.h"
#include "terraform/tffunctions.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

namespace kanri::terraform {

namespace {

using K = Value::Kind;
using E = std::expected<Value, QString>;

constexpr qint64 kStepBudget = 4'000'000;  // expression nodes evaluated per side
constexpr qint64 kBuildBudget = 2'000'000; // elements functions may build per side
constexpr int kMaxDepth = 400;             // nested evaluations (references, locals, modules)
constexpr int kMaxModuleDepth = 16;
constexpr qint64 kMaxModuleInstances = 5'000; // per side, all levels together
constexpr qint64 kMaxInstances = 100'000;

struct Attr
{
    QString name;
    NodePtr expr; // null when the expression could not be parsed (parseError says why)
    QString parseError;
    const SourceFile *file = nullptr;
    int offset = 0;
    QString position() const { return file ? file->position(offset) : QString(); }
};

struct BlockCfg
{
    QString type;
    QStringList labels;
    std::vector<Attr> attrs;
    std::vector<BlockCfg> blocks;
    const SourceFile *file = nullptr;
    int offset = 0;

    const Attr *attr(const QString &name) const
    {
        for (const Attr &a : attrs)
            if (a.name == name)
                return &a;
        return nullptr;
    }
    int line() const { return file ? hcl::textPosition(file->tree->text, offset).line : 0; }
    QString position() const { return file ? file->position(offset) : QString(); }
};

struct ModuleConfig
{
    QString dir; // "" for the root
    std::map<QString, BlockCfg> variables;
    std::map<QString, Attr> locals;
    std::vector<BlockCfg> resources; // "resource" and "data" blocks, in file order
    std::map<QString, BlockCfg> calls;
    std::vector<QString> callOrder;
    std::map<QString, BlockCfg> outputs;
    std::vector<BlockCfg> moved;
    std::vector<Attr> tfvars; // root only: terraform.tfvars then *.auto.tfvars
    bool exists = false;
};

QString resourceKey(const BlockCfg &b)
{
    const QString base = b.labels.value(0) + u'.' + b.labels.value(1);
    return b.type == u"data" ? QStringLiteral("data.") + base : base;
}

// --- types ------------------------------------------------------------------------------

struct TypeSpec;
using TypePtr = std::shared_ptr<const TypeSpec>;

struct TypeSpec
{
    enum class T { Any, String, Number, Bool, List, Set, Map, Object, Tuple };
    T t = T::Any;
    TypePtr elem;
    struct Field
    {
        QString name;
        TypePtr type;
        bool optional = false;
        Value defaultValue; // null when none
    };
    std::vector<Field> fields;
    std::vector<TypePtr> tuple;
};

enum class State { Todo, Busy, Done };

struct Instance
{
    Value key; // null (single), number (count) or string (for_each)
    Value each;
    Value object; // resource object, or a module's outputs
    std::vector<std::pair<QString, Value>> arguments;
};

struct ModuleInstance;

struct Expansion
{
    enum class Mode { Single, Count, ForEach };
    Mode mode = Mode::Single;
    bool known = true;
    QString reason;       // when not known: why, or the error Terraform would report...
    bool isError = false; // ...with its position
    std::vector<std::pair<Value, Value>> keys; // key, each.value
};

struct ResourceSlot
{
    State state = State::Todo;
    Expansion expansion;
    std::vector<Instance> instances;
    Value ref;
    const BlockCfg *cfg = nullptr;
};

struct CallSlot
{
    State state = State::Todo;
    Expansion expansion;
    QString unknownReason; // remote source, missing directory...
    std::vector<std::pair<Value, std::unique_ptr<ModuleInstance>>> instances;
};

struct LocalSlot
{
    State state = State::Todo;
    Value value;
};

struct ModuleInstance
{
    const ModuleConfig *cfg = nullptr;
    QString prefix; // "" or `module.x["k"].`
    int depth = 0;
    const ModuleInstance *parent = nullptr;
    std::map<QString, Value> vars;
    std::map<QString, LocalSlot> locals;
    std::map<QString, ResourceSlot> resources;
    std::map<QString, CallSlot> calls;
    State outputsState = State::Todo;
    Value outputs;
};

struct Scope
{
    ModuleInstance *mod = nullptr;
    const Value *each = nullptr;
    const Value *count = nullptr;
    std::vector<std::pair<QString, Value>> frames;

    const Value *find(const QString &name) const
    {
        for (auto it = frames.rbegin(); it != frames.rend(); ++it)
            if (it->first == name)
                return &it->second;
        return nullptr;
    }
};

bool isMetaArgument(const QString &name, bool module)
{
    static const QStringList meta = {QStringLiteral("count"),      QStringLiteral("for_each"),
                                     QStringLiteral("depends_on"), QStringLiteral("provider"),
                                     QStringLiteral("lifecycle"),  QStringLiteral("provisioner"),
                                     QStringLiteral("connection")};
    if (meta.contains(name))
        return true;
    return module && (name == u"source" || name == u"version" || name == u"providers");
}

class Evaluator
{
    Q_DECLARE_TR_FUNCTIONS(kanri::terraform::Evaluator)

public:
    explicit Evaluator(const std::atomic_bool *cancel)
        : m_cancel(cancel)
    {}

    Result<void> load(const TfFiles &files)
    {
        for (auto it = files.begin(); it != files.end(); ++it) {
            const QString &path = it.key();
            const QString dir = path.contains(u'/') ? path.left(path.lastIndexOf(u'/')) : QString();
            const QString base = path.mid(path.lastIndexOf(u'/') + 1);
            const bool tf = base.endsWith(QStringLiteral(".tf"));
            const bool tfvars = base.endsWith(QStringLiteral(".tfvars"));
            if (base.endsWith(QStringLiteral(".tf.json")) ||
                base.endsWith(QStringLiteral(".tfvars.json"))) {
                m_notes.insert(
                    tr("%1: files in Terraform's JSON syntax are not evaluated").arg(path));
                continue;
            }
            if (!tf && !tfvars)
                continue;
            if (tf && (base == u"override.tf" || base.endsWith(QStringLiteral("_override.tf")))) {
                m_notes.insert(tr("%1: override files are not evaluated").arg(path));
                continue;
            }
            auto tree = hcl::parseHcl(it.value(), path);
            if (!tree)
                return std::unexpected(tree.error());
            auto file = std::make_unique<SourceFile>();
            file->name = path;
            file->tree = *tree;
            const SourceFile *f = file.get();
            m_files.push_back(std::move(file));
            ModuleConfig &cfg = m_configs[dir];
            cfg.dir = dir;
            cfg.exists = true;
            if (tfvars) {
                if (!dir.isEmpty())
                    continue; // variable files count only in the root module
                if (base != u"terraform.tfvars" && !base.endsWith(QStringLiteral(".auto.tfvars")))
                    continue;
                m_tfvarFiles.push_back(f);
                continue;
            }
            addBody(cfg, f, f->tree->body);
        }
        // terraform.tfvars first, then *.auto.tfvars in lexical order.
        std::stable_sort(m_tfvarFiles.begin(), m_tfvarFiles.end(),
                         [](const SourceFile *a, const SourceFile *b) {
                             const bool ta = a->name == u"terraform.tfvars";
                             const bool tb = b->name == u"terraform.tfvars";
                             if (ta != tb)
                                 return ta;
                             return a->name < b->name;
                         });
        ModuleConfig &root = m_configs[QString()];
        for (const SourceFile *f : m_tfvarFiles) {
            BlockCfg body;
            fillBlock(body, f, f->tree->body);
            for (Attr &a : body.attrs)
                root.tfvars.push_back(std::move(a));
            for (const BlockCfg &b : body.blocks)
                m_notes.insert(tr("%1: a block in a variable file is ignored").arg(b.position()));
        }
        return {};
    }

    std::unique_ptr<ModuleInstance> rootInstance()
    {
        auto root = std::make_unique<ModuleInstance>();
        root->cfg = &m_configs[QString()];
        std::map<QString, Value> given;
        for (const Attr &a : root->cfg->tfvars) {
            Scope s;
            s.mod = root.get();
            given[a.name] = evalAttr(a, s, tr("the value of variable %1").arg(a.name));
        }
        root->vars = variableValues(*root->cfg, given, QString());
        return root;
    }

    Evaluation collect(ModuleInstance &root)
    {
        Evaluation out;
        walk(root, out);
        out.notes = QStringList(m_notes.begin(), m_notes.end());
        return out;
    }

    Value evalIn(ModuleInstance &mod, const NodePtr &n, QStringList *errors)
    {
        Scope s;
        s.mod = &mod;
        auto v = eval(*n, s);
        if (!v) {
            if (errors)
                *errors << v.error();
            return Value::unknown();
        }
        return *v;
    }

    bool cancelled() const { return m_cancelled; }
    QStringList notes() const { return QStringList(m_notes.begin(), m_notes.end()); }

    std::unique_ptr<SourceFile> makeFile(const QString &name, const QByteArray &text)
    {
        auto tree = hcl::parseHcl(QByteArray("x = ") + text + '\n', name);
        if (!tree)
            return nullptr;
        auto f = std::make_unique<SourceFile>();
        f->name = name;
        f->tree = *tree;
        return f;
    }

private:
    // --- configuration ----------------------------------------------------------------

    void fillBlock(BlockCfg &out, const SourceFile *f, const hcl::Body &body)
    {
        for (const hcl::BodyItem &item : body.items) {
            if (item.attribute) {
                const hcl::Attribute &a = *item.attribute;
                Attr attr;
                attr.name = QString::fromUtf8(f->tree->tokenView(a.name));
                attr.file = f;
                attr.offset = f->tree->tokens[std::size_t(a.name)].start;
                auto e = parseExpression(f, a.value);
                if (e)
                    attr.expr = *e;
                else
                    attr.parseError = e.error().toString();
                out.attrs.push_back(std::move(attr));
            } else if (item.block) {
                const hcl::Block &b = *item.block;
                BlockCfg child;
                child.type = QString::fromUtf8(f->tree->tokenView(b.type));
                for (const hcl::Expr &l : b.labels)
                    child.labels << hcl::keyText(*f->tree, l);
                child.file = f;
                child.offset = f->tree->tokens[std::size_t(b.type)].start;
                fillBlock(child, f, b.body);
                out.blocks.push_back(std::move(child));
            }
        }
    }

    void addBody(ModuleConfig &cfg, const SourceFile *f, const hcl::Body &body)
    {
        BlockCfg top;
        fillBlock(top, f, body);
        for (BlockCfg &b : top.blocks) {
            const QString name = b.labels.value(0);
            if (b.type == u"variable" && b.labels.size() == 1)
                cfg.variables[name] = std::move(b);
            else if (b.type == u"locals")
                for (Attr &a : b.attrs)
                    cfg.locals[a.name] = std::move(a);
            else if ((b.type == u"resource" || b.type == u"data") && b.labels.size() == 2)
                cfg.resources.push_back(std::move(b));
            else if (b.type == u"module" && b.labels.size() == 1) {
                if (!cfg.calls.contains(name))
                    cfg.callOrder.push_back(name);
                cfg.calls[name] = std::move(b);
            } else if (b.type == u"output" && b.labels.size() == 1)
                cfg.outputs[name] = std::move(b);
            else if (b.type == u"moved")
                cfg.moved.push_back(std::move(b));
        }
    }

    // --- notes, budget ------------------------------------------------------------------

    void note(const QString &position, const QString &what)
    {
        m_notes.insert(position + QStringLiteral(": ") + what);
    }

    bool tick()
    {
        if (m_stopped)
            return false;
        if (++m_steps > kStepBudget) {
            m_stopped = true;
            m_notes.insert(tr("evaluation stopped: it needed more than %1 steps").arg(kStepBudget));
            return false;
        }
        if ((m_steps & 1023) == 0 && m_cancel && m_cancel->load()) {
            m_stopped = m_cancelled = true;
            return false;
        }
        return true;
    }

    static std::unexpected<QString> error(const Node &n, const QString &message)
    {
        return std::unexpected(n.position() + QStringLiteral(": ") + message);
    }

    struct DepthGuard
    {
        explicit DepthGuard(int &d)
            : depth(d)
        {
            ++depth;
        }
        ~DepthGuard() { --depth; }
        int &depth;
    };

    // An attribute's value; an error or what cannot be parsed is noted and gives unknown.
    Value evalAttr(const Attr &a, Scope &s, const QString &what)
    {
        if (!a.expr) {
            note(a.position(), tr("%1 is not evaluated: %2").arg(what, a.parseError));
            return Value::unknown();
        }
        auto v = eval(*a.expr, s);
        if (!v) {
            if (!m_stopped)
                m_notes.insert(v.error());
            return Value::unknown();
        }
        return *v;
    }

    // --- types ----------------------------------------------------------------------------

    TypePtr parseType(const Node &n, const QString &position)
    {
        auto t = std::make_shared<TypeSpec>();
        const Node *node = &n;
        while (node->kind == Node::Kind::Paren)
            node = node->a.get();
        if (node->kind == Node::Kind::Template && node->parts.size() == 1 &&
            node->parts[0]->kind == Node::Kind::Literal) {
            // legacy quoted types
            const QString s = node->parts[0]->value.str();
            if (s == u"string")
                t->t = TypeSpec::T::String;
            else if (s == u"list") {
                t->t = TypeSpec::T::List;
                t->elem = std::make_shared<TypeSpec>();
            } else if (s == u"map") {
                t->t = TypeSpec::T::Map;
                t->elem = std::make_shared<TypeSpec>();
            }
            return t;
        }
        if (node->kind == Node::Kind::Variable) {
            const QString &s = node->name;
            if (s == u"string")
                t->t = TypeSpec::T::String;
            else if (s == u"number")
                t->t = TypeSpec::T::Number;
            else if (s == u"bool")
                t->t = TypeSpec::T::Bool;
            else if (s == u"list" || s == u"map" || s == u"set") {
                t->t = s == u"list"  ? TypeSpec::T::List
                       : s == u"map" ? TypeSpec::T::Map
                                     : TypeSpec::T::Set;
                t->elem = std::make_shared<TypeSpec>();
            } else if (s != u"any")
                note(position, tr("the type %1 is not known; taken as any").arg(s));
            return t;
        }
        if (node->kind == Node::Kind::Call && !node->parts.empty()) {
            const QString &f = node->name;
            if ((f == u"list" || f == u"set" || f == u"map") && node->parts.size() == 1) {
                t->t = f == u"list"  ? TypeSpec::T::List
                       : f == u"set" ? TypeSpec::T::Set
                                     : TypeSpec::T::Map;
                t->elem = parseType(*node->parts[0], position);
                return t;
            }
            if (f == u"object" && node->parts.size() == 1 &&
                node->parts[0]->kind == Node::Kind::Object) {
                t->t = TypeSpec::T::Object;
                const Node &o = *node->parts[0];
                for (std::size_t i = 0; i + 1 < o.parts.size(); i += 2) {
                    TypeSpec::Field field;
                    const Node &k = *o.parts[i];
                    if (k.kind == Node::Kind::Literal)
                        field.name = k.value.str();
                    else if (k.kind == Node::Kind::Variable)
                        field.name = k.name;
                    else
                        continue;
                    const Node *ft = o.parts[i + 1].get();
                    if (ft->kind == Node::Kind::Call && ft->name == u"optional" &&
                        !ft->parts.empty()) {
                        field.optional = true;
                        field.type = parseType(*ft->parts[0], position);
                        if (ft->parts.size() > 1) {
                            Scope s;
                            auto d = eval(*ft->parts[1], s);
                            if (d) {
                                auto c = convert(*d, *field.type, field.name);
                                field.defaultValue = c ? *c : *d;
                            } else {
                                m_notes.insert(d.error());
                                field.defaultValue = Value::unknown();
                            }
                        }
                    } else {
                        field.type = parseType(*ft, position);
                    }
                    t->fields.push_back(std::move(field));
                }
                return t;
            }
            if (f == u"tuple" && node->parts.size() == 1 &&
                node->parts[0]->kind == Node::Kind::Tuple) {
                t->t = TypeSpec::T::Tuple;
                for (const NodePtr &e : node->parts[0]->parts)
                    t->tuple.push_back(parseType(*e, position));
                return t;
            }
        }
        note(position, tr("this type constraint is not understood; taken as any"));
        return t;
    }

    E convert(const Value &v, const TypeSpec &t, const QString &path, int depth = 0)
    {
        if (depth > 64)
            return std::unexpected(tr("the value is nested too deeply"));
        if (v.isUnknown() || v.isNull() || t.t == TypeSpec::T::Any)
            return v;
        auto mismatch = [&](const QString &want) {
            return std::unexpected(path.isEmpty() ? tr("%1 required").arg(want)
                                                  : tr("%1: %2 required").arg(path, want));
        };
        switch (t.t) {
        case TypeSpec::T::Any:
            return v;
        case TypeSpec::T::String: {
            auto s = toStringValue(v);
            if (!s)
                return mismatch(QStringLiteral("string"));
            return *s;
        }
        case TypeSpec::T::Number: {
            auto s = toNumberValue(v);
            if (!s)
                return mismatch(QStringLiteral("number"));
            return *s;
        }
        case TypeSpec::T::Bool: {
            auto s = toBoolValue(v);
            if (!s)
                return mismatch(QStringLiteral("bool"));
            return *s;
        }
        case TypeSpec::T::List:
        case TypeSpec::T::Set: {
            if (v.kind() != K::List && v.kind() != K::Set)
                return mismatch(t.t == TypeSpec::T::List ? QStringLiteral("list")
                                                         : QStringLiteral("set"));
            std::vector<Value> out;
            int i = 0;
            for (const Value &e : v.items()) {
                auto c = convert(e, *t.elem, path + QStringLiteral("[%1]").arg(i++), depth + 1);
                if (!c)
                    return c;
                out.push_back(*c);
            }
            if (t.t == TypeSpec::T::Set) {
                if (!std::all_of(out.begin(), out.end(),
                                 [](const Value &x) { return x.isWhollyKnown(); }))
                    return Value::unknown();
                return Value::set(std::move(out));
            }
            return Value::list(std::move(out));
        }
        case TypeSpec::T::Map: {
            if (v.kind() != K::Map)
                return mismatch(QStringLiteral("map"));
            Value::Members out;
            for (const auto &[k, e] : v.members()) {
                auto c = convert(e, *t.elem, path + QStringLiteral("[\"%1\"]").arg(k), depth + 1);
                if (!c)
                    return c;
                out[k] = *c;
            }
            return Value::map(std::move(out));
        }
        case TypeSpec::T::Object: {
            if (v.kind() != K::Map)
                return mismatch(QStringLiteral("object"));
            Value::Members out;
            for (const TypeSpec::Field &f : t.fields) {
                const Value *given = v.member(f.name);
                const QString sub = path.isEmpty() ? f.name : path + u'.' + f.name;
                if (!given || given->isNull()) {
                    if (!f.optional)
                        return std::unexpected(tr("attribute \"%1\" is required").arg(sub));
                    out[f.name] = f.defaultValue;
                    continue;
                }
                auto c = convert(*given, *f.type, sub, depth + 1);
                if (!c)
                    return c;
                out[f.name] = *c;
            }
            return Value::map(std::move(out));
        }
        case TypeSpec::T::Tuple: {
            if (v.kind() != K::List || v.items().size() != t.tuple.size())
                return mismatch(tr("tuple of %1 elements").arg(t.tuple.size()));
            std::vector<Value> out;
            for (std::size_t i = 0; i < t.tuple.size(); ++i) {
                auto c = convert(v.items()[i], *t.tuple[i], path + QStringLiteral("[%1]").arg(i),
                                 depth + 1);
                if (!c)
                    return c;
                out.push_back(*c);
            }
            return Value::list(std::move(out));
        }
        }
        return v;
    }

    std::map<QString, Value> variableValues(const ModuleConfig &cfg,
                                            const std::map<QString, Value> &given,
                                            const QString &callPosition)
    {
        std::map<QString, Value> out;
        for (const auto &[name, block] : cfg.variables) {
            Value v;
            bool have = false;
            const Attr *def = block.attr(QStringLiteral("default"));
            if (auto it = given.find(name); it != given.end()) {
                v = it->second;
                have = true;
            }
            Value defaultValue;
            if (def) {
                Scope s;
                defaultValue = evalAttr(*def, s, tr("the default of variable %1").arg(name));
            }
            bool nullable = true;
            if (const Attr *n = block.attr(QStringLiteral("nullable")); n && n->expr) {
                Scope s;
                auto nv = eval(*n->expr, s);
                if (nv && nv->kind() == K::Bool)
                    nullable = nv->toBool();
            }
            if (!have || (v.isNull() && !nullable)) {
                if (def) {
                    v = defaultValue;
                } else if (!have) {
                    note(callPosition.isEmpty() ? block.position() : callPosition,
                         tr("variable %1 has no value (terraform would ask for it)").arg(name));
                    out[name] = Value::unknown();
                    continue;
                }
            }
            if (const Attr *t = block.attr(QStringLiteral("type")); t && t->expr) {
                const TypePtr type = parseType(*t->expr, t->position());
                auto c = convert(v, *type, QString());
                if (!c) {
                    note(have && !callPosition.isEmpty() ? callPosition : block.position(),
                         tr("invalid value for variable %1: %2").arg(name, c.error()));
                    v = Value::unknown();
                } else {
                    v = *c;
                }
            }
            out[name] = v;
        }
        for (const auto &[name, value] : given)
            if (!cfg.variables.contains(name) && !callPosition.isEmpty())
                note(callPosition, tr("the module has no variable %1").arg(name));
        return out;
    }

    // --- references ---------------------------------------------------------------------

    E local(ModuleInstance &mod, const QString &name, const Node &at)
    {
        const auto cfgIt = mod.cfg->locals.find(name);
        if (cfgIt == mod.cfg->locals.end())
            return error(at, tr("there is no local value %1").arg(name));
        LocalSlot &slot = mod.locals[name];
        if (slot.state == State::Done)
            return slot.value;
        if (slot.state == State::Busy)
            return error(at, tr("local.%1 refers to itself (a cycle)").arg(name));
        slot.state = State::Busy;
        Scope s;
        s.mod = &mod;
        const Attr &a = cfgIt->second;
        Value v;
        if (!a.expr) {
            note(a.position(), tr("local.%1 is not evaluated: %2").arg(name, a.parseError));
            v = Value::unknown();
        } else {
            auto r = eval(*a.expr, s);
            if (!r) {
                mod.locals[name].state = State::Todo;
                return r;
            }
            v = *r;
        }
        LocalSlot &done = mod.locals[name];
        done.state = State::Done;
        done.value = v;
        return v;
    }

    Expansion expand(const BlockCfg &b, Scope &parent)
    {
        Expansion x;
        const Attr *fe = b.attr(QStringLiteral("for_each"));
        const Attr *ct = b.attr(QStringLiteral("count"));
        auto unknown = [&](const QString &reason) {
            x.known = false;
            x.reason = reason;
            return x;
        };
        auto failed = [&](const QString &error) {
            x.known = false;
            x.reason = error;
            x.isError = true;
            return x;
        };
        if (fe && ct)
            return failed(QStringLiteral("%1: %2").arg(
                b.position(), tr("count and for_each cannot be used together")));
        if (!fe && !ct) {
            x.keys.push_back({Value(), Value()});
            return x;
        }
        const Attr &a = fe ? *fe : *ct;
        x.mode = fe ? Expansion::Mode::ForEach : Expansion::Mode::Count;
        if (!a.expr)
            return failed(a.parseError);
        auto v = eval(*a.expr, parent);
        if (!v)
            return failed(v.error());
        if (v->isUnknown())
            return unknown(fe ? tr("its for_each depends on values known only after apply")
                              : tr("its count depends on values known only after apply"));
        if (v->isNull())
            return failed(
                tr("%1: the %2 value must not be null")
                    .arg(a.position(), fe ? QStringLiteral("for_each") : QStringLiteral("count")));
        if (ct) {
            auto n = toNumberValue(*v);
            if (!n || n->isNull() || n->toNumber() < 0 ||
                n->toNumber() != std::floor(n->toNumber()))
                return failed(
                    tr("%1: count must be a whole number, not negative").arg(a.position()));
            if (n->toNumber() > double(kMaxInstances))
                return failed(tr("%1: count is larger than can be listed").arg(a.position()));
            for (int i = 0; i < int(n->toNumber()); ++i)
                x.keys.push_back({Value::number(i), Value()});
            return x;
        }
        if (v->kind() == K::Map) {
            for (const auto &[k, e] : v->members())
                x.keys.push_back({Value::string(k), e});
            return x;
        }
        if (v->kind() == K::Set) {
            for (const Value &e : v->items()) {
                if (e.isUnknown())
                    return unknown(tr("its for_each set holds values known only after apply"));
                if (e.kind() != K::String)
                    return failed(tr("%1: for_each supports maps and sets of strings, but you "
                                     "have provided a set containing type %2")
                                      .arg(a.position(), e.kind() == K::Number
                                                             ? QStringLiteral("number")
                                                             : QStringLiteral("a non-string")));
                x.keys.push_back({e, e});
            }
            return x;
        }
        return failed(tr("%1: for_each supports maps and sets of strings, but you have provided "
                         "a %2")
                          .arg(a.position(), v->kind() == K::List
                                                 ? QStringLiteral("list or tuple")
                                                 : QStringLiteral("single value")));
    }

    // A block's arguments as an object (nested blocks: lists of objects; dynamic blocks
    // expanded).
    std::vector<std::pair<QString, Value>> arguments(const BlockCfg &b, Scope &s, bool module,
                                                     int depth = 0)
    {
        std::vector<std::pair<QString, Value>> out;
        if (depth > 32)
            return out;
        for (const Attr &a : b.attrs) {
            if (depth == 0 && isMetaArgument(a.name, module))
                continue;
            out.push_back({a.name, evalAttr(a, s, tr("argument %1").arg(a.name))});
        }
        std::map<QString, std::vector<Value>> nested;
        std::vector<QString> order;
        auto add = [&](const QString &type, Value v) {
            if (!nested.contains(type))
                order.push_back(type);
            nested[type].push_back(std::move(v));
        };
        for (const BlockCfg &child : b.blocks) {
            if (depth == 0 && isMetaArgument(child.type, module))
                continue;
            if (child.type == u"dynamic" && child.labels.size() == 1) {
                dynamicBlock(child, s, depth, add);
                continue;
            }
            Value::Members m;
            for (auto &[k, v] : arguments(child, s, false, depth + 1))
                m[k] = v;
            add(child.type, Value::map(std::move(m)));
        }
        for (const QString &type : order)
            out.push_back({type, Value::list(std::move(nested[type]))});
        return out;
    }

    template<typename Add> void dynamicBlock(const BlockCfg &d, Scope &s, int depth, Add &&add)
    {
        const QString type = d.labels[0];
        const Attr *fe = d.attr(QStringLiteral("for_each"));
        const BlockCfg *content = nullptr;
        for (const BlockCfg &c : d.blocks)
            if (c.type == u"content")
                content = &c;
        if (!fe || !content || !fe->expr) {
            add(type, Value::unknown());
            return;
        }
        QString iterator = type;
        if (const Attr *it = d.attr(QStringLiteral("iterator"));
            it && it->expr && it->expr->kind == Node::Kind::Variable)
            iterator = it->expr->name;
        auto coll = eval(*fe->expr, s);
        if (!coll) {
            m_notes.insert(coll.error());
            add(type, Value::unknown());
            return;
        }
        if (!coll->isWhollyKnown() && coll->isUnknown()) {
            add(type, Value::unknown());
            return;
        }
        std::vector<std::pair<Value, Value>> items;
        if (coll->kind() == K::Map)
            for (const auto &[k, v] : coll->members())
                items.push_back({Value::string(k), v});
        else if (coll->kind() == K::List)
            for (std::size_t i = 0; i < coll->items().size(); ++i)
                items.push_back({Value::number(double(i)), coll->items()[i]});
        else if (coll->kind() == K::Set)
            for (const Value &v : coll->items())
                items.push_back({v, v});
        for (auto &[k, v] : items) {
            s.frames.push_back(
                {iterator, Value::map({{QStringLiteral("key"), k}, {QStringLiteral("value"), v}})});
            Value::Members m;
            for (auto &[name, val] : arguments(*content, s, false, depth + 1))
                m[name] = val;
            s.frames.pop_back();
            add(type, Value::map(std::move(m)));
        }
    }

    const BlockCfg *findResource(const ModuleConfig &cfg, const QString &key)
    {
        for (const BlockCfg &b : cfg.resources)
            if (resourceKey(b) == key)
                return &b;
        return nullptr;
    }

    static Value eachValue(const std::pair<Value, Value> &k)
    {
        return Value::map({{QStringLiteral("key"), k.first}, {QStringLiteral("value"), k.second}});
    }

    // Computes a resource's instances (once); false when it is being computed (a cycle).
    bool ensureResource(ModuleInstance &mod, const QString &key, const BlockCfg &b)
    {
        ResourceSlot &slot = mod.resources[key];
        if (slot.state == State::Done)
            return true;
        if (slot.state == State::Busy)
            return false;
        slot.state = State::Busy;
        slot.cfg = &b;
        Scope s;
        s.mod = &mod;
        Expansion x = expand(b, s);
        std::vector<Instance> instances;
        Value ref;
        if (x.known) {
            Value::Members byKey;
            std::vector<Value> byIndex;
            for (const auto &k : x.keys) {
                Instance inst;
                inst.key = k.first;
                Scope is;
                is.mod = &mod;
                const Value each = eachValue(k);
                const Value count = Value::map({{QStringLiteral("index"), k.first}});
                if (x.mode == Expansion::Mode::ForEach)
                    is.each = &each;
                if (x.mode == Expansion::Mode::Count)
                    is.count = &count;
                inst.arguments = arguments(b, is, false);
                Value::Members m;
                for (const auto &[n, v] : inst.arguments)
                    m[n] = v;
                inst.object = Value::resourceObject(std::move(m));
                if (x.mode == Expansion::Mode::ForEach)
                    byKey[k.first.str()] = inst.object;
                else
                    byIndex.push_back(inst.object);
                instances.push_back(std::move(inst));
            }
            ref = x.mode == Expansion::Mode::ForEach ? Value::map(std::move(byKey))
                  : x.mode == Expansion::Mode::Count ? Value::list(std::move(byIndex))
                                                     : instances.front().object;
        } else {
            ref = Value::unknown();
        }
        ResourceSlot &done = mod.resources[key];
        done.expansion = std::move(x);
        done.instances = std::move(instances);
        done.ref = ref;
        done.state = State::Done;
        return true;
    }

    E resource(ModuleInstance &mod, const QString &key, const Node &at)
    {
        const BlockCfg *b = findResource(*mod.cfg, key);
        if (!b)
            return error(at, tr("reference to the undeclared resource %1").arg(key));
        DepthGuard g(m_depth);
        if (m_depth > kMaxDepth)
            return error(at, tr("references nested too deeply"));
        if (!ensureResource(mod, key, *b))
            return error(at, tr("%1 refers to itself (a cycle)").arg(key));
        return mod.resources[key].ref;
    }

    QString childDir(const ModuleConfig &parent, const QString &source)
    {
        QString p = parent.dir.isEmpty() ? source : parent.dir + u'/' + source;
        p = QDir::cleanPath(p);
        if (p == u".")
            p.clear();
        return p;
    }

    bool ensureCall(ModuleInstance &mod, const QString &name)
    {
        CallSlot &slot = mod.calls[name];
        if (slot.state == State::Done)
            return true;
        if (slot.state == State::Busy)
            return false;
        slot.state = State::Busy;
        const BlockCfg &b = mod.cfg->calls.at(name);
        Scope s;
        s.mod = &mod;
        const QString address = mod.prefix + QStringLiteral("module.") + name;
        Expansion x = expand(b, s);
        QString unknownReason;
        const ModuleConfig *child = nullptr;
        const Attr *src = b.attr(QStringLiteral("source"));
        QString source;
        if (src && src->expr && src->expr->kind == Node::Kind::Template &&
            src->expr->parts.size() == 1 && src->expr->parts[0]->kind == Node::Kind::Literal)
            source = src->expr->parts[0]->value.str();
        else if (src && src->expr && src->expr->kind == Node::Kind::Template &&
                 src->expr->parts.empty())
            source = QString();
        if (!source.startsWith(QStringLiteral("./")) && !source.startsWith(QStringLiteral("../"))) {
            unknownReason =
                tr("module %1 comes from %2, which is not a local folder; its "
                   "resources are not evaluated")
                    .arg(address, source.isEmpty() ? tr("an unknown source")
                                                   : QStringLiteral("\"%1\"").arg(source));
        } else {
            const QString dir = childDir(*mod.cfg, source);
            auto it = m_configs.find(dir);
            if (dir.startsWith(QStringLiteral("..")) || it == m_configs.end() || !it->second.exists)
                unknownReason =
                    tr("module %1: the folder %2 has no Terraform files").arg(address, source);
            else
                child = &it->second;
        }
        for (const ModuleInstance *up = &mod; child && up && unknownReason.isEmpty();
             up = up->parent)
            if (up->cfg == child)
                unknownReason = tr("module %1 calls the module it is in (a cycle); Terraform "
                                   "refuses it")
                                    .arg(address);
        if (unknownReason.isEmpty() && mod.depth + 1 > kMaxModuleDepth)
            unknownReason = tr("module %1: modules nested deeper than %2 levels are not "
                               "evaluated")
                                .arg(address)
                                .arg(kMaxModuleDepth);
        if (unknownReason.isEmpty() && x.known &&
            m_moduleInstances + qint64(x.keys.size()) > kMaxModuleInstances)
            unknownReason = tr("module %1: more than %2 module instances are not evaluated")
                                .arg(address)
                                .arg(kMaxModuleInstances);
        if (unknownReason.isEmpty() && x.known)
            m_moduleInstances += qint64(x.keys.size());
        std::vector<std::pair<Value, std::unique_ptr<ModuleInstance>>> instances;
        if (x.known && unknownReason.isEmpty()) {
            for (const auto &k : x.keys) {
                Scope is;
                is.mod = &mod;
                const Value each = eachValue(k);
                const Value count = Value::map({{QStringLiteral("index"), k.first}});
                if (x.mode == Expansion::Mode::ForEach)
                    is.each = &each;
                if (x.mode == Expansion::Mode::Count)
                    is.count = &count;
                std::map<QString, Value> given;
                for (const auto &[n, v] : arguments(b, is, true))
                    given[n] = v;
                auto inst = std::make_unique<ModuleInstance>();
                inst->cfg = child;
                inst->depth = mod.depth + 1;
                inst->parent = &mod;
                inst->prefix =
                    address +
                    (x.mode == Expansion::Mode::Single ? QString() : instanceKeyText(k.first)) +
                    u'.';
                inst->vars = variableValues(*child, given, b.position());
                instances.push_back({k.first, std::move(inst)});
            }
        }
        CallSlot &done = mod.calls[name];
        done.expansion = std::move(x);
        done.unknownReason = unknownReason;
        done.instances = std::move(instances);
        done.state = State::Done;
        return true;
    }

    E outputsOf(ModuleInstance &mod, const Node &at)
    {
        if (mod.outputsState == State::Done)
            return mod.outputs;
        if (mod.outputsState == State::Busy)
            return error(
                at,
                tr("the outputs of %1 refer to themselves (a cycle)").arg(mod.prefix.chopped(1)));
        mod.outputsState = State::Busy;
        Value::Members m;
        for (const auto &[name, b] : mod.cfg->outputs) {
            const Attr *v = b.attr(QStringLiteral("value"));
            Scope s;
            s.mod = &mod;
            m[name] = v ? evalAttr(*v, s, tr("output %1").arg(name)) : Value();
        }
        mod.outputs = Value::map(std::move(m));
        mod.outputsState = State::Done;
        return mod.outputs;
    }

    E moduleRef(ModuleInstance &mod, const QString &name, const Node &at)
    {
        if (!mod.cfg->calls.contains(name))
            return error(at, tr("reference to the undeclared module %1").arg(name));
        DepthGuard g(m_depth);
        if (m_depth > kMaxDepth)
            return error(at, tr("references nested too deeply"));
        if (!ensureCall(mod, name))
            return error(at, tr("module.%1 refers to itself (a cycle)").arg(name));
        CallSlot &slot = mod.calls[name];
        if (!slot.expansion.known || !slot.unknownReason.isEmpty())
            return Value::unknown();
        Value::Members byKey;
        std::vector<Value> byIndex;
        for (auto &[key, inst] : slot.instances) {
            auto o = outputsOf(*inst, at);
            if (!o)
                return o;
            if (slot.expansion.mode == Expansion::Mode::Single)
                return *o;
            if (slot.expansion.mode == Expansion::Mode::ForEach)
                byKey[key.str()] = *o;
            else
                byIndex.push_back(*o);
        }
        return slot.expansion.mode == Expansion::Mode::ForEach ? Value::map(std::move(byKey))
                                                               : Value::list(std::move(byIndex));
    }

    // --- expressions --------------------------------------------------------------------

    E getAttr(const Value &v, const QString &name, const Node &at)
    {
        if (v.isUnknown())
            return Value::unknown();
        if (v.isNull())
            return error(at, tr("attempt to get attribute \"%1\" from a null value").arg(name));
        if (v.kind() != K::Map)
            return error(
                at, tr("unsupported attribute \"%1\": this value has no attributes").arg(name));
        if (const Value *m = v.member(name))
            return *m;
        if (v.isOpen())
            return Value::unknown();
        return error(at, tr("unsupported attribute: this object does not have an attribute "
                            "named \"%1\"")
                             .arg(name));
    }

    E index(const Value &v, const Value &k, const Node &at)
    {
        if (v.isUnknown() || k.isUnknown())
            return Value::unknown();
        if (v.isNull())
            return error(at, tr("cannot index a null value"));
        if (k.isNull())
            return error(at, tr("cannot index with a null value"));
        if (v.kind() == K::List) {
            auto n = toNumberValue(k);
            if (!n || n->isNull())
                return error(at, tr("the index of a list must be a number"));
            const double d = n->toNumber();
            if (d != std::floor(d) || d < 0 || d >= double(v.items().size()))
                return error(at, tr("invalid index: the given key does not identify an element "
                                    "in this collection value"));
            return v.items()[std::size_t(d)];
        }
        if (v.kind() == K::Map) {
            auto s = toStringValue(k);
            if (!s || s->isNull())
                return error(at, tr("the key of a map must be a string"));
            if (const Value *m = v.member(s->str()))
                return *m;
            if (v.isOpen())
                return Value::unknown();
            return error(at, tr("invalid index: the given key \"%1\" does not identify an element "
                                "in this collection value")
                                 .arg(s->str()));
        }
        if (v.kind() == K::Set)
            return error(at, tr("elements of a set have no index; convert it with tolist()"));
        return error(at, tr("this value does not have any indices"));
    }

    E applySplat(const Node &each, const Value &elem, Scope &s)
    {
        s.frames.push_back({QStringLiteral("\x01splat"), elem});
        auto r = eval(each, s);
        s.frames.pop_back();
        return r;
    }

    QString templateString(const Value &v, const Node &at, bool *unknown, QString *err)
    {
        if (v.isUnknown()) {
            *unknown = true;
            return {};
        }
        if (v.isNull()) {
            *err = error(at, tr("the template interpolation value is null")).error();
            return {};
        }
        auto s = toStringValue(v);
        if (!s) {
            *err = error(at, tr("cannot include the given value in a string template: string "
                                "required"))
                       .error();
            return {};
        }
        return s->str();
    }

    E evalTemplate(const Node &n, Scope &s)
    {
        if (n.wrap)
            return eval(*n.parts[0], s);
        QString out;
        bool unknown = false;
        for (const NodePtr &p : n.parts) {
            if (p->kind == Node::Kind::Literal && p->value.kind() == K::String) {
                out += p->value.str();
                continue;
            }
            if (p->kind == Node::Kind::TemplateIf) {
                auto c = eval(*p->a, s);
                if (!c)
                    return c;
                if (c->isUnknown()) {
                    unknown = true;
                    continue;
                }
                auto b = toBoolValue(*c);
                if (!b || c->isNull())
                    return error(*p, tr("the condition of %{ if } must be a bool"));
                const NodePtr &branch = b->toBool() ? p->b : p->c;
                if (!branch)
                    continue;
                auto r = evalTemplate(*branch, s);
                if (!r)
                    return r;
                QString e;
                out += templateString(*r, *p, &unknown, &e);
                if (!e.isEmpty())
                    return std::unexpected(e);
                continue;
            }
            if (p->kind == Node::Kind::TemplateFor) {
                auto c = eval(*p->a, s);
                if (!c)
                    return c;
                if (c->isUnknown()) {
                    unknown = true;
                    continue;
                }
                std::vector<std::pair<Value, Value>> items;
                if (!iterate(*c, items))
                    return error(*p, tr("%{ for } needs a list, set or map"));
                for (auto &[k, v] : items) {
                    if (!tick())
                        return stopped(*p);
                    if (!p->keyVar.isEmpty())
                        s.frames.push_back({p->keyVar, k});
                    s.frames.push_back({p->name, v});
                    auto r = evalTemplate(*p->b, s);
                    s.frames.pop_back();
                    if (!p->keyVar.isEmpty())
                        s.frames.pop_back();
                    if (!r)
                        return r;
                    QString e;
                    out += templateString(*r, *p, &unknown, &e);
                    if (!e.isEmpty())
                        return std::unexpected(e);
                }
                continue;
            }
            auto v = eval(*p, s);
            if (!v)
                return v;
            QString e;
            out += templateString(*v, *p, &unknown, &e);
            if (!e.isEmpty())
                return std::unexpected(e);
            if (out.size() > 10'000'000)
                return error(n, tr("the string is too long"));
        }
        if (unknown)
            return Value::unknown();
        return Value::string(out);
    }

    static bool iterate(const Value &c, std::vector<std::pair<Value, Value>> &items)
    {
        if (c.kind() == K::Map) {
            for (const auto &[k, v] : c.members())
                items.push_back({Value::string(k), v});
            return true;
        }
        if (c.kind() == K::List) {
            for (std::size_t i = 0; i < c.items().size(); ++i)
                items.push_back({Value::number(double(i)), c.items()[i]});
            return true;
        }
        if (c.kind() == K::Set) {
            for (const Value &v : c.items())
                items.push_back({v, v});
            return true;
        }
        return false;
    }

    E stopped(const Node &n)
    {
        return error(n, m_cancelled ? tr("cancelled") : tr("evaluation stopped"));
    }

    E evalFor(const Node &n, Scope &s)
    {
        auto c = eval(*n.a, s);
        if (!c)
            return c;
        if (c->isUnknown())
            return Value::unknown();
        if (c->isNull())
            return error(n, tr("a null value cannot be used as the collection in a for "
                               "expression"));
        std::vector<std::pair<Value, Value>> items;
        if (!iterate(*c, items))
            return error(*n.a, tr("a for expression needs a list, set, map or object, not a "
                                  "single value"));
        std::vector<Value> list;
        Value::Members object;
        std::map<QString, std::vector<Value>> groups;
        bool unknown = false;
        for (auto &[k, v] : items) {
            if (!tick())
                return stopped(n);
            if (!n.keyVar.isEmpty())
                s.frames.push_back({n.keyVar, k});
            s.frames.push_back({n.name, v});
            auto pop = [&] {
                s.frames.pop_back();
                if (!n.keyVar.isEmpty())
                    s.frames.pop_back();
            };
            if (n.d) {
                auto cond = eval(*n.d, s);
                if (!cond) {
                    pop();
                    return cond;
                }
                if (cond->isUnknown()) {
                    unknown = true;
                    pop();
                    continue;
                }
                auto b = toBoolValue(*cond);
                if (!b || cond->isNull()) {
                    pop();
                    return error(*n.d, tr("the condition of a for expression must be a bool"));
                }
                if (!b->toBool()) {
                    pop();
                    continue;
                }
            }
            if (n.object) {
                auto key = eval(*n.b, s);
                if (!key) {
                    pop();
                    return key;
                }
                auto value = eval(*n.c, s);
                pop();
                if (!value)
                    return value;
                if (key->isUnknown()) {
                    unknown = true;
                    continue;
                }
                auto ks = toStringValue(*key);
                if (!ks || key->isNull())
                    return error(*n.b, tr("the key of an object for expression must be a "
                                          "string"));
                if (n.group) {
                    groups[ks->str()].push_back(*value);
                } else {
                    if (object.contains(ks->str()))
                        return error(*n.b, tr("duplicate object key \"%1\": two elements give "
                                              "this key; add ... after the value to group them")
                                               .arg(ks->str()));
                    object[ks->str()] = *value;
                }
            } else {
                auto value = eval(*n.c, s);
                pop();
                if (!value)
                    return value;
                list.push_back(*value);
            }
        }
        if (unknown)
            return Value::unknown();
        if (n.object && n.group) {
            for (auto &[k, g] : groups)
                object[k] = Value::list(std::move(g));
        }
        return n.object ? Value::map(std::move(object)) : Value::list(std::move(list));
    }

    E evalCall(const Node &n, Scope &s)
    {
        if (n.name == u"try") {
            if (n.parts.empty())
                return error(n, tr("try needs at least one argument"));
            for (const NodePtr &p : n.parts) {
                auto v = eval(*p, s);
                if (m_stopped)
                    return stopped(n);
                if (v)
                    return *v;
            }
            return error(n, tr("no expression given to try succeeded"));
        }
        if (n.name == u"can") {
            if (n.parts.size() != 1)
                return error(n, tr("can takes one argument"));
            auto v = eval(*n.parts[0], s);
            if (m_stopped)
                return stopped(n);
            if (!v)
                return Value::boolean(false);
            if (!v->isWhollyKnown())
                return Value::unknown();
            return Value::boolean(true);
        }
        std::vector<Value> args;
        for (std::size_t i = 0; i < n.parts.size(); ++i) {
            auto v = eval(*n.parts[i], s);
            if (!v)
                return v;
            if (n.expandLast && i + 1 == n.parts.size()) {
                if (v->isUnknown())
                    return Value::unknown();
                if (v->kind() != K::List && v->kind() != K::Set)
                    return error(*n.parts[i], tr("only a list can be expanded with ..."));
                args.insert(args.end(), v->items().begin(), v->items().end());
            } else {
                args.push_back(*v);
            }
        }
        QString name = n.name;
        if (name.startsWith(QStringLiteral("core::")))
            name = name.mid(6);
        auto r = callFunction(name, args, m_buildBudget);
        if (!r) {
            note(n.position(), tr("the function %1 is not evaluated offline").arg(n.name));
            return Value::unknown();
        }
        if (!*r)
            return error(n, tr("call to function \"%1\" failed: %2").arg(n.name, r->error()));
        return **r;
    }

    E arithmetic(const Node &n, const Value &a, const Value &b)
    {
        auto x = toNumberValue(a), y = toNumberValue(b);
        if (!x || !y || x->isNull() || y->isNull())
            return error(n, tr("unsuitable value for an arithmetic operator: a number is "
                               "required"));
        const double p = x->toNumber(), q = y->toNumber();
        switch (n.op) {
        case hcl::Tok::Plus:
            return Value::number(p + q);
        case hcl::Tok::Minus:
            return Value::number(p - q);
        case hcl::Tok::Star:
            return Value::number(p * q);
        case hcl::Tok::Slash:
            if (q == 0)
                return error(n, tr("division by zero"));
            return Value::number(p / q);
        case hcl::Tok::Percent:
            if (q == 0)
                return error(n, tr("division by zero"));
            return Value::number(std::fmod(p, q));
        case hcl::Tok::Lt:
            return Value::boolean(p < q);
        case hcl::Tok::Le:
            return Value::boolean(p <= q);
        case hcl::Tok::Gt:
            return Value::boolean(p > q);
        case hcl::Tok::Ge:
            return Value::boolean(p >= q);
        default:
            return error(n, tr("unknown operator"));
        }
    }

    E evalBinary(const Node &n, Scope &s)
    {
        auto a = eval(*n.a, s);
        if (!a)
            return a;
        if (n.op == hcl::Tok::And || n.op == hcl::Tok::Or) {
            const bool isAnd = n.op == hcl::Tok::And;
            if (a->isKnown()) {
                auto ab = toBoolValue(*a);
                if (!ab || a->isNull())
                    return error(*n.a, tr("a bool is required"));
                if (ab->toBool() != isAnd)
                    return Value::boolean(!isAnd);
            }
            auto b = eval(*n.b, s);
            if (!b)
                return b;
            if (b->isUnknown() || a->isUnknown())
                return Value::unknown();
            auto bb = toBoolValue(*b);
            if (!bb || b->isNull())
                return error(*n.b, tr("a bool is required"));
            return Value::boolean(bb->toBool());
        }
        auto b = eval(*n.b, s);
        if (!b)
            return b;
        if (n.op == hcl::Tok::EqualOp || n.op == hcl::Tok::NotEqual) {
            if (!a->isWhollyKnown() || !b->isWhollyKnown())
                return Value::unknown();
            const bool eq = *a == *b;
            return Value::boolean(n.op == hcl::Tok::EqualOp ? eq : !eq);
        }
        if (a->isUnknown() || b->isUnknown())
            return Value::unknown();
        return arithmetic(n, *a, *b);
    }

public:
    E eval(const Node &n, Scope &s)
    {
        if (!tick())
            return stopped(n);
        DepthGuard g(m_depth);
        if (m_depth > kMaxDepth)
            return error(n, tr("expressions nested too deeply"));
        switch (n.kind) {
        case Node::Kind::Literal:
            return n.value;
        case Node::Kind::Template:
            return evalTemplate(n, s);
        case Node::Kind::TemplateIf:
        case Node::Kind::TemplateFor:
            return error(n, tr("a template directive outside a template"));
        case Node::Kind::Paren:
            return eval(*n.a, s);
        case Node::Kind::SplatItem:
            if (const Value *v = s.find(QStringLiteral("\x01splat")))
                return *v;
            return error(n, tr("splat without source"));
        case Node::Kind::Variable: {
            if (const Value *v = s.find(n.name))
                return *v;
            if (n.name == u"each") {
                if (s.each)
                    return *s.each;
                return error(n, tr("each.key and each.value are only available in blocks with "
                                   "for_each"));
            }
            if (n.name == u"count") {
                if (s.count)
                    return *s.count;
                return error(n, tr("count.index is only available in blocks with count"));
            }
            if (n.name == u"self")
                return Value::unknown();
            return error(n, tr("a reference to %1 needs an attribute (%1.NAME)").arg(n.name));
        }
        case Node::Kind::GetAttr:
            return evalGetAttr(n, s);
        case Node::Kind::Index: {
            auto v = eval(*n.a, s);
            if (!v)
                return v;
            auto k = eval(*n.b, s);
            if (!k)
                return k;
            return index(*v, *k, n);
        }
        case Node::Kind::Splat: {
            auto src = eval(*n.a, s);
            if (!src)
                return src;
            if (src->isUnknown())
                return Value::unknown();
            if (src->isNull())
                return Value::list({});
            std::vector<Value> elems;
            if (src->kind() == K::List || src->kind() == K::Set)
                elems = src->items();
            else
                elems.push_back(*src);
            std::vector<Value> out;
            for (const Value &e : elems) {
                auto r = applySplat(*n.b, e, s);
                if (!r)
                    return r;
                out.push_back(*r);
            }
            return Value::list(std::move(out));
        }
        case Node::Kind::Call:
            return evalCall(n, s);
        case Node::Kind::Conditional: {
            auto c = eval(*n.a, s);
            if (!c)
                return c;
            if (c->isUnknown())
                return Value::unknown();
            auto b = toBoolValue(*c);
            if (!b || c->isNull())
                return error(*n.a, tr("the condition must be a bool"));
            return eval(b->toBool() ? *n.b : *n.c, s);
        }
        case Node::Kind::Binary:
            return evalBinary(n, s);
        case Node::Kind::Unary: {
            auto v = eval(*n.a, s);
            if (!v || v->isUnknown())
                return v;
            if (n.op == hcl::Tok::Bang) {
                auto b = toBoolValue(*v);
                if (!b || v->isNull())
                    return error(n, tr("a bool is required after !"));
                return Value::boolean(!b->toBool());
            }
            auto d = toNumberValue(*v);
            if (!d || v->isNull())
                return error(n, tr("a number is required after -"));
            return Value::number(-d->toNumber());
        }
        case Node::Kind::Tuple: {
            std::vector<Value> out;
            for (const NodePtr &p : n.parts) {
                auto v = eval(*p, s);
                if (!v)
                    return v;
                out.push_back(*v);
            }
            return Value::list(std::move(out));
        }
        case Node::Kind::Object: {
            Value::Members out;
            bool unknown = false;
            for (std::size_t i = 0; i + 1 < n.parts.size(); i += 2) {
                const Node &kn = *n.parts[i];
                Value key;
                if (kn.kind == Node::Kind::Variable && !s.find(kn.name))
                    key = Value::string(kn.name); // a bare name is the key itself
                else {
                    auto k = eval(kn, s);
                    if (!k)
                        return k;
                    key = *k;
                }
                auto v = eval(*n.parts[i + 1], s);
                if (!v)
                    return v;
                if (key.isUnknown()) {
                    unknown = true;
                    continue;
                }
                auto ks = toStringValue(key);
                if (!ks || key.isNull())
                    return error(kn, tr("an object key must be a string"));
                out[ks->str()] = *v;
            }
            if (unknown)
                return Value::unknown();
            return Value::map(std::move(out));
        }
        case Node::Kind::For:
            return evalFor(n, s);
        }
        return error(n, tr("unknown expression"));
    }

private:
    E evalGetAttr(const Node &n, Scope &s)
    {
        const Node &base = *n.a;
        if (base.kind == Node::Kind::Variable && !s.find(base.name) && s.mod) {
            const QString &root = base.name;
            if (root == u"var") {
                const auto it = s.mod->vars.find(n.name);
                if (it == s.mod->vars.end())
                    return error(n,
                                 tr("reference to the undeclared input variable %1").arg(n.name));
                return it->second;
            }
            if (root == u"local")
                return local(*s.mod, n.name, n);
            if (root == u"module")
                return moduleRef(*s.mod, n.name, n);
            if (root == u"path") {
                if (n.name == u"module")
                    return Value::string(s.mod->cfg->dir.isEmpty() ? QStringLiteral(".")
                                                                   : s.mod->cfg->dir);
                if (n.name == u"root")
                    return Value::string(QStringLiteral("."));
                return Value::unknown();
            }
            if (root == u"terraform") {
                if (n.name == u"workspace")
                    return Value::string(QStringLiteral("default"));
                return Value::unknown();
            }
            if (root == u"data")
                return error(n, tr("a data source is referred to as data.TYPE.NAME"));
            if (root != u"each" && root != u"count" && root != u"self")
                return resource(*s.mod, root + u'.' + n.name, n);
        }
        if (base.kind == Node::Kind::GetAttr && base.a->kind == Node::Kind::Variable &&
            base.a->name == u"data" && !s.find(QStringLiteral("data")) && s.mod)
            return resource(*s.mod, QStringLiteral("data.") + base.name + u'.' + n.name, n);
        auto v = eval(base, s);
        if (!v)
            return v;
        return getAttr(*v, n.name, n);
    }

    // --- listing ------------------------------------------------------------------------

    void noteExpansion(const BlockCfg &b, const QString &address, const Expansion &x)
    {
        if (x.isError)
            m_notes.insert(tr("%1 (the instances of %2 are not listed)").arg(x.reason, address));
        else
            note(b.position(),
                 tr("the instances of %1 are not known offline: %2").arg(address, x.reason));
    }

    void walk(ModuleInstance &mod, Evaluation &out)
    {
        if (m_stopped)
            return;
        for (const BlockCfg &b : mod.cfg->resources) {
            const QString key = resourceKey(b);
            const QString address = mod.prefix + key;
            if (mod.resources[key].state == State::Busy)
                continue;
            ensureResource(mod, key, b);
            const ResourceSlot &slot = mod.resources[key];
            if (!slot.expansion.known) {
                out.unknownPrefixes << address;
                noteExpansion(b, address, slot.expansion);
                continue;
            }
            for (const Instance &inst : slot.instances) {
                InstanceInfo info;
                info.file = b.file->name;
                info.line = b.line();
                info.resource = address;
                info.arguments = inst.arguments;
                out.instances[address + (slot.expansion.mode == Expansion::Mode::Single
                                             ? QString()
                                             : instanceKeyText(inst.key))] = std::move(info);
            }
        }
        for (const QString &name : mod.cfg->callOrder) {
            const QString address = mod.prefix + QStringLiteral("module.") + name;
            ensureCall(mod, name);
            CallSlot &slot = mod.calls[name];
            const BlockCfg &b = mod.cfg->calls.at(name);
            if (!slot.expansion.known || !slot.unknownReason.isEmpty()) {
                out.unknownPrefixes << address;
                if (slot.unknownReason.isEmpty())
                    noteExpansion(b, address, slot.expansion);
                else
                    note(b.position(), slot.unknownReason);
                continue;
            }
            for (auto &[key, inst] : slot.instances)
                walk(*inst, out);
        }
        for (const BlockCfg &m : mod.cfg->moved) {
            const Attr *from = m.attr(QStringLiteral("from"));
            const Attr *to = m.attr(QStringLiteral("to"));
            const QString f = from && from->expr ? traversalAddress(*from->expr) : QString();
            const QString t = to && to->expr ? traversalAddress(*to->expr) : QString();
            if (f.isEmpty() || t.isEmpty()) {
                note(m.position(), tr("this moved block is not understood"));
                continue;
            }
            out.moved.push_back({mod.prefix + f, mod.prefix + t});
        }
    }

    const std::atomic_bool *m_cancel;
    std::vector<std::unique_ptr<SourceFile>> m_files;
    std::map<QString, ModuleConfig> m_configs;
    std::vector<const SourceFile *> m_tfvarFiles;
    std::set<QString> m_notes;
    qint64 m_steps = 0;
    qint64 m_moduleInstances = 0;
    qint64 m_buildBudget = kBuildBudget;
    int m_depth = 0;
    bool m_stopped = false;
    bool m_cancelled = false;
};

} // namespace

QString instanceKeyText(const Value &key)
{
    if (key.kind() == K::Number)
        return u'[' + Value::numberText(key.toNumber()) + u']';
    return u'[' + key.render() + u']';
}

Result<Evaluation> evaluateModule(const TfFiles &files, const std::atomic_bool *cancel)
{
    Evaluator ev(cancel);
    if (auto r = ev.load(files); !r)
        return std::unexpected(r.error());
    auto root = ev.rootInstance();
    Evaluation out = ev.collect(*root);
    if (ev.cancelled())
        return fail(Error::Code::Cancelled,
                    QCoreApplication::translate("kanri::terraform::Evaluator", "cancelled"));
    return out;
}

Result<Value> evaluateExpression(const TfFiles &files, const QString &expression,
                                 QStringList *notes)
{
    Evaluator ev(nullptr);
    if (auto r = ev.load(files); !r)
        return std::unexpected(r.error());
    auto root = ev.rootInstance();
    auto file = ev.makeFile(QStringLiteral("<expression>"), expression.toUtf8());
    if (!file)
        return fail(Error::Code::Syntax,
                    QCoreApplication::translate("kanri::terraform::Evaluator",
                                                "the expression does not parse"));
    const hcl::Attribute *attr =
        file->tree->body.items.empty() ? nullptr : file->tree->body.items.front().attribute.get();
    if (!attr)
        return fail(Error::Code::Syntax,
                    QCoreApplication::translate("kanri::terraform::Evaluator",
                                                "the expression does not parse"));
    auto node = parseExpression(file.get(), attr->value);
    if (!node)
        return std::unexpected(node.error());
    QStringList errors;
    Value v = ev.evalIn(*root, *node, &errors);
    if (!errors.isEmpty())
        return fail(Error::Code::Generic, errors.join(u'\n'));
    if (notes)
        *notes = ev.notes();
    return v;
}

} // namespace kanri::terraform
