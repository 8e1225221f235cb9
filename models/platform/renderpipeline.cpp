#include "platform/renderpipeline.h"

#include "core/fileio.h"
#include "core/workerpool.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QThreadPool>
#include <QWaitCondition>

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <optional>

namespace kanri::platform {

namespace {

// Variants kept per overlay (HEAD and working renders, a few edits back), and in all: a
// workspace of 2,000 services with three environments each fits.
constexpr std::size_t kVariantsPerOverlay = 4;
constexpr qsizetype kMaxEntries = 8192;
// A file younger than this is not trusted on its stat signature alone (the kernel stamps
// files from a coarse clock): its bytes are part of the key.
constexpr qint64 kTrustAfterNs = 2'000'000'000LL;
// A file stamped this close to a render's start may have been written while the render read
// it: that render is not kept.
constexpr qint64 kRaceNs = 20'000'000LL;

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
}

} // namespace

// What one input path read as when the render ran.
struct RenderPipeline::Input
{
    enum class State : quint8 { Layer, LayerDeleted, File, Folder, Absent, LayerFolder };
    QString path;
    State state = State::Absent;
    QByteArray bytes; // Layer: the content; File: the content while the file was young
    bool hasBytes = false;
    qint64 dev = 0, ino = 0, size = 0, mtimeNs = 0, ctimeNs = 0;
    // A File kept with its bytes (it was young when rendered) whose bytes were found the same
    // once it was no longer young: from then on a write would show in its signature, and its
    // bytes need not be read again. Set by concurrent checks, hence atomic.
    struct Flag
    {
        std::atomic_bool on = false;
        Flag() = default;
        Flag(const Flag &other)
            : on(other.on.load())
        {}
        Flag &operator=(const Flag &other)
        {
            on = other.on.load();
            return *this;
        }
    };
    mutable Flag settled;

    // How `path` reads through `layer` now. A file's bytes are read when `withBytes`, or when
    // it is young at `now` (nullopt: never on its age alone).
    static Input observe(const QString &path, const kustomize::FileOverlay &layer,
                         std::optional<qint64> now, bool withBytes)
    {
        Input in;
        in.path = path;
        if (auto it = layer.files.constFind(path); it != layer.files.constEnd()) {
            in.state = it->has_value() ? State::Layer : State::LayerDeleted;
            if (it->has_value()) {
                in.bytes = **it;
                in.hasBytes = true;
            }
            return in;
        }
        struct stat st;
        if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
            // A folder that only unsaved files make counts as a folder to the renderer.
            const QString prefix = path + QLatin1Char('/');
            in.state = State::Absent;
            for (auto it = layer.files.cbegin(); it != layer.files.cend(); ++it) {
                if (it->has_value() && it.key().startsWith(prefix)) {
                    in.state = State::LayerFolder;
                    break;
                }
            }
            return in;
        }
        if (S_ISDIR(st.st_mode)) {
            in.state = State::Folder;
            return in;
        }
        in.state = State::File;
        in.dev = qint64(st.st_dev);
        in.ino = qint64(st.st_ino);
        in.size = qint64(st.st_size);
        in.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
        in.ctimeNs = qint64(st.st_ctim.tv_sec) * 1'000'000'000LL + st.st_ctim.tv_nsec;
        if (withBytes || (now && in.mtimeNs >= *now - kTrustAfterNs)) {
            if (auto bytes = readFile(path)) { // regular files only, under the size cap
                in.bytes = std::move(*bytes);
                in.hasBytes = true;
            }
        }
        return in;
    }

    // Whether `path` still reads as it did through `layer`. Only a file kept with its bytes
    // and not settled since is read (`reads` counts those reads).
    bool readsTheSame(const kustomize::FileOverlay &layer, std::atomic<quint64> &reads) const
    {
        const bool withBytes = hasBytes && state == State::File && !settled.on.load();
        if (withBytes)
            ++reads;
        const Input now = observe(path, layer, std::nullopt, withBytes);
        if (now.state != state)
            return false;
        switch (state) {
        case State::Layer:
            return now.bytes == bytes;
        case State::File:
            if (now.dev != dev || now.ino != ino || now.size != size || now.mtimeNs != mtimeNs ||
                now.ctimeNs != ctimeNs)
                return false;
            if (withBytes) {
                if (now.bytes != bytes)
                    return false;
                if (mtimeNs < nowNs() - kTrustAfterNs)
                    settled.on = true;
            }
            return true;
        case State::LayerDeleted:
        case State::Folder:
        case State::Absent:
        case State::LayerFolder:
            return true;
        }
        return false;
    }
};

struct RenderPipeline::Entry
{
    Output output;
    std::vector<Input> inputs;
    mutable std::atomic<qint64> lastUse = 0;

    bool valid(const kustomize::FileOverlay &layer, std::atomic<quint64> &reads) const
    {
        return std::all_of(inputs.cbegin(), inputs.cend(),
                           [&](const Input &in) { return in.readsTheSame(layer, reads); });
    }
};

// A render running now, for callers that ask for the same one meanwhile.
struct RenderPipeline::InFlight
{
    QString dir;
    kustomize::FileOverlay layer;
    quint64 generation = 0;
    QMutex mutex;
    QWaitCondition finished;
    std::optional<Result<Output>> result; // set when done

    // Waits for the result, polling `cancel`; nullopt when cancelled meanwhile.
    std::optional<Result<Output>> wait(const std::atomic_bool *cancel)
    {
        QMutexLocker lock(&mutex);
        while (!result) {
            if (cancel && cancel->load())
                return std::nullopt;
            finished.wait(&mutex, QDeadlineTimer(10));
        }
        return result;
    }
    void publish(const Result<Output> &r)
    {
        QMutexLocker lock(&mutex);
        result = r;
        finished.wakeAll();
    }
};

RenderPipeline::RenderPipeline() = default;
RenderPipeline::~RenderPipeline() = default;

Result<RenderPipeline::Output> RenderPipeline::render(const QString &dirIn,
                                                      const kustomize::FileOverlay &layer,
                                                      const std::atomic_bool *cancel)
{
    const QString dir = QDir::cleanPath(dirIn);
    std::shared_ptr<InFlight> mine;
    while (!mine) {
        std::vector<std::shared_ptr<const Entry>> candidates;
        {
            QMutexLocker lock(&m_mutex);
            candidates = m_entries.value(dir);
        }
        // Checked outside the lock: a check costs a stat per input.
        for (const auto &entry : candidates) {
            if (cancel && cancel->load())
                return fail(Error::Code::Cancelled, QStringLiteral("cancelled"));
            if (entry->valid(layer, m_inputReads)) {
                entry->lastUse = nowNs();
                // The most recently used variant goes first, so that the ones dropped when an
                // overlay has too many are the stale ones (a HEAD render outlives many edits).
                QMutexLocker lock(&m_mutex);
                if (auto found = m_entries.find(dir); found != m_entries.end()) {
                    auto it = std::find(found->begin(), found->end(), entry);
                    if (it != found->end())
                        std::rotate(found->begin(), it, it + 1);
                }
                return entry->output;
            }
        }

        // The same render in flight: wait for it. One that its owner cancelled is started
        // again.
        std::shared_ptr<InFlight> running;
        {
            QMutexLocker lock(&m_mutex);
            // A render of this overlay that ended while the candidates were checked (its entry
            // kept, no longer in flight) may be the one asked for: check again rather than
            // render it a second time.
            const auto &now = m_entries.value(dir);
            if (std::any_of(now.cbegin(), now.cend(), [&](const auto &e) {
                    return std::find(candidates.cbegin(), candidates.cend(), e) ==
                           candidates.cend();
                }))
                continue;
            for (const auto &f : m_inFlight) {
                if (f->generation == m_generation && f->dir == dir &&
                    f->layer.files == layer.files) {
                    running = f;
                    break;
                }
            }
            if (!running) {
                mine = std::make_shared<InFlight>();
                mine->dir = dir;
                mine->layer = layer;
                mine->generation = m_generation;
                m_inFlight.push_back(mine);
            }
        }
        if (running) {
            auto result = running->wait(cancel);
            if (!result)
                return fail(Error::Code::Cancelled, QStringLiteral("cancelled"));
            if (*result || result->error().code != Error::Code::Cancelled) {
                ++m_shared;
                return *result;
            }
            if (cancel && cancel->load())
                return *result;
        }
    }
    auto output = renderAndKeep(dir, layer, cancel);
    {
        QMutexLocker lock(&m_mutex);
        std::erase(m_inFlight, mine);
    }
    mine->publish(output);
    return output;
}

Result<RenderPipeline::Output> RenderPipeline::renderAndKeep(const QString &dir,
                                                             const kustomize::FileOverlay &layer,
                                                             const std::atomic_bool *cancel)
{
    const qint64 start = nowNs();
    auto rendered = m_renderer.render(dir, {}, &layer, cancel);
    ++m_renders;
    if (!rendered)
        return std::unexpected(rendered.error());
    auto output = std::make_shared<const kustomize::RenderOutput>(std::move(*rendered));

    auto entry = std::make_shared<Entry>();
    entry->output = output;
    entry->lastUse = start;
    entry->inputs.reserve(std::size_t(output->inputs.size()));
    for (const QString &path : output->inputs) {
        Input in = Input::observe(path, layer, start, false);
        if (in.state == Input::State::File && in.mtimeNs >= start - kRaceNs)
            return output; // written while it was read, perhaps: not kept
        entry->inputs.push_back(std::move(in));
    }
    // The inputs the layer holds are checked first: they need no system call, and an edit in
    // the buffers makes the render it supersedes fail on them at once.
    std::stable_partition(entry->inputs.begin(), entry->inputs.end(), [](const Input &in) {
        return in.state == Input::State::Layer || in.state == Input::State::LayerDeleted;
    });

    // Dropped entries are freed after the lock, and not by this thread: a render's output is
    // thousands of allocations, and whoever waits for this render need not wait for those.
    std::vector<std::shared_ptr<const Entry>> dropped;
    {
        QMutexLocker lock(&m_mutex);
        auto &variants = m_entries[dir];
        variants.insert(variants.begin(), std::move(entry));
        ++m_count;
        if (variants.size() > kVariantsPerOverlay) {
            m_count -= qsizetype(variants.size() - kVariantsPerOverlay);
            std::move(variants.begin() + kVariantsPerOverlay, variants.end(),
                      std::back_inserter(dropped));
            variants.resize(kVariantsPerOverlay);
        }
        if (m_count > kMaxEntries) {
            // The least recently used quarter goes.
            std::vector<qint64> uses;
            uses.reserve(std::size_t(m_count));
            for (const auto &list : std::as_const(m_entries))
                for (const auto &e : list)
                    uses.push_back(e->lastUse.load());
            auto quarter = uses.begin() + std::ptrdiff_t(uses.size() / 4);
            std::nth_element(uses.begin(), quarter, uses.end());
            const qint64 cut = *quarter;
            m_count = 0;
            for (auto it = m_entries.begin(); it != m_entries.end();) {
                std::erase_if(*it, [cut, &dropped](const auto &e) {
                    if (e->lastUse.load() >= cut)
                        return false;
                    dropped.push_back(e);
                    return true;
                });
                m_count += qsizetype(it->size());
                it = it->empty() ? m_entries.erase(it) : std::next(it);
            }
        }
    }
    releaseLater(std::move(dropped));
    return output;
}

void RenderPipeline::releaseLater(std::vector<std::shared_ptr<const Entry>> dropped)
{
    if (dropped.empty())
        return;
    // After the work already queued (the live diff, the values of the table): freeing memory
    // is never what someone waits for. Not on Qt's global pool, where painting waits for its
    // own jobs (core/workerpool.h).
    auto holder = std::make_shared<std::vector<std::shared_ptr<const Entry>>>(std::move(dropped));
    workerPool()->start([holder] { holder->clear(); }, -1);
}

void RenderPipeline::clear()
{
    std::vector<std::shared_ptr<const Entry>> dropped;
    {
        QMutexLocker lock(&m_mutex);
        for (auto &list : m_entries)
            std::move(list.begin(), list.end(), std::back_inserter(dropped));
        m_entries.clear();
        m_count = 0;
        ++m_generation;
    }
    releaseLater(std::move(dropped));
}

} // namespace kanri::platform
