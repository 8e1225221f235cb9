#pragma once

#include "publish/wizardplan.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace kanri::ui {

// The last page of every wizard: the files the change creates or edits (a list, marked new or
// changed) and the selected file's diff, with plain-words notes above.
class WizardPreview : public QWidget
{
    Q_OBJECT

public:
    explicit WizardPreview(QWidget *parent = nullptr);

    void setPlan(const platform::WizardPlan &plan);
    void setError(const QString &message);

    QListWidget *fileList() const { return m_files; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void showFile(int row);

    platform::WizardPlan m_plan;
    QLabel *m_notes = nullptr;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_diff = nullptr;
};

} // namespace kanri::ui
