#pragma once

#include "publish/wizardplan.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace kanri::ui {

class TfImpactView;

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
    // The plan's Terraform impact on the accounts repository (the application fills it on
    // planShown).
    TfImpactView *tfImpactView() const { return m_tfImpact; }

Q_SIGNALS:
    void planShown(const kanri::platform::WizardPlan &plan);

private:
    void showFile(int row);

    platform::WizardPlan m_plan;
    QLabel *m_notes = nullptr;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    TfImpactView *m_tfImpact = nullptr;
};

} // namespace kanri::ui
