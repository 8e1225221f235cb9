#include "ui/main/aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kanri::ui {

AboutDialog::AboutDialog(const AboutInfo &info, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Kanri"));
    setMinimumWidth(480);
    auto *title = new QLabel(tr("<h2>Kanri %1</h2>"
                                "<p>A console for a platform team's Terraform and kustomize "
                                "repositories.</p>")
                                 .arg(info.version.toHtmlEscaped()),
                             this);
    title->setWordWrap(true);

    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td>%2</td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Commit"), info.commit);
    html += row(QStringLiteral("Qt"), tr("%1 (running)").arg(info.qtVersion));
    html += row(QStringLiteral("libgit2"), tr("%1 (running)").arg(info.libgit2Version));
    html += row(QStringLiteral("yaml-cpp"), tr("%1 (built with)").arg(info.yamlCppVersion));
    html += QStringLiteral("<tr><td>&nbsp;</td></tr>");
    html += row(tr("Settings"), info.settingsFile);
    html += row(tr("Data"), info.dataFolder);
    html += row(tr("Logs"), info.logFolder);
    html += QStringLiteral("</table>");
    m_details = new QLabel(html, this);
    m_details->setObjectName(QStringLiteral("aboutDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *logs = buttons->addButton(tr("Open &Log Folder"), QDialogButtonBox::ActionRole);
    logs->setObjectName(QStringLiteral("openLogFolderButton"));
    connect(logs, &QPushButton::clicked, this, &AboutDialog::openLogFolderRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_details);
    layout->addWidget(buttons);
}

} // namespace kanri::ui
