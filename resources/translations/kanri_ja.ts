<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Another team&apos;s item</source>
        <translation>他チームの項目</translation>
    </message>
    <message>
        <source>This item belongs to a team you are not in. Your change will need their review.

%1

Edit it anyway?</source>
        <translation>この項目は、あなたが所属していないチームのものです。変更にはそのチームのレビューが必要になります。

%1

このまま編集しますか?</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>%2 の %1 を編集</translation>
    </message>
</context>
<context>
    <name>SourceLocator</name>
    <message>
        <source>the %1 entry</source>
        <translation>%1 エントリ</translation>
    </message>
    <message>
        <source>the resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>no source found for %1 %2 at %3</source>
        <translation>%3 に %1 %2 のソースが見つかりません</translation>
    </message>
    <message>
        <source>line %1 holds no value</source>
        <translation>%1 行目に値がありません</translation>
    </message>
</context>
<context>
    <name>kanri</name>
    <message>
        <source>a folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>キャラクターデバイス</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ブロックデバイス</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>larger than the limit of %1 bytes; not read</source>
        <translation>上限の %1 バイトを超えているため、読み込みませんでした</translation>
    </message>
    <message>
        <source>%1 bytes, more than the limit of %2 bytes; not read</source>
        <translation>%1 バイトあり、上限の %2 バイトを超えているため、読み込みませんでした</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>leads to %1, not a regular file; not read</source>
        <translation>リンク先が通常のファイルではなく%1のため、読み込みませんでした</translation>
    </message>
    <message>
        <source>is %1, not a regular file; not read</source>
        <translation>通常のファイルではなく%1のため、読み込みませんでした</translation>
    </message>
    <message>
        <source>changed on disk since it was read; not overwritten</source>
        <translation>読み込んだ後にディスク上で変更されたため、上書きしませんでした</translation>
    </message>
    <message>
        <source>is %1, not a regular file; not overwritten</source>
        <translation>通常のファイルではなく%1のため、上書きしませんでした</translation>
    </message>
    <message>
        <source>cannot create a temporary file beside it: %1</source>
        <translation>同じフォルダーに一時ファイルを作成できません: %1</translation>
    </message>
    <message>
        <source>could not keep its owner and group %1 (%2); it now belongs to %3</source>
        <translation>所有者とグループ %1 を保持できませんでした (%2)。現在の所有者は %3 です</translation>
    </message>
    <message>
        <source>cannot set the mode of the temporary file: %1</source>
        <translation>一時ファイルのモードを設定できません: %1</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>書き込めません: %1</translation>
    </message>
    <message>
        <source>cannot replace it: %1</source>
        <translation>置き換えられません: %1</translation>
    </message>
    <message>
        <source>written, but its folder could not be synced to disk: %1</source>
        <translation>書き込みましたが、フォルダーをディスクに同期できませんでした: %1</translation>
    </message>
    <message>
        <source>it had %1 hard links; this name now has its own copy, the others keep the old content</source>
        <translation>ハードリンクが %1 個ありました。この名前は独自のコピーになり、他の名前は古い内容のままです</translation>
    </message>
</context>
<context>
    <name>kanri::app::AppContext</name>
    <message>
        <source>Cannot open workspace</source>
        <translation>ワークスペースを開けません</translation>
    </message>
    <message numerus="yes">
        <source>%n uncommitted</source>
        <translation>
            <numerusform>未コミット %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1… reading the catalog</source>
        <translation>%1 を開いています… カタログを読み込み中</translation>
    </message>
    <message numerus="yes">
        <source>Opening %1… catalog, %n service(s)</source>
        <translation>
            <numerusform>%1 を開いています… カタログ、%n サービス</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the workspace was cancelled.</source>
        <translation>ワークスペースを開く処理をキャンセルしました。</translation>
    </message>
    <message>
        <source>Workspace already open</source>
        <translation>ワークスペースはすでに開かれています</translation>
    </message>
    <message>
        <source>This workspace is already open in another Kanri (process %1 on %2).</source>
        <translation>このワークスペースは別の Kanri (%2 のプロセス %1) ですでに開かれています。</translation>
    </message>
    <message>
        <source>Editing it in two windows can overwrite what the other one saves. Switch to the other window, or open it here anyway.</source>
        <translation>2 つのウィンドウで編集すると、もう一方が保存した内容を上書きすることがあります。もう一方のウィンドウに切り替えるか、このままここでも開いてください。</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>このまま開く</translation>
    </message>
    <message numerus="yes">
        <source>Restored unsaved edits of %n file(s). Edit ▸ Undo takes them back.</source>
        <translation>
            <numerusform>%n ファイルの未保存の編集を復元しました。編集 ▸ 元に戻す で取り消せます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed on disk by another program: %1. Your unsaved edits are kept; saving asks which version to keep.</source>
        <translation>別のプログラムがディスク上で変更しました: %1。未保存の編集はそのまま残っています。保存するときに、どちらを残すか確認します。</translation>
    </message>
    <message>
        <source>Unsaved edits are not protected</source>
        <translation>未保存の編集が保護されていません</translation>
    </message>
    <message>
        <source>Kanri keeps a copy of unsaved edits in case it is closed abruptly, and could not write it: %1</source>
        <translation>Kanri は突然終了した場合に備えて未保存の編集のコピーを保存していますが、書き込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>kanri::app::CommitAuthor</name>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Nothing was committed: the name and e-mail could not be written to git&apos;s configuration.
%1</source>
        <translation>コミットしませんでした: 名前とメールアドレスを git の設定に書き込めませんでした。
%1</translation>
    </message>
</context>
<context>
    <name>kanri::app::GitController</name>
    <message>
        <source>Changes</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>&amp;Clone…</source>
        <translation>クローン(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;ommit…</source>
        <translation>コミット(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Branches…</source>
        <translation>ブランチ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>プッシュ(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;ull</source>
        <translation>プル(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Refresh Changes</source>
        <translation>変更を再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Load a key the server knows into ssh-agent (ssh-add), or put it in ~/.ssh, then try again.</source>
        <translation>サーバーに登録済みの鍵を ssh-agent に読み込む (ssh-add) か ~/.ssh に置いてから、もう一度試してください。</translation>
    </message>
    <message>
        <source>Sign in with a token that has access to the repository (or set KANRI_GITHUB_TOKEN), then try again.</source>
        <translation>リポジトリにアクセスできるトークンでサインインして (または KANRI_GITHUB_TOKEN を設定して) から、もう一度試してください。</translation>
    </message>
    <message>
        <source>Check the network connection and the address, then try again. Nothing was changed.</source>
        <translation>ネットワーク接続とアドレスを確認して、もう一度試してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Check the address: there is no repository there, or your token cannot see it.</source>
        <translation>アドレスを確認してください: そこにリポジトリがないか、トークンでは参照できません。</translation>
    </message>
    <message>
        <source>Pull first to bring in the commits from the remote, then push again. Your commits are safe in your local branch.</source>
        <translation>先にプルしてリモートのコミットを取り込んでから、もう一度プッシュしてください。あなたのコミットはローカルブランチに残っています。</translation>
    </message>
    <message>
        <source>Commit or discard those changes first, then try again. Nothing was changed.</source>
        <translation>先にその変更をコミットするか破棄してから、もう一度試してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>キャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Unknown SSH Host Key</source>
        <translation>不明な SSH ホスト鍵</translation>
    </message>
    <message>
        <source>Choose a new or empty folder.</source>
        <translation>新しいフォルダーか空のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was left in %1.</source>
        <translation>キャンセルしました。%1 には何も残していません。</translation>
    </message>
    <message>
        <source>Cloned into %1.</source>
        <translation>%1 にクローンしました。</translation>
    </message>
    <message>
        <source>Cloned into %1</source>
        <translation>%1 にクローン済み</translation>
    </message>
    <message>
        <source>not cloned yet (Repository ▸ Clone…)</source>
        <translation>未クローン (リポジトリ ▸ クローン…)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Unstage</source>
        <translation>ステージ解除</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; (from the settings)</source>
        <translation>%1 &lt;%2&gt; (設定から)</translation>
    </message>
    <message>
        <source>Nothing was committed: saving failed.
%1</source>
        <translation>コミットしていません: 保存に失敗しました。
%1</translation>
    </message>
    <message>
        <source>Committed %1 on %2 in %3</source>
        <translation>%3 の %2 に %1 をコミットしました</translation>
    </message>
    <message>
        <source>Nothing was switched: save or discard your unsaved edits first.</source>
        <translation>切り替えていません: 先に未保存の編集を保存するか破棄してください。</translation>
    </message>
    <message>
        <source>%1 is now on %2.</source>
        <translation>%1 は %2 に切り替わりました。</translation>
    </message>
    <message>
        <source>Switched %1 to %2</source>
        <translation>%1 を %2 に切り替えました</translation>
    </message>
    <message>
        <source>Created %1 and switched %2 to it.</source>
        <translation>%1 を作成し、%2 をそのブランチに切り替えました。</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>Pushing %1 of %2…</source>
        <translation>%2 の %1 をプッシュ中…</translation>
    </message>
    <message>
        <source>HEAD is detached: switch to a branch first (Repository ▸ Branches…).</source>
        <translation>HEAD が detached 状態です: 先にブランチに切り替えてください (リポジトリ ▸ ブランチ…)。</translation>
    </message>
    <message>
        <source>%1 has no remote named %2 to push to.</source>
        <translation>%1 にはプッシュ先のリモート %2 がありません。</translation>
    </message>
    <message>
        <source>Pull Now</source>
        <translation>今すぐプル</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>プル</translation>
    </message>
    <message>
        <source>Pulling %1 of %2…</source>
        <translation>%2 の %1 をプル中…</translation>
    </message>
    <message>
        <source>%1 has no upstream branch to pull from: push it first (Repository ▸ Push).</source>
        <translation>%1 にはプル元の upstream ブランチがありません: 先にプッシュしてください (リポジトリ ▸ プッシュ)。</translation>
    </message>
    <message>
        <source>%1 is already up to date.</source>
        <translation>%1 はすでに最新です。</translation>
    </message>
    <message>
        <source>%1 now has the remote&apos;s commits (fast-forward).</source>
        <translation>%1 にリモートのコミットを取り込みました (fast-forward)。</translation>
    </message>
    <message>
        <source>Merged the remote&apos;s commits into %1.</source>
        <translation>リモートのコミットを %1 にマージしました。</translation>
    </message>
    <message>
        <source>Put your commits on top of the remote&apos;s (rebase).</source>
        <translation>自分のコミットをリモートのコミットの上に積み直しました (rebase)。</translation>
    </message>
    <message>
        <source>Your commits and the remote&apos;s change the same lines in:
  %1
Nothing was changed: your files, branch and commits are as they were. Resolve it in a terminal (git pull, fix the files, git commit), or ask the author of the other commits.</source>
        <translation>あなたのコミットとリモートのコミットが、次のファイルの同じ行を変更しています:
  %1
何も変更していません: ファイル、ブランチ、コミットは元のままです。ターミナルで解決する (git pull、ファイルを修正、git commit) か、もう一方のコミットの作成者に相談してください。</translation>
    </message>
    <message>
        <source>Git &amp;Settings…</source>
        <translation>Git 設定(&amp;S)…</translation>
    </message>
    <message>
        <source>The SSH server %1 presented a host key that no known_hosts file records:

%2%3

Trust it only if this fingerprint is the one the server&apos;s administrators publish.</source>
        <translation>SSH サーバー %1 が、どの known_hosts ファイルにも記録されていないホスト鍵を提示しました:

%2%3

このフィンガープリントがサーバー管理者の公開しているものと一致する場合にのみ信頼してください。</translation>
    </message>
    <message>
        <source>Keys of another type (%1) are recorded for this host already.</source>
        <translation>このホストには別の種類の鍵 (%1) がすでに記録されています。</translation>
    </message>
    <message>
        <source>Trusting it lasts until Kanri quits.</source>
        <translation>信頼は Kanri を終了するまで有効です。</translation>
    </message>
    <message>
        <source>Trusting it adds it to %1, where ssh and Kanri find it next time.</source>
        <translation>信頼すると鍵が %1 に追加され、次回から ssh と Kanri がそれを使います。</translation>
    </message>
    <message>
        <source>Trust and Connect</source>
        <translation>信頼して接続</translation>
    </message>
    <message>
        <source>SSH Host Key</source>
        <translation>SSH ホスト鍵</translation>
    </message>
    <message>
        <source>The key is trusted until Kanri quits, but it could not be written to %1:
%2</source>
        <translation>鍵は Kanri を終了するまで信頼されますが、%1 に書き込めませんでした:
%2</translation>
    </message>
    <message>
        <source>Added the host key of %1 to %2</source>
        <translation>%1 のホスト鍵を %2 に追加しました</translation>
    </message>
    <message>
        <source>Saved the git settings</source>
        <translation>Git 設定を保存しました</translation>
    </message>
    <message>
        <source>binary file differs</source>
        <translation>バイナリファイルが異なります</translation>
    </message>
    <message>
        <source>the file is too large to show (%1 MB; the limit is %2 MB)</source>
        <translation>ファイルが大きすぎて表示できません (%1 MB、上限は %2 MB)</translation>
    </message>
    <message>
        <source>the diff is longer than %1 MB: cut here</source>
        <translation>差分が %1 MB を超えています: ここで打ち切りました</translation>
    </message>
    <message>
        <source>the unsaved content is the same as the file on disk</source>
        <translation>未保存の内容はディスク上のファイルと同じです</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>C&amp;ommit %1…</source>
        <translation>%1 をコミット(&amp;O)…</translation>
    </message>
    <message>
        <source>P&amp;ull %1</source>
        <translation>%1 をプル(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Push %1</source>
        <translation>%1 をプッシュ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Push %1…</source>
        <translation>%1 をプッシュ(&amp;P)…</translation>
    </message>
    <message>
        <source>Nothing to push yet: commit first (%1)</source>
        <translation>まだプッシュするものがありません: 先にコミットしてください (%1)</translation>
    </message>
    <message>
        <source>not configured yet: you will be asked when you commit</source>
        <translation>まだ設定されていません: コミットするときに尋ねます</translation>
    </message>
    <message>
        <source>Nothing was committed: a commit needs the name and e-mail address of its author.</source>
        <translation>コミットしませんでした: コミットには作成者の名前とメールアドレスが必要です。</translation>
    </message>
    <message>
        <source>Nothing was committed.
%1</source>
        <translation>コミットしませんでした。
%1</translation>
    </message>
    <message>
        <source>Looking for commits to push…</source>
        <translation>プッシュするコミットを探しています…</translation>
    </message>
    <message>
        <source>Nothing to push: %1 hold no commits that the remote lacks.</source>
        <translation>プッシュするものはありません: %1 にはリモートにないコミットがありません。</translation>
    </message>
    <message>
        <source>%1: HEAD is detached: switch to a branch first (Repository ▸ Branches…).</source>
        <translation>%1: HEAD がどのブランチにもありません。先にブランチへ切り替えてください (リポジトリ ▸ ブランチ…)。</translation>
    </message>
    <message>
        <source>Pushed %1 of %2 to %3.</source>
        <translation>%2 の %1 を %3 にプッシュしました。</translation>
    </message>
    <message>
        <source>Not pushed: %1.</source>
        <translation>プッシュしていません: %1。</translation>
    </message>
    <message>
        <source>Token Sent over Plain HTTP</source>
        <translation>トークンを暗号化されていない HTTP で送信しました</translation>
    </message>
</context>
<context>
    <name>kanri::app::GitHubController</name>
    <message>
        <source>approval</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>change request</source>
        <translation>変更リクエスト</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>pending review</source>
        <translation>保留中のレビュー</translation>
    </message>
    <message>
        <source>No pull request is available offline yet. Open Pull Requests ▸ Review Queue, select pull requests and choose Make available offline.</source>
        <translation>オフラインで利用できるプルリクエストはまだありません。プルリクエスト ▸ レビューキューを開き、プルリクエストを選んで「オフラインで利用可能にする」を選んでください。</translation>
    </message>
    <message>
        <source>Sign in to GitHub…</source>
        <translation>GitHub にサインイン…</translation>
    </message>
    <message>
        <source>Sign Out of GitHub</source>
        <translation>GitHub からサインアウト</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>レビューキュー</translation>
    </message>
    <message>
        <source>Open pull requests of the workspace&apos;s repositories</source>
        <translation>ワークスペースのリポジトリのオープンなプルリクエスト</translation>
    </message>
    <message>
        <source>Refresh Pull Requests</source>
        <translation>プルリクエストを再読み込み</translation>
    </message>
    <message>
        <source>Post Queued Reviews</source>
        <translation>キュー内のレビューを投稿</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>オフラインで作業</translation>
    </message>
    <message>
        <source>Ask nothing of GitHub: pull requests made available offline stay readable and reviews are queued</source>
        <translation>GitHub に何も要求しません: オフラインで利用可能にしたプルリクエストは読めて、レビューはキューに入ります</translation>
    </message>
    <message>
        <source>#%1 is not available offline; turn off Pull Requests ▸ Work Offline to fetch it</source>
        <translation>#%1 はオフラインで利用できません。取得するにはプルリクエスト ▸ オフラインで作業 をオフにしてください</translation>
    </message>
    <message>
        <source>Create Pull Request…</source>
        <translation>プルリクエストを作成…</translation>
    </message>
    <message>
        <source>GitHub rate limit: waiting %1 s (%2)</source>
        <translation>GitHub のレート制限: %1 秒待機中 (%2)</translation>
    </message>
    <message>
        <source>GitHub: %1; trying again in %2 s (attempt %3)</source>
        <translation>GitHub: %1; %2 秒後に再試行します (%3 回目)</translation>
    </message>
    <message>
        <source>Working offline: no code is requested. Turn off Pull Requests ▸ Work Offline to sign in.</source>
        <translation>オフライン作業中: コードは要求しません。サインインするにはプルリクエスト ▸ オフラインで作業 をオフにしてください。</translation>
    </message>
    <message>
        <source>Asking %1 for a code…</source>
        <translation>%1 にコードを要求しています…</translation>
    </message>
    <message>
        <source>no OAuth app is configured. Set KANRI_GITHUB_CLIENT_ID (or github/clientId in Kanri&apos;s settings) to the client id of an OAuth app with the device flow enabled, or give a token in KANRI_GITHUB_TOKEN.</source>
        <translation>OAuth アプリが設定されていません。KANRI_GITHUB_CLIENT_ID (または Kanri の設定の github/clientId) にデバイスフローを有効にした OAuth アプリの client id を設定するか、KANRI_GITHUB_TOKEN にトークンを指定してください。</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain.</source>
        <translation>トークンはシステムのキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1): you stay signed in until Kanri quits.</source>
        <translation>システムのキーチェーンを利用できません (%1): Kanri を終了するまでサインインしたままになります。</translation>
    </message>
    <message>
        <source>Signed in to GitHub as %1</source>
        <translation>%1 として GitHub にサインインしました</translation>
    </message>
    <message>
        <source>Signed out for this session; KANRI_GITHUB_TOKEN or GITHUB_TOKEN is still set in the environment</source>
        <translation>このセッションからサインアウトしました。環境変数 KANRI_GITHUB_TOKEN または GITHUB_TOKEN はまだ設定されています</translation>
    </message>
    <message>
        <source>Signed out of GitHub</source>
        <translation>GitHub からサインアウトしました</translation>
    </message>
    <message>
        <source>No repository of this workspace is on GitHub.</source>
        <translation>このワークスペースには GitHub 上のリポジトリがありません。</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <source>(working offline)</source>
        <translation>(オフライン作業中)</translation>
    </message>
    <message>
        <source>%1. Sign in again (Pull Requests ▸ Sign in to GitHub…).</source>
        <translation>%1。もう一度サインインしてください (プルリクエスト ▸ GitHub にサインイン…)。</translation>
    </message>
    <message numerus="yes">
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>オープンなプルリクエスト %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>#%1: the repository %2 is not in the workspace</source>
        <translation>#%1: リポジトリ %2 はワークスペースにありません</translation>
    </message>
    <message>
        <source>Cannot open the pull request</source>
        <translation>プルリクエストを開けません</translation>
    </message>
    <message>
        <source>Wait until the pull requests being made available offline are done</source>
        <translation>プルリクエストをオフラインで利用可能にする処理が終わるまで待ってください</translation>
    </message>
    <message>
        <source>Cannot keep the review</source>
        <translation>レビューを保存できません</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>投稿中…</translation>
    </message>
    <message>
        <source>Rendering both sides of #%1…</source>
        <translation>#%1 の両側をレンダリング中…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Offline: posted when GitHub can be reached again.</source>
        <translation>オフライン: GitHub に接続できるようになったら投稿します。</translation>
    </message>
    <message numerus="yes">
        <source>%n refused by GitHub: %1</source>
        <translation>
            <numerusform>%n 件が GitHub に拒否されました: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the change to describe it…</source>
        <translation>説明を作成するために変更を読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 has commits that are not pushed; the pull request shows what is on the remote.</source>
        <translation>%1 にはプッシュされていないコミットがあります。プルリクエストにはリモートにある内容が表示されます。</translation>
    </message>
    <message>
        <source>%1 is the base branch: switch to the branch to propose.</source>
        <translation>%1 はベースブランチです: 提案するブランチに切り替えてください。</translation>
    </message>
    <message>
        <source>No generated description: %1</source>
        <translation>説明は生成されていません: %1</translation>
    </message>
    <message>
        <source>Creating the pull request…</source>
        <translation>プルリクエストを作成中…</translation>
    </message>
    <message>
        <source>Created pull request #%1</source>
        <translation>プルリクエスト #%1 を作成しました</translation>
    </message>
    <message>
        <source>#%1%2 (%3)</source>
        <translation>#%1%2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>Posted %n queued review(s): %1.</source>
        <translation>
            <numerusform>キューにあった %n 件のレビューを投稿しました: %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n line comment(s))</source>
        <translation>
            <numerusform>（行コメント %n 件付き）</numerusform>
        </translation>
    </message>
    <message>
        <source>This line of the rendered diff has no source to comment on</source>
        <translation>レンダリング差分のこの行には、コメントできるソースがありません</translation>
    </message>
    <message>
        <source>Cannot keep your draft review: %1</source>
        <translation>下書きのレビューを保存できません: %1</translation>
    </message>
    <message>
        <source>Cannot read your draft review: %1</source>
        <translation>下書きのレビューを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>kanri::app::HelpController</name>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Kanri</source>
        <translation>Kanri について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>kanri::app::PublishController</name>
    <message>
        <source>Nothing was done: the commits need the name and e-mail address of their author.</source>
        <translation>何も行いませんでした: コミットには作成者の名前とメールアドレスが必要です。</translation>
    </message>
    <message>
        <source>%1: still on branch %2; going back to %3 failed: %4</source>
        <translation>%1: ブランチ %2 のままです。%3 に戻れませんでした: %4</translation>
    </message>
    <message>
        <source>%1: back on branch %2 (the change is on %3)</source>
        <translation>%1: ブランチ %2 に戻りました (変更は %3 にあります)</translation>
    </message>
</context>
<context>
    <name>kanri::app::RulesController</name>
    <message>
        <source>&amp;Check Platform Rules Now</source>
        <translation>プラットフォームルールを今すぐチェック(&amp;C)</translation>
    </message>
</context>
<context>
    <name>kanri::app::WizardController</name>
    <message>
        <source>New &amp;Developer…</source>
        <translation>新しい開発者(&amp;D)…</translation>
    </message>
    <message>
        <source>New &amp;Microservice…</source>
        <translation>新しいマイクロサービス(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Offboard Developer…</source>
        <translation>開発者のオフボーディング(&amp;O)…</translation>
    </message>
    <message>
        <source>New developer</source>
        <translation>新しい開発者</translation>
    </message>
    <message>
        <source>New microservice</source>
        <translation>新しいマイクロサービス</translation>
    </message>
    <message>
        <source>Offboard developer</source>
        <translation>開発者のオフボーディング</translation>
    </message>
    <message>
        <source>New developer %1</source>
        <translation>新しい開発者 %1</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 を追加しました</translation>
    </message>
    <message>
        <source>New microservice %1</source>
        <translation>新しいマイクロサービス %1</translation>
    </message>
    <message>
        <source>%1 removed everywhere</source>
        <translation>%1 をすべての場所から削除しました</translation>
    </message>
    <message>
        <source>Offboard developer %1</source>
        <translation>開発者 %1 のオフボーディング</translation>
    </message>
</context>
<context>
    <name>kanri::cli</name>
    <message>
        <source>Receiving objects: %1% (%2/%3), %4</source>
        <translation>オブジェクトを受信中: %1% (%2/%3), %4</translation>
    </message>
    <message>
        <source>Resolving deltas: %1/%2</source>
        <translation>差分を解決中: %1/%2</translation>
    </message>
    <message>
        <source>Checking out files: %1/%2</source>
        <translation>ファイルをチェックアウト中: %1/%2</translation>
    </message>
    <message>
        <source>Writing objects: %1/%2, %3</source>
        <translation>オブジェクトを書き込み中: %1/%2, %3</translation>
    </message>
    <message>
        <source>Cloned into %1</source>
        <translation>%1 にクローン済み</translation>
    </message>
    <message>
        <source>HEAD (no branch)</source>
        <translation>HEAD (ブランチなし)</translation>
    </message>
    <message>
        <source>ahead %1</source>
        <translation>%1 コミット先行</translation>
    </message>
    <message>
        <source>behind %1</source>
        <translation>%1 コミット遅れ</translation>
    </message>
    <message>
        <source>Switched to branch &apos;%1&apos;</source>
        <translation>ブランチ &apos;%1&apos; に切り替えました</translation>
    </message>
    <message>
        <source>Switched to a new branch &apos;%1&apos;</source>
        <translation>新しいブランチ &apos;%1&apos; に切り替えました</translation>
    </message>
    <message>
        <source>%1 is outside the repository</source>
        <translation>%1 はリポジトリの外にあります</translation>
    </message>
    <message>
        <source>HEAD is detached; name the branch to push</source>
        <translation>HEAD が detached 状態です。プッシュするブランチを指定してください</translation>
    </message>
    <message>
        <source>the branch %1 has no upstream; use kanri push --set-upstream</source>
        <translation>ブランチ %1 には upstream がありません。kanri push --set-upstream を使ってください</translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation>%1 を %2 にプッシュしました</translation>
    </message>
    <message>
        <source>Already up to date.</source>
        <translation>すでに最新です。</translation>
    </message>
    <message>
        <source>Fast-forwarded to %1</source>
        <translation>%1 に fast-forward しました</translation>
    </message>
    <message>
        <source>Merged; now at %1</source>
        <translation>マージしました。現在 %1</translation>
    </message>
    <message>
        <source>Rebased; now at %1</source>
        <translation>リベースしました。現在 %1</translation>
    </message>
    <message>
        <source>error: pull stopped: conflicts in %1; nothing was changed (integrate by hand, or try kanri pull --rebase)</source>
        <translation>error: プルを中止しました: %1 でコンフリクトしています。何も変更していません (手作業で統合するか、kanri pull --rebase を試してください)</translation>
    </message>
    <message>
        <source>kanri lint: error: %1</source>
        <translation>kanri lint: error: %1</translation>
    </message>
    <message>
        <source>--format needs a value</source>
        <translation>--format には値が必要です</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;</source>
        <translation>不明なフォーマット &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--base needs a ref</source>
        <translation>--base には ref が必要です</translation>
    </message>
    <message>
        <source>--workspace needs a folder</source>
        <translation>--workspace にはフォルダーが必要です</translation>
    </message>
    <message>
        <source>give one folder</source>
        <translation>フォルダーを 1 つ指定してください</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>不明なオプション &apos;%1&apos;</translation>
    </message>
    <message>
        <source>kanri lint: note: %1</source>
        <translation>kanri lint: note: %1</translation>
    </message>
    <message>
        <source>kanri lint: %1 error(s), %2 warning(s), %3 note(s) in %4 rendered kustomization(s)</source>
        <translation>kanri lint: レンダリングした kustomization %4 個でエラー %1 件、警告 %2 件、注記 %3 件</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation> (ドラフト)</translation>
    </message>
    <message>
        <source>error: %1 (kanri push origin %2)</source>
        <translation>error: %1 (kanri push origin %2)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>warning: %1 has commits that are not pushed; the pull request shows %2</source>
        <translation>warning: %1 にはプッシュされていないコミットがあります。プルリクエストには %2 が表示されます</translation>
    </message>
    <message>
        <source>warning: no generated description: %1</source>
        <translation>warning: 説明は生成されていません: %1</translation>
    </message>
    <message>
        <source>a pull request already exists for %1: #%2</source>
        <translation>%1 のプルリクエストはすでにあります: #%2</translation>
    </message>
    <message>
        <source>kanri render: error: %1</source>
        <translation>kanri render: error: %1</translation>
    </message>
    <message>
        <source>--reorder needs a value</source>
        <translation>--reorder には値が必要です</translation>
    </message>
    <message>
        <source>--reorder must be legacy or none, not &apos;%1&apos;</source>
        <translation>--reorder は legacy か none です (&apos;%1&apos; は指定できません)</translation>
    </message>
    <message>
        <source>--load-restrictor needs a value</source>
        <translation>--load-restrictor には値が必要です</translation>
    </message>
    <message>
        <source>unknown load restrictor &apos;%1&apos;</source>
        <translation>不明な load restrictor &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown flag &apos;%1&apos;</source>
        <translation>不明なフラグ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>only one directory may be given</source>
        <translation>ディレクトリは 1 つだけ指定できます</translation>
    </message>
    <message>
        <source>kanri render: verify: %1</source>
        <translation>kanri render: verify: %1</translation>
    </message>
    <message>
        <source>kanri render: verify: %1 failed: %2</source>
        <translation>kanri render: verify: %1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>kanri render: verify: output differs from %1:</source>
        <translation>kanri render: verify: 出力が %1 と異なります:</translation>
    </message>
    <message>
        <source>kanri render: verify: identical to %1</source>
        <translation>kanri render: verify: %1 と同一です</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>不明なオプション %1</translation>
    </message>
    <message>
        <source>missing subcommand</source>
        <translation>サブコマンドがありません</translation>
    </message>
    <message>
        <source>missing FILE</source>
        <translation>FILE がありません</translation>
    </message>
    <message>
        <source>wrong number of arguments for %1</source>
        <translation>%1 の引数の数が正しくありません</translation>
    </message>
    <message>
        <source>unknown subcommand %1</source>
        <translation>不明なサブコマンド %1</translation>
    </message>
    <message>
        <source>unset takes MAP.KEY.FIELD</source>
        <translation>unset には MAP.KEY.FIELD を指定します</translation>
    </message>
    <message>
        <source>remove takes MAP.KEY</source>
        <translation>remove には MAP.KEY を指定します</translation>
    </message>
    <message>
        <source>rename takes MAP.KEY and NEWKEY</source>
        <translation>rename には MAP.KEY と NEWKEY を指定します</translation>
    </message>
    <message>
        <source>NEWKEY is a name or a JSON string</source>
        <translation>NEWKEY は名前か JSON 文字列です</translation>
    </message>
    <message>
        <source>fmt needs at least one FILE or directory</source>
        <translation>fmt には FILE かディレクトリを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>--expr needs HCL source text</source>
        <translation>--expr には HCL ソーステキストが必要です</translation>
    </message>
    <message>
        <source>--expr and --typed cannot be used together</source>
        <translation>--expr と --typed は同時に指定できません</translation>
    </message>
    <message>
        <source>%1 takes no %2</source>
        <translation>%1 は %2 を取りません</translation>
    </message>
    <message>
        <source>set takes MAP.KEY.FIELD (or MAP.KEY) and a VALUE</source>
        <translation>set には MAP.KEY.FIELD (または MAP.KEY) と VALUE を指定します</translation>
    </message>
    <message>
        <source>add takes MAP.KEY and a VALUE</source>
        <translation>add には MAP.KEY と VALUE を指定します</translation>
    </message>
    <message>
        <source>NEWKEY is empty</source>
        <translation>NEWKEY が空です</translation>
    </message>
    <message>
        <source>--base and --format need a value</source>
        <translation>--base と --format には値が必要です</translation>
    </message>
    <message>
        <source>--format is text or json, not %1</source>
        <translation>--format は text か json です (%1 ではありません)</translation>
    </message>
    <message>
        <source>impact takes at most one DIR</source>
        <translation>impact に指定できる DIR は 1 つまでです</translation>
    </message>
    <message>
        <source>the workspace has no accounts repository</source>
        <translation>ワークスペースに accounts リポジトリがありません</translation>
    </message>
    <message>
        <source>kanri render: error: cannot write the output: %1</source>
        <translation>kanri render: error: cannot write the output: %1</translation>
    </message>
</context>
<context>
    <name>kanri::cli::pr</name>
    <message>
        <source>approval</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>change request</source>
        <translation>変更リクエスト</translation>
    </message>
    <message>
        <source>review comment</source>
        <translation>レビューコメント</translation>
    </message>
    <message>
        <source>pending review</source>
        <translation>保留中のレビュー</translation>
    </message>
    <message>
        <source>error: pull request #%1 is not available offline; run `kanri pr fetch %1` while online</source>
        <translation>error: プルリクエスト #%1 はオフラインで利用できません。オンラインのときに `kanri pr fetch %1` を実行してください</translation>
    </message>
    <message>
        <source>%1 wants to merge %2 into %3 (%4%5)
</source>
        <translation>%1 が %2 を %3 にマージしようとしています (%4%5)
</translation>
    </message>
    <message>
        <source>, draft</source>
        <translation>、ドラフト</translation>
    </message>
    <message>
        <source>fetched %1
</source>
        <translation>%1 を取得しました
</translation>
    </message>
    <message>
        <source>Reviews:
</source>
        <translation>レビュー:
</translation>
    </message>
    <message>
        <source>Comments:
</source>
        <translation>コメント:
</translation>
    </message>
    <message>
        <source>Queued, not yet posted:
</source>
        <translation>キュー内 (未投稿):
</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>nothing to post
</source>
        <translation>投稿するものはありません
</translation>
    </message>
    <message>
        <source>posted %1, already posted %2, failed %3, still queued %4
</source>
        <translation>投稿 %1、投稿済み %2、失敗 %3、キューに残り %4
</translation>
    </message>
    <message>
        <source>error: stopped: %1</source>
        <translation>error: 中止しました: %1</translation>
    </message>
    <message>
        <source>error: --request-changes needs --comment TEXT (GitHub requires a body)</source>
        <translation>error: --request-changes には --comment TEXT が必要です (GitHub が本文を要求します)</translation>
    </message>
    <message>
        <source>queued %1 for #%2 (%3)
</source>
        <translation>#%2 の %1 をキューに入れました (%3)
</translation>
    </message>
    <message>
        <source>cannot tell the GitHub repository from the remote origin (%1)</source>
        <translation>リモート origin から GitHub リポジトリを特定できません (%1)</translation>
    </message>
    <message>
        <source>GitHub rate limit: waiting %1 s (%2)</source>
        <translation>GitHub のレート制限: %1 秒待機中 (%2)</translation>
    </message>
    <message>
        <source>error: offline: the review is queued, not posted; run `kanri pr sync` when the network is back</source>
        <translation>error: offline: the review is queued, not posted; run `kanri pr sync` when the network is back</translation>
    </message>
</context>
<context>
    <name>kanri::credentials</name>
    <message>
        <source>cannot store the token in the keychain: %1</source>
        <translation>トークンをキーチェーンに保存できません: %1</translation>
    </message>
    <message>
        <source>cannot remove the token from the keychain: %1</source>
        <translation>トークンをキーチェーンから削除できません: %1</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>it is locked</source>
        <translation>ロックされています</translation>
    </message>
    <message>
        <source>no keychain is available</source>
        <translation>キーチェーンが使えません</translation>
    </message>
    <message>
        <source>the token in KANRI_GITHUB_TOKEN or GITHUB_TOKEN is only sent to github.com and the configured GitHub host (KANRI_GITHUB_API_URL or the setting github/apiUrl), not to %1; give a token for %1</source>
        <translation>KANRI_GITHUB_TOKEN または GITHUB_TOKEN のトークンは github.com と設定された GitHub ホスト (KANRI_GITHUB_API_URL または設定 github/apiUrl) にだけ送られ、%1 には送られません。%1 用のトークンを指定してください</translation>
    </message>
    <message>
        <source>sending the token for %1 over plain http (allowed by the setting network/allowHttpTokenHosts or KANRI_ALLOW_HTTP_TOKEN_HOSTS): anyone on the network between here and %1 can read it</source>
        <translation>%1 のトークンを暗号化されていない http で送信しています (設定 network/allowHttpTokenHosts または KANRI_ALLOW_HTTP_TOKEN_HOSTS で許可されています): ここから %1 までのネットワーク上の誰でも読み取れます</translation>
    </message>
    <message>
        <source>not sending the token for %1 over plain http; use https, or allow the host in the setting network/allowHttpTokenHosts (or KANRI_ALLOW_HTTP_TOKEN_HOSTS)</source>
        <translation>%1 のトークンを暗号化されていない http では送信しません。https を使うか、設定 network/allowHttpTokenHosts (または KANRI_ALLOW_HTTP_TOKEN_HOSTS) でこのホストを許可してください</translation>
    </message>
</context>
<context>
    <name>kanri::diff::RenderDiff</name>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n 件変更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed</source>
        <translation>
            <numerusform>%n 件名前変更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n 件追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n 件削除</numerusform>
        </translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>kanri::git</name>
    <message>
        <source>cannot open the repository %1</source>
        <translation>リポジトリ %1 を開けません</translation>
    </message>
    <message>
        <source>no remote named %1</source>
        <translation>リモート %1 がありません</translation>
    </message>
    <message>
        <source>cannot fetch from %1</source>
        <translation>%1 からフェッチできません</translation>
    </message>
    <message>
        <source>cannot read the commit to check out</source>
        <translation>チェックアウトするコミットを読み込めません</translation>
    </message>
    <message>
        <source>your local changes to %1 would be overwritten; commit or discard them first</source>
        <translation>%1 のローカルの変更が上書きされます。先にコミットするか破棄してください</translation>
    </message>
    <message>
        <source>cannot check out</source>
        <translation>チェックアウトできません</translation>
    </message>
    <message>
        <source>not an SSH host key</source>
        <translation>SSH ホスト鍵ではありません</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 を作成できません</translation>
    </message>
    <message>
        <source>cannot read a file from the repository</source>
        <translation>リポジトリからファイルを読み込めません</translation>
    </message>
    <message>
        <source>no commit named %1</source>
        <translation>コミット %1 がありません</translation>
    </message>
    <message>
        <source>%1 is not a commit</source>
        <translation>%1 はコミットではありません</translation>
    </message>
    <message>
        <source>cannot read a commit&apos;s files</source>
        <translation>コミットのファイルを読み込めません</translation>
    </message>
    <message>
        <source>cannot store %1</source>
        <translation>%1 を保存できません</translation>
    </message>
    <message>
        <source>cannot build the commit&apos;s files</source>
        <translation>コミットのファイルを構築できません</translation>
    </message>
    <message>
        <source>%1 matches no file</source>
        <translation>%1 に一致するファイルがありません</translation>
    </message>
    <message>
        <source>cannot stage %1</source>
        <translation>%1 をステージできません</translation>
    </message>
    <message>
        <source>cannot read HEAD</source>
        <translation>HEAD を読めません</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 はファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>cannot unstage %1</source>
        <translation>%1 のステージを取り消せません</translation>
    </message>
    <message>
        <source>both a name and an e-mail address are needed</source>
        <translation>名前とメールアドレスの両方が必要です</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
</context>
<context>
    <name>kanri::git::Repository</name>
    <message>
        <source>cannot create a repository in %1</source>
        <translation>%1 にリポジトリを作成できません</translation>
    </message>
    <message>
        <source>not a git repository: %1</source>
        <translation>Git リポジトリではありません: %1</translation>
    </message>
    <message>
        <source>cannot open the repository %1</source>
        <translation>リポジトリ %1 を開けません</translation>
    </message>
    <message>
        <source>no repository at %1</source>
        <translation>%1 にリポジトリがありません</translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty folder</source>
        <translation>%1 はすでに存在し、空のフォルダーではありません</translation>
    </message>
    <message>
        <source>cannot clone %1</source>
        <translation>%1 をクローンできません</translation>
    </message>
    <message>
        <source>the branch has no commits yet</source>
        <translation>このブランチにはまだコミットがありません</translation>
    </message>
    <message>
        <source>a bare repository has no working tree</source>
        <translation>bare リポジトリには作業ツリーがありません</translation>
    </message>
    <message>
        <source>cannot read the status</source>
        <translation>ステータスを読み込めません</translation>
    </message>
    <message>
        <source>cannot read the index</source>
        <translation>インデックスを読み込めません</translation>
    </message>
    <message>
        <source>cannot stage the changes</source>
        <translation>変更をステージできません</translation>
    </message>
    <message>
        <source>cannot stage %1</source>
        <translation>%1 をステージできません</translation>
    </message>
    <message>
        <source>cannot read HEAD</source>
        <translation>HEAD を読み込めません</translation>
    </message>
    <message>
        <source>cannot unstage %1</source>
        <translation>%1 のステージを解除できません</translation>
    </message>
    <message>
        <source>the commit message is empty</source>
        <translation>コミットメッセージが空です</translation>
    </message>
    <message>
        <source>resolve the conflicts before committing</source>
        <translation>コミットする前にコンフリクトを解決してください</translation>
    </message>
    <message>
        <source>cannot write the tree</source>
        <translation>ツリーを書き込めません</translation>
    </message>
    <message>
        <source>nothing to commit</source>
        <translation>コミットするものがありません</translation>
    </message>
    <message>
        <source>cannot read the tree</source>
        <translation>ツリーを読み込めません</translation>
    </message>
    <message>
        <source>invalid author</source>
        <translation>作成者が不正です</translation>
    </message>
    <message>
        <source>invalid committer</source>
        <translation>コミッターが不正です</translation>
    </message>
    <message>
        <source>cannot create the commit</source>
        <translation>コミットを作成できません</translation>
    </message>
    <message>
        <source>cannot list the branches</source>
        <translation>ブランチを一覧できません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid branch name</source>
        <translation>&apos;%1&apos; はブランチ名として正しくありません</translation>
    </message>
    <message>
        <source>cannot create a branch before the first commit</source>
        <translation>最初のコミットより前にブランチは作成できません</translation>
    </message>
    <message>
        <source>a branch named %1 already exists</source>
        <translation>ブランチ %1 はすでに存在します</translation>
    </message>
    <message>
        <source>cannot create the branch %1</source>
        <translation>ブランチ %1 を作成できません</translation>
    </message>
    <message>
        <source>no branch named %1</source>
        <translation>ブランチ %1 がありません</translation>
    </message>
    <message>
        <source>cannot switch to %1</source>
        <translation>%1 に切り替えられません</translation>
    </message>
    <message>
        <source>cannot list the remote branches</source>
        <translation>リモートブランチを一覧できません</translation>
    </message>
    <message>
        <source>no remote branch named %1</source>
        <translation>リモートブランチ %1 がありません</translation>
    </message>
    <message>
        <source>cannot tell which remote %1 belongs to</source>
        <translation>%1 がどのリモートのものか特定できません</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 を読み込めません</translation>
    </message>
    <message>
        <source>cannot set the upstream of %1 to %2</source>
        <translation>%1 の upstream を %2 に設定できません</translation>
    </message>
    <message>
        <source>the branch %1 has no upstream</source>
        <translation>ブランチ %1 には upstream がありません</translation>
    </message>
    <message>
        <source>cannot compare %1 with %2</source>
        <translation>%1 と %2 を比較できません</translation>
    </message>
    <message>
        <source>refusing to store a remote URL that contains a password or token: %1</source>
        <translation>パスワードやトークンを含むリモート URL は保存しません: %1</translation>
    </message>
    <message>
        <source>cannot add the remote %1</source>
        <translation>リモート %1 を追加できません</translation>
    </message>
    <message>
        <source>no remote named %1</source>
        <translation>リモート %1 がありません</translation>
    </message>
    <message>
        <source>cannot fetch from %1</source>
        <translation>%1 からフェッチできません</translation>
    </message>
    <message>
        <source>cannot push to %1</source>
        <translation>%1 にプッシュできません</translation>
    </message>
    <message>
        <source>push rejected: the remote has commits you do not have; pull first</source>
        <translation>プッシュが拒否されました: リモートに手元にないコミットがあります。先にプルしてください</translation>
    </message>
    <message>
        <source>push rejected by %1: %2</source>
        <translation>%1 にプッシュを拒否されました: %2</translation>
    </message>
    <message>
        <source>pushed, but cannot set the upstream to %1</source>
        <translation>プッシュしましたが、upstream を %1 に設定できません</translation>
    </message>
    <message>
        <source>HEAD is detached; switch to a branch before pulling</source>
        <translation>HEAD が detached 状態です。プルする前にブランチに切り替えてください</translation>
    </message>
    <message>
        <source>the branch %1 has no upstream; push it with --set-upstream first</source>
        <translation>ブランチ %1 には upstream がありません。先に --set-upstream を付けてプッシュしてください</translation>
    </message>
    <message>
        <source>cannot read the upstream of %1</source>
        <translation>%1 の upstream を読み込めません</translation>
    </message>
    <message>
        <source>%1 does not exist on %2</source>
        <translation>%1 は %2 に存在しません</translation>
    </message>
    <message>
        <source>cannot compare %1 with its upstream</source>
        <translation>%1 を upstream と比較できません</translation>
    </message>
    <message>
        <source>cannot read the upstream commit</source>
        <translation>upstream のコミットを読み込めません</translation>
    </message>
    <message>
        <source>cannot merge %1</source>
        <translation>%1 をマージできません</translation>
    </message>
    <message>
        <source>cannot write the merged tree</source>
        <translation>マージしたツリーを書き込めません</translation>
    </message>
    <message>
        <source>cannot read the merged tree</source>
        <translation>マージしたツリーを読み込めません</translation>
    </message>
    <message>
        <source>cannot create the merge commit</source>
        <translation>マージコミットを作成できません</translation>
    </message>
    <message>
        <source>cannot rebase %1</source>
        <translation>%1 をリベースできません</translation>
    </message>
    <message>
        <source>cannot move %1</source>
        <translation>%1 を移動できません</translation>
    </message>
    <message>
        <source>cannot compare %1</source>
        <translation>%1 を比較できません</translation>
    </message>
    <message>
        <source>%1 names no default branch and has no main or master branch</source>
        <translation>%1 にはデフォルトブランチの指定がなく、main も master ブランチもありません</translation>
    </message>
    <message>
        <source>%1 (deleted here, changed there)</source>
        <translation>%1 (こちらで削除、向こうで変更)</translation>
    </message>
    <message>
        <source>%1 (not there)</source>
        <translation>%1 (向こうに存在しません)</translation>
    </message>
    <message>
        <source>%1 (a different file of that name is there)</source>
        <translation>%1 (向こうに同名の別のファイルがあります)</translation>
    </message>
    <message>
        <source>%1 (the same lines changed there)</source>
        <translation>%1 (向こうで同じ行が変更されています)</translation>
    </message>
    <message>
        <source>%1 has uncommitted changes that are not part of this change; commit or discard them first</source>
        <translation>%1 にはこの変更に含まれない未コミットの変更があります。先にコミットするか破棄してください</translation>
    </message>
    <message>
        <source>the change does not apply to %1: %2</source>
        <translation>変更を %1 に適用できません: %2</translation>
    </message>
    <message>
        <source>your local changes to %1 would be overwritten by switching to %2; commit, stash or discard them first</source>
        <translation>%2 に切り替えると %1 のローカルの変更が上書きされます。先にコミット、stash、または破棄してください</translation>
    </message>
    <message>
        <source>your local changes to %1 would be overwritten; commit or discard them first</source>
        <translation>%1 のローカルの変更が上書きされます。先にコミットするか破棄してください</translation>
    </message>
    <message>
        <source>cannot read the new commit</source>
        <translation>新しいコミットを読み込めません</translation>
    </message>
    <message>
        <source>cannot write the index</source>
        <translation>インデックスを書き込めません</translation>
    </message>
    <message>
        <source>no %1 configured: set %2 (git config --global), or %3</source>
        <translation>%1 が設定されていません: %2 を設定する (git config --global) か、%3 を設定してください</translation>
    </message>
    <message>
        <source>author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>committer</source>
        <translation>コミッター</translation>
    </message>
    <message>
        <source>committed %1, but the index could not be written: git status may show the committed files as changed</source>
        <translation>%1 をコミットしましたが、インデックスを書き込めませんでした: git status ではコミットしたファイルが変更ありと表示されることがあります</translation>
    </message>
    <message>
        <source>cannot read the history of %1</source>
        <translation>%1 の履歴を読めません</translation>
    </message>
    <message>
        <source>cannot read the remote branches</source>
        <translation>リモートのブランチを読めません</translation>
    </message>
</context>
<context>
    <name>kanri::git::detail::Operation</name>
    <message>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>push rejected: the remote has commits you do not have; pull first</source>
        <translation>プッシュが拒否されました: リモートに手元にないコミットがあります。先にプルしてください</translation>
    </message>
    <message>
        <source>authentication failed for %1</source>
        <translation>%1 の認証に失敗しました</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>%1 との通信でネットワークエラーが発生しました: %2</translation>
    </message>
    <message>
        <source>authentication failed for %1: no token (set KANRI_GITHUB_TOKEN or store one in the keychain)</source>
        <translation>%1 の認証に失敗しました: トークンがありません (KANRI_GITHUB_TOKEN を設定するか、キーチェーンに保存してください)</translation>
    </message>
    <message>
        <source>authentication failed for %1: no SSH key was accepted (tried ssh-agent and %2)</source>
        <translation>%1 の認証に失敗しました: 受け入れられた SSH 鍵がありません (ssh-agent と %2 を試しました)</translation>
    </message>
    <message>
        <source>authentication failed for %1: the server asks for an unsupported method</source>
        <translation>%1 の認証に失敗しました: サーバーがサポートされていない方式を要求しています</translation>
    </message>
    <message>
        <source>the TLS certificate of %1 could not be verified; refusing to connect</source>
        <translation>%1 の TLS 証明書を検証できませんでした。接続を拒否しました</translation>
    </message>
    <message>
        <source>the SSH host key of %1 has CHANGED: the server presented %2 (%3), but line %4 of %5 records a different key. Refusing to connect: someone may be intercepting the connection, or the server&apos;s key was replaced. If the server&apos;s administrators confirm the new key, remove line %4 from %5 (ssh-keygen -R &quot;%1&quot;) and connect again</source>
        <translation>%1 の SSH ホスト鍵が変更されています: サーバーは %2 (%3) を提示しましたが、%5 の %4 行目には別の鍵が記録されています。接続を拒否しました: 接続が傍受されているか、サーバーの鍵が置き換えられた可能性があります。サーバー管理者が新しい鍵を確認した場合は、%5 から %4 行目を削除して (ssh-keygen -R &quot;%1&quot;) もう一度接続してください</translation>
    </message>
    <message>
        <source>the SSH host key of %1 (%2) is unknown: no known_hosts file records it; refusing to connect (check the fingerprint with the server&apos;s administrators, then add it with ssh-keyscan, or trust it in Kanri)</source>
        <translation>%1 の SSH ホスト鍵 (%2) は不明です: どの known_hosts ファイルにも記録されていないため、接続を拒否しました (サーバー管理者にフィンガープリントを確認してから ssh-keyscan で追加するか、Kanri で信頼してください)</translation>
    </message>
    <message>
        <source>authentication failed for %1: %2</source>
        <translation>%1 の認証に失敗しました: %2</translation>
    </message>
</context>
<context>
    <name>kanri::github</name>
    <message>
        <source>expected a JSON object, got: %1</source>
        <translation>JSON オブジェクトが必要ですが、次を受け取りました: %1</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>別の JSON 値</translation>
    </message>
    <message>
        <source>expected a JSON array</source>
        <translation>JSON 配列が必要です</translation>
    </message>
</context>
<context>
    <name>kanri::github::ApiError</name>
    <message>
        <source>GitHub refused the credentials (%1); set KANRI_GITHUB_TOKEN or sign in again</source>
        <translation>GitHub が認証情報を拒否しました (%1)。KANRI_GITHUB_TOKEN を設定するか、もう一度サインインしてください</translation>
    </message>
    <message>
        <source>GitHub denied access (%1)</source>
        <translation>GitHub がアクセスを拒否しました (%1)</translation>
    </message>
    <message>
        <source>not found on GitHub, or not visible with this token (%1)</source>
        <translation>GitHub に見つからないか、このトークンでは参照できません (%1)</translation>
    </message>
    <message>
        <source>GitHub rejected the request (%1)</source>
        <translation>GitHub がリクエストを拒否しました (%1)</translation>
    </message>
    <message>
        <source>GitHub rate limit exceeded (%1)</source>
        <translation>GitHub のレート制限を超えました (%1)</translation>
    </message>
    <message>
        <source>could not reach GitHub: %1</source>
        <translation>GitHub に接続できませんでした: %1</translation>
    </message>
    <message>
        <source>GitHub did not answer in time: %1</source>
        <translation>GitHub から時間内に応答がありませんでした: %1</translation>
    </message>
    <message>
        <source>GitHub server error (%1)</source>
        <translation>GitHub のサーバーエラー (%1)</translation>
    </message>
    <message>
        <source>signing in to GitHub failed: %1</source>
        <translation>GitHub へのサインインに失敗しました: %1</translation>
    </message>
    <message>
        <source>unexpected answer from GitHub (%1)</source>
        <translation>GitHub からの予期しない応答 (%1)</translation>
    </message>
</context>
<context>
    <name>kanri::github::Client</name>
    <message>
        <source>no answer from %1 within %2 ms</source>
        <translation>%1 から %2 ミリ秒以内に応答がありません</translation>
    </message>
    <message>
        <source>expected a JSON array from %1</source>
        <translation>%1 からは JSON 配列が返されるはずです</translation>
    </message>
    <message>
        <source>refusing to follow a page link to another host: %1</source>
        <translation>別のホストへのページリンクはたどりません: %1</translation>
    </message>
    <message>
        <source>more than %1 pages; giving up</source>
        <translation>%1 ページを超えたため中止しました</translation>
    </message>
    <message>
        <source>GitHub rate limit reached (%1); waiting %2 s before trying again</source>
        <translation>GitHub のレート制限に達しました (%1)。%2 秒待ってから再試行します</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 はファイルではありません</translation>
    </message>
    <message>
        <source>%1 is too large for the contents API</source>
        <translation>%1 は contents API で扱うには大きすぎます</translation>
    </message>
    <message>
        <source>the content of %1 is not valid base64</source>
        <translation>%1 の内容が正しい base64 ではありません</translation>
    </message>
</context>
<context>
    <name>kanri::github::DeviceFlow</name>
    <message>
        <source>no GitHub client</source>
        <translation>GitHub クライアントがありません</translation>
    </message>
    <message>
        <source>no OAuth client id configured (set KANRI_GITHUB_CLIENT_ID)</source>
        <translation>OAuth の client id が設定されていません (KANRI_GITHUB_CLIENT_ID を設定してください)</translation>
    </message>
    <message>
        <source>the code expired before it was entered</source>
        <translation>コードが入力される前に期限切れになりました</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>サインインがキャンセルされました</translation>
    </message>
    <message>
        <source>the code expired; start again</source>
        <translation>コードの期限が切れました。最初からやり直してください</translation>
    </message>
</context>
<context>
    <name>kanri::github::PullStore</name>
    <message>
        <source>not a pull request: %1#%2</source>
        <translation>プルリクエストではありません: %1#%2</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>フォルダーを作成できません</translation>
    </message>
    <message>
        <source>%1#%2 is not available offline; fetch it first</source>
        <translation>%1#%2 はオフラインで利用できません。先に取得してください</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation>削除できません</translation>
    </message>
</context>
<context>
    <name>kanri::github::ReviewQueue</name>
    <message>
        <source>a comment or change request needs a text</source>
        <translation>コメントや変更リクエストには本文が必要です</translation>
    </message>
    <message>
        <source>a comment needs a text</source>
        <translation>コメントには本文が必要です</translation>
    </message>
    <message>
        <source>no repository or pull request number</source>
        <translation>リポジトリまたはプルリクエスト番号がありません</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>フォルダーを作成できません</translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation>削除できません</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>another Kanri is already posting the queued reviews</source>
        <translation>別の Kanri がキュー内のレビューを投稿中です</translation>
    </message>
</context>
<context>
    <name>kanri::github::waitFor</name>
    <message>
        <source>blocking GitHub call on the GUI thread</source>
        <translation>GUI スレッドでブロッキングな GitHub 呼び出しが行われました</translation>
    </message>
</context>
<context>
    <name>kanri::hcl</name>
    <message>
        <source>a path is MAP, MAP.KEY or MAP.KEY.FIELD</source>
        <translation>パスは MAP、MAP.KEY または MAP.KEY.FIELD です</translation>
    </message>
    <message>
        <source>the map name in the path is empty</source>
        <translation>パスのマップ名が空です</translation>
    </message>
    <message>
        <source>not an HCL expression: %1 (%2)</source>
        <translation>HCL の式ではありません: %1 (%2)</translation>
    </message>
    <message>
        <source>not one HCL expression (and nothing else): %1</source>
        <translation>ちょうど 1 つの HCL 式 (それ以外なし) ではありません: %1</translation>
    </message>
    <message>
        <source>a file in the JSON syntax holds only literal values</source>
        <translation>JSON 構文のファイルにはリテラル値しか書けません</translation>
    </message>
    <message>
        <source>invalid path %1: %2</source>
        <translation>不正なパス %1: %2</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>引用符が閉じられていません</translation>
    </message>
    <message>
        <source>%1 is not a JSON string</source>
        <translation>%1 は JSON 文字列ではありません</translation>
    </message>
    <message>
        <source>a part is empty</source>
        <translation>空の部分があります</translation>
    </message>
    <message>
        <source>a quote inside %1: write a part with dots or quotes as a JSON string, e.g. developers.&quot;a.b&quot;.gcp</source>
        <translation>%1 の途中に引用符があります: ドットや引用符を含む部分は JSON 文字列として書いてください (例: developers.&quot;a.b&quot;.gcp)</translation>
    </message>
    <message>
        <source>expected &apos;.&apos; after a quoted part</source>
        <translation>引用符で囲んだ部分の後には &apos;.&apos; が必要です</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Document</name>
    <message>
        <source>no map named %1</source>
        <translation>マップ %1 がありません</translation>
    </message>
    <message>
        <source>%1 has no entry %2</source>
        <translation>%1 にエントリ %2 がありません</translation>
    </message>
    <message>
        <source>%1.%2 is not an object</source>
        <translation>%1.%2 はオブジェクトではありません</translation>
    </message>
    <message>
        <source>%1.%2 is not an object constructor; cannot set a field in it</source>
        <translation>%1.%2 はオブジェクトコンストラクターではないため、フィールドを設定できません</translation>
    </message>
    <message>
        <source>%1.%2 does not exist</source>
        <translation>%1.%2 は存在しません</translation>
    </message>
    <message>
        <source>%1.%2.%3 does not exist</source>
        <translation>%1.%2.%3 は存在しません</translation>
    </message>
    <message>
        <source>%1 already has an entry %2</source>
        <translation>%1 にはすでにエントリ %2 があります</translation>
    </message>
    <message>
        <source>%1 is a list; its entries have no keys</source>
        <translation>%1 はリストです。そのエントリにはキーがありません</translation>
    </message>
    <message>
        <source>%1 is not a valid template key (it is written between quotes as it is)%2</source>
        <translation>%1 は有効なテンプレートキーではありません (そのまま引用符で囲んで書かれます)%2</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::DocumentData</name>
    <message>
        <source>no map named %1</source>
        <translation>マップ %1 がありません</translation>
    </message>
    <message>
        <source>%1 has no element %2</source>
        <translation>%1 に要素 %2 がありません</translation>
    </message>
    <message>
        <source>%1 has no entry %2</source>
        <translation>%1 にエントリ %2 がありません</translation>
    </message>
    <message>
        <source>internal error: the edit would produce invalid syntax (%1)</source>
        <translation>内部エラー: この編集を行うと構文が不正になります (%1)</translation>
    </message>
    <message>
        <source>%1 has the entry %2 twice (lines %3 and %4); remove one first</source>
        <translation>%1 にエントリ %2 が 2 回あります (%3 行目と %4 行目)。先にどちらかを削除してください</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 は存在しません</translation>
    </message>
    <message>
        <source>%1 is written twice (lines %2 and %3); remove one first</source>
        <translation>%1 が 2 回書かれています (%2 行目と %3 行目)。先にどちらかを削除してください</translation>
    </message>
    <message>
        <source>the value would leave a file that does not parse (%1)</source>
        <translation>この値では解析できないファイルになります (%1)</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::JsonParser</name>
    <message>
        <source>byte-order mark is not allowed</source>
        <translation>バイトオーダーマークは使用できません</translation>
    </message>
    <message>
        <source>extra characters after the JSON value</source>
        <translation>JSON 値の後に余分な文字があります</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>文字列が閉じられていません</translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation>ネストが深すぎます</translation>
    </message>
    <message>
        <source>expected a property name in double quotes</source>
        <translation>ダブルクォートで囲まれたプロパティ名が必要です</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the property name</source>
        <translation>プロパティ名の後には &apos;:&apos; が必要です</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in the object</source>
        <translation>オブジェクト内に &apos;,&apos; か &apos;}&apos; が必要です</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the array</source>
        <translation>配列内に &apos;,&apos; か &apos;]&apos; が必要です</translation>
    </message>
    <message>
        <source>expected a JSON value</source>
        <translation>JSON 値が必要です</translation>
    </message>
    <message>
        <source>the root value must be an object</source>
        <translation>ルートの値はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>a control character must be escaped in a string</source>
        <translation>文字列中の制御文字はエスケープが必要です</translation>
    </message>
    <message>
        <source>invalid escape: \u needs four hexadecimal digits</source>
        <translation>不正なエスケープ: \u には 16 進数 4 桁が必要です</translation>
    </message>
    <message>
        <source>invalid escape in a JSON string</source>
        <translation>JSON 文字列中の不正なエスケープ</translation>
    </message>
    <message>
        <source>invalid JSON number %1</source>
        <translation>不正な JSON の数値 %1</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::JsonReader</name>
    <message>
        <source>extra characters after the JSON value</source>
        <translation>JSON 値の後に余分な文字があります</translation>
    </message>
    <message>
        <source>invalid JSON at character %1: %2</source>
        <translation>%1 文字目で JSON が不正です: %2</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>%1 段を超える入れ子</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>値がありません</translation>
    </message>
    <message>
        <source>invalid number %1</source>
        <translation>不正な数値 %1</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>予期しない文字 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>an object key (a string) is expected</source>
        <translation>オブジェクトのキー (文字列) が必要です</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is given twice</source>
        <translation>キー &quot;%1&quot; が 2 回指定されています</translation>
    </message>
    <message>
        <source>&apos;:&apos; is expected after an object key</source>
        <translation>オブジェクトのキーの後には &apos;:&apos; が必要です</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;}&apos; is expected</source>
        <translation>&apos;,&apos; または &apos;}&apos; が必要です</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos; is expected</source>
        <translation>&apos;,&apos; または &apos;]&apos; が必要です</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>閉じられていない文字列</translation>
    </message>
    <message>
        <source>a control character must be escaped in a string</source>
        <translation>文字列中の制御文字はエスケープが必要です</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>不正な UTF-8</translation>
    </message>
    <message>
        <source>\u must be followed by four hexadecimal digits</source>
        <translation>\u の後には 16 進数 4 桁が必要です</translation>
    </message>
    <message>
        <source>\u%1 is half of a surrogate pair</source>
        <translation>\u%1 はサロゲートペアの片方です</translation>
    </message>
    <message>
        <source>invalid escape \%1</source>
        <translation>不正なエスケープ \%1</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Lexer</name>
    <message>
        <source>unterminated template string</source>
        <translation>テンプレート文字列が閉じられていません</translation>
    </message>
    <message>
        <source>unterminated heredoc; expected a line containing only %1</source>
        <translation>heredoc が閉じられていません。%1 だけを含む行が必要です</translation>
    </message>
    <message>
        <source>unterminated template interpolation</source>
        <translation>テンプレートの補間が閉じられていません</translation>
    </message>
    <message>
        <source>unterminated block comment</source>
        <translation>ブロックコメントが閉じられていません</translation>
    </message>
    <message>
        <source>invalid character &apos;~&apos;</source>
        <translation>不正な文字 &apos;~&apos;</translation>
    </message>
    <message>
        <source>invalid character &apos;&amp;&apos;; did you mean &apos;&amp;&amp;&apos;?</source>
        <translation>不正な文字 &apos;&amp;&apos;。&apos;&amp;&amp;&apos; のことですか?</translation>
    </message>
    <message>
        <source>invalid character &apos;|&apos;; did you mean &apos;||&apos;?</source>
        <translation>不正な文字 &apos;|&apos;。&apos;||&apos; のことですか?</translation>
    </message>
    <message>
        <source>invalid heredoc introducer; expected an identifier after &apos;&lt;&lt;&apos;</source>
        <translation>heredoc の開始が不正です。&apos;&lt;&lt;&apos; の後には識別子が必要です</translation>
    </message>
    <message>
        <source>a heredoc introducer must be followed by a line break</source>
        <translation>heredoc の開始の後には改行が必要です</translation>
    </message>
    <message>
        <source>invalid character: a carriage return must be followed by a line feed</source>
        <translation>不正な文字: キャリッジリターンの後にはラインフィードが必要です</translation>
    </message>
    <message>
        <source>invalid character encoding: files must be UTF-8</source>
        <translation>不正な文字エンコーディング: ファイルは UTF-8 でなければなりません</translation>
    </message>
    <message>
        <source>invalid number literal %1</source>
        <translation>不正な数値リテラル %1</translation>
    </message>
    <message>
        <source>invalid number literal: its exponent is out of range</source>
        <translation>不正な数値リテラル: 指数が範囲外です</translation>
    </message>
    <message>
        <source>invalid escape sequence: \u must be followed by four hexadecimal digits</source>
        <translation>不正なエスケープシーケンス: \u の後には 16 進数 4 桁が必要です</translation>
    </message>
    <message>
        <source>invalid escape sequence: \U must be followed by eight hexadecimal digits</source>
        <translation>不正なエスケープシーケンス: \U の後には 16 進数 8 桁が必要です</translation>
    </message>
    <message>
        <source>invalid escape sequence: character U+%1 cannot be encoded in UTF-8</source>
        <translation>不正なエスケープシーケンス: 文字 U+%1 は UTF-8 で表せません</translation>
    </message>
    <message>
        <source>invalid escape sequence \%1</source>
        <translation>不正なエスケープシーケンス \%1</translation>
    </message>
    <message>
        <source>invalid character %1</source>
        <translation>不正な文字 %1</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Parser</name>
    <message>
        <source>missing &apos;}&apos; to close the block</source>
        <translation>ブロックを閉じる &apos;}&apos; がありません</translation>
    </message>
    <message>
        <source>unexpected &apos;}&apos;</source>
        <translation>予期しない &apos;}&apos;</translation>
    </message>
    <message>
        <source>an argument or block definition is required here</source>
        <translation>ここには引数かブロックの定義が必要です</translation>
    </message>
    <message>
        <source>block labels cannot contain template sequences</source>
        <translation>ブロックのラベルにテンプレートシーケンスは使用できません</translation>
    </message>
    <message>
        <source>expected &apos;=&apos; for an argument or &apos;{&apos; for a block</source>
        <translation>引数には &apos;=&apos;、ブロックには &apos;{&apos; が必要です</translation>
    </message>
    <message>
        <source>expected &apos;{&apos; to open the block</source>
        <translation>ブロックを開く &apos;{&apos; が必要です</translation>
    </message>
    <message>
        <source>a single-line block can only hold one argument, not a nested block</source>
        <translation>1 行のブロックには引数を 1 つだけ置けます。ネストしたブロックは置けません</translation>
    </message>
    <message>
        <source>a single-line block must end with &apos;}&apos; after its one argument</source>
        <translation>1 行のブロックは、1 つの引数の後を &apos;}&apos; で閉じる必要があります</translation>
    </message>
    <message>
        <source>missing &apos;:&apos; in conditional expression</source>
        <translation>条件式に &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>expected an attribute name after &apos;.&apos;</source>
        <translation>&apos;.&apos; の後には属性名が必要です</translation>
    </message>
    <message>
        <source>missing &apos;]&apos; to close the index</source>
        <translation>インデックスを閉じる &apos;]&apos; がありません</translation>
    </message>
    <message>
        <source>expected a name after &apos;::&apos;</source>
        <translation>&apos;::&apos; の後には名前が必要です</translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation>&apos;)&apos; がありません</translation>
    </message>
    <message>
        <source>expected an expression, found the end of the file</source>
        <translation>式が必要ですが、ファイルの終わりに達しました</translation>
    </message>
    <message>
        <source>expected an expression before the end of the line</source>
        <translation>行末の前に式が必要です</translation>
    </message>
    <message>
        <source>expected an expression</source>
        <translation>式が必要です</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; or &apos;)&apos; in the function call arguments</source>
        <translation>関数呼び出しの引数に &apos;,&apos; か &apos;)&apos; がありません</translation>
    </message>
    <message>
        <source>unterminated template string</source>
        <translation>テンプレート文字列が閉じられていません</translation>
    </message>
    <message>
        <source>extra characters after the interpolated expression</source>
        <translation>補間された式の後に余分な文字があります</translation>
    </message>
    <message>
        <source>unterminated heredoc</source>
        <translation>heredoc が閉じられていません</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; between tuple elements</source>
        <translation>タプルの要素の間に &apos;,&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;}&apos; to close the object</source>
        <translation>オブジェクトを閉じる &apos;}&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;=&apos; or &apos;:&apos; after the object key</source>
        <translation>オブジェクトのキーの後に &apos;=&apos; か &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; or line break between object items</source>
        <translation>オブジェクトの項目の間に &apos;,&apos; か改行がありません</translation>
    </message>
    <message>
        <source>this %{ for } has no %{ endfor }</source>
        <translation>この %{ for } に対応する %{ endfor } がありません</translation>
    </message>
    <message>
        <source>this %{ if } has no %{ endif }</source>
        <translation>この %{ if } に対応する %{ endif } がありません</translation>
    </message>
    <message>
        <source>expected a name after &apos;for&apos;</source>
        <translation>&apos;for&apos; の後には名前が必要です</translation>
    </message>
    <message>
        <source>expected a second name after &apos;,&apos;</source>
        <translation>&apos;,&apos; の後には 2 つ目の名前が必要です</translation>
    </message>
    <message>
        <source>a for expression needs the &apos;in&apos; keyword after its names</source>
        <translation>for 式では名前の後に &apos;in&apos; キーワードが必要です</translation>
    </message>
    <message>
        <source>%{ else } without a matching %{ if }</source>
        <translation>対応する %{ if } のない %{ else }</translation>
    </message>
    <message>
        <source>%{ endfor } without a matching %{ for }</source>
        <translation>対応する %{ for } のない %{ endfor }</translation>
    </message>
    <message>
        <source>%{ endif } without a matching %{ if }</source>
        <translation>対応する %{ if } のない %{ endif }</translation>
    </message>
    <message>
        <source>invalid template directive; expected if, else, endif, for or endfor</source>
        <translation>テンプレートディレクティブが不正です。if、else、endif、for、endfor のいずれかが必要です</translation>
    </message>
    <message>
        <source>extra characters in the template directive</source>
        <translation>テンプレートディレクティブに余分な文字があります</translation>
    </message>
    <message>
        <source>missing &apos;:&apos; after the for expression&apos;s collection</source>
        <translation>for 式のコレクションの後に &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;=&gt;&apos; in the object for expression</source>
        <translation>オブジェクトの for 式に &apos;=&gt;&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;}&apos; to close the for expression</source>
        <translation>for 式を閉じる &apos;}&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;]&apos; to close the for expression</source>
        <translation>for 式を閉じる &apos;]&apos; がありません</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels is not supported</source>
        <translation>%1 段を超える入れ子には対応していません</translation>
    </message>
    <message>
        <source>Attribute redefined: the argument &quot;%1&quot; was already set at line %2; each argument may be set only once</source>
        <translation>属性の再定義: 引数 &quot;%1&quot; は %2 行目ですでに設定されています。各引数は 1 回しか設定できません</translation>
    </message>
    <message>
        <source>invalid legacy index syntax: two indexes cannot be chained with &apos;.&apos;; write [a][b]</source>
        <translation>不正な旧式インデックス構文: 2 つのインデックスを &apos;.&apos; でつなげることはできません。[a][b] と書いてください</translation>
    </message>
    <message>
        <source>a splat (*) cannot be used inside an attribute-only splat</source>
        <translation>属性のみのスプラットの中ではスプラット (*) を使えません</translation>
    </message>
    <message>
        <source>missing &apos;]&apos; after the &apos;*&apos; of a splat</source>
        <translation>スプラットの &apos;*&apos; の後に &apos;]&apos; がありません</translation>
    </message>
    <message>
        <source>an expanded argument (...) must be followed by &apos;)&apos;</source>
        <translation>展開引数 (...) の後には &apos;)&apos; が必要です</translation>
    </message>
</context>
<context>
    <name>kanri::hcl::Value</name>
    <message>
        <source>a typed value is {&quot;kind&quot;: &quot;literal&quot;, &quot;value&quot;: JSON} or {&quot;kind&quot;: &quot;expression&quot;, &quot;source&quot;: &quot;HCL source&quot;}</source>
        <translation>型付きの値は {&quot;kind&quot;: &quot;literal&quot;, &quot;value&quot;: JSON} または {&quot;kind&quot;: &quot;expression&quot;, &quot;source&quot;: &quot;HCL ソース&quot;} です</translation>
    </message>
</context>
<context>
    <name>kanri::items::CatalogTreeModel</name>
    <message>
        <source>(no owner)</source>
        <translation>(オーナーなし)</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(Namespace なし)</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n サービス</numerusform>
        </translation>
    </message>
    <message>
        <source>broken</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Team / namespace</source>
        <translation>チーム / Namespace</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>レンダリング中…</translation>
    </message>
</context>
<context>
    <name>kanri::items::ClusterTreeModel</name>
    <message>
        <source>manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>automated (prune, self-heal)</source>
        <translation>自動 (prune、self-heal)</translation>
    </message>
    <message>
        <source>automated (prune)</source>
        <translation>自動 (prune)</translation>
    </message>
    <message>
        <source>automated (self-heal)</source>
        <translation>自動 (self-heal)</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>アプリケーション: %1</translation>
    </message>
    <message>
        <source>Generated by the ApplicationSet %1</source>
        <translation>ApplicationSet %1 が生成</translation>
    </message>
    <message>
        <source>Rendered by %1</source>
        <translation>%1 がレンダリング</translation>
    </message>
    <message>
        <source>Cluster: %1 (%2)</source>
        <translation>クラスター: %1 (%2)</translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation>Namespace: %1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>プロジェクト: %1</translation>
    </message>
    <message>
        <source>Sync: %1, wave %2</source>
        <translation>同期: %1、wave %2</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>未デプロイ</translation>
    </message>
    <message>
        <source>No Argo CD application deploys %1.</source>
        <translation>%1 をデプロイする Argo CD アプリケーションはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 個のサービス</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster / service</source>
        <translation>クラスター / サービス</translation>
    </message>
    <message>
        <source>Application · namespace · sync</source>
        <translation>アプリケーション · namespace · 同期</translation>
    </message>
</context>
<context>
    <name>kanri::items::ContainersModel</name>
    <message>
        <source>image tag</source>
        <translation>イメージタグ</translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation>CPU リクエスト</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU リミット</translation>
    </message>
    <message>
        <source>memory request</source>
        <translation>メモリリクエスト</translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation>メモリリミット</translation>
    </message>
    <message>
        <source>env %1</source>
        <translation>環境変数 %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>no container &apos;%1&apos; in %2</source>
        <translation>%2 にコンテナ &apos;%1&apos; がありません</translation>
    </message>
    <message>
        <source>set from %1; edit it in the file</source>
        <translation>%1 で設定されています。ファイルで編集してください</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>コンテナ</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>kanri::items::DevelopersModel</name>
    <message>
        <source>%1 is required</source>
        <translation>%1 は必須です</translation>
    </message>
    <message>
        <source>%1, line %2 — owners: %3</source>
        <translation>%1、%2 行目 — オーナー: %3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; は数値ではありません</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message numerus="yes">
        <source>Add %n developer(s)</source>
        <translation>
            <numerusform>%n 人の開発者を追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n developer(s)</source>
        <translation>
            <numerusform>%n 人の開発者を削除</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an expression (HCL source text): %2</source>
        <translation>%1 は式 (HCL ソーステキスト) です: %2</translation>
    </message>
    <message>
        <source>%1 holds an expression; write one (HCL source text)</source>
        <translation>%1 には式が入ります。式 (HCL ソーステキスト) を書いてください</translation>
    </message>
</context>
<context>
    <name>kanri::items::FindingsModel</name>
    <message>
        <source>%1
Hint: %2</source>
        <translation>%1
ヒント: %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
</context>
<context>
    <name>kanri::items::PaletteModel</name>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>オーバーレイ</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>開発者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 個のサービス</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::items::ServicesModel</name>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 replicas</source>
        <translation>%1 の replicas</translation>
    </message>
    <message>
        <source>%1 HPA min</source>
        <translation>%1 の HPA 最小数</translation>
    </message>
    <message>
        <source>%1 HPA max</source>
        <translation>%1 の HPA 最大数</translation>
    </message>
    <message>
        <source>%1 image tag</source>
        <translation>%1 のイメージタグ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Accounts entry</source>
        <translation>アカウントのエントリ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not deployed</source>
        <translation>未デプロイ</translation>
    </message>
    <message>
        <source>No Argo CD application deploys this overlay.</source>
        <translation>この overlay をデプロイする Argo CD アプリケーションはありません。</translation>
    </message>
    <message>
        <source>Deployed to %1 by %2 (%3)</source>
        <translation>%2 が %1 にデプロイ (%3)</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>kanri::kustomize</name>
    <message>
        <source>no external kustomize found (set KANRI_KUSTOMIZE or install kubectl)</source>
        <translation>外部の kustomize が見つかりません (KANRI_KUSTOMIZE を設定するか kubectl をインストールしてください)</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 を起動できません: %2</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 がタイムアウトしました</translation>
    </message>
    <message>
        <source>@@ line %1 @@</source>
        <translation>@@ %1 行目 @@</translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::Renderer</name>
    <message>
        <source>the field &apos;sortOptions.order&apos; must be one of [fifo, legacy]</source>
        <translation>フィールド &apos;sortOptions.order&apos; は [fifo, legacy] のいずれかにしてください</translation>
    </message>
    <message>
        <source>the field &apos;sortOptions.legacySortOptions&apos; is set but the selected sort order is &apos;fifo&apos;, not &apos;legacy&apos;</source>
        <translation>フィールド &apos;sortOptions.legacySortOptions&apos; が設定されていますが、選択されたソート順は &apos;legacy&apos; ではなく &apos;fifo&apos; です</translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::detail</name>
    <message>
        <source>strategic merge patch is not a map</source>
        <translation>strategic merge パッチがマップではありません</translation>
    </message>
    <message>
        <source>json: cannot unmarshal %1 into Go value of type jsonpatch.Patch</source>
        <translation>json: %1 を Go の jsonpatch.Patch 型の値にアンマーシャルできません</translation>
    </message>
    <message>
        <source>cloud %1 is not yet supported</source>
        <translation>クラウド %1 にはまだ対応していません</translation>
    </message>
    <message>
        <source>list path element must contain fieldName=fieldValue for element to match</source>
        <translation>リストのパス要素には、要素を一致させるための fieldName=fieldValue が必要です</translation>
    </message>
    <message>
        <source>wrong node kind: expected %1 but got %2</source>
        <translation>ノードの種類が違います: %1 を期待しましたが %2 でした</translation>
    </message>
    <message>
        <source>array index %1 cannot be negative</source>
        <translation>配列のインデックス %1 は負にできません</translation>
    </message>
    <message>
        <source>index %1 specified but only %2 elements found</source>
        <translation>インデックス %1 が指定されましたが、要素は %2 個しかありません</translation>
    </message>
    <message>
        <source>error parsing regexp: %1: `%2`</source>
        <translation>正規表現の解析エラー: %1: `%2`</translation>
    </message>
    <message>
        <source>yaml: cannot decode %1 `%2` as a %3</source>
        <translation>yaml: %1 `%2` を %3 として解釈できません</translation>
    </message>
    <message>
        <source>delimiter option can only be used with scalar nodes</source>
        <translation>delimiter オプションはスカラーノードにしか使えません</translation>
    </message>
    <message>
        <source>json: unsupported value: %1</source>
        <translation>json: 扱えない値です: %1</translation>
    </message>
    <message>
        <source>kustomization.yaml is empty</source>
        <translation>kustomization.yaml が空です</translation>
    </message>
    <message>
        <source>json: cannot unmarshal %1 into Go value of type types.Kustomization</source>
        <translation>json: %1 を types.Kustomization 型の値として読めません</translation>
    </message>
    <message>
        <source>kind should be Kustomization or Component</source>
        <translation>kind は Kustomization か Component でなければなりません</translation>
    </message>
    <message>
        <source>apiVersion for %1 should be %2</source>
        <translation>%1 の apiVersion は %2 でなければなりません</translation>
    </message>
    <message>
        <source>Failed to read kustomization file under %1:
%2</source>
        <translation>%1 の kustomization ファイルを読めませんでした:
%2</translation>
    </message>
    <message>
        <source>json: cannot unmarshal %1 into Go value of type map[string]*json.RawMessage</source>
        <translation>json: %1 を map[string]*json.RawMessage 型の値として読めません</translation>
    </message>
    <message>
        <source>wrong node kind: expected %1 but got %2: node contents:
%3</source>
        <translation>ノードの種類が違います: %1 を期待しましたが %2 でした: ノードの内容:
%3</translation>
    </message>
    <message>
        <source>visit traversal on path: [%1]</source>
        <translation>パスをたどる途中: [%1]</translation>
    </message>
    <message>
        <source>expected sequence or mapping node</source>
        <translation>シーケンスかマッピングのノードが必要です</translation>
    </message>
    <message>
        <source>considering field &apos;%1&apos; of object %2</source>
        <translation>オブジェクト %2 のフィールド &apos;%1&apos; を処理中</translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::detail::Build</name>
    <message>
        <source>may not add resource with an already registered id: %1</source>
        <translation>登録済みの ID を持つリソースは追加できません: %1</translation>
    </message>
    <message>
        <source>open %1: no such file or directory</source>
        <translation>%1 を開けません: ファイルまたはディレクトリがありません</translation>
    </message>
    <message>
        <source>var &apos;%1&apos; already encountered</source>
        <translation>var &apos;%1&apos; はすでに定義されています</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>builtin version and custom schema provided, cannot use both</source>
        <translation>builtin のバージョンとカスタムスキーマの両方が指定されています。同時には使えません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not supported: Kanri does not run helm</source>
        <translation>&apos;%1&apos; には対応していません: Kanri は helm を実行しません</translation>
    </message>
    <message>
        <source># Warning: &apos;commonLabels&apos; is deprecated. Please use &apos;labels&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation># 警告: &apos;commonLabels&apos; は非推奨です。代わりに &apos;labels&apos; を使ってください。&apos;kustomize edit fix&apos; を実行すると Kustomization を自動的に更新できます。</translation>
    </message>
    <message>
        <source># Warning: &apos;patchesStrategicMerge&apos; is deprecated. Please use &apos;patches&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation># 警告: &apos;patchesStrategicMerge&apos; は非推奨です。代わりに &apos;patches&apos; を使ってください。&apos;kustomize edit fix&apos; を実行すると Kustomization を自動的に更新できます。</translation>
    </message>
    <message>
        <source># Warning: &apos;patchesJson6902&apos; is deprecated. Please use &apos;patches&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation># 警告: &apos;patchesJson6902&apos; は非推奨です。代わりに &apos;patches&apos; を使ってください。&apos;kustomize edit fix&apos; を実行すると Kustomization を自動的に更新できます。</translation>
    </message>
    <message>
        <source># Warning: &apos;vars&apos; is deprecated. Please use &apos;replacements&apos; instead. [EXPERIMENTAL] Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation># 警告: &apos;vars&apos; は非推奨です。代わりに &apos;replacements&apos; を使ってください。[実験的] &apos;kustomize edit fix&apos; を実行すると Kustomization を自動的に更新できます。</translation>
    </message>
    <message>
        <source># Warning: &apos;bases&apos; is deprecated. Please use &apos;resources&apos; instead. Run &apos;kustomize edit fix&apos; to update your Kustomization automatically.</source>
        <translation># 警告: &apos;bases&apos; は非推奨です。代わりに &apos;resources&apos; を使ってください。&apos;kustomize edit fix&apos; を実行すると Kustomization を自動的に更新できます。</translation>
    </message>
    <message>
        <source>loading CRDs</source>
        <translation>CRD の読み込み中</translation>
    </message>
    <message>
        <source>configmap %1 illegally repeats the key `%2`</source>
        <translation>configmap %1 でキー `%2` が重複しています</translation>
    </message>
    <message>
        <source>invalid literal source %1, expected key=value</source>
        <translation>リテラルソース %1 が不正です。key=value の形式にしてください</translation>
    </message>
    <message>
        <source>id %1 does not exist; cannot merge or replace</source>
        <translation>ID %1 が存在しません。merge も replace もできません</translation>
    </message>
    <message>
        <source>found multiple objects %1 that could accept merge of %1</source>
        <translation>%1 のマージを受け付けられるオブジェクト %1 が複数見つかりました</translation>
    </message>
    <message>
        <source>id %1 exists; behavior must be merge or replace</source>
        <translation>ID %1 は存在します。behavior は merge か replace にしてください</translation>
    </message>
    <message>
        <source>remote plugin configuration &apos;%1&apos; is not supported</source>
        <translation>リモートプラグインの設定 &apos;%1&apos; には対応していません</translation>
    </message>
    <message>
        <source>KRM function plugins are not supported (generator %1)</source>
        <translation>KRM 関数プラグインには対応していません (ジェネレーター %1)</translation>
    </message>
    <message>
        <source>builtin generator %1 is not supported</source>
        <translation>builtin ジェネレーター %1 には対応していません</translation>
    </message>
    <message>
        <source>remote resources are not supported: &apos;%1&apos;</source>
        <translation>リモートリソースには対応していません: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>security; file &apos;%1&apos; is not in or below &apos;%2&apos;</source>
        <translation>セキュリティ: ファイル &apos;%1&apos; は &apos;%2&apos; またはその配下にありません</translation>
    </message>
    <message>
        <source>Found multiple kustomization files under: %1</source>
        <translation>次の場所に kustomization ファイルが複数あります: %1</translation>
    </message>
    <message>
        <source>unable to find one of &apos;kustomization.yaml&apos;, &apos;kustomization.yml&apos; or &apos;Kustomization&apos; in directory &apos;%1&apos;</source>
        <translation>ディレクトリ &apos;%1&apos; に &apos;kustomization.yaml&apos;、&apos;kustomization.yml&apos;、&apos;Kustomization&apos; のいずれも見つかりません</translation>
    </message>
    <message>
        <source> found multiple possible referrals: %1</source>
        <translation> 参照先の候補が複数見つかりました: %1</translation>
    </message>
    <message>
        <source>updating name reference in &apos;%1&apos; field of &apos;%2&apos;</source>
        <translation>&apos;%2&apos; の &apos;%1&apos; フィールドの名前参照を更新中</translation>
    </message>
    <message>
        <source>patch and path can&apos;t be set at the same time</source>
        <translation>patch と path は同時に指定できません</translation>
    </message>
    <message>
        <source>must specify one of patch and path</source>
        <translation>patch と path のどちらかを指定してください</translation>
    </message>
    <message>
        <source>must specify a target for JSON patch</source>
        <translation>JSON パッチには target を指定してください</translation>
    </message>
    <message>
        <source>unable to parse SM or JSON patch from %1</source>
        <translation>%1 から SM パッチも JSON パッチも解析できません</translation>
    </message>
    <message>
        <source>no resource matches strategic merge patch &quot;%1&quot;: failed to find unique target for patch %1</source>
        <translation>strategic merge パッチ &quot;%1&quot; に一致するリソースがありません: パッチ %1 の対象を一意に特定できません</translation>
    </message>
    <message>
        <source>patch appears to be empty; files=%1</source>
        <translation>パッチが空のようです。files=%1</translation>
    </message>
    <message>
        <source>patch appears to be empty</source>
        <translation>パッチが空のようです</translation>
    </message>
    <message>
        <source>multiple matches for selector %1</source>
        <translation>セレクター %1 に複数が一致します</translation>
    </message>
    <message>
        <source>nothing selected by %1</source>
        <translation>%1 で選択されるものがありません</translation>
    </message>
    <message>
        <source>fieldPath `%1` is missing for replacement source %2</source>
        <translation>replacement の source %2 に fieldPath `%1` がありません</translation>
    </message>
    <message>
        <source>options.index %1 is out of bounds for value %2</source>
        <translation>options.index %1 は値 %2 の範囲外です</translation>
    </message>
    <message>
        <source>must specify one of patch and path in %1</source>
        <translation>%1 では patch と path のどちらかを指定してください</translation>
    </message>
    <message>
        <source>patch and path can&apos;t be set at the same time
%1</source>
        <translation>patch と path は同時に指定できません
%1</translation>
    </message>
    <message>
        <source>empty file path and empty jsonOp</source>
        <translation>ファイルパスも jsonOp も空です</translation>
    </message>
    <message>
        <source>must specify a file path or jsonOp, not both</source>
        <translation>ファイルパスか jsonOp のどちらか一方を指定してください</translation>
    </message>
    <message>
        <source>namespace transformation produces ID conflict: %1</source>
        <translation>namespace の変換で ID が衝突します: %1</translation>
    </message>
    <message>
        <source>unable to load builtin %1: Kanri does not run exec, Go or KRM-function plugins</source>
        <translation>builtin %1 を読み込めません: Kanri は exec、Go、KRM 関数のプラグインを実行しません</translation>
    </message>
    <message>
        <source>KRM function plugins are not supported (transformer %1)</source>
        <translation>KRM 関数プラグインには対応していません (トランスフォーマー %1)</translation>
    </message>
    <message>
        <source>var &apos;%1&apos; cannot be mapped to a field in the set of known resources</source>
        <translation>var &apos;%1&apos; を既知のリソースのフィールドに対応付けられません</translation>
    </message>
    <message>
        <source>field specified in var &apos;%1&apos; not found in corresponding resource</source>
        <translation>var &apos;%1&apos; で指定したフィールドが対応するリソースにありません</translation>
    </message>
    <message>
        <source>well-defined vars that were never replaced: %1</source>
        <translation>定義済みだが一度も置換されなかった var: %1</translation>
    </message>
    <message>
        <source>replacements must specify a source and at least one target</source>
        <translation>replacements には source と少なくとも 1 つの target が必要です</translation>
    </message>
    <message>
        <source>delimiter option can only be used with scalar nodes</source>
        <translation>delimiter オプションはスカラーノードにしか使えません</translation>
    </message>
    <message>
        <source>target must specify resources to select</source>
        <translation>target には選択するリソースの指定が必要です</translation>
    </message>
    <message>
        <source>unable to find field &quot;%1&quot; in replacement target</source>
        <translation>置換先にフィールド &quot;%1&quot; が見つかりません</translation>
    </message>
    <message>
        <source>missing Resource metadata</source>
        <translation>Resource の metadata がありません</translation>
    </message>
    <message>
        <source>missing kind in object %1</source>
        <translation>オブジェクト %1 に kind がありません</translation>
    </message>
    <message>
        <source>missing metadata.name in object %1</source>
        <translation>オブジェクト %1 に metadata.name がありません</translation>
    </message>
    <message>
        <source>evalsymlink failure on &apos;%1&apos; : lstat %1: no such file or directory</source>
        <translation>&apos;%1&apos; のシンボリックリンクを解決できません: lstat %1: そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must resolve to a file</source>
        <translation>&apos;%1&apos; はファイルを指していなければなりません</translation>
    </message>
    <message>
        <source>read %1: is a directory</source>
        <translation>%1 を読めません: ディレクトリです</translation>
    </message>
    <message>
        <source>accumulating resources from &apos;%1&apos;: </source>
        <translation>&apos;%1&apos; からリソースを集める途中: </translation>
    </message>
    <message>
        <source>merging resources from &apos;%1&apos;: </source>
        <translation>&apos;%1&apos; からリソースをマージする途中: </translation>
    </message>
    <message>
        <source>new root cannot be empty</source>
        <translation>新しいルートは空にできません</translation>
    </message>
    <message>
        <source>new root &apos;%1&apos; cannot be absolute</source>
        <translation>新しいルート &apos;%1&apos; は絶対パスにできません</translation>
    </message>
    <message>
        <source>must build at directory: not a valid directory: evalsymlink failure on &apos;%1&apos; : lstat %1: no such file or directory</source>
        <translation>ディレクトリでビルドしてください: 有効なディレクトリではありません: &apos;%1&apos; のシンボリックリンクを解決できません: lstat %1: そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>must build at directory: &apos;%1&apos;: file is not directory</source>
        <translation>ディレクトリでビルドしてください: &apos;%1&apos;: ディレクトリではなくファイルです</translation>
    </message>
    <message>
        <source>cycle detected: candidate root &apos;%1&apos; contains visited root &apos;%2&apos;</source>
        <translation>循環を検出しました: 候補のルート &apos;%1&apos; が訪問済みのルート &apos;%2&apos; を含んでいます</translation>
    </message>
    <message>
        <source>kustomizations are nested more than %1 levels deep at &apos;%2&apos;</source>
        <translation>&apos;%2&apos; で kustomization が %1 段より深く入れ子になっています</translation>
    </message>
    <message>
        <source>couldn&apos;t make target for path &apos;%1&apos;: </source>
        <translation>パス &apos;%1&apos; のターゲットを作れませんでした: </translation>
    </message>
    <message>
        <source>expected kind &apos;Component&apos; for path &apos;%1&apos; but got &apos;%2&apos;</source>
        <translation>パス &apos;%1&apos; には kind &apos;Component&apos; を期待しましたが &apos;%2&apos; でした</translation>
    </message>
    <message>
        <source>expected kind != &apos;Component&apos; for path &apos;%1&apos;</source>
        <translation>パス &apos;%1&apos; には &apos;Component&apos; 以外の kind が必要です</translation>
    </message>
    <message>
        <source>recursed accumulation of path &apos;%1&apos;: </source>
        <translation>パス &apos;%1&apos; を再帰的に集める途中: </translation>
    </message>
    <message>
        <source>recursed merging from path &apos;%1&apos;: </source>
        <translation>パス &apos;%1&apos; から再帰的にマージする途中: </translation>
    </message>
    <message>
        <source>remote resource &apos;%1&apos; is not supported: Kanri renders local files only</source>
        <translation>リモートのリソース &apos;%1&apos; には対応していません: Kanri はローカルのファイルだけをレンダリングします</translation>
    </message>
    <message>
        <source>accumulation err=&apos;%1&apos;: </source>
        <translation>集約エラー=&apos;%1&apos;: </translation>
    </message>
    <message>
        <source>remote component &apos;%1&apos; is not supported: Kanri renders local files only</source>
        <translation>リモートのコンポーネント &apos;%1&apos; には対応していません: Kanri はローカルのファイルだけをレンダリングします</translation>
    </message>
    <message>
        <source>loader.New %1</source>
        <translation>loader.New %1</translation>
    </message>
    <message>
        <source>accumulateDirectory: %1</source>
        <translation>accumulateDirectory: %1</translation>
    </message>
    <message>
        <source>accumulating resources: </source>
        <translation>リソースを集める途中: </translation>
    </message>
    <message>
        <source>loading CRDs: unable to parse open API definition from &apos;%1&apos;: json: cannot unmarshal %2 into Go value of type %3</source>
        <translation>CRD の読み込み: &apos;%1&apos; の OpenAPI 定義を解析できません: json: %2 を %3 型の値として読めません</translation>
    </message>
    <message>
        <source>accumulating components: </source>
        <translation>コンポーネントを集める途中: </translation>
    </message>
    <message>
        <source>found %1 resId matches for var {%2 %3 {%4}} (unable to disambiguate)</source>
        <translation>var {%2 %3 {%4}} に一致する resId が %1 個あります (一つに決められません)</translation>
    </message>
    <message>
        <source>invalid value type expect a string</source>
        <translation>値の型が不正です: 文字列が必要です</translation>
    </message>
    <message>
        <source>considering field &apos;metadata/namespace&apos; of object %1</source>
        <translation>オブジェクト %1 のフィールド &apos;metadata/namespace&apos; を処理中</translation>
    </message>
    <message>
        <source>resource with name %1 does not match a config with the following GVK [%2]</source>
        <translation>名前 %1 のリソースは次の GVK の設定に一致しません [%2]</translation>
    </message>
</context>
<context>
    <name>kanri::kustomize::detail::Decoder</name>
    <message>
        <source>json: cannot unmarshal %1 into Go struct field %2.%3 of type %4</source>
        <translation>json: %1 を Go の構造体フィールド %2.%3 (型 %4) として読めません</translation>
    </message>
    <message>
        <source>json: unknown field &quot;%1&quot;</source>
        <translation>json: 不明なフィールド &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>kanri::platform</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 を作成できません</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3</source>
        <translation>%1 を %2 から %3 に変更</translation>
    </message>
    <message>
        <source>%1 loses %2</source>
        <translation>%1 から %2 を削除</translation>
    </message>
    <message>
        <source>%1 gains %2</source>
        <translation>%1 に %2 を追加</translation>
    </message>
    <message>
        <source>%1: %2 changed from %3 to %4</source>
        <translation>%1: %2 を %3 から %4 に変更</translation>
    </message>
    <message>
        <source>rules not run: %1</source>
        <translation>ルールは実行されていません: %1</translation>
    </message>
    <message>
        <source>new: %1</source>
        <translation>新規: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>削除: %1</translation>
    </message>
    <message>
        <source>== %1: %2
</source>
        <translation>== %1: %2
</translation>
    </message>
    <message>
        <source>base does not render: %1
</source>
        <translation>ベースがレンダリングできません: %1
</translation>
    </message>
    <message>
        <source>head does not render: %1
</source>
        <translation>head がレンダリングできません: %1
</translation>
    </message>
    <message>
        <source>Terraform changes:
</source>
        <translation>Terraform の変更:
</translation>
    </message>
    <message>
        <source>Rules: no new findings
</source>
        <translation>ルール: 新しい指摘はありません
</translation>
    </message>
    <message>
        <source>Owners who must review: %1
</source>
        <translation>レビューが必要なオーナー: %1
</translation>
    </message>
    <message>
        <source>note: %1
</source>
        <translation>注記: %1
</translation>
    </message>
    <message>
        <source>
## Rendered changes

</source>
        <translation>
## レンダリング結果の変更

</translation>
    </message>
    <message>
        <source> — does not render: %1</source>
        <translation> — レンダリングできません: %1</translation>
    </message>
    <message>
        <source>
## Terraform

</source>
        <translation>
## Terraform

</translation>
    </message>
    <message>
        <source>
## Rule findings

</source>
        <translation>
## ルールの指摘

</translation>
    </message>
    <message>
        <source>No new findings.
</source>
        <translation>新しい指摘はありません。
</translation>
    </message>
    <message>
        <source>
## Reviewers (CODEOWNERS)

</source>
        <translation>
## レビュアー (CODEOWNERS)

</translation>
    </message>
    <message>
        <source>
&lt;sub&gt;Generated by Kanri.&lt;/sub&gt;
</source>
        <translation>
&lt;sub&gt;Kanri により生成。&lt;/sub&gt;
</translation>
    </message>
    <message>
        <source>pull request #%1 is not available offline: make it available offline while online</source>
        <translation>プルリクエスト #%1 はオフラインで利用できません: オンラインのときにオフラインで利用可能にしてください</translation>
    </message>
    <message>
        <source>HEAD is detached; switch to the branch to propose</source>
        <translation>HEAD が detached 状態です。提案するブランチに切り替えてください</translation>
    </message>
    <message>
        <source>the branch %1 is not on the remote; push it first</source>
        <translation>ブランチ %1 はリモートにありません。先にプッシュしてください</translation>
    </message>
    <message>
        <source>the rendered output does not parse: %1</source>
        <translation>レンダリング結果を解析できません: %1</translation>
    </message>
    <message>
        <source>the CODEOWNERS pattern %1 matches no file</source>
        <translation>CODEOWNERS のパターン %1 に一致するファイルがありません</translation>
    </message>
    <message>
        <source>fix the path (patterns starting with / are relative to the repository root) or remove the line</source>
        <translation>パスを修正する (/ で始まるパターンはリポジトリのルートからの相対パスです) か、その行を削除してください</translation>
    </message>
    <message>
        <source>%1 file(s) in %2 have no code owner</source>
        <translation>%2 の %1 ファイルにコードオーナーがいません</translation>
    </message>
    <message>
        <source>%1 has no code owner</source>
        <translation>%1 にコードオーナーがいません</translation>
    </message>
    <message>
        <source>add a CODEOWNERS line for %1 so that changes get a reviewer</source>
        <translation>変更にレビュアーが付くように、%1 の CODEOWNERS の行を追加してください</translation>
    </message>
    <message>
        <source>fix the file so that it parses</source>
        <translation>ファイルを解析できるように修正してください</translation>
    </message>
    <message>
        <source>developer %1 has the field %2, which the schema does not declare</source>
        <translation>開発者 %1 にスキーマで宣言されていないフィールド %2 があります</translation>
    </message>
    <message>
        <source>remove it, or ask the SRE team to declare it in the developers variable first</source>
        <translation>削除するか、先に SRE チームに developers 変数で宣言するよう依頼してください</translation>
    </message>
    <message>
        <source>developer %1: %2 must be of type %3</source>
        <translation>開発者 %1: %2 は %3 型である必要があります</translation>
    </message>
    <message>
        <source>write a %1 value</source>
        <translation>%1 の値を書いてください</translation>
    </message>
    <message>
        <source>developer %1 lacks the required field %2</source>
        <translation>開発者 %1 に必須フィールド %2 がありません</translation>
    </message>
    <message>
        <source>add %1 = &lt;%2&gt;</source>
        <translation>%1 = &lt;%2&gt; を追加してください</translation>
    </message>
    <message>
        <source>the GitHub login %1 of developer %2 is already listed for %3</source>
        <translation>開発者 %2 の GitHub ログイン %1 は、すでに %3 に登録されています</translation>
    </message>
    <message>
        <source>one person has one entry; remove the duplicate or fix the login</source>
        <translation>1 人につきエントリは 1 つです。重複を削除するかログインを修正してください</translation>
    </message>
    <message>
        <source>developer %1 may approve onboarding PRs but has no GitHub login</source>
        <translation>開発者 %1 は利用申請のプルリクエストを承認できますが、GitHub ログインがありません</translation>
    </message>
    <message>
        <source>set github, or remove github_approver</source>
        <translation>github を設定するか、github_approver を削除してください</translation>
    </message>
    <message>
        <source>the microservice %1 has no manifests (no services folder of that name)</source>
        <translation>マイクロサービス %1 にマニフェストがありません (同名の services フォルダーがありません)</translation>
    </message>
    <message>
        <source>add its base and overlays in the manifests repository, or remove the entry</source>
        <translation>マニフェストリポジトリにベースとオーバーレイを追加するか、エントリを削除してください</translation>
    </message>
    <message>
        <source>the service %1 has manifests but no microservice entry</source>
        <translation>サービス %1 にはマニフェストがありますが、マイクロサービスのエントリがありません</translation>
    </message>
    <message>
        <source>add an entry for %1 to the microservices map in the accounts repository</source>
        <translation>アカウントリポジトリの microservices マップに %1 のエントリを追加してください</translation>
    </message>
    <message>
        <source>%1 does not render: %2</source>
        <translation>%1 がレンダリングできません: %2</translation>
    </message>
    <message>
        <source>run `kanri render %1` and fix the first error</source>
        <translation>`kanri render %1` を実行し、最初のエラーを修正してください</translation>
    </message>
    <message>
        <source>cannot run git and tar to extract %1</source>
        <translation>%1 を展開するための git と tar を実行できません</translation>
    </message>
    <message>
        <source>cannot read %1 in %2: %3</source>
        <translation>%2 の %1 を読み込めません: %3</translation>
    </message>
    <message>
        <source>cannot unpack %1: %2</source>
        <translation>%1 を展開できません: %2</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>フォルダーがありません</translation>
    </message>
    <message>
        <source>enter the id (the part of the e-mail address before the @)</source>
        <translation>ID (メールアドレスの @ より前の部分) を入力してください</translation>
    </message>
    <message>
        <source>ids are lower-case letters, digits and dashes, 2 to 31 characters, starting with a letter</source>
        <translation>ID は英小文字・数字・ダッシュからなる 2〜31 文字で、英字で始めます</translation>
    </message>
    <message>
        <source>%1 is already in the developers map</source>
        <translation>%1 はすでに developers マップにあります</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 は必須です</translation>
    </message>
    <message>
        <source>%1 is true or false</source>
        <translation>%1 は true か false で指定してください</translation>
    </message>
    <message>
        <source>not a GitHub login (letters, digits and single dashes, at most 39)</source>
        <translation>GitHub ログインではありません (英数字と連続しないダッシュ、39 文字以内)</translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation>メールアドレスではありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>GitHub: %1 (login %2)</source>
        <translation>GitHub: %1 (ログイン %2)</translation>
    </message>
    <message>
        <source>Google account %1: %2</source>
        <translation>Google アカウント %1: %2</translation>
    </message>
    <message>
        <source>the workspace has no developers map to add to</source>
        <translation>ワークスペースに追加先の developers マップがありません</translation>
    </message>
    <message>
        <source>Add developer %1</source>
        <translation>開発者 %1 を追加</translation>
    </message>
    <message>
        <source>the template is missing from this build of Kanri</source>
        <translation>この Kanri のビルドにはテンプレートが含まれていません</translation>
    </message>
    <message>
        <source>no resources list to add %1 to</source>
        <translation>%1 を追加する resources リストがありません</translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation>名前を入力してください</translation>
    </message>
    <message>
        <source>a name is a DNS label: lower-case letters, digits and dashes, starting with a letter, at most 40 characters</source>
        <translation>名前は DNS ラベルです: 英小文字・数字・ダッシュで、英字で始まる 40 文字以内</translation>
    </message>
    <message>
        <source>the manifests repository already has a service %1</source>
        <translation>マニフェストリポジトリにはすでにサービス %1 があります</translation>
    </message>
    <message>
        <source>the accounts repository already has a microservice %1</source>
        <translation>アカウントリポジトリにはすでにマイクロサービス %1 があります</translation>
    </message>
    <message>
        <source>services/%1 already exists</source>
        <translation>services/%1 はすでに存在します</translation>
    </message>
    <message>
        <source>choose a team that has a microservices map</source>
        <translation>microservices マップを持つチームを選んでください</translation>
    </message>
    <message>
        <source>enter a one-line description</source>
        <translation>1 行の説明を入力してください</translation>
    </message>
    <message>
        <source>choose at least one environment</source>
        <translation>環境を 1 つ以上選んでください</translation>
    </message>
    <message>
        <source>enter the image registry</source>
        <translation>イメージレジストリを入力してください</translation>
    </message>
    <message>
        <source>the first image tag must be a pinned version (not latest)</source>
        <translation>最初のイメージタグは固定バージョンにしてください (latest は不可)</translation>
    </message>
    <message>
        <source>%1 is not a Kubernetes quantity</source>
        <translation>%1 は Kubernetes の quantity ではありません</translation>
    </message>
    <message>
        <source>the port is 1 to 65535</source>
        <translation>ポートは 1〜65535 です</translation>
    </message>
    <message>
        <source>the workspace has no manifests repository</source>
        <translation>ワークスペースにマニフェストリポジトリがありません</translation>
    </message>
    <message>
        <source>Add microservice %1</source>
        <translation>マイクロサービス %1 を追加</translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation>ファイルはすでに存在します</translation>
    </message>
    <message>
        <source>the team %1 has no microservices map yet; ask the SRE team to add its file</source>
        <translation>チーム %1 にはまだ microservices マップがありません。SRE チームにファイルの追加を依頼してください</translation>
    </message>
    <message>
        <source>The entry in %1 creates the Artifact Registry repository %2, the Slack user group and the default monitors.</source>
        <translation>%1 のエントリにより、Artifact Registry リポジトリ %2、Slack ユーザーグループ、デフォルトのモニターが作成されます。</translation>
    </message>
    <message>
        <source>no developer %1 in the developers map</source>
        <translation>developers マップに開発者 %1 はいません</translation>
    </message>
    <message>
        <source>Offboard developer %1</source>
        <translation>開発者 %1 のオフボーディング</translation>
    </message>
    <message>
        <source>developers map entry %1</source>
        <translation>developers マップのエントリ %1</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation>%2 %3 の %1</translation>
    </message>
    <message>
        <source>field removed</source>
        <translation>フィールドを削除</translation>
    </message>
    <message>
        <source>removed from the list</source>
        <translation>リストから削除</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>開発者</translation>
    </message>
    <message>
        <source>microservice</source>
        <translation>マイクロサービス</translation>
    </message>
    <message>
        <source>CODEOWNERS line %1</source>
        <translation>CODEOWNERS の %1 行目</translation>
    </message>
    <message>
        <source>line removed (no owner left)</source>
        <translation>行を削除 (オーナーがいなくなるため)</translation>
    </message>
    <message>
        <source>CODEOWNERS owner of %1</source>
        <translation>%1 の CODEOWNERS オーナー</translation>
    </message>
    <message>
        <source>owner removed</source>
        <translation>オーナーを削除</translation>
    </message>
    <message>
        <source>the file changed since the preview; run the wizard again</source>
        <translation>プレビューの後にファイルが変更されました。ウィザードをもう一度実行してください</translation>
    </message>
    <message>
        <source>the change has files outside the workspace&apos;s repositories</source>
        <translation>この変更にはワークスペースのリポジトリ外のファイルが含まれています</translation>
    </message>
    <message>
        <source>The branch needs a name.</source>
        <translation>ブランチ名を入力してください。</translation>
    </message>
    <message>
        <source>A branch name cannot contain spaces, &quot;..&quot;, &quot;//&quot;, &quot;@{&quot; or any of ~ ^ : ? * [ \.</source>
        <translation>ブランチ名には空白、&quot;..&quot;、&quot;//&quot;、&quot;@{&quot;、および ~ ^ : ? * [ \ の各文字を使えません。</translation>
    </message>
    <message>
        <source>A branch name cannot start with - or /, nor end with /, . or .lock.</source>
        <translation>ブランチ名は - や / で始めることも、/、. または .lock で終えることもできません。</translation>
    </message>
    <message>
        <source>No part of a branch name can start with a dot.</source>
        <translation>ブランチ名のどの部分もドットで始めることはできません。</translation>
    </message>
    <message>
        <source>- `%1` (new, %2 lines)</source>
        <translation>- `%1` (新規、%2 行)</translation>
    </message>
    <message>
        <source>- `%1` (+%2 −%3)</source>
        <translation>- `%1` (+%2 −%3)</translation>
    </message>
    <message>
        <source>no account or right</source>
        <translation>アカウントも権限もなし</translation>
    </message>
    <message>
        <source>Add developer %1

Merging grants %2:
%3
</source>
        <translation>開発者 %1 を追加

マージすると %2 に次が付与されます:
%3
</translation>
    </message>
    <message>
        <source>%1 joins.</source>
        <translation>%1 が参加します。</translation>
    </message>
    <message>
        <source>%1 joins; GitHub login @%2.</source>
        <translation>%1 が参加します。GitHub ログインは @%2 です。</translation>
    </message>
    <message>
        <source>Merging this grants no account or right.</source>
        <translation>マージしてもアカウントや権限は付与されません。</translation>
    </message>
    <message>
        <source>**Merging this grants:**
%1</source>
        <translation>**マージで付与されるもの:**
%1</translation>
    </message>
    <message>
        <source>**Files:**
%1</source>
        <translation>**ファイル:**
%1</translation>
    </message>
    <message>
        <source>Opened by Kanri&apos;s New developer wizard.</source>
        <translation>Kanri の「新しい開発者」ウィザードで作成しました。</translation>
    </message>
    <message>
        <source>- %1: does not render: %2</source>
        <translation>- %1: レンダリングできません: %2</translation>
    </message>
    <message>
        <source>- %1 (namespace %2): %3</source>
        <translation>- %1 (Namespace %2): %3</translation>
    </message>
    <message>
        <source>**Rendered (kustomize build):**
%1</source>
        <translation>**レンダリング結果 (kustomize build):**
%1</translation>
    </message>
    <message>
        <source>Add microservice %1: its entry in the microservices map
</source>
        <translation>マイクロサービス %1 を追加: microservices マップのエントリ
</translation>
    </message>
    <message>
        <source>Add microservice %1: base, overlays (%2), Argo CD application, CODEOWNERS
</source>
        <translation>マイクロサービス %1 を追加: ベース、オーバーレイ (%2)、Argo CD アプリケーション、CODEOWNERS
</translation>
    </message>
    <message>
        <source>Add microservice %1 (%2)</source>
        <translation>マイクロサービス %1 を追加 (%2)</translation>
    </message>
    <message>
        <source>Adds the microservice **%1** of team %2: %3</source>
        <translation>チーム %2 のマイクロサービス **%1** を追加します: %3</translation>
    </message>
    <message>
        <source>The entry creates the service&apos;s accounts (image repository, notification channels) when merged and applied.</source>
        <translation>このエントリをマージして適用すると、サービスのアカウント (イメージリポジトリ、通知チャンネル) が作成されます。</translation>
    </message>
    <message>
        <source>Image %1:%2, port %3; requests %4 CPU / %5 memory, limits %6 CPU / %7 memory; environments: %8.</source>
        <translation>イメージ %1:%2、ポート %3。リクエスト CPU %4 / メモリ %5、リミット CPU %6 / メモリ %7。環境: %8。</translation>
    </message>
    <message>
        <source>Opened by Kanri&apos;s New microservice wizard, with a pull request in each repository.</source>
        <translation>Kanri の「新しいマイクロサービス」ウィザードで、リポジトリごとにプルリクエストを作成しました。</translation>
    </message>
    <message>
        <source>`%1` line %2, %3: %4</source>
        <translation>`%1` の %2 行目、%3: %4</translation>
    </message>
    <message>
        <source>Offboard developer %1

%2
</source>
        <translation>開発者 %1 のオフボーディング

%2
</translation>
    </message>
    <message>
        <source>Removes %1 everywhere they appear in this repository; merging takes their accounts and rights away.

%2

**Files:**
%3

Opened by Kanri&apos;s Offboard developer wizard.</source>
        <translation>このリポジトリで %1 が現れるすべての箇所から削除します。マージするとアカウントと権限が取り消されます。

%2

**ファイル:**
%3

Kanri の「開発者のオフボーディング」ウィザードで作成しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed between %1 and %2
</source>
        <translation>
            <numerusform>%1 と %2 の間で %n 個のファイルが変更されました
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rules: %n new finding(s)
</source>
        <translation>
            <numerusform>ルール: 新しい指摘 %n 件
</numerusform>
        </translation>
    </message>
    <message>
        <source>image tag %1 → %2</source>
        <translation>イメージタグ %1 → %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>adds %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>removes %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 を変更</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 ほか %2 件</translation>
    </message>
    <message>
        <source>new overlay</source>
        <translation>新しいオーバーレイ</translation>
    </message>
    <message>
        <source>overlay removed</source>
        <translation>オーバーレイを削除</translation>
    </message>
    <message>
        <source>image tag</source>
        <translation>イメージタグ</translation>
    </message>
    <message>
        <source>rendered changes</source>
        <translation>レンダリング結果の変更</translation>
    </message>
    <message>
        <source>%1 services: %2</source>
        <translation>%1 サービス: %2</translation>
    </message>
    <message numerus="yes">
        <source>## Summary

%n file(s) changed.
</source>
        <translation>
            <numerusform>## 概要

%n 個のファイルが変更されました。
</numerusform>
        </translation>
    </message>
    <message>
        <source>**Terraform impact (%1, evaluated offline by Kanri):**</source>
        <translation>**Terraform への影響（%1、Kanri がオフラインで評価）:**</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 を %2 へ移動</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>ほか %1 件</translation>
    </message>
    <message>
        <source>Not evaluated offline (their instances are not listed):</source>
        <translation>オフラインで評価できなかったもの（そのインスタンスは一覧にありません）:</translation>
    </message>
    <message>
        <source>The Terraform files could not be evaluated: `%1`</source>
        <translation>Terraform ファイルを評価できませんでした: `%1`</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2、%3)</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>manual sync</source>
        <translation>手動同期</translation>
    </message>
    <message>
        <source>**Deploys to:** %1</source>
        <translation>**デプロイ先:** %1</translation>
    </message>
    <message>
        <source>Applications with automated sync apply this change when it is merged.</source>
        <translation>自動同期のアプリケーションは、マージ時にこの変更を適用します。</translation>
    </message>
    <message>
        <source>%1 (generated by the ApplicationSet %2)</source>
        <translation>%1（ApplicationSet %2 が生成）</translation>
    </message>
    <message>
        <source>fix the Argo CD object so that Argo CD can read it</source>
        <translation>Argo CD が読めるように Argo CD のオブジェクトを直してください</translation>
    </message>
    <message>
        <source>the application %1 deploys %2, which does not exist in this repository</source>
        <translation>アプリケーション %1 がデプロイする %2 はこのリポジトリにありません</translation>
    </message>
    <message>
        <source>correct the path, or remove the application</source>
        <translation>パスを直すか、アプリケーションを削除してください</translation>
    </message>
    <message>
        <source>%1 and %2 both deploy %3 to the cluster %4</source>
        <translation>%1 と %2 の両方が %3 をクラスター %4 にデプロイしています</translation>
    </message>
    <message>
        <source>keep one application per path and cluster; Argo CD would make them overwrite each other</source>
        <translation>パスとクラスターごとにアプリケーションは一つにしてください。Argo CD が互いに上書きし合います</translation>
    </message>
    <message>
        <source>no Argo CD application deploys %1</source>
        <translation>%1 をデプロイする Argo CD アプリケーションがありません</translation>
    </message>
    <message>
        <source>add an Application (or an ApplicationSet entry) for it, or remove the overlay</source>
        <translation>Application（または ApplicationSet のエントリ）を追加するか、オーバーレイを削除してください</translation>
    </message>
    <message>
        <source>the application %1 deploys %2 into the namespace %3, but the overlay sets %4</source>
        <translation>アプリケーション %1 は %2 をネームスペース %3 にデプロイしますが、オーバーレイは %4 を指定しています</translation>
    </message>
    <message>
        <source>make the destination namespace the overlay&apos;s namespace</source>
        <translation>デプロイ先のネームスペースをオーバーレイのネームスペースに合わせてください</translation>
    </message>
    <message>
        <source>fix the repository so that it can be read</source>
        <translation>読めるようにリポジトリを直してください</translation>
    </message>
</context>
<context>
    <name>kanri::platform::EditBuffers</name>
    <message>
        <source>the file changed outside Kanri since this edit; undo and redo leave it as it is</source>
        <translation>この編集の後にファイルが Kanri の外で変更されました。元に戻す・やり直しではファイルを変更しません</translation>
    </message>
    <message>
        <source>changed on disk since it was read; not overwritten</source>
        <translation>読み込んだ後にディスク上で変更されたため、上書きしませんでした</translation>
    </message>
    <message>
        <source>Take %1 from disk</source>
        <translation>%1 をディスクから取り込む</translation>
    </message>
    <message>
        <source>cannot remove the file: %1</source>
        <translation>ファイルを削除できません: %1</translation>
    </message>
</context>
<context>
    <name>kanri::platform::EditJournal</name>
    <message>
        <source>cannot create the folder</source>
        <translation>フォルダーを作成できません</translation>
    </message>
    <message>
        <source>not a journal of unsaved edits</source>
        <translation>未保存の編集のジャーナルではありません</translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>未保存の編集を復元</translation>
    </message>
</context>
<context>
    <name>kanri::platform::Linter</name>
    <message>
        <source>cannot create a temporary folder</source>
        <translation>一時フォルダーを作成できません</translation>
    </message>
    <message>
        <source>%1: %2 does not exist there; compared with the working tree</source>
        <translation>%1: %2 はそこに存在しません。作業ツリーと比較しました</translation>
    </message>
    <message>
        <source>%1 is not a commit in any repository of the workspace</source>
        <translation>%1 はワークスペースのどのリポジトリのコミットでもありません</translation>
    </message>
</context>
<context>
    <name>kanri::platform::PublishFlow</name>
    <message>
        <source>%1: committed %2 on branch %3 and pushed it</source>
        <translation>%1: ブランチ %3 に %2 をコミットし、プッシュしました</translation>
    </message>
    <message>
        <source>%1: committed %2 on branch %3 (not pushed)</source>
        <translation>%1: ブランチ %3 に %2 をコミットしました (未プッシュ)</translation>
    </message>
    <message>
        <source>; pull request #%1 was already open: %2</source>
        <translation>。プルリクエスト #%1 はすでにオープンです: %2</translation>
    </message>
    <message>
        <source>; opened pull request #%1: %2</source>
        <translation>。プルリクエスト #%1 を作成しました: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the commit needs a message.</source>
        <translation>%1: コミットメッセージを入力してください。</translation>
    </message>
    <message>
        <source>Checking the repositories…</source>
        <translation>リポジトリを確認中…</translation>
    </message>
    <message>
        <source>%1 has no remote called origin to push to</source>
        <translation>%1 にはプッシュ先のリモート origin がありません</translation>
    </message>
    <message>
        <source>%1 already has a branch %2: choose another name</source>
        <translation>%1 にはすでにブランチ %2 があります: 別の名前を選んでください</translation>
    </message>
    <message>
        <source>%1 has other staged changes (%2): commit or unstage them first, so that the commit holds only this change</source>
        <translation>%1 にはほかにもステージ済みの変更があります (%2): コミットにこの変更だけが含まれるよう、先にそれらをコミットするかステージを解除してください</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved or committed.</source>
        <translation>キャンセルしました: 何も保存もコミットもしていません。</translation>
    </message>
    <message>
        <source>Saving the files…</source>
        <translation>ファイルを保存中…</translation>
    </message>
    <message>
        <source>The workspace was closed: nothing was saved or committed.</source>
        <translation>ワークスペースが閉じられました: 何も保存もコミットもしていません。</translation>
    </message>
    <message>
        <source>Saving failed, nothing was committed: %1</source>
        <translation>保存に失敗したため、何もコミットしていません: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1: committing on branch %2…</source>
        <translation>%1: ブランチ %2 にコミット中…</translation>
    </message>
    <message>
        <source>%1: pushing…</source>
        <translation>%1: プッシュ中…</translation>
    </message>
    <message>
        <source>opening the repository</source>
        <translation>リポジトリを開く処理</translation>
    </message>
    <message>
        <source>creating the branch</source>
        <translation>ブランチの作成</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>コミット</translation>
    </message>
    <message>
        <source>pushing</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>%1: committed %2 on branch %3; the push was cancelled. Push it from Repository ▸ Push.</source>
        <translation>%1: ブランチ %3 に %2 をコミットしましたが、プッシュはキャンセルされました。リポジトリ ▸ プッシュ からプッシュしてください。</translation>
    </message>
    <message>
        <source>%1: committed %2 on branch %3, push failed: %4. Push again from Repository ▸ Push.</source>
        <translation>%1: ブランチ %3 に %2 をコミットしましたが、プッシュに失敗しました: %4。リポジトリ ▸ プッシュ からもう一度プッシュしてください。</translation>
    </message>
    <message>
        <source>%1: switched to the new branch %2, %3 failed: %4. The files are saved; commit them from Repository ▸ Commit.</source>
        <translation>%1: 新しいブランチ %2 に切り替えましたが、%3 に失敗しました: %4。ファイルは保存済みです。リポジトリ ▸ コミット からコミットしてください。</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3. The files are saved but not committed.</source>
        <translation>%1: %2 に失敗しました: %3。ファイルは保存済みですが、コミットしていません。</translation>
    </message>
    <message>
        <source>Cancelled before every pull request was opened.</source>
        <translation>すべてのプルリクエストを作成する前にキャンセルしました。</translation>
    </message>
    <message>
        <source>%1: the remote %2 is not a GitHub repository; open the pull request there by hand.</source>
        <translation>%1: リモート %2 は GitHub のリポジトリではありません。プルリクエストはそちらで手動で作成してください。</translation>
    </message>
    <message>
        <source>- %1: %2</source>
        <translation>- %1: %2</translation>
    </message>
    <message>
        <source>Part of the same change:</source>
        <translation>同じ変更の一部:</translation>
    </message>
    <message>
        <source>%1: opening the pull request…</source>
        <translation>%1: プルリクエストを作成中…</translation>
    </message>
    <message>
        <source>%1: the pull request could not be opened: %2. Open it from Pull Requests ▸ Create Pull Request.</source>
        <translation>%1: プルリクエストを作成できませんでした: %2。プルリクエスト ▸ プルリクエストを作成 から作成してください。</translation>
    </message>
    <message>
        <source>%1: linking the pull requests…</source>
        <translation>%1: プルリクエストを相互にリンク中…</translation>
    </message>
    <message>
        <source>The first pull request does not link to the others yet (%1): add the link by hand.</source>
        <translation>最初のプルリクエストにはまだほかへのリンクがありません (%1): 手動でリンクを追加してください。</translation>
    </message>
    <message>
        <source>The wizard&apos;s files are saved.</source>
        <translation>ウィザードのファイルは保存済みです。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>Cancelled while opening the pull requests; check GitHub for what was opened.</source>
        <translation>プルリクエストの作成中にキャンセルしました。作成されたものは GitHub で確認してください。</translation>
    </message>
    <message>
        <source>, starting from origin/%1 (%2), not from the branch you were on</source>
        <translation>。作業中のブランチではなく origin/%1 (%2) から開始しました</translation>
    </message>
    <message>
        <source>%1 refused the credentials: sign in from Repository ▸ Push first (it asks for a token for %1), then try again.</source>
        <translation>%1 が認証情報を拒否しました: 先に リポジトリ ▸ プッシュ からサインインして (%1 のトークンを求められます)、もう一度試してください。</translation>
    </message>
    <message>
        <source>Waiting for a token for %1…</source>
        <translation>%1 のトークンを待っています…</translation>
    </message>
    <message>
        <source>%1: %2…</source>
        <translation>%1: %2…</translation>
    </message>
    <message>
        <source>fetching origin</source>
        <translation>origin からフェッチ中</translation>
    </message>
    <message>
        <source>%1: the default branch could not be fetched from origin: %2. Nothing was saved or committed.</source>
        <translation>%1: デフォルトブランチを origin からフェッチできませんでした: %2。何も保存もコミットもしていません。</translation>
    </message>
    <message>
        <source>%1: the branch cannot start from origin/%2: %3. Nothing was saved or committed; your files and edits are as they were.</source>
        <translation>%1: ブランチを origin/%2 から開始できません: %3。何も保存もコミットもしていません。ファイルと編集内容は元のままです。</translation>
    </message>
    <message>
        <source>creating the branch from origin/%1</source>
        <translation>origin/%1 からのブランチの作成</translation>
    </message>
</context>
<context>
    <name>kanri::platform::RenderedChecker</name>
    <message>
        <source>%1 %2 sets replicas while a HorizontalPodAutoscaler scales it</source>
        <translation>%1 %2 は HorizontalPodAutoscaler でスケールされているのに replicas を設定しています</translation>
    </message>
    <message>
        <source>remove spec.replicas (and the replicas: entry); the HPA&apos;s minReplicas decides</source>
        <translation>spec.replicas (と replicas: エントリ) を削除してください。HPA の minReplicas で決まります</translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3 (target %4)</source>
        <translation>%1 %2 は Kubernetes %3 で削除されました (対象 %4)</translation>
    </message>
    <message>
        <source>%1 %2 is deprecated since Kubernetes %3 and removed in %4</source>
        <translation>%1 %2 は Kubernetes %3 から非推奨で、%4 で削除されます</translation>
    </message>
    <message>
        <source>%1 has no replacement</source>
        <translation>%1 には代替がありません</translation>
    </message>
    <message>
        <source>use apiVersion: %1</source>
        <translation>apiVersion: %1 を使ってください</translation>
    </message>
    <message>
        <source>%1 %2 is reserved to the SRE team and may only be added under the platform folders</source>
        <translation>%1 %2 は SRE チーム専用で、platform フォルダーの下にのみ追加できます</translation>
    </message>
    <message>
        <source>ask the SRE team to add it in a platform folder, or remove it from this kustomization</source>
        <translation>SRE チームに platform フォルダーへの追加を依頼するか、この kustomization から削除してください</translation>
    </message>
    <message>
        <source>%1 render(s) without a namespace; %2 must render into namespace %3</source>
        <translation>%1 が Namespace なしでレンダリングされます。%2 は Namespace %3 にレンダリングする必要があります</translation>
    </message>
    <message>
        <source>%1 render(s) into namespace %2; %3 may only use namespace %4</source>
        <translation>%1 が Namespace %2 にレンダリングされます。%3 が使える Namespace は %4 だけです</translation>
    </message>
    <message>
        <source>set `namespace: %1` in the overlay&apos;s kustomization.yaml</source>
        <translation>オーバーレイの kustomization.yaml に `namespace: %1` を設定してください</translation>
    </message>
    <message>
        <source>%1 in %3 is %2, above %4</source>
        <translation>%3 の %1 が %2 で、%4 を超えています</translation>
    </message>
    <message>
        <source>%1 in %3 is %2, below %4</source>
        <translation>%3 の %1 が %2 で、%4 を下回っています</translation>
    </message>
    <message>
        <source>check the unit (&quot;500m&quot; is half a core, &quot;48&quot; is 48 cores); the platform&apos;s range is set under rules.thresholds in .kanri.yaml</source>
        <translation>単位を確認してください (&quot;500m&quot; は 0.5 コア、&quot;48&quot; は 48 コア)。プラットフォームの範囲は .kanri.yaml の rules.thresholds で設定します</translation>
    </message>
    <message>
        <source>container %1 of %2/%3 has no %4</source>
        <translation>%2/%3 のコンテナ %1 に %4 がありません</translation>
    </message>
    <message>
        <source>set resources.requests (what the pod is scheduled with) and resources.limits for cpu and memory</source>
        <translation>cpu と memory の resources.requests (ポッドのスケジュールに使われる値) と resources.limits を設定してください</translation>
    </message>
    <message>
        <source>the %1 request of container %2</source>
        <translation>コンテナ %2 の %1 リクエスト</translation>
    </message>
    <message>
        <source>the %1 limit of container %2</source>
        <translation>コンテナ %2 の %1 リミット</translation>
    </message>
    <message>
        <source>container %1 of %2/%3 has a %4 limit below its request</source>
        <translation>%2/%3 のコンテナ %1 の %4 リミットがリクエストを下回っています</translation>
    </message>
    <message>
        <source>raise limits.%1 to at least requests.%1</source>
        <translation>limits.%1 を requests.%1 以上に引き上げてください</translation>
    </message>
    <message>
        <source>image %1 of container %2 has no tag</source>
        <translation>コンテナ %2 のイメージ %1 にタグがありません</translation>
    </message>
    <message>
        <source>image %1 of container %2 is tagged latest</source>
        <translation>コンテナ %2 のイメージ %1 のタグが latest です</translation>
    </message>
    <message>
        <source>pin a version (newTag in the overlay&apos;s images: entry, or the tag in image:) so that a rollout is reproducible</source>
        <translation>ロールアウトを再現できるようにバージョンを固定してください (オーバーレイの images: エントリの newTag、または image: のタグ)</translation>
    </message>
    <message>
        <source>image %1 of %2 comes from neither the service&apos;s repository %3 nor an allowed registry</source>
        <translation>%2 のイメージ %1 は、サービスのリポジトリ %3 からも許可されたレジストリからも取得されていません</translation>
    </message>
    <message>
        <source>image %1 of %2 comes from the repository %3 of another service, not %4</source>
        <translation>%2 のイメージ %1 は %4 ではなく、別サービスのリポジトリ %3 から取得されています</translation>
    </message>
    <message>
        <source>push the image to the service&apos;s own repository (%1), or add the registry to rules.registries in .kanri.yaml</source>
        <translation>イメージをサービス自身のリポジトリ (%1) にプッシュするか、.kanri.yaml の rules.registries にレジストリを追加してください</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler %1 has minReplicas %2</source>
        <translation>HorizontalPodAutoscaler %1 の minReplicas が %2 です</translation>
    </message>
    <message>
        <source>minReplicas must be at least 1 (scaling to zero needs a feature gate)</source>
        <translation>minReplicas は 1 以上にしてください (ゼロへのスケールには feature gate が必要です)</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler %1 has minReplicas %2 above maxReplicas %3</source>
        <translation>HorizontalPodAutoscaler %1 の minReplicas %2 が maxReplicas %3 を超えています</translation>
    </message>
    <message>
        <source>lower minReplicas or raise maxReplicas</source>
        <translation>minReplicas を下げるか maxReplicas を上げてください</translation>
    </message>
</context>
<context>
    <name>kanri::platform::Rules</name>
    <message>
        <source>An apiVersion deprecated (warning) or removed (error) in the target Kubernetes version</source>
        <translation>対象の Kubernetes バージョンで非推奨 (警告) または削除済み (エラー) の apiVersion</translation>
    </message>
    <message>
        <source>A container without requests or limits</source>
        <translation>requests または limits のないコンテナ</translation>
    </message>
    <message>
        <source>A CPU request above the configured range</source>
        <translation>設定範囲を超える CPU request</translation>
    </message>
    <message>
        <source>A CPU request below the configured range</source>
        <translation>設定範囲を下回る CPU request</translation>
    </message>
    <message>
        <source>A memory request above the configured range</source>
        <translation>設定範囲を超えるメモリ request</translation>
    </message>
    <message>
        <source>A memory request below the configured range</source>
        <translation>設定範囲を下回るメモリ request</translation>
    </message>
    <message>
        <source>A CPU limit above the configured range</source>
        <translation>設定範囲を超える CPU limit</translation>
    </message>
    <message>
        <source>A memory limit above the configured range</source>
        <translation>設定範囲を超えるメモリ limit</translation>
    </message>
    <message>
        <source>A limit lower than the request</source>
        <translation>request より小さい limit</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler minReplicas &gt; maxReplicas</source>
        <translation>HorizontalPodAutoscaler の minReplicas &gt; maxReplicas</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler minReplicas &lt; 1</source>
        <translation>HorizontalPodAutoscaler の minReplicas &lt; 1</translation>
    </message>
    <message>
        <source>A Deployment sets replicas while an HPA scales it (off unless enabled)</source>
        <translation>HPA がスケールする Deployment に replicas が設定されている (有効にしない限りオフ)</translation>
    </message>
    <message>
        <source>A service&apos;s overlay renders into another namespace than the service&apos;s own</source>
        <translation>サービスのオーバーレイがサービス自身以外の名前空間にレンダリングされる</translation>
    </message>
    <message>
        <source>A kind reserved to the SRE team outside the platform folders</source>
        <translation>プラットフォームのフォルダ以外にある SRE チーム専用の kind</translation>
    </message>
    <message>
        <source>An image tagged latest or without a tag</source>
        <translation>latest タグまたはタグのないイメージ</translation>
    </message>
    <message>
        <source>An image from another registry than the service&apos;s own repository</source>
        <translation>サービス自身のリポジトリ以外のレジストリのイメージ</translation>
    </message>
    <message>
        <source>A developers map entry that does not match the schema</source>
        <translation>スキーマに合わない developers マップのエントリ</translation>
    </message>
    <message>
        <source>A GitHub login listed twice</source>
        <translation>二重に登録された GitHub ログイン</translation>
    </message>
    <message>
        <source>An approver without GitHub access</source>
        <translation>GitHub アクセスのない承認者</translation>
    </message>
    <message>
        <source>A microservice entry without manifests</source>
        <translation>マニフェストのないマイクロサービスのエントリ</translation>
    </message>
    <message>
        <source>A service folder without a microservice entry</source>
        <translation>マイクロサービスのエントリのないサービスフォルダ</translation>
    </message>
    <message>
        <source>A CODEOWNERS line that matches no file</source>
        <translation>どのファイルにも一致しない CODEOWNERS の行</translation>
    </message>
    <message>
        <source>Files that no CODEOWNERS line owns</source>
        <translation>どの CODEOWNERS の行にも所有されていないファイル</translation>
    </message>
    <message>
        <source>A kustomization that does not render</source>
        <translation>レンダリングできない kustomization</translation>
    </message>
    <message>
        <source>A broken .kanri.yaml or repository file</source>
        <translation>壊れた .kanri.yaml またはリポジトリのファイル</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>A service overlay no Argo CD application deploys</source>
        <translation>どの Argo CD アプリケーションもデプロイしないサービスのオーバーレイ</translation>
    </message>
    <message>
        <source>An Argo CD application whose path does not exist in the repository</source>
        <translation>パスがリポジトリに存在しない Argo CD アプリケーション</translation>
    </message>
    <message>
        <source>An Argo CD application&apos;s destination namespace differs from the overlay&apos;s namespace</source>
        <translation>Argo CD アプリケーションのデプロイ先ネームスペースがオーバーレイのネームスペースと異なる</translation>
    </message>
    <message>
        <source>Two Argo CD applications deploy the same path to the same cluster</source>
        <translation>二つの Argo CD アプリケーションが同じパスを同じクラスターにデプロイしている</translation>
    </message>
    <message>
        <source>An Argo CD object Kanri cannot read</source>
        <translation>Kanri が読めない Argo CD のオブジェクト</translation>
    </message>
</context>
<context>
    <name>kanri::platform::Session</name>
    <message>
        <source>no such service</source>
        <translation>そのサービスはありません</translation>
    </message>
    <message>
        <source>no such environment</source>
        <translation>その環境はありません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; は整数ではありません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an image tag</source>
        <translation>&apos;%1&apos; はイメージタグではありません</translation>
    </message>
    <message>
        <source>image tag</source>
        <translation>イメージタグ</translation>
    </message>
    <message>
        <source>replicas</source>
        <translation>replicas</translation>
    </message>
    <message>
        <source>HPA minimum</source>
        <translation>HPA 最小数</translation>
    </message>
    <message>
        <source>HPA maximum</source>
        <translation>HPA 最大数</translation>
    </message>
    <message>
        <source>%1 has no %2 to change</source>
        <translation>%1 には変更する %2 がありません</translation>
    </message>
    <message>
        <source>all environments</source>
        <translation>すべての環境</translation>
    </message>
    <message>
        <source>Set %1 of %2 (%3) to %4</source>
        <translation>%2 (%3) の %1 を %4 に設定</translation>
    </message>
    <message>
        <source>env var %1</source>
        <translation>環境変数 %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an env var name</source>
        <translation>&apos;%1&apos; は環境変数名ではありません</translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation>CPU リクエスト</translation>
    </message>
    <message>
        <source>memory request</source>
        <translation>メモリリクエスト</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU リミット</translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation>メモリリミット</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity (for example 250m, 0.5, 512Mi, 1G)</source>
        <translation>&apos;%1&apos; は quantity ではありません (例: 250m、0.5、512Mi、1G)</translation>
    </message>
    <message>
        <source>%1 has no Deployment to change</source>
        <translation>%1 には変更する Deployment がありません</translation>
    </message>
    <message>
        <source>%1 has no container &apos;%2&apos; in %3</source>
        <translation>%1 の %3 にコンテナ &apos;%2&apos; がありません</translation>
    </message>
    <message>
        <source>the file that defines %1 is not known</source>
        <translation>%1 を定義しているファイルが不明です</translation>
    </message>
    <message>
        <source>Set %1 of %2/%3 (%4) to %5</source>
        <translation>%2/%3 (%4) の %1 を %5 に設定</translation>
    </message>
    <message>
        <source>no such developer</source>
        <translation>その開発者はいません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid key</source>
        <translation>&apos;%1&apos; は有効なキーではありません</translation>
    </message>
    <message>
        <source>a developer &apos;%1&apos; already exists</source>
        <translation>開発者 &apos;%1&apos; はすでに存在します</translation>
    </message>
    <message>
        <source>Rename developer %1 to %2</source>
        <translation>開発者 %1 の名前を %2 に変更</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%2 の %1 を設定</translation>
    </message>
    <message>
        <source>the workspace has no developers map to add to</source>
        <translation>ワークスペースに追加先の developers マップがありません</translation>
    </message>
    <message>
        <source>Add developer %1</source>
        <translation>開発者 %1 を追加</translation>
    </message>
    <message>
        <source>Remove developer %1</source>
        <translation>開発者 %1 を削除</translation>
    </message>
    <message>
        <source>%1 is set from %2; edit it in the file</source>
        <translation>%1 は %2 で設定されています。ファイルで編集してください</translation>
    </message>
</context>
<context>
    <name>kanri::platform::SourceLocator::Search</name>
    <message>
        <source>the overlay&apos;s images: entry</source>
        <translation>オーバーレイの images: エントリ</translation>
    </message>
    <message>
        <source>the overlay&apos;s replicas: entry</source>
        <translation>オーバーレイの replicas: エントリ</translation>
    </message>
    <message>
        <source>a JSON 6902 patch</source>
        <translation>JSON 6902 パッチ</translation>
    </message>
    <message>
        <source>the overlay&apos;s commonAnnotations</source>
        <translation>オーバーレイの commonAnnotations</translation>
    </message>
    <message>
        <source>the overlay&apos;s labels</source>
        <translation>オーバーレイの labels</translation>
    </message>
    <message>
        <source>the overlay&apos;s commonLabels</source>
        <translation>オーバーレイの commonLabels</translation>
    </message>
    <message>
        <source>the overlay&apos;s namespace</source>
        <translation>オーバーレイの namespace</translation>
    </message>
    <message>
        <source>an inline patch</source>
        <translation>インラインパッチ</translation>
    </message>
    <message>
        <source>a patch</source>
        <translation>パッチ</translation>
    </message>
    <message>
        <source>a strategic-merge patch</source>
        <translation>strategic merge パッチ</translation>
    </message>
</context>
<context>
    <name>kanri::review</name>
    <message>
        <source>cannot create the folder</source>
        <translation>フォルダーを作成できません</translation>
    </message>
</context>
<context>
    <name>kanri::review::PullSync</name>
    <message>
        <source>#%1: reading the pull request (%2 of %3)…</source>
        <translation>#%1: プルリクエストを読み込み中 (%3 件中 %2 件目)…</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>#%1: fetching its commits (%2 of %3)…</source>
        <translation>#%1: コミットを取得中 (%3 件中 %2 件目)…</translation>
    </message>
    <message>
        <source>#%1: %2 of %3 objects</source>
        <translation>#%1: オブジェクト %2/%3</translation>
    </message>
    <message>
        <source>origin has no refs/pull/%1/head: the commits of the pull request were not fetched</source>
        <translation>origin に refs/pull/%1/head がありません: プルリクエストのコミットを取得できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%n pull request(s) available offline.</source>
        <translation>
            <numerusform>%n 件のプルリクエストをオフラインで利用できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>None available offline; %1</source>
        <translation>オフラインで利用できるものはありません。%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n available offline; %2</source>
        <translation>
            <numerusform>%n 件中 %1 件をオフラインで利用できます。%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not tried: GitHub could not be reached)</source>
        <translation>
            <numerusform>（%n 件は未試行: GitHub に接続できませんでした）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::review::ReviewDrafts</name>
    <message>
        <source>not a pull request: %1#%2</source>
        <translation>プルリクエストではありません: %1#%2</translation>
    </message>
    <message>
        <source>not a review draft: %1</source>
        <translation>レビューの下書きではありません: %1</translation>
    </message>
    <message>
        <source>not a review draft this version of Kanri can read</source>
        <translation>このバージョンの Kanri では読めないレビューの下書きです</translation>
    </message>
    <message>
        <source>the draft names another pull request</source>
        <translation>下書きが別のプルリクエストのものです</translation>
    </message>
    <message>
        <source>cannot remove the draft: %1</source>
        <translation>下書きを削除できません: %1</translation>
    </message>
</context>
<context>
    <name>kanri::terraform::Evaluator</name>
    <message>
        <source>%1: files in Terraform&apos;s JSON syntax are not evaluated</source>
        <translation>%1: Terraform の JSON 構文のファイルは評価しません</translation>
    </message>
    <message>
        <source>%1: override files are not evaluated</source>
        <translation>%1: override ファイルは評価しません</translation>
    </message>
    <message>
        <source>%1: a block in a variable file is ignored</source>
        <translation>%1: 変数ファイル内のブロックは無視します</translation>
    </message>
    <message>
        <source>the value of variable %1</source>
        <translation>変数 %1 の値</translation>
    </message>
    <message>
        <source>evaluation stopped: it needed more than %1 steps</source>
        <translation>評価を中止しました: %1 ステップを超えました</translation>
    </message>
    <message>
        <source>%1 is not evaluated: %2</source>
        <translation>%1 は評価していません: %2</translation>
    </message>
    <message>
        <source>the type %1 is not known; taken as any</source>
        <translation>型 %1 は不明です。any として扱います</translation>
    </message>
    <message>
        <source>this type constraint is not understood; taken as any</source>
        <translation>この型制約は解釈できません。any として扱います</translation>
    </message>
    <message>
        <source>the value is nested too deeply</source>
        <translation>値の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>%1 required</source>
        <translation>%1 が必要です</translation>
    </message>
    <message>
        <source>%1: %2 required</source>
        <translation>%1: %2 が必要です</translation>
    </message>
    <message>
        <source>attribute &quot;%1&quot; is required</source>
        <translation>属性 &quot;%1&quot; は必須です</translation>
    </message>
    <message>
        <source>tuple of %1 elements</source>
        <translation>要素 %1 個のタプル</translation>
    </message>
    <message>
        <source>the default of variable %1</source>
        <translation>変数 %1 のデフォルト値</translation>
    </message>
    <message>
        <source>variable %1 has no value (terraform would ask for it)</source>
        <translation>変数 %1 に値がありません (terraform なら入力を求めます)</translation>
    </message>
    <message>
        <source>invalid value for variable %1: %2</source>
        <translation>変数 %1 の値が不正です: %2</translation>
    </message>
    <message>
        <source>the module has no variable %1</source>
        <translation>モジュールに変数 %1 がありません</translation>
    </message>
    <message>
        <source>there is no local value %1</source>
        <translation>ローカル値 %1 がありません</translation>
    </message>
    <message>
        <source>local.%1 refers to itself (a cycle)</source>
        <translation>local.%1 が自身を参照しています (循環)</translation>
    </message>
    <message>
        <source>local.%1 is not evaluated: %2</source>
        <translation>local.%1 は評価していません: %2</translation>
    </message>
    <message>
        <source>count and for_each cannot be used together</source>
        <translation>count と for_each は同時に使えません</translation>
    </message>
    <message>
        <source>%1: the %2 value must not be null</source>
        <translation>%1: %2 の値は null にできません</translation>
    </message>
    <message>
        <source>%1: count must be a whole number, not negative</source>
        <translation>%1: count は 0 以上の整数でなければなりません</translation>
    </message>
    <message>
        <source>%1: count is larger than can be listed</source>
        <translation>%1: count が大きすぎて一覧にできません</translation>
    </message>
    <message>
        <source>%1: for_each supports maps and sets of strings, but you have provided a set containing type %2</source>
        <translation>%1: for_each にはマップか文字列のセットを指定します。型 %2 を含むセットが指定されています</translation>
    </message>
    <message>
        <source>%1: for_each supports maps and sets of strings, but you have provided a %2</source>
        <translation>%1: for_each にはマップか文字列のセットを指定します。%2 が指定されています</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>引数 %1</translation>
    </message>
    <message>
        <source>reference to the undeclared resource %1</source>
        <translation>宣言されていないリソース %1 への参照です</translation>
    </message>
    <message>
        <source>references nested too deeply</source>
        <translation>参照の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>%1 refers to itself (a cycle)</source>
        <translation>%1 が自身を参照しています (循環)</translation>
    </message>
    <message>
        <source>module %1 comes from %2, which is not a local folder; its resources are not evaluated</source>
        <translation>モジュール %1 の取得元 %2 はローカルのフォルダーではないため、そのリソースは評価しません</translation>
    </message>
    <message>
        <source>an unknown source</source>
        <translation>不明な取得元</translation>
    </message>
    <message>
        <source>module %1: the folder %2 has no Terraform files</source>
        <translation>モジュール %1: フォルダー %2 に Terraform ファイルがありません</translation>
    </message>
    <message>
        <source>module %1: modules nested deeper than %2 levels are not evaluated</source>
        <translation>モジュール %1: %2 階層より深いモジュールは評価しません</translation>
    </message>
    <message>
        <source>the outputs of %1 refer to themselves (a cycle)</source>
        <translation>%1 の出力が自身を参照しています (循環)</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>出力 %1</translation>
    </message>
    <message>
        <source>reference to the undeclared module %1</source>
        <translation>宣言されていないモジュール %1 への参照です</translation>
    </message>
    <message>
        <source>module.%1 refers to itself (a cycle)</source>
        <translation>module.%1 が自身を参照しています (循環)</translation>
    </message>
    <message>
        <source>attempt to get attribute &quot;%1&quot; from a null value</source>
        <translation>null 値から属性 &quot;%1&quot; を取得しようとしました</translation>
    </message>
    <message>
        <source>unsupported attribute &quot;%1&quot;: this value has no attributes</source>
        <translation>属性 &quot;%1&quot; は使えません: この値には属性がありません</translation>
    </message>
    <message>
        <source>unsupported attribute: this object does not have an attribute named &quot;%1&quot;</source>
        <translation>属性は使えません: このオブジェクトに &quot;%1&quot; という属性はありません</translation>
    </message>
    <message>
        <source>cannot index a null value</source>
        <translation>null 値にはインデックスを使えません</translation>
    </message>
    <message>
        <source>cannot index with a null value</source>
        <translation>null 値はインデックスに使えません</translation>
    </message>
    <message>
        <source>the index of a list must be a number</source>
        <translation>リストのインデックスは数値でなければなりません</translation>
    </message>
    <message>
        <source>invalid index: the given key does not identify an element in this collection value</source>
        <translation>インデックスが不正です: 指定したキーはこのコレクションの要素を指していません</translation>
    </message>
    <message>
        <source>the key of a map must be a string</source>
        <translation>マップのキーは文字列でなければなりません</translation>
    </message>
    <message>
        <source>invalid index: the given key &quot;%1&quot; does not identify an element in this collection value</source>
        <translation>インデックスが不正です: キー &quot;%1&quot; はこのコレクションの要素を指していません</translation>
    </message>
    <message>
        <source>elements of a set have no index; convert it with tolist()</source>
        <translation>セットの要素にはインデックスがありません。tolist() で変換してください</translation>
    </message>
    <message>
        <source>this value does not have any indices</source>
        <translation>この値にはインデックスがありません</translation>
    </message>
    <message>
        <source>the template interpolation value is null</source>
        <translation>テンプレートに埋め込む値が null です</translation>
    </message>
    <message>
        <source>cannot include the given value in a string template: string required</source>
        <translation>この値は文字列テンプレートに埋め込めません: 文字列が必要です</translation>
    </message>
    <message>
        <source>the condition of %{ if } must be a bool</source>
        <translation>%{ if } の条件は bool でなければなりません</translation>
    </message>
    <message>
        <source>%{ for } needs a list, set or map</source>
        <translation>%{ for } にはリスト、セット、マップのいずれかが必要です</translation>
    </message>
    <message>
        <source>the string is too long</source>
        <translation>文字列が長すぎます</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>evaluation stopped</source>
        <translation>評価を中止しました</translation>
    </message>
    <message>
        <source>a null value cannot be used as the collection in a for expression</source>
        <translation>for 式のコレクションに null 値は使えません</translation>
    </message>
    <message>
        <source>a for expression needs a list, set, map or object, not a single value</source>
        <translation>for 式には単一の値ではなく、リスト、セット、マップ、オブジェクトのいずれかが必要です</translation>
    </message>
    <message>
        <source>the condition of a for expression must be a bool</source>
        <translation>for 式の条件は bool でなければなりません</translation>
    </message>
    <message>
        <source>the key of an object for expression must be a string</source>
        <translation>オブジェクトの for 式のキーは文字列でなければなりません</translation>
    </message>
    <message>
        <source>duplicate object key &quot;%1&quot;: two elements give this key; add ... after the value to group them</source>
        <translation>オブジェクトのキー &quot;%1&quot; が重複しています: 2 つの要素がこのキーになります。まとめるには値の後に ... を付けてください</translation>
    </message>
    <message>
        <source>try needs at least one argument</source>
        <translation>try には引数が 1 つ以上必要です</translation>
    </message>
    <message>
        <source>no expression given to try succeeded</source>
        <translation>try に渡した式はどれも成功しませんでした</translation>
    </message>
    <message>
        <source>can takes one argument</source>
        <translation>can の引数は 1 つです</translation>
    </message>
    <message>
        <source>only a list can be expanded with ...</source>
        <translation>... で展開できるのはリストだけです</translation>
    </message>
    <message>
        <source>the function %1 is not evaluated offline</source>
        <translation>関数 %1 はオフラインでは評価しません</translation>
    </message>
    <message>
        <source>call to function &quot;%1&quot; failed: %2</source>
        <translation>関数 &quot;%1&quot; の呼び出しに失敗しました: %2</translation>
    </message>
    <message>
        <source>unsuitable value for an arithmetic operator: a number is required</source>
        <translation>算術演算子に使えない値です: 数値が必要です</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>0 で割っています</translation>
    </message>
    <message>
        <source>unknown operator</source>
        <translation>不明な演算子です</translation>
    </message>
    <message>
        <source>a bool is required</source>
        <translation>bool が必要です</translation>
    </message>
    <message>
        <source>expressions nested too deeply</source>
        <translation>式の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>a template directive outside a template</source>
        <translation>テンプレートの外にテンプレート指令があります</translation>
    </message>
    <message>
        <source>splat without source</source>
        <translation>対象のないスプラットです</translation>
    </message>
    <message>
        <source>each.key and each.value are only available in blocks with for_each</source>
        <translation>each.key と each.value は for_each のあるブロックでだけ使えます</translation>
    </message>
    <message>
        <source>count.index is only available in blocks with count</source>
        <translation>count.index は count のあるブロックでだけ使えます</translation>
    </message>
    <message>
        <source>a reference to %1 needs an attribute (%1.NAME)</source>
        <translation>%1 の参照には属性が必要です (%1.NAME)</translation>
    </message>
    <message>
        <source>the condition must be a bool</source>
        <translation>条件は bool でなければなりません</translation>
    </message>
    <message>
        <source>a bool is required after !</source>
        <translation>! の後には bool が必要です</translation>
    </message>
    <message>
        <source>a number is required after -</source>
        <translation>- の後には数値が必要です</translation>
    </message>
    <message>
        <source>an object key must be a string</source>
        <translation>オブジェクトのキーは文字列でなければなりません</translation>
    </message>
    <message>
        <source>unknown expression</source>
        <translation>不明な式です</translation>
    </message>
    <message>
        <source>reference to the undeclared input variable %1</source>
        <translation>宣言されていない入力変数 %1 への参照です</translation>
    </message>
    <message>
        <source>a data source is referred to as data.TYPE.NAME</source>
        <translation>データソースは data.TYPE.NAME の形で参照します</translation>
    </message>
    <message>
        <source>the instances of %1 are not known offline: %2</source>
        <translation>%1 のインスタンスはオフラインでは分かりません: %2</translation>
    </message>
    <message>
        <source>this moved block is not understood</source>
        <translation>この moved ブロックは解釈できません</translation>
    </message>
    <message>
        <source>the expression does not parse</source>
        <translation>式を解析できません</translation>
    </message>
    <message>
        <source>its for_each depends on values known only after apply</source>
        <translation>for_each が apply 後にしか分からない値に依存しています</translation>
    </message>
    <message>
        <source>its count depends on values known only after apply</source>
        <translation>count が apply 後にしか分からない値に依存しています</translation>
    </message>
    <message>
        <source>its for_each set holds values known only after apply</source>
        <translation>for_each のセットに apply 後にしか分からない値があります</translation>
    </message>
    <message>
        <source>module %1 calls the module it is in (a cycle); Terraform refuses it</source>
        <translation>モジュール %1 が自身を含むモジュールを呼び出しています (循環)。Terraform はこれを受け付けません</translation>
    </message>
    <message>
        <source>module %1: more than %2 module instances are not evaluated</source>
        <translation>モジュール %1: %2 個を超えるモジュールインスタンスは評価しません</translation>
    </message>
    <message>
        <source>%1 (the instances of %2 are not listed)</source>
        <translation>%1 (%2 のインスタンスは一覧に含めていません)</translation>
    </message>
</context>
<context>
    <name>kanri::terraform::ExprParser</name>
    <message>
        <source>unexpected text after the expression</source>
        <translation>式の後に余分なテキストがあります</translation>
    </message>
    <message>
        <source>nesting too deep</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>missing &apos;:&apos; in conditional expression</source>
        <translation>条件式に &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;]&apos;</source>
        <translation>&apos;]&apos; がありません</translation>
    </message>
    <message>
        <source>expected an attribute name after &apos;.&apos;</source>
        <translation>&apos;.&apos; の後には属性名が必要です</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>数値が不正です</translation>
    </message>
    <message>
        <source>expected a name after &apos;::&apos;</source>
        <translation>&apos;::&apos; の後には名前が必要です</translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation>&apos;)&apos; がありません</translation>
    </message>
    <message>
        <source>expected an expression</source>
        <translation>式が必要です</translation>
    </message>
    <message>
        <source>missing &apos;)&apos; after &apos;...&apos;</source>
        <translation>&apos;...&apos; の後に &apos;)&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; or &apos;)&apos; in the function call</source>
        <translation>関数呼び出しに &apos;,&apos; または &apos;)&apos; がありません</translation>
    </message>
    <message>
        <source>expected a name after &apos;for&apos;</source>
        <translation>&apos;for&apos; の後には名前が必要です</translation>
    </message>
    <message>
        <source>expected a second name after &apos;,&apos;</source>
        <translation>&apos;,&apos; の後には 2 つ目の名前が必要です</translation>
    </message>
    <message>
        <source>missing &apos;in&apos;</source>
        <translation>&apos;in&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;:&apos; in the for expression</source>
        <translation>for 式に &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;=&gt;&apos; in the object for expression</source>
        <translation>オブジェクトの for 式に &apos;=&gt;&apos; がありません</translation>
    </message>
    <message>
        <source>missing the closing bracket of the for expression</source>
        <translation>for 式の閉じ括弧がありません</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; between tuple elements</source>
        <translation>タプルの要素の間に &apos;,&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;}&apos;</source>
        <translation>&apos;}&apos; がありません</translation>
    </message>
    <message>
        <source>missing &apos;=&apos; or &apos;:&apos; after the object key</source>
        <translation>オブジェクトのキーの後に &apos;=&apos; または &apos;:&apos; がありません</translation>
    </message>
    <message>
        <source>invalid template directive</source>
        <translation>テンプレート指令が不正です</translation>
    </message>
    <message>
        <source>missing &apos;}&apos; after the template sequence</source>
        <translation>テンプレートのシーケンスの後に &apos;}&apos; がありません</translation>
    </message>
    <message>
        <source>unterminated template</source>
        <translation>テンプレートが閉じていません</translation>
    </message>
    <message>
        <source>%{ if } without %{ endif }</source>
        <translation>%{ if } に対応する %{ endif } がありません</translation>
    </message>
    <message>
        <source>%{ for } without %{ endfor }</source>
        <translation>%{ for } に対応する %{ endfor } がありません</translation>
    </message>
    <message>
        <source>a template directive closes nothing that is open</source>
        <translation>テンプレート指令が、開いていないものを閉じています</translation>
    </message>
</context>
<context>
    <name>kanri::terraform::ImpactText</name>
    <message>
        <source>not a folder</source>
        <translation>フォルダーではありません</translation>
    </message>
    <message>
        <source>more than %1 Terraform files</source>
        <translation>Terraform ファイルが %1 個を超えています</translation>
    </message>
    <message>
        <source>not inside a git repository</source>
        <translation>git リポジトリの中ではありません</translation>
    </message>
    <message numerus="yes">
        <source>%n to add</source>
        <translation>
            <numerusform>%n 件追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to change</source>
        <translation>
            <numerusform>%n 件変更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to move</source>
        <translation>
            <numerusform>%n 件移動</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to remove</source>
        <translation>
            <numerusform>%n 件削除</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no change to instances</source>
        <translation>%1: インスタンスの変更はありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>kanri::ui::AboutDialog</name>
    <message>
        <source>About Kanri</source>
        <translation>Kanri について</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Kanri %1&lt;/h2&gt;&lt;p&gt;A console for a platform team&apos;s Terraform and kustomize repositories.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kanri %1&lt;/h2&gt;&lt;p&gt;プラットフォームチームの Terraform と kustomize のリポジトリのためのコンソール。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>コミット</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1（実行中）</translation>
    </message>
    <message>
        <source>%1 (built with)</source>
        <translation>%1（ビルド時）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
</context>
<context>
    <name>kanri::ui::ClusterReachView</name>
    <message>
        <source>Clusters the change reaches</source>
        <translation>変更が届くクラスター</translation>
    </message>
    <message>
        <source>Reaches %1 — automated sync: the change goes live on merge</source>
        <translation>%1 に反映 — 自動同期: マージすると本番に反映されます</translation>
    </message>
    <message>
        <source>Reaches %1 — manual sync: the change goes live when someone syncs it</source>
        <translation>%1 に反映 — 手動同期: 誰かが同期したときに反映されます</translation>
    </message>
    <message>
        <source>Reaches %1 — automated sync on %2: the change goes live there on merge</source>
        <translation>%1 に反映 — %2 は自動同期: マージするとそこに反映されます</translation>
    </message>
    <message>
        <source>Not deployed by any Argo CD application: %1</source>
        <translation>どの Argo CD アプリケーションもデプロイしていません: %1</translation>
    </message>
    <message>
        <source>%1: %2 → namespace %3 (project %4, %5, wave %6)</source>
        <translation>%1: %2 → namespace %3 (プロジェクト %4、%5、wave %6)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>automated sync</source>
        <translation>自動同期</translation>
    </message>
    <message>
        <source>manual sync</source>
        <translation>手動同期</translation>
    </message>
</context>
<context>
    <name>kanri::ui::CommandPalette</name>
    <message>
        <source>No matches</source>
        <translation>一致するものはありません</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>コマンドパレット</translation>
    </message>
    <message>
        <source>Type part of a file&apos;s path</source>
        <translation>ファイルのパスの一部を入力</translation>
    </message>
    <message>
        <source>Type a command, service, developer, team, file or rule</source>
        <translation>コマンド・サービス・開発者・チーム・ファイル・ルールを入力</translation>
    </message>
</context>
<context>
    <name>kanri::ui::ContainerValueDelegate</name>
    <message>
        <source>e.g. 250m, 0.5, 512Mi</source>
        <translation>例: 250m、0.5、512Mi</translation>
    </message>
</context>
<context>
    <name>kanri::ui::DiffPanel</name>
    <message>
        <source>Rendered diff</source>
        <translation>レンダリング差分</translation>
    </message>
    <message>
        <source>Rendered YAML at HEAD</source>
        <translation>HEAD でレンダリングした YAML</translation>
    </message>
    <message>
        <source>Rendered YAML with your changes</source>
        <translation>変更を反映してレンダリングした YAML</translation>
    </message>
    <message>
        <source>Diff summary</source>
        <translation>差分の概要</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>ユニファイド</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>横並び</translation>
    </message>
    <message>
        <source>Diff layout</source>
        <translation>差分のレイアウト</translation>
    </message>
    <message>
        <source>accounts: %1 changed</source>
        <translation>accounts: %1 を変更</translation>
    </message>
    <message>
        <source>Select a service to see its rendered diff.</source>
        <translation>サービスを選択すると、そのレンダリング差分が表示されます。</translation>
    </message>
    <message>
        <source>%1: rendering…</source>
        <translation>%1: レンダリング中…</translation>
    </message>
</context>
<context>
    <name>kanri::ui::DiskConflictDialog</name>
    <message>
        <source>File Changed on Disk</source>
        <translation>ディスク上のファイルが変更されました</translation>
    </message>
    <message>
        <source>%1 was changed by another program since Kanri read it, and it has unsaved edits here. Saving would overwrite the other change.</source>
        <translation>%1 は Kanri が読み込んだ後に別のプログラムによって変更されましたが、ここには未保存の編集があります。保存すると、もう一方の変更を上書きします。</translation>
    </message>
    <message>
        <source>%1 was removed by another program since Kanri read it, and it has unsaved edits here.</source>
        <translation>%1 は Kanri が読み込んだ後に別のプログラムによって削除されましたが、ここには未保存の編集があります。</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>自分の編集を残す(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>ディスクの内容を使う(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Show Both</source>
        <translation>両方を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Save the unsaved edits over the other program&apos;s change.</source>
        <translation>未保存の編集を、別のプログラムの変更の上に保存します。</translation>
    </message>
    <message>
        <source>Drop the unsaved edits of this file and use it as it is on disk (Edit ▸ Undo brings them back).</source>
        <translation>このファイルの未保存の編集を破棄し、ディスク上の内容を使います (編集 ▸ 元に戻す で戻せます)。</translation>
    </message>
    <message>
        <source>on disk, theirs</source>
        <translation>ディスク上、相手の変更</translation>
    </message>
    <message>
        <source>unsaved, mine</source>
        <translation>未保存、自分の編集</translation>
    </message>
</context>
<context>
    <name>kanri::ui::EntryForm</name>
    <message>
        <source>Entry form</source>
        <translation>エントリフォーム</translation>
    </message>
    <message>
        <source>Select an entry to edit it here.</source>
        <translation>エントリを選択すると、ここで編集できます。</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>HCL expression</source>
        <translation>HCL 式</translation>
    </message>
</context>
<context>
    <name>kanri::ui::FindingsPanel</name>
    <message>
        <source>Whole workspace</source>
        <translation>ワークスペース全体</translation>
    </message>
    <message>
        <source>This change</source>
        <translation>この変更</translation>
    </message>
    <message>
        <source>Every finding, or only those the unsaved edits introduce</source>
        <translation>すべての指摘、または未保存の編集で新たに生じた指摘のみ</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>すべての重大度</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告とエラー</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>すべてのルール</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>チェックに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Findings — %n error(s)</source>
        <translation>
            <numerusform>指摘 — エラー %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source> in this change</source>
        <translation> (この変更内)</translation>
    </message>
    <message>
        <source> (%1 shown)</source>
        <translation> (%1 件を表示)</translation>
    </message>
    <message>
        <source> — checking…</source>
        <translation> — チェック中…</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitAuthorDialog</name>
    <message>
        <source>&amp;Commit</source>
        <translation>コミット(&amp;C)</translation>
    </message>
    <message>
        <source>Who Is Committing?</source>
        <translation>コミットするのは誰ですか?</translation>
    </message>
    <message>
        <source>Ana García</source>
        <translation>山田 花子</translation>
    </message>
    <message>
        <source>ana@example.com</source>
        <translation>hanako@example.com</translation>
    </message>
    <message>
        <source>In Kanri&apos;s &amp;settings (only Kanri&apos;s commits use them; Repository ▸ Git Settings… changes them)</source>
        <translation>Kanri の設定に保存(&amp;S) (Kanri のコミットだけが使います。リポジトリ ▸ Git 設定… で変更できます)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>メールアドレス(&amp;E):</translation>
    </message>
    <message>
        <source>Keep them:</source>
        <translation>保存先:</translation>
    </message>
    <message>
        <source>A commit records who made it, and git knows no author on this computer yet. Which name and e-mail address should your commit to %1 carry? They become public with the commit.</source>
        <translation>コミットには作成者が記録されますが、このコンピューターの git にはまだ作成者が設定されていません。%1 へのコミットにどの名前とメールアドレスを記録しますか? これらはコミットとともに公開されます。</translation>
    </message>
    <message>
        <source>In git&apos;s &amp;global configuration, %1 (git on the command line uses them too)</source>
        <translation>git のグローバル設定 %1 に保存(&amp;G) (コマンドラインの git も使います)</translation>
    </message>
    <message>
        <source>The e-mail address needs a name, an @ and a domain (like ana@example.com), without spaces.</source>
        <translation>メールアドレスには名前、@、ドメインが必要です (例: hanako@example.com)。空白は使えません。</translation>
    </message>
    <message>
        <source>The name cannot contain &lt; or &gt;.</source>
        <translation>名前に &lt; と &gt; は使えません。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitBranchDialog</name>
    <message>
        <source>C&amp;reate and Switch</source>
        <translation>作成して切り替え(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Check Out</source>
        <translation>チェックアウト(&amp;C)</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>ブランチ</translation>
    </message>
    <message>
        <source>new-branch-name</source>
        <translation>new-branch-name</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>リポジトリ(&amp;R):</translation>
    </message>
    <message>
        <source>New branch from the current one:</source>
        <translation>現在のブランチから新しいブランチを作成:</translation>
    </message>
    <message>
        <source>Local branches</source>
        <translation>ローカルブランチ</translation>
    </message>
    <message>
        <source>%1  (current)</source>
        <translation>%1  (現在)</translation>
    </message>
    <message>
        <source>Remote branches</source>
        <translation>リモートブランチ</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitChangesPanel</name>
    <message>
        <source>modified</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>名前変更</translation>
    </message>
    <message>
        <source>untracked</source>
        <translation>未追跡</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>コンフリクト</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>インデックス</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Read the working trees again</source>
        <translation>作業ツリーを読み込み直します</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Add the selected files to the next commit</source>
        <translation>選択したファイルを次のコミットに追加します</translation>
    </message>
    <message>
        <source>Unstage</source>
        <translation>ステージ解除</translation>
    </message>
    <message>
        <source>Take the selected files out of the next commit</source>
        <translation>選択したファイルを次のコミットから外します</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>コミット…</translation>
    </message>
    <message>
        <source>Commit the changes of the selected repository</source>
        <translation>選択したリポジトリの変更をコミットします</translation>
    </message>
    <message>
        <source>unsaved edits</source>
        <translation>未保存の編集</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>変更なし</translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>変更されたファイル %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>partly staged</source>
        <translation>一部ステージ済み</translation>
    </message>
    <message>
        <source>staged</source>
        <translation>ステージ済み</translation>
    </message>
    <message>
        <source>not staged</source>
        <translation>未ステージ</translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s), %1 with unsaved edits</source>
        <translation>
            <numerusform>変更されたファイル %n 個 (うち %1 個に未保存の編集)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitCloneDialog</name>
    <message>
        <source>Clone</source>
        <translation>クローン</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Clone Repository</source>
        <translation>リポジトリをクローン</translation>
    </message>
    <message>
        <source>https://github.com/org/repo.git, ssh://… or a local path</source>
        <translation>https://github.com/org/repo.git、ssh://… またはローカルパス</translation>
    </message>
    <message>
        <source>An empty or new folder</source>
        <translation>空のフォルダーか新しいフォルダー</translation>
    </message>
    <message>
        <source>Workspace &amp;repository:</source>
        <translation>ワークスペースのリポジトリ(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>クローン先(&amp;D):</translation>
    </message>
    <message>
        <source>%1 (already cloned)</source>
        <translation>%1 (クローン済み)</translation>
    </message>
    <message>
        <source>Another repository</source>
        <translation>別のリポジトリ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitCommitDialog</name>
    <message>
        <source>&amp;Save unsaved edits first</source>
        <translation>先に未保存の編集を保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>コミット(&amp;C)</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>コミット</translation>
    </message>
    <message>
        <source>Summary (one line, what and why)</source>
        <translation>概要 (1 行で、何をなぜ変更したか)</translation>
    </message>
    <message>
        <source>More detail (optional)</source>
        <translation>詳細 (任意)</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>リポジトリ(&amp;R):</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>ブランチ:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作成者:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>概要(&amp;U):</translation>
    </message>
    <message>
        <source>Commit the checked files (Ctrl+Return)</source>
        <translation>チェックしたファイルをコミットします (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Files to commit:</source>
        <translation>コミットするファイル:</translation>
    </message>
    <message>
        <source>(no branch: HEAD is detached)</source>
        <translation>(ブランチなし: HEAD が detached 状態です)</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Nothing to commit: the working tree is clean.</source>
        <translation>コミットするものはありません: 作業ツリーはクリーンです。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save unsaved edits first (%n file(s))</source>
        <translation>
            <numerusform>先に未保存の編集を保存(&amp;S) (%n ファイル)</numerusform>
        </translation>
    </message>
    <message>
        <source>Write a summary first: one line saying what the commit changes.</source>
        <translation>先に概要を書いてください: コミットで何を変更するかを 1 行で。</translation>
    </message>
    <message>
        <source>Check at least one file to commit.</source>
        <translation>コミットするファイルを 1 つ以上チェックしてください。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitFileDiffView</name>
    <message>
        <source>staged (HEAD → index)</source>
        <translation>ステージ済み (HEAD → インデックス)</translation>
    </message>
    <message>
        <source>not staged (index → working tree)</source>
        <translation>未ステージ (インデックス → 作業ツリー)</translation>
    </message>
    <message>
        <source>unsaved edits (disk → editor, not saved yet)</source>
        <translation>未保存の編集 (ディスク → エディター、まだ保存されていません)</translation>
    </message>
    <message>
        <source>No changes: the file is the same in HEAD, the index and the working tree.</source>
        <translation>変更はありません: ファイルは HEAD、インデックス、作業ツリーで同じです。</translation>
    </message>
    <message>
        <source>The editor holds unsaved edits of this file: the last part shows what saving would change; git sees only what is on disk.</source>
        <translation>エディターにこのファイルの未保存の編集があります: 最後の部分は保存した場合の変更です。git が参照するのはディスク上の内容だけです。</translation>
    </message>
    <message>
        <source>Select a file to see its changes.</source>
        <translation>ファイルを選択すると、その変更が表示されます。</translation>
    </message>
    <message>
        <source>%1 — comparing…</source>
        <translation>%1 — 比較中…</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitProgressWidget</name>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Receiving objects: %1 of %2 (%3)</source>
        <translation>オブジェクトを受信中: %1/%2 (%3)</translation>
    </message>
    <message>
        <source>Resolving deltas: %1 of %2 (%3 received)</source>
        <translation>差分を解決中: %1/%2 (%3 受信済み)</translation>
    </message>
    <message>
        <source>Indexing objects: %1 of %2 (%3 received)</source>
        <translation>オブジェクトのインデックスを作成中: %1/%2 (%3 受信済み)</translation>
    </message>
    <message>
        <source>Checking out files: %1 of %2</source>
        <translation>ファイルをチェックアウト中: %1/%2</translation>
    </message>
    <message>
        <source>Sending objects: %1 of %2 (%3)</source>
        <translation>オブジェクトを送信中: %1/%2 (%3)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitPushDialog</name>
    <message>
        <source>&amp;Push</source>
        <translation>プッシュ(&amp;P)</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>These repositories have commits that their remotes do not have. Push which?</source>
        <translation>これらのリポジトリには、リモートにないコミットがあります。どれをプッシュしますか?</translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s)</source>
        <translation>
            <numerusform>%n 件のコミット</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3, a new branch on the remote</source>
        <translation>%1 — %2: %3、リモートに新しいブランチを作成</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>&amp;Push All</source>
        <translation>すべてプッシュ(&amp;P)</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitSettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Git Settings</source>
        <translation>Git 設定</translation>
    </message>
    <message>
        <source>Merge (keep both histories, add a merge commit)</source>
        <translation>マージ (両方の履歴を残し、マージコミットを追加)</translation>
    </message>
    <message>
        <source>Rebase (put your commits on top of the remote&apos;s)</source>
        <translation>リベース (自分のコミットをリモートのコミットの上に積み直す)</translation>
    </message>
    <message>
        <source>Empty fields use git&apos;s own configuration (git config user.name / user.email).</source>
        <translation>空欄の項目には git 自体の設定 (git config user.name / user.email) が使われます。</translation>
    </message>
    <message>
        <source>Author &amp;name:</source>
        <translation>作成者名(&amp;N):</translation>
    </message>
    <message>
        <source>Author &amp;e-mail:</source>
        <translation>作成者のメール(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Pull:</source>
        <translation>プル(&amp;P):</translation>
    </message>
    <message>
        <source>SSH &amp;keys folder:</source>
        <translation>SSH 鍵のフォルダー(&amp;K):</translation>
    </message>
    <message>
        <source>Folder with SSH keys</source>
        <translation>SSH 鍵のあるフォルダー</translation>
    </message>
    <message>
        <source>not set in git config</source>
        <translation>git config で未設定</translation>
    </message>
    <message>
        <source>%1 (from git config)</source>
        <translation>%1 (git config から)</translation>
    </message>
    <message>
        <source>The e-mail address needs a name, an @ and a domain (like ana@example.com), without spaces.</source>
        <translation>メールアドレスには名前、@、ドメインが必要で、空白は使えません (例: ana@example.com)。</translation>
    </message>
    <message>
        <source>The author name cannot contain &lt; or &gt;.</source>
        <translation>作成者名に &lt; や &gt; は使えません。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::GitSignInDialog</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>システムのキーチェーンに記憶する(&amp;R)</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>個人用アクセストークン</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>トークン(&amp;T):</translation>
    </message>
    <message>
        <source>%1

The server %2 wants a token that can read (and, to push, write) the repository. It is sent only to %2 and stored only in the system keychain.</source>
        <translation>%1

サーバー %2 は、リポジトリを読み取れる (プッシュするには書き込める) トークンを求めています。トークンは %2 にのみ送信され、システムのキーチェーンにのみ保存されます。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::MainWindow</name>
    <message>
        <source>Kanri</source>
        <translation>Kanri</translation>
    </message>
    <message>
        <source>Filter services, teams, namespaces…</source>
        <translation>サービス、チーム、Namespace で絞り込み…</translation>
    </message>
    <message>
        <source>Catalog filter</source>
        <translation>カタログの絞り込み</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Rendered diff</source>
        <translation>レンダリング差分</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>ワークスペースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <source>Some files could not be written; your edits are kept.

%1</source>
        <translation>一部のファイルを書き込めませんでした。編集内容は保持されています。

%1</translation>
    </message>
    <message>
        <source>Re&amp;vert All Changes</source>
        <translation>すべての変更を破棄(&amp;V)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Drop every unsaved change?</source>
        <translation>未保存の変更をすべて破棄しますか?</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Filter Catalog</source>
        <translation>カタログを絞り込む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Repository</source>
        <translation>リポジトリ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pull Requests</source>
        <translation>プルリクエスト(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Developers</source>
        <translation>開発者</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>サービス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Developers</source>
        <translation>開発者(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 をやり直す(&amp;R)</translation>
    </message>
    <message>
        <source>%1[*] — Kanri</source>
        <translation>%1[*] — Kanri</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>ワークスペース: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n サービス</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n developer(s)</source>
        <translation>
            <numerusform>開発者 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved file(s)</source>
        <translation>
            <numerusform>未保存のファイル %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>問題 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>閉じる前に変更を保存しますか?</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>エントリ</translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation>ファイルを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>Group Catalog by &amp;Namespace</source>
        <translation>カタログを Namespace でグループ化(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>コンテナ(&amp;C)</translation>
    </message>
    <message>
        <source>Opening the workspace</source>
        <translation>ワークスペースを開いています</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>何も保存していません。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>All Environments: On</source>
        <translation>全環境: オン</translation>
    </message>
    <message>
        <source>All Environments: Off</source>
        <translation>全環境: オフ</translation>
    </message>
    <message>
        <source>Apply Edits to &amp;All Environments: On</source>
        <translation>編集を全環境に適用(&amp;A): オン</translation>
    </message>
    <message>
        <source>Apply Edits to &amp;All Environments: Off</source>
        <translation>編集を全環境に適用(&amp;A): オフ</translation>
    </message>
    <message>
        <source>On: an edit is written into the base and every overlay that overrides it. Click to edit one environment at a time.</source>
        <translation>オン: 編集はベースと、その値を上書きするすべてのオーバーレイに書き込まれます。クリックすると環境ごとの編集に戻ります。</translation>
    </message>
    <message>
        <source>Off: an edit changes only the environment of its cell. Click to write edits into every environment.</source>
        <translation>オフ: 編集はそのセルの環境だけを変更します。クリックすると編集をすべての環境に書き込みます。</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 を元に戻す</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 をやり直す</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>コマンドパレット(&amp;P)…</translation>
    </message>
    <message>
        <source>Group Catalog by &amp;Cluster</source>
        <translation>カタログをクラスター別に表示(&amp;C)</translation>
    </message>
</context>
<context>
    <name>kanri::ui::NewDeveloperWizard</name>
    <message>
        <source>New developer</source>
        <translation>新しい開発者</translation>
    </message>
    <message>
        <source>Who is joining?</source>
        <translation>参加するメンバー</translation>
    </message>
    <message>
        <source>The entry goes into the developers map of the accounts repository. Merging its pull request creates the accounts.</source>
        <translation>エントリはアカウントリポジトリの developers マップに追加されます。そのプルリクエストをマージするとアカウントが作成されます。</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(チームなし)</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>the part of the e-mail address before the @</source>
        <translation>メールアドレスの @ より前の部分</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>ID(&amp;I):</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (必須):</translation>
    </message>
    <message>
        <source>Accounts and rights</source>
        <translation>アカウントと権限</translation>
    </message>
    <message>
        <source>Only what the SRE team declared in the schema can be granted. Choosing a team pre-sets what its services need.</source>
        <translation>付与できるのは SRE チームがスキーマで宣言したものだけです。チームを選ぶと、そのチームのサービスに必要なものがあらかじめ設定されます。</translation>
    </message>
    <message>
        <source>What merging grants</source>
        <translation>マージで付与されるもの</translation>
    </message>
    <message>
        <source>Finish adds the entry as an unsaved edit: it shows in the diff, can be undone, and is committed with the rest of your change.</source>
        <translation>「完了」を押すとエントリが未保存の編集として追加されます。差分に表示され、元に戻すこともでき、ほかの変更と一緒にコミットされます。</translation>
    </message>
    <message>
        <source>Platform rules:</source>
        <translation>プラットフォームルール:</translation>
    </message>
    <message>
        <source>No account or right.</source>
        <translation>アカウントも権限もありません。</translation>
    </message>
    <message>
        <source>The entry breaks no platform rule.</source>
        <translation>このエントリはプラットフォームルールに違反していません。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::NewMicroserviceWizard</name>
    <message>
        <source>New microservice</source>
        <translation>新しいマイクロサービス</translation>
    </message>
    <message>
        <source>A new microservice</source>
        <translation>新しいマイクロサービス</translation>
    </message>
    <message>
        <source>One application is one namespace: the name is also the namespace, the folder under services/ and the entry in the team&apos;s microservices map.</source>
        <translation>1 アプリケーション 1 Namespace です: 名前は Namespace、services/ の下のフォルダー、チームの microservices マップのエントリにもなります。</translation>
    </message>
    <message>
        <source>coupon-api</source>
        <translation>coupon-api</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <source>GKE</source>
        <translation>GKE</translation>
    </message>
    <message>
        <source>EKS</source>
        <translation>EKS</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>クラスター(&amp;C):</translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation>環境:</translation>
    </message>
    <message>
        <source>The container</source>
        <translation>コンテナ</translation>
    </message>
    <message>
        <source>Requests and limits are required by the platform rules; start small, the HPA adds pods.</source>
        <translation>リクエストとリミットはプラットフォームルールで必須です。小さく始めてください。ポッドは HPA が増やします。</translation>
    </message>
    <message>
        <source>Image &amp;registry:</source>
        <translation>イメージレジストリ(&amp;R):</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>イメージ:</translation>
    </message>
    <message>
        <source>First image &amp;tag:</source>
        <translation>最初のイメージタグ(&amp;T):</translation>
    </message>
    <message>
        <source>Container &amp;port:</source>
        <translation>コンテナポート(&amp;P):</translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation>CPU リクエスト:</translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation>メモリリクエスト:</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>CPU リミット:</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>メモリリミット:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Finish adds these as one unsaved edit: review the rendered diff, then commit and open the pull requests.</source>
        <translation>「完了」を押すと、これらが 1 つの未保存の編集として追加されます。レンダリング差分を確認してから、コミットしてプルリクエストを作成してください。</translation>
    </message>
</context>
<context>
    <name>kanri::ui::OffboardWizard</name>
    <message>
        <source>Offboard developer</source>
        <translation>開発者のオフボーディング</translation>
    </message>
    <message>
        <source>Who is leaving?</source>
        <translation>離れるメンバー</translation>
    </message>
    <message>
        <source>Deleting the developers map entry closes the person&apos;s accounts when the pull request is merged. Kanri also looks for every other place that names them.</source>
        <translation>developers マップのエントリを削除すると、プルリクエストのマージ時にその人のアカウントが閉じられます。Kanri はその人の名前が出てくるほかの場所もすべて探します。</translation>
    </message>
    <message>
        <source>&amp;Developer:</source>
        <translation>開発者(&amp;D):</translation>
    </message>
    <message>
        <source>Everywhere they appear</source>
        <translation>登場するすべての場所</translation>
    </message>
    <message>
        <source>Finish removes all of these as one unsaved edit, which you can undo.</source>
        <translation>「完了」を押すと、これらすべてが 1 つの未保存の編集として削除されます。元に戻すこともできます。</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) name %1.</source>
        <translation>
            <numerusform>%n か所に %1 の名前があります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrCreateDialog</name>
    <message>
        <source>Create as draft</source>
        <translation>ドラフトとして作成</translation>
    </message>
    <message>
        <source>Create Pull Request</source>
        <translation>プルリクエストを作成</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>リポジトリ:</translation>
    </message>
    <message>
        <source>Branch (head):</source>
        <translation>ブランチ (head):</translation>
    </message>
    <message>
        <source>Into (base):</source>
        <translation>マージ先 (base):</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;Push the branch first with &lt;b&gt;Repository ▸ Push&lt;/b&gt;, then open this dialog again.</source>
        <translation>%1&lt;br&gt;先に &lt;b&gt;リポジトリ ▸ プッシュ&lt;/b&gt; でブランチをプッシュしてから、このダイアログをもう一度開いてください。</translation>
    </message>
    <message>
        <source>Created pull request #%1: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;</source>
        <translation>プルリクエスト #%1 を作成しました: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A pull request already exists for this branch: &lt;a href=&quot;%2&quot;&gt;#%1&lt;/a&gt; (%2)</source>
        <translation>このブランチのプルリクエストはすでにあります: &lt;a href=&quot;%2&quot;&gt;#%1&lt;/a&gt; (%2)</translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrQueuePanel</name>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Make available offline</source>
        <translation>オフラインで利用可能にする</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation>レビュー依頼あり</translation>
    </message>
    <message>
        <source>Authored by me</source>
        <translation>自分が作成</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>オープンなものすべて</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>リポジトリ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>ブランチ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Fetch the selected pull requests&apos; commits, files and comments so that they can be reviewed without a network</source>
        <translation>選択したプルリクエストのコミット、ファイル、コメントを取得し、ネットワークなしでレビューできるようにします</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>まだ読み込まれていません。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>ドラフト</translation>
    </message>
    <message>
        <source>review requested</source>
        <translation>レビュー依頼あり</translation>
    </message>
    <message>
        <source>offline ✓</source>
        <translation>オフライン ✓</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>保留中 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Online.</source>
        <translation>オンライン。</translation>
    </message>
    <message>
        <source>Offline: showing the pull requests made available offline.</source>
        <translation>オフライン: オフラインで利用可能にしたプルリクエストを表示しています。</translation>
    </message>
    <message>
        <source>GitHub answered with an error:</source>
        <translation>GitHub がエラーを返しました:</translation>
    </message>
</context>
<context>
    <name>kanri::ui::PrReviewWidget</name>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>変更をリクエスト</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>今すぐ投稿</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Your review. Written offline, it is kept and posted when GitHub can be reached.</source>
        <translation>あなたのレビュー。オフラインで書いたものは保存され、GitHub に接続できるようになったら投稿されます。</translation>
    </message>
    <message>
        <source>Rendered diff</source>
        <translation>レンダリング差分</translation>
    </message>
    <message>
        <source>Files changed</source>
        <translation>変更されたファイル</translation>
    </message>
    <message>
        <source>Terraform and findings</source>
        <translation>Terraform と指摘</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>No pull request open.</source>
        <translation>開いているプルリクエストはありません。</translation>
    </message>
    <message>
        <source>Pull request review</source>
        <translation>プルリクエストのレビュー</translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation>#%1 %2 — %3</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>, draft</source>
        <translation>、ドラフト</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; wants to merge &lt;code&gt;%2&lt;/code&gt; into &lt;code&gt;%3&lt;/code&gt; · %4 · &lt;a href=&quot;%5&quot;&gt;%6&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; が &lt;code&gt;%2&lt;/code&gt; を &lt;code&gt;%3&lt;/code&gt; にマージしようとしています · %4 · &lt;a href=&quot;%5&quot;&gt;%6&lt;/a&gt;</translation>
    </message>
    <message>
        <source> · offline copy of %1</source>
        <translation> · %1 時点のオフラインコピー</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (%2 から)</translation>
    </message>
    <message>
        <source>Files changed (%1)</source>
        <translation>変更されたファイル (%1)</translation>
    </message>
    <message>
        <source>the base does not render: %1</source>
        <translation>ベースがレンダリングできません: %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Rendered diff (%1)</source>
        <translation>レンダリング差分 (%1)</translation>
    </message>
    <message>
        <source>Terraform:</source>
        <translation>Terraform:</translation>
    </message>
    <message>
        <source>  no map entries change</source>
        <translation>  マップのエントリに変更はありません</translation>
    </message>
    <message>
        <source>New rule findings:</source>
        <translation>新しいルールの指摘:</translation>
    </message>
    <message>
        <source>  the rules did not run</source>
        <translation>  ルールは実行されませんでした</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  なし</translation>
    </message>
    <message>
        <source>Owners who must review: %1</source>
        <translation>レビューが必要なオーナー: %1</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>注記:</translation>
    </message>
    <message>
        <source>The rendered diff is not available: %1</source>
        <translation>レンダリング差分を利用できません: %1</translation>
    </message>
    <message>
        <source>Nothing waiting to be posted.</source>
        <translation>投稿待ちのものはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n pending: kept on disk and posted when GitHub can be reached.</source>
        <translation>
            <numerusform>保留中 %n 件: ディスクに保存され、GitHub に接続できるようになったら投稿されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(説明なし)</translation>
    </message>
    <message>
        <source>%1 %2%3</source>
        <translation>%1 %2%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on %2:%3: %4</source>
        <translation>%1 (%2:%3): %4</translation>
    </message>
    <message>
        <source>Waiting to be posted:</source>
        <translation>投稿待ち:</translation>
    </message>
    <message>
        <source>Conversation (%1)</source>
        <translation>会話 (%1)</translation>
    </message>
    <message>
        <source>Source diff</source>
        <translation>ソース差分</translation>
    </message>
    <message>
        <source>Double-click a file (or press Enter) to see its source diff. Right-click a line to comment on it.</source>
        <translation>ファイルをダブルクリック（または Enter）するとソース差分を表示します。行を右クリックするとコメントできます。</translation>
    </message>
    <message>
        <source>Comment on Line…</source>
        <translation>行にコメント…</translation>
    </message>
    <message>
        <source>=== %1
(GitHub gives no text diff for this file: binary or too large)</source>
        <translation>=== %1
（GitHub はこのファイルのテキスト差分を提供していません: バイナリか大きすぎます）</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>%1 (in the review&apos;s text): %2</source>
        <translation>%1（レビュー本文に記載）: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n line comment(s), posted with your review:</source>
        <translation>
            <numerusform>行コメント %n 件（レビューと一緒に投稿されます）:</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment on Line</source>
        <translation>行にコメント</translation>
    </message>
    <message>
        <source>Comment on:
%1</source>
        <translation>コメント対象:
%1</translation>
    </message>
    <message>
        <source>Restored your draft review from %1.</source>
        <translation>%1 に保存したレビューの下書きを復元しました。</translation>
    </message>
    <message numerus="yes">
        <source>The pull request changed since: %n line comment(s) may be on a moved line and go into the review&apos;s text.</source>
        <translation>
            <numerusform>その後プルリクエストが更新されました: 行コメント %n 件は行がずれている可能性があるため、レビュー本文に入れて投稿します。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:%2 (the line may have moved; goes into the review&apos;s text): %3</source>
        <translation>%1:%2（行がずれている可能性があるため、レビュー本文に入れます）: %3</translation>
    </message>
</context>
<context>
    <name>kanri::ui::RestoreEditsDialog</name>
    <message>
        <source>Restore Unsaved Edits</source>
        <translation>未保存の編集の復元</translation>
    </message>
    <message numerus="yes">
        <source>Kanri did not close normally the last time this workspace was open. It kept the unsaved edits of %n file(s) (last written %1). Restore them as unsaved edits?</source>
        <translation>
            <numerusform>前回このワークスペースを開いていた Kanri は正常に終了しませんでした。%n ファイルの未保存の編集が残っています (最終書き込み %1)。未保存の編集として復元しますか?</numerusform>
        </translation>
    </message>
    <message>
        <source>This file changed on disk since those edits began.</source>
        <translation>このファイルは、編集を始めた後にディスク上で変更されています。</translation>
    </message>
    <message>
        <source>%1 (changed on disk since)</source>
        <translation>%1 (その後ディスク上で変更あり)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>後で決める(&amp;L)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>to restore</source>
        <translation>復元する内容</translation>
    </message>
</context>
<context>
    <name>kanri::ui::ServiceDetailsPanel</name>
    <message>
        <source>Edit all environments (writes the base)</source>
        <translation>すべての環境を編集 (ベースに書き込みます)</translation>
    </message>
    <message>
        <source>Write an edit into the base, and into every overlay that overrides the field, instead of into the one environment of the cell</source>
        <translation>セルの 1 つの環境ではなく、ベースと、そのフィールドを上書きしているすべてのオーバーレイに編集を書き込みます</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>コンテナ</translation>
    </message>
    <message>
        <source>Select a service to see its containers.</source>
        <translation>サービスを選択すると、そのコンテナが表示されます。</translation>
    </message>
    <message>
        <source>%1 — containers per environment (owner %2)</source>
        <translation>%1 — 環境ごとのコンテナ (オーナー %2)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>kanri::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
</context>
<context>
    <name>kanri::ui::SignInDialog</name>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>ブラウザーで開く</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Sign in to GitHub</source>
        <translation>GitHub にサインイン</translation>
    </message>
    <message>
        <source>waiting for a code…</source>
        <translation>コードを待っています…</translation>
    </message>
    <message>
        <source>Code copied. Paste it at the page, then come back here.</source>
        <translation>コードをコピーしました。ページに貼り付けてから、ここに戻ってください。</translation>
    </message>
    <message>
        <source>Kanri signs in to &lt;b&gt;%1&lt;/b&gt; with GitHub&apos;s device flow: you type a short code at a GitHub page and approve access there. Kanri never sees your password.</source>
        <translation>Kanri は GitHub のデバイスフローで &lt;b&gt;%1&lt;/b&gt; にサインインします: GitHub のページで短いコードを入力し、そこでアクセスを承認します。Kanri がパスワードを見ることはありません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Enter the code at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; でコードを入力してください</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for you to approve (the code expires in %n minute(s))…</source>
        <translation>
            <numerusform>承認を待っています (コードの有効期限は %n 分)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for you to approve; asking GitHub every %n second(s)…</source>
        <translation>
            <numerusform>承認を待っています。%n 秒ごとに GitHub に確認しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>サインインしました。</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>%1 としてサインインしました。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>サインインしていません: %1</translation>
    </message>
</context>
<context>
    <name>kanri::ui::SourceEditor</name>
    <message>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>ソーステキスト</translation>
    </message>
    <message>
        <source>Double-click a line of the rendered diff, or use File › Open File… (Ctrl+P), to see its source here.</source>
        <translation>レンダリング差分の行をダブルクリックするか、ファイル › ファイルを開く… (Ctrl+P) を使うと、ここにソースが表示されます。</translation>
    </message>
    <message>
        <source>Syntax error</source>
        <translation>構文エラー</translation>
    </message>
    <message>
        <source>Find in file</source>
        <translation>ファイル内を検索</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>line[:column]</source>
        <translation>行[:列]</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>行へ移動</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>行へ移動:</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>ファイルが開かれていません</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(未保存)</translation>
    </message>
    <message>
        <source>owned by %1: changes need their review</source>
        <translation>%1 の所有: 変更にはそのチームのレビューが必要です</translation>
    </message>
    <message>
        <source>Typing in %1</source>
        <translation>%1 での入力</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>%1 行 %2 列: %3</translation>
    </message>
</context>
<context>
    <name>kanri::ui::TfImpactView</name>
    <message>
        <source>Terraform impact</source>
        <translation>Terraform への影響</translation>
    </message>
    <message>
        <source>Show or hide the Terraform instances this change adds, removes and updates</source>
        <translation>この変更で追加・削除・更新される Terraform インスタンスの表示と非表示を切り替えます</translation>
    </message>
    <message>
        <source>Terraform instances</source>
        <translation>Terraform インスタンス</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 を %2 へ移動</translation>
    </message>
    <message>
        <source>Not evaluated offline (their instances are not listed):</source>
        <translation>オフラインで評価できなかったもの（そのインスタンスは一覧にありません）:</translation>
    </message>
    <message numerus="yes">
        <source>%n not evaluated</source>
        <translation>
            <numerusform>%n 件は未評価</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: evaluating the Terraform instances…</source>
        <translation>%1: Terraform インスタンスを評価しています…</translation>
    </message>
    <message>
        <source>%1: %2 (the Terraform files could not be evaluated)</source>
        <translation>%1: %2（Terraform ファイルを評価できませんでした）</translation>
    </message>
</context>
<context>
    <name>kanri::ui::WizardPreview</name>
    <message>
        <source>new      </source>
        <translation>新規     </translation>
    </message>
    <message>
        <source>changed  </source>
        <translation>変更     </translation>
    </message>
</context>
<context>
    <name>kanri::ui::WizardPublishDialog</name>
    <message>
        <source>Commit, Push and Open Pull Requests</source>
        <translation>コミット、プッシュしてプルリクエストを作成</translation>
    </message>
    <message>
        <source>%1: the files are saved, committed on a new branch in each repository and pushed; the pull requests link to each other.</source>
        <translation>%1: ファイルを保存し、各リポジトリの新しいブランチにコミットしてプッシュします。プルリクエストは相互にリンクされます。</translation>
    </message>
    <message>
        <source>%1: the files are saved, committed on a new branch and pushed.</source>
        <translation>%1: ファイルを保存し、新しいブランチにコミットしてプッシュします。</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>ブランチ(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Commit message:</source>
        <translation>コミットメッセージ(&amp;C):</translation>
    </message>
    <message>
        <source>Pull request &amp;title:</source>
        <translation>プルリクエストのタイトル(&amp;T):</translation>
    </message>
    <message>
        <source>Pull request b&amp;ody:</source>
        <translation>プルリクエストの本文(&amp;O):</translation>
    </message>
    <message>
        <source>Open &amp;pull requests on GitHub</source>
        <translation>GitHub でプルリクエストを作成(&amp;P)</translation>
    </message>
    <message>
        <source>Commit and &amp;Push</source>
        <translation>コミットしてプッシュ(&amp;P)</translation>
    </message>
    <message>
        <source>The commit needs a message.</source>
        <translation>コミットメッセージを入力してください。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Each new branch starts from the remote&apos;s default branch, fetched first, so the pull request holds only this change even when you are on another branch. Your other local changes stay in the working tree; if they are in the way, nothing is done and you are told why.</source>
        <translation>新しいブランチはそれぞれ、先にフェッチしたリモートのデフォルトブランチから開始します。そのため、別のブランチで作業中でもプルリクエストにはこの変更だけが含まれます。ほかのローカルの変更は作業ツリーに残ります。それらが妨げになる場合は何も行わず、その理由を表示します。</translation>
    </message>
</context>
<context>
    <name>kanri::yaml</name>
    <message>
        <source>there is no document %1</source>
        <translation>ドキュメント %1 はありません</translation>
    </message>
    <message>
        <source>%1 goes through an alias; edit the anchored node instead</source>
        <translation>%1 はエイリアスを経由しています。アンカーの付いたノードを編集してください</translation>
    </message>
    <message>
        <source>document is too large (%1 bytes, limit %2)</source>
        <translation>ドキュメントが大きすぎます (%1 バイト、上限 %2)</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>制御文字は使えません</translation>
    </message>
    <message>
        <source>invalid leading UTF-8 octet</source>
        <translation>UTF-8 の先頭バイトが不正です</translation>
    </message>
    <message>
        <source>incomplete UTF-8 octet sequence</source>
        <translation>UTF-8 のバイト列が途中で切れています</translation>
    </message>
    <message>
        <source>invalid trailing UTF-8 octet</source>
        <translation>UTF-8 の後続バイトが不正です</translation>
    </message>
    <message>
        <source>invalid length of a UTF-8 sequence</source>
        <translation>UTF-8 のバイト列の長さが不正です</translation>
    </message>
    <message>
        <source>invalid Unicode character</source>
        <translation>不正な Unicode 文字です</translation>
    </message>
    <message>
        <source>found unexpected end of stream (a quoted scalar is not closed)</source>
        <translation>予期しないストリームの終わりです (引用符で囲んだスカラーが閉じていません)</translation>
    </message>
    <message>
        <source>invalid document separator: %1</source>
        <translation>無効なドキュメント区切りです: %1</translation>
    </message>
</context>
<context>
    <name>kanri::yaml::Builder</name>
    <message>
        <source>recursive or unknown alias</source>
        <translation>再帰的または不明なエイリアス</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>ネストが %1 階層を超えています</translation>
    </message>
    <message>
        <source>aliases expand to more than %1 nodes (an alias bomb?)</source>
        <translation>エイリアスを展開すると %1 ノードを超えます (エイリアス爆弾?)</translation>
    </message>
    <message>
        <source>document expands to too many nodes (alias bomb?)</source>
        <translation>ドキュメントを展開するとノードが多すぎます (エイリアス爆弾?)</translation>
    </message>
    <message>
        <source>document is nested too deeply (more than %1 levels)</source>
        <translation>ドキュメントのネストが深すぎます (%1 階層超)</translation>
    </message>
    <message>
        <source>document has too many nodes</source>
        <translation>ドキュメントのノードが多すぎます</translation>
    </message>
    <message>
        <source>found unexpected end of stream (a quoted scalar is not closed)</source>
        <translation>予期しないストリームの終わりです (引用符で囲んだスカラーが閉じていません)</translation>
    </message>
    <message>
        <source>mapping key &quot;%1&quot; already defined at line %2</source>
        <translation>マッピングのキー &quot;%1&quot; は %2 行目ですでに定義されています</translation>
    </message>
    <message>
        <source>an alias refers to the collection that contains it</source>
        <translation>エイリアスが、自身を含むコレクションを参照しています</translation>
    </message>
    <message>
        <source>map merge requires map or sequence of maps as the value</source>
        <translation>マップのマージには、値としてマップまたはマップのシーケンスが必要です</translation>
    </message>
    <message>
        <source>did not find expected &lt;document start&gt;</source>
        <translation>期待した &lt;document start&gt; (---) が見つかりません</translation>
    </message>
    <message>
        <source>did not find expected node content</source>
        <translation>期待したノードの内容が見つかりません</translation>
    </message>
    <message>
        <source>document is nested too deeply</source>
        <translation>ドキュメントのネストが深すぎます</translation>
    </message>
</context>
<context>
    <name>kanri::yaml::YamlDocument</name>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>ファイルが %1 MiB を超えています</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>%1 が見つかりません</translation>
    </message>
    <message>
        <source>%1 is not a scalar</source>
        <translation>%1 はスカラーではありません</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>スカラー</translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation>シーケンス</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>マッピング</translation>
    </message>
    <message>
        <source>an alias</source>
        <translation>エイリアス</translation>
    </message>
    <message>
        <source>editing %1 would break the file (%2); nothing was changed</source>
        <translation>%1 を編集するとファイルが壊れます (%2)。何も変更していません</translation>
    </message>
    <message>
        <source>editing %1 did not give the expected result; nothing was changed</source>
        <translation>%1 を編集しても期待した結果になりませんでした。何も変更していません</translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation>ドキュメントが空です</translation>
    </message>
    <message>
        <source>%1 is %2, not a scalar</source>
        <translation>%1 は %2 で、スカラーではありません</translation>
    </message>
    <message>
        <source>cannot write a block scalar at %1</source>
        <translation>%1 にブロックスカラーを書き込めません</translation>
    </message>
    <message>
        <source>there is no document %1</source>
        <translation>ドキュメント %1 はありません</translation>
    </message>
    <message>
        <source>%1 not found (only missing mapping keys are created)</source>
        <translation>%1 が見つかりません (作成されるのは存在しないマッピングキーだけです)</translation>
    </message>
    <message>
        <source>cannot add %1: %2 is %3</source>
        <translation>%1 を追加できません: %2 は %3 です</translation>
    </message>
    <message>
        <source>replacing the root of a document is not supported</source>
        <translation>ドキュメントのルートの置き換えには対応していません</translation>
    </message>
    <message>
        <source>cannot remove the root of a document</source>
        <translation>ドキュメントのルートは削除できません</translation>
    </message>
    <message>
        <source>cannot remove %1: unusual layout</source>
        <translation>%1 を削除できません: 通常と異なるレイアウトです</translation>
    </message>
    <message>
        <source>%1 is %2, not a sequence</source>
        <translation>%1 は %2 で、シーケンスではありません</translation>
    </message>
    <message>
        <source>%1 has only %2 items</source>
        <translation>%1 には項目が %2 個しかありません</translation>
    </message>
    <message>
        <source>the text changed since this edit; it cannot be applied</source>
        <translation>この編集の後にテキストが変更されたため、適用できません</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>ファイル</translation>
    </message>
</context>
</TS>
