#pragma once

#include <QDialog>
#include <QList>

class QListWidget;
class QPushButton;

namespace kanri::ui {

// A repository whose current branch has commits its remote lacks.
struct GitPushCandidate
{
    int repository = -1; // the application's index
    QString name, branch;
    int commits = 0;
    bool newBranch = false; // no upstream yet: the push creates the branch on the remote
};

// Push, when more than one repository has something to push: which ones (all checked).
class GitPushDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitPushDialog(QWidget *parent = nullptr);

    void setCandidates(const QList<GitPushCandidate> &candidates);
    const QList<GitPushCandidate> &candidates() const { return m_candidates; }
    // Indexes into candidates() of the checked rows.
    QList<int> chosen() const;

    QListWidget *list() const { return m_list; }
    QPushButton *pushButton() const { return m_push; }

private:
    void updateButtons();

    QList<GitPushCandidate> m_candidates;
    QListWidget *m_list;
    QPushButton *m_push;
};

} // namespace kanri::ui
