// Keystroke-to-diff in the main window on real-world overlays (issue 22), and a megabyte diff
// in the diff panel:
//
//   bench_realdiff [--cases DIR] [--heaviest N] [--edits N] [--keep DIR] [--skip-big]
//                  [--slowest]
//
// The cases are the builds of ../shared/conformance/kustomize-real/cases ($KANRI_SHARED, or
// --cases); without them the benchmark says so and exits 0. The N heaviest (by the size of their
// expected output, 5 by default) become the services of a scratch workspace: each case's files
// are the service's base (services/CASE/base, as the case holds them) and its one environment
// `real` is an overlay of the case's build folder (`resources: [../../base/BUILD_DIR]`), so the
// window renders exactly the case's build. The manifests repository is committed; a copy of the
// heaviest case is added uncommitted as the service NEW-CASE, whose whole render is its diff.
//
// - keystroke-to-diff per case: one field of one of the build's own files is edited through the
//   session's edit buffers, as a table edit does (the YAML engine computes the file's new bytes
//   from what the buffers hold; the buffers record the edit): a Deployment's replicas when the
//   build has one, else the description of its largest CustomResourceDefinition's first version.
//   Measured from the start of the edit until the live diff is in the diff panel and the panel
//   has painted, debounce off; p50/p95/max over --edits edits (200), and the part the edit's YAML
//   computation takes (--slowest: the slowest edits of each case with the times when the
//   buffers held the edit, the live diff came in and the panel had painted). The renders of the
//   working side are counted (RenderPipeline::renderCount) and timed alone (the same render,
//   cold in the pipeline's cache but with the parsed files warm): the share of a keystroke that
//   is the renderer.
// - a megabyte diff: the uncommitted service is selected, its diff (every object added) comes in
//   and is painted; the panel is then scrolled top to bottom in 40 steps in the unified and the
//   side-by-side layout, each step painted. A 1 ms timer on the GUI thread measures the longest
//   stretch the event loop did not turn meanwhile (target under 50 ms).
#include "benchwindow.h"
#include "core/heap.h"
#include "core/workerpool.h"
#include "platform/catalog.h"
#include "platform/livediff.h"
#include "platform/manifestedit.h"
#include "platform/session.h"
#include "tests/testsupport/testutil.h"
#include "ui/diff/diffpanel.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>

using namespace kanri;
using namespace kanri::bench;

namespace {

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

struct Case
{
    QString name, dir, buildDir;
    qint64 renderedBytes = 0;
};

QList<Case> heaviestCases(const QString &casesDir, int count)
{
    QList<Case> cases;
    for (const QFileInfo &info : QDir(casesDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString caseFile = info.filePath() + QStringLiteral("/case.yaml");
        const QFileInfo expected(info.filePath() + QStringLiteral("/expected.yaml"));
        if (!QFileInfo::exists(caseFile) || !expected.exists())
            continue;
        Case c;
        c.name = info.fileName();
        c.dir = info.filePath();
        c.renderedBytes = expected.size();
        try {
            const YAML::Node node = YAML::LoadFile(caseFile.toStdString());
            c.buildDir = QString::fromStdString(node["build_dir"].as<std::string>("."));
        } catch (const YAML::Exception &) {
            continue;
        }
        cases.append(c);
    }
    std::sort(cases.begin(), cases.end(), [](const Case &a, const Case &b) {
        return a.renderedBytes != b.renderedBytes ? a.renderedBytes > b.renderedBytes
                                                  : a.name < b.name;
    });
    return cases.mid(0, count);
}

bool copyCase(const Case &c, const QString &to)
{
    QDirIterator it(c.dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(c.dir).relativeFilePath(path);
        if (rel == QLatin1String("case.yaml") || rel == QLatin1String("expected.yaml"))
            continue;
        const QString target = to + QLatin1Char('/') + rel;
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return false;
    }
    return true;
}

bool writeService(const Case &c, const QString &manifests, const QString &service)
{
    const QString folder = manifests + QStringLiteral("/services/") + service;
    return copyCase(c, folder + QStringLiteral("/base")) &&
           test::writeFile(folder + QStringLiteral("/overlays/real/kustomization.yaml"),
                           "resources:\n- ../../base/" + c.buildDir.toUtf8() + "\n");
}

bool runGit(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
            QStringList{QStringLiteral("-c"), QStringLiteral("user.name=B"), QStringLiteral("-c"),
                        QStringLiteral("user.email=b@example.com")} +
                args);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The field one keystroke edits, in one of the build's own files.
struct EditTarget
{
    QString file; // absolute
    platform::ManifestField field;
    platform::ValueStyle style = platform::ValueStyle::Integer;
    QString what;
    QString value(int i) const
    {
        return style == platform::ValueStyle::Integer
                   ? QString::number(2 + i % 50)
                   : QStringLiteral("Edited description number %1.").arg(i % 50);
    }
};

// A Deployment with replicas defined in a file of the service, else the largest CRD's
// first version's description.
std::optional<EditTarget> editTarget(const kustomize::RenderOutput &out, const QString &serviceDir)
{
    const kustomize::RenderedResource *largestCrd = nullptr;
    for (const auto &r : out.resources) {
        if (!r.originFile.startsWith(serviceDir + QLatin1Char('/')))
            continue;
        if (r.kind == QLatin1String("Deployment") && r.yaml.contains("\n  replicas: ")) {
            // The name as the file writes it (before prefixes).
            try {
                for (const YAML::Node &doc : YAML::LoadAllFromFile(r.originFile.toStdString())) {
                    if (doc.IsMap() && doc["kind"] && doc["kind"].as<std::string>() == "Deployment")
                        return EditTarget{
                            r.originFile,
                            {QStringLiteral("Deployment"),
                             r.apiVersion,
                             QString::fromStdString(doc["metadata"]["name"].as<std::string>()),
                             {"spec", "replicas"}},
                            platform::ValueStyle::Integer,
                            QStringLiteral("Deployment %1 replicas").arg(r.name)};
                }
            } catch (const YAML::Exception &) {
            }
        }
        if (r.kind == QLatin1String("CustomResourceDefinition") &&
            (!largestCrd || r.yaml.size() > largestCrd->yaml.size()))
            largestCrd = &r;
    }
    if (!largestCrd)
        return std::nullopt;
    try {
        for (const YAML::Node &doc : YAML::LoadAllFromFile(largestCrd->originFile.toStdString())) {
            if (!doc.IsMap() || !doc["kind"] ||
                doc["kind"].as<std::string>() != "CustomResourceDefinition")
                continue;
            const QString version =
                QString::fromStdString(doc["spec"]["versions"][0]["name"].as<std::string>());
            return EditTarget{largestCrd->originFile,
                              {QStringLiteral("CustomResourceDefinition"),
                               largestCrd->apiVersion,
                               QString::fromStdString(doc["metadata"]["name"].as<std::string>()),
                               {"spec", "versions", QStringLiteral("name=") + version, "schema",
                                "openAPIV3Schema", "description"}},
                              platform::ValueStyle::String,
                              QStringLiteral("CRD %1 (%2 KB) description of %3")
                                  .arg(largestCrd->name)
                                  .arg(largestCrd->yaml.size() / 1024)
                                  .arg(version)};
        }
    } catch (const YAML::Exception &) {
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    preferOffscreen();
    kanri::keepFreedMemoryForReuse(); // as kanri-gui (app/guimain.cpp) does
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QStringList args = app.arguments().mid(1);
    QString casesDir = test::sharedSubdir(QStringLiteral("conformance/kustomize-real/cases"));
    if (casesDir.isEmpty()) {
        const QString beside = QDir(QCoreApplication::applicationDirPath())
                                   .absoluteFilePath(QStringLiteral("../../../../../shared/"
                                                                    "conformance/kustomize-real/"
                                                                    "cases"));
        if (QFileInfo::exists(beside))
            casesDir = QDir::cleanPath(beside);
    }
    int heaviest = 5, edits = 200;
    QString keep;
    bool big = true, slowest = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--cases") && i + 1 < args.size())
            casesDir = args[++i];
        else if (args[i] == QLatin1String("--heaviest") && i + 1 < args.size())
            heaviest = args[++i].toInt();
        else if (args[i] == QLatin1String("--edits") && i + 1 < args.size())
            edits = args[++i].toInt();
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else if (args[i] == QLatin1String("--skip-big"))
            big = false;
        else if (args[i] == QLatin1String("--slowest"))
            slowest = true;
        else {
            std::fprintf(stderr, "usage: bench_realdiff [--cases DIR] [--heaviest N] [--edits N] "
                                 "[--keep DIR] [--skip-big] [--slowest]\n");
            return 2;
        }
    }
    if (casesDir.isEmpty() || !QFileInfo(casesDir).isDir()) {
        std::printf("skipped: the real-world kustomize corpus (../shared/conformance/"
                    "kustomize-real/cases, or $KANRI_SHARED) is absent\n");
        return 0;
    }
    const QList<Case> cases = heaviestCases(casesDir, heaviest);
    if (cases.isEmpty()) {
        std::printf("skipped: no cases in %s\n", qPrintable(casesDir));
        return 0;
    }
    std::printf("load average %.1f at start\n", loadAverage());

    // The scratch workspace.
    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.filePath(QStringLiteral("realworld")) : keep;
    const QString manifests = dir + QStringLiteral("/manifests");
    const QString newService = QStringLiteral("new-") + cases.first().name;
    if (!QFileInfo::exists(dir + QStringLiteral("/workspace.yaml"))) {
        bool ok = test::writeFile(dir + QStringLiteral("/workspace.yaml"),
                                  "name: realworld\nrepositories:\n"
                                  "  - name: manifests\n    role: manifests\n"
                                  "    path: manifests\n");
        for (const Case &c : cases)
            ok = ok && writeService(c, manifests, c.name);
        ok = ok &&
             runGit(manifests, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                                QStringLiteral("main")}) &&
             runGit(manifests, {QStringLiteral("add"), QStringLiteral("-A")}) &&
             runGit(manifests, {QStringLiteral("commit"), QStringLiteral("-q"),
                                QStringLiteral("-m"), QStringLiteral("real-world builds")});
        // Not committed: its whole render is its diff.
        ok = ok && writeService(cases.first(), manifests, newService);
        if (!ok) {
            std::fprintf(stderr, "cannot write the workspace in %s\n", qPrintable(dir));
            return 1;
        }
    }
    auto ws = platform::Workspace::load(dir);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    auto catalog = platform::Catalog::load(*ws);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", qPrintable(catalog.error().toString()));
        return 1;
    }
    std::unique_ptr<platform::Session> session = platform::Session::create(std::move(*catalog));
    ui::MainWindow window;
    window.setSession(session.get());
    window.resize(1400, 900);
    window.show();
    waitFor([&] { return window.isVisible(); });
    ui::DiffPanel *panel = window.diffPanel();
    platform::LiveDiff *live = window.liveDiff();
    live->setDebounce(0);
    PaintWatch paint;
    paint.within = panel;
    app.installEventFilter(&paint);
    QEventLoop loop;
    QObject::connect(live, &platform::LiveDiff::updated, &loop, [&loop, live] {
        if (!live->isBusy())
            loop.quit();
    });

    struct Row
    {
        QString name, what;
        double mb = 0, p50 = 0, p95 = 0, max = 0, editP50 = 0, renderP50 = 0, cpuP50 = 0;
        int unpainted = 0;
        quint64 renders = 0;
    };
    QList<Row> rows;
    for (const Case &c : cases) {
        const QString overlay = QStringLiteral("services/%1/overlays/real").arg(c.name);
        auto rendered = session->render(overlay, {});
        if (!rendered) {
            std::fprintf(stderr, "%s does not render: %s\n", qPrintable(c.name),
                         qPrintable(rendered.error().toString()));
            return 1;
        }
        const auto target =
            editTarget(*rendered, QDir(manifests).filePath(QStringLiteral("services/") + c.name));
        if (!target) {
            std::fprintf(stderr, "%s: nothing to edit\n", qPrintable(c.name));
            return 1;
        }
        window.selectService(c.name);
        live->computeNow();
        waitFor([&] { return !live->isBusy() && !session->valuesPending(); });
        // The workspace's background scans (disk watcher, git status, Argo CD map) end before
        // the first keystroke, as they do seconds after a workspace opens.
        waitFor([] { return scanPool()->activeThreadCount() == 0; }, 30000);

        Row row;
        row.name = c.name;
        row.what = target->what;
        row.mb = double(rendered->text.size()) / 1e6;
        std::vector<double> wall, editMs, renderMs, cpu;
        // Per edit: the buffers hold the edit, the live diff is in, the panel has painted.
        struct Phases
        {
            int edit;
            double buffered, diffed, painted;
        };
        std::vector<Phases> phases;
        const platform::FileReader read = session->reader();
        const quint64 renders0 = session->renderer()->renderCount();
        for (int i = 0; i < edits; ++i) {
            paint.painted = false;
            QElapsedTimer t;
            t.start();
            const double c0 = cpuMs();
            auto changes = platform::setObjectField(read, target->file, target->field,
                                                    target->value(i + 1), target->style);
            if (!changes) {
                std::fprintf(stderr, "%s: the edit is refused: %s\n", qPrintable(c.name),
                             qPrintable(changes.error().toString()));
                return 1;
            }
            editMs.push_back(msSince(t));
            for (auto it = changes->cbegin(); it != changes->cend(); ++it)
                session->buffers()->edit(it.key(), it.value(), QStringLiteral("bench"),
                                         QStringLiteral("bench"));
            const double buffered = msSince(t);
            loop.exec();
            const double diffed = msSince(t);
            if (!waitFor([&] { return paint.painted; }, 500))
                ++row.unpainted;
            wall.push_back(msSince(t));
            phases.push_back({i, buffered, diffed, wall.back()});
            cpu.push_back(cpuMs() - c0);
            // The services table's values follow on a worker: let them land first.
            waitFor([&] { return !session->valuesPending(); });
        }
        row.renders = session->renderer()->renderCount() - renders0;
        if (slowest) {
            std::sort(phases.begin(), phases.end(),
                      [](const Phases &a, const Phases &b) { return a.painted > b.painted; });
            std::printf("%s, slowest edits (ms from the edit's start): ", qPrintable(c.name));
            for (size_t k = 0; k < std::min<size_t>(phases.size(), 8); ++k)
                std::printf("#%d buffered %.1f diff %.1f painted %.1f; ", phases[k].edit,
                            phases[k].buffered, phases[k].diffed, phases[k].painted);
            std::printf("\n");
        }
        // The render alone: the working side once more, with a value not in the cache.
        for (int i = 0; i < std::min(edits, 20); ++i) {
            auto changes = platform::setObjectField(read, target->file, target->field,
                                                    target->value(1000 + i), target->style);
            kustomize::FileOverlay layer{session->buffers()->overlay()};
            for (auto it = changes->cbegin(); it != changes->cend(); ++it)
                layer.files.insert(it.key(), it.value());
            QElapsedTimer t;
            t.start();
            auto out = session->renderer()->render(QDir(manifests).filePath(overlay), layer);
            renderMs.push_back(msSince(t));
        }
        if (!panel->unifiedText().contains(QStringLiteral("Edited description")) &&
            !panel->unifiedText().contains(QStringLiteral("replicas"))) {
            std::fprintf(stderr, "%s: the diff panel does not show the edit\n", qPrintable(c.name));
            return 1;
        }
        row.p50 = percentile(wall, 0.5);
        row.p95 = percentile(wall, 0.95);
        row.max = percentile(wall, 1.0);
        row.editP50 = percentile(editMs, 0.5);
        row.renderP50 = percentile(renderMs, 0.5);
        row.cpuP50 = percentile(cpu, 0.5);
        rows.append(row);
        session->revert();
        waitFor([&] { return !live->isBusy() && !session->valuesPending(); });
    }

    std::printf("\nkeystroke-to-diff, %d edits each, debounce off (wall ms; edit = the YAML "
                "engine's new bytes; render = one working render alone)\n",
                edits);
    std::printf("%-52s %6s %7s %7s %7s %7s %7s %7s %s\n", "case", "MB", "p50", "p95", "max", "edit",
                "render", "CPU", "edited");
    for (const Row &r : std::as_const(rows)) {
        std::printf("%-52s %6.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %s%s\n", qPrintable(r.name),
                    r.mb, r.p50, r.p95, r.max, r.editP50, r.renderP50, r.cpuP50, qPrintable(r.what),
                    r.unpainted ? qPrintable(QStringLiteral(" (%1 not painted)").arg(r.unpainted))
                                : "");
        if (r.renders > quint64(edits) + 2)
            std::printf("  note: %llu renders for %d edits\n", (unsigned long long)r.renders,
                        edits);
    }

    if (big) {
        // A megabyte diff: the uncommitted service, every object added.
        StallWatch stalls;
        QElapsedTimer t;
        paint.painted = false;
        stalls.start();
        t.start();
        window.selectService(newService);
        waitFor([&] { return !live->isBusy() && !live->results().isEmpty(); });
        const double computedMs = msSince(t);
        waitFor([&] { return paint.painted; });
        const double firstPaintMs = msSince(t);
        waitFor([&] { return panel->isUpToDate(); });
        paint.painted = false;
        waitFor([&] { return paint.painted; }, 2000);
        const double paintedMs = msSince(t);
        const double openStall = stalls.maxGapMs;
        const qsizetype bytes = panel->unifiedText().toUtf8().size();
        QList<double> scrollStalls;
        auto *mode = panel->findChild<QComboBox *>();
        for (int layout = 0; layout < 2; ++layout) {
            if (mode)
                mode->setCurrentIndex(layout);
            QCoreApplication::processEvents();
            QPlainTextEdit *view = nullptr;
            for (QPlainTextEdit *v : panel->findChildren<QPlainTextEdit *>()) {
                if (v->isVisible()) {
                    view = v;
                    break;
                }
            }
            if (!view)
                break;
            stalls.start();
            QScrollBar *bar = view->verticalScrollBar();
            for (int step = 0; step <= 40; ++step) {
                paint.painted = false;
                bar->setValue(bar->maximum() * step / 40);
                waitFor([&] { return paint.painted; }, 2000);
            }
            scrollStalls.append(stalls.maxGapMs);
        }
        stalls.stop();
        if (mode)
            mode->setCurrentIndex(0);
        std::printf("\nmegabyte diff (%s, every object added, %.2f MB of unified text): computed "
                    "%.0f ms, first paint %.0f ms, all of it in the views %.0f ms after the "
                    "selection; longest GUI stall %.1f ms while it came in, %.1f ms scrolling "
                    "unified, %.1f ms scrolling side by side\n",
                    qPrintable(newService), double(bytes) / 1e6, computedMs, firstPaintMs,
                    paintedMs, openStall, scrollStalls.value(0), scrollStalls.value(1));
    }
    std::printf("load average %.1f at the end\n", loadAverage());
    app.removeEventFilter(&paint);
    window.setSession(nullptr);
    return 0;
}
