#include "terraform/tfimpact.h"

#include "core/fileio.h"
#include "git/gitsnapshot.h"
#include "terraform/tfevaluator.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <set>
#include <tuple>

namespace kanri::terraform {

namespace {

constexpr int kMaxFiles = 5000;
constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;

bool isModuleFile(const QString &name)
{
    return name.endsWith(QStringLiteral(".tf")) || name.endsWith(QStringLiteral(".tfvars")) ||
           name.endsWith(QStringLiteral(".tf.json")) ||
           name.endsWith(QStringLiteral(".tfvars.json"));
}

bool skippedFolder(const QString &relativePath)
{
    const QStringList parts = relativePath.split(u'/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        if (parts[i].startsWith(u'.'))
            return true; // .git, .terraform, other hidden folders
    return false;
}

// An address is below `prefix` when it is the prefix itself or continues it with [key] or .name.
bool under(const QString &address, const QString &prefix)
{
    if (!address.startsWith(prefix))
        return false;
    if (address.size() == prefix.size())
        return true;
    const QChar c = address[prefix.size()];
    return c == u'[' || c == u'.';
}

QList<ArgumentChange> allArguments(const InstanceInfo &info, bool after)
{
    QList<ArgumentChange> out;
    for (const auto &[name, value] : info.arguments) {
        ArgumentChange c;
        c.name = name;
        (after ? c.after : c.before) = value.render();
        out << c;
    }
    return out;
}

QList<ArgumentChange> changedArguments(const InstanceInfo &before, const InstanceInfo &after)
{
    QList<ArgumentChange> out;
    std::map<QString, QString> old;
    for (const auto &[name, value] : before.arguments)
        old[name] = value.render();
    std::set<QString> seen;
    for (const auto &[name, value] : after.arguments) {
        seen.insert(name);
        const QString now = value.render();
        const auto it = old.find(name);
        const QString was = it == old.end() ? QStringLiteral("null") : it->second;
        // Equal, or unknown on both sides: nothing to show (or nothing known offline).
        if (was == now)
            continue;
        out << ArgumentChange{name, was, now};
    }
    for (const auto &[name, was] : old)
        if (!seen.contains(name))
            out << ArgumentChange{name, was, QStringLiteral("null")};
    return out;
}

QString kindWord(InstanceChange::Kind k)
{
    switch (k) {
    case InstanceChange::Kind::Add:
        return QStringLiteral("add");
    case InstanceChange::Kind::Remove:
        return QStringLiteral("remove");
    case InstanceChange::Kind::Move:
        return QStringLiteral("move");
    case InstanceChange::Kind::Update:
        return QStringLiteral("update");
    }
    return {};
}

} // namespace

int Impact::toAdd() const
{
    return int(std::count_if(changes.begin(), changes.end(), [](const InstanceChange &c) {
        return c.kind == InstanceChange::Kind::Add;
    }));
}

int Impact::toRemove() const
{
    return int(std::count_if(changes.begin(), changes.end(), [](const InstanceChange &c) {
        return c.kind == InstanceChange::Kind::Remove;
    }));
}

int Impact::toMove() const
{
    return int(std::count_if(changes.begin(), changes.end(), [](const InstanceChange &c) {
        return c.kind == InstanceChange::Kind::Move;
    }));
}

int Impact::toUpdate() const
{
    return int(std::count_if(changes.begin(), changes.end(), [](const InstanceChange &c) {
        return c.kind == InstanceChange::Kind::Update;
    }));
}

Result<Impact> computeImpact(const TfFiles &before, const TfFiles &after,
                             const std::atomic_bool *cancel)
{
    auto b = evaluateModule(before, cancel);
    if (!b)
        return std::unexpected(b.error());
    auto a = evaluateModule(after, cancel);
    if (!a)
        return std::unexpected(a.error());

    Impact impact;
    QStringList unknown = b->unknownPrefixes + a->unknownPrefixes;
    auto isUnknown = [&](const QString &address) {
        return std::any_of(unknown.begin(), unknown.end(),
                           [&](const QString &p) { return under(address, p); });
    };

    std::set<QString> consumedBefore, consumedAfter;
    // moved blocks (of the new configuration), in order; a chain a -> b -> c follows through.
    for (const auto &[from, to] : a->moved) {
        for (const auto &[address, info] : b->instances) {
            if (consumedBefore.contains(address) || !under(address, from))
                continue;
            const QString target = to + address.mid(from.size());
            if (a->instances.contains(address) || !a->instances.contains(target) ||
                consumedAfter.contains(target))
                continue;
            const InstanceInfo &now = a->instances.at(target);
            InstanceChange c;
            c.kind = InstanceChange::Kind::Move;
            c.address = target;
            c.previousAddress = address;
            c.arguments = changedArguments(info, now);
            c.file = now.file;
            c.line = now.line;
            impact.changes << c;
            consumedBefore.insert(address);
            consumedAfter.insert(target);
        }
    }
    for (const auto &[address, info] : a->instances) {
        if (consumedAfter.contains(address) || isUnknown(address))
            continue;
        const auto it = b->instances.find(address);
        InstanceChange c;
        c.address = address;
        c.file = info.file;
        c.line = info.line;
        if (it == b->instances.end() || consumedBefore.contains(address)) {
            c.kind = InstanceChange::Kind::Add;
            c.arguments = allArguments(info, true);
        } else {
            c.kind = InstanceChange::Kind::Update;
            c.arguments = changedArguments(it->second, info);
            if (c.arguments.isEmpty())
                continue;
        }
        impact.changes << c;
    }
    for (const auto &[address, info] : b->instances) {
        if (consumedBefore.contains(address) || a->instances.contains(address) ||
            isUnknown(address))
            continue;
        InstanceChange c;
        c.kind = InstanceChange::Kind::Remove;
        c.address = address;
        c.file = info.file;
        c.line = info.line;
        c.arguments = allArguments(info, false);
        impact.changes << c;
    }
    std::sort(
        impact.changes.begin(), impact.changes.end(),
        [](const InstanceChange &x, const InstanceChange &y) { return x.address < y.address; });
    std::set<QString> notes(a->notes.begin(), a->notes.end());
    // Notes of the old side that the new side no longer has still explain missing changes.
    notes.insert(b->notes.begin(), b->notes.end());
    impact.notEvaluated = QStringList(notes.begin(), notes.end());
    // By file, then line and column as numbers (main.tf:6 before main.tf:25).
    static const QRegularExpression pos(QStringLiteral("^([^:]*):(\\d+):(\\d+): "));
    auto key = [](const QString &n) {
        const auto m = pos.match(n);
        return m.hasMatch()
                   ? std::make_tuple(m.captured(1), m.captured(2).toInt(), m.captured(3).toInt(), n)
                   : std::make_tuple(n.section(u':', 0, 0), 0, 0, n);
    };
    std::stable_sort(impact.notEvaluated.begin(), impact.notEvaluated.end(),
                     [&](const QString &x, const QString &y) { return key(x) < key(y); });
    return impact;
}

Result<TfFiles> readModuleFiles(const QString &dir)
{
    const QFileInfo root(dir);
    if (!root.isDir())
        return failAt(Error::Code::NotFound,
                      QCoreApplication::translate("kanri::terraform::ImpactText", "not a folder"),
                      dir);
    TfFiles out;
    const QDir base(root.absoluteFilePath());
    QDirIterator it(base.path(), QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = base.relativeFilePath(path);
        if (skippedFolder(rel) || !isModuleFile(rel))
            continue;
        if (out.size() >= kMaxFiles)
            return failAt(Error::Code::Unsupported,
                          QCoreApplication::translate("kanri::terraform::ImpactText",
                                                      "more than %1 Terraform files")
                              .arg(kMaxFiles),
                          dir);
        auto bytes = readFile(path, kMaxFileSize);
        if (!bytes)
            return std::unexpected(bytes.error());
        out.insert(rel, *bytes);
    }
    return out;
}

Result<TfFiles> readModuleFilesAtRef(const QString &dir, const QString &ref)
{
    // The repository is the nearest folder up from dir that holds .git.
    QDir d(QFileInfo(dir).absoluteFilePath());
    QString sub;
    while (!QFileInfo::exists(d.filePath(QStringLiteral(".git")))) {
        sub = sub.isEmpty() ? d.dirName() : d.dirName() + u'/' + sub;
        if (!d.cdUp())
            return failAt(Error::Code::NotFound,
                          QCoreApplication::translate("kanri::terraform::ImpactText",
                                                      "not inside a git repository"),
                          dir);
    }
    auto snap = git::Snapshot::open(d.path(), ref);
    if (!snap)
        return std::unexpected(snap.error());
    auto files = snap->files();
    if (!files)
        return std::unexpected(files.error());
    TfFiles out;
    const QString prefix = sub.isEmpty() ? QString() : sub + u'/';
    for (const QString &f : *files) {
        if (!f.startsWith(prefix))
            continue;
        const QString rel = f.mid(prefix.size());
        if (skippedFolder(rel) || !isModuleFile(rel))
            continue;
        if (out.size() >= kMaxFiles)
            return failAt(Error::Code::Unsupported,
                          QCoreApplication::translate("kanri::terraform::ImpactText",
                                                      "more than %1 Terraform files")
                              .arg(kMaxFiles),
                          dir);
        auto bytes = snap->read(f);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (*bytes && (*bytes)->size() <= kMaxFileSize)
            out.insert(rel, **bytes);
    }
    return out;
}

QString ImpactText::summary(const Impact &impact, const QString &label)
{
    QStringList parts;
    if (const int n = impact.toAdd())
        parts << tr("%n to add", nullptr, n);
    if (const int n = impact.toUpdate())
        parts << tr("%n to change", nullptr, n);
    if (const int n = impact.toMove())
        parts << tr("%n to move", nullptr, n);
    if (const int n = impact.toRemove())
        parts << tr("%n to remove", nullptr, n);
    if (parts.isEmpty())
        return tr("%1: no change to instances").arg(label);
    return tr("%1: %2").arg(label, parts.join(tr(", ")));
}

QString formatImpactText(const Impact &impact, const QString &label)
{
    QString out;
    for (const InstanceChange &c : impact.changes) {
        switch (c.kind) {
        case InstanceChange::Kind::Add:
            out += QStringLiteral("+ ") + c.address + u'\n';
            break;
        case InstanceChange::Kind::Remove:
            out += QStringLiteral("- ") + c.address + u'\n';
            break;
        case InstanceChange::Kind::Update:
            out += QStringLiteral("~ ") + c.address + u'\n';
            break;
        case InstanceChange::Kind::Move:
            out += QStringLiteral("> ") + c.previousAddress + QStringLiteral(" moved to ") +
                   c.address + u'\n';
            break;
        }
        if (c.kind == InstanceChange::Kind::Update || c.kind == InstanceChange::Kind::Move)
            for (const ArgumentChange &a : c.arguments)
                out += QStringLiteral("    ~ %1 = %2 -> %3\n").arg(a.name, a.before, a.after);
    }
    if (!impact.notEvaluated.isEmpty()) {
        if (!out.isEmpty())
            out += u'\n';
        out += QStringLiteral("Not evaluated:\n");
        for (const QString &n : impact.notEvaluated)
            out += QStringLiteral("  ") + escapeControls(n) + u'\n';
    }
    if (!out.isEmpty())
        out += u'\n';
    QStringList parts;
    if (const int n = impact.toAdd())
        parts << QStringLiteral("%1 to add").arg(n);
    if (const int n = impact.toUpdate())
        parts << QStringLiteral("%1 to change").arg(n);
    if (const int n = impact.toMove())
        parts << QStringLiteral("%1 to move").arg(n);
    if (const int n = impact.toRemove())
        parts << QStringLiteral("%1 to remove").arg(n);
    out += label + QStringLiteral(": ") +
           (parts.isEmpty() ? QStringLiteral("no change to instances")
                            : parts.join(QStringLiteral(", "))) +
           u'\n';
    return out;
}

QJsonObject impactToJson(const Impact &impact)
{
    QJsonArray changes;
    for (const InstanceChange &c : impact.changes) {
        QJsonObject o{{QStringLiteral("action"), kindWord(c.kind)},
                      {QStringLiteral("address"), c.address},
                      {QStringLiteral("file"), c.file},
                      {QStringLiteral("line"), c.line}};
        if (c.kind == InstanceChange::Kind::Move)
            o.insert(QStringLiteral("previous_address"), c.previousAddress);
        QJsonArray args;
        for (const ArgumentChange &a : c.arguments)
            args.append(QJsonObject{{QStringLiteral("name"), a.name},
                                    {QStringLiteral("before"), a.before},
                                    {QStringLiteral("after"), a.after}});
        o.insert(QStringLiteral("arguments"), args);
        changes.append(o);
    }
    return QJsonObject{
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("add"), impact.toAdd()},
                                                {QStringLiteral("remove"), impact.toRemove()},
                                                {QStringLiteral("move"), impact.toMove()},
                                                {QStringLiteral("update"), impact.toUpdate()}}},
        {QStringLiteral("changes"), changes},
        {QStringLiteral("not_evaluated"), QJsonArray::fromStringList(impact.notEvaluated)}};
}

} // namespace kanri::terraform
