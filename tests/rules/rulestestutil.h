#pragma once

// Shared by the rules tests: the in-process renderer as a RenderFunction, and small files.

#include "renderer.h"
#include "rulelinter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace kanri::test {

inline platform::RenderFunction kustomizeRenderer()
{
    auto renderer = std::make_shared<kustomize::Renderer>();
    return [renderer](const QString &dir) -> Result<QByteArray> {
        auto out = renderer->render(dir);
        if (!out)
            return std::unexpected(out.error());
        return out->text;
    };
}

inline bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text) == text.size();
}

} // namespace kanri::test
