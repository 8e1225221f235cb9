#pragma once

#include "git/gitnetwork.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kanri::ui {

class GitProgressWidget;

// A repository of the workspace that can be cloned: choosing it fills in URL and folder.
struct GitCloneTarget
{
    QString name;
    QString url;
    QString path;         // absolute destination
    bool present = false; // a working tree is there already
};

// Clone a repository: URL, destination, progress (objects and bytes) and Cancel. The
// application runs the clone and reports back with setProgress() and finish().
class GitCloneDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GitCloneDialog(QWidget *parent = nullptr);

    void setTargets(const QList<GitCloneTarget> &targets);
    QString url() const;
    QString destination() const;
    void setUrl(const QString &url);
    void setDestination(const QString &path);

    // While busy the fields are read-only and Cancel stops the clone instead of closing.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void setProgress(const git::TransferProgress &progress);
    void showError(const QString &message);
    void showMessage(const QString &message);

    QComboBox *targetBox() const { return m_targets; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *destinationEdit() const { return m_destination; }
    GitProgressWidget *progress() const { return m_progress; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *cloneButton() const { return m_clone; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cloneRequested(const QString &url, const QString &destination);
    void cancelRequested();

protected:
    void reject() override;

private:
    void targetChosen(int index);
    void updateButtons();

    QList<GitCloneTarget> m_targetList;
    QComboBox *m_targets;
    QLineEdit *m_url;
    QLineEdit *m_destination;
    GitProgressWidget *m_progress;
    QLabel *m_message;
    QPushButton *m_clone;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace kanri::ui
