#pragma once

#include <QDialog>
#include <QString>

class QLabel;

namespace kanri::ui {

// What Help ▸ About shows; the application fills it (the dialog does no I/O).
struct AboutInfo
{
    QString version;
    QString commit;
    QString qtVersion;      // at run time
    QString libgit2Version; // at run time
    QString yamlCppVersion; // at build time
    QString settingsFile;
    QString dataFolder; // journal, pulls, review queue, the demo workspace
    QString logFolder;
};

// Help ▸ About Kanri: the version and build identity (as `kanri --version` prints it) and where
// settings, data and logs live, with a button that asks to open the log folder.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const AboutInfo &info, QWidget *parent = nullptr);

    QLabel *details() const { return m_details; }

Q_SIGNALS:
    void openLogFolderRequested();

private:
    QLabel *m_details;
};

} // namespace kanri::ui
