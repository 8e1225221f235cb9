#pragma once

// What the kustomize corpus tests share: reading a case folder of ../shared/conformance/<corpus>
// (case.yaml, expected.yaml) and checking one case against Kanri's renderer.

#include "kustomize/renderer.h"
#include "tests/testsupport/testutil.h"
#include "yaml/yamlvalue.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace kanri::test::kustomizecorpus {

inline yaml::Value readCase(const QString &dir)
{
    auto docs = yaml::parseDocuments(readAll(dir + QStringLiteral("/case.yaml")));
    if (!docs || docs->empty())
        return yaml::Value::map();
    return docs->front();
}

inline QStringList strings(const yaml::Value *v)
{
    QStringList out;
    if (v && v->isSeq())
        for (const yaml::Value &i : v->items)
            out << QString::fromStdString(i.text);
    return out;
}

inline kustomize::RenderOptions optionsFrom(const QStringList &args)
{
    kustomize::RenderOptions o;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--reorder") && args[i + 1] == QLatin1String("none"))
            o.reorder = kustomize::ReorderMode::None;
        if (args[i] == QLatin1String("--load-restrictor") &&
            args[i + 1] == QLatin1String("LoadRestrictionsNone"))
            o.loadRestrictor = kustomize::LoadRestrictor::None;
    }
    return o;
}

// Adds a row per case folder of `root`/cases and `root`/errors (columns "dir", "isError").
inline void addRows(const QString &root)
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<bool>("isError");
    if (root.isEmpty())
        return;
    for (const char *sub : {"cases", "errors"}) {
        QDir d(root + QLatin1Char('/') + QLatin1String(sub));
        for (const QString &c : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const bool error = QLatin1String(sub) == QLatin1String("errors");
            const QString name = error
                                     ? QStringLiteral("errors/%1 is refused as kubectl refuses it")
                                     : QStringLiteral("cases/%1 renders as kubectl does");
            QTest::newRow(qPrintable(name.arg(c))) << d.filePath(c) << error;
        }
    }
}

// How an error message is compared with `expected_error`.
enum class ErrorPaths {
    // The case folder's path is replaced by "/" when case.yaml has `error_paths`
    // (../kustomize: kubectl ran with the case folder as the file system root).
    RootedWhenMarked,
    // The case folder's path is removed (../kustomize-real: kubectl ran in the case folder and
    // its paths are written relative to it).
    Relative,
};

// Renders one case; empty when it matches, otherwise why it does not.
inline QString checkCase(kustomize::Renderer &renderer, const QString &dir, bool isError,
                         ErrorPaths paths)
{
    const yaml::Value meta = readCase(dir);
    const QString id = QDir(dir).dirName();
    const QStringList args = strings(meta.get("kubectl_args"));
    const QString buildDir =
        QDir::cleanPath(dir + QLatin1Char('/') + QString::fromStdString(meta.str({"build_dir"})));
    auto out = renderer.render(buildDir, optionsFrom(args));
    // Debugging aid: KANRI_KUSTOMIZE_DUMP=DIR writes what Kanri printed for each case.
    if (const QString dump = qEnvironmentVariable("KANRI_KUSTOMIZE_DUMP"); !dump.isEmpty()) {
        QFile f(dump + QLatin1Char('/') + id + QStringLiteral(".out"));
        if (f.open(QIODevice::WriteOnly))
            f.write(out ? out->text : out.error().toString().toUtf8());
    }
    if (!isError) {
        if (!out)
            return out.error().toString();
        if (out->text != readAll(dir + QStringLiteral("/expected.yaml")))
            return QStringLiteral("output differs from expected.yaml");
        if (const std::string def = meta.str({"expected_default_file"}); !def.empty()) {
            QStringList a2 = args;
            const qsizetype i = a2.indexOf(QStringLiteral("--reorder"));
            if (i >= 0)
                a2.remove(i, 2);
            auto out2 = renderer.render(buildDir, optionsFrom(a2));
            if (!out2 ||
                out2->text != readAll(dir + QLatin1Char('/') + QString::fromStdString(def)))
                return QStringLiteral("default-order output differs");
        }
        return {};
    }
    if (out)
        return QStringLiteral("the build should fail");
    QString message = out.error().message;
    if (paths == ErrorPaths::Relative)
        message.replace(dir + QLatin1Char('/'), QString());
    else if (meta.get("error_paths"))
        message.replace(dir + QLatin1Char('/'), QStringLiteral("/"))
            .replace(dir, QStringLiteral("/"));
    QStringList expected = strings(meta.get("expected_errors"));
    if (expected.isEmpty())
        expected << QString::fromStdString(meta.str({"expected_error"}));
    const bool regexp = meta.str({"expected_error_match"}) == "regexp";
    for (const QString &e : expected) {
        const bool found =
            regexp ? QRegularExpression(e).match(message).hasMatch() : message.contains(e);
        if (!found)
            return QStringLiteral("expected \"%1\" in \"%2\"").arg(e, message);
    }
    return {};
}

} // namespace kanri::test::kustomizecorpus
