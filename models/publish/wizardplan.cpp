#include "publish/wizardplan.h"

#include "diff/linediff.h"
#include "platform/session.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace kanri::platform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

} // namespace

SourceReader sessionReader(Session &session)
{
    EditBuffers *buffers = session.buffers();
    return [buffers](const QString &path) { return buffers->read(path); };
}

Result<void> applyPlan(Session &session, const WizardPlan &plan)
{
    EditBuffers *buffers = session.buffers();
    for (const PlannedFile &f : plan.files) {
        auto now = buffers->read(f.path);
        const std::optional<QByteArray> current =
            now ? std::optional<QByteArray>(*now) : std::nullopt;
        if (current != f.before)
            return failAt(Error::Code::Rejected,
                          tr("the file changed since the preview; run the wizard again"), f.path);
    }
    if (plan.files.isEmpty())
        return {};
    QUndoStack *stack = buffers->undoStack();
    stack->beginMacro(plan.description);
    for (const PlannedFile &f : plan.files)
        buffers->edit(f.path, f.after, plan.description);
    stack->endMacro();
    return {};
}

QByteArray planDiff(const PlannedFile &file)
{
    const QString from =
        file.isNew() ? QStringLiteral("/dev/null") : QStringLiteral("a/") + file.display;
    QByteArray out = "--- " + from.toUtf8() + "\n+++ b/" + file.display.toUtf8() + "\n";
    out += diff::formatHunks(diff::diffLines({file.before.value_or(QByteArray()), file.after}));
    return out;
}

QByteArray fillTemplate(QByteArray text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace("{{" + it.key().toUtf8() + "}}", it.value().toUtf8());
    return text;
}

} // namespace kanri::platform
