#include "publish/wizardoffboard.h"

#include "hcl/hcldocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>

#include <tuple>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

// The line of `field` inside the entry starting at `entryLine` (1-based), else the entry's.
int fieldLine(const QByteArray &text, int entryLine, const QString &field)
{
    const QList<QByteArray> lines = text.split('\n');
    const QRegularExpression rx(
        QStringLiteral("^\\s*\"?%1\"?\\s*[=:]").arg(QRegularExpression::escape(field)));
    for (int i = entryLine; i < lines.size(); ++i) {
        const QByteArray t = lines.at(i).trimmed();
        if (t.startsWith('}'))
            break;
        if (rx.match(QString::fromUtf8(lines.at(i))).hasMatch())
            return i + 1;
    }
    return entryLine;
}

struct Names
{
    QStringList exact; // the id, the login and the address, lower-cased
    bool matches(const QString &value) const
    {
        const QString v = value.trimmed().toLower();
        return exact.contains(v) || (v.startsWith(QLatin1Char('@')) && exact.contains(v.mid(1)));
    }
};

} // namespace

Result<OffboardPlan> planOffboard(const Catalog &catalog, const SourceReader &read,
                                  const QString &key)
{
    const MapEntryRef *entry = nullptr;
    for (const MapEntryRef &d : catalog.developers) {
        if (d.key == key)
            entry = &d;
    }
    if (!entry)
        return fail(Error::Code::NotFound, tr("no developer %1 in the developers map").arg(key));

    OffboardPlan out;
    out.key = key;
    out.plan.description = tr("Offboard developer %1").arg(key);
    const QDir workspace(catalog.workspace.dir);
    const QString login = entry->fields.value(QStringLiteral("github")).toString().trimmed();
    const QString email = entry->fields.value(QStringLiteral("email")).toString().trimmed();
    Names names;
    for (const QString &n : {key, login, email}) {
        if (!n.isEmpty())
            names.exact << n.toLower();
    }

    // Map edits are grouped per file, applied to one HCL document each.
    struct MapEdit
    {
        QString map, key, field;
        std::optional<QJsonValue> value; // nullopt: remove the entry (field empty) or the field
    };
    QMap<QString, QList<MapEdit>> mapEdits; // relative accounts path → edits
    auto reference = [&](const QString &abs, int line, const QString &what, const QString &action) {
        out.references << DeveloperReference{abs, workspace.relativeFilePath(abs), line, what,
                                             action};
    };
    const QString entryAbs = QDir(catalog.accountsRoot).filePath(entry->file);
    reference(entryAbs, entry->line, tr("developers map entry %1").arg(key), tr("removed"));
    mapEdits[entry->file] << MapEdit{entry->map, key, {}, std::nullopt};

    auto scanEntries = [&](const QList<MapEntryRef> &entries, const QString &kind) {
        for (const MapEntryRef &e : entries) {
            if (&e == entry)
                continue;
            const QString abs = QDir(catalog.accountsRoot).filePath(e.file);
            for (auto it = e.fields.constBegin(); it != e.fields.constEnd(); ++it) {
                const QJsonValue v = it.value();
                int line = 0;
                auto lineOf = [&] {
                    if (line == 0) {
                        auto bytes = read(abs);
                        line = bytes ? fieldLine(*bytes, e.line, it.key()) : e.line;
                    }
                    return line;
                };
                if (v.isString() && names.matches(v.toString())) {
                    reference(abs, lineOf(), tr("%1 of %2 %3").arg(it.key(), kind, e.key),
                              tr("field removed"));
                    mapEdits[e.file] << MapEdit{e.map, e.key, it.key(), std::nullopt};
                } else if (v.isArray()) {
                    QJsonArray kept;
                    bool changed = false;
                    for (const QJsonValue &item : v.toArray()) {
                        if (item.isString() && names.matches(item.toString()))
                            changed = true;
                        else
                            kept << item;
                    }
                    if (changed) {
                        reference(abs, lineOf(), tr("%1 of %2 %3").arg(it.key(), kind, e.key),
                                  tr("removed from the list"));
                        mapEdits[e.file] << MapEdit{e.map, e.key, it.key(), QJsonValue(kept)};
                    }
                }
            }
        }
    };
    scanEntries(catalog.developers, tr("developer"));
    scanEntries(catalog.microservices, tr("microservice"));

    for (auto it = mapEdits.cbegin(); it != mapEdits.cend(); ++it) {
        const QString abs = QDir(catalog.accountsRoot).filePath(it.key());
        auto bytes = read(abs);
        if (!bytes)
            return std::unexpected(bytes.error());
        auto doc = hcl::Document::parse(*bytes, it.key());
        if (!doc)
            return std::unexpected(doc.error());
        for (const MapEdit &e : it.value()) {
            Result<void> r;
            if (e.field.isEmpty())
                r = doc->removeEntry(e.map, e.key);
            else if (!e.value)
                r = doc->unsetField(e.map, e.key, e.field);
            else
                r = doc->setField(e.map, e.key, e.field, *e.value);
            if (!r)
                return std::unexpected(r.error());
        }
        out.plan.files << PlannedFile{abs, workspace.relativeFilePath(abs), *bytes, doc->text()};
    }

    // CODEOWNERS of both repositories: drop the person's owner token; a line left without
    // owners is dropped too (it would unassign the path, which nobody asked for).
    const std::pair<const CodeOwners *, QString> owners[] = {
        {&catalog.accountsOwners, catalog.accountsRoot},
        {&catalog.manifestsOwners, catalog.manifestsRoot}};
    for (const auto &[co, root] : owners) {
        if (root.isEmpty() || co->fileName().isEmpty())
            continue;
        const QString abs = QDir(root).filePath(co->fileName());
        auto bytes = read(abs);
        if (!bytes)
            continue;
        QList<QByteArray> lines = bytes->split('\n');
        bool changed = false;
        for (int i = int(lines.size()) - 1; i >= 0; --i) {
            const QByteArray line = lines.at(i);
            const QByteArray trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith('#'))
                continue;
            const QList<QByteArray> tokens = trimmed.simplified().split(' ');
            QList<QByteArray> kept;
            bool hit = false;
            for (int t = 1; t < tokens.size(); ++t) {
                if (tokens.at(t).startsWith('#'))
                    break;
                if (names.matches(QString::fromUtf8(tokens.at(t))))
                    hit = true;
                else
                    kept << tokens.at(t);
            }
            if (!hit)
                continue;
            changed = true;
            if (kept.isEmpty()) {
                reference(abs, i + 1, tr("CODEOWNERS line %1").arg(QString::fromUtf8(tokens.at(0))),
                          tr("line removed (no owner left)"));
                lines.removeAt(i);
            } else {
                reference(abs, i + 1,
                          tr("CODEOWNERS owner of %1").arg(QString::fromUtf8(tokens.at(0))),
                          tr("owner removed"));
                // Keep the pattern's column layout: pattern, its padding, then the owners.
                const qsizetype firstOwner =
                    line.indexOf(tokens.at(1), line.indexOf(tokens.at(0)) + tokens.at(0).size());
                lines[i] = line.left(firstOwner) + kept.join(' ');
            }
        }
        if (changed)
            out.plan.files << PlannedFile{abs, workspace.relativeFilePath(abs), *bytes,
                                          lines.join('\n')};
    }
    std::sort(out.references.begin(), out.references.end(),
              [](const DeveloperReference &a, const DeveloperReference &b) {
                  return std::tie(a.display, a.line) < std::tie(b.display, b.line);
              });
    std::sort(out.plan.files.begin(), out.plan.files.end(),
              [](const PlannedFile &a, const PlannedFile &b) { return a.display < b.display; });
    return out;
}

} // namespace kanri::platform
