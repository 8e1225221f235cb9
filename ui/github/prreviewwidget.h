#pragma once

#include "github/githubpullstore.h"
#include "github/githubtypes.h"
#include "review/reviewchange.h"
#include "review/reviewdraft.h"
#include "ui/diff/difflineactivation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace kanri::ui {

class DiffPanel;
class TfImpactView;

// One pull request for review: its title, author, state and description; the rendered diff of
// every overlay it affects (the lead's DiffPanel), the files it changes, the Terraform map
// changes, new rule findings, the conversation; and a box to comment, approve or request
// changes. Reviews go to the application, which queues them and posts them when it can; the
// widget shows how many are still waiting.
//
// A file of the Files tab opens its source diff (GitHub's patch) on double-click or Enter.
// "Comment on Line…" (context menu, Ctrl+Alt+M) on a line of the source diff drafts a GitHub
// review comment on that line; on a line of the rendered diff it asks the application
// (renderedLineCommentRequested) to place it on the source line that produced the rendered one.
// Drafted line comments go out with the next review (Comment, Approve or Request changes).
// Until then the application keeps the review's text and the drafted comments on disk
// (draftChanged, draft, restoreDraft): nothing typed is lost by closing the window or a crash.
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

    // Opens file `row` of the Files tab in the source diff view; false without a patch.
    bool openFileDiff(int row);
    // Drafts a comment on line `blockNumber` of the open source diff; false for a line that is no
    // diff line (hunk header, nothing open).
    bool commentOnSourceLine(int blockNumber, const QString &text);
    // Asks for a comment on line `blockNumber` of a rendered diff view; false for a header line.
    bool commentOnRenderedLine(DiffColumn column, int blockNumber, const QString &text);
    // A comment the application placed: on a source line, or (line 0) for the review's text,
    // its body then already naming the file and line (review::unplacedCommentText).
    // `quotedLine`: the rendered line a comment on the rendered diff quotes.
    void addLineComment(const github::ReviewComment &comment, const QString &quotedLine = {});
    QList<github::ReviewComment> lineComments() const;
    QList<review::DraftComment> draftComments() const { return m_lineComments; }

    // What is typed and not sent: the review's text and the drafted line comments (repo unset:
    // the widget knows the repository by its workspace name only).
    review::ReviewDraft draft() const;
    // Puts a saved draft back and says so; comments drafted on another head than the pull
    // request's are marked as maybe moved, and go into the review's text when it is sent.
    void restoreDraft(const review::ReviewDraft &draft);
    QString draftNoticeText() const;
    const platform::ChangeReview &review() const { return m_review; }
    const github::OfflinePull &pull() const { return m_pull; }
    QString sourceDiffText() const;
    QString lineCommentsText() const;

    QString repository() const { return m_repository; }
    int number() const { return m_number; }
    QString headerText() const;
    QString pendingText() const;
    QString conversationText() const;
    QString filesText() const;
    DiffPanel *diffPanel() const { return m_diff; }
    // The Terraform impact of the pull request's .tf/.tfvars changes (the application fills it).
    TfImpactView *tfImpactView() const { return m_tfImpact; }
    QPlainTextEdit *reviewEditor() const { return m_reviewText; }
    QPushButton *commentButton() const { return m_comment; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *requestChangesButton() const { return m_requestChanges; }

Q_SIGNALS:
    // `comments` are the drafted line comments; they are cleared by clearReviewText().
    void reviewSubmitted(kanri::github::ReviewEvent event, const QString &body,
                         const QList<kanri::github::ReviewComment> &comments);
    // A rendered line to comment on: `where` names the environment and object, `line` is the
    // rendered text of the line.
    void renderedLineCommentRequested(const kanri::ui::DiffLineActivation &activation,
                                      const QString &where, const QString &line,
                                      const QString &text);
    // The review's text or the drafted line comments changed (not while a draft is restored).
    void draftChanged();
    void syncRequested();
    void openUrlRequested(const QUrl &url);

private:
    void submit(github::ReviewEvent event);
    void updateConversation();
    void updateButtons();
    void updateLineComments();
    void askLineComment(QPlainTextEdit *view);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLabel *m_title;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    DiffPanel *m_diff;
    TfImpactView *m_tfImpact;
    QTreeWidget *m_files;
    QPlainTextEdit *m_sourceDiff;
    QLabel *m_lineCommentsLabel;
    QLabel *m_draftNotice;
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
    platform::ChangeReview m_review;
    QList<platform::LiveDiff::EnvironmentDiff> m_results;
    int m_openFile = -1; // row of the file in m_sourceDiff
    QList<review::DraftComment> m_lineComments;
    bool m_restoring = false;
};

} // namespace kanri::ui
