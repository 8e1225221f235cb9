#include "kustomize/externalkustomize.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace kanri::kustomize {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::kustomize", s);
}
} // namespace

QString findExternalKustomize(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    const QString env = qEnvironmentVariable("KANRI_KUSTOMIZE");
    if (!env.isEmpty())
        return env;
    for (const char *name : {"kustomize", "kubectl"}) {
        const QString p = QStandardPaths::findExecutable(QLatin1String(name));
        if (!p.isEmpty())
            return p;
    }
    return {};
}

Result<ExternalRender> renderExternally(const QString &program, const QString &dir,
                                        const RenderOptions &options, int timeoutMs)
{
    if (program.isEmpty())
        return fail(Error::Code::NotFound,
                    tr("no external kustomize found (set KANRI_KUSTOMIZE or install kubectl)"));
    QStringList args;
    if (QFileInfo(program).fileName().startsWith(QLatin1String("kubectl")))
        args << QStringLiteral("kustomize");
    else
        args << QStringLiteral("build");
    if (options.reorder == ReorderMode::None)
        args << QStringLiteral("--reorder") << QStringLiteral("none");
    if (options.loadRestrictor == LoadRestrictor::None)
        args << QStringLiteral("--load-restrictor") << QStringLiteral("LoadRestrictionsNone");
    args << dir;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(timeoutMs))
        return fail(Error::Code::NotFound, tr("cannot start %1: %2").arg(program, p.errorString()));
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return fail(Error::Code::Generic, tr("%1 timed out").arg(program));
    }
    ExternalRender r;
    r.program = program;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString describeDifference(const QByteArray &ours, const QByteArray &theirs, int maxLines)
{
    if (ours == theirs)
        return {};
    const QList<QByteArray> a = ours.split('\n'), b = theirs.split('\n');
    // Skip the common head and tail, print the differing middle.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype ta = a.size(), tb = b.size();
    while (ta > head && tb > head && a[ta - 1] == b[tb - 1])
        --ta, --tb;
    QStringList lines;
    lines << tr("@@ line %1 @@").arg(head + 1);
    for (qsizetype i = head; i < ta && lines.size() < maxLines; ++i)
        lines << QStringLiteral("-") + QString::fromUtf8(a[i]);
    for (qsizetype i = head; i < tb && lines.size() < maxLines; ++i)
        lines << QStringLiteral("+") + QString::fromUtf8(b[i]);
    return lines.join(QLatin1Char('\n'));
}

} // namespace kanri::kustomize
