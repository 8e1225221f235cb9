<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>kanri::app::AppContext</name>
    <message numerus="yes">
        <source>%n uncommitted</source>
        <translation>
            <numerusform>%n uncommitted</numerusform>
            <numerusform>%n uncommitted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening %1… catalog, %n service(s)</source>
        <translation>
            <numerusform>Opening %1… catalog, %n service</numerusform>
            <numerusform>Opening %1… catalog, %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored unsaved edits of %n file(s). Edit ▸ Undo takes them back.</source>
        <translation>
            <numerusform>Restored unsaved edits of %n file. Edit ▸ Undo takes them back.</numerusform>
            <numerusform>Restored unsaved edits of %n files. Edit ▸ Undo takes them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::app::GitHubController</name>
    <message numerus="yes">
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>%n open pull request</numerusform>
            <numerusform>%n open pull requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by GitHub: %1</source>
        <translation>
            <numerusform>%n refused by GitHub: %1</numerusform>
            <numerusform>%n refused by GitHub: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Posted %n queued review(s): %1.</source>
        <translation>
            <numerusform>Posted %n queued review: %1.</numerusform>
            <numerusform>Posted %n queued reviews: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n line comment(s))</source>
        <translation>
            <numerusform>(+%n line comment)</numerusform>
            <numerusform>(+%n line comments)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::diff::RenderDiff</name>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed</source>
        <translation>
            <numerusform>%n renamed</numerusform>
            <numerusform>%n renamed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::CatalogTreeModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::ClusterTreeModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::DevelopersModel</name>
    <message numerus="yes">
        <source>Add %n developer(s)</source>
        <translation>
            <numerusform>Add %n developer</numerusform>
            <numerusform>Add %n developers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n developer(s)</source>
        <translation>
            <numerusform>Remove %n developer</numerusform>
            <numerusform>Remove %n developers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::PaletteModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::platform</name>
    <message numerus="yes">
        <source>%n file(s) changed between %1 and %2
</source>
        <translation>
            <numerusform>%n file changed between %1 and %2
</numerusform>
            <numerusform>%n files changed between %1 and %2
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rules: %n new finding(s)
</source>
        <translation>
            <numerusform>Rules: %n new finding
</numerusform>
            <numerusform>Rules: %n new findings
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>## Summary

%n file(s) changed.
</source>
        <translation>
            <numerusform>## Summary

%n file changed.
</numerusform>
            <numerusform>## Summary

%n files changed.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::review::PullSync</name>
    <message numerus="yes">
        <source>%n pull request(s) available offline.</source>
        <translation>
            <numerusform>%n pull request available offline.</numerusform>
            <numerusform>%n pull requests available offline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n available offline; %2</source>
        <translation>
            <numerusform>%1 of %n available offline; %2</numerusform>
            <numerusform>%1 of %n available offline; %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not tried: GitHub could not be reached)</source>
        <translation>
            <numerusform>(%n not tried: GitHub could not be reached)</numerusform>
            <numerusform>(%n not tried: GitHub could not be reached)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::terraform::ImpactText</name>
    <message numerus="yes">
        <source>%n to add</source>
        <translation>
            <numerusform>%n to add</numerusform>
            <numerusform>%n to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to change</source>
        <translation>
            <numerusform>%n to change</numerusform>
            <numerusform>%n to change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to move</source>
        <translation>
            <numerusform>%n to move</numerusform>
            <numerusform>%n to move</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to remove</source>
        <translation>
            <numerusform>%n to remove</numerusform>
            <numerusform>%n to remove</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::FindingsPanel</name>
    <message numerus="yes">
        <source>Findings — %n error(s)</source>
        <translation>
            <numerusform>Findings — %n error</numerusform>
            <numerusform>Findings — %n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitChangesPanel</name>
    <message numerus="yes">
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>%n changed file</numerusform>
            <numerusform>%n changed files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s), %1 with unsaved edits</source>
        <translation>
            <numerusform>%n changed file, %1 with unsaved edits</numerusform>
            <numerusform>%n changed files, %1 with unsaved edits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitCommitDialog</name>
    <message numerus="yes">
        <source>&amp;Save unsaved edits first (%n file(s))</source>
        <translation>
            <numerusform>&amp;Save unsaved edits first (%n file)</numerusform>
            <numerusform>&amp;Save unsaved edits first (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitPushDialog</name>
    <message numerus="yes">
        <source>%n commit(s)</source>
        <translation>
            <numerusform>%n commit</numerusform>
            <numerusform>%n commits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n developer(s)</source>
        <translation>
            <numerusform>%n developer</numerusform>
            <numerusform>%n developers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved file(s)</source>
        <translation>
            <numerusform>%n unsaved file</numerusform>
            <numerusform>%n unsaved files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::OffboardWizard</name>
    <message numerus="yes">
        <source>%n place(s) name %1.</source>
        <translation>
            <numerusform>%n place name %1.</numerusform>
            <numerusform>%n places name %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrQueuePanel</name>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrReviewWidget</name>
    <message numerus="yes">
        <source>%n pending: kept on disk and posted when GitHub can be reached.</source>
        <translation>
            <numerusform>%n pending: kept on disk and posted when GitHub can be reached.</numerusform>
            <numerusform>%n pending: kept on disk and posted when GitHub can be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line comment(s), posted with your review:</source>
        <translation>
            <numerusform>%n line comment, posted with your review:</numerusform>
            <numerusform>%n line comments, posted with your review:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The pull request changed since: %n line comment(s) may be on a moved line and go into the review&apos;s text.</source>
        <translation>
            <numerusform>The pull request changed since: %n line comment may be on a moved line and goes into the review&apos;s text.</numerusform>
            <numerusform>The pull request changed since: %n line comments may be on moved lines and go into the review&apos;s text.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::RestoreEditsDialog</name>
    <message numerus="yes">
        <source>Kanri did not close normally the last time this workspace was open. It kept the unsaved edits of %n file(s) (last written %1). Restore them as unsaved edits?</source>
        <translation>
            <numerusform>Kanri did not close normally the last time this workspace was open. It kept the unsaved edits of %n file (last written %1). Restore them as unsaved edits?</numerusform>
            <numerusform>Kanri did not close normally the last time this workspace was open. It kept the unsaved edits of %n files (last written %1). Restore them as unsaved edits?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::SignInDialog</name>
    <message numerus="yes">
        <source>Waiting for you to approve (the code expires in %n minute(s))…</source>
        <translation>
            <numerusform>Waiting for you to approve (the code expires in %n minute)…</numerusform>
            <numerusform>Waiting for you to approve (the code expires in %n minutes)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for you to approve; asking GitHub every %n second(s)…</source>
        <translation>
            <numerusform>Waiting for you to approve; asking GitHub every %n second…</numerusform>
            <numerusform>Waiting for you to approve; asking GitHub every %n seconds…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::TfImpactView</name>
    <message numerus="yes">
        <source>%n not evaluated</source>
        <translation>
            <numerusform>%n not evaluated</numerusform>
            <numerusform>%n not evaluated</numerusform>
        </translation>
    </message>
</context>
</TS>
