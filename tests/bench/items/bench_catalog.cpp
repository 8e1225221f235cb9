// Catalog load and one-cell edits on a generated workspace: 2,000 services × 3 overlays and
// 5,000 developers (tests/testsupport/catalogfixture.h writes it into a temporary folder).
//
//   bench_catalog [SERVICES [DEVELOPERS [EDITS]]]
//
// The scale run of issue 22 is `bench_catalog 20000 50000`.
//
// Prints wall and CPU time and peak RSS (VmHWM) of the load, then p50/p95 of one-cell edits
// through the item models: setData until the model has announced the change, and the same
// plus reading the new value back (which renders the edited overlay again); then edits of the
// microservices file as text.

#include "items/containersmodel.h"
#include "items/developersmodel.h"
#include "items/servicesmodel.h"
#include "platform/session.h"
#include "tests/testsupport/catalogfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace kanri;

namespace {

// CPU time of this thread, in ms: on a loaded machine wall times of sub-millisecond work
// mostly measure the scheduler.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

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

struct Stats
{
    double p50 = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return {};
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

void print(const char *what, const Stats &s, int n)
{
    std::printf("%-58s p50 %8.3f ms  p95 %8.3f ms  max %8.3f ms  (n=%d)\n", what, s.p50, s.p95,
                s.max, n);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int services = args.size() > 1 ? args[1].toInt() : 2000;
    const int developers = args.size() > 2 ? args[2].toInt() : 5000;
    const int edits = args.size() > 3 ? args[3].toInt() : 200;

    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    if (!test::writeWorkspace(dir.path(),
                              {.services = services, .developers = developers, .teams = 16})) {
        std::fprintf(stderr, "error: could not write the workspace in %s\n",
                     qPrintable(dir.path()));
        return 1;
    }
    std::printf("generated %d services x 3 overlays, %d developers in %lld ms\n", services,
                developers, timer.elapsed());
    const long rssBefore = statusKb("VmRSS");

    auto ws = platform::Workspace::load(dir.path());
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    const double cpu0 = cpuSeconds();
    timer.restart();
    auto opened = platform::Session::open(*ws);
    const double wall = double(timer.nsecsElapsed()) / 1e6;
    const double cpu = (cpuSeconds() - cpu0) * 1000;
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    platform::Session &session = **opened;
    const platform::Catalog &c = session.catalog();
    std::printf("catalog load: %.1f ms wall, %.1f ms CPU, peak RSS %.1f MB (VmHWM; %.1f MB "
                "before the load)\n",
                wall, cpu, double(statusKb("VmHWM")) / 1024, double(rssBefore) / 1024);
    std::printf("  %lld services, %lld developers, %lld microservices, %lld teams, %lld problems\n",
                qlonglong(c.services.size()), qlonglong(c.developers.size()),
                qlonglong(c.microservices.size()), qlonglong(c.teams.size()),
                qlonglong(c.problems.size()));

    items::ServicesModel servicesModel(&session);
    items::DevelopersModel developersModel(&session);
    items::ContainersModel containersModel(&session);
    int announced = 0;
    QObject::connect(&servicesModel, &QAbstractItemModel::dataChanged, [&] { ++announced; });
    QObject::connect(&containersModel, &QAbstractItemModel::dataChanged, [&] { ++announced; });
    QObject::connect(&developersModel, &QAbstractItemModel::dataChanged, [&] { ++announced; });

    const int n = std::min(edits, int(c.services.size()));
    const int prdReplicas =
        servicesModel.column(QStringLiteral("prd"), platform::ServiceSetting::Replicas);
    // Render the services to edit first: the table shows them before anyone types.
    for (int i = 0; i < n; ++i)
        (void)servicesModel.index(i, prdReplicas).data();
    std::vector<double> setOnly, setAndRead, setCpu;
    for (int i = 0; i < n; ++i) {
        const QModelIndex cell = servicesModel.index(i, prdReplicas);
        const int before = announced;
        const double cpuStart = threadCpuMs();
        timer.restart();
        servicesModel.setData(cell, 4 + i % 5);
        setOnly.push_back(double(timer.nsecsElapsed()) / 1e6);
        setCpu.push_back(threadCpuMs() - cpuStart);
        if (announced == before) {
            std::fprintf(stderr, "error: the edit of row %d was not announced\n", i);
            return 1;
        }
        timer.restart();
        const int now = cell.data().toInt();
        setAndRead.push_back(setOnly.back() + double(timer.nsecsElapsed()) / 1e6);
        if (now != 4 + i % 5) {
            std::fprintf(stderr, "error: row %d reads %d after the edit\n", i, now);
            return 1;
        }
    }
    print("services table, prd replicas: setData -> dataChanged", stats(setOnly), n);
    print("  the same, CPU time of the GUI thread", stats(setCpu), n);
    print("services table, prd replicas: + read back (re-render)", stats(setAndRead), n);

    // Typing into one cell: consecutive edits of one field (merged into one undo step).
    containersModel.setService(0);
    const int cpuRow =
        containersModel.row(QStringLiteral("app"), platform::ContainerField::CpuRequest);
    const QModelIndex cpuCell = containersModel.index(cpuRow, containersModel.column("stg"));
    (void)cpuCell.data();
    std::vector<double> typing;
    for (int i = 0; i < edits; ++i) {
        timer.restart();
        containersModel.setData(cpuCell, QStringLiteral("%1m").arg(100 + i));
        typing.push_back(double(timer.nsecsElapsed()) / 1e6);
        (void)cpuCell.data(); // the view repaints between two keystrokes
    }
    print("containers table, stg CPU request typed into one cell", stats(typing), edits);

    const int admin = int(c.developerFields.indexOf(QStringLiteral("admin"))) + 1;
    const int name = int(c.developerFields.indexOf(QStringLiteral("name"))) + 1;
    std::vector<double> devEdits, devCpu;
    int devAnnounced = 0;
    QObject::connect(&developersModel, &QAbstractItemModel::dataChanged, [&] { ++devAnnounced; });
    for (int i = 0; i < std::min(edits, int(c.developers.size())); ++i) {
        const int row = (i * 37) % int(c.developers.size());
        const int before = devAnnounced;
        const double cpuStart = threadCpuMs();
        timer.restart();
        if (i % 2)
            developersModel.setData(
                developersModel.index(row, admin),
                developersModel.index(row, admin).data(Qt::CheckStateRole).toInt() == Qt::Checked
                    ? Qt::Unchecked
                    : Qt::Checked,
                Qt::CheckStateRole);
        else
            developersModel.setData(developersModel.index(row, name),
                                    QStringLiteral("Name %1").arg(i));
        devEdits.push_back(double(timer.nsecsElapsed()) / 1e6);
        devCpu.push_back(threadCpuMs() - cpuStart);
        if (devAnnounced == before) {
            std::fprintf(stderr, "error: the developer edit of row %d was not announced\n", row);
            return 1;
        }
    }
    const QByteArray devLabel = QStringLiteral("developers table (%1 entries in one file): setData")
                                    .arg(c.developers.size())
                                    .toUtf8();
    print(devLabel.constData(), stats(devEdits), int(devEdits.size()));
    print("  the same, CPU time of the GUI thread", stats(devCpu), int(devCpu.size()));

    // The microservices file edited as text (in an editor, by a wizard): one entry's team
    // changed, the file parsed again and its entries compared, the services linked to them.
    if (!c.microservices.isEmpty()) {
        const QString msFile = QDir(c.accountsRoot).filePath(c.microservices.constFirst().file);
        const int msEdits = std::min(edits, 50);
        std::vector<double> msCpu;
        for (int i = 0; i < msEdits; ++i) {
            auto bytes = session.buffers()->read(msFile);
            if (!bytes) {
                std::fprintf(stderr, "error: %s\n", qPrintable(bytes.error().toString()));
                return 1;
            }
            // The entry's `team =` field: its value gains or loses a suffix.
            qsizetype at = -1;
            for (int k = 0; k <= (i * 97) % int(c.microservices.size()); ++k) {
                at = bytes->indexOf("team ", at + 1);
                if (at < 0)
                    break;
            }
            const qsizetype quote = at < 0 ? -1 : bytes->indexOf('"', at);
            const qsizetype end = quote < 0 ? -1 : bytes->indexOf('"', quote + 1);
            if (end < 0) {
                std::fprintf(stderr, "error: no team field to edit in %s\n", qPrintable(msFile));
                return 1;
            }
            QByteArray text = *bytes;
            if (text.mid(end - 2, 2) == "-x")
                text.remove(end - 2, 2);
            else
                text.insert(end, "-x");
            const double cpuStart = threadCpuMs();
            session.buffers()->edit(msFile, text, QStringLiteral("bench"));
            msCpu.push_back(threadCpuMs() - cpuStart);
            const int entry = (i * 97) % int(c.microservices.size());
            const qsizetype close = text.indexOf('"', quote + 1);
            const QString team = QString::fromUtf8(text.mid(quote + 1, close - quote - 1));
            const QString now = session.catalog()
                                    .microservices.at(entry)
                                    .fields.value(QStringLiteral("team"))
                                    .toString();
            if (now != team) {
                std::fprintf(stderr, "error: entry %d reads team %s after the edit\n", entry,
                             qPrintable(now));
                return 1;
            }
        }
        const QByteArray label = QStringLiteral("microservices file (%1 entries) edited as text")
                                     .arg(c.microservices.size())
                                     .toUtf8();
        print(label.constData(), stats(msCpu), msEdits);
        std::printf("  (CPU time of the GUI thread: parse, compare, link)\n");
    }
    std::printf("peak RSS at the end: %.1f MB\n", double(statusKb("VmHWM")) / 1024);
    return 0;
}
