#include "platform/workspace.h"

#include "core/fileio.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

namespace kanri::platform {

namespace {

const QString kFileName = QStringLiteral("workspace.yaml");

QString qs(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

QString roleName(RepositoryRole role)
{
    switch (role) {
    case RepositoryRole::Accounts:
        return QStringLiteral("accounts");
    case RepositoryRole::Manifests:
        return QStringLiteral("manifests");
    }
    return {};
}

std::optional<RepositoryRole> roleFromName(const QString &name)
{
    if (name == QLatin1String("accounts"))
        return RepositoryRole::Accounts;
    if (name == QLatin1String("manifests"))
        return RepositoryRole::Manifests;
    return std::nullopt;
}

QString Workspace::fileName() const
{
    return QDir(dir).filePath(kFileName);
}

Result<Workspace> Workspace::load(const QString &dir)
{
    const QString file = QDir(dir).filePath(kFileName);
    auto bytes = readFile(file);
    if (!bytes)
        return std::unexpected(bytes.error());

    auto loaded = yaml::load(*bytes, file);
    if (!loaded)
        return std::unexpected(loaded.error());
    const YAML::Node root = *loaded;
    if (!root.IsMap())
        return failAt(Error::Code::Syntax, QStringLiteral("expected a mapping"), file, 1, 1);

    Workspace ws;
    ws.dir = QFileInfo(dir).absoluteFilePath();
    ws.name = qs(root["name"]);
    if (ws.name.isEmpty())
        ws.name = QFileInfo(dir).fileName();
    const YAML::Node repos = root["repositories"];
    if (!repos || !repos.IsSequence())
        return failAt(Error::Code::Syntax, QStringLiteral("'repositories' must be a list"), file,
                      root.Mark().line + 1, 1);
    for (const YAML::Node &r : repos) {
        const int line = r.Mark().line + 1;
        if (!r.IsMap())
            return failAt(Error::Code::Syntax, QStringLiteral("a repository must be a mapping"),
                          file, line, r.Mark().column + 1);
        RepositorySpec spec;
        spec.name = qs(r["name"]);
        const auto role = roleFromName(qs(r["role"]));
        if (!role)
            return failAt(Error::Code::Syntax,
                          QStringLiteral("role must be 'accounts' or 'manifests'"), file, line,
                          r.Mark().column + 1);
        spec.role = *role;
        spec.url = qs(r["url"]);
        spec.path = qs(r["path"]);
        if (spec.path.isEmpty())
            spec.path = spec.name;
        if (spec.name.isEmpty())
            spec.name = QFileInfo(spec.path).fileName();
        const QString branch = qs(r["defaultBranch"]);
        if (!branch.isEmpty())
            spec.defaultBranch = branch;
        ws.repositories.append(spec);
    }
    return ws;
}

Result<void> Workspace::save() const
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << name.toStdString();
    out << YAML::Key << "repositories" << YAML::Value << YAML::BeginSeq;
    for (const RepositorySpec &r : repositories) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << r.name.toStdString();
        out << YAML::Key << "role" << YAML::Value << roleName(r.role).toStdString();
        out << YAML::Key << "url" << YAML::Value << r.url.toStdString();
        out << YAML::Key << "path" << YAML::Value << r.path.toStdString();
        out << YAML::Key << "defaultBranch" << YAML::Value << r.defaultBranch.toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    QByteArray text(out.c_str());
    text.append('\n');
    return writeFileAtomic(fileName(), text);
}

QString Workspace::repositoryPath(const RepositorySpec &spec) const
{
    return QDir::cleanPath(QDir(dir).absoluteFilePath(spec.path));
}

const RepositorySpec *Workspace::repository(RepositoryRole role) const
{
    for (const RepositorySpec &r : repositories) {
        if (r.role == role)
            return &r;
    }
    return nullptr;
}

QString workspacesRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspaces"));
}

QString defaultWorkspaceDir()
{
    return QDir(workspacesRoot()).filePath(QStringLiteral("demo"));
}

} // namespace kanri::platform
