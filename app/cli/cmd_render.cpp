#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "core/fileio.h"
#include "kustomize/externalkustomize.h"
#include "kustomize/renderer.h"

#include <QCoreApplication>
#include <QDir>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unistd.h>

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

// Writes all of `bytes` to stdout (after what stdio holds); 0 or the errno.
int writeAllOut(const QByteArray &bytes)
{
    if (std::fflush(stdout) != 0)
        return errno ? errno : EIO;
    return writeAll(STDOUT_FILENO, bytes);
}

// What a render made, and the renderer with its caches.
struct RenderState
{
    kustomize::Renderer renderer;
    std::optional<Result<kustomize::RenderOutput>> result;
};

enum class AtReturn { Free, Keep };

// AtReturn::Keep: a render's trees are hundreds of thousands of small allocations; the process
// ends when the command returns and the system takes the memory back at once.
RenderState *kept = nullptr;

// kanri render [--reorder legacy|none] [--load-restrictor ...] [--verify] DIR
// Prints what `kustomize build DIR` prints. Exit codes: 0 success, 1 the build failed,
// 2 usage error, 3 --verify found a difference from the external kustomize (or it failed).
int render(const QStringList &args, AtReturn atReturn)
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

    auto *state = new RenderState;
    std::unique_ptr<RenderState> owner;
    if (atReturn == AtReturn::Free)
        owner.reset(state);
    else
        kept = state; // reachable until the process ends, never freed
    const auto &result = state->result.emplace(state->renderer.render(dir, options));
    if (!result) {
        writeErr(result.error().toString());
        return 1;
    }
    for (const QString &w : result->warnings)
        writeErr(w);
    if (const int err = writeAllOut(result->text)) {
        writeErr(tr("kanri render: error: cannot write the output: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(err))));
        return 1;
    }

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

} // namespace

int runRender(const QStringList &args)
{
    return render(args, AtReturn::Free);
}

int runRenderThenEnd(const QStringList &args)
{
    return render(args, AtReturn::Keep);
}

} // namespace kanri::cli
