#include "rules/ruleengine.h"

#include "core/fileio.h"
#include "platform/catalog.h"
#include "rules/ruledeprecations.h"
#include "rules/rulesources.h"
#include "yaml/yamldocument.h"
#include "yaml/yamlvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

QString str(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// node[a][b]... without yaml-cpp's InvalidNode exception when a step is missing or not a map.
YAML::Node dig(const YAML::Node &node, std::initializer_list<const char *> path)
{
    YAML::Node current = node;
    for (const char *key : path) {
        if (!current || !current.IsMap())
            return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node next = std::as_const(current)[key];
        if (!next)
            return YAML::Node(YAML::NodeType::Undefined);
        current.reset(next); // rebinds; `=` would overwrite the node it refers to
    }
    return current;
}

// The rendered-output rules read documents through these, as yaml-cpp nodes or as yaml::Value
// (a null pointer: absent), with the same answers: a scalar's text ("" for null), a missing
// step of a path is absent, a sequence's items.
bool isMap(const YAML::Node &node)
{
    return node.IsMap();
}

bool isSequence(const YAML::Node &node)
{
    return node.IsSequence();
}

bool isDefined(const YAML::Node &node)
{
    return node.IsDefined();
}

std::vector<YAML::Node> items(const YAML::Node &node)
{
    std::vector<YAML::Node> out;
    for (const YAML::Node &item : node)
        out.push_back(item);
    return out;
}

using ValueRef = const yaml::Value *;

QString str(ValueRef value)
{
    return value && value->isScalar() && !value->isNull() ? QString::fromStdString(value->text)
                                                          : QString();
}

ValueRef dig(ValueRef value, std::initializer_list<const char *> path)
{
    for (const char *key : path) {
        if (!value || !value->isMap())
            return nullptr;
        value = value->get(key);
    }
    return value;
}

bool isMap(ValueRef value)
{
    return value && value->isMap();
}

bool isSequence(ValueRef value)
{
    return value && value->isSeq();
}

bool isDefined(ValueRef value)
{
    return value != nullptr;
}

std::vector<ValueRef> items(ValueRef value)
{
    std::vector<ValueRef> out;
    if (value && value->isSeq()) {
        for (const yaml::Value &item : value->items)
            out.push_back(&item);
    }
    return out;
}

Finding makeFinding(const FindingPlace &place, const QString &rule, Severity severity,
                    const QString &message, const QString &hint, const QString &absFile, int line,
                    int column)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.message = message;
    f.hint = hint;
    f.repository = place.repositoryRoot;
    if (!absFile.isEmpty()) {
        f.path = QDir(place.repositoryRoot).relativeFilePath(absFile);
        f.file = QDir(place.displayRoot).relativeFilePath(absFile);
    }
    f.line = line;
    f.column = column;
    return f;
}

// Human form of a quantity for messages: cores or bytes with a binary suffix.
QString formatCpu(double cores)
{
    if (cores < 1)
        return QStringLiteral("%1m").arg(std::round(cores * 1000));
    return QString::number(cores);
}

QString formatMemory(double bytes)
{
    const char *units[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};
    int u = 0;
    while (bytes >= 1024 && u < 5) {
        bytes /= 1024;
        ++u;
    }
    return QString::number(bytes, 'g', 4) + QString::fromLatin1(units[u]);
}

template<class Node> struct PodSpec
{
    Node spec;
    QString prefix; // field path of the pod spec in the resource
};

template<class Node> std::optional<PodSpec<Node>> podSpecOf(const QString &kind, const Node &doc)
{
    static const QSet<QString> templated{
        QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
        QStringLiteral("DaemonSet"),  QStringLiteral("ReplicaSet"),
        QStringLiteral("Job"),        QStringLiteral("ReplicationController")};
    if (templated.contains(kind)) {
        const Node s = dig(doc, {"spec", "template", "spec"});
        if (isMap(s))
            return PodSpec<Node>{s, QStringLiteral("spec.template.spec")};
    } else if (kind == QLatin1String("CronJob")) {
        const Node s = dig(doc, {"spec", "jobTemplate", "spec", "template", "spec"});
        if (isMap(s))
            return PodSpec<Node>{s, QStringLiteral("spec.jobTemplate.spec.template.spec")};
    } else if (kind == QLatin1String("Pod")) {
        const Node s = dig(doc, {"spec"});
        if (isMap(s))
            return PodSpec<Node>{s, QStringLiteral("spec")};
    }
    return std::nullopt;
}

struct ImageRef
{
    QString name;   // without tag and digest
    QString tag;    // empty when none
    QString digest; // empty when none
};

ImageRef parseImage(const QString &image)
{
    ImageRef ref;
    QString rest = image;
    if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        ref.digest = rest.mid(at + 1);
        rest = rest.left(at);
    }
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon > slash) {
        ref.tag = rest.mid(colon + 1);
        rest = rest.left(colon);
    }
    ref.name = rest;
    return ref;
}

// Kinds that live outside namespaces; everything else is expected in the service's namespace.
bool isClusterScoped(const QString &kind)
{
    static const QSet<QString> kinds{
        QStringLiteral("Namespace"),
        QStringLiteral("ClusterRole"),
        QStringLiteral("ClusterRoleBinding"),
        QStringLiteral("CustomResourceDefinition"),
        QStringLiteral("MutatingWebhookConfiguration"),
        QStringLiteral("ValidatingWebhookConfiguration"),
        QStringLiteral("ValidatingAdmissionPolicy"),
        QStringLiteral("ValidatingAdmissionPolicyBinding"),
        QStringLiteral("APIService"),
        QStringLiteral("PriorityClass"),
        QStringLiteral("StorageClass"),
        QStringLiteral("PersistentVolume"),
        QStringLiteral("PodSecurityPolicy"),
        QStringLiteral("RuntimeClass"),
        QStringLiteral("IngressClass"),
        QStringLiteral("CSIDriver"),
        QStringLiteral("CSINode"),
        QStringLiteral("VolumeAttachment"),
        QStringLiteral("CertificateSigningRequest"),
        QStringLiteral("FlowSchema"),
        QStringLiteral("PriorityLevelConfiguration"),
        QStringLiteral("ClusterIssuer"),
    };
    return kinds.contains(kind);
}

template<class Node> class RenderedChecker
{
    Q_DECLARE_TR_FUNCTIONS(kanri::platform::RenderedChecker)

public:
    RenderedChecker(const RenderTarget &target, const RuleConfig &config,
                    const KustomizeSources &sources)
        : t(target)
        , config(config)
        , sources(sources)
    {}

    QList<Finding> findings;

    void check(const Node &doc)
    {
        if (!isMap(doc))
            return;
        const QString apiVersion = str(dig(doc, {"apiVersion"}));
        const QString kind = str(dig(doc, {"kind"}));
        const QString name = str(dig(doc, {"metadata", "name"}));
        checkDeprecation(apiVersion, kind, name);
        checkTenancy(doc, kind, name);
        if (auto pod = podSpecOf(kind, doc)) {
            for (const char *list : {"containers", "initContainers"}) {
                const Node containers = dig(pod->spec, {list});
                if (!isSequence(containers))
                    continue;
                for (const Node &c : items(containers)) {
                    const QString path =
                        QStringLiteral("%1.%2[name=%3]")
                            .arg(pod->prefix, QString::fromLatin1(list), str(dig(c, {"name"})));
                    if (std::strcmp(list, "containers") == 0)
                        checkResources(kind, name, c, path);
                    checkImage(kind, name, c, path);
                }
            }
        }
        if (kind == QLatin1String("HorizontalPodAutoscaler"))
            checkHpa(doc, name);
        if (kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet"))
            scaled.append({kind, name, isDefined(dig(doc, {"spec", "replicas"}))});
    }

    void finish()
    {
        reportNamespaces();
        if (!config.isEnabled(QStringLiteral("hpa/replicas-with-hpa")))
            return;
        for (const auto &w : std::as_const(scaled)) {
            if (!w.setsReplicas || !hpaTargets.contains(w.kind + QLatin1Char('/') + w.name))
                continue;
            auto loc = sources.replicasSetting(w.name);
            if (!loc)
                loc =
                    sources.field(w.kind, w.name, parseFieldPath(QStringLiteral("spec.replicas")));
            add(QStringLiteral("hpa/replicas-with-hpa"), Severity::Warning,
                tr("%1 %2 sets replicas while a HorizontalPodAutoscaler scales it")
                    .arg(w.kind, w.name),
                tr("remove spec.replicas (and the replicas: entry); the HPA's minReplicas decides"),
                loc);
        }
    }

private:
    const RenderTarget &t;
    const RuleConfig &config;
    const KustomizeSources &sources;
    struct Workload
    {
        QString kind, name;
        bool setsReplicas;
    };
    QList<Workload> scaled;
    QSet<QString> hpaTargets;

    void add(const QString &rule, Severity severity, const QString &message, const QString &hint,
             const std::optional<SourcePlace> &loc)
    {
        Finding f = makeFinding(t.place, rule, severity, message, hint, loc ? loc->file : t.dir,
                                loc ? loc->line : 0, loc ? loc->column : 0);
        f.service = t.service;
        f.environment = t.environment;
        findings.append(f);
    }

    void checkDeprecation(const QString &apiVersion, const QString &kind, const QString &name)
    {
        const auto api = findDeprecatedApi(apiVersion, kind);
        if (!api)
            return;
        const bool removed =
            compareKubernetesVersions(config.kubernetesVersion, api->removedIn) >= 0;
        const bool deprecated =
            compareKubernetesVersions(config.kubernetesVersion, api->deprecatedIn) >= 0;
        if (!removed && !deprecated)
            return;
        QString message = removed
                              ? tr("%1 %2 was removed in Kubernetes %3 (target %4)")
                                    .arg(apiVersion, kind, api->removedIn, config.kubernetesVersion)
                              : tr("%1 %2 is deprecated since Kubernetes %3 and removed in %4")
                                    .arg(apiVersion, kind, api->deprecatedIn, api->removedIn);
        QString hint = api->replacement.isEmpty() ? tr("%1 has no replacement").arg(kind)
                                                  : tr("use apiVersion: %1").arg(api->replacement);
        if (!api->note.isEmpty())
            hint += QStringLiteral("; ") + api->note;
        add(QStringLiteral("k8s/deprecated-api"), removed ? Severity::Error : Severity::Warning,
            message, hint, sources.resourceKey(kind, name, QStringLiteral("apiVersion")));
    }

    void checkTenancy(const Node &doc, const QString &kind, const QString &name)
    {
        if (t.platform)
            return;
        if (config.reservedKinds.contains(kind)) {
            add(QStringLiteral("tenancy/reserved-kind"), Severity::Error,
                tr("%1 %2 is reserved to the SRE team and may only be added under the platform "
                   "folders")
                    .arg(kind, name),
                tr("ask the SRE team to add it in a platform folder, or remove it from this "
                   "kustomization"),
                sources.resourceKey(kind, name, QStringLiteral("kind")));
        }
        if (t.expectedNamespace.isEmpty() || isClusterScoped(kind) ||
            config.reservedKinds.contains(kind))
            return;
        const QString ns = str(dig(doc, {"metadata", "namespace"}));
        if (ns == t.expectedNamespace)
            return;
        bool exact = false;
        auto loc =
            sources.field(kind, name, parseFieldPath(QStringLiteral("metadata.namespace")), &exact);
        if (!loc || !exact || ns.isEmpty())
            loc = sources.namespaceSetting();
        if (!loc)
            loc = SourcePlace{QDir(t.dir).filePath(QStringLiteral("kustomization.yaml")), 0, 0};
        // One finding per place that sets the namespace, naming every object it moves.
        const QString key = QStringLiteral("%1:%2:%3").arg(loc->file).arg(loc->line).arg(ns);
        WrongNamespace &w = wrongNamespaces[key];
        w.location = *loc;
        w.nameSpace = ns;
        w.objects << kind + QLatin1Char('/') + name;
    }

    struct WrongNamespace
    {
        SourcePlace location;
        QString nameSpace;
        QStringList objects;
    };
    QMap<QString, WrongNamespace> wrongNamespaces;

    void reportNamespaces()
    {
        for (const WrongNamespace &w : std::as_const(wrongNamespaces)) {
            const QString objects = w.objects.join(QStringLiteral(", "));
            add(QStringLiteral("tenancy/namespace"), Severity::Error,
                w.nameSpace.isEmpty()
                    ? tr("%1 render(s) without a namespace; %2 must render into namespace %3")
                          .arg(objects, t.service, t.expectedNamespace)
                    : tr("%1 render(s) into namespace %2; %3 may only use namespace %4")
                          .arg(objects, w.nameSpace, t.service, t.expectedNamespace),
                tr("set `namespace: %1` in the overlay's kustomization.yaml")
                    .arg(t.expectedNamespace),
                w.location);
        }
    }

    void checkRange(const QString &kind, const QString &name, const QString &path,
                    const QString &ruleBase, const QString &what, double value,
                    const Threshold &range, bool cpu)
    {
        const auto fmt = [cpu](double v) { return cpu ? formatCpu(v) : formatMemory(v); };
        const auto report = [&](const char *direction, Severity severity, double limit) {
            const bool above = std::strcmp(direction, "above") == 0;
            add(ruleBase + (above ? QStringLiteral("-too-high") : QStringLiteral("-too-low")),
                severity,
                (above ? tr("%1 in %3 is %2, above %4") : tr("%1 in %3 is %2, below %4"))
                    .arg(what, fmt(value), kind + QLatin1Char('/') + name, fmt(limit)),
                tr("check the unit (\"500m\" is half a core, \"48\" is 48 cores); the platform's "
                   "range is set under rules.thresholds in .kanri.yaml"),
                sources.field(kind, name, parseFieldPath(path)));
        };
        if (range.errorAbove && value > *range.errorAbove)
            report("above", Severity::Error, *range.errorAbove);
        else if (range.warningAbove && value > *range.warningAbove)
            report("above", Severity::Warning, *range.warningAbove);
        else if (range.errorBelow && value < *range.errorBelow)
            report("below", Severity::Error, *range.errorBelow);
        else if (range.warningBelow && value < *range.warningBelow)
            report("below", Severity::Warning, *range.warningBelow);
    }

    void checkResources(const QString &kind, const QString &name, const Node &c,
                        const QString &path)
    {
        const QString container = str(dig(c, {"name"}));
        const Node res = dig(c, {"resources"});
        QStringList missing;
        std::optional<double> values[2][2]; // [requests, limits][cpu, memory]
        const char *sections[] = {"requests", "limits"};
        const char *resources[] = {"cpu", "memory"};
        for (int s = 0; s < 2; ++s) {
            for (int r = 0; r < 2; ++r) {
                const QString text = str(dig(res, {sections[s], resources[r]}));
                if (text.isEmpty()) {
                    missing << QStringLiteral("%1.%2").arg(QString::fromLatin1(sections[s]),
                                                           QString::fromLatin1(resources[r]));
                    continue;
                }
                values[s][r] = r == 0 ? parseCpu(text) : parseMemory(text);
            }
        }
        if (!missing.isEmpty()) {
            bool exact = false;
            auto loc = sources.field(kind, name,
                                     parseFieldPath(path + QStringLiteral(".resources")), &exact);
            add(QStringLiteral("k8s/resources-missing"), Severity::Warning,
                tr("container %1 of %2/%3 has no %4")
                    .arg(container, kind, name, missing.join(QStringLiteral(", "))),
                tr("set resources.requests (what the pod is scheduled with) and resources.limits "
                   "for cpu and memory"),
                loc);
        }
        const Threshold *ranges[2][2] = {{&config.cpuRequests, &config.memoryRequests},
                                         {&config.cpuLimits, &config.memoryLimits}};
        const char *ruleBase[2][2] = {{"k8s/cpu-request", "k8s/memory-request"},
                                      {"k8s/cpu-limit", "k8s/memory-limit"}};
        for (int s = 0; s < 2; ++s) {
            for (int r = 0; r < 2; ++r) {
                if (!values[s][r])
                    continue;
                const QString field = QStringLiteral("%1.resources.%2.%3")
                                          .arg(path, QString::fromLatin1(sections[s]),
                                               QString::fromLatin1(resources[r]));
                checkRange(kind, name, field, QString::fromLatin1(ruleBase[s][r]),
                           (s == 0 ? tr("the %1 request of container %2")
                                   : tr("the %1 limit of container %2"))
                               .arg(QString::fromLatin1(resources[r]), container),
                           *values[s][r], *ranges[s][r], r == 0);
            }
        }
        for (int r = 0; r < 2; ++r) {
            if (values[0][r] && values[1][r] && *values[1][r] < *values[0][r]) {
                const QString res = QString::fromLatin1(resources[r]);
                add(QStringLiteral("k8s/limit-below-request"), Severity::Error,
                    tr("container %1 of %2/%3 has a %4 limit below its request")
                        .arg(container, kind, name, res),
                    tr("raise limits.%1 to at least requests.%1").arg(res),
                    sources.field(
                        kind, name,
                        parseFieldPath(path + QStringLiteral(".resources.limits.") + res)));
            }
        }
    }

    void checkImage(const QString &kind, const QString &name, const Node &c, const QString &path)
    {
        const QString image = str(dig(c, {"image"}));
        if (image.isEmpty())
            return;
        const ImageRef ref = parseImage(image);
        const auto imageLoc = [&](const char *transformerField) {
            auto loc = sources.imageSetting(ref.name, QString::fromLatin1(transformerField));
            if (!loc)
                loc = sources.field(kind, name, parseFieldPath(path + QStringLiteral(".image")));
            return loc;
        };
        if (ref.digest.isEmpty() && (ref.tag.isEmpty() || ref.tag == QLatin1String("latest"))) {
            add(QStringLiteral("image/latest-tag"), Severity::Error,
                ref.tag.isEmpty()
                    ? tr("image %1 of container %2 has no tag").arg(image, str(dig(c, {"name"})))
                    : tr("image %1 of container %2 is tagged latest")
                          .arg(image, str(dig(c, {"name"}))),
                tr("pin a version (newTag in the overlay's images: entry, or the tag in image:) so "
                   "that a rollout is reproducible"),
                imageLoc("newTag"));
        }
        if (t.service.isEmpty() || t.ownRepository.isEmpty())
            return;
        // registry-host/project/REPOSITORY/image: the repository is a folder, not the image.
        const QStringList segments =
            ref.name.split(QLatin1Char('/')).mid(0, ref.name.count(QLatin1Char('/')));
        if (segments.contains(t.ownRepository))
            return;
        for (const QString &allowed : config.registries) {
            if (ref.name == allowed || ref.name.startsWith(allowed + QLatin1Char('/')))
                return;
        }
        // The other service's repository among the folders; with several, the last one listed.
        QString other;
        if (t.repositoryOrder) {
            qsizetype last = -1;
            for (const QString &segment : segments) {
                const auto it = t.repositoryOrder->constFind(segment);
                if (it != t.repositoryOrder->constEnd() && segment != t.ownRepository &&
                    *it > last) {
                    last = *it;
                    other = segment;
                }
            }
        } else {
            for (const QString &repo : t.otherRepositories) {
                if (segments.contains(repo))
                    other = repo;
            }
        }
        if (other.isEmpty() && config.registries.isEmpty())
            return; // a third-party image and no list of allowed registries to judge it by
        add(QStringLiteral("image/registry"), Severity::Warning,
            other.isEmpty()
                ? tr("image %1 of %2 comes from neither the service's repository %3 nor an "
                     "allowed registry")
                      .arg(ref.name, t.service, t.ownRepository)
                : tr("image %1 of %2 comes from the repository %3 of another service, not %4")
                      .arg(ref.name, t.service, other, t.ownRepository),
            tr("push the image to the service's own repository (%1), or add the registry to "
               "rules.registries in .kanri.yaml")
                .arg(t.ownRepository),
            imageLoc("newName"));
    }

    void checkHpa(const Node &doc, const QString &name)
    {
        const Node spec = dig(doc, {"spec"});
        const QString targetKind = str(dig(spec, {"scaleTargetRef", "kind"}));
        const QString targetName = str(dig(spec, {"scaleTargetRef", "name"}));
        if (!targetKind.isEmpty())
            hpaTargets.insert(targetKind + QLatin1Char('/') + targetName);
        bool okMin = true, okMax = false;
        const QString minText = str(dig(spec, {"minReplicas"}));
        const int minReplicas = minText.isEmpty() ? 1 : minText.toInt(&okMin);
        const int maxReplicas = str(dig(spec, {"maxReplicas"})).toInt(&okMax);
        const QString hpa = QStringLiteral("HorizontalPodAutoscaler");
        if (okMin && !minText.isEmpty() && minReplicas < 1) {
            add(QStringLiteral("hpa/min-below-one"), Severity::Error,
                tr("HorizontalPodAutoscaler %1 has minReplicas %2").arg(name).arg(minReplicas),
                tr("minReplicas must be at least 1 (scaling to zero needs a feature gate)"),
                sources.field(hpa, name, parseFieldPath(QStringLiteral("spec.minReplicas"))));
        }
        if (okMin && okMax && minReplicas > maxReplicas) {
            add(QStringLiteral("hpa/min-above-max"), Severity::Error,
                tr("HorizontalPodAutoscaler %1 has minReplicas %2 above maxReplicas %3")
                    .arg(name)
                    .arg(minReplicas)
                    .arg(maxReplicas),
                tr("lower minReplicas or raise maxReplicas"),
                sources.field(hpa, name,
                              parseFieldPath(minText.isEmpty()
                                                 ? QStringLiteral("spec.maxReplicas")
                                                 : QStringLiteral("spec.minReplicas"))));
        }
    }
};

} // namespace

QList<Finding> checkRendered(const RenderTarget &target, const QByteArray &rendered,
                             const RuleConfig &config, const KustomizeSources &sources)
{
    // yaml::Value reads the output in less than half the time yaml-cpp nodes take, within the
    // limits yaml::loadAll keeps. It refuses some streams yaml-cpp reads (a key twice in one
    // mapping): those are read, and their errors reported, with yaml-cpp as before.
    yaml::ParseLimits limits;
    limits.maxBytes = yaml::YamlDocument::MaxBytes;
    limits.maxDepth = yaml::YamlDocument::MaxDepth;
    limits.maxNodes = yaml::YamlDocument::MaxExpandedNodes;
    if (const auto values = yaml::parseDocuments(rendered, {}, limits)) {
        RenderedChecker<ValueRef> checker(target, config, sources);
        for (const yaml::Value &doc : *values)
            checker.check(&doc);
        checker.finish();
        return checker.findings;
    }
    RenderedChecker<YAML::Node> checker(target, config, sources);
    if (auto docs = yaml::loadAll(rendered)) {
        for (const YAML::Node &doc : *docs)
            checker.check(doc);
    } else {
        Finding f =
            makeFinding(target.place, QStringLiteral("lint/render-failed"), Severity::Error,
                        tr("the rendered output does not parse: %1").arg(docs.error().toString()),
                        {}, target.dir, 0, 0);
        f.service = target.service;
        f.environment = target.environment;
        checker.findings.append(f);
    }
    checker.finish();
    return checker.findings;
}

// ---- Catalog rules -------------------------------------------------------------------------

namespace {

// The line of `field = ...` inside the entry starting at `entryLine` of a Terraform file.
int fieldLine(const QList<QByteArray> &lines, int entryLine, const QString &field)
{
    const QRegularExpression rx(
        QStringLiteral("^\\s*\"?%1\"?\\s*[=:]").arg(QRegularExpression::escape(field)));
    const QByteArray entry = lines.value(entryLine - 1);
    const QByteArray trimmedEntry = entry.trimmed();
    const qsizetype indent = trimmedEntry.isEmpty() ? 0 : entry.indexOf(trimmedEntry);
    for (qsizetype i = entryLine; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith('}') && line.indexOf('}') <= indent)
            break;
        if (rx.match(QString::fromUtf8(line)).hasMatch())
            return int(i + 1);
    }
    return entryLine;
}

struct FileLines
{
    SourceReader read;
    QHash<QString, QList<QByteArray>> cache;
    const QList<QByteArray> &get(const QString &path)
    {
        auto it = cache.find(path);
        if (it == cache.end()) {
            auto bytes = read ? read(path) : readFile(path);
            it = cache.insert(path, bytes ? bytes->split('\n') : QList<QByteArray>{});
        }
        return *it;
    }
};

// Does a literal (as the HCL reader converts it to JSON) fit a Terraform type expression?
// Fields holding an expression (MapEntryRef::expressions) are not checked: their value is only
// known when Terraform evaluates them.
bool fitsType(const QJsonValue &value, const QString &type)
{
    const QString tpe = type.trimmed();
    if (value.isNull())
        return true;
    if (tpe == QLatin1String("string"))
        return value.isString() || value.isDouble() || value.isBool();
    if (tpe == QLatin1String("bool"))
        return value.isBool() || (value.isString() && (value.toString() == QLatin1String("true") ||
                                                       value.toString() == QLatin1String("false")));
    if (tpe == QLatin1String("number"))
        return value.isDouble();
    if (tpe.startsWith(QLatin1String("list")) || tpe.startsWith(QLatin1String("set")) ||
        tpe.startsWith(QLatin1String("tuple")))
        return value.isArray();
    if (tpe.startsWith(QLatin1String("map")) || tpe.startsWith(QLatin1String("object")))
        return value.isObject();
    return true; // any, or a type Kanri does not model
}

QString baseType(QString type)
{
    type = type.trimmed();
    if (type.startsWith(QLatin1String("optional(")) && type.endsWith(QLatin1Char(')'))) {
        type = type.mid(9, type.size() - 10);
        // optional(T, default): drop the default.
        int depth = 0;
        for (qsizetype i = 0; i < type.size(); ++i) {
            const QChar c = type.at(i);
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                --depth;
            else if (c == QLatin1Char(',') && depth == 0)
                return type.left(i).trimmed();
        }
    }
    return type;
}

QStringList repositoryFiles(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(root).relativeFilePath(it.next());
        if (rel == QLatin1String(".git") || rel.startsWith(QLatin1String(".git/")) ||
            rel.contains(QLatin1String("/.terraform/")) ||
            rel.startsWith(QLatin1String(".terraform/")))
            continue;
        out << rel;
    }
    out.sort();
    return out;
}

void checkCodeOwners(const CodeOwners &owners, const QString &root, const QString &displayRoot,
                     const QHash<QString, std::optional<QByteArray>> &unsaved, QList<Finding> &out)
{
    if (root.isEmpty() || owners.fileName().isEmpty())
        return;
    const FindingPlace place{displayRoot, root};
    const QString ownersFile = QDir(root).filePath(owners.fileName());
    QStringList files = repositoryFiles(root);
    if (!unsaved.isEmpty()) {
        QSet<QString> edited(files.cbegin(), files.cend());
        for (auto it = unsaved.cbegin(); it != unsaved.cend(); ++it) {
            if (!it.key().startsWith(root + QLatin1Char('/')))
                continue;
            const QString rel = QDir(root).relativeFilePath(it.key());
            if (it.value())
                edited.insert(rel);
            else
                edited.remove(rel);
        }
        files = QStringList(edited.cbegin(), edited.cend());
        files.sort();
    }
    QSet<QString> folderSet;
    bool clean = true; // every path as CodeOwners::matchRoot() assumes
    for (const QString &f : std::as_const(files)) {
        clean = clean && !f.isEmpty() && !f.startsWith(QLatin1Char('/')) &&
                !f.endsWith(QLatin1Char('/')) && !f.contains(QLatin1String("//"));
        QString dir = f.section(QLatin1Char('/'), 0, -2);
        while (!dir.isEmpty() && !folderSet.contains(dir)) {
            folderSet.insert(dir);
            dir = dir.section(QLatin1Char('/'), 0, -2);
        }
    }
    QStringList folders(folderSet.cbegin(), folderSet.cend());
    folders.sort();
    // The paths a rule can match: those at or below its matchRoot() (both lists are sorted,
    // so they are one range), or all of them.
    const auto within = [clean](const QStringList &sorted, const QString &root) {
        if (!clean || root.isEmpty())
            return std::pair{sorted.cbegin(), sorted.cend()};
        auto begin = std::lower_bound(sorted.cbegin(), sorted.cend(), root);
        auto end = begin;
        if (end != sorted.cend() && *end == root)
            ++end;
        const QString below = root + QLatin1Char('/');
        end = std::lower_bound(end, sorted.cend(), below);
        while (end != sorted.cend() && end->startsWith(below))
            ++end;
        return std::pair{begin, end};
    };
    for (const CodeOwners::Rule &rule : owners.rules()) {
        const QString root = CodeOwners::matchRoot(rule);
        bool matched = false;
        for (auto [it, end] = within(files, root); !matched && it != end; ++it)
            matched = CodeOwners::ruleMatches(rule, *it, false);
        for (auto [it, end] = within(folders, root); !matched && it != end; ++it)
            matched = CodeOwners::ruleMatches(rule, *it, true);
        if (!matched) {
            out << makeFinding(place, QStringLiteral("codeowners/no-match"), Severity::Warning,
                               tr("the CODEOWNERS pattern %1 matches no file").arg(rule.pattern),
                               tr("fix the path (patterns starting with / are relative to the "
                                  "repository root) or remove the line"),
                               ownersFile, rule.line, 1);
        }
    }
    // Unowned files, reported per folder so that a new folder is one finding, not fifty.
    QMap<QString, int> unowned;
    for (const QString &f : files) {
        const CodeOwners::Rule *rule = owners.ruleFor(f);
        if (!rule || rule->owners.isEmpty())
            unowned[f.contains(QLatin1Char('/'))
                        ? f.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/')
                        : f] += 1;
    }
    for (auto it = unowned.cbegin(); it != unowned.cend(); ++it) {
        out << makeFinding(
            place, QStringLiteral("codeowners/unowned"), Severity::Warning,
            it.key().endsWith(QLatin1Char('/'))
                ? tr("%1 file(s) in %2 have no code owner").arg(it.value()).arg(it.key())
                : tr("%1 has no code owner").arg(it.key()),
            tr("add a CODEOWNERS line for %1 so that changes get a reviewer").arg(it.key()),
            ownersFile, 0, 0);
    }
}

} // namespace

QList<Finding> checkCatalog(const Catalog &catalog, const RuleConfig &config,
                            const QString &displayRoot, const SourceReader &read,
                            const QHash<QString, std::optional<QByteArray>> &unsaved)
{
    Q_UNUSED(config)
    QList<Finding> out;
    FileLines lines{read, {}};
    const FindingPlace accounts{displayRoot, catalog.accountsRoot};
    const FindingPlace manifests{displayRoot, catalog.manifestsRoot};

    for (const Error &problem : catalog.problems) {
        // Problems name repository-relative files; which repository is not recorded, so try both.
        QString abs;
        for (const QString &root : {catalog.manifestsRoot, catalog.accountsRoot}) {
            if (!root.isEmpty() && !problem.file.isEmpty() &&
                QFileInfo::exists(QDir(root).filePath(problem.file)))
                abs = QDir(root).filePath(problem.file);
        }
        const FindingPlace &place =
            abs.startsWith(catalog.accountsRoot) && !catalog.accountsRoot.isEmpty() ? accounts
                                                                                    : manifests;
        out << makeFinding(place, QStringLiteral("lint/config"), Severity::Error, problem.message,
                           tr("fix the file so that it parses"), abs, problem.line, problem.column);
    }

    // The developers map against its schema.
    QHash<QString, QString> schemaTypes;
    for (const hcl::FieldSchema &f : catalog.developerSchema)
        schemaTypes.insert(f.name, f.optional ? baseType(f.type) : f.type);
    QHash<QString, const MapEntryRef *> byGithub;
    for (const MapEntryRef &d : catalog.developers) {
        const QString abs = QDir(catalog.accountsRoot).filePath(d.file);
        const QList<QByteArray> &text = lines.get(abs);
        const auto add = [&](const QString &rule, const QString &message, const QString &hint,
                             const QString &field) {
            Finding f = makeFinding(accounts, rule, Severity::Error, message, hint, abs,
                                    field.isEmpty() ? d.line : fieldLine(text, d.line, field), 0);
            out << f;
        };
        if (!catalog.developerSchema.isEmpty()) {
            for (auto it = d.fields.constBegin(); it != d.fields.constEnd(); ++it) {
                if (!schemaTypes.contains(it.key())) {
                    add(QStringLiteral("accounts/developer-schema"),
                        tr("developer %1 has the field %2, which the schema does not declare")
                            .arg(d.key, it.key()),
                        tr("remove it, or ask the SRE team to declare it in the developers "
                           "variable first"),
                        it.key());
                } else if (!d.expressions.contains(it.key()) &&
                           !fitsType(it.value(), schemaTypes.value(it.key()))) {
                    add(QStringLiteral("accounts/developer-schema"),
                        tr("developer %1: %2 must be of type %3")
                            .arg(d.key, it.key(), schemaTypes.value(it.key())),
                        tr("write a %1 value").arg(schemaTypes.value(it.key())), it.key());
                }
            }
            for (const hcl::FieldSchema &f : catalog.developerSchema) {
                if (!f.optional && !d.fields.contains(f.name)) {
                    add(QStringLiteral("accounts/developer-schema"),
                        tr("developer %1 lacks the required field %2").arg(d.key, f.name),
                        tr("add %1 = <%2>").arg(f.name, f.type), {});
                }
            }
        }
        const QString github = d.fields.value(QStringLiteral("github")).toString().trimmed();
        if (!github.isEmpty()) {
            const QString key = github.toLower();
            if (const MapEntryRef *first = byGithub.value(key)) {
                add(QStringLiteral("accounts/duplicate-github"),
                    tr("the GitHub login %1 of developer %2 is already listed for %3")
                        .arg(github, d.key, first->key),
                    tr("one person has one entry; remove the duplicate or fix the login"),
                    QStringLiteral("github"));
            } else {
                byGithub.insert(key, &d);
            }
        }
        if (d.fields.value(QStringLiteral("github_approver")).toBool() && github.isEmpty()) {
            add(QStringLiteral("accounts/approver-without-github"),
                tr("developer %1 may approve onboarding PRs but has no GitHub login").arg(d.key),
                tr("set github, or remove github_approver"), QStringLiteral("github_approver"));
        }
    }

    // Microservice entries against the manifests' service folders.
    if (!catalog.manifestsRoot.isEmpty()) {
        QSet<QString> serviceNames; // Catalog::service() for each entry would be quadratic
        for (const Service &s : catalog.services)
            serviceNames.insert(s.name);
        for (const MapEntryRef &m : catalog.microservices) {
            if (serviceNames.contains(m.key))
                continue;
            out << makeFinding(
                accounts, QStringLiteral("catalog/entry-without-manifests"), Severity::Warning,
                tr("the microservice %1 has no manifests (no services folder of that name)")
                    .arg(m.key),
                tr("add its base and overlays in the manifests repository, or remove the entry"),
                QDir(catalog.accountsRoot).filePath(m.file), m.line, 0);
        }
    }
    if (!catalog.accountsRoot.isEmpty() && !catalog.microservices.isEmpty()) {
        for (const Service &s : catalog.services) {
            if (s.microservice >= 0)
                continue;
            QString file = QDir(catalog.manifestsRoot).filePath(s.path);
            for (const QString &candidate : {s.path + QStringLiteral("/base/kustomization.yaml"),
                                             s.path + QStringLiteral("/kustomization.yaml")}) {
                if (QFileInfo::exists(QDir(catalog.manifestsRoot).filePath(candidate))) {
                    file = QDir(catalog.manifestsRoot).filePath(candidate);
                    break;
                }
            }
            Finding f = makeFinding(
                manifests, QStringLiteral("catalog/manifests-without-entry"), Severity::Warning,
                tr("the service %1 has manifests but no microservice entry").arg(s.name),
                tr("add an entry for %1 to the microservices map in the accounts repository")
                    .arg(s.name),
                file, QFileInfo(file).isFile() ? 1 : 0, 0);
            f.service = s.name;
            out << f;
        }
    }

    checkCodeOwners(catalog.accountsOwners, catalog.accountsRoot, displayRoot, unsaved, out);
    checkCodeOwners(catalog.manifestsOwners, catalog.manifestsRoot, displayRoot, unsaved, out);
    return out;
}

QList<Finding> applyConfig(QList<Finding> findings, const RuleConfig &config)
{
    QList<Finding> out;
    for (Finding &f : findings) {
        if (!config.isEnabled(f.rule) || config.isExempt(f))
            continue;
        f.severity = config.severityFor(f.rule, f.severity);
        out << std::move(f);
    }
    return out;
}

} // namespace kanri::platform
