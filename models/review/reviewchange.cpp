#include "review/reviewchange.h"

#include "core/fileio.h"
#include "git/gitrefspecfetch.h"
#include "git/gitrepository.h"
#include "git/gitsnapshot.h"
#include "hcl/hcldocument.h"
#include "kustomize/renderer.h"
#include "platform/codeowners.h"
#include "platform/environmentorder.h"
#include "rules/rulelinter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace kanri::platform {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("kanri::platform", text, disambiguation, n);
}

const QStringList kustomizationNames = {QStringLiteral("kustomization.yaml"),
                                        QStringLiteral("kustomization.yml"),
                                        QStringLiteral("Kustomization")};

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

bool isUnder(const QString &path, const QString &folder)
{
    return folder.isEmpty() || path.startsWith(folder + QLatin1Char('/'));
}

// Folders holding a kustomization file.
QSet<QString> kustomizationDirs(const QStringList &files)
{
    QSet<QString> dirs;
    for (const QString &f : files) {
        const QString name = f.mid(f.lastIndexOf(QLatin1Char('/')) + 1);
        if (kustomizationNames.contains(name))
            dirs.insert(parentOf(f));
    }
    return dirs;
}

bool isOverlay(const QString &dir)
{
    return parentOf(dir).section(QLatin1Char('/'), -1) == QLatin1String("overlays");
}

QStringList renderRoots(const QSet<QString> &dirs)
{
    QStringList roots;
    for (const QString &d : dirs) {
        if (d.isEmpty())
            continue;
        if (isOverlay(d)) {
            roots.append(d);
            continue;
        }
        const QStringList segments = d.split(QLatin1Char('/'));
        if (segments.contains(QLatin1String("base")) || segments.contains(QLatin1String("bases")) ||
            segments.contains(QLatin1String("components")) ||
            segments.contains(QLatin1String("overlays")))
            continue;
        bool parentOfOthers = false;
        for (const QString &other : dirs)
            if (other != d && isUnder(other, d))
                parentOfOthers = true;
        if (!parentOfOthers)
            roots.append(d);
    }
    sortOverlays(roots); // a service's overlays in dev, stg, prd order
    return roots;
}

bool affects(const QString &root, const QStringList &changed)
{
    const QString scope = isOverlay(root) ? parentOf(parentOf(root)) : root;
    for (const QString &f : changed)
        if (isUnder(f, scope))
            return true;
    return false;
}

QList<diff::ResourceText> resourceTexts(const kustomize::RenderOutput &out)
{
    QList<diff::ResourceText> list;
    for (const auto &r : out.resources)
        list.append({r.apiVersion, r.kind, r.nameSpace, r.name, r.yaml, r.originFile});
    return list;
}

// Extracts a commit once: the marker file is written last, so an interrupted extraction is
// redone.
Result<QString> extracted(const git::Snapshot &snapshot, const QString &cacheDir,
                          const QString &repoName)
{
    const QString dir =
        cacheDir + QLatin1Char('/') + repoName + QLatin1Char('/') + snapshot.commitId();
    const QString marker = dir + QStringLiteral("/.kanri-extracted");
    if (QFileInfo::exists(marker))
        return dir;
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir))
        return fail(Error::Code::Io, tr("cannot create %1").arg(dir));
    if (auto r = snapshot.extractTo(dir); !r)
        return std::unexpected(r.error());
    if (auto r = writeFileAtomic(marker, snapshot.commitId().toUtf8()); !r)
        return std::unexpected(r.error());
    return dir;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QStringLiteral("null");
}

QString shortValue(const QJsonValue &v)
{
    const QString text = jsonText(v);
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

QMap<QString, hcl::MapInfo> mapsOf(const QString &file, const std::optional<QByteArray> &bytes,
                                   QStringList *notes)
{
    QMap<QString, hcl::MapInfo> maps;
    if (!bytes)
        return maps;
    auto doc = hcl::Document::parse(*bytes, file);
    if (!doc) {
        if (notes)
            notes->append(doc.error().toString());
        return maps;
    }
    for (const hcl::MapInfo &m : doc->maps())
        maps.insert(m.name, m);
    return maps;
}

QList<TerraformChange> compareMaps(const QString &file, const QMap<QString, hcl::MapInfo> &before,
                                   const QMap<QString, hcl::MapInfo> &after)
{
    QList<TerraformChange> changes;
    auto add = [&](TerraformChange::Kind kind, const QString &map, const QString &key,
                   const QString &field, const QString &sentence) {
        changes.append({kind, file, map, key, field, sentence});
    };
    QStringList mapNames = before.keys() + after.keys();
    mapNames.removeDuplicates();
    for (const QString &mapName : mapNames) {
        const hcl::MapInfo empty;
        const hcl::MapInfo &b = before.contains(mapName) ? before[mapName] : empty;
        const hcl::MapInfo &a = after.contains(mapName) ? after[mapName] : empty;
        QMap<QString, const hcl::MapEntry *> be, ae;
        for (const auto &e : b.entries)
            be.insert(e.key, &e);
        for (const auto &e : a.entries)
            ae.insert(e.key, &e);
        for (const auto &e : b.entries)
            if (!ae.contains(e.key))
                add(TerraformChange::Kind::EntryRemoved, mapName, e.key, {},
                    tr("%1 removed").arg(e.key));
        for (const auto &e : a.entries) {
            const hcl::MapEntry *old = be.value(e.key);
            if (!old) {
                QString s = tr("%1 added").arg(e.key);
                if (!e.fields.isEmpty())
                    s += QStringLiteral(" (%1)").arg(e.fields.keys().join(QStringLiteral(", ")));
                add(TerraformChange::Kind::EntryAdded, mapName, e.key, {}, s);
                continue;
            }
            if (old->fields.isEmpty() && e.fields.isEmpty()) {
                if (old->value != e.value)
                    add(TerraformChange::Kind::FieldChanged, mapName, e.key, {},
                        tr("%1 changed from %2 to %3")
                            .arg(e.key, shortValue(old->value), shortValue(e.value)));
                continue;
            }
            for (auto it = old->fields.begin(); it != old->fields.end(); ++it)
                if (!e.fields.contains(it.key()))
                    add(TerraformChange::Kind::FieldRemoved, mapName, e.key, it.key(),
                        tr("%1 loses %2").arg(e.key, it.key()));
            for (auto it = e.fields.begin(); it != e.fields.end(); ++it) {
                if (!old->fields.contains(it.key())) {
                    add(TerraformChange::Kind::FieldAdded, mapName, e.key, it.key(),
                        tr("%1 gains %2").arg(e.key, it.key()));
                } else if (old->fields.value(it.key()) != it.value()) {
                    add(TerraformChange::Kind::FieldChanged, mapName, e.key, it.key(),
                        tr("%1: %2 changed from %3 to %4")
                            .arg(e.key, it.key(), shortValue(old->fields.value(it.key())),
                                 shortValue(it.value())));
                }
            }
        }
    }
    return changes;
}

std::optional<CodeOwners> codeOwnersAt(const git::Snapshot &snapshot)
{
    for (const char *path : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
        auto bytes = snapshot.read(QString::fromLatin1(path));
        if (bytes && *bytes)
            return CodeOwners::parse(**bytes, QString::fromLatin1(path));
    }
    return std::nullopt;
}

Result<QList<Finding>> lintFolder(const QString &dir, LintResult *out)
{
    auto workspace = workspaceForDirectory(dir);
    if (!workspace)
        return std::unexpected(workspace.error());
    Linter linter([](const QString &folder) -> Result<QByteArray> {
        kustomize::Renderer renderer;
        auto r = renderer.render(folder);
        if (!r)
            return std::unexpected(r.error());
        return r->text;
    });
    auto result = linter.lint(*workspace);
    if (!result)
        return std::unexpected(result.error());
    *out = *result;
    return result->findings;
}

} // namespace

QString reviewCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/reviews");
}

QList<TerraformChange> terraformChanges(const QString &file, const std::optional<QByteArray> &base,
                                        const std::optional<QByteArray> &head)
{
    return compareMaps(file, mapsOf(file, base, nullptr), mapsOf(file, head, nullptr));
}

Result<ChangeReview> reviewChange(const QString &repositoryPath, const QString &baseRevision,
                                  const QString &headRevision, const ReviewOptions &options)
{
    auto base = git::Snapshot::open(repositoryPath, baseRevision);
    if (!base)
        return std::unexpected(base.error());
    auto head = git::Snapshot::open(repositoryPath, headRevision);
    if (!head)
        return std::unexpected(head.error());

    ChangeReview review;
    review.repositoryPath = repositoryPath;
    review.baseCommit = base->commitId();
    review.headCommit = head->commitId();
    auto changed = head->changedSince(*base);
    if (!changed)
        return std::unexpected(changed.error());
    review.changedFiles = *changed;
    if (review.changedFiles.isEmpty())
        return review;

    // Owners of the changed files, as the head's CODEOWNERS says.
    if (auto owners = codeOwnersAt(*head)) {
        for (const QString &f : std::as_const(review.changedFiles))
            for (const QString &o : owners->ownersOf(f))
                if (!review.owners.contains(o))
                    review.owners.append(o);
    }

    // Terraform maps, field by field.
    for (const QString &f : std::as_const(review.changedFiles)) {
        if (!f.endsWith(QLatin1String(".tf")) && !f.endsWith(QLatin1String(".tfvars")))
            continue;
        auto before = base->read(f);
        auto after = head->read(f);
        if (!before || !after)
            return std::unexpected(!before ? before.error() : after.error());
        review.terraform +=
            compareMaps(f, mapsOf(f, *before, &review.notes), mapsOf(f, *after, &review.notes));
    }

    auto baseFiles = base->files();
    auto headFiles = head->files();
    if (!baseFiles || !headFiles)
        return std::unexpected(!baseFiles ? baseFiles.error() : headFiles.error());
    const QSet<QString> baseDirs = kustomizationDirs(*baseFiles);
    const QSet<QString> headDirs = kustomizationDirs(*headFiles);
    QStringList roots = renderRoots(baseDirs | headDirs);
    roots.erase(std::remove_if(roots.begin(), roots.end(),
                               [&](const QString &r) { return !affects(r, review.changedFiles); }),
                roots.end());
    const bool anyYaml =
        std::any_of(review.changedFiles.begin(), review.changedFiles.end(), [](const QString &f) {
            return !f.endsWith(QLatin1String(".tf")) && !f.endsWith(QLatin1String(".tfvars"));
        });
    const bool needTrees = !roots.isEmpty() || (options.runRules && anyYaml) ||
                           (options.runRules && !review.terraform.isEmpty());
    if (!needTrees)
        return review;

    const QString cache = options.cacheDir.isEmpty() ? reviewCacheDir() : options.cacheDir;
    const QString repoName =
        QFileInfo(repositoryPath).absoluteFilePath().section(QLatin1Char('/'), -1);
    auto baseDir = extracted(*base, cache, repoName);
    if (!baseDir)
        return std::unexpected(baseDir.error());
    auto headDir = extracted(*head, cache, repoName);
    if (!headDir)
        return std::unexpected(headDir.error());
    review.baseTree = *baseDir;
    review.headTree = *headDir;

    kustomize::Renderer renderer;
    for (const QString &root : std::as_const(roots)) {
        OverlayReview o;
        o.overlay = root;
        QList<diff::ResourceText> sides[2];
        const QString dirs[2] = {*baseDir, *headDir};
        const bool present[2] = {baseDirs.contains(root), headDirs.contains(root)};
        QString *errors[2] = {&o.baseError, &o.headError};
        for (int i = 0; i < 2; ++i) {
            if (!present[i])
                continue;
            auto out = renderer.render(dirs[i] + QLatin1Char('/') + root);
            if (!out) {
                Error e = out.error();
                if (e.file.startsWith(dirs[i] + QLatin1Char('/')))
                    e.file = e.file.mid(dirs[i].size() + 1);
                *errors[i] = e.toString().replace(dirs[i] + QLatin1Char('/'), QString());
                continue;
            }
            sides[i] = resourceTexts(*out);
        }
        o.addedOnHead = !present[0];
        o.removedOnHead = !present[1];
        o.diff = diff::diffRenders(sides[0], sides[1], diff::MaskSecrets::Yes);
        review.overlays.append(o);
    }

    if (options.runRules) {
        LintResult baseLint, headLint;
        auto before = lintFolder(*baseDir, &baseLint);
        auto after = lintFolder(*headDir, &headLint);
        if (!after) {
            review.notes.append(tr("rules not run: %1").arg(after.error().toString()));
        } else {
            review.rulesRan = true;
            QSet<QString> old;
            if (before)
                for (const Finding &f : std::as_const(*before))
                    old.insert(f.identity());
            for (Finding f : std::as_const(*after)) {
                if (old.contains(f.identity()))
                    continue;
                f.repository = repositoryPath;
                review.newFindings.append(f);
            }
        }
    }
    return review;
}

QByteArray formatReview(const ChangeReview &review)
{
    QByteArray out;
    out += tr("%n file(s) changed between %1 and %2\n", nullptr, int(review.changedFiles.size()))
               .arg(review.baseCommit.left(12), review.headCommit.left(12))
               .toUtf8();
    for (const QString &f : review.changedFiles)
        out += "  " + f.toUtf8() + '\n';
    for (const OverlayReview &o : review.overlays) {
        out += '\n';
        QString state = o.diff.summary();
        if (o.addedOnHead)
            state = tr("new: %1").arg(state);
        if (o.removedOnHead)
            state = tr("removed: %1").arg(state);
        out += tr("== %1: %2\n").arg(o.overlay, state).toUtf8();
        if (!o.baseError.isEmpty())
            out += tr("base does not render: %1\n").arg(o.baseError).toUtf8();
        if (!o.headError.isEmpty())
            out += tr("head does not render: %1\n").arg(o.headError).toUtf8();
        out += diff::formatRenderDiff(o.diff, o.overlay);
    }
    if (!review.terraform.isEmpty()) {
        out += '\n' + tr("Terraform changes:\n").toUtf8();
        for (const TerraformChange &c : review.terraform)
            out += QStringLiteral("  %1 (%2): %3\n").arg(c.file, c.map, c.sentence).toUtf8();
    }
    if (review.rulesRan) {
        out += '\n';
        if (review.newFindings.isEmpty())
            out += tr("Rules: no new findings\n").toUtf8();
        else
            out +=
                tr("Rules: %n new finding(s)\n", nullptr, int(review.newFindings.size())).toUtf8() +
                formatFindings(review.newFindings, ReportFormat::Text);
    }
    if (!review.owners.isEmpty())
        out += '\n' + tr("Owners who must review: %1\n")
                          .arg(review.owners.join(QStringLiteral(", ")))
                          .toUtf8();
    for (const QString &n : review.notes)
        out += tr("note: %1\n").arg(n).toUtf8();
    return out;
}

namespace {

// "payment-api" for services/payment-api/overlays/prd, "" for a repository's own overlays/prd,
// the whole folder for other roots.
QString serviceOf(const QString &overlay)
{
    if (!isOverlay(overlay))
        return overlay;
    const QStringList parts = overlay.split(QLatin1Char('/'));
    return parts.size() >= 3 ? parts.at(parts.size() - 3) : QString();
}

QString environmentOf(const QString &overlay)
{
    return isOverlay(overlay) ? overlay.section(QLatin1Char('/'), -1) : QString();
}

struct KeyValue
{
    QString key, value;
};

// `key: value` on one line of YAML ("  - image: x:1", "replicas: 2"); nullopt otherwise.
std::optional<KeyValue> keyValue(const QByteArray &line)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(?:-\s+)?("[^"]+"|'[^']+'|[^\s:#][^:#]*?):\s+(\S.*?)\s*$)"));
    const auto m = re.match(QString::fromUtf8(line));
    if (!m.hasMatch())
        return std::nullopt;
    QString value = m.captured(2);
    if (value.size() >= 2 &&
        (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) &&
        value.endsWith(value.at(0)))
        value = value.mid(1, value.size() - 2);
    return KeyValue{m.captured(1), value};
}

// "replicas 2 → 8", or for an image whose repository stays: "image tag 1.2 → 1.3".
QString valuePhrase(const QString &key, const QString &before, const QString &after)
{
    if (key == QLatin1String("image")) {
        const qsizetype a = before.lastIndexOf(QLatin1Char(':')),
                        b = after.lastIndexOf(QLatin1Char(':'));
        if (a > 0 && b > 0 && before.left(a) == after.left(b) &&
            !before.left(a).contains(QLatin1Char('@')))
            return tr("image tag %1 → %2").arg(before.mid(a + 1), after.mid(b + 1));
    }
    return tr("%1 %2 → %3").arg(key, before, after);
}

// What one rendered object's hunks change, as phrases: removed and added runs are paired line
// by line (as the side-by-side view pairs them), and a pair with the same key says its value
// changed. Objects added or removed, and changes no pair explains, get one phrase each.
QStringList changePhrases(const diff::ResourceDiff &r)
{
    QStringList phrases;
    const diff::ResourceText &object = r.any();
    const QString name = QStringLiteral("%1 %2").arg(object.kind, object.name);
    if (r.change == diff::ResourceDiff::Change::Added)
        return {tr("adds %1").arg(name)};
    if (r.change == diff::ResourceDiff::Change::Removed)
        return {tr("removes %1").arg(name)};
    bool unexplained = r.change == diff::ResourceDiff::Change::Renamed;
    for (const diff::Hunk &h : r.hunks) {
        QList<QByteArray> removed, added;
        auto flush = [&] {
            const qsizetype n = std::max(removed.size(), added.size());
            for (qsizetype i = 0; i < n; ++i) {
                const auto before = i < removed.size() ? keyValue(removed[i]) : std::nullopt;
                const auto after = i < added.size() ? keyValue(added[i]) : std::nullopt;
                if (before && after && before->key == after->key && before->value != after->value) {
                    const QString p = valuePhrase(after->key, before->value, after->value);
                    if (!phrases.contains(p))
                        phrases.append(p);
                } else {
                    unexplained = true;
                }
            }
            removed.clear();
            added.clear();
        };
        for (const diff::DiffLine &l : h.lines) {
            if (l.kind == diff::DiffLine::Kind::Removed)
                removed.append(l.text);
            else if (l.kind == diff::DiffLine::Kind::Added)
                added.append(l.text);
            else
                flush();
        }
        flush();
    }
    if (phrases.isEmpty() && unexplained)
        phrases.append(tr("%1 changed").arg(name));
    return phrases;
}

// "a, b and 2 more"
QString listed(const QStringList &items, int shown)
{
    if (items.size() <= shown + 1)
        return items.join(QStringLiteral(", "));
    // At least two more: no singular to mind.
    return tr("%1 and %2 more")
        .arg(items.mid(0, shown).join(QStringLiteral(", ")))
        .arg(items.size() - shown);
}

} // namespace

QString reviewTitle(const ChangeReview &review, const QString &fallbackTitle)
{
    // Per service, its phrases ("replicas 2 → 8") with the environments that have them, in the
    // order of the overlays (dev, stg, prd).
    struct Phrase
    {
        QString text, key;
        QStringList environments;
    };
    QStringList services;
    QHash<QString, QList<Phrase>> phrases;
    for (const OverlayReview &o : review.overlays) {
        const QString service = serviceOf(o.overlay), env = environmentOf(o.overlay);
        QStringList texts;
        if (o.addedOnHead && !o.diff.isEmpty())
            texts.append(tr("new overlay"));
        else if (o.removedOnHead)
            texts.append(tr("overlay removed"));
        else
            for (const diff::ResourceDiff &r : o.diff.resources)
                for (const QString &p : changePhrases(r))
                    if (!texts.contains(p))
                        texts.append(p);
        if (texts.isEmpty())
            continue;
        if (!services.contains(service))
            services.append(service);
        QList<Phrase> &list = phrases[service];
        for (const QString &t : std::as_const(texts)) {
            auto it = std::find_if(list.begin(), list.end(),
                                   [&](const Phrase &p) { return p.text == t; });
            if (it == list.end())
                it = list.insert(list.end(), Phrase{t, t.section(QLatin1Char(' '), 0, 0), {}});
            if (!env.isEmpty() && !it->environments.contains(env))
                it->environments.append(env);
        }
    }
    // "prd replicas 2 → 8, image tag 1.2 → 1.3": the environments are said once for the
    // phrases that follow with the same ones.
    auto sentences = [](const QList<Phrase> &list) {
        QStringList out;
        const QStringList *said = nullptr;
        for (const Phrase &p : list) {
            const bool sameAsBefore = said && *said == p.environments;
            out.append(p.environments.isEmpty() || sameAsBefore
                           ? p.text
                           : p.environments.join(QStringLiteral(", ")) + QLatin1Char(' ') + p.text);
            said = &p.environments;
        }
        return out;
    };

    QStringList parts;
    if (services.size() == 1) {
        const QString what = listed(sentences(phrases[services.first()]), 2);
        parts.append(services.first().isEmpty()
                         ? what
                         : QStringLiteral("%1: %2").arg(services.first(), what));
    } else if (services.size() > 1) {
        // The same change everywhere reads as that change; otherwise what kind of values changed.
        const QStringList first = sentences(phrases[services.first()]);
        bool same = true;
        QStringList keys;
        for (const QString &s : std::as_const(services)) {
            same = same && sentences(phrases[s]) == first;
            for (const Phrase &p : phrases[s])
                if (p.text.contains(QStringLiteral(" → ")) && !keys.contains(p.key))
                    keys.append(p.key == QLatin1String("image") ? tr("image tag") : p.key);
        }
        keys.removeDuplicates();
        const QString what = same             ? listed(first, 2)
                             : keys.isEmpty() ? tr("rendered changes")
                                              : listed(keys, 3);
        parts.append(tr("%1 services: %2").arg(services.size()).arg(what));
    }
    if (!review.terraform.isEmpty()) {
        QStringList s;
        for (const TerraformChange &c : review.terraform)
            s.append(c.sentence);
        parts.append(listed(s, 2));
    }
    if (parts.isEmpty())
        return fallbackTitle;
    QString title = parts.join(QStringLiteral("; "));
    if (title.size() > 120)
        title = title.left(119) + QStringLiteral("…");
    return title;
}

QString reviewBody(const ChangeReview &review)
{
    QString body;
    body += tr("## Summary\n\n%n file(s) changed.\n", nullptr, int(review.changedFiles.size()));
    if (!review.overlays.isEmpty()) {
        body += tr("\n## Rendered changes\n\n");
        for (const OverlayReview &o : review.overlays) {
            QString line = QStringLiteral("- `%1`: %2").arg(o.overlay, o.diff.summary());
            for (const diff::ResourceDiff &r : o.diff.resources)
                line += QStringLiteral("\n  - %1").arg(r.any().displayName());
            if (!o.headError.isEmpty())
                line += tr(" — does not render: %1").arg(o.headError);
            body += line + QLatin1Char('\n');
        }
    }
    if (!review.terraform.isEmpty()) {
        body += tr("\n## Terraform\n\n");
        for (const TerraformChange &c : review.terraform)
            body += QStringLiteral("- `%1` (%2): %3\n").arg(c.file, c.map, c.sentence);
    }
    if (review.rulesRan) {
        body += tr("\n## Rule findings\n\n");
        if (review.newFindings.isEmpty())
            body += tr("No new findings.\n");
        for (const Finding &f : review.newFindings)
            body += QStringLiteral("- **%1** `%2:%3` %4 (%5)\n")
                        .arg(severityName(f.severity), f.file)
                        .arg(f.line)
                        .arg(f.message, f.rule);
    }
    if (!review.owners.isEmpty()) {
        body += tr("\n## Reviewers (CODEOWNERS)\n\n");
        for (const QString &o : review.owners)
            body += QStringLiteral("- %1\n").arg(o);
    }
    body += tr("\n<sub>Generated by Kanri.</sub>\n");
    return body;
}

QString pullHeadRef(int number)
{
    return QStringLiteral("refs/kanri/pull/%1/head").arg(number);
}

QString pullBaseRef(int number)
{
    return QStringLiteral("refs/kanri/pull/%1/base").arg(number);
}

bool hasPullHead(const QString &repositoryPath, int number)
{
    return git::Snapshot::open(repositoryPath, pullHeadRef(number)).has_value();
}

Result<void> fetchPullRefs(const QString &repositoryPath, int number, const QString &baseBranch,
                           const git::NetworkOptions &options)
{
    QStringList specs{QStringLiteral("+refs/pull/%1/head:%2").arg(number).arg(pullHeadRef(number))};
    if (!baseBranch.isEmpty())
        specs.append(QStringLiteral("+refs/heads/%1:%2").arg(baseBranch, pullBaseRef(number)));
    return git::fetchRefspecs(repositoryPath, QStringLiteral("origin"), specs, options);
}

Result<ChangeReview> reviewFetchedPull(const QString &repositoryPath, int number,
                                       const QString &baseSha, const ReviewOptions &options)
{
    if (!hasPullHead(repositoryPath, number))
        return fail(Error::Code::NotFound,
                    tr("pull request #%1 is not available offline: make it available offline "
                       "while online")
                        .arg(number));
    const QString base =
        git::Snapshot::open(repositoryPath, pullBaseRef(number)) ? pullBaseRef(number) : baseSha;
    auto mergeBase = git::Snapshot::mergeBase(repositoryPath, base, pullHeadRef(number));
    if (!mergeBase)
        return std::unexpected(mergeBase.error());
    return reviewChange(repositoryPath, *mergeBase, pullHeadRef(number), options);
}

Result<PullDraft> draftPull(const QString &repositoryPath, const QString &base,
                            const ReviewOptions &options)
{
    auto repository = git::Repository::open(repositoryPath);
    if (!repository)
        return std::unexpected(repository.error());
    PullDraft draft;
    draft.branch = repository->currentBranch();
    if (draft.branch.isEmpty())
        return fail(Error::Code::Usage, tr("HEAD is detached; switch to the branch to propose"));
    if (auto upstream = repository->upstreamOf(draft.branch); upstream && !upstream->isEmpty())
        draft.pushedRef = QStringLiteral("refs/remotes/") + *upstream;
    else
        draft.pushedRef = QStringLiteral("refs/remotes/origin/") + draft.branch;
    auto pushed = git::Snapshot::open(repositoryPath, draft.pushedRef);
    if (!pushed)
        return fail(Error::Code::NotFound,
                    tr("the branch %1 is not on the remote; push it first").arg(draft.branch));
    if (auto head = repository->headCommit(); head && *head != pushed->commitId())
        draft.hasUnpushedCommits = true;
    draft.title = draft.branch;
    if (base.isEmpty())
        return draft;
    auto mergeBase = git::Snapshot::mergeBase(
        repositoryPath, QStringLiteral("refs/remotes/origin/") + base, draft.pushedRef);
    auto review = mergeBase ? reviewChange(repositoryPath, *mergeBase, draft.pushedRef, options)
                            : Result<ChangeReview>(std::unexpected(mergeBase.error()));
    if (review) {
        draft.title = reviewTitle(*review, draft.branch);
        draft.body = reviewBody(*review);
        for (const OverlayReview &o : std::as_const(review->overlays)) {
            if (!o.diff.isEmpty() || !o.headError.isEmpty() || o.addedOnHead || o.removedOnHead)
                draft.overlays << o.overlay;
        }
    } else {
        draft.note = review.error().toString();
    }
    return draft;
}

} // namespace kanri::platform
