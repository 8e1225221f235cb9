#pragma once

#include "core/result.h"
#include "kustomize/renderer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kanri::kustomize {

// Runs a real kustomize (`kustomize build` or `kubectl kustomize`) to cross-check Kanri's
// renderer. `program` is a path or name; a name ending in "kubectl" uses `kubectl kustomize`.
// An empty program means: $KANRI_KUSTOMIZE, else `kustomize`, else `kubectl` from PATH.
struct ExternalRender
{
    QString program; // what ran
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString findExternalKustomize(const QString &configured = {});
Result<ExternalRender> renderExternally(const QString &program, const QString &dir,
                                        const RenderOptions &options, int timeoutMs = 120000);

// A short line diff ("-" ours, "+" theirs) for reports; empty when equal.
QString describeDifference(const QByteArray &ours, const QByteArray &theirs, int maxLines = 40);

} // namespace kanri::kustomize
