#pragma once

// Shared by the files of models/argocd; not installed, not for other libraries.

#include "argocd/deployments.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <QVariant>

#include <QVariant>
#include <functional>

#include <functional>
#include <optional>

namespace kanri::argocd::detail {

// The repository's files (relative paths with '/', sorted) with the unsaved overlay over them.
class RepoFiles
{
public:
    RepoFiles(const QString &root, const kustomize::FileOverlay *overlay);

    const QString &root() const { return m_root; }
    const QStringList &files() const { return m_files; }
    const QStringList &directories() const { return m_directories; } // every folder but the root
    bool isFile(const QString &rel) const { return m_fileSet.contains(rel); }
    bool isDirectory(const QString &rel) const;
    Result<QByteArray> read(const QString &rel) const;
    QString absolute(const QString &rel) const;

private:
    QString m_root;
    const kustomize::FileOverlay *m_overlay;
    QStringList m_files, m_directories;
    QSet<QString> m_fileSet, m_directorySet;
};

// The scalar's text, or empty for anything else.
QString text(const YAML::Node &node);
// node[key] without yaml-cpp's habit of inserting into non-const nodes or throwing on scalars.
YAML::Node child(const YAML::Node &node, const char *key);
YAML::Node child(const YAML::Node &node, const std::string &key);
Error problemAt(const QString &file, const YAML::Node &node, const QString &message);
// Argo CD's utils.SanitizeName: lower case, [^-a-z0-9.] → '-', at most 253, trimmed of "-.".
QString sanitizeName(const QString &name);

// A YAML scalar as encoding/json gives it to Go after sigs.k8s.io/yaml: a plain number is a
// double, true/false a bool, null nullptr, anything else (and every quoted scalar) a string.
QVariant scalarValue(const YAML::Node &scalar);
// A YAML tree as such a QVariant (maps, lists, scalars); bounded depth.
QVariant toVariant(const YAML::Node &node, int depth = 0);

struct GeneratorContext
{
    const RepoFiles &files;
    const QList<Cluster> &clusters;
    // Whether a git generator's repoURL and revision are this repository at the branch in
    // question (only then can it be evaluated against the working tree).
    std::function<bool(const QString &repoURL, const QString &revision)> isThisRepository;
    int maxApplications = 20000;
};

// An ApplicationSet's Applications: `set` is its document, `file` where it is. Problems
// (generators that fail, templates that do not evaluate) are appended to `problems`; an
// ApplicationSet with a problem generates nothing, as Argo CD does.
std::vector<YAML::Node> generateApplications(const YAML::Node &set, const QString &file,
                                             const GeneratorContext &context,
                                             QList<Error> &problems);

} // namespace kanri::argocd::detail
