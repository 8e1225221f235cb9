#pragma once

// Shared by the rules tests: the in-process renderer as a RenderFunction (files are written with
// testutil.h's writeFile).

#include "kustomize/renderer.h"
#include "rules/rulelinter.h"
#include "tests/testsupport/testutil.h"

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

} // namespace kanri::test
