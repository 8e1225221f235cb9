#pragma once

#include "github/githubpullstore.h"
#include "github/githubtypes.h"
#include "review/reviewchange.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace kanri::ui {

class DiffPanel;

// One pull request for review: its title, author, state and description; the rendered diff of
// every overlay it affects (the lead's DiffPanel), the files it changes, the Terraform map
// changes, new rule findings, the conversation; and a box to comment, approve or request
// changes. Reviews go to the application, which queues them and posts them when it can; the
// widget shows how many are still waiting.
class PrReviewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PrReviewWidget(QWidget *parent = nullptr);

    void setPull(const QString &repository, const github::OfflinePull &pull, bool offlineCopy);
    void setReviewBusy(const QString &message);
    void setReview(const platform::ChangeReview &review);
    void setReviewError(const QString &message);
    // Posts queued for this pull request (one line each), not yet on GitHub.
    void setPending(const QStringList &pending, const QString &syncMessage);
    void setEmpty(const QString &message);
    void clearReviewText();

    QString repository() const { return m_repository; }
    int number() const { return m_number; }
    QString headerText() const;
    QString pendingText() const;
    QString conversationText() const;
    QString filesText() const;
    DiffPanel *diffPanel() const { return m_diff; }
    QPlainTextEdit *reviewEditor() const { return m_reviewText; }
    QPushButton *commentButton() const { return m_comment; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *requestChangesButton() const { return m_requestChanges; }

Q_SIGNALS:
    void reviewSubmitted(kanri::github::ReviewEvent event, const QString &body);
    void syncRequested();
    void openUrlRequested(const QUrl &url);

private:
    void submit(github::ReviewEvent event);
    void updateConversation();

    QLabel *m_title;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    DiffPanel *m_diff;
    QTreeWidget *m_files;
    QPlainTextEdit *m_details;
    QPlainTextEdit *m_conversation;
    QPlainTextEdit *m_reviewText;
    QPushButton *m_comment;
    QPushButton *m_approve;
    QPushButton *m_requestChanges;
    QLabel *m_pending;
    QPushButton *m_sync;
    QString m_repository;
    int m_number = 0;
    github::OfflinePull m_pull;
    QStringList m_queued;
};

} // namespace kanri::ui
