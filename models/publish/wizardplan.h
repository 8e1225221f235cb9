#pragma once

#include "core/result.h"
#include "rules/rulesources.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kanri::platform {

class Session;

// One file a wizard writes: created (no `before`) or changed. Paths are absolute; `display`
// is relative to the workspace folder, for previews.
struct PlannedFile
{
    QString path;
    QString display;
    std::optional<QByteArray> before;
    QByteArray after;

    bool isNew() const { return !before.has_value(); }
};

// What a wizard will do, for its preview page and for the session.
struct WizardPlan
{
    QString description;      // the undo step's text, "Add microservice coupon-api"
    QList<PlannedFile> files; // sorted by display path
    QStringList notes;        // plain-words lines: what the change grants, references found
};

// Applies a plan as one undoable, unsaved edit of the session (one undo step however many
// files it touches). Fails, changing nothing, when a file changed since the plan was made.
Result<void> applyPlan(Session &session, const WizardPlan &plan);

// The unified diff of a planned file (all lines added for a new file), for previews.
QByteArray planDiff(const PlannedFile &file);

// `{{key}}` → value for every key; unknown placeholders stay as they are.
QByteArray fillTemplate(QByteArray text, const QHash<QString, QString> &values);

// A session's reader: unsaved edits first, then the disk.
SourceReader sessionReader(Session &session);

} // namespace kanri::platform
