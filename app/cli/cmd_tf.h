#pragma once

#include <QString>
#include <QStringList>

#include <functional>

// kanri tf with a seam for tests: `beforeWrite` runs for each file the command is about to
// rewrite, after it read the file and computed the new text and before it writes, so a test
// can change the file there and see the command refuse to overwrite the change (runTf in
// commands.h passes none).
namespace kanri::cli {

using BeforeWrite = std::function<void(const QString &file)>;

int runTfWith(const QStringList &args, const BeforeWrite &beforeWrite);

} // namespace kanri::cli
