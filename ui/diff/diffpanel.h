#pragma once

#include "platform/livediff.h"
#include "ui/diff/difflineactivation.h"

#include <QFutureWatcher>
#include <QWidget>

#include <array>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;

namespace kanri::ui {

// The rendered diff of the selected service, per environment: a summary line each, then the
// resource-by-resource hunks, unified or side by side. Shows what it is given.
class DiffPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiffPanel(QWidget *parent = nullptr);

    void setResults(const QString &service,
                    const QList<platform::LiveDiff::EnvironmentDiff> &results);
    // The accounts repository's own text diffs, shown after the environments.
    void setAccountsDiffs(const QList<platform::LiveDiff::FileDiff> &files);
    void setBusy(bool busy);

    // What the panel shows. When a large diff is still being laid out in the views (it is
    // built on a worker and put in a piece per event-loop turn), these finish that first.
    QString unifiedText() const;
    QString summaryText() const;
    // Whether the views show the latest results in full (false while a large diff is still
    // being built or put in).
    bool isUpToDate() const;
    // Finishes building and putting in the latest results now.
    void finishPending();

Q_SIGNALS:
    // A line was double-clicked or Enter was pressed on it: the source editor opens its source.
    void lineActivated(const kanri::ui::DiffLineActivation &activation);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    // The three views' texts, built; then put into the views a bounded piece at a time.
    void textsBuilt(const std::array<QString, 3> &texts);
    void applyPending();
    bool applyStep(int view, bool bounded);

    // A diff this many lines long or longer is built on a worker and put in by pieces.
    static constexpr qsizetype kLargeLines = 4000;

    QLabel *m_summary;
    QComboBox *m_mode;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_unified;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QString m_service;
    QList<platform::LiveDiff::EnvironmentDiff> m_results;
    QList<platform::LiveDiff::FileDiff> m_accounts;
    // Per view (unified, left, right): the text it should show, and what it shows now.
    std::array<QString, 3> m_target, m_shown;
    QFutureWatcher<std::array<QString, 3>> *m_building;
    quint64 m_generation = 0;    // render() calls: a build for an older one is dropped
    bool m_buildPending = false; // the latest texts are being built on a worker
    class QTimer *m_applyLater;
};

} // namespace kanri::ui
