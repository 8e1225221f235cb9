#pragma once

// Shared by the files of models/argocd; not installed, not for other libraries.

#include "argocd/deployments.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

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

// An ApplicationSet's Applications: `set` is its document, `file`/`line` where it is.
// Problems (generators that fail, templates that do not evaluate) are appended to `problems`;
// an ApplicationSet with a problem generates nothing, as Argo CD does.
std::vector<YAML::Node> generateApplications(const YAML::Node &set, const QString &file,
                                             const RepoFiles &files, const QList<Cluster> &clusters,
                                             int maxApplications, QList<Error> &problems);

} // namespace kanri::argocd::detail
