#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "kustomize/externalkustomize.h"
#include "kustomize/renderer.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

namespace kanri::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::cli", s);
}

int usage(const QString &problem)
{
    writeErr(tr("kanri render: error: %1").arg(problem));
    writeErr(help::usage("render"));
    return 2;
}

} // namespace

// kanri render [--reorder legacy|none] [--load-restrictor ...] [--verify] DIR
// Prints what `kustomize build DIR` prints. Exit codes: 0 success, 1 the build failed,
// 2 usage error, 3 --verify found a difference from the external kustomize (or it failed).
int runRender(const QStringList &args)
{
    kustomize::RenderOptions options;
    bool verify = false;
    QString dir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString value;
        bool hasValue = false;
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (a.startsWith(QLatin1String("--")) && eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            hasValue = true;
        }
        auto takeValue = [&]() -> bool {
            if (hasValue)
                return true;
            if (i + 1 >= args.size())
                return false;
            value = args[++i];
            return true;
        };
        if (a == QLatin1String("--reorder")) {
            if (!takeValue())
                return usage(tr("--reorder needs a value"));
            if (value == QLatin1String("none"))
                options.reorder = kustomize::ReorderMode::None;
            else if (value == QLatin1String("legacy"))
                options.reorder = kustomize::ReorderMode::Legacy;
            else
                return usage(tr("--reorder must be legacy or none, not '%1'").arg(value));
        } else if (a == QLatin1String("--load-restrictor") ||
                   a == QLatin1String("--load_restrictor")) {
            if (!takeValue())
                return usage(tr("--load-restrictor needs a value"));
            if (value == QLatin1String("LoadRestrictionsNone"))
                options.loadRestrictor = kustomize::LoadRestrictor::None;
            else if (value == QLatin1String("LoadRestrictionsRootOnly"))
                options.loadRestrictor = kustomize::LoadRestrictor::RootOnly;
            else
                return usage(tr("unknown load restrictor '%1'").arg(value));
        } else if (a == QLatin1String("--verify")) {
            verify = true;
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return usage(tr("unknown flag '%1'").arg(a));
        } else if (dir.isEmpty()) {
            dir = a;
        } else {
            return usage(tr("only one directory may be given"));
        }
    }
    if (dir.isEmpty())
        dir = QStringLiteral(".");

    kustomize::Renderer renderer;
    auto result = renderer.render(dir, options);
    if (!result) {
        writeErr(result.error().toString());
        return 1;
    }
    for (const QString &w : result->warnings)
        writeErr(w);
    std::fwrite(result->text.constData(), 1, size_t(result->text.size()), stdout);
    std::fflush(stdout);

    if (!verify)
        return 0;
    const QString program = kustomize::findExternalKustomize();
    auto ext = kustomize::renderExternally(program, QDir(dir).absolutePath(), options);
    if (!ext) {
        writeErr(tr("kanri render: verify: %1").arg(ext.error().toString()));
        return 3;
    }
    if (ext->exitCode != 0) {
        writeErr(tr("kanri render: verify: %1 failed: %2")
                     .arg(ext->program, QString::fromUtf8(ext->err).trimmed()));
        return 3;
    }
    const QString diff = kustomize::describeDifference(result->text, ext->out);
    if (!diff.isEmpty()) {
        writeErr(tr("kanri render: verify: output differs from %1:").arg(ext->program));
        writeErr(diff);
        return 3;
    }
    writeErr(tr("kanri render: verify: identical to %1").arg(ext->program));
    return 0;
}

} // namespace kanri::cli
