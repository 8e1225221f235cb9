#include "publish/wizarddeveloper.h"

#include "hcl/hcldocument.h"
#include "rules/ruleengine.h"
#include "rules/rulelive.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

// The variables.tf rule of the demo and of most platforms: ids are short lower-case names.
const QRegularExpression kKey(QStringLiteral("^[a-z][a-z0-9-]{1,30}$"));
// GitHub: alphanumerics and single dashes, at most 39 characters, no leading dash.
const QRegularExpression
    kGithub(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"));
const QRegularExpression kEmail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));

QString shortTeam(const QString &team)
{
    return team.section(QLatin1Char('/'), -1).remove(QLatin1Char('@'));
}

bool isBool(const hcl::FieldSchema &f)
{
    const QString t = f.type.trimmed();
    return t == QLatin1String("bool") || t.startsWith(QLatin1String("optional(bool"));
}

} // namespace

QHash<QString, QString> developerFieldDescriptions(const Catalog &catalog, const SourceReader &read)
{
    QHash<QString, QString> out;
    if (catalog.accountsRoot.isEmpty() || catalog.developers.isEmpty())
        return out;
    const QString variable = catalog.developers.constFirst().map;
    const QRegularExpression start(
        QStringLiteral("^\\s*variable\\s+\"%1\"\\s*\\{").arg(QRegularExpression::escape(variable)));
    const QRegularExpression field(
        QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=.*#\\s*(.+)$"));
    QDirIterator it(catalog.accountsRoot, {QStringLiteral("*.tf")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/.terraform/")))
            continue;
        auto bytes = read(path);
        if (!bytes)
            continue;
        const QStringList lines = QString::fromUtf8(*bytes).split(QLatin1Char('\n'));
        bool inside = false;
        int depth = 0;
        for (const QString &line : lines) {
            if (!inside) {
                inside = start.match(line).hasMatch();
                depth = inside ? 1 : 0;
                continue;
            }
            if (auto m = field.match(line); m.hasMatch() && depth >= 2)
                out.insert(m.captured(1), m.captured(2).trimmed());
            depth += int(line.count(QLatin1Char('{')) + line.count(QLatin1Char('('))) -
                     int(line.count(QLatin1Char('}')) + line.count(QLatin1Char(')')));
            if (depth <= 0)
                break;
        }
        if (!out.isEmpty())
            return out;
    }
    return out;
}

QString checkDeveloperKey(const Catalog &catalog, const QString &key)
{
    if (key.isEmpty())
        return tr("enter the id (the part of the e-mail address before the @)");
    if (!kKey.match(key).hasMatch())
        return tr("ids are lower-case letters, digits and dashes, 2 to 31 characters, starting "
                  "with a letter");
    for (const MapEntryRef &d : catalog.developers) {
        if (d.key == key)
            return tr("%1 is already in the developers map").arg(key);
    }
    return {};
}

QString checkDeveloperField(const hcl::FieldSchema &field, const QJsonValue &value)
{
    const bool empty = value.isUndefined() || value.isNull() ||
                       (value.isString() && value.toString().trimmed().isEmpty());
    if (empty)
        return field.optional ? QString() : tr("%1 is required").arg(field.name);
    if (isBool(field))
        return value.isBool() ? QString() : tr("%1 is true or false").arg(field.name);
    if (field.name == QLatin1String("github") && !kGithub.match(value.toString()).hasMatch())
        return tr("not a GitHub login (letters, digits and single dashes, at most 39)");
    if (field.name == QLatin1String("email") && !kEmail.match(value.toString()).hasMatch())
        return tr("not an e-mail address");
    return {};
}

QStringList developerDraftProblems(const Catalog &catalog, const DeveloperDraft &draft)
{
    QStringList out;
    if (const QString k = checkDeveloperKey(catalog, draft.key); !k.isEmpty())
        out << k;
    for (const hcl::FieldSchema &f : catalog.developerSchema) {
        if (const QString p = checkDeveloperField(f, draft.fields.value(f.name)); !p.isEmpty())
            out << p;
    }
    return out;
}

QJsonObject developerDefaults(const Catalog &catalog, const QString &team)
{
    QJsonObject fields;
    QStringList names;
    for (const hcl::FieldSchema &f : catalog.developerSchema) {
        names << f.name;
        if (f.defaultValue)
            fields.insert(f.name, *f.defaultValue);
        else if (!f.optional)
            fields.insert(f.name, isBool(f) ? QJsonValue(false) : QJsonValue(QString()));
    }
    bool eks = false;
    const QString wanted = shortTeam(team);
    for (const MapEntryRef &m : catalog.microservices) {
        if (m.fields.value(QStringLiteral("team")).toString() != wanted)
            continue;
        const QJsonArray clusters = m.fields.value(QStringLiteral("clusters")).toArray();
        if (clusters.contains(QStringLiteral("eks")))
            eks = true;
    }
    auto set = [&](const char *name, bool on) {
        if (names.contains(QLatin1String(name)))
            fields.insert(QLatin1String(name), on);
    };
    if (!wanted.isEmpty()) {
        set("gcp", true);
        set("argocd", true);
        set("datadog", true);
        set("aws", eks);
    }
    return fields;
}

QStringList developerGrants(const Catalog &catalog, const QHash<QString, QString> &descriptions,
                            const DeveloperDraft &draft)
{
    QStringList out;
    for (const hcl::FieldSchema &f : catalog.developerSchema) {
        const QJsonValue v = draft.fields.value(f.name);
        const QString what = descriptions.value(f.name, f.name);
        if (isBool(f)) {
            if (v.toBool())
                out << tr("%1: %2").arg(f.name, what);
        } else if (f.name == QLatin1String("github") && !v.toString().isEmpty()) {
            out << tr("GitHub: %1 (login %2)").arg(what, v.toString());
        } else if (f.name == QLatin1String("email") && !v.toString().isEmpty()) {
            out << tr("Google account %1: %2").arg(v.toString(), what);
        }
    }
    return out;
}

QList<Finding> developerDraftFindings(const Catalog &catalog, const RuleConfig &config,
                                      const DeveloperDraft &draft)
{
    Catalog with = catalog;
    MapEntryRef entry;
    entry.key = draft.key;
    entry.fields = draft.fields;
    if (!catalog.developers.isEmpty()) {
        entry.file = catalog.developers.constLast().file;
        entry.map = catalog.developers.constLast().map;
    }
    with.developers << entry;
    // Only the developer rules: CODEOWNERS coverage and the manifests do not change.
    with.accountsOwners = {};
    with.manifestsOwners = {};
    with.microservices.clear();
    Catalog without = with;
    without.developers.removeLast();
    const QString root = catalog.workspace.dir;
    const SourceReader none = [](const QString &path) -> Result<QByteArray> {
        return failAt(Error::Code::NotFound, QStringLiteral("not read"), path);
    };
    return newFindings(applyConfig(checkCatalog(without, config, root, none), config),
                       applyConfig(checkCatalog(with, config, root, none), config));
}

Result<WizardPlan> planNewDeveloper(const Catalog &catalog, const SourceReader &read,
                                    const DeveloperDraft &draft)
{
    if (const QStringList problems = developerDraftProblems(catalog, draft); !problems.isEmpty())
        return fail(Error::Code::Usage, problems.join(QLatin1Char('\n')));
    if (catalog.developers.isEmpty())
        return fail(Error::Code::NotFound, tr("the workspace has no developers map to add to"));
    const MapEntryRef &last = catalog.developers.constLast();
    const QString path = QDir(catalog.accountsRoot).filePath(last.file);
    auto bytes = read(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto doc = hcl::Document::parse(*bytes, last.file);
    if (!doc)
        return std::unexpected(doc.error());
    if (!catalog.developerSchema.isEmpty())
        doc->attachSchema(last.map, catalog.developerSchema);
    // Only what differs from the schema's defaults is written, as people write entries.
    QJsonObject fields;
    for (auto it = draft.fields.constBegin(); it != draft.fields.constEnd(); ++it) {
        bool isDefault = false;
        for (const hcl::FieldSchema &f : catalog.developerSchema) {
            if (f.name == it.key() && f.optional)
                isDefault = f.defaultValue
                                ? *f.defaultValue == it.value()
                                : (it.value().isNull() || it.value().toString().isEmpty());
        }
        if (!isDefault)
            fields.insert(it.key(), it.value());
    }
    if (auto r = doc->addEntry(last.map, draft.key, fields); !r)
        return std::unexpected(r.error());
    WizardPlan plan;
    plan.description = tr("Add developer %1").arg(draft.key);
    plan.files << PlannedFile{path, QDir(catalog.workspace.dir).relativeFilePath(path), *bytes,
                              doc->text()};
    return plan;
}

} // namespace kanri::platform
