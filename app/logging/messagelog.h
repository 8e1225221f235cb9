#pragma once

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <memory>

// Kanri's own messages: info on (into the log file), debug with --verbose.
Q_DECLARE_LOGGING_CATEGORY(lcKanri)

// The log a user can send: Qt's messages (qWarning and up, and Kanri's own info lines) of a
// window session are appended to a rotating file in the data folder, with every token removed,
// while stderr keeps what it always showed (through the handler that was installed before).
namespace kanri::app {

// `text` with secrets replaced by "***": GitHub tokens (ghp_, gho_, ghs_, ghu_, ghr_,
// github_pat_), the value of an Authorization header, the password of a URL
// (https://user:secret@host) and each string of `known` (tokens the application holds).
QString scrubSecrets(QString text, const QStringList &known = {});

// A file that is renamed to NAME.1 (NAME.1 to NAME.2 ...; the oldest beyond `keep` goes) when a
// line would make it pass `maxBytes`. The folder is made 0700, the files 0600. Not thread-safe
// (MessageLog serialises it).
class RotatingFile
{
public:
    RotatingFile(QString path, qint64 maxBytes, int keep);
    bool append(const QByteArray &line);
    QString path() const { return m_path; }

private:
    bool open();
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
};

// Installs itself as Qt's message handler for as long as it lives (one at a time).
class MessageLog
{
public:
    struct Options
    {
        QString file; // the log file; empty: none (the command line)
        qint64 maxBytes = 1 << 20;
        int keep = 3;
        bool verbose = false; // --verbose: Kanri's debug and info messages to stderr too
        std::function<QStringList()> secrets; // what the application holds, asked per message
    };

    explicit MessageLog(Options options);
    ~MessageLog();
    MessageLog(const MessageLog &) = delete;
    MessageLog &operator=(const MessageLog &) = delete;

    // A line straight into the file (the head of a session), scrubbed.
    void note(const QString &text);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void write(QtMsgType type, const char *category, const QString &message);
    QStringList knownSecrets() const;

    Options m_options;
    QMutex m_mutex;
    std::unique_ptr<RotatingFile> m_file;
    QtMessageHandler m_previous = nullptr;
};

} // namespace kanri::app
