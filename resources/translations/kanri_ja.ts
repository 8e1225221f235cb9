<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Another team&apos;s item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item belongs to a team you are not in. Your change will need their review.

%1

Edit it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceLocator</name>
    <message>
        <source>the %1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source found for %1 %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 holds no value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::app::AppContext</name>
    <message>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::app::GitController</name>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ommit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a key the server knows into ssh-agent (ssh-add), or put it in ~/.ssh, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a token that has access to the repository (or set KANRI_GITHUB_TOKEN), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and the address, then try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address: there is no repository there, or your token cannot see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull first to bring in the commits from the remote, then push again. Your commits are safe in your local branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit or discard those changes first, then try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown SSH Host Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server %1 presented a host key that is not in ~/.ssh/known_hosts, or that differs from the recorded one:

%2

Connect only if this fingerprint is the one your administrators publish. Connecting trusts it until Kanri quits; add it to known_hosts to trust it for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new or empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was left in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloned into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloned into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not cloned yet (Repository ▸ Clone…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; (from the settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was committed: saving failed.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed %1 on %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was switched: save or discard your unsaved edits first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 and switched %2 to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD is detached: switch to a branch first (Repository ▸ Branches…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no remote named %2 to push to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no upstream branch to pull from: push it first (Repository ▸ Push).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now has the remote&apos;s commits (fast-forward).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged the remote&apos;s commits into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put your commits on top of the remote&apos;s (rebase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your commits and the remote&apos;s change the same lines in:
  %1
Nothing was changed: your files, branch and commits are as they were. Resolve it in a terminal (git pull, fix the files, git commit), or ask the author of the other commits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::app::GitHubController</name>
    <message>
        <source>approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pull request is available offline yet. Open Pull Requests ▸ Review Queue, select pull requests and choose Make available offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to GitHub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Out of GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pull requests of the workspace&apos;s repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh Pull Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post Queued Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Pull Request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub rate limit: waiting %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub: %1; trying again in %2 s (attempt %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no code is requested in a screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no OAuth app is configured. Set KANRI_GITHUB_CLIENT_ID (or github/clientId in Kanri&apos;s settings) to the client id of an OAuth app with the device flow enabled, or give a token in KANRI_GITHUB_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available (%1): you stay signed in until Kanri quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to GitHub as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out for this session; KANRI_GITHUB_TOKEN or GITHUB_TOKEN is still set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repository of this workspace is on GitHub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no network in a screenshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Sign in again (Pull Requests ▸ Sign in to GitHub…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open pull request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pull request(s) available offline.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 available offline; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: the repository %2 is not in the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: reading the pull request (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: fetching its commits (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: %2 of %3 objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the pull requests being made available offline are done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering both sides of #%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: posted when GitHub can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) posted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by GitHub: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the change to describe it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has commits that are not pushed; the pull request shows what is on the remote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the base branch: switch to the branch to propose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No generated description: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the pull request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created pull request #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::app::RulesController</name>
    <message>
        <source>&amp;Check Platform Rules Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Developer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Microservice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offboard Developer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New microservice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added: review the diff, save, then commit both repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offboard developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed everywhere: review the diff, then save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::cli</name>
    <message>
        <source>Receiving objects: %1% (%2/%3), %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving deltas: %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking out files: %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing objects: %1/%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloned into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD (no branch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ahead %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched to branch &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched to a new branch &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD is detached; name the branch to push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the branch %1 has no upstream; use kanri push --set-upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast-forwarded to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged; now at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebased; now at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: pull stopped: conflicts in %1; nothing was changed (integrate by hand, or try kanri pull --rebase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri lint: error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: kanri lint [DIR | --workspace DIR] [--format text|json|github|sarif] [--base REF]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--base needs a ref</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--workspace needs a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>help requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri lint: note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri lint: %1 error(s), %2 warning(s), %3 note(s) in %4 rendered kustomization(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell the GitHub repository from the remote origin (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub rate limit: waiting %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: pull request #%1 is not available offline; run `kanri pr fetch %1` while online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wants to merge %2 into %3 (%4%5)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetched %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued, not yet posted:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to post
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posted %1, already posted %2, failed %3, still queued %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --request-changes needs --comment TEXT (GitHub requires a body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued %1 for #%2 (%3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline: kept in the queue; run `kanri pr sync` when the network is back
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1 (kanri push origin %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1 has commits that are not pushed; the pull request shows %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: no generated description: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pull request already exists for %1: #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri render: error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: kanri render [--reorder legacy|none] [--load-restrictor LoadRestrictionsRootOnly|LoadRestrictionsNone] [--verify] DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--reorder needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--reorder must be legacy or none, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--load-restrictor needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown load restrictor &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one directory may be given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri render: verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri render: verify: %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri render: verify: output differs from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanri render: verify: identical to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: kanri tf maps FILE [--json] | get FILE PATH | set FILE MAP.KEY.FIELD VALUE | unset FILE MAP.KEY.FIELD | add FILE MAP.KEY OBJECT | remove FILE MAP.KEY | rename FILE MAP.KEY NEWKEY | fmt [--check] FILE...  (edits take --dry-run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fmt needs at least one FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing subcommand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong number of arguments for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set takes MAP.KEY.FIELD (or MAP.KEY) and a JSON VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALUE must be JSON (strings in double quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unset takes MAP.KEY.FIELD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add takes MAP.KEY and a JSON OBJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBJECT must be JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove takes MAP.KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename takes MAP.KEY and NEWKEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWKEY is a name or a JSON string</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::git</name>
    <message>
        <source>cannot open the repository %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no remote named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot fetch from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the commit to check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your local changes to %1 would be overwritten; commit or discard them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::git::Repository</name>
    <message>
        <source>cannot create a repository in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a git repository: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the repository %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no repository at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot clone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the branch has no commits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bare repository has no working tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot stage the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unstage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no author configured: set user.name and user.email (git config) or choose an author in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the commit message is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolve the conflicts before committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid committer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list the branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid branch name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a branch before the first commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a branch named %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no branch named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot switch to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list the remote branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no remote branch named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell which remote %1 belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the upstream of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the branch %1 has no upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot compare %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing to store a remote URL that contains a password or token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add the remote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no remote named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot fetch from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot push to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push rejected: the remote has commits you do not have; pull first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push rejected by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushed, but cannot set the upstream to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD is detached; switch to a branch before pulling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the branch %1 has no upstream; push it with --set-upstream first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the upstream of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot compare %1 with its upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the upstream commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot merge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the merged tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the merged tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the merge commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rebase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::git::detail</name>
    <message>
        <source>cannot store the token in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the token from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::git::detail::Operation</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push rejected: the remote has commits you do not have; pull first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed for %1: no token (set KANRI_GITHUB_TOKEN or store one in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed for %1: no SSH key was accepted (tried ssh-agent and %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed for %1: the server asks for an unsupported method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH host key of %1 (%2) is unknown or has changed: not in ~/.ssh/known_hosts or different from the recorded key; refusing to connect (check the fingerprint, then add it with ssh-keyscan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS certificate of %1 could not be verified; refusing to connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github</name>
    <message>
        <source>expected a JSON object, got: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::ApiError</name>
    <message>
        <source>GitHub refused the credentials (%1); set KANRI_GITHUB_TOKEN or sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub denied access (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found on GitHub, or not visible with this token (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub rejected the request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub rate limit exceeded (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not reach GitHub: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub did not answer in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub server error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing in to GitHub failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer from GitHub (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::Client</name>
    <message>
        <source>no answer from %1 within %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON array from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing to follow a page link to another host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 pages; giving up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub rate limit reached (%1); waiting %2 s before trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for the contents API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content of %1 is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::DeviceFlow</name>
    <message>
        <source>no GitHub client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no OAuth client id configured (set KANRI_GITHUB_CLIENT_ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code expired before it was entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code expired; start again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::KeychainTokenProvider</name>
    <message>
        <source>could not save the token in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::PullStore</name>
    <message>
        <source>not a pull request: %1#%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1#%2 is not available offline; fetch it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::ReviewQueue</name>
    <message>
        <source>a comment or change request needs a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comment needs a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no repository or pull request number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Kanri is already posting the queued reviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::github::waitFor</name>
    <message>
        <source>blocking GitHub call on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl</name>
    <message>
        <source>unterminated quoted part in path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid quoted part in path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty part in path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;.&apos; after a quoted part in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Document</name>
    <message>
        <source>a path is MAP, MAP.KEY or MAP.KEY.FIELD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no map named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is not an object constructor; cannot set a field in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2.%3 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a list; its entries have no keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl::DocumentData</name>
    <message>
        <source>no map named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no element %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: the edit would produce invalid syntax (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl::JsonParser</name>
    <message>
        <source>byte-order mark is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra characters after the JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a property name in double quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the property name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Lexer</name>
    <message>
        <source>byte-order mark is not allowed in HCL files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated template string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated heredoc; expected a line containing only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated template interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated block comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid character &apos;~&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid character &apos;&amp;&apos;; did you mean &apos;&amp;&amp;&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid character &apos;|&apos;; did you mean &apos;||&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid heredoc introducer; expected an identifier after &apos;&lt;&lt;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a heredoc introducer must be followed by a line break</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Parser</name>
    <message>
        <source>missing &apos;}&apos; to close the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument or block definition is required here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block labels cannot contain template sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;=&apos; for an argument or &apos;{&apos; for a block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;{&apos; to open the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single-line block can only hold one argument, not a nested block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single-line block must end with &apos;}&apos; after its one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;:&apos; in conditional expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an attribute name after &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;]&apos; to close the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed bracket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name after &apos;::&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an expression, found the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an expression before the end of the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;,&apos; or &apos;)&apos; in the function call arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated template string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra characters after the interpolated expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated heredoc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;,&apos; between tuple elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;}&apos; to close the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;=&apos; or &apos;:&apos; after the object key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;,&apos; or line break between object items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::items::CatalogTreeModel</name>
    <message>
        <source>(no owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team / namespace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::items::ContainersModel</name>
    <message>
        <source>image tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>env %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no container &apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set from %1; edit it in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::items::DevelopersModel</name>
    <message>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2 — owners: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n developer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n developer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::FindingsModel</name>
    <message>
        <source>%1
Hint: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::items::ServicesModel</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 HPA min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 HPA max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::kustomize</name>
    <message>
        <source>no external kustomize found (set KANRI_KUSTOMIZE or install kubectl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@@ line %1 @@</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud %1 is not yet supported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::Build</name>
    <message>
        <source>open %1: no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remote resources are not supported: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security; file &apos;%1&apos; is not in or below &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found multiple kustomization files under: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to find one of &apos;kustomization.yaml&apos;, &apos;kustomization.yml&apos; or &apos;Kustomization&apos; in directory &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kustomization file %1 is not a map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may not add resource with an already registered id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MalformedYAMLError: resource in %1 is not a map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing kind in object in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating resources: remote resource &apos;%1&apos; is not supported: Kanri renders local files only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating resources: accumulation err=&apos;accumulating resources from &apos;%1&apos;: open %2: no such file or directory&apos;: must build at directory: not a valid directory: evalsymlink failure on &apos;%2&apos; : lstat %2: no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating components: accumulateDirectory: &quot;expected kind &apos;Component&apos; for path &apos;%1&apos; but got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiVersion for Component should be kustomize.config.k8s.io/v1alpha1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating resources: expected kind != &apos;Component&apos; for path &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>var &apos;%1&apos; already encountered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating components: &apos;%1&apos; is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulating resources: accumulating resources from &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not supported: Kanri does not run helm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Warning: &apos;commonLabels&apos; is deprecated. Please use &apos;labels&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Warning: &apos;patchesStrategicMerge&apos; is deprecated. Please use &apos;patches&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Warning: &apos;patchesJson6902&apos; is deprecated. Please use &apos;patches&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Warning: &apos;vars&apos; is deprecated. Please use &apos;replacements&apos; instead. [EXPERIMENTAL] Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Warning: &apos;bases&apos; is deprecated. Please use &apos;resources&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>builtin version and custom schema provided, cannot use both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading CRDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found %1 resId matches for var {%2} (unable to disambiguate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid generator behavior: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configmap %1 illegally repeats the key `%2`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid literal source %1, expected key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1 does not exist; cannot merge or replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found multiple objects %1 that could accept merge of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1 exists; behavior must be merge or replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remote plugin configuration &apos;%1&apos; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KRM function plugins are not supported (generator %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>builtin generator %1 is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify one of patch and path in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch and path can&apos;t be set at the same time
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file path and empty jsonOp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify a file path or jsonOp, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>namespace transformation produces ID conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to load builtin %1: Kanri does not run exec, Go or KRM-function plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch and path can&apos;t be set at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify one of patch and path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify a target for JSON patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to parse SM or JSON patch from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no resource matches strategic merge patch &quot;%1&quot;: failed to find unique target for patch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch appears to be empty; files=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch appears to be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacement source is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple matches for selector %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing selected by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldPath `%1` is missing for replacement source %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options.index %1 is out of bounds for value %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KRM function plugins are not supported (transformer %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> found multiple possible referrals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating name reference in &apos;%1&apos; field of &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>var &apos;%1&apos; cannot be mapped to a field in the set of known resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field specified in var &apos;%1&apos; not found in corresponding resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>well-defined vars that were never replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::Renderer</name>
    <message>
        <source>the field &apos;sortOptions.order&apos; must be one of [fifo, legacy]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &apos;sortOptions.legacySortOptions&apos; is set but the selected sort order is &apos;fifo&apos;, not &apos;legacy&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::detail</name>
    <message>
        <source>strategic merge patch is not a map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON pointer must start with &apos;/&apos;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doc is missing path: &quot;%1&quot;: missing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace operation does not apply: doc is missing key: %1: missing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to access invalid index: %1: invalid index referenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the document root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to remove nonexistent key: %1: missing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>json: cannot unmarshal %1 into Go value of type jsonpatch.Patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy from missing path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testing value %1 failed: test failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::platform</name>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loses %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gains %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 changed from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files changed between %2 and %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== %1: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base does not render: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head does not render: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform changes:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: no new findings
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: %1 new findings
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners who must review: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update %1 overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Terraform entry changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>## Summary

%1 files changed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Rendered changes

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — does not render: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Terraform

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Rule findings

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new findings.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
## Reviewers (CODEOWNERS)

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;sub&gt;Generated by Kanri.&lt;/sub&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pull request #%1 is not available offline: make it available offline while online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD is detached; switch to the branch to propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the branch %1 is not on the remote; push it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rendered output does not parse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CODEOWNERS pattern %1 matches no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the path (patterns starting with / are relative to the repository root) or remove the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s) in %2 have no code owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no code owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a CODEOWNERS line for %1 so that changes get a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the file so that it parses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developer %1 has the field %2, which the schema does not declare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove it, or ask the SRE team to declare it in the developers variable first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developer %1: %2 must be of type %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a %1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developer %1 lacks the required field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add %1 = &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GitHub login %1 of developer %2 is already listed for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one person has one entry; remove the duplicate or fix the login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developer %1 may approve onboarding PRs but has no GitHub login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set github, or remove github_approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the microservice %1 has no manifests (no services folder of that name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add its base and overlays in the manifests repository, or remove the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service %1 has manifests but no microservice entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add an entry for %1 to the microservices map in the accounts repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not render: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run `kanri render %1` and fix the first error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run git and tar to extract %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot unpack %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the id (the part of the e-mail address before the @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ids are lower-case letters, digits and dashes, 2 to 31 characters, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the developers map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a GitHub login (letters, digits and single dashes, at most 39)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub: %1 (login %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google account %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace has no developers map to add to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add developer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template is missing from this build of Kanri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no resources list to add %1 to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name is a DNS label: lower-case letters, digits and dashes, starting with a letter, at most 40 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifests repository already has a service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the accounts repository already has a microservice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>services/%1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a team that has a microservices map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a one-line description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose at least one environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the image registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first image tag must be a pinned version (not latest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Kubernetes quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port is 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace has no manifests repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add microservice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team %1 has no microservices map yet; ask the SRE team to add its file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry in %1 creates the Artifact Registry repository %2, the Slack user group and the default monitors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no developer %1 in the developers map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offboard developer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developers map entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>microservice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODEOWNERS line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line removed (no owner left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODEOWNERS owner of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed since the preview; run the wizard again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::platform::Linter</name>
    <message>
        <source>cannot create a temporary folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 does not exist there; compared with the working tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a commit in any repository of the workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::platform::RenderedChecker</name>
    <message>
        <source>%1 %2 sets replicas while a HorizontalPodAutoscaler scales it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove spec.replicas (and the replicas: entry); the HPA&apos;s minReplicas decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3 (target %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is deprecated since Kubernetes %3 and removed in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use apiVersion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is reserved to the SRE team and may only be added under the platform folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask the SRE team to add it in a platform folder, or remove it from this kustomization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 render(s) without a namespace; %2 must render into namespace %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 render(s) into namespace %2; %3 may only use namespace %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set `namespace: %1` in the overlay&apos;s kustomization.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %3 is %2, above %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %3 is %2, below %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the unit (&quot;500m&quot; is half a core, &quot;48&quot; is 48 cores); the platform&apos;s range is set under rules.thresholds in .kanri.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container %1 of %2/%3 has no %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set resources.requests (what the pod is scheduled with) and resources.limits for cpu and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 request of container %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 limit of container %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container %1 of %2/%3 has a %4 limit below its request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raise limits.%1 to at least requests.%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1 of container %2 has no tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1 of container %2 is tagged latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin a version (newTag in the overlay&apos;s images: entry, or the tag in image:) so that a rollout is reproducible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1 of %2 comes from neither the service&apos;s repository %3 nor an allowed registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1 of %2 comes from the repository %3 of another service, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push the image to the service&apos;s own repository (%1), or add the registry to rules.registries in .kanri.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler %1 has minReplicas %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minReplicas must be at least 1 (scaling to zero needs a feature gate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler %1 has minReplicas %2 above maxReplicas %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower minReplicas or raise maxReplicas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::platform::Session</name>
    <message>
        <source>no such service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an image tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HPA minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HPA maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no %2 to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2 (%3) to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>env var %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an env var name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity (for example 250m, 0.5, 512Mi, 1G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Deployment to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no container &apos;%2&apos; in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file that defines %1 is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2/%3 (%4) to %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a developer &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename developer %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace has no developers map to add to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add developer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove developer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::platform::SourceLocator::Search</name>
    <message>
        <source>the overlay&apos;s images: entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay&apos;s replicas: entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON 6902 patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay&apos;s commonAnnotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay&apos;s labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay&apos;s commonLabels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay&apos;s namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an inline patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a strategic-merge patch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::DiffPanel</name>
    <message>
        <source>Rendered diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered YAML at HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered YAML with your changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts: %1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a service to see its rendered diff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rendering…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::FindingsPanel</name>
    <message>
        <source>Whole workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every finding, or only those the unsaved edits introduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Findings — %n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> in this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitBranchDialog</name>
    <message>
        <source>C&amp;reate and Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new-branch-name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New branch from the current one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote branches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitChangesPanel</name>
    <message>
        <source>modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the working trees again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected files to the next commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected files out of the next commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit the changes of the selected repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s), %1 with unsaved edits</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitCloneDialog</name>
    <message>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://github.com/org/repo.git, ssh://… or a local path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty or new folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &amp;repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (already cloned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitCommitDialog</name>
    <message>
        <source>&amp;Save unsaved edits first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (one line, what and why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More detail (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit the checked files (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to commit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no branch: HEAD is detached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to commit: the working tree is clean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save unsaved edits first (%n file(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Write a summary first: one line saying what the commit changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one file to commit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitProgressWidget</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving objects: %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving deltas: %1 of %2 (%3 received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing objects: %1 of %2 (%3 received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking out files: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending objects: %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitSignInDialog</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The server %2 wants a token that can read (and, to push, write) the repository. It is sent only to %2 and stored only in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::MainWindow</name>
    <message>
        <source>Kanri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter services, teams, namespaces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be written; your edits are kept.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert All Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop every unsaved change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Edits to &amp;All Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kanri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kanri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Kanri&lt;/b&gt; %1&lt;br&gt;A console for a platform team&apos;s Terraform and kustomize repositories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Developers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Kanri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n developer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quick Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service or developer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::NewDeveloperWizard</name>
    <message>
        <source>New developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is joining?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry goes into the developers map of the accounts repository. Merging its pull request creates the accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part of the e-mail address before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts and rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what the SRE team declared in the schema can be granted. Choosing a team pre-sets what its services need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What merging grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish adds the entry as an unsaved edit: it shows in the diff, can be undone, and is committed with the rest of your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account or right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry breaks no platform rule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::NewMicroserviceWizard</name>
    <message>
        <source>New microservice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new microservice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One application is one namespace: the name is also the namespace, the folder under services/ and the entry in the team&apos;s microservices map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coupon-api</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GKE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EKS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests and limits are required by the platform rules; start small, the HPA adds pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First image &amp;tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish adds these as one unsaved edit: review the rendered diff, then commit and open the pull requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::OffboardWizard</name>
    <message>
        <source>Offboard developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is leaving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the developers map entry closes the person&apos;s accounts when the pull request is merged. Kanri also looks for every other place that names them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Developer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere they appear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish removes all of these as one unsaved edit, which you can undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) name %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrCreateDialog</name>
    <message>
        <source>Create as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Pull Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch (head):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into (base):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&lt;br&gt;Push the branch first with &lt;b&gt;Repository ▸ Push&lt;/b&gt;, then open this dialog again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created pull request #%1: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pull request already exists for this branch: &lt;a href=&quot;%2&quot;&gt;#%1&lt;/a&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrQueuePanel</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make available offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authored by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the selected pull requests&apos; commits, files and comments so that they can be reviewed without a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the pull requests made available offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub answered with an error:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrReviewWidget</name>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your review. Written offline, it is kept and posted when GitHub can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform and findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pull request open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull request review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; wants to merge &lt;code&gt;%2&lt;/code&gt; into &lt;code&gt;%3&lt;/code&gt; · %4 · &lt;a href=&quot;%5&quot;&gt;%6&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · offline copy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files changed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the base does not render: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered diff (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  no map entries change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule findings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  the rules did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners who must review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rendered diff is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to be posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending: kept on disk and posted when GitHub can be reached.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2:%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be posted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::SignInDialog</name>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied. Paste it at the page, then come back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kanri signs in to &lt;b&gt;%1&lt;/b&gt; with GitHub&apos;s device flow: you type a short code at a GitHub page and approve access there. Kanri never sees your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for you to approve (the code expires in %n minute(s))…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for you to approve; asking GitHub every %n second(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::SourceEditor</name>
    <message>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a line of the rendered diff, or use File › Open File… (Ctrl+P), to see its source here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line[:column]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owned by %1: changes need their review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::ui::WizardPreview</name>
    <message>
        <source>new      </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed  </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::yaml</name>
    <message>
        <source>there is no document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes through an alias; edit the anchored node instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document is too large (%1 bytes, limit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::yaml::Builder</name>
    <message>
        <source>recursive or unknown alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aliases expand to more than %1 nodes (an alias bomb?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document expands to too many nodes (alias bomb?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document is nested too deeply (more than %1 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document has too many nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kanri::yaml::YamlDocument</name>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>editing %1 would break the file (%2); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>editing %1 did not give the expected result; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write a block scalar at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not found (only missing mapping keys are created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1: %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacing the root of a document is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the root of a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove %1: unusual layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, not a sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has only %2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text changed since this edit; it cannot be applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PNG and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service to select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit to apply first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window to screenshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
