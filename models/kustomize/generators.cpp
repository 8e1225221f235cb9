#include "kustomize/kustinternal.h"

#include <QDir>
#include <QFileInfo>

// Generators: configMapGenerator, secretGenerator, generatorOptions, generator plugins and
// merging generated objects by behavior (kustomize's api/kv and builtins' generators).

namespace kanri::kustomize::detail {

namespace {

// kyaml's encodeBase64: lines of 70 characters, each ending in a newline when there is
// more than one line's worth.
std::string base64(const QByteArray &b)
{
    const std::string enc = b.toBase64().toStdString();
    constexpr size_t lineLen = 70;
    const size_t lines = enc.size() / lineLen + 1;
    if (lines <= 1)
        return enc;
    std::string out;
    for (size_t i = 0; i < enc.size(); i += lineLen) {
        out += enc.substr(i, lineLen);
        out += '\n';
    }
    return out;
}

std::string removeQuotes(const std::string &s)
{
    if (s.size() >= 2 &&
        ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
        return s.substr(1, s.size() - 2);
    return s;
}

bool validUtf8(const QByteArray &b)
{
    QString s = QString::fromUtf8(b);
    return s.toUtf8() == b;
}

} // namespace

Result<Resource> Build::generate(const QString &dir, const Value &args, const std::string &kind,
                                 const Value *options)
{
    Resource r;
    r.generated = true;
    r.obj = Value::map();
    r.obj.set("apiVersion", Value::string("v1"));
    r.obj.set("kind", Value::string(kind));
    {
        Value &meta = r.obj.getOrAddMap("metadata");
        meta.set("name", Value::string(args.str({"name"})));
        if (!args.str({"namespace"}).empty())
            meta.set("namespace", Value::string(args.str({"namespace"})));
    }
    const bool secret = kind == "Secret";
    std::string behavior = args.str({"behavior"});
    if (behavior.empty())
        behavior = "create";
    // kustomize's NewGenerationBehavior: anything else is "unspecified", which acts as create.
    if (behavior != "merge" && behavior != "replace")
        behavior = "create";
    r.behavior = behavior;

    Value data = Value::map(), binary = Value::map();
    auto put = [&](const std::string &key, const QByteArray &value) -> Result<void> {
        if (data.get(key) || binary.get(key))
            return fail(Error::Code::Conflict, tr("configmap %1 illegally repeats the key `%2`")
                                                   .arg(qs(args.str({"name"})), qs(key)));
        if (secret)
            data.set(key, Value::string(base64(value)));
        else if (validUtf8(value))
            data.set(key, Value::string(value.toStdString()));
        else
            binary.set(key, Value::string(base64(value)));
        return {};
    };
    for (const std::string &env : strList(args.get("envs")))
        (void)env;
    std::vector<std::string> envs = strList(args.get("envs"));
    if (!args.str({"env"}).empty())
        envs.insert(envs.begin(), args.str({"env"}));
    for (const std::string &env : envs) {
        auto p = checkedPath(dir, qs(env));
        if (!p)
            return std::unexpected(p.error());
        auto bytes = readRaw(*p);
        if (!bytes)
            return std::unexpected(bytes.error());
        const QList<QByteArray> lines = bytes->split('\n');
        int lineNo = 0;
        for (QByteArray line : lines) {
            ++lineNo;
            if (line.endsWith('\r'))
                line.chop(1);
            if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
                line = line.mid(3);
            QByteArray t = line;
            while (!t.isEmpty() && QChar::isSpace(uchar(t[0])))
                t = t.mid(1);
            if (t.isEmpty() || t.startsWith('#'))
                continue;
            const int eq = t.indexOf('=');
            if (eq < 0) {
                const QByteArray v = qgetenv(t.trimmed().constData());
                if (auto rr = put(t.trimmed().toStdString(), v); !rr)
                    return std::unexpected(rr.error());
                continue;
            }
            if (auto rr = put(t.left(eq).toStdString(), t.mid(eq + 1)); !rr)
                return std::unexpected(rr.error());
        }
    }
    for (const std::string &lit : strList(args.get("literals"))) {
        const auto eq = lit.find('=');
        if (eq == std::string::npos)
            return fail(Error::Code::Syntax,
                        tr("invalid literal source %1, expected key=value").arg(qs(lit)));
        if (auto rr =
                put(lit.substr(0, eq), QByteArray::fromStdString(removeQuotes(lit.substr(eq + 1))));
            !rr)
            return std::unexpected(rr.error());
    }
    for (const std::string &f : strList(args.get("files"))) {
        std::string key, path = f;
        const auto eq = f.find('=');
        if (eq != std::string::npos) {
            key = f.substr(0, eq);
            path = f.substr(eq + 1);
        } else {
            key = QFileInfo(qs(f)).fileName().toStdString();
        }
        auto p = checkedPath(dir, qs(path));
        if (!p)
            return std::unexpected(p.error());
        auto bytes = readRaw(*p);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (auto rr = put(key, *bytes); !rr)
            return std::unexpected(rr.error());
    }
    if (secret) {
        std::string type = args.str({"type"});
        r.obj.set("type", Value::string(type.empty() ? "Opaque" : type));
    }
    // kustomize always writes a Secret's data, even empty; a ConfigMap's only when it has some.
    if (secret || !data.entries.empty())
        r.obj.set("data", std::move(data));
    if (!binary.entries.empty())
        r.obj.set("binaryData", std::move(binary));

    // generatorOptions (kustomization-wide) then the generator's own options.
    bool disableHash = false;
    auto applyOptions = [&](const Value *o) {
        if (!o || !o->isMap())
            return;
        Value &md = r.obj.getOrAddMap("metadata"); // fresh: r.obj's entries may have moved
        for (auto &[k, v] : strMap(o->get("labels")))
            md.getOrAddMap("labels").set(k, Value::string(v));
        for (auto &[k, v] : strMap(o->get("annotations")))
            md.getOrAddMap("annotations").set(k, Value::string(v));
        if (const Value *d = o->get("disableNameSuffixHash"))
            disableHash = d->text == "true";
        if (const Value *im = o->get("immutable"); im && im->text == "true")
            r.obj.set("immutable", Value::boolean(true));
    };
    applyOptions(options);
    applyOptions(args.get("options"));
    r.needsHash = !disableHash;
    return r;
}

// kustomize's IAMPolicyGenerator: a ServiceAccount bound to a cloud identity (GKE only).
static Result<Resource> iamPolicy(const Value &cfg)
{
    const std::string cloud = cfg.str({"cloud"});
    if (cloud != "gke")
        return fail(Error::Code::Unsupported, tr("cloud %1 is not yet supported").arg(qs(cloud)));
    std::string project = cfg.str({"serviceAccount", "projectId"});
    if (project.empty())
        project = cfg.str({"projectId"});
    Resource r;
    r.generated = true;
    r.obj = Value::map();
    r.obj.set("apiVersion", Value::string("v1"));
    r.obj.set("kind", Value::string("ServiceAccount"));
    Value &meta = r.obj.getOrAddMap("metadata");
    meta.getOrAddMap("annotations")
        .set("iam.gke.io/gcp-service-account",
             Value::string(cfg.str({"serviceAccount", "name"}) + "@" + project +
                           ".iam.gserviceaccount.com"));
    meta.set("name", Value::string(cfg.str({"kubernetesService", "name"})));
    std::string ns = cfg.str({"kubernetesService", "namespace"});
    if (ns.empty())
        ns = cfg.str({"namespace"});
    if (!ns.empty())
        meta.set("namespace", Value::string(ns));
    return r;
}

Result<void> Build::addGenerated(Acc &acc, Resource r)
{
    const ResId id = r.curId();
    std::vector<size_t> matches;
    for (size_t i = 0; i < acc.res.size(); ++i)
        if (matchesAnyId(acc.res[i], id))
            matches.push_back(i);
    if (matches.empty()) {
        if (r.behavior == "merge" || r.behavior == "replace")
            return fail(Error::Code::NotFound,
                        tr("id %1 does not exist; cannot merge or replace").arg(qs(id.toString())));
        acc.res.push_back(std::move(r));
        return {};
    }
    if (matches.size() > 1)
        return fail(
            Error::Code::Conflict,
            tr("found multiple objects %1 that could accept merge of %1").arg(qs(id.toString())));
    Resource &old = acc.res[matches.front()];
    if (r.behavior != "merge" && r.behavior != "replace")
        return fail(Error::Code::Conflict,
                    tr("id %1 exists; behavior must be merge or replace").arg(qs(id.toString())));
    Value &meta = r.obj.getOrAddMap("metadata");
    auto mergeMapField = [&](const char *field, const Value *oldMeta) {
        const Value *o = oldMeta ? oldMeta->get(field) : nullptr;
        if (!o || !o->isMap())
            return;
        Value merged = *o;
        if (const Value *n = meta.get(field); n && n->isMap())
            for (const MapEntry &e : n->entries)
                merged.set(e.key, e.value);
        meta.set(field, std::move(merged));
    };
    const Value *oldMeta = old.obj.get("metadata");
    mergeMapField("labels", oldMeta);
    mergeMapField("annotations", oldMeta);
    if (r.behavior == "merge") {
        for (const char *f : {"data", "binaryData"}) {
            const Value *o = old.obj.get(f);
            if (!o || !o->isMap())
                continue;
            Value merged = *o;
            if (const Value *n = r.obj.get(f); n && n->isMap())
                for (const MapEntry &e : n->entries)
                    merged.set(e.key, e.value);
            r.obj.set(f, std::move(merged));
        }
    }
    r.setName(old.name());
    if (!old.ns().empty())
        r.setNamespace(old.ns());
    r.prevIds = old.prevIds;
    r.refVarNames = old.refVarNames;
    r.transformations = old.transformations;
    r.prefixes = old.prefixes;
    r.suffixes = old.suffixes;
    // A merge into a resource that was not generated, or an overlay that disables the hash,
    // leaves the name without a suffix.
    r.needsHash = r.needsHash && old.needsHash;
    if (r.behavior == "merge") {
        // A merge keeps where the object came from.
        r.originFile = old.originFile;
        r.genConfiguredIn = old.genConfiguredIn;
        r.genKind = old.genKind;
        r.genName = old.genName;
    }
    old = std::move(r);
    return {};
}

Result<std::vector<Value>> Build::loadInlineOrFiles(const QString &dir, const Value &list,
                                                    std::vector<QString> *origins)
{
    // Entries of transformers:/generators:/patchesStrategicMerge: file paths or inline YAML.
    // `origins` receives, per output, the file that configured it.
    std::vector<Value> out;
    if (!list.isSeq())
        return out;
    const auto kfile = findKustomizationFile(dir);
    const QString kustomizationFile = kfile ? *kfile : dir;
    for (const Value &e : list.items) {
        QString src = kustomizationFile;
        if (!e.isMap() && e.text.find('\n') == std::string::npos &&
            e.text.find(": ") == std::string::npos)
            src = QDir::cleanPath(QDir(dir).absoluteFilePath(qs(e.text)));
        struct Fill
        {
            std::vector<QString> *o;
            const std::vector<Value> &v;
            const QString &s;
            ~Fill()
            {
                if (o)
                    while (o->size() < v.size())
                        o->push_back(s);
            }
        } fill{origins, out, src};
        if (e.isMap()) {
            out.push_back(e);
            continue;
        }
        const std::string s = e.text;
        if (s.find('\n') != std::string::npos || s.find(": ") != std::string::npos) {
            auto docs = parseInline(s);
            if (!docs)
                return std::unexpected(docs.error());
            for (Value &d : *docs)
                if (!d.isNull())
                    out.push_back(std::move(d));
            continue;
        }
        const QString rel = qs(s);
        if (isRemote(rel))
            return fail(Error::Code::Unsupported,
                        tr("remote plugin configuration '%1' is not supported").arg(rel));
        const QString abs = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
        bool isDir = false;
        if (exists(abs, &isDir) && isDir) {
            auto root = newRoot(dir, rel);
            if (!root)
                return std::unexpected(root.error());
            Acc subAcc;
            if (auto r = accumulateDirectory(*root, subAcc, false); !r)
                return std::unexpected(r.error());
            for (Resource &r : subAcc.res) {
                // Each configuration comes from its own file (origin tracking).
                if (origins)
                    origins->push_back(r.originFile.isEmpty() ? src : r.originFile);
                out.push_back(std::move(r.obj));
            }
            continue;
        }
        auto p = checkedPath(dir, rel);
        if (!p)
            return std::unexpected(p.error());
        auto docs = parseFile(*p);
        if (!docs)
            return std::unexpected(docs.error());
        for (const Value &d : **docs)
            if (!d.isNull())
                out.push_back(d);
    }
    return out;
}

Result<void> Build::runGenerators(const QString &dir, const Value &k, Acc &acc)
{
    const Value *options = k.get("generatorOptions");
    for (const char *field : {"configMapGenerator", "secretGenerator"}) {
        const Value *gens = k.get(field);
        if (!gens || !gens->isSeq())
            continue;
        for (size_t gi = 0; gi < gens->items.size(); ++gi) {
            const Value &g = gens->items[gi];
            place = {field, int(gi)};
            auto r = generate(dir, g, field[0] == 'c' ? "ConfigMap" : "Secret", options);
            if (!r)
                return std::unexpected(r.error());
            if (auto kf = findKustomizationFile(dir))
                r->genConfiguredIn = *kf;
            r->genKind = field[0] == 'c' ? "ConfigMapGenerator" : "SecretGenerator";
            if (auto a = addGenerated(acc, std::move(*r)); !a)
                return a;
        }
    }
    if (const Value *gens = k.get("generators")) {
        place = {"generators", -1};
        std::vector<QString> origins;
        auto cfgs = loadInlineOrFiles(dir, *gens, &origins);
        if (!cfgs)
            return std::unexpected(cfgs.error());
        for (size_t ci = 0; ci < cfgs->size(); ++ci) {
            const Value &c = (*cfgs)[ci];
            const std::string kind = c.str({"kind"});
            const std::string av = c.str({"apiVersion"});
            if (kind == "ConfigMapGenerator" || kind == "SecretGenerator") {
                Value args = c;
                if (!c.str({"metadata", "name"}).empty() && c.str({"name"}).empty())
                    args.set("name", Value::string(c.str({"metadata", "name"})));
                if (c.str({"namespace"}).empty() && !c.str({"metadata", "namespace"}).empty())
                    args.set("namespace", Value::string(c.str({"metadata", "namespace"})));
                auto r = generate(dir, args, kind == "ConfigMapGenerator" ? "ConfigMap" : "Secret",
                                  nullptr);
                if (!r)
                    return std::unexpected(r.error());
                r->genConfiguredIn = ci < origins.size() ? origins[ci] : QString();
                r->genKind = kind;
                r->genName = c.str({"metadata", "name"});
                if (auto a = addGenerated(acc, std::move(*r)); !a)
                    return a;
                continue;
            }
            if (av != "builtin" && c.get("metadata")) {
                const Value *ann = c.at({"metadata", "annotations"});
                if (ann && (ann->get("config.kubernetes.io/function") ||
                            ann->get("config.k8s.io/function")))
                    return fail(
                        Error::Code::Unsupported,
                        tr("KRM function plugins are not supported (generator %1)").arg(qs(kind)));
            }
            if (av == "builtin" && kind == "IAMPolicyGenerator") {
                auto r = iamPolicy(c);
                if (!r)
                    return std::unexpected(r.error());
                r->genConfiguredIn = ci < origins.size() ? origins[ci] : QString();
                r->genKind = kind;
                r->genName = c.str({"metadata", "name"});
                if (auto a = appendResources(acc, ResList{std::move(*r)}); !a)
                    return a;
                continue;
            }
            if (av == "builtin" || kind.empty())
                return fail(Error::Code::Unsupported,
                            tr("builtin generator %1 is not supported").arg(qs(kind)));
            // A plain resource listed as a generator output.
            Resource r;
            r.obj = c;
            if (auto a = appendResources(acc, ResList{std::move(r)}); !a)
                return a;
        }
    }
    return {};
}

} // namespace kanri::kustomize::detail
