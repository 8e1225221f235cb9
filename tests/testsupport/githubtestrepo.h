#pragma once

// Git repositories for the pull-request tests (command line and GUI): `git` with a fixed
// identity and default branch; files are written with testutil.h's writeFile.
#include "tests/testsupport/testutil.h"

#include <QByteArray>
#include <QDebug>
#include <QDir>
#include <QProcess>
#include <QStringList>

namespace kanri::test {

inline bool git(const QString &dir, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
            QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Test"),
                        QStringLiteral("-c"), QStringLiteral("user.email=test@example.com"),
                        QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main")} +
                args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << "git" << args << p.readAllStandardError();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput().trimmed();
    return true;
}

// overlays/prd's kustomization: the base's Deployment web at `replicas` replicas in web-prd.
inline QByteArray prdKustomization(int replicas)
{
    return "apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\n"
           "namespace: web-prd\n"
           "resources:\n"
           "  - ../../base\n"
           "patches:\n"
           "  - target:\n"
           "      kind: Deployment\n"
           "      name: web\n"
           "    patch: |-\n"
           "      - op: replace\n"
           "        path: /spec/replicas\n"
           "        value: " +
           QByteArray::number(replicas) + "\n";
}

// The manifests repository the pull-request tests review: base/ (Deployment web, nginx:1.27),
// overlays/prd at 2 replicas and a CODEOWNERS on main, pushed to the bare repository `remote`;
// then the branch `feature` of `work` raising prd to 5 replicas, pushed as the branch and as
// refs/pull/7/head. *headSha receives feature's commit.
inline bool makeManifestsRepository(const QString &remote, const QString &work, QByteArray *headSha)
{
    QDir().mkpath(remote);
    QDir().mkpath(work);
    if (!git(remote, {QStringLiteral("init"), QStringLiteral("--bare"), QStringLiteral("-q")}))
        return false;
    writeFile(work + QStringLiteral("/base/kustomization.yaml"),
              "resources:\n  - deployment.yaml\n");
    writeFile(work + QStringLiteral("/base/deployment.yaml"),
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
              "  replicas: 1\n  template:\n    spec:\n      containers:\n"
              "        - name: web\n          image: nginx:1.27\n");
    writeFile(work + QStringLiteral("/overlays/prd/kustomization.yaml"), prdKustomization(2));
    writeFile(work + QStringLiteral("/CODEOWNERS"), "/overlays/prd/ @acme/sre\n");
    if (!git(work, {QStringLiteral("init"), QStringLiteral("-q")}) ||
        !git(work,
             {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), remote}) ||
        !git(work, {QStringLiteral("add"), QStringLiteral(".")}) ||
        !git(work, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("base")}) ||
        !git(work, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                    QStringLiteral("main")}))
        return false;
    writeFile(work + QStringLiteral("/overlays/prd/kustomization.yaml"), prdKustomization(5));
    return git(work,
               {QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature")}) &&
           git(work,
               {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("prd: 5")}) &&
           git(work, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                      QStringLiteral("feature"), QStringLiteral("feature:refs/pull/7/head")}) &&
           git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, headSha);
}

} // namespace kanri::test
