#include "argocd/argocdinternal.h"

namespace kanri::argocd::detail {

std::vector<YAML::Node> generateApplications(const YAML::Node &set, const QString &file,
                                             const RepoFiles &files, const QList<Cluster> &clusters,
                                             int maxApplications, QList<Error> &problems)
{
    Q_UNUSED(set);
    Q_UNUSED(file);
    Q_UNUSED(files);
    Q_UNUSED(clusters);
    Q_UNUSED(maxApplications);
    Q_UNUSED(problems);
    return {};
}

} // namespace kanri::argocd::detail
