#pragma once

#include "terraform/tfimpact.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSyntaxHighlighter;
class QToolButton;

namespace kanri::platform {
class TfImpactLive;
} // namespace kanri::platform

namespace kanri::ui {

// What an edit does to the accounts repository's Terraform instances: one line
// ("accounts: 3 to add, 1 to remove") that expands, by click or by Space/Enter on it, to the
// instances as terraform plan lists them (+ added, - removed, ~ updated with the changed
// arguments, -> moved) and to what could not be evaluated offline. Hidden while there is
// nothing to say. Shows what it is given.
class TfImpactView : public QWidget
{
    Q_OBJECT

public:
    explicit TfImpactView(QWidget *parent = nullptr);

    void setImpact(const QString &label, const terraform::Impact &impact);
    // The evaluation failed (a file does not parse): the summary says so with the message.
    void setError(const QString &label, const QString &message);
    // An evaluation is running: the summary says so (the last list stays until it ends).
    void setBusy(const QString &label);
    // No Terraform file differs: the view hides.
    void clear();
    // An evaluation's outcome: the impact, the failure, or (std::nullopt) nothing to show.
    void setOutcome(const QString &label, const Result<std::optional<terraform::Impact>> &outcome);
    // Shows what `live` computes from now on (the diff panel's view of the session's edits).
    void follow(platform::TfImpactLive *live);

    void setExpanded(bool expanded);
    bool isExpanded() const;

    QString summaryText() const;
    QString detailsText() const;
    QToolButton *toggleButton() const { return m_toggle; }

    // The list's text (one line per instance, changed arguments indented below, then the
    // notes), as the view shows it.
    static QString listText(const terraform::Impact &impact);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateStyle();

    QToolButton *m_toggle;
    QPlainTextEdit *m_details;
    QSyntaxHighlighter *m_highlighter;
    bool m_failed = false;
};

} // namespace kanri::ui
