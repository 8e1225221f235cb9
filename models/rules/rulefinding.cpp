#include "rules/rulefinding.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace kanri::platform {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

std::optional<Severity> severityFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("info"))
        return Severity::Info;
    if (n == QLatin1String("warning"))
        return Severity::Warning;
    if (n == QLatin1String("error") || n == QLatin1String("danger"))
        return Severity::Error;
    return std::nullopt;
}

QString Finding::identity() const
{
    return rule + QLatin1Char('\x1f') + file + QLatin1Char('\x1f') + message;
}

QList<Finding> sortedUnique(QList<Finding> findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.file != b.file)
            return a.file < b.file;
        if (a.line != b.line)
            return a.line < b.line;
        if (a.column != b.column)
            return a.column < b.column;
        return a.rule < b.rule;
    });
    QList<Finding> out;
    QSet<QString> seen;
    for (Finding &f : findings) {
        const QString key = f.identity() + QLatin1Char('\x1f') + QString::number(f.line);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(std::move(f));
    }
    return out;
}

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    if (name == QLatin1String("text"))
        return ReportFormat::Text;
    if (name == QLatin1String("json"))
        return ReportFormat::Json;
    if (name == QLatin1String("github"))
        return ReportFormat::Github;
    if (name == QLatin1String("sarif"))
        return ReportFormat::Sarif;
    return std::nullopt;
}

const QList<RuleInfo> &ruleCatalog()
{
    static const QList<RuleInfo> rules{
        {"k8s/deprecated-api", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "An apiVersion deprecated (warning) or removed (error) in the target "
                           "Kubernetes version")},
        {"k8s/resources-missing", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A container without requests or limits")},
        {"k8s/cpu-request-too-high", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A CPU request above the configured range")},
        {"k8s/cpu-request-too-low", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A CPU request below the configured range")},
        {"k8s/memory-request-too-high", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A memory request above the configured range")},
        {"k8s/memory-request-too-low", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A memory request below the configured range")},
        {"k8s/cpu-limit-too-high", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A CPU limit above the configured range")},
        {"k8s/memory-limit-too-high", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A memory limit above the configured range")},
        {"k8s/limit-below-request", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A limit lower than the request")},
        {"hpa/min-above-max", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "HorizontalPodAutoscaler minReplicas > maxReplicas")},
        {"hpa/min-below-one", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "HorizontalPodAutoscaler minReplicas < 1")},
        {"hpa/replicas-with-hpa", Severity::Warning,
         QT_TRANSLATE_NOOP(
             "kanri::platform::Rules",
             "A Deployment sets replicas while an HPA scales it (off unless enabled)")},
        {"tenancy/namespace", Severity::Error,
         QT_TRANSLATE_NOOP(
             "kanri::platform::Rules",
             "A service's overlay renders into another namespace than the service's own")},
        {"tenancy/reserved-kind", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A kind reserved to the SRE team outside the platform folders")},
        {"image/latest-tag", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "An image tagged latest or without a tag")},
        {"image/registry", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "An image from another registry than the service's own repository")},
        {"accounts/developer-schema", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A developers map entry that does not match the schema")},
        {"accounts/duplicate-github", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A GitHub login listed twice")},
        {"accounts/approver-without-github", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "An approver without GitHub access")},
        {"catalog/entry-without-manifests", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A microservice entry without manifests")},
        {"catalog/manifests-without-entry", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A service folder without a microservice entry")},
        {"codeowners/no-match", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A CODEOWNERS line that matches no file")},
        {"codeowners/unowned", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "Files that no CODEOWNERS line owns")},
        {"argocd/overlay-not-deployed", Severity::Warning,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "A service overlay no Argo CD application deploys")},
        {"argocd/missing-path", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "An Argo CD application whose path does not exist in the repository")},
        {"argocd/namespace-mismatch", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "An Argo CD application's destination namespace differs from the "
                           "overlay's namespace")},
        {"argocd/duplicate-deployment", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules",
                           "Two Argo CD applications deploy the same path to the same cluster")},
        {"argocd/invalid", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "An Argo CD object Kanri cannot read")},
        {"lint/render-failed", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A kustomization that does not render")},
        {"lint/config", Severity::Error,
         QT_TRANSLATE_NOOP("kanri::platform::Rules", "A broken .kanri.yaml or repository file")},
    };
    return rules;
}

QString ruleDescription(const RuleInfo &rule)
{
    return QCoreApplication::translate("kanri::platform::Rules", rule.description);
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QCoreApplication::translate("kanri::platform::Rules", "info");
    case Severity::Warning:
        return QCoreApplication::translate("kanri::platform::Rules", "warning");
    case Severity::Error:
        return QCoreApplication::translate("kanri::platform::Rules", "error");
    }
    return {};
}

namespace {

QString githubEscapeData(QString s)
{
    s.replace(QLatin1String("%"), QLatin1String("%25"));
    s.replace(QLatin1String("\r"), QLatin1String("%0D"));
    s.replace(QLatin1String("\n"), QLatin1String("%0A"));
    return s;
}

QString githubEscapeProperty(QString s)
{
    s = githubEscapeData(s);
    s.replace(QLatin1String(":"), QLatin1String("%3A"));
    s.replace(QLatin1String(","), QLatin1String("%2C"));
    return s;
}

QByteArray formatText(const QList<Finding> &findings)
{
    QByteArray out;
    for (const Finding &f : findings) {
        QString loc = f.file.isEmpty() ? QStringLiteral("<workspace>") : f.file;
        if (f.line > 0) {
            loc += QLatin1Char(':') + QString::number(f.line);
            if (f.column > 0)
                loc += QLatin1Char(':') + QString::number(f.column);
        }
        out += QStringLiteral("%1: %2: %3 [%4]\n")
                   .arg(loc, severityName(f.severity), f.message, f.rule)
                   .toUtf8();
        if (!f.hint.isEmpty())
            out += QStringLiteral("    hint: %1\n").arg(f.hint).toUtf8();
    }
    return out;
}

QJsonObject findingJson(const Finding &f)
{
    QJsonObject o{{QStringLiteral("rule"), f.rule},
                  {QStringLiteral("severity"), severityName(f.severity)},
                  {QStringLiteral("message"), f.message},
                  {QStringLiteral("hint"), f.hint},
                  {QStringLiteral("file"), f.file},
                  {QStringLiteral("path"), f.path},
                  {QStringLiteral("line"), f.line},
                  {QStringLiteral("column"), f.column}};
    if (!f.service.isEmpty())
        o.insert(QStringLiteral("service"), f.service);
    if (!f.environment.isEmpty())
        o.insert(QStringLiteral("environment"), f.environment);
    return o;
}

QByteArray formatJson(const QList<Finding> &findings)
{
    QJsonArray array;
    for (const Finding &f : findings)
        array.append(findingJson(f));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray formatGithub(const QList<Finding> &findings)
{
    QByteArray out;
    for (const Finding &f : findings) {
        const QString command = f.severity == Severity::Error     ? QStringLiteral("error")
                                : f.severity == Severity::Warning ? QStringLiteral("warning")
                                                                  : QStringLiteral("notice");
        QStringList props;
        if (!f.path.isEmpty())
            props << QStringLiteral("file=") + githubEscapeProperty(f.path);
        if (f.line > 0)
            props << QStringLiteral("line=%1").arg(f.line);
        if (f.column > 0)
            props << QStringLiteral("col=%1").arg(f.column);
        props << QStringLiteral("title=") + githubEscapeProperty(f.rule);
        QString message = f.message;
        if (!f.hint.isEmpty())
            message += QLatin1Char('\n') + f.hint;
        out += QStringLiteral("::%1 %2::%3\n")
                   .arg(command, props.join(QLatin1Char(',')), githubEscapeData(message))
                   .toUtf8();
    }
    return out;
}

QByteArray formatSarif(const QList<Finding> &findings)
{
    QStringList ruleIds;
    for (const Finding &f : findings) {
        if (!ruleIds.contains(f.rule))
            ruleIds << f.rule;
    }
    ruleIds.sort();
    QJsonArray rules;
    for (const QString &id : std::as_const(ruleIds)) {
        QString description = id;
        Severity level = Severity::Warning;
        for (const RuleInfo &info : ruleCatalog()) {
            if (id == QLatin1String(info.id)) {
                description = QString::fromLatin1(info.description);
                level = info.defaultSeverity;
            }
        }
        // GitHub code scanning requires both descriptions (at most 1,024 characters each).
        description.truncate(1024);
        rules.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("shortDescription"),
             QJsonObject{{QStringLiteral("text"), description}}},
            {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), description}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), level == Severity::Info
                                                       ? QStringLiteral("note")
                                                       : severityName(level)}}}});
    }
    // GitHub code scanning rejects a run of more than 25,000 results; the rest are counted in
    // a notification instead.
    constexpr qsizetype maxResults = 25000;
    QJsonArray results;
    for (const Finding &f : findings) {
        if (results.size() == maxResults)
            break;
        // The file's path relative to its repository (code scanning resolves it against the
        // checkout), and always a region: code scanning needs startLine (1 for a whole file).
        const QString uri = f.path.isEmpty() ? f.file : f.path;
        QJsonObject region{{QStringLiteral("startLine"), std::max(f.line, 1)}};
        if (f.line > 0 && f.column > 0)
            region.insert(QStringLiteral("startColumn"), f.column);
        const QJsonObject physical{
            {QStringLiteral("artifactLocation"), QJsonObject{{QStringLiteral("uri"), uri}}},
            {QStringLiteral("region"), region}};
        QString text = f.message;
        if (!f.hint.isEmpty())
            text += QStringLiteral(" (%1)").arg(f.hint);
        QJsonObject result{
            {QStringLiteral("ruleId"), f.rule},
            {QStringLiteral("ruleIndex"), int(ruleIds.indexOf(f.rule))},
            {QStringLiteral("level"),
             f.severity == Severity::Info ? QStringLiteral("note") : severityName(f.severity)},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), text}}}};
        if (!uri.isEmpty()) {
            result.insert(QStringLiteral("locations"),
                          QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}});
        }
        results.append(result);
    }
    QJsonObject invocation{{QStringLiteral("executionSuccessful"), true}};
    if (findings.size() > maxResults) {
        invocation.insert(
            QStringLiteral("toolExecutionNotifications"),
            QJsonArray{QJsonObject{
                {QStringLiteral("level"), QStringLiteral("warning")},
                {QStringLiteral("message"),
                 QJsonObject{{QStringLiteral("text"),
                              QStringLiteral("%1 more finding(s) left out: GitHub code scanning "
                                             "accepts at most %2 results per run")
                                  .arg(findings.size() - maxResults)
                                  .arg(maxResults)}}}}});
    }
    const QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("kanri")},
        {QStringLiteral("informationUri"), QStringLiteral("https://example.invalid/kanri")},
        {QStringLiteral("rules"), rules}};
    const QJsonObject run{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                          {QStringLiteral("invocations"), QJsonArray{invocation}},
                          {QStringLiteral("results"), results}};
    const QJsonObject root{{QStringLiteral("$schema"),
                            QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                           {QStringLiteral("version"), QStringLiteral("2.1.0")},
                           {QStringLiteral("runs"), QJsonArray{run}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray formatFindings(const QList<Finding> &findings, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return formatText(findings);
    case ReportFormat::Json:
        return formatJson(findings);
    case ReportFormat::Github:
        return formatGithub(findings);
    case ReportFormat::Sarif:
        return formatSarif(findings);
    }
    return {};
}

} // namespace kanri::platform
