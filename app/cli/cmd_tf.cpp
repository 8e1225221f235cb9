#include "app/cli/cmd_tf.h"
#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "core/fileio.h"
#include "diff/linediff.h"
#include "hcl/hcldocument.h"
#include "platform/demoworkspace.h"
#include "terraform/tfimpact.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

// kanri tf maps FILE [--json]
// kanri tf get FILE PATH [--typed]
// kanri tf set FILE MAP.KEY[.FIELD] VALUE [--expr | --typed] [--dry-run]
// kanri tf unset FILE MAP.KEY.FIELD [--dry-run]
// kanri tf add FILE MAP.KEY VALUE [--expr | --typed] [--dry-run]
// kanri tf remove FILE MAP.KEY [--dry-run]
// kanri tf rename FILE MAP.KEY NEWKEY [--dry-run]
// kanri tf fmt [--check] [--recursive] FILE|DIR...
// kanri tf impact [--base REF] [DIR] [--format text|json]
//
// Values (hcl::Value): `get` prints a literal as JSON (numbers with all their digits) and any
// other value (a reference, a call, a template...) as its HCL source text; `get --typed` prints
// {"kind": "literal", "value": JSON} or {"kind": "expression", "source": TEXT}. `set`/`add`
// take VALUE as JSON (a literal), with --expr as HCL source text (an expression), with --typed
// in the typed form: what `get --typed` printed, `set --typed` writes back unchanged.
// Exit status: 0 success, 1 PATH does not exist, 2 syntax error or bad usage (or a file that
// changed on disk between the command's read and its write: nothing is written then).
//
// Files are read with readFile (regular files only, size cap) and rewritten with
// writeFileAtomicIfUnchanged against the bytes read, so an edit made meanwhile (by an editor,
// by the window) is never overwritten. A FILE that is a symbolic link is written through.
namespace kanri::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::cli", s);
}

int usage(const QString &why)
{
    writeErr(QStringLiteral("kanri tf: error: ") + why);
    writeErr(help::usage("tf"));
    return 2;
}

int report(const Error &e, const QString &file)
{
    Error shown = e;
    if (shown.file.isEmpty())
        shown.file = file;
    if (shown.code == Error::Code::Stale)
        shown.message += QStringLiteral(" (run the command again)");
    writeErr(shown.toString());
    return e.code == Error::Code::NotFound ? 1 : 2;
}

// Rewrites `file` with `after` unless it no longer holds `read`; the warnings of the write
// (an owner that could not be kept) go to stderr. Returns the exit status.
int writeBack(const QString &file, const QByteArray &read, const QByteArray &after,
              const BeforeWrite &beforeWrite)
{
    if (beforeWrite)
        beforeWrite(file);
    WriteReport written;
    if (auto w = writeFileAtomicIfUnchanged(file, read, after, &written); !w)
        return report(w.error(), file);
    for (const QString &warning : std::as_const(written.warnings))
        writeErr(QStringLiteral("%1: warning: %2").arg(escapeControls(file), warning));
    return 0;
}

enum class ValueForm { Json, Expression, Typed };

// The VALUE argument of set/add in the form the options ask for.
Result<hcl::Value> valueArgument(const QString &text, ValueForm form)
{
    switch (form) {
    case ValueForm::Json:
        return hcl::Value::fromJsonText(text.toUtf8());
    case ValueForm::Expression:
        if (text.trimmed().isEmpty())
            return fail(Error::Code::Usage, tr("--expr needs HCL source text"));
        return hcl::Value::expression(text.trimmed());
    case ValueForm::Typed:
        return hcl::Value::fromTypedJson(text.toUtf8());
    }
    return hcl::Value();
}

bool fitsType(const QString &type, const QJsonValue &v)
{
    const QString t = type.simplified();
    if (v.isNull() || t == u"any")
        return true;
    if (t == u"string")
        return v.isString();
    if (t == u"number")
        return v.isDouble();
    if (t == u"bool")
        return v.isBool();
    if (t.startsWith(u"list(") || t.startsWith(u"set(") || t.startsWith(u"tuple("))
        return v.isArray();
    if (t.startsWith(u"map(") || t.startsWith(u"object("))
        return v.isObject();
    return true;
}

void warnSchema(const hcl::Document &doc, const QString &file, const QString &map,
                const QString &field, const hcl::Value &typed)
{
    // An expression's type is Terraform's to work out; literals are checked.
    if (typed.isExpression())
        return;
    const QJsonValue value = typed.toJson();
    const auto info = doc.map(map);
    if (!info || info->schema.isEmpty())
        return;
    auto check = [&](const QString &name, const QJsonValue &v) {
        for (const hcl::FieldSchema &f : info->schema) {
            if (f.name != name)
                continue;
            if (!fitsType(f.type, v))
                writeErr(
                    QStringLiteral("%1: warning: %2: value does not fit the declared type %3")
                        .arg(escapeControls(file), escapeControls(name), escapeControls(f.type)));
            return;
        }
        writeErr(QStringLiteral("%1: warning: %2 is not a field of the schema of %3")
                     .arg(escapeControls(file), escapeControls(name), escapeControls(map)));
    };
    if (!field.isEmpty()) {
        check(field, value);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        check(it.key(), it.value());
    for (const hcl::FieldSchema &f : info->schema)
        if (!f.optional && !o.contains(f.name))
            writeErr(QStringLiteral("%1: warning: required field %2 is missing")
                         .arg(escapeControls(file), escapeControls(f.name)));
}

QJsonObject mapsJson(const QList<hcl::MapInfo> &maps)
{
    QJsonObject all;
    for (const hcl::MapInfo &m : maps) {
        QJsonObject o;
        o.insert(QStringLiteral("source"), m.source);
        o.insert(QStringLiteral("line"), m.line);
        o.insert(QStringLiteral("kind"), m.isList ? QStringLiteral("list") : QStringLiteral("map"));
        o.insert(QStringLiteral("count"), int(m.entries.size()));
        if (!m.isList) {
            QJsonArray entries;
            for (const hcl::MapEntry &e : m.entries)
                entries.append(e.key);
            o.insert(QStringLiteral("entries"), entries);
        }
        o.insert(QStringLiteral("fields"), QJsonArray::fromStringList(m.fields));
        QJsonArray kinds;
        for (hcl::ValueKind k : m.valueKinds)
            kinds.append(hcl::valueKindName(k));
        o.insert(QStringLiteral("value_kinds"), kinds);
        if (!m.schema.isEmpty()) {
            QJsonArray schema;
            for (const hcl::FieldSchema &f : m.schema) {
                QJsonObject s{{QStringLiteral("name"), f.name},
                              {QStringLiteral("type"), f.type},
                              {QStringLiteral("optional"), f.optional}};
                if (f.defaultValue)
                    s.insert(QStringLiteral("default"), *f.defaultValue);
                schema.append(s);
            }
            o.insert(QStringLiteral("schema"), schema);
        }
        all.insert(m.name, o);
    }
    return QJsonObject{{QStringLiteral("maps"), all}};
}

bool isInside(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root + QLatin1Char('/')) || root == u"/";
}

// The files `terraform fmt DIR` would format: .tf, .tfvars, .tftest.hcl (and .tofu), sorted,
// recursing into subdirectories only when asked. A link is never descended (as terraform fmt,
// whose walk does not follow links): a link to a folder inside the tree is reached by its real
// path, one outside it is not Kanri's to format, and a link loop cannot recurse. A linked file
// is formatted (written through) only when it leads into the tree. `root` is DIR's canonical
// path; what is left out because it leads out of the tree is said on stderr.
QStringList filesIn(const QString &dir, const QString &root, bool recursive)
{
    QStringList files;
    const QFileInfoList entries = QDir(dir).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
    for (const QFileInfo &e : entries) {
        if (e.fileName().startsWith(u'.'))
            continue;
        const bool terraform = hcl::isTerraformFile(e.fileName());
        if (e.isSymLink()) {
            const QString target = e.canonicalFilePath();
            if (e.isDir()) {
                if (recursive && !isInside(target, root))
                    writeErr(QStringLiteral("%1: note: a link to a folder out of the tree (%2); "
                                            "not descended")
                                 .arg(escapeControls(e.filePath()), escapeControls(target)));
                continue;
            }
            if (!terraform)
                continue;
            if (target.isEmpty() || !isInside(target, root)) {
                writeErr(QStringLiteral("%1: note: a link out of the tree (%2); not formatted")
                             .arg(escapeControls(e.filePath()),
                                  escapeControls(target.isEmpty() ? e.symLinkTarget() : target)));
                continue;
            }
            files.append(e.filePath());
        } else if (e.isDir()) {
            if (recursive)
                files += filesIn(e.filePath(), root, true);
        } else if (terraform) {
            files.append(e.filePath()); // a FIFO or device among them is refused by readFile
        }
    }
    return files;
}

int runFmt(QStringList args, const BeforeWrite &beforeWrite)
{
    const bool check = args.removeAll(QStringLiteral("--check")) > 0;
    const bool recursive = args.removeAll(QStringLiteral("--recursive")) > 0;
    if (args.isEmpty())
        return usage(tr("fmt needs at least one FILE or directory"));
    QStringList files;
    for (const QString &arg : args) {
        if (arg.startsWith(u"--"))
            return usage(tr("unknown option %1").arg(arg));
        if (QFileInfo(arg).isDir())
            files += filesIn(arg, QFileInfo(arg).canonicalFilePath(), recursive);
        else
            files.append(arg);
    }
    int status = 0;
    for (const QString &file : files) {
        auto bytes = readFile(file);
        if (!bytes) {
            report(bytes.error(), file);
            status = 2;
            continue;
        }
        if (file.endsWith(QLatin1String(".json"))) // JSON syntax is never formatted
            continue;
        auto doc = hcl::Document::parse(*bytes, file);
        if (!doc) {
            report(doc.error(), file);
            status = 2;
            continue;
        }
        const QByteArray formatted =
            hcl::isTerraformFile(file) ? hcl::formatTerraform(*bytes) : hcl::formatHcl(*bytes);
        if (formatted == *bytes)
            continue;
        if (check) {
            writeOut(file.toUtf8() + '\n');
            status = std::max(status, 1);
            continue;
        }
        if (writeBack(file, *bytes, formatted, beforeWrite) != 0)
            status = 2;
    }
    return status;
}

// --name VALUE or --name=VALUE, removed from args. nullopt when absent; `bad` when the value is
// missing.
std::optional<QString> takeValue(QStringList &args, const QString &name, bool *bad)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size()) {
                *bad = true;
                return std::nullopt;
            }
            const QString v = args[i + 1];
            args.remove(i, 2);
            return v;
        }
        if (args[i].startsWith(name + u'=')) {
            const QString v = args[i].mid(name.size() + 1);
            args.removeAt(i);
            return v;
        }
    }
    return std::nullopt;
}

// kanri tf impact: the instances an edit adds, removes, moves and changes. Without --base the
// working tree of DIR is compared with its HEAD commit; with it, with REF. DIR defaults to the
// accounts repository of the default workspace.
int runImpact(QStringList args)
{
    bool bad = false;
    const auto base = takeValue(args, QStringLiteral("--base"), &bad);
    const auto format = takeValue(args, QStringLiteral("--format"), &bad);
    if (bad)
        return usage(tr("--base and --format need a value"));
    if (format && *format != u"text" && *format != u"json")
        return usage(tr("--format is text or json, not %1").arg(*format));
    for (const QString &a : std::as_const(args))
        if (a.startsWith(u"--"))
            return usage(tr("unknown option %1").arg(a));
    if (args.size() > 1)
        return usage(tr("impact takes at most one DIR"));
    QString dir;
    QString label;
    if (!args.isEmpty()) {
        dir = args.front();
        label = QFileInfo(QDir::cleanPath(QFileInfo(dir).absoluteFilePath())).fileName();
    } else {
        auto ws = platform::openWorkspace(platform::defaultWorkspaceDir());
        if (!ws) {
            writeErr(ws.error().toString());
            return 1;
        }
        const platform::RepositorySpec *accounts =
            ws->repository(platform::RepositoryRole::Accounts);
        if (!accounts) {
            writeErr(
                Error{tr("the workspace has no accounts repository"), ws->fileName()}.toString());
            return 1;
        }
        dir = ws->repositoryPath(*accounts);
        label = accounts->name;
    }
    auto after = terraform::readModuleFiles(dir);
    if (!after)
        return report(after.error(), dir);
    auto before = terraform::readModuleFilesAtRef(dir, base.value_or(QStringLiteral("HEAD")));
    if (!before)
        return report(before.error(), dir);
    auto impact = terraform::computeImpact(*before, *after);
    if (!impact) {
        Error e = impact.error();
        if (!e.file.isEmpty() && QFileInfo(e.file).isRelative())
            e.file = QDir(dir).filePath(e.file);
        return report(e, dir);
    }
    if (format.value_or(QStringLiteral("text")) == u"json")
        writeOut(QJsonDocument(terraform::impactToJson(*impact)).toJson(QJsonDocument::Indented));
    else
        writeOut(terraform::formatImpactText(*impact, label).toUtf8());
    return 0;
}

} // namespace

int runTf(const QStringList &args)
{
    return runTfWith(args, {});
}

int runTfWith(const QStringList &argsIn, const BeforeWrite &beforeWrite)
{
    QStringList args = argsIn;
    if (args.isEmpty())
        return usage(tr("missing subcommand"));
    const QString sub = args.takeFirst();
    if (sub == u"fmt")
        return runFmt(args, beforeWrite);
    if (sub == u"impact")
        return runImpact(args);
    const bool dryRun = args.removeAll(QStringLiteral("--dry-run")) > 0;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const bool typed = args.removeAll(QStringLiteral("--typed")) > 0;
    const bool expr = args.removeAll(QStringLiteral("--expr")) > 0;
    if (typed && expr)
        return usage(tr("--expr and --typed cannot be used together"));
    if ((typed && sub != u"get" && sub != u"set" && sub != u"add") ||
        (expr && sub != u"set" && sub != u"add"))
        return usage(tr("%1 takes no %2")
                         .arg(sub, typed ? QStringLiteral("--typed") : QStringLiteral("--expr")));
    const ValueForm form = expr    ? ValueForm::Expression
                           : typed ? ValueForm::Typed
                                   : ValueForm::Json;
    for (const QString &a : args)
        if (a.startsWith(u"--"))
            return usage(tr("unknown option %1").arg(a));
    if (args.isEmpty())
        return usage(tr("missing FILE"));
    const QString file = args.takeFirst();

    auto needArgs = [&](qsizetype n) { return args.size() == n; };
    const bool isEdit =
        sub == u"set" || sub == u"unset" || sub == u"add" || sub == u"remove" || sub == u"rename";
    if (sub == u"maps"                                       ? !needArgs(0)
        : sub == u"get"                                      ? !needArgs(1)
        : sub == u"set" || sub == u"add" || sub == u"rename" ? !needArgs(2)
        : sub == u"unset" || sub == u"remove"                ? !needArgs(1)
                                                             : true)
        return usage(sub == u"maps" || sub == u"get" || isEdit
                         ? tr("wrong number of arguments for %1").arg(sub)
                         : tr("unknown subcommand %1").arg(sub));

    const auto read = readFile(file);
    if (!read)
        return report(read.error(), file);
    auto doc = hcl::Document::parse(*read, file);
    if (!doc)
        return report(doc.error(), file);

    if (sub == u"maps") {
        const QList<hcl::MapInfo> maps = doc->maps();
        if (json) {
            writeOut(QJsonDocument(mapsJson(maps)).toJson(QJsonDocument::Indented));
            return 0;
        }
        for (const hcl::MapInfo &m : maps) {
            writeOut(QStringLiteral("%1\t%2\tline %3\t%4\t%5 entries\n")
                         .arg(m.name, m.source)
                         .arg(m.line)
                         .arg(m.isList ? QStringLiteral("list") : QStringLiteral("map"))
                         .arg(m.entries.size())
                         .toUtf8());
        }
        return 0;
    }

    auto path = hcl::parsePath(args.takeFirst());
    if (!path)
        return report(path.error(), file);

    if (sub == u"get") {
        auto v = doc->value(*path);
        if (!v)
            return report(v.error(), file);
        if (typed)
            writeOut(v->toTypedJson() + '\n');
        else if (v->isLiteral())
            writeOut(v->toJsonText(v->type() == hcl::Value::Type::Object ||
                                           v->type() == hcl::Value::Type::List
                                       ? hcl::Value::Layout::Indented
                                       : hcl::Value::Layout::Compact) +
                     '\n');
        else
            writeOut(v->source().toUtf8() + '\n');
        return 0;
    }

    const QByteArray before = doc->text();
    const QStringList &p = *path;
    Result<void> r;
    if (sub == u"set") {
        if (p.size() != 3 && p.size() != 2)
            return usage(tr("set takes MAP.KEY.FIELD (or MAP.KEY) and a VALUE"));
        auto value = valueArgument(args.takeFirst(), form);
        if (!value)
            return usage(value.error().message);
        const QString field = p.size() == 3 ? p[2] : QString();
        warnSchema(*doc, file, p[0], field, *value);
        r = doc->setField(p[0], p[1], field, *value);
    } else if (sub == u"unset") {
        if (p.size() != 3)
            return usage(tr("unset takes MAP.KEY.FIELD"));
        r = doc->unsetField(p[0], p[1], p[2]);
    } else if (sub == u"add") {
        if (p.size() != 2)
            return usage(tr("add takes MAP.KEY and a VALUE"));
        auto value = valueArgument(args.takeFirst(), form);
        if (!value)
            return usage(value.error().message);
        warnSchema(*doc, file, p[0], QString(), *value);
        r = doc->addEntry(p[0], p[1], *value);
    } else if (sub == u"remove") {
        if (p.size() != 2)
            return usage(tr("remove takes MAP.KEY"));
        r = doc->removeEntry(p[0], p[1]);
    } else if (sub == u"rename") {
        if (p.size() != 2)
            return usage(tr("rename takes MAP.KEY and NEWKEY"));
        QString newKey = args.takeFirst();
        if (newKey.startsWith(u'"')) {
            auto k = hcl::parsePath(newKey);
            if (!k || k->size() != 1)
                return usage(tr("NEWKEY is a name or a JSON string"));
            newKey = k->front();
        }
        if (newKey.isEmpty())
            return usage(tr("NEWKEY is empty"));
        r = doc->renameEntry(p[0], p[1], newKey);
    }
    if (!r)
        return report(r.error(), file);
    const QByteArray after = doc->text();
    // Never write a file that does not parse back.
    if (auto check = hcl::Document::parse(after, file); !check)
        return report(check.error(), file);
    if (dryRun) {
        writeOut(diff::unifiedDiff(file, {before, after}));
        return 0;
    }
    if (after == before)
        return 0;
    return writeBack(file, *read, after, beforeWrite);
}

} // namespace kanri::cli
