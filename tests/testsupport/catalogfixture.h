#pragma once

// A generated workspace for the catalog tests and benchmark: an accounts repository (a
// developers map with a schema, microservice entries found without .kanri.yaml) and a manifests
// repository of services with base/ and overlays/{dev,stg,prd}. Each service's Deployment has
// two containers ("app" with env vars and resources, "proxy"); prd sets replicas through the
// `replicas:` shortcut and LOG_LEVEL through a strategic-merge patch; dev overlays all share
// the namespace "dev-shared", stg and prd use the service's own.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>

namespace kanri::test {

struct FixtureOptions
{
    int services = 3;
    int developers = 4;
    int teams = 2;
    bool brokenStg = false; // service 1's stg kustomization does not parse
};

inline bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

inline QByteArray serviceName(int i)
{
    return "svc-" + QByteArray::number(i).rightJustified(4, '0');
}

inline bool writeWorkspace(const QString &dir, const FixtureOptions &o = {})
{
    bool ok = writeText(dir + QStringLiteral("/workspace.yaml"),
                        "name: fixture\nrepositories:\n"
                        "  - name: accounts\n    role: accounts\n    path: accounts\n"
                        "  - name: manifests\n    role: manifests\n    path: manifests\n");
    const QString acc = dir + QStringLiteral("/accounts");
    ok = ok && writeText(acc + QStringLiteral("/variables.tf"),
                         "variable \"developers\" {\n"
                         "  type = map(object({\n"
                         "    name   = string\n"
                         "    github = string\n"
                         "    email  = string\n"
                         "    admin  = optional(bool, false)\n"
                         "    level  = optional(number, 1)\n"
                         "    groups = optional(list(string), [])\n"
                         "  }))\n"
                         "}\n");
    QByteArray devs = "developers = {\n";
    for (int i = 0; i < o.developers; ++i) {
        const QByteArray id = "dev" + QByteArray::number(i);
        devs += "  " + id + " = {\n    name   = \"Developer " + QByteArray::number(i) +
                "\"\n    github = \"gh-" + id + "\"\n    email  = \"" + id + "@example.com\"\n";
        if (i % 3 == 0)
            devs += "    admin  = true\n";
        devs += "  }\n";
    }
    devs += "}\n";
    ok = ok && writeText(acc + QStringLiteral("/developers.auto.tfvars"), devs);
    QByteArray ms = "locals {\n  microservices = {\n";
    for (int i = 0; i < o.services; ++i) {
        ms += "    \"" + serviceName(i) + "\" = {\n      team      = \"team-" +
              QByteArray::number(i % o.teams) + "\"\n      namespace = \"" + serviceName(i) +
              "\"\n    }\n";
    }
    ms += "  }\n}\n";
    ok = ok && writeText(acc + QStringLiteral("/microservices.tf"), ms);
    ok = ok && writeText(acc + QStringLiteral("/CODEOWNERS"),
                         "* @org/sre\n/microservices.tf @org/sre @org/team-0\n");

    const QString man = dir + QStringLiteral("/manifests");
    QByteArray owners = "* @org/sre\n";
    for (int i = 0; i < o.services; ++i)
        owners +=
            "/services/" + serviceName(i) + "/ @org/team-" + QByteArray::number(i % o.teams) + "\n";
    ok = ok && writeText(man + QStringLiteral("/.github/CODEOWNERS"), owners);
    for (int i = 0; i < o.services && ok; ++i) {
        const QByteArray name = serviceName(i);
        const QString svc = man + QStringLiteral("/services/") + QString::fromLatin1(name);
        ok = ok && writeText(svc + QStringLiteral("/base/kustomization.yaml"),
                             "resources:\n  - deployment.yaml\n  - service.yaml\n");
        ok = ok &&
             writeText(svc + QStringLiteral("/base/deployment.yaml"),
                       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
                           "\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n"
                           "      app: " +
                           name +
                           "\n  template:\n    metadata:\n      labels:\n        app: " + name +
                           "\n    spec:\n      containers:\n        - name: app\n"
                           "          image: registry.example.com/" +
                           name +
                           ":1.0.0\n          env:\n            - name: LOG_LEVEL\n"
                           "              value: info\n"
                           "            - name: DB_PASSWORD\n"
                           "              valueFrom:\n                secretKeyRef:\n"
                           "                  name: db\n                  key: password\n"
                           "          resources:\n            requests:\n"
                           "              cpu: 100m\n              memory: 128Mi\n"
                           "            limits:\n              cpu: 500m\n"
                           "              memory: 256Mi\n"
                           "        - name: proxy\n"
                           "          image: registry.example.com/proxy:2.0\n");
        ok = ok && writeText(svc + QStringLiteral("/base/service.yaml"),
                             "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name +
                                 "\nspec:\n  selector:\n    app: " + name +
                                 "\n  ports:\n    - port: 80\n");
        for (const char *env : {"dev", "stg", "prd"}) {
            const QByteArray e(env);
            const QString overlay = svc + QStringLiteral("/overlays/") + QString::fromLatin1(env);
            const QByteArray ns = e == "dev" ? QByteArray("dev-shared") : name;
            QByteArray k = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                           "namespace: " +
                           ns + "\nresources:\n  - ../../base\n";
            if (e == "stg" && o.brokenStg && i == 1)
                k = "namespace: [unclosed\n";
            if (e == "prd") {
                k += "replicas:\n  - name: " + name +
                     "\n    count: 3\n"
                     "images:\n  - name: registry.example.com/" +
                     name +
                     "\n    newTag: 1.2.0\n"
                     "patches:\n  - path: deployment-patch.yaml\n";
                ok = ok && writeText(overlay + QStringLiteral("/deployment-patch.yaml"),
                                     "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                     "  name: " +
                                         name +
                                         "\nspec:\n  template:\n    spec:\n      containers:\n"
                                         "        - name: app\n          env:\n"
                                         "            - name: LOG_LEVEL\n"
                                         "              value: warn\n");
            }
            ok = ok && writeText(overlay + QStringLiteral("/kustomization.yaml"), k);
        }
    }
    return ok;
}

// `git init` and one commit in both repositories (git on PATH).
inline bool commitAll(const QString &dir, const QString &message = QStringLiteral("initial"))
{
    for (const char *repo : {"accounts", "manifests"}) {
        const QString path = dir + QLatin1Char('/') + QLatin1String(repo);
        auto git = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(path);
            p.start(QStringLiteral("git"),
                    QStringList{QStringLiteral("-c"), QStringLiteral("user.name=Test"),
                                QStringLiteral("-c"), QStringLiteral("user.email=t@example.com")} +
                        args);
            return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit &&
                   p.exitCode() == 0;
        };
        if (!QFileInfo::exists(path + QStringLiteral("/.git")) &&
            !git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main")}))
            return false;
        if (!git({QStringLiteral("add"), QStringLiteral("-A")}) ||
            !git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"),
                  QStringLiteral("-m"), message}))
            return false;
    }
    return true;
}

} // namespace kanri::test
