#include "diff/renderdiff.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace kanri::diff {

QString ResourceText::group() const
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

QString ResourceText::key() const
{
    return group() + QLatin1Char('/') + kind + QLatin1Char('/') + nameSpace + QLatin1Char('/') +
           name;
}

QString ResourceText::displayName() const
{
    return nameSpace.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                               : QStringLiteral("%1 %2 (%3)").arg(kind, name, nameSpace);
}

QString RenderDiff::summary() const
{
    // Translated (the window shows it); the command line loads English and gets it as written.
    QStringList parts;
    if (changed)
        parts << QCoreApplication::translate("kanri::diff::RenderDiff", "%n changed", nullptr,
                                             changed);
    if (renamed)
        parts << QCoreApplication::translate("kanri::diff::RenderDiff", "%n renamed", nullptr,
                                             renamed);
    if (added)
        parts << QCoreApplication::translate("kanri::diff::RenderDiff", "%n added", nullptr, added);
    if (removed)
        parts << QCoreApplication::translate("kanri::diff::RenderDiff", "%n removed", nullptr,
                                             removed);
    return parts.isEmpty()
               ? QCoreApplication::translate("kanri::diff::RenderDiff", "no changes")
               : parts.join(QCoreApplication::translate("kanri::diff::RenderDiff", ", "));
}

std::optional<QString> stripHashSuffix(const QString &name)
{
    // kustomize's suffix: a dash and ten characters from its hash alphabet.
    static const QRegularExpression rx(QStringLiteral("^(.+)-[bcdfghkmt2-9]{10}$"));
    const auto m = rx.match(name);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

namespace {

// Top-level `data:` / `stringData:` values of a Secret, by key, as written.
QHash<QByteArray, QByteArray> secretValues(const QByteArray &yaml)
{
    QHash<QByteArray, QByteArray> values;
    bool inData = false;
    QByteArray section, currentKey;
    for (const QByteArray &line : splitLines(yaml)) {
        if (!line.startsWith(' ')) {
            inData = line == "data:" || line == "stringData:";
            section = line;
            currentKey.clear();
            continue;
        }
        if (!inData)
            continue;
        if (line.startsWith("  ") && line.size() > 2 && line[2] != ' ') {
            const qsizetype colon = line.indexOf(':');
            currentKey = section + line.mid(2, colon - 2);
            values[currentKey] = line.mid(colon + 1);
        } else if (!currentKey.isEmpty()) {
            values[currentKey] += '\n' + line;
        }
    }
    return values;
}

QByteArray maskSecret(const QByteArray &yaml, const QHash<QByteArray, QByteArray> &other)
{
    const QHash<QByteArray, QByteArray> mine = secretValues(yaml);
    QByteArray out;
    bool inData = false;
    QByteArray section;
    for (const QByteArray &line : splitLines(yaml)) {
        if (!line.startsWith(' ')) {
            inData = line == "data:" || line == "stringData:";
            section = line;
            out += line + '\n';
            continue;
        }
        if (!inData) {
            out += line + '\n';
            continue;
        }
        if (line.startsWith("  ") && line.size() > 2 && line[2] != ' ') {
            const qsizetype colon = line.indexOf(':');
            const QByteArray key = section + line.mid(2, colon - 2);
            const bool changed = !other.isEmpty() && other.value(key) != mine.value(key);
            out += line.left(colon + 1) + (changed ? " '*** (changed)'" : " '***'") + '\n';
        }
        // continuation lines of a masked value are dropped
    }
    return out;
}

ResourceText masked(const ResourceText &r, const std::optional<ResourceText> &other)
{
    if (r.kind != QLatin1String("Secret") || !r.group().isEmpty())
        return r;
    ResourceText copy = r;
    copy.yaml =
        maskSecret(r.yaml, other ? secretValues(other->yaml) : QHash<QByteArray, QByteArray>());
    return copy;
}

// Most objects of two renders are the same, often the very same bytes (a render answered from
// the cache, an object the renderer did not emit again): those need no comparison.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

QString renameKey(const ResourceText &r)
{
    const auto base = stripHashSuffix(r.name);
    if (!base)
        return {};
    return r.group() + QLatin1Char('/') + r.kind + QLatin1Char('/') + r.nameSpace +
           QLatin1Char('/') + *base;
}

} // namespace

RenderDiff diffRenders(const QList<ResourceText> &before, const QList<ResourceText> &after,
                       MaskSecrets mask, int context)
{
    RenderDiff result;
    QHash<QString, qsizetype> beforeByKey, beforeByRenameKey;
    for (qsizetype i = 0; i < before.size(); ++i) {
        beforeByKey.insert(before[i].key(), i);
        if (const QString rk = renameKey(before[i]); !rk.isEmpty())
            beforeByRenameKey.insert(rk, i);
    }
    QList<bool> matched(before.size(), false);

    auto add = [&](ResourceDiff::Change change, std::optional<ResourceText> old,
                   std::optional<ResourceText> now) {
        ResourceDiff d;
        d.change = change;
        if (mask == MaskSecrets::Yes) {
            const std::optional<ResourceText> rawOld = old;
            if (old)
                old = masked(*old, std::nullopt); // only the new side says "(changed)"
            if (now)
                now = masked(*now, rawOld);
        }
        d.hunks =
            diffLines({old ? old->yaml : QByteArray(), now ? now->yaml : QByteArray()}, context);
        if (change == ResourceDiff::Change::Modified && d.hunks.isEmpty())
            return; // differences only in masked values that were equal
        d.sides = {old, now};
        result.resources.append(d);
        switch (change) {
        case ResourceDiff::Change::Added:
            ++result.added;
            break;
        case ResourceDiff::Change::Removed:
            ++result.removed;
            break;
        case ResourceDiff::Change::Modified:
            ++result.changed;
            break;
        case ResourceDiff::Change::Renamed:
            ++result.renamed;
            break;
        }
    };

    for (const ResourceText &now : after) {
        auto it = beforeByKey.constFind(now.key());
        if (it != beforeByKey.constEnd() && !matched[*it]) {
            matched[*it] = true;
            if (!sameBytes(before[*it].yaml, now.yaml))
                add(ResourceDiff::Change::Modified, before[*it], now);
            continue;
        }
        const QString rk = renameKey(now);
        auto rit = rk.isEmpty() ? beforeByRenameKey.constEnd() : beforeByRenameKey.constFind(rk);
        if (rit != beforeByRenameKey.constEnd() && !matched[*rit]) {
            matched[*rit] = true;
            add(ResourceDiff::Change::Renamed, before[*rit], now);
            continue;
        }
        add(ResourceDiff::Change::Added, std::nullopt, now);
    }
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (!matched[i])
            add(ResourceDiff::Change::Removed, before[i], std::nullopt);
    }
    return result;
}

QByteArray formatRenderDiff(const RenderDiff &diff, const QString &label)
{
    QByteArray out;
    for (const ResourceDiff &r : diff.resources) {
        QString what;
        switch (r.change) {
        case ResourceDiff::Change::Added:
            what = QStringLiteral("added");
            break;
        case ResourceDiff::Change::Removed:
            what = QStringLiteral("removed");
            break;
        case ResourceDiff::Change::Modified:
            what = QStringLiteral("changed");
            break;
        case ResourceDiff::Change::Renamed:
            what = QStringLiteral("renamed from %1").arg(r.sides[0]->name);
            break;
        }
        QString header = QStringLiteral("=== ");
        if (!label.isEmpty())
            header += label + QLatin1Char(' ');
        header += r.any().displayName() + QStringLiteral(": ") + what;
        out += header.toUtf8() + '\n';
        out += formatHunks(r.hunks);
    }
    return out;
}

} // namespace kanri::diff
