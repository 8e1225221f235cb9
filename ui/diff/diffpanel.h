#pragma once

#include "platform/livediff.h"
#include "ui/diff/difflineactivation.h"

#include <QWidget>

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

    QString unifiedText() const;
    QString summaryText() const;

Q_SIGNALS:
    // A line was double-clicked or Enter was pressed on it: the source editor opens its source.
    void lineActivated(const kanri::ui::DiffLineActivation &activation);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();

    QLabel *m_summary;
    QComboBox *m_mode;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_unified;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QString m_service;
    QList<platform::LiveDiff::EnvironmentDiff> m_results;
    QList<platform::LiveDiff::FileDiff> m_accounts;
};

} // namespace kanri::ui
