#pragma once

#include "core/result.h"
#include "kustomize/renderer.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace kanri::platform {

// The one render cache of an open workspace: the session's values, the catalog tree, the live
// diff and the live linter all render through it, so an overlay rendered for one is answered
// from memory for the others.
//
// An entry is keyed by the overlay's folder and by the content of every input the render read
// (kustomize::RenderOutput::inputs): for a path the layer holds, its bytes (or that it is
// deleted); for a file on disk, its stat signature, and its bytes too while it is younger than
// the file system's timestamps can be trusted; for a path that does not exist, whether the
// layer makes a folder of it. A render is answered from the cache only when every input still
// reads the same through the layer given now, so an edit in the buffers and a change on disk
// both make a new render, and an edit of one service leaves the others' entries valid. HEAD
// and working renders of one overlay are both kept (a few variants per overlay).
//
// Thread-safe: render() may run concurrently on workers. A render asked for while the same
// overlay is being rendered with the same layer waits for that render and shares its output
// (after an edit the live diff, the services table, the tree and the linter all ask for the
// same render at once: it runs once, not four times on two cores). Failed and cancelled
// renders are not kept; a render cancelled by the one that started it is started again by a
// caller that still waits for it.
class RenderPipeline
{
public:
    using Output = std::shared_ptr<const kustomize::RenderOutput>;

    RenderPipeline();
    ~RenderPipeline();
    RenderPipeline(const RenderPipeline &) = delete;
    RenderPipeline &operator=(const RenderPipeline &) = delete;

    // Renders the kustomization in `dir` (absolute) with `layer` over the working tree, or
    // answers from the cache. A set `cancel` ends it with Error::Code::Cancelled.
    Result<Output> render(const QString &dir, const kustomize::FileOverlay &layer,
                          const std::atomic_bool *cancel = nullptr);

    // Forgets every render (something wrote the working tree: a save, a checkout, a pull).
    // Only a speed-up: a changed file is noticed by its signature without it.
    void clear();

    // Renders actually run so far (not answered from the cache): for tests and benchmarks.
    quint64 renderCount() const { return m_renders.load(); }
    // Renders answered by waiting for the same render in flight: for tests and benchmarks.
    quint64 sharedCount() const { return m_shared.load(); }
    // Input files read (not only stat'ed) to check that a kept render still holds: only files
    // that were young when rendered, until they are found the same once old. For tests.
    quint64 inputReadCount() const { return m_inputReads.load(); }

private:
    // Renders (not from the cache) and keeps the output when its inputs allow.
    Result<Output> renderAndKeep(const QString &dir, const kustomize::FileOverlay &layer,
                                 const std::atomic_bool *cancel);

    struct Input;
    struct Entry;
    struct InFlight;
    // Frees dropped entries on a worker, after the work queued there.
    static void releaseLater(std::vector<std::shared_ptr<const Entry>> dropped);
    kustomize::Renderer m_renderer; // parses each file once per content (thread-safe)
    mutable QMutex m_mutex;
    QHash<QString, std::vector<std::shared_ptr<const Entry>>>
        m_entries; // dir → most recently used first
    qsizetype m_count = 0;
    std::vector<std::shared_ptr<InFlight>> m_inFlight;
    quint64 m_generation = 0; // clear() counts: a render started before one is not joined
    std::atomic<quint64> m_renders = 0, m_shared = 0, m_inputReads = 0;
};

} // namespace kanri::platform
