// Real-world rendering benchmark (issue 22): the builds of ../shared/conformance/kustomize-real.
//
//   bench_realworld [--cases DIR] [--kanri PATH] [--no-kubectl] [--runs N] [--edits N]
//                   [--cold-only]
//
// 1. every case, cold: a fresh Renderer per render (no parse or emit cache; the files are in
//    the OS page cache), the best of --runs renders; MB/s of rendered output; whole corpus MB/s
//    (sum of bytes / sum of times). Every output is compared with the case's expected.yaml.
// 2. the five heaviest cases (by rendered size): time, MB/s, and peak memory above baseline per
//    rendered MB. Memory is measured in a child process per case (this executable with
//    --child): it resets the peak RSS (/proc/self/clear_refs "5"), reads VmRSS (the baseline:
//    Qt and the libraries loaded, nothing rendered), renders once cold, and reads VmHWM.
// 3. one `kanri render DIR` process against one `kubectl kustomize DIR` process on the five
//    heaviest (median wall time of --runs, each started with posix_spawn and writing to a file;
//    kubectl skipped when absent or with --no-kubectl).
// 4. warm re-render after a one-field edit through a FileOverlay: the largest YAML file of the
//    build (not a kustomization) gets one plain scalar field (description, image, replicas,
//    name...) changed, a different value per edit, on a Renderer that rendered it before;
//    p50/p95 wall of --edits edits. The engine half of keystroke-to-diff.
// --cold-only stops after 1 (to profile the cold path alone).

#include "kustomize/renderer.h"
#include "tests/testsupport/testutil.h"
#include "yaml/yamlvalue.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>

using namespace kanri::kustomize;
namespace yaml = kanri::yaml;

namespace {

void say(const QString &s)
{
    std::printf("%s\n", qPrintable(s));
    std::fflush(stdout);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Case
{
    QString name;
    QString dir;      // the case folder
    QString buildDir; // what is rendered
    RenderOptions options;
    QStringList args; // kubectl_args
    QByteArray expected;
    double coldMs = 0, coldCpuMs = 0;
    qsizetype bytes = 0;
    bool ok = false;
    QString why;
    QStringList inputs;
};

Case loadCase(const QString &dir)
{
    Case c;
    c.dir = dir;
    c.name = QDir(dir).dirName();
    yaml::Value meta;
    if (auto docs = kanri::yaml::parseDocuments(readAll(dir + QStringLiteral("/case.yaml")));
        docs && !docs->empty())
        meta = docs->front();
    if (const yaml::Value *a = meta.get("kubectl_args"); a && a->isSeq())
        for (const yaml::Value &i : a->items)
            c.args << QString::fromStdString(i.text);
    for (qsizetype i = 0; i + 1 < c.args.size(); ++i) {
        if (c.args[i] == QLatin1String("--reorder") && c.args[i + 1] == QLatin1String("none"))
            c.options.reorder = ReorderMode::None;
        if (c.args[i] == QLatin1String("--load-restrictor") &&
            c.args[i + 1] == QLatin1String("LoadRestrictionsNone"))
            c.options.loadRestrictor = LoadRestrictor::None;
    }
    c.buildDir =
        QDir::cleanPath(dir + QLatin1Char('/') + QString::fromStdString(meta.str({"build_dir"})));
    c.expected = readAll(dir + QStringLiteral("/expected.yaml"));
    return c;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Minor page faults of this process so far (fresh memory touched, mapped files).
long minorFaults()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(double(v.size()) * p));
    return v[i];
}

// A field of /proc/self/status in kB, -1 when absent.
long statusKb(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::stol(line.substr(prefix.size()));
    return -1;
}

// --child DIR: one cold render, prints "baselineKb peakKb bytes".
int child(const QString &caseDir)
{
    const Case c = loadCase(caseDir);
    {
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5"; // resets VmHWM to the current RSS
    }
    const long base = statusKb("VmRSS");
    qsizetype bytes = 0;
    {
        Renderer r;
        auto out = r.render(c.buildDir, c.options);
        bytes = out ? out->text.size() : -1;
        const long peak = statusKb("VmHWM");
        std::printf("%ld %ld %lld\n", base, peak, static_cast<long long>(bytes));
    }
    return bytes >= 0 ? 0 : 1;
}

// Wall time of one process (ms), -1 when it failed: started as a shell starts it (posix_spawn,
// which does not copy this process's page tables the way QProcess's fork does) with its output
// going to a file, as `kanri render DIR > out.yaml` (a parent reading a pipe adds its own
// wake-ups to the time of the faster program).
double processMs(const QString &program, const QStringList &args, const QString &cwd,
                 const QString &outFile)
{
    std::vector<QByteArray> owned{QFile::encodeName(program)};
    for (const QString &a : args)
        owned.push_back(a.toUtf8());
    std::vector<char *> argv;
    for (QByteArray &a : owned)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray dir = QFile::encodeName(cwd);
    const QByteArray out = QFile::encodeName(outFile);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, dir.constData());
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

// One plain scalar field of `text` that an edit can change: the first line
// "  <field>: <plain value>" with a field a table edit would touch. Returns the value's byte
// range, or {-1, 0}.
std::pair<qsizetype, qsizetype> editableField(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text);
    for (const char *field : {"description", "image", "replicas", "name"}) {
        const QRegularExpression re(
            QStringLiteral("^[ -]*%1: ([A-Za-z0-9][^#\\n'\"|>]*)$").arg(QLatin1String(field)),
            QRegularExpression::MultilineOption);
        const auto m = re.match(s);
        if (!m.hasMatch())
            continue;
        // Byte offsets of the captured value.
        const qsizetype start = QStringView(s).left(m.capturedStart(1)).toUtf8().size();
        return {start, m.captured(1).toUtf8().size()};
    }
    return {-1, 0};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&](const char *flag) {
        const qsizetype i = args.indexOf(QLatin1String(flag));
        return i > 0 && i + 1 < args.size() ? args[i + 1] : QString();
    };
    if (const QString c = value("--child"); !c.isEmpty())
        return child(c);

    QString root = value("--cases");
    if (root.isEmpty()) {
        QString shared = kanri::test::sharedDir();
        if (shared.isEmpty() && QDir(QStringLiteral(KANRI_SOURCE_ROOT "/../shared")).exists())
            shared = QDir(QStringLiteral(KANRI_SOURCE_ROOT "/../shared")).absolutePath();
        if (!shared.isEmpty())
            root = shared + QStringLiteral("/conformance/kustomize-real/cases");
    }
    if (root.isEmpty() || !QDir(root).exists()) {
        say(QStringLiteral("bench_realworld: ../shared/conformance/kustomize-real/cases not "
                           "found (set KANRI_SHARED or pass --cases DIR): nothing to measure"));
        return 0;
    }
    QString kanri = value("--kanri");
    if (kanri.isEmpty())
        kanri = kanri::test::kanriBinary();
    if (kanri.isEmpty())
        kanri = QStringLiteral(KANRI_BUILD_ROOT "/app/kanri");
    kanri = QFileInfo(kanri).absoluteFilePath(); // the processes run in the case folder
    const QString kubectl =
        args.contains(QStringLiteral("--no-kubectl")) ? QString() : kanri::test::kubectl();
    const int runs = std::max(1, value("--runs").isEmpty() ? 3 : value("--runs").toInt());
    const int edits = std::max(1, value("--edits").isEmpty() ? 100 : value("--edits").toInt());

    // 1. cold, every case
    std::vector<Case> cases;
    const QStringList names = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &n : names)
        cases.push_back(loadCase(root + QLatin1Char('/') + n));
    double totalMs = 0, totalCpuMs = 0;
    qsizetype totalBytes = 0;
    long faults = 0; // during the best-of renders' runs, all of them
    int failures = 0;
    say(QStringLiteral("%1 cases in %2, best of %3 cold renders each (fresh Renderer)")
            .arg(cases.size())
            .arg(root)
            .arg(runs));
    say(QStringLiteral("%1 %2 %3 %4")
            .arg(QStringLiteral("case"), -58)
            .arg(QStringLiteral("KB"), 8)
            .arg(QStringLiteral("ms"), 8)
            .arg(QStringLiteral("MB/s"), 7));
    for (Case &c : cases) {
        std::vector<double> times, cpu;
        for (int i = 0; i < runs; ++i) {
            Renderer r;
            QElapsedTimer t;
            t.start();
            const double c0 = threadCpuMs();
            const long f0 = minorFaults();
            auto out = r.render(c.buildDir, c.options);
            faults += minorFaults() - f0;
            cpu.push_back(threadCpuMs() - c0);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            if (i == 0) {
                if (!out) {
                    c.why = out.error().toString();
                } else {
                    c.bytes = out->text.size();
                    c.ok = out->text == c.expected;
                    c.inputs = out->inputs;
                    if (!c.ok)
                        c.why = QStringLiteral("output differs from expected.yaml");
                }
            }
        }
        c.coldMs = *std::min_element(times.begin(), times.end());
        c.coldCpuMs = *std::min_element(cpu.begin(), cpu.end());
        if (!c.ok)
            ++failures;
        totalMs += c.coldMs;
        totalCpuMs += c.coldCpuMs;
        totalBytes += c.bytes;
        say(QStringLiteral("%1 %2 %3 %4%5")
                .arg(c.name, -58)
                .arg(double(c.bytes) / 1024, 8, 'f', 1)
                .arg(c.coldMs, 8, 'f', 2)
                .arg(double(c.bytes) / 1e6 / (c.coldMs / 1e3), 7, 'f', 1)
                .arg(c.ok ? QString() : QStringLiteral("  FAIL: ") + c.why));
    }

    const bool coldOnly = args.contains(QStringLiteral("--cold-only"));
    auto sayCorpus = [&] {
        say(QString());
        say(QStringLiteral("whole corpus, cold: %1 MB in %2 ms wall -> %3 MB/s (CPU %4 ms -> %5 "
                           "MB/s); %6 of %7 cases identical to expected.yaml; %8 page faults "
                           "per cold render")
                .arg(double(totalBytes) / 1e6, 0, 'f', 2)
                .arg(totalMs, 0, 'f', 1)
                .arg(double(totalBytes) / 1e6 / (totalMs / 1e3), 0, 'f', 1)
                .arg(totalCpuMs, 0, 'f', 1)
                .arg(double(totalBytes) / 1e6 / (totalCpuMs / 1e3), 0, 'f', 1)
                .arg(cases.size() - size_t(failures))
                .arg(cases.size())
                .arg(double(faults) / double(std::max<size_t>(1, cases.size() * size_t(runs))), 0,
                     'f', 0));
    };
    if (coldOnly) {
        sayCorpus();
        return failures ? 1 : 0;
    }

    // 2-4. the five heaviest
    std::vector<Case *> heavy;
    for (Case &c : cases)
        heavy.push_back(&c);
    std::sort(heavy.begin(), heavy.end(), [](Case *a, Case *b) { return a->bytes > b->bytes; });
    heavy.resize(std::min<size_t>(5, heavy.size()));

    struct Row
    {
        double memPerMb = -1, kanriMs = -1, kubectlMs = -1, editP50 = -1, editP95 = -1;
        double editCpuP50 = -1, editCpuP95 = -1;
        QString editWhat;
    };
    std::vector<Row> rows(heavy.size());
    QTemporaryDir scratch;
    const QString outFile = scratch.filePath(QStringLiteral("out.yaml"));
    const bool haveKanri = QFileInfo(kanri).isExecutable();
    for (size_t h = 0; h < heavy.size(); ++h) {
        Case &c = *heavy[h];
        Row &row = rows[h];
        // memory, in a child
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), c.dir});
        if (p.waitForFinished(120000) && p.exitCode() == 0) {
            const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
            if (f.size() == 3 && f[2].toLongLong() > 0)
                row.memPerMb = (f[1].toDouble() - f[0].toDouble()) / 1024.0 /
                               (f[2].toDouble() / (1024.0 * 1024.0));
        }
        // processes
        QStringList rargs{QStringLiteral("render")};
        rargs << c.args << c.buildDir;
        QStringList kargs{QStringLiteral("kustomize")};
        kargs << c.args << c.buildDir;
        std::vector<double> kt, ct;
        for (int i = 0; i < runs; ++i) {
            if (haveKanri)
                kt.push_back(processMs(kanri, rargs, c.dir, outFile));
            if (!kubectl.isEmpty())
                ct.push_back(processMs(kubectl, kargs, c.dir, outFile));
        }
        if (haveKanri)
            row.kanriMs = median(kt);
        if (!kubectl.isEmpty())
            row.kubectlMs = median(ct);
        // warm edits: the largest YAML input that is not a kustomization
        QString file;
        qint64 size = -1;
        for (const QString &in : c.inputs) {
            const QFileInfo fi(in);
            if (!fi.isFile() || fi.fileName().startsWith(QLatin1String("kustomization")) ||
                fi.fileName() == QLatin1String("Kustomization") ||
                !(in.endsWith(QLatin1String(".yaml")) || in.endsWith(QLatin1String(".yml"))))
                continue;
            const QByteArray text = readAll(in);
            if (editableField(text).first >= 0 && fi.size() > size) {
                size = fi.size();
                file = in;
            }
        }
        if (file.isEmpty())
            continue;
        const QByteArray original = readAll(file);
        const auto [at, len] = editableField(original);
        row.editWhat = QStringLiteral("%1 (%2 KB): '%3'")
                           .arg(QDir(c.dir).relativeFilePath(file))
                           .arg(original.size() / 1024)
                           .arg(QString::fromUtf8(original.mid(at, len)).left(30));
        Renderer r;
        (void)r.render(c.buildDir, c.options); // warm
        std::vector<double> times, cpu;
        bool changed = true;
        for (int i = 0; i < edits; ++i) {
            FileOverlay ov;
            QByteArray edited = original;
            edited.replace(at, len, original.mid(at, len) + "x" + QByteArray::number(i));
            ov.files.insert(file, edited);
            QElapsedTimer t;
            t.start();
            const double c0 = threadCpuMs();
            auto out = r.render(c.buildDir, c.options, &ov);
            cpu.push_back(threadCpuMs() - c0);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!out || out->text == c.expected)
                changed = false;
        }
        auto back = r.render(c.buildDir, c.options);
        if (!changed || !back || back->text != c.expected)
            row.editWhat += QStringLiteral("  (WARNING: edit not seen in output, or stale)");
        row.editP50 = median(times);
        row.editP95 = percentile(times, 0.95);
        row.editCpuP50 = median(cpu);
        row.editCpuP95 = percentile(cpu, 0.95);
    }

    sayCorpus();
    say(QString());
    say(QStringLiteral("five heaviest (peak memory: child process, VmHWM after reset minus VmRSS "
                       "before the render; processes: median wall of %1; edit: p50/p95 of %2)")
            .arg(runs)
            .arg(edits));
    auto line = [](const QStringList &cells) {
        static const int widths[] = {-46, 7, 8, 8, 6, 6, 9, 8, 6, 16, 16};
        QString l;
        for (qsizetype i = 0; i < cells.size(); ++i)
            l += (i ? QStringLiteral(" ") : QString()) +
                 QStringLiteral("%1").arg(cells[i], widths[i]);
        say(l);
    };
    line({QStringLiteral("case"), QStringLiteral("KB"), QStringLiteral("cold ms"),
          QStringLiteral("CPU ms"), QStringLiteral("MB/s"), QStringLiteral("MB/MB"),
          QStringLiteral("kanri ms"), QStringLiteral("kubectl"), QStringLiteral("ratio"),
          QStringLiteral("edit p50/p95 ms"), QStringLiteral("edit CPU p50/p95")});
    for (size_t h = 0; h < heavy.size(); ++h) {
        const Case &c = *heavy[h];
        const Row &row = rows[h];
        auto num = [](double v, int prec = 1) {
            return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', prec);
        };
        line({c.name, num(double(c.bytes) / 1024, 0), num(c.coldMs), num(c.coldCpuMs),
              num(double(c.bytes) / 1e6 / (c.coldMs / 1e3)), num(row.memPerMb), num(row.kanriMs),
              num(row.kubectlMs),
              row.kanriMs > 0 && row.kubectlMs > 0
                  ? num(row.kubectlMs / row.kanriMs) + QStringLiteral("x")
                  : QStringLiteral("-"),
              num(row.editP50, 2) + QStringLiteral(" / ") + num(row.editP95, 2),
              num(row.editCpuP50, 2) + QStringLiteral(" / ") + num(row.editCpuP95, 2)});
    }
    for (size_t h = 0; h < heavy.size(); ++h)
        if (!rows[h].editWhat.isEmpty())
            say(QStringLiteral("  edit in %1: %2").arg(heavy[h]->name, rows[h].editWhat));
    if (kubectl.isEmpty())
        say(QStringLiteral("kubectl not found (or --no-kubectl): the kubectl column is skipped"));
    if (!haveKanri)
        say(QStringLiteral("kanri binary not found (--kanri PATH or KANRI_BINARY): the kanri "
                           "render column is skipped"));
    return 0;
}
