#pragma once

#include "core/result.h"
#include "platform/workspace.h"
#include "rules/ruleconfig.h"
#include "rules/rulefinding.h"
#include "rules/rulesources.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kanri::platform {

class Catalog;

// Renders the kustomization in an absolute folder to what `kustomize build` prints. The app
// hands in the in-process renderer (kanri::kustomize::Renderer); tests may hand in anything.
using RenderFunction = std::function<Result<QByteArray>(const QString &dir)>;

struct LintResult
{
    QList<Finding> findings; // sorted by file, line; one per (rule, file, line, message)
    QStringList notes;       // what the linter assumed or could not do, for stderr
    int renderedTargets = 0;

    int count(Severity severity) const;
};

// Runs every platform rule over a workspace: the catalog rules once, and the rendered-output
// rules on every overlay of every service and on every platform folder (.kanri.yaml
// `platform:`, `applications:`, rules.platformFolders; default platform/* and argocd/**).
// The configuration is the `rules:` key of .kanri.yaml in the accounts repository, then the
// manifests repository.
class Linter
{
    Q_DECLARE_TR_FUNCTIONS(kanri::platform::Linter)

public:
    // `read` (optional) reads the sources through unsaved edits, so that findings point at
    // the lines the user sees; `render` must then render the same edited state. `unsaved`
    // lists the edited files (absolute path → content, std::nullopt: deleted), for the rules
    // that look at which files exist.
    explicit Linter(RenderFunction render, SourceReader read = {},
                    QHash<QString, std::optional<QByteArray>> unsaved = {});

    Result<LintResult> lint(const Workspace &workspace) const;
    Result<LintResult> lint(const Catalog &catalog) const;

    // Only the findings the working trees introduce compared with `baseRef`: the findings at
    // baseRef (each repository's tree at that ref extracted into a temporary folder; a
    // repository without that ref counts as unchanged) are subtracted by rule, repository,
    // path and message, so that moved lines do not count as new.
    Result<LintResult> lintChange(const Workspace &workspace, const QString &baseRef) const;

    // Called on a worker thread after every `every` rendered kustomizations, while other
    // renders may be running: the services rendered before no longer need the files the render
    // function parsed, so it may drop them (kustomize::Renderer::clearCache()). Without it the
    // render function's caches grow with the workspace. Nothing found depends on it.
    void setReleaseCaches(std::function<void()> release, int every = 3000);

private:
    RenderFunction m_render;
    std::function<void()> m_release;
    int m_releaseEvery = 3000;
    SourceReader m_read;
    QHash<QString, std::optional<QByteArray>> m_unsaved;
};

// The configuration of a workspace: defaults, then each repository's .kanri.yaml.
Result<RuleConfig> loadRuleConfig(const Workspace &workspace);

// `dir` as a workspace: its workspace.yaml, or else a lone repository whose role comes from
// its .kanri.yaml (`role:`) or its files (Terraform files: accounts; otherwise manifests).
Result<Workspace> workspaceForDirectory(const QString &dir);

// Writes the tree of `ref` in the Git repository at `repositoryDir` into `targetDir` (which
// must exist), like `git archive REF | tar -x`. Uses the git executable.
Result<void> extractTree(const QString &repositoryDir, const QString &ref,
                         const QString &targetDir);

} // namespace kanri::platform
