// The precompiled header of the test and benchmark executables (tests/CMakeLists.txt,
// KANRI_PCH): Qt Test and the Qt and standard headers most tests use, stable headers only —
// never a project header. It is force-included; each source still includes what it uses
// (a -DKANRI_PCH=OFF build proves it). QT_GUI_LIB and QT_WIDGETS_LIB change what <QTest>
// declares, so there is one precompiled copy per set of them.
#include <QTest>

#include <QAbstractItemModelTester>
#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#ifdef QT_WIDGETS_LIB
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QTreeWidget>
#endif
