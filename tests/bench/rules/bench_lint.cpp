// `kanri lint --workspace` at scale: the catalog benchmark's generated workspace (SERVICES × 3
// overlays, DEVELOPERS developers, 16 teams; tests/testsupport/catalogfixture.h) linted in
// process exactly as the command line does it (one kustomize::Renderer, every rule, the text
// report).
//
//   bench_lint [SERVICES [DEVELOPERS]] [--repeat N] [--keep DIR] [--keep-caches]
//
// The renderer's parsed files are dropped every 3,000 renders (Linter::setReleaseCaches), as
// `kanri lint` is meant to; --keep-caches keeps them all (memory then grows with the workspace).
//
// Defaults: 2,000 services, 5,000 developers, one run. --keep DIR writes the workspace into
// DIR (reused when it already holds one) so that `time kanri lint --workspace DIR` can be run
// on the same files. Prints the wall and CPU time of each run, the rendered kustomizations, the
// findings by severity, a checksum of the report (equal checksums: the same findings in the same
// order) and the peak RSS.

#include "kustomize/renderer.h"
#include "rules/rulefinding.h"
#include "rules/rulelinter.h"
#include "tests/testsupport/catalogfixture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace kanri;

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

long statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLong();
    }
    return -1;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QList<int> numbers;
    int repeat = 1;
    QString keep;
    bool keepCaches = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeat") && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--keep-caches"))
            keepCaches = true;
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else
            numbers << args[i].toInt();
    }
    const int services = numbers.value(0, 2000);
    const int developers = numbers.value(1, 5000);

    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QElapsedTimer timer;
    timer.start();
    if (QFileInfo::exists(dir + QStringLiteral("/workspace.yaml"))) {
        std::printf("reusing the workspace in %s\n", qPrintable(dir));
    } else {
        if (!test::writeWorkspace(dir,
                                  {.services = services, .developers = developers, .teams = 16})) {
            std::fprintf(stderr, "error: could not write the workspace in %s\n", qPrintable(dir));
            return 1;
        }
        std::printf("generated %d services x 3 overlays, %d developers in %lld ms\n", services,
                    developers, timer.elapsed());
    }
    std::printf("machine: %d threads, load average %.2f before the runs\n",
                QThread::idealThreadCount(), loadAverage());

    for (int run = 0; run < repeat; ++run) {
        const double cpu0 = cpuSeconds();
        timer.restart();
        auto workspace = platform::workspaceForDirectory(dir);
        if (!workspace) {
            std::fprintf(stderr, "%s\n", qPrintable(workspace.error().toString()));
            return 1;
        }
        // As app/cli/cmd_lint.cpp: one renderer for the whole run, its caches released as it goes.
        auto renderer = std::make_shared<kustomize::Renderer>();
        platform::Linter linter([renderer](const QString &kustomizationDir) -> Result<QByteArray> {
            auto out = renderer->render(kustomizationDir);
            if (!out)
                return std::unexpected(out.error());
            return out->text;
        });
        if (!keepCaches)
            linter.setReleaseCaches([renderer] { renderer->clearCache(); });
        auto result = linter.lint(*workspace);
        if (!result) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error().toString()));
            return 1;
        }
        const QByteArray report =
            platform::formatFindings(result->findings, platform::ReportFormat::Text);
        const double wall = double(timer.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        std::printf(
            "lint run %d: %.2f s wall, %.2f s CPU; %d rendered kustomizations; "
            "%d error(s), %d warning(s), %d note(s); report sha1 %s\n",
            run + 1, wall, cpu, result->renderedTargets, result->count(platform::Severity::Error),
            result->count(platform::Severity::Warning), result->count(platform::Severity::Info),
            QCryptographicHash::hash(report, QCryptographicHash::Sha1)
                .toHex()
                .left(12)
                .constData());
    }
    std::printf("peak RSS: %.1f MB (VmHWM)\n", double(statusKb("VmHWM")) / 1024);
    return 0;
}
