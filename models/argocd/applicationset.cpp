// ApplicationSet generators and templates, as Argo CD's ApplicationSet controller evaluates
// them (applicationset/generators/*.go, applicationset/utils/utils.go):
//
// - list: `elements` (maps) or `elementsYaml` (a YAML list in a string);
// - clusters: the clusters (Secrets, else workspace.yaml) matching `selector`, plus in-cluster
//   when the selector is empty; parameters name, nameNormalized, server, project,
//   metadata.labels, metadata.annotations, and `values`;
// - git: `directories` (every folder but hidden ones, matched with Go's path.Match, `exclude`
//   wins) and `files` (globs with `**`, each a YAML/JSON object or list of objects), evaluated on
//   the working tree when repoURL/revision are this repository; `pathParamPrefix`, `values`;
// - matrix (two generators; the second is interpolated with each parameter set of the first)
//   and merge (`mergeKeys`; the first generator is the base), nested one level as Argo CD allows;
// - `selector` on any generator, a generator's own `template` over spec.template, and
//   `templatePatch` (Go templates only) merged over each Application.
//
// Parameters are a QVariantMap: flat strings with dotted keys for fasttemplate ("{{path[0]}}",
// "{{metadata.labels.env}}"), nested values for Go templates (".path.segments").

#include "argocd/argocdinternal.h"
#include "argocd/gotemplate.h"
#include "core/glob.h"
#include "yaml/yamldocument.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace kanri::argocd::detail {

namespace {

using Params = QVariantMap;
using ParamList = QList<Params>;

constexpr int kMaxGeneratorDepth = 3; // a matrix or merge in a matrix or merge, as Argo CD allows

struct Mode
{
    bool go = false;
    GoTemplateOptions options;
};

struct Failure
{
    Error error;
};

using Generated = std::expected<ParamList, Error>;

Error errorAt(const QString &file, const YAML::Node &node, const QString &message)
{
    return problemAt(file, node, message);
}

Error unsupportedAt(const QString &file, const YAML::Node &node, const QString &message)
{
    Error e = problemAt(file, node, message);
    e.code = Error::Code::Unsupported;
    return e;
}

// fasttemplate as Argo CD uses it: "{{ key }}" with the trimmed key looked up in the flat
// parameters; an unknown key stays as it was written.
QString fastTemplate(const QString &text, const Params &params)
{
    QString out;
    qsizetype i = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), i);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        out += text.mid(i, open - i);
        const QString tag = text.mid(open + 2, close - open - 2);
        const QString key = tag.trimmed();
        const auto it = params.constFind(key);
        if (key.isEmpty() || it == params.cend())
            out += QStringLiteral("{{") + tag + QStringLiteral("}}");
        else
            out += it->toString();
        i = close + 2;
    }
    out += text.mid(i);
    return out;
}

Result<QString> renderString(const QString &text, const Params &params, const Mode &mode)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    if (!mode.go)
        return fastTemplate(text, params);
    auto r = renderGoTemplate(text, params, mode.options);
    if (!r)
        return fail(
            Error::Code::Syntax,
            QStringLiteral("failed to execute go template %1: %2").arg(text, r.error().message));
    return r;
}

// A copy of `node` with every string scalar and mapping key rendered with `params`.
Result<YAML::Node> renderNode(const YAML::Node &node, const Params &params, const Mode &mode,
                              const QString &file, int depth = 0)
{
    if (depth > 100)
        return std::unexpected(errorAt(file, node, QStringLiteral("template nested too deeply")));
    if (!node || node.IsNull())
        return YAML::Node(YAML::NodeType::Null);
    if (node.IsScalar()) {
        const QString s = text(node);
        if (!s.contains(QLatin1String("{{")))
            return YAML::Clone(node);
        auto r = renderString(s, params, mode);
        if (!r) {
            Error e = errorAt(file, node, r.error().message);
            return std::unexpected(e);
        }
        YAML::Node out(r->toStdString());
        out.SetTag("!");
        return out;
    }
    if (node.IsSequence()) {
        YAML::Node out(YAML::NodeType::Sequence);
        for (const YAML::Node &item : node) {
            auto r = renderNode(item, params, mode, file, depth + 1);
            if (!r)
                return r;
            out.push_back(*r);
        }
        return out;
    }
    YAML::Node out(YAML::NodeType::Map);
    for (auto it = node.begin(); it != node.end(); ++it) {
        QString key = text(it->first);
        if (key.contains(QLatin1String("{{"))) {
            auto k = renderString(key, params, mode);
            if (!k)
                return std::unexpected(errorAt(file, it->first, k.error().message));
            key = *k;
        }
        auto v = renderNode(it->second, params, mode, file, depth + 1);
        if (!v)
            return v;
        out[key.toStdString()] = *v;
    }
    return out;
}

// Go's path.Match: '*' and '?' stay within a segment, [...] classes; a malformed pattern matches
// nothing.
bool pathMatch(const QString &pattern, const QString &name)
{
    QString re;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*')) {
            re += QStringLiteral("[^/]*");
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0)
                return false;
            QString cls = pattern.mid(i + 1, close - i - 1);
            if (cls.startsWith(QLatin1Char('^')))
                cls[0] = QLatin1Char('^');
            cls.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            re += QLatin1Char('[') + cls + QLatin1Char(']');
            i = close;
        } else if (c == QLatin1Char('\\') && i + 1 < pattern.size()) {
            re += QRegularExpression::escape(pattern.at(++i));
        } else {
            re += QRegularExpression::escape(c);
        }
    }
    const QRegularExpression rx(QRegularExpression::anchoredPattern(re));
    return rx.isValid() && rx.match(name).hasMatch();
}

QString baseName(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    QString p = path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? p : p.mid(slash + 1);
}

QString dirName(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QStringLiteral(".") : path.left(slash);
}

// flatten.Flatten(DotStyle) with fmt %v values, as the git files generator does for
// fasttemplate.
void flatten(const QVariant &v, const QString &prefix, Params &out, int depth = 0)
{
    if (depth > 100)
        return;
    if (v.typeId() == QMetaType::QVariantMap) {
        const QVariantMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            flatten(it.value(), prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(),
                    out, depth + 1);
        return;
    }
    if (v.typeId() == QMetaType::QVariantList) {
        const QVariantList l = v.toList();
        for (int i = 0; i < l.size(); ++i)
            flatten(l.at(i),
                    prefix.isEmpty() ? QString::number(i)
                                     : prefix + QLatin1Char('.') + QString::number(i),
                    out, depth + 1);
        return;
    }
    out.insert(prefix, goPrint(v));
}

// Adds `values` (each templated with the parameters so far) as values.<k> / .values.<k>.
Result<void> addValues(const YAML::Node &values, Params &params, const Mode &mode,
                       const QString &file)
{
    if (!values || !values.IsMap())
        return {};
    QVariantMap rendered;
    for (auto it = values.begin(); it != values.end(); ++it) {
        auto r = renderString(text(it->second), params, mode);
        if (!r)
            return std::unexpected(errorAt(file, it->second, r.error().message));
        rendered.insert(text(it->first), *r);
    }
    if (mode.go) {
        params.insert(QStringLiteral("values"), rendered);
    } else {
        for (auto it = rendered.cbegin(); it != rendered.cend(); ++it)
            params.insert(QStringLiteral("values.") + it.key(), it.value());
    }
    return {};
}

// A label selector (matchLabels, matchExpressions) over a string map.
Result<bool> selectorMatches(const YAML::Node &selector, const QMap<QString, QString> &labels,
                             const QString &file)
{
    if (!selector || selector.IsNull())
        return true;
    const YAML::Node matchLabels = child(selector, "matchLabels");
    if (matchLabels && matchLabels.IsMap()) {
        for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
            const QString key = text(it->first);
            if (!labels.contains(key) || labels.value(key) != text(it->second))
                return false;
        }
    }
    const YAML::Node expressions = child(selector, "matchExpressions");
    if (expressions && expressions.IsSequence()) {
        for (const YAML::Node &e : expressions) {
            const QString key = text(child(e, "key"));
            const QString op = text(child(e, "operator"));
            QStringList values;
            const YAML::Node v = child(e, "values");
            if (v && v.IsSequence())
                for (const YAML::Node &x : v)
                    values << text(x);
            const bool has = labels.contains(key);
            if (op == QLatin1String("In")) {
                if (!has || !values.contains(labels.value(key)))
                    return false;
            } else if (op == QLatin1String("NotIn")) {
                if (has && values.contains(labels.value(key)))
                    return false;
            } else if (op == QLatin1String("Exists")) {
                if (!has)
                    return false;
            } else if (op == QLatin1String("DoesNotExist")) {
                if (has)
                    return false;
            } else {
                return std::unexpected(
                    errorAt(file, e,
                            QStringLiteral("\"%1\" is not a valid label selector "
                                           "operator")
                                .arg(op)));
            }
        }
    }
    return true;
}

bool selectorEmpty(const YAML::Node &selector)
{
    if (!selector || !selector.IsMap())
        return true;
    const YAML::Node l = child(selector, "matchLabels");
    const YAML::Node e = child(selector, "matchExpressions");
    return (!l || l.size() == 0) && (!e || e.size() == 0);
}

class Generator
{
public:
    Generator(const GeneratorContext &context, const Mode &mode, const QString &file)
        : m_context(context)
        , m_mode(mode)
        , m_file(file)
    {}

    Generated generate(const YAML::Node &gen, int depth)
    {
        if (!gen || !gen.IsMap())
            return std::unexpected(
                errorAt(m_file, gen, QStringLiteral("a generator must be a mapping")));
        if (depth > kMaxGeneratorDepth)
            return std::unexpected(
                errorAt(m_file, gen,
                        QStringLiteral("generators nested more than %1 levels deep")
                            .arg(kMaxGeneratorDepth)));
        Generated out = std::unexpected(Error{});
        int kinds = 0;
        static const char *const known[] = {"list", "clusters", "git", "matrix", "merge"};
        static const char *const unsupported[] = {"scmProvider", "pullRequest",
                                                  "clusterDecisionResource", "plugin"};
        for (const char *k : unsupported) {
            if (child(gen, k))
                return std::unexpected(unsupportedAt(
                    m_file, child(gen, k),
                    QStringLiteral(
                        "the %1 generator asks a server; Kanri cannot evaluate it offline")
                        .arg(QLatin1String(k))));
        }
        for (const char *k : known) {
            const YAML::Node g = child(gen, k);
            if (!g)
                continue;
            ++kinds;
            if (kinds > 1)
                return std::unexpected(
                    errorAt(m_file, gen, QStringLiteral("a generator must have exactly one kind")));
            const QString kind = QLatin1String(k);
            if (kind == QLatin1String("list"))
                out = list(g);
            else if (kind == QLatin1String("clusters"))
                out = clusters(g);
            else if (kind == QLatin1String("git"))
                out = git(g);
            else if (kind == QLatin1String("matrix"))
                out = matrix(g, depth);
            else
                out = merge(g, depth);
        }
        if (kinds == 0)
            return std::unexpected(errorAt(m_file, gen, QStringLiteral("unknown generator")));
        if (!out)
            return out;
        const YAML::Node selector = child(gen, "selector");
        if (!selectorEmpty(selector)) {
            ParamList kept;
            for (const Params &p : *out) {
                Params flat;
                flatten(p, {}, flat);
                QMap<QString, QString> labels;
                for (auto it = flat.cbegin(); it != flat.cend(); ++it)
                    labels.insert(it.key(), it.value().toString());
                auto m = selectorMatches(selector, labels, m_file);
                if (!m)
                    return std::unexpected(m.error());
                if (*m)
                    kept << p;
            }
            out = kept;
        }
        if (out->size() > m_context.maxApplications)
            return std::unexpected(errorAt(
                m_file, gen,
                QStringLiteral("more than %1 parameter sets").arg(m_context.maxApplications)));
        return out;
    }

private:
    Generated list(const YAML::Node &g)
    {
        ParamList out;
        YAML::Node elements = child(g, "elements");
        const YAML::Node elementsYaml = child(g, "elementsYaml");
        if (elementsYaml && elementsYaml.IsScalar()) {
            auto parsed = yaml::load(text(elementsYaml).toUtf8(), m_file);
            if (!parsed || !parsed->IsSequence())
                return std::unexpected(errorAt(m_file, elementsYaml,
                                               QStringLiteral("elementsYaml is not a YAML list")));
            elements.reset(*parsed); // rebinds; `=` would overwrite the node it refers to
        }
        if (!elements || elements.IsNull())
            return out;
        if (!elements.IsSequence())
            return std::unexpected(
                errorAt(m_file, elements, QStringLiteral("elements must be a list")));
        for (const YAML::Node &e : elements) {
            if (!e.IsMap())
                return std::unexpected(
                    errorAt(m_file, e, QStringLiteral("error unmarshling element: not an object")));
            if (m_mode.go) {
                out << toVariant(e).toMap();
                continue;
            }
            Params p;
            for (auto it = e.begin(); it != e.end(); ++it) {
                const QString key = text(it->first);
                if (key == QLatin1String("values")) {
                    if (!it->second.IsMap())
                        return std::unexpected(errorAt(m_file, it->second,
                                                       QStringLiteral("error parsing values map")));
                    for (auto v = it->second.begin(); v != it->second.end(); ++v) {
                        const QVariant value =
                            v->second.IsScalar() ? scalarValue(v->second) : QVariant();
                        if (value.typeId() != QMetaType::QString)
                            return std::unexpected(errorAt(
                                m_file, v->second,
                                QStringLiteral("error parsing value as string: %1 is not a string")
                                    .arg(text(v->first))));
                        p.insert(QStringLiteral("values.") + text(v->first), value);
                    }
                    continue;
                }
                const QVariant value = it->second.IsScalar() ? scalarValue(it->second) : QVariant();
                if (value.typeId() != QMetaType::QString)
                    return std::unexpected(errorAt(
                        m_file, it->second,
                        QStringLiteral("error parsing element: the value of '%1' is not a string "
                                       "(quote it, or use goTemplate)")
                            .arg(key)));
                p.insert(key, value);
            }
            out << p;
        }
        return out;
    }

    Generated clusters(const YAML::Node &g)
    {
        ParamList out;
        const YAML::Node selector = child(g, "selector");
        const bool includeLocal = selectorEmpty(selector);
        for (const Cluster &c : m_context.clusters) {
            const bool builtIn = c.file.isEmpty();
            if (builtIn && !includeLocal)
                continue;
            if (!builtIn) {
                auto m = selectorMatches(selector, c.labels, m_file);
                if (!m)
                    return std::unexpected(m.error());
                if (!*m)
                    continue;
            }
            Params p;
            p.insert(QStringLiteral("name"), c.name);
            p.insert(QStringLiteral("nameNormalized"), sanitizeName(c.name));
            p.insert(QStringLiteral("server"), c.server);
            if (!builtIn)
                p.insert(QStringLiteral("project"), c.project);
            if (m_mode.go) {
                if (!builtIn) {
                    QVariantMap labels, annotations;
                    for (auto it = c.labels.cbegin(); it != c.labels.cend(); ++it)
                        labels.insert(it.key(), it.value());
                    for (auto it = c.annotations.cbegin(); it != c.annotations.cend(); ++it)
                        annotations.insert(it.key(), it.value());
                    p.insert(QStringLiteral("metadata"),
                             QVariantMap{{QStringLiteral("labels"), labels},
                                         {QStringLiteral("annotations"), annotations}});
                }
            } else {
                for (auto it = c.labels.cbegin(); it != c.labels.cend(); ++it)
                    p.insert(QStringLiteral("metadata.labels.") + it.key(), it.value());
                for (auto it = c.annotations.cbegin(); it != c.annotations.cend(); ++it)
                    p.insert(QStringLiteral("metadata.annotations.") + it.key(), it.value());
            }
            if (auto r = addValues(child(g, "values"), p, m_mode, m_file); !r)
                return std::unexpected(r.error());
            out << p;
        }
        return out;
    }

    // The path parameters of a git generator: fasttemplate's flat keys or Go's nested map.
    void addPathParams(Params &params, const QString &prefix, const QVariantMap &path)
    {
        if (m_mode.go) {
            if (prefix.isEmpty()) {
                params.insert(QStringLiteral("path"), path);
            } else {
                QVariantMap outer = params.value(prefix).toMap();
                outer.insert(QStringLiteral("path"), path);
                params.insert(prefix, outer);
            }
            return;
        }
        const QString name =
            prefix.isEmpty() ? QStringLiteral("path") : prefix + QStringLiteral(".path");
        params.insert(name, path.value(QStringLiteral("path")));
        for (auto it = path.cbegin(); it != path.cend(); ++it) {
            if (it.key() == QLatin1String("path") || it.key() == QLatin1String("segments"))
                continue;
            params.insert(name + QLatin1Char('.') + it.key(), it.value());
        }
        const QVariantList segments = path.value(QStringLiteral("segments")).toList();
        for (int i = 0; i < segments.size(); ++i) {
            if (!segments.at(i).toString().isEmpty())
                params.insert(name + QStringLiteral("[%1]").arg(i), segments.at(i));
        }
    }

    Generated git(const YAML::Node &g)
    {
        const QString repoURL = text(child(g, "repoURL"));
        const QString revision = text(child(g, "revision"));
        if (!m_context.isThisRepository(repoURL, revision))
            return std::unexpected(unsupportedAt(
                m_file, g,
                QStringLiteral(
                    "the git generator reads %1 at %2, not this repository at the branch "
                    "in question; its applications are not known")
                    .arg(repoURL, revision.isEmpty() ? QStringLiteral("HEAD") : revision)));
        const QString prefix = text(child(g, "pathParamPrefix"));
        ParamList out;
        const YAML::Node directories = child(g, "directories");
        const YAML::Node files = child(g, "files");
        if (directories && directories.IsSequence()) {
            for (const QString &dir : m_context.files.directories()) {
                bool hidden = false;
                for (const QString &segment : dir.split(QLatin1Char('/')))
                    hidden = hidden || segment.startsWith(QLatin1Char('.'));
                if (hidden)
                    continue;
                bool include = false, exclude = false;
                for (const YAML::Node &d : directories) {
                    if (!pathMatch(text(child(d, "path")), dir))
                        continue;
                    if (text(child(d, "exclude")) == QLatin1String("true"))
                        exclude = true;
                    else
                        include = true;
                }
                if (!include || exclude)
                    continue;
                Params p;
                QVariantList segments;
                for (const QString &s : dir.split(QLatin1Char('/')))
                    segments << s;
                addPathParams(p, prefix,
                              {{QStringLiteral("path"), dir},
                               {QStringLiteral("basename"), baseName(dir)},
                               {QStringLiteral("basenameNormalized"), sanitizeName(baseName(dir))},
                               {QStringLiteral("segments"), segments}});
                if (auto r = addValues(child(g, "values"), p, m_mode, m_file); !r)
                    return std::unexpected(r.error());
                out << p;
                if (out.size() > m_context.maxApplications)
                    break;
            }
        } else if (files && files.IsSequence()) {
            for (const QString &file : m_context.files.files()) {
                bool include = false, exclude = false;
                for (const YAML::Node &f : files) {
                    if (!globMatches(text(child(f, "path")), file))
                        continue;
                    if (text(child(f, "exclude")) == QLatin1String("true"))
                        exclude = true;
                    else
                        include = true;
                }
                if (!include || exclude)
                    continue;
                auto bytes = m_context.files.read(file);
                if (!bytes)
                    return std::unexpected(bytes.error());
                auto doc = yaml::load(*bytes, file);
                if (!doc)
                    return std::unexpected(doc.error());
                QVariantList objects;
                const QVariant content = toVariant(*doc);
                if (content.typeId() == QMetaType::QVariantList)
                    objects = content.toList();
                else
                    objects << content;
                const QString dir = dirName(file);
                QVariantList segments;
                for (const QString &s : dir.split(QLatin1Char('/')))
                    segments << s;
                const QVariantMap path{
                    {QStringLiteral("path"), dir},
                    {QStringLiteral("basename"), baseName(dir)},
                    {QStringLiteral("filename"), baseName(file)},
                    {QStringLiteral("basenameNormalized"), sanitizeName(baseName(dir))},
                    {QStringLiteral("filenameNormalized"), sanitizeName(baseName(file))},
                    {QStringLiteral("segments"), segments}};
                for (const QVariant &object : objects) {
                    if (object.typeId() != QMetaType::QVariantMap)
                        return std::unexpected(Error{
                            QStringLiteral("unable to parse file: %1 is not an object or a list of "
                                           "objects")
                                .arg(file),
                            file, 1, 1, Error::Code::Syntax});
                    Params p;
                    if (m_mode.go)
                        p = object.toMap();
                    else
                        flatten(object, {}, p);
                    addPathParams(p, prefix, path);
                    if (auto r = addValues(child(g, "values"), p, m_mode, m_file); !r)
                        return std::unexpected(r.error());
                    out << p;
                }
                if (out.size() > m_context.maxApplications)
                    break;
            }
        } else {
            return std::unexpected(
                errorAt(m_file, g, QStringLiteral("the git generator needs directories or files")));
        }
        return out;
    }

    // Deep merge with override (mergo.WithOverride): maps merge, anything else is replaced.
    static QVariantMap mergeOverride(QVariantMap base, const QVariantMap &over)
    {
        for (auto it = over.cbegin(); it != over.cend(); ++it) {
            const QVariant existing = base.value(it.key());
            if (existing.typeId() == QMetaType::QVariantMap &&
                it.value().typeId() == QMetaType::QVariantMap)
                base.insert(it.key(), mergeOverride(existing.toMap(), it.value().toMap()));
            else
                base.insert(it.key(), it.value());
        }
        return base;
    }

    Generated matrix(const YAML::Node &g, int depth)
    {
        const YAML::Node gens = child(g, "generators");
        if (!gens || !gens.IsSequence() || gens.size() != 2)
            return std::unexpected(
                errorAt(m_file, g, QStringLiteral("matrix must have exactly 2 child generators")));
        auto first = generate(gens[0], depth + 1);
        if (!first)
            return first;
        ParamList out;
        for (const Params &a : *first) {
            auto interpolated = renderNode(gens[1], a, m_mode, m_file);
            if (!interpolated)
                return std::unexpected(interpolated.error());
            auto second = generate(*interpolated, depth + 1);
            if (!second) {
                Error e = second.error();
                if (e.line == 0) {
                    // Interpolated nodes have no marks: point at the original generator.
                    const Error at = errorAt(m_file, gens[1], e.message);
                    e.file = at.file;
                    e.line = at.line;
                    e.column = at.column;
                }
                return std::unexpected(e);
            }
            for (const Params &b : *second) {
                if (m_mode.go) {
                    out << mergeOverride(mergeOverride({}, b), a);
                    continue;
                }
                Params combined = a;
                for (auto it = b.cbegin(); it != b.cend(); ++it) {
                    if (combined.contains(it.key()) && combined.value(it.key()) != it.value())
                        return std::unexpected(
                            errorAt(m_file, g,
                                    QStringLiteral(
                                        "found duplicate key %1 with different value, a: %2 ,b: %3")
                                        .arg(it.key(), combined.value(it.key()).toString(),
                                             it.value().toString())));
                    combined.insert(it.key(), it.value());
                }
                out << combined;
            }
            if (out.size() > m_context.maxApplications)
                return std::unexpected(errorAt(
                    m_file, g,
                    QStringLiteral("more than %1 parameter sets").arg(m_context.maxApplications)));
        }
        return out;
    }

    Generated merge(const YAML::Node &g, int depth)
    {
        const YAML::Node gens = child(g, "generators");
        const YAML::Node keysNode = child(g, "mergeKeys");
        if (!gens || !gens.IsSequence() || gens.size() < 2)
            return std::unexpected(
                errorAt(m_file, g, QStringLiteral("merge must have at least 2 child generators")));
        QStringList keys;
        if (keysNode && keysNode.IsSequence())
            for (const YAML::Node &k : keysNode)
                if (!keys.contains(text(k)))
                    keys << text(k);
        if (keys.isEmpty())
            return std::unexpected(
                errorAt(m_file, g, QStringLiteral("no merge keys were specified")));
        auto keyOf = [&keys](const Params &p) {
            QVariantMap k;
            for (const QString &key : keys)
                k.insert(key, p.value(key));
            return QString::fromUtf8(QJsonDocument::fromVariant(k).toJson(QJsonDocument::Compact));
        };
        auto base = generate(gens[0], depth + 1);
        if (!base)
            return base;
        QStringList order;
        QHash<QString, Params> byKey;
        for (const Params &p : *base) {
            const QString k = keyOf(p);
            if (byKey.contains(k))
                return std::unexpected(
                    errorAt(m_file, gens[0],
                            QStringLiteral(
                                "the parameters from a generator were not unique by the given "
                                "mergeKeys, Merge requires all param sets to be unique. Duplicate "
                                "key was %1")
                                .arg(k)));
            byKey.insert(k, p);
            order << k;
        }
        for (std::size_t i = 1; i < gens.size(); ++i) {
            auto other = generate(gens[i], depth + 1);
            if (!other)
                return other;
            QHash<QString, Params> otherByKey;
            for (const Params &p : *other) {
                const QString k = keyOf(p);
                if (otherByKey.contains(k))
                    return std::unexpected(
                        errorAt(m_file, gens[i],
                                QStringLiteral(
                                    "the parameters from a generator were not unique by the given "
                                    "mergeKeys, Merge requires all param sets to be unique. "
                                    "Duplicate key was %1")
                                    .arg(k)));
                otherByKey.insert(k, p);
            }
            for (const QString &k : std::as_const(order)) {
                const auto o = otherByKey.constFind(k);
                if (o == otherByKey.cend())
                    continue;
                if (m_mode.go) {
                    byKey[k] = mergeOverride(byKey.value(k), *o);
                } else {
                    Params merged = byKey.value(k);
                    for (auto it = o->cbegin(); it != o->cend(); ++it)
                        merged.insert(it.key(), it.value());
                    byKey[k] = merged;
                }
            }
        }
        ParamList out;
        for (const QString &k : std::as_const(order))
            out << byKey.value(k);
        return out;
    }

    const GeneratorContext &m_context;
    Mode m_mode;
    QString m_file;
};

// Deep merge of YAML maps: `over`'s entries replace `base`'s, maps merge (a generator's own
// template over spec.template; templatePatch over an Application).
YAML::Node mergeNodes(const YAML::Node &base, const YAML::Node &over, int depth = 0)
{
    if (!over || over.IsNull())
        return YAML::Clone(base);
    if (!base || !base.IsMap() || !over.IsMap() || depth > 100)
        return YAML::Clone(over);
    YAML::Node out = YAML::Clone(base);
    for (auto it = over.begin(); it != over.end(); ++it) {
        const std::string key = it->first.Scalar();
        const YAML::Node existing = child(out, key);
        out[key] = existing ? mergeNodes(existing, it->second, depth + 1) : YAML::Clone(it->second);
    }
    return out;
}

} // namespace

std::vector<YAML::Node> generateApplications(const YAML::Node &set, const QString &file,
                                             const GeneratorContext &context,
                                             QList<Error> &problems)
{
    const QString setName = text(child(child(set, "metadata"), "name"));
    const YAML::Node spec = child(set, "spec");
    if (!spec || !spec.IsMap()) {
        problems.append(
            errorAt(file, set, QStringLiteral("ApplicationSet %1 without a spec").arg(setName)));
        return {};
    }
    Mode mode;
    mode.go = text(child(spec, "goTemplate")) == QLatin1String("true");
    const YAML::Node optionsNode = child(spec, "goTemplateOptions");
    if (optionsNode && !optionsNode.IsNull()) {
        QStringList options;
        if (!optionsNode.IsSequence()) {
            problems.append(
                errorAt(file, optionsNode, QStringLiteral("goTemplateOptions must be a list")));
            return {};
        }
        for (const YAML::Node &o : optionsNode)
            options << text(o);
        auto parsed = parseGoTemplateOptions(options);
        if (!parsed) {
            problems.append(errorAt(file, optionsNode, parsed.error().message));
            return {};
        }
        mode.options = *parsed;
    }
    const YAML::Node templ = child(spec, "template");
    if (!templ || !templ.IsMap()) {
        problems.append(
            errorAt(file, spec, QStringLiteral("ApplicationSet %1 has no template").arg(setName)));
        return {};
    }
    const YAML::Node patch = child(spec, "templatePatch");
    if (patch && !mode.go) {
        problems.append(
            errorAt(file, patch, QStringLiteral("templatePatch requires goTemplate: true")));
        return {};
    }
    const YAML::Node generators = child(spec, "generators");
    if (!generators || !generators.IsSequence()) {
        problems.append(errorAt(
            file, spec, QStringLiteral("ApplicationSet %1 has no generators list").arg(setName)));
        return {};
    }

    Generator generator(context, mode, file);
    std::vector<YAML::Node> apps;
    QSet<QString> names;
    for (const YAML::Node &g : generators) {
        auto params = generator.generate(g, 0);
        if (!params) {
            Error e = params.error();
            e.message = QStringLiteral("ApplicationSet %1: %2").arg(setName, e.message);
            problems.append(e);
            return {};
        }
        const YAML::Node own = child(g, "template");
        const YAML::Node effective = own && own.IsMap() ? mergeNodes(templ, own) : templ;
        for (const Params &p : *params) {
            auto app = renderNode(effective, p, mode, file);
            if (!app) {
                Error e = app.error();
                e.message = QStringLiteral("ApplicationSet %1: %2").arg(setName, e.message);
                problems.append(e);
                return {};
            }
            if (patch) {
                auto rendered = renderString(text(patch), p, mode);
                if (!rendered) {
                    problems.append(errorAt(file, patch,
                                            QStringLiteral("ApplicationSet %1: %2")
                                                .arg(setName, rendered.error().message)));
                    return {};
                }
                auto parsed = yaml::load(rendered->toUtf8(), file);
                if (!parsed || (!parsed->IsMap() && !parsed->IsNull())) {
                    problems.append(
                        errorAt(file, patch,
                                QStringLiteral("ApplicationSet %1: templatePatch does not "
                                               "render to a YAML mapping")
                                    .arg(setName)));
                    return {};
                }
                *app = mergeNodes(*app, *parsed);
            }
            YAML::Node out(YAML::NodeType::Map);
            out["apiVersion"] = "argoproj.io/v1alpha1";
            out["kind"] = "Application";
            for (auto it = app->begin(); it != app->end(); ++it)
                out[it->first.Scalar()] = it->second;
            const QString name = text(child(child(out, "metadata"), "name"));
            if (names.contains(name)) {
                problems.append(
                    errorAt(file, set,
                            QStringLiteral("ApplicationSet %1 contains applications with "
                                           "duplicate name: %2")
                                .arg(setName, name)));
                return {};
            }
            names.insert(name);
            apps.push_back(out);
            if (int(apps.size()) > context.maxApplications) {
                problems.append(errorAt(file, set,
                                        QStringLiteral("ApplicationSet %1 generates more than %2 "
                                                       "applications")
                                            .arg(setName)
                                            .arg(context.maxApplications)));
                return {};
            }
        }
    }
    return apps;
}

} // namespace kanri::argocd::detail
