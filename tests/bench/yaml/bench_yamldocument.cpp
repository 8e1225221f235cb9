// Times YamlDocument's edits: parse, a one-scalar edit (splice, update of the layout, check) and
// its undo, on a generated 500-line manifest and on real files: the largest
// CustomResourceDefinition files of ../shared/conformance/kustomize-real (the description of a
// CRD's first version, as the real-world diff benchmark edits it) and its largest Deployment
// (replicas). The corpus part is skipped when the corpus is absent. Times are wall and CPU (this
// thread) milliseconds, p50/p95; each edit starts from a copy of the document the previous edit
// produced, as the session does.
//
//   bench_yamldocument [--edits N] [--top N] [--corpus DIR] [FILE...]
//
// FILE: files to edit instead of the corpus's (a CRD's description, else a Deployment's replicas).

#include "tests/testsupport/testutil.h"
#include "yaml/yamldocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

using namespace kanri::yaml;

namespace {

// A Deployment with many containers, env vars and comments: about 500 lines.
QByteArray manifest()
{
    QByteArray out = "# generated for the benchmark\n"
                     "apiVersion: apps/v1\n"
                     "kind: Deployment\n"
                     "metadata:\n"
                     "  name: web\n"
                     "  labels:\n"
                     "    app: web\n"
                     "spec:\n"
                     "  replicas: 2 # scaled by the catalog\n"
                     "  selector:\n"
                     "    matchLabels:\n"
                     "      app: web\n"
                     "  template:\n"
                     "    spec:\n"
                     "      containers:\n";
    int c = 0;
    while (out.count('\n') < 490) {
        out += "      - name: c" + QByteArray::number(c) +
               "\n"
               "        image: \"registry.example/app:" +
               QByteArray::number(c) +
               ".0\"\n"
               "        resources:\n"
               "          requests: {cpu: 100m, memory: 64Mi}\n"
               "        env:\n";
        for (int e = 0; e < 6; ++e)
            out += "        - name: VAR_" + QByteArray::number(e) + "\n          value: 'v" +
                   QByteArray::number(e) + "' # comment\n";
        ++c;
    }
    return out;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(double(v.size()) * p))];
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU time of one call.
struct Timer
{
    QElapsedTimer wall;
    double cpu0 = 0;
    void start()
    {
        cpu0 = threadCpuMs();
        wall.start();
    }
    void stop(std::vector<double> &wallMs, std::vector<double> &cpuMs) const
    {
        wallMs.push_back(double(wall.nsecsElapsed()) / 1e6);
        cpuMs.push_back(threadCpuMs() - cpu0);
    }
};

// What one benchmark row edits.
struct Target
{
    QString label;
    QByteArray text;
    YamlPath path;
    int document = 0;
    bool integer = false;
    QString value(int i) const
    {
        return integer ? QString::number(2 + i % 50)
                       : QStringLiteral("Edited description number %1.").arg(i % 50);
    }
};

// The description of the first version of the first CRD of the file, else the replicas of its
// first Deployment.
std::optional<Target> targetIn(const QString &label, const QByteArray &text)
{
    auto doc = YamlDocument::parse(text, label);
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().toString()));
        return std::nullopt;
    }
    for (int d = 0; d < doc->documentCount(); ++d) {
        const QString kind = doc->scalar({"kind"}, d).value_or(QString());
        if (kind == QLatin1String("CustomResourceDefinition")) {
            const auto version = doc->scalar({"spec", "versions", 0, "name"}, d);
            if (!version)
                continue;
            const YamlPath path{"spec",   "versions",        QStringLiteral("name=") + *version,
                                "schema", "openAPIV3Schema", "description"};
            if (doc->kind(path, d) == YamlNodeKind::Scalar)
                return Target{label, text, path, d, false};
        }
        if (kind == QLatin1String("Deployment") &&
            doc->kind({"spec", "replicas"}, d) == YamlNodeKind::Scalar)
            return Target{label, text, {"spec", "replicas"}, d, true};
    }
    return std::nullopt;
}

struct Row
{
    QString label;
    qsizetype bytes = 0;
    double parse = 0;                  // CPU p50
    double firstP50 = 0, firstP95 = 0; // CPU: an edit of the file as written
    double nextP50 = 0, nextP95 = 0;   // CPU: an edit of the document the last edit produced
    double nextWallP95 = 0;
    double undoP50 = 0, undoP95 = 0; // CPU: back to the text before the edit
};

std::optional<Row> run(const Target &t, int edits)
{
    Row row;
    row.label = t.label;
    row.bytes = t.text.size();
    std::vector<double> parseWall, parseCpu;
    const int parses = t.text.size() > 100'000 ? 5 : 50;
    Timer timer;
    std::optional<YamlDocument> original;
    for (int i = 0; i < parses; ++i) {
        timer.start();
        auto doc = YamlDocument::parse(t.text, t.label);
        timer.stop(parseWall, parseCpu);
        if (!doc) {
            std::fprintf(stderr, "%s\n", qPrintable(doc.error().toString()));
            return std::nullopt;
        }
        original = std::move(*doc);
    }
    row.parse = percentile(parseCpu, 0.5);
    const ScalarStyle style = t.integer ? ScalarStyle::Auto : ScalarStyle::String;

    std::vector<double> wall, firstCpu, nextWall, nextCpu, undoCpu;
    auto undo = [&](const YamlDocument &edited, const YamlSplice &splice,
                    const YamlDocument &before) {
        YamlDocument undone = edited;
        timer.start();
        const auto ok = undone.apply(splice.inverted());
        timer.stop(wall, undoCpu);
        if (!ok || undone.text() != before.text()) {
            std::fprintf(stderr, "%s: the undo failed\n", qPrintable(t.label));
            return false;
        }
        return true;
    };
    // The first edit of the file as written (a CRD's description is often a multi-line plain
    // scalar) and its undo, back to that text.
    for (int i = 0; i < std::max(10, edits / 4); ++i) {
        YamlDocument doc = *original;
        timer.start();
        auto splice = doc.setScalar(t.path, t.value(i + 1), style, t.document);
        timer.stop(wall, firstCpu);
        if (!splice) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(t.label),
                         qPrintable(splice.error().toString()));
            return std::nullopt;
        }
        if (!undo(doc, *splice, *original))
            return std::nullopt;
    }
    // Keystrokes: each edit on a copy of the document the last one produced (the session keeps
    // it); every tenth undone.
    YamlDocument current = *original;
    for (int i = 0; i < edits; ++i) {
        YamlDocument doc = current;
        timer.start();
        auto splice = doc.setScalar(t.path, t.value(i + 1), style, t.document);
        timer.stop(nextWall, nextCpu);
        if (!splice) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(t.label),
                         qPrintable(splice.error().toString()));
            return std::nullopt;
        }
        if (i % 10 == 9 && !undo(doc, *splice, current))
            return std::nullopt;
        current = std::move(doc);
    }
    row.firstP50 = percentile(firstCpu, 0.5);
    row.firstP95 = percentile(firstCpu, 0.95);
    row.nextP50 = percentile(nextCpu, 0.5);
    row.nextP95 = percentile(nextCpu, 0.95);
    row.nextWallP95 = percentile(nextWall, 0.95);
    row.undoP50 = percentile(undoCpu, 0.5);
    row.undoP95 = percentile(undoCpu, 0.95);
    return row;
}

QString corpusDir(const QString &given)
{
    if (!given.isEmpty())
        return given;
    QString dir = kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize-real/cases"));
    if (dir.isEmpty()) {
        const QString beside =
            QDir(QCoreApplication::applicationDirPath())
                .absoluteFilePath(QStringLiteral("../../../../../shared/conformance/"
                                                 "kustomize-real/cases"));
        if (QFileInfo::exists(beside))
            dir = QDir::cleanPath(beside);
    }
    return dir;
}

// The corpus's source files (not the expected renders), largest first, each content once: the
// `top` largest with a CRD, and the largest with a Deployment's replicas.
std::vector<Target> corpusTargets(const QString &dir, int top)
{
    struct File
    {
        QString path;
        qint64 size;
    };
    std::vector<File> files;
    QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.fileName() != QLatin1String("expected.yaml"))
            files.push_back({info.filePath(), info.size()});
    }
    std::sort(files.begin(), files.end(), [](const File &a, const File &b) {
        return a.size != b.size ? a.size > b.size : a.path < b.path;
    });
    std::vector<Target> out;
    QSet<QByteArray> seen;
    int crds = 0;
    bool deployment = false;
    for (const File &f : files) {
        if (crds >= top && deployment)
            break;
        QFile file(f.path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        const bool isCrd = text.contains("\nkind: CustomResourceDefinition");
        const bool isDeployment =
            text.contains("\nkind: Deployment") && text.contains("\n  replicas:");
        if ((!isCrd || crds >= top) && (!isDeployment || deployment))
            continue;
        const QByteArray hash = QCryptographicHash::hash(text, QCryptographicHash::Sha1);
        if (seen.contains(hash))
            continue;
        seen.insert(hash);
        const QString label = QDir(dir).relativeFilePath(f.path);
        if (auto t = targetIn(label, text)) {
            if (t->integer && !deployment) {
                deployment = true;
                out.push_back(*t);
            } else if (!t->integer && crds < top) {
                ++crds;
                out.push_back(*t);
            }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int edits = 200, top = 5;
    QString corpus;
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--edits") && i + 1 < args.size()) {
            edits = std::max(10, args[++i].toInt());
        } else if (args[i] == QLatin1String("--top") && i + 1 < args.size()) {
            top = std::max(0, args[++i].toInt());
        } else if (args[i] == QLatin1String("--corpus") && i + 1 < args.size()) {
            corpus = args[++i];
        } else if (args[i].startsWith(QLatin1Char('-'))) {
            std::fprintf(stderr, "usage: bench_yamldocument [--edits N] [--top N] [--corpus DIR] "
                                 "[FILE...]\n");
            return 2;
        } else {
            files << args[i];
        }
    }

    std::vector<Target> targets;
    if (auto t = targetIn(QStringLiteral("generated manifest (500 lines)"), manifest()))
        targets.push_back(*t);
    if (!files.isEmpty()) {
        for (const QString &path : files) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: error: cannot read the file\n", qPrintable(path));
                return 1;
            }
            auto t = targetIn(path, f.readAll());
            if (!t) {
                std::fprintf(stderr, "%s: error: no CRD description or Deployment replicas\n",
                             qPrintable(path));
                return 1;
            }
            targets.push_back(*t);
        }
    } else {
        const QString dir = corpusDir(corpus);
        if (dir.isEmpty())
            std::printf("(../shared/conformance/kustomize-real is absent: the generated manifest "
                        "only)\n");
        else
            for (Target &t : corpusTargets(dir, top))
                targets.push_back(std::move(t));
    }

    std::printf("one-scalar edit (CPU ms of this thread, p50/p95): first = an edit of the file "
                "as written, next = %d keystrokes each on the document the last one produced "
                "(and its wall p95), undo = back to the text before an edit\n",
                edits);
    std::printf("%-58s %6s %7s %7s %7s %7s %7s %7s %7s %7s\n", "file", "KB", "parse", "first50",
                "first95", "next50", "next95", "wall95", "undo50", "undo95");
    for (const Target &t : targets) {
        const auto row = run(t, edits);
        if (!row)
            return 1;
        QString label = row->label;
        if (label.size() > 58)
            label = QStringLiteral("...") + label.right(55);
        std::printf("%-58s %6lld %7.2f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f\n",
                    qPrintable(label), (long long)(row->bytes / 1024), row->parse, row->firstP50,
                    row->firstP95, row->nextP50, row->nextP95, row->nextWallP95, row->undoP50,
                    row->undoP95);
        std::fflush(stdout);
    }
    return 0;
}
