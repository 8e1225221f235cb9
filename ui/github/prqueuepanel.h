#pragma once

#include "github/githubtypes.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace kanri::ui {

// One pull request of the review queue, as the application found it (online, or in the
// offline store).
struct PrQueueRow
{
    QString repository; // the workspace's name for the repository
    github::PullRequest pull;
    bool offline = false;         // made available offline
    bool reviewRequested = false; // of the signed-in user (or one of their teams)
    bool authored = false;        // by the signed-in user
    int pending = 0;              // reviews and comments queued, not yet posted
};

// The review queue: open pull requests of the workspace's repositories, filtered to those that
// ask for the user's review, those they wrote, or all; with the connection state and the
// progress of "Make available offline".
class PrQueuePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Filter { ReviewRequested, Authored, AllOpen };
    enum class Connection { Unknown, Loading, Online, Offline, Error };
    using PullKey = QPair<QString, int>; // repository, number

    explicit PrQueuePanel(QWidget *parent = nullptr);

    void setRows(const QList<PrQueueRow> &rows);
    const QList<PrQueueRow> &rows() const { return m_rows; }
    void setConnection(Connection state, const QString &message);
    Connection connection() const { return m_connection; }
    QString connectionText() const;
    void setFilter(Filter filter);
    Filter filter() const;
    void setUser(const QString &login);

    // Long work (making pull requests available offline): a progress bar and Cancel.
    void setProgress(const QString &text, int done, int total);
    void clearProgress(const QString &message = {});
    bool isBusy() const;

    QList<PullKey> selectedPulls() const;
    void selectPull(const QString &repository, int number);
    QTreeWidget *view() const { return m_view; }
    int visibleRowCount() const;

Q_SIGNALS:
    void refreshRequested();
    void openRequested(const QString &repository, int number);
    void makeOfflineRequested(const QList<kanri::ui::PrQueuePanel::PullKey> &pulls);
    void cancelRequested();

private:
    void rebuild();
    void updateButtons();

    QComboBox *m_filter;
    QLabel *m_state;
    QTreeWidget *m_view;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QPushButton *m_offline;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancel;
    QList<PrQueueRow> m_rows;
    QString m_login;
    Connection m_connection = Connection::Unknown;
};

} // namespace kanri::ui
