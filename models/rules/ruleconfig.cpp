#include "rules/ruleconfig.h"

#include "core/glob.h"
#include "yaml/yamldocument.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstring>

namespace kanri::platform {

namespace {

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList stringList(const YAML::Node &node)
{
    QStringList out;
    if (node && node.IsSequence()) {
        for (const YAML::Node &item : node)
            out << text(item);
    } else if (node && node.IsScalar()) {
        out << text(node);
    }
    out.removeAll(QString());
    return out;
}

Error errorAt(const QString &file, const YAML::Node &node, const QString &message)
{
    const YAML::Mark mark = node.Mark();
    return Error{message, file, mark.is_null() ? 0 : mark.line + 1,
                 mark.is_null() ? 0 : mark.column + 1, Error::Code::Syntax};
}

// {warning: {above: X, below: Y}, error: {...}} with quantities parsed by `parse`.
Result<void> readThreshold(const YAML::Node &node, Threshold &t, const QString &file,
                           std::optional<double> (*parse)(const QString &))
{
    if (!node)
        return {};
    if (!node.IsMap())
        return std::unexpected(errorAt(file, node,
                                       QStringLiteral("a threshold is a mapping "
                                                      "with warning and error")));
    for (const char *level : {"warning", "error"}) {
        const YAML::Node l = node[level];
        if (!l)
            continue;
        for (const char *side : {"above", "below"}) {
            const YAML::Node v = l[side];
            if (!v)
                continue;
            const auto value = parse(text(v));
            if (!value)
                return std::unexpected(
                    errorAt(file, v, QStringLiteral("'%1' is not a quantity").arg(text(v))));
            const bool warning = std::strcmp(level, "warning") == 0;
            const bool above = std::strcmp(side, "above") == 0;
            (warning ? (above ? t.warningAbove : t.warningBelow)
                     : (above ? t.errorAbove : t.errorBelow)) = value;
        }
    }
    return {};
}

std::optional<double> parseQuantity(QString s, bool memory)
{
    s = s.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    static const QRegularExpression rx(
        QStringLiteral("^([+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$"));
    const auto m = rx.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString suffix = m.captured(2);
    static const QHash<QString, double> factors{
        {QString(), 1},
        {QStringLiteral("n"), 1e-9},
        {QStringLiteral("u"), 1e-6},
        {QStringLiteral("m"), 1e-3},
        {QStringLiteral("k"), 1e3},
        {QStringLiteral("M"), 1e6},
        {QStringLiteral("G"), 1e9},
        {QStringLiteral("T"), 1e12},
        {QStringLiteral("P"), 1e15},
        {QStringLiteral("E"), 1e18},
        {QStringLiteral("Ki"), 1024.0},
        {QStringLiteral("Mi"), 1024.0 * 1024},
        {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
        {QStringLiteral("Ti"), 1024.0 * 1024 * 1024 * 1024},
        {QStringLiteral("Pi"), 1024.0 * 1024 * 1024 * 1024 * 1024},
        {QStringLiteral("Ei"), 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
    };
    const auto it = factors.constFind(suffix);
    if (it == factors.constEnd())
        return std::nullopt;
    Q_UNUSED(memory)
    return number * it.value();
}

} // namespace

std::optional<double> parseCpu(const QString &t)
{
    return parseQuantity(t, false);
}

std::optional<double> parseMemory(const QString &t)
{
    return parseQuantity(t, true);
}

RuleConfig RuleConfig::defaults()
{
    RuleConfig c;
    c.reservedKinds = QStringList{
        QStringLiteral("Ingress"),
        QStringLiteral("IngressClass"),
        QStringLiteral("Gateway"),
        QStringLiteral("Namespace"),
        QStringLiteral("ResourceQuota"),
        QStringLiteral("LimitRange"),
        QStringLiteral("CustomResourceDefinition"),
        QStringLiteral("ClusterRole"),
        QStringLiteral("ClusterRoleBinding"),
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
        QStringLiteral("AppProject"),
    };
    c.platformFolders = QStringList{QStringLiteral("platform/*"), QStringLiteral("argocd/**")};
    constexpr double gi = 1024.0 * 1024 * 1024;
    c.cpuRequests.warningAbove = 4;
    c.cpuRequests.errorAbove = 16;
    c.memoryRequests.warningAbove = 16 * gi;
    c.memoryRequests.errorAbove = 64 * gi;
    c.cpuLimits.errorAbove = 64;
    c.memoryLimits.errorAbove = 256 * gi;
    c.repositoryFields =
        QStringList{QStringLiteral("gar_repository"), QStringLiteral("image_repository"),
                    QStringLiteral("repository")};
    return c;
}

Result<void> RuleConfig::apply(const QByteArray &yamlText, const QString &fileName)
{
    auto loaded = yaml::load(yamlText, fileName);
    if (!loaded)
        return std::unexpected(loaded.error());
    const YAML::Node root = *loaded;
    if (!root || !root.IsMap())
        return {};
    try {
        // The layout keys the catalog reads also say where the platform's own folders are.
        QStringList platform = stringList(root["platform"]);
        platform << stringList(root["applications"]);
        for (const QString &p : std::as_const(platform)) {
            if (!platformFolders.contains(p))
                platformFolders << p;
        }
        const YAML::Node rules = root["rules"];
        if (!rules)
            return {};
        if (!rules.IsMap())
            return std::unexpected(
                errorAt(fileName, rules, QStringLiteral("`rules` is a mapping")));
        if (const QString v = text(rules["kubernetesVersion"]); !v.isEmpty())
            kubernetesVersion = v;
        if (rules["reservedKinds"])
            reservedKinds = stringList(rules["reservedKinds"]);
        for (const QString &p : stringList(rules["platformFolders"])) {
            if (!platformFolders.contains(p))
                platformFolders << p;
        }
        if (const YAML::Node th = rules["thresholds"]; th && th.IsMap()) {
            struct
            {
                const char *key;
                Threshold *target;
                std::optional<double> (*parse)(const QString &);
            } const thresholds[] = {{"cpuRequests", &cpuRequests, parseCpu},
                                    {"memoryRequests", &memoryRequests, parseMemory},
                                    {"cpuLimits", &cpuLimits, parseCpu},
                                    {"memoryLimits", &memoryLimits, parseMemory}};
            for (const auto &entry : thresholds) {
                if (const YAML::Node n = th[entry.key]) {
                    *entry.target = {};
                    if (auto r = readThreshold(n, *entry.target, fileName, entry.parse); !r)
                        return r;
                }
            }
        }
        registries << stringList(rules["registries"]);
        if (rules["repositoryField"])
            repositoryFields = stringList(rules["repositoryField"]);
        for (const QString &r : stringList(rules["enable"])) {
            enabled.insert(r);
            disabled.remove(r);
        }
        for (const QString &r : stringList(rules["disable"])) {
            disabled.insert(r);
            enabled.remove(r);
        }
        if (const YAML::Node sev = rules["severity"]; sev && sev.IsMap()) {
            for (const auto &kv : sev) {
                const auto s = severityFromName(text(kv.second));
                if (!s)
                    return std::unexpected(errorAt(
                        fileName, kv.second,
                        QStringLiteral("'%1' is not info, warning or error").arg(text(kv.second))));
                severities.insert(QString::fromStdString(kv.first.as<std::string>()), *s);
            }
        }
        if (const YAML::Node ex = rules["exemptions"]; ex && ex.IsSequence()) {
            for (const YAML::Node &e : ex) {
                Exemption exemption{text(e["rule"]), text(e["path"]), text(e["service"])};
                if (exemption.rule.isEmpty())
                    return std::unexpected(
                        errorAt(fileName, e, QStringLiteral("an exemption needs a `rule`")));
                exemptions << exemption;
            }
        }
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Syntax, QString::fromStdString(e.msg), fileName,
                      e.mark.is_null() ? 0 : e.mark.line + 1,
                      e.mark.is_null() ? 0 : e.mark.column + 1);
    }
    return {};
}

bool RuleConfig::isEnabled(const QString &rule) const
{
    if (disabled.contains(rule))
        return false;
    // Rules that are off unless a platform asks for them.
    static const QSet<QString> optIn{QStringLiteral("hpa/replicas-with-hpa")};
    return !optIn.contains(rule) || enabled.contains(rule);
}

Severity RuleConfig::severityFor(const QString &rule, Severity proposed) const
{
    return severities.value(rule, proposed);
}

bool RuleConfig::isExempt(const Finding &finding) const
{
    for (const Exemption &e : exemptions) {
        const bool ruleMatches =
            e.rule == QLatin1String("*") || e.rule == finding.rule ||
            (e.rule.endsWith(QLatin1String("/*")) && finding.rule.startsWith(e.rule.chopped(1)));
        if (!ruleMatches)
            continue;
        if (!e.service.isEmpty() && e.service != finding.service)
            continue;
        if (!e.path.isEmpty() && !globMatches(e.path, finding.path, GlobScope::PathOrBelow))
            continue;
        return true;
    }
    return false;
}

} // namespace kanri::platform
