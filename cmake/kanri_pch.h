// The precompiled header of Kanri's own libraries (cmake/KanriLibraryPch.cmake, KANRI_PCH): the
// Qt and standard headers most of models/, ui/ and app/ include, stable headers only — never a
// project header. It is force-included; each source still includes what it uses (a
// -DKANRI_PCH=OFF build proves it). The libraries that use Qt Widgets get a copy with the
// widgets below, the others one with Qt Core only.
#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#ifdef QT_WIDGETS_LIB
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>
#endif
