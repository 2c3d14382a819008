<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>GraphQl</name>
    <message>
        <source>fragments are not supported by the sandbox</source>
        <translation>fragment はサンドボックスではサポートされていません</translation>
    </message>
    <message>
        <source>directives are not supported by the sandbox</source>
        <translation>directive はサンドボックスではサポートされていません</translation>
    </message>
    <message>
        <source>Must provide an operation.</source>
        <translation>操作を指定してください。</translation>
    </message>
    <message>
        <source>Must provide operation name if query contains multiple operations.</source>
        <translation>クエリに複数の操作が含まれる場合は、操作名を指定してください。</translation>
    </message>
    <message>
        <source>Unknown operation named &quot;%1&quot;.</source>
        <translation>「%1」という名前の操作は不明です。</translation>
    </message>
    <message>
        <source>Syntax Error: %1 (line %2, column %3).</source>
        <translation>構文エラー: %1（%2 行目、%3 列目）。</translation>
    </message>
    <message>
        <source>Unexpected &quot;.&quot;, did you mean &quot;...&quot;?</source>
        <translation>想定外の「.」です。「...」の誤りではありませんか？</translation>
    </message>
    <message>
        <source>Unexpected character &quot;%1&quot;</source>
        <translation>想定外の文字「%1」</translation>
    </message>
    <message>
        <source>Invalid number, unexpected digit after 0</source>
        <translation>無効な数値です。0 の後に数字は続けられません</translation>
    </message>
    <message>
        <source>Invalid number, expected digit</source>
        <translation>無効な数値です。数字が必要です</translation>
    </message>
    <message>
        <source>Invalid number, unexpected character &quot;%1&quot;</source>
        <translation>無効な数値です。想定外の文字「%1」があります</translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence</source>
        <translation>無効な Unicode エスケープシーケンス</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>文字列が閉じられていません</translation>
    </message>
    <message>
        <source>Invalid character escape sequence</source>
        <translation>無効な文字エスケープシーケンス</translation>
    </message>
    <message>
        <source>Document is nested too deeply</source>
        <translation>ドキュメントの入れ子が深すぎます</translation>
    </message>
    <message>
        <source>Expected %1, found %2</source>
        <translation>%1 が必要ですが、%2 が見つかりました</translation>
    </message>
    <message>
        <source>Unexpected variable in a constant value</source>
        <translation>定数値に変数は使用できません</translation>
    </message>
    <message>
        <source>type extensions are not supported by the sandbox</source>
        <translation>型拡張はサンドボックスではサポートされていません</translation>
    </message>
    <message>
        <source>Unexpected Name &quot;%1&quot;</source>
        <translation>想定外の名前「%1」</translation>
    </message>
    <message>
        <source>There can be only one type named &quot;%1&quot;</source>
        <translation>「%1」という名前の型は 1 つしか定義できません</translation>
    </message>
    <message>
        <source>Unknown type &quot;%1&quot; referenced by &quot;%2&quot;</source>
        <translation>「%2」が参照している型「%1」は不明です</translation>
    </message>
    <message>
        <source>Int cannot represent non-integer value: %1</source>
        <translation>Int は整数以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>Int cannot represent non 32-bit signed integer value: %1</source>
        <translation>Int は 32 ビット符号付き整数以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>Float cannot represent non numeric value: %1</source>
        <translation>Float は数値以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>String cannot represent a non string value: %1</source>
        <translation>String は文字列以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>Boolean cannot represent a non boolean value: %1</source>
        <translation>Boolean はブール値以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>ID cannot represent a non-string and non-integer value: %1</source>
        <translation>ID は文字列と整数以外の値を表せません: %1</translation>
    </message>
    <message>
        <source>ID cannot represent value: %1</source>
        <translation>ID はこの値を表せません: %1</translation>
    </message>
    <message>
        <source>This anonymous operation must be the only defined operation.</source>
        <translation>この匿名操作は、定義された唯一の操作である必要があります。</translation>
    </message>
    <message>
        <source>There can be only one operation named &quot;%1&quot;.</source>
        <translation>「%1」という名前の操作は 1 つしか定義できません。</translation>
    </message>
    <message>
        <source>Schema is not configured to execute %1 operation.</source>
        <translation>スキーマは %1 操作を実行するように構成されていません。</translation>
    </message>
    <message>
        <source>There can be only one variable named &quot;$%1&quot;.</source>
        <translation>「$%1」という名前の変数は 1 つしか定義できません。</translation>
    </message>
    <message>
        <source>Unknown type &quot;%1&quot;.</source>
        <translation>型「%1」は不明です。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; cannot be non-input type &quot;%2&quot;.</source>
        <translation>変数「$%1」に入力型ではない型「%2」は指定できません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is never used.</source>
        <translation>変数「$%1」は使用されていません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is never used in operation &quot;%2&quot;.</source>
        <translation>変数「$%1」は操作「%2」で使用されていません。</translation>
    </message>
    <message>
        <source>Unknown argument &quot;%1&quot; on field &quot;%2.__typename&quot;.</source>
        <translation>フィールド「%2.__typename」に不明な引数「%1」があります。</translation>
    </message>
    <message>
        <source>Field &quot;__typename&quot; must not have a selection since type &quot;String!&quot; has no subfields.</source>
        <translation>型「String!」にはサブフィールドがないため、フィールド「__typename」に選択セットを指定することはできません。</translation>
    </message>
    <message>
        <source>Cannot query field &quot;%1&quot; on type &quot;%2&quot;.</source>
        <translation>型「%2」のフィールド「%1」はクエリできません。</translation>
    </message>
    <message>
        <source>There can be only one argument named &quot;%1&quot;.</source>
        <translation>「%1」という名前の引数は 1 つしか指定できません。</translation>
    </message>
    <message>
        <source>Unknown argument &quot;%1&quot; on field &quot;%2.%3&quot;.</source>
        <translation>フィールド「%2.%3」に不明な引数「%1」があります。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; argument &quot;%2&quot; of type &quot;%3&quot; is required, but it was not provided.</source>
        <translation>フィールド「%1」の型「%3」の引数「%2」は必須ですが、指定されていません。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must not have a selection since type &quot;%2&quot; has no subfields.</source>
        <translation>型「%2」にはサブフィールドがないため、フィールド「%1」に選択セットを指定することはできません。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of type &quot;%2&quot; must have a selection of subfields. Did you mean &quot;%1 { ... }&quot;?</source>
        <translation>型「%2」のフィールド「%1」にはサブフィールドの選択セットが必要です。「%1 { ... }」の誤りではありませんか？</translation>
    </message>
    <message>
        <source>Fields &quot;%1&quot; conflict because &quot;%2&quot; and &quot;%3&quot; are different fields. Use different aliases on the fields to fetch both if this was intentional.</source>
        <translation>「%2」と「%3」は異なるフィールドのため、フィールド「%1」が競合しています。意図して両方を取得する場合は、それぞれに異なるエイリアスを使用してください。</translation>
    </message>
    <message>
        <source>Fields &quot;%1&quot; conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.</source>
        <translation>引数が異なるため、フィールド「%1」が競合しています。意図して両方を取得する場合は、それぞれに異なるエイリアスを使用してください。</translation>
    </message>
    <message>
        <source>Expected value of type &quot;%1&quot;, found null.</source>
        <translation>型「%1」の値が必要ですが、null が見つかりました。</translation>
    </message>
    <message>
        <source>Enum &quot;%1&quot; cannot represent non-enum value: %2.</source>
        <translation>Enum「%1」は enum 以外の値を表せません: %2。</translation>
    </message>
    <message>
        <source>Value &quot;%1&quot; does not exist in &quot;%2&quot; enum.</source>
        <translation>値「%1」は enum「%2」に存在しません。</translation>
    </message>
    <message>
        <source>Expected value of type &quot;%1&quot;, found %2.</source>
        <translation>型「%1」の値が必要ですが、%2 が見つかりました。</translation>
    </message>
    <message>
        <source>There can be only one input field named &quot;%1&quot;.</source>
        <translation>「%1」という名前の入力フィールドは 1 つしか指定できません。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; is not defined by type &quot;%2&quot;.</source>
        <translation>フィールド「%1」は型「%2」で定義されていません。</translation>
    </message>
    <message>
        <source>Field &quot;%1.%2&quot; of required type &quot;%3&quot; was not provided.</source>
        <translation>必須の型「%3」のフィールド「%1.%2」が指定されていません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is not defined.</source>
        <translation>変数「$%1」は定義されていません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is not defined by operation &quot;%2&quot;.</source>
        <translation>変数「$%1」は操作「%2」で定義されていません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of type &quot;%2&quot; used in position expecting type &quot;%3&quot;.</source>
        <translation>型「%2」の変数「$%1」が、型「%3」を想定する位置で使用されています。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of required type &quot;%2&quot; was not provided.</source>
        <translation>必須の型「%2」の変数「$%1」が指定されていません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of non-null type &quot;%2&quot; must not be null.</source>
        <translation>null 非許容の型「%2」の変数「$%1」に null は指定できません。</translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; got invalid value %2; %3</source>
        <translation>変数「$%1」に無効な値 %2 が指定されました。%3</translation>
    </message>
    <message>
        <source>Expected non-nullable type &quot;%1&quot; not to be null.</source>
        <translation>null 非許容の型「%1」に null は指定できません。</translation>
    </message>
    <message>
        <source>Enum &quot;%1&quot; cannot represent non-string value: %2.</source>
        <translation>Enum「%1」は文字列以外の値を表せません: %2。</translation>
    </message>
    <message>
        <source>Expected type &quot;%1&quot; to be an object.</source>
        <translation>型「%1」はオブジェクトである必要があります。</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of required type &quot;%2&quot; was not provided.</source>
        <translation>必須の型「%2」のフィールド「%1」が指定されていません。</translation>
    </message>
</context>
<context>
    <name>SandboxAccount</name>
    <message>
        <source>Provide the user&apos;s id or email.</source>
        <translation>ユーザーの ID またはメールアドレスを指定してください。</translation>
    </message>
    <message>
        <source>No user with this id exists in the account.</source>
        <translation>この ID のユーザーはアカウントに存在しません。</translation>
    </message>
    <message>
        <source>No user with this email exists in the account.</source>
        <translation>このメールアドレスのユーザーはアカウントに存在しません。</translation>
    </message>
    <message>
        <source>The id and the email belong to different users.</source>
        <translation>ID とメールアドレスが別々のユーザーのものです。</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 には %2～%3 の整数を指定してください。「%4」は指定できません。</translation>
    </message>
    <message>
        <source>Runs a local Roadmunk GraphQL sandbox with a synthetic account.</source>
        <translation>Roadmunk GraphQL のローカルサンドボックスを合成アカウントで実行します。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1; 0 picks a free one.</source>
        <translation>127.0.0.1 上のポート。0 を指定すると空いているポートを使用します。</translation>
    </message>
    <message>
        <source>Number of users in the account.</source>
        <translation>アカウントのユーザー数。</translation>
    </message>
    <message>
        <source>Seed of the synthetic data and the generated token.</source>
        <translation>合成データと生成されるトークンのシード。</translation>
    </message>
    <message>
        <source>Most rows served per page.</source>
        <translation>1 ページで返す最大行数。</translation>
    </message>
    <message>
        <source>Delay added to every response.</source>
        <translation>すべての応答に加える遅延。</translation>
    </message>
    <message>
        <source>API token to accept; generated when omitted.</source>
        <translation>受け付ける API トークン。省略すると生成されます。</translation>
    </message>
    <message>
        <source>A second token that lacks the Account Admin role.</source>
        <translation>Account Admin ロールを持たない 2 つ目のトークン。</translation>
    </message>
    <message>
        <source>Inject a fault into the Nth GraphQL request (every request without @N); repeatable, the first that matches applies. MODE is an HTTP status (400-599, e.g. 401, 500, 502, 503), 429[:SECONDS] or 429-date[:SECONDS] (Retry-After in seconds or as an HTTP date), reset (close the connection unanswered), stall (never answer), trickle[:MS] (one byte every MS), malformed (200 with broken JSON), partial (200 with data and errors), redirect-host[:URL] or redirect-http[:URL] (307 elsewhere).</source>
        <translation>N 番目の GraphQL リクエストに障害を注入します（@N を付けない場合はすべてのリクエスト）。複数指定でき、最初に一致したものが適用されます。MODE には、HTTP ステータス（400～599。例: 401、500、502、503）、429[:SECONDS] または 429-date[:SECONDS]（Retry-After を秒数または HTTP 日付で返す）、reset（応答せずに接続を切断）、stall（応答しない）、trickle[:MS]（MS ミリ秒ごとに 1 バイトずつ返す）、malformed（壊れた JSON で 200 を返す）、partial（data と errors の両方を含む 200 を返す）、redirect-host[:URL] または redirect-http[:URL]（別の場所への 307 を返す）のいずれかを指定します。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>想定外の引数「%1」があります。</translation>
    </message>
    <message>
        <source>--%1 must be a non-empty token without spaces.</source>
        <translation>--%1 には空白を含まない空でないトークンを指定してください。</translation>
    </message>
    <message>
        <source>The sandbox needs a running application object.</source>
        <translation>サンドボックスの実行には、実行中のアプリケーションオブジェクトが必要です。</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 port %1: it is in use or not permitted.</source>
        <translation>127.0.0.1 のポート %1 で待ち受けできません。使用中か、許可されていません。</translation>
    </message>
    <message>
        <source>Roadmunk sandbox with %1 users. Press Ctrl+C to stop.</source>
        <translation>%1 ユーザーの Roadmunk サンドボックスを実行しています。Ctrl+C で停止します。</translation>
    </message>
    <message>
        <source>Injecting fault %1.</source>
        <translation>障害 %1 を注入します。</translation>
    </message>
    <message>
        <source>Answer with hostile but well-formed data; repeatable, names may be joined by commas. NAME is dates=FORMAT (how lastLogin, archivedOn and restoredOn are sent: mixed, iso, iso-offset, epoch-ms, epoch-s, rfc1123 or garbage), endless (listings never end), ignore-offset (always the first page, hasMore true), empty-users (no users), hasmore-string (hasMore as &quot;true&quot; or &quot;false&quot;), duplicate-ids (a user twice in a page), huge-ids (user ids as numbers above 2^53), oversized[:MIB] (answers padded to MIB MiB, default 50), deactivate-false (deactivateUser answers false and does nothing) or shrink[:PERCENT] (the users listing leaves out PERCENT %, default 25). Tests change them at run time with POST /sandbox/anomalies.</source>
        <translation>形式は正しいが敵対的なデータで応答します。複数指定でき、名前はカンマでつなげられます。NAME には、dates=FORMAT（lastLogin、archivedOn、restoredOn の送信形式: mixed、iso、iso-offset、epoch-ms、epoch-s、rfc1123、garbage）、endless（一覧が終わらない）、ignore-offset（常に最初のページを返し hasMore は true）、empty-users（ユーザーなし）、hasmore-string（hasMore を &quot;true&quot; または &quot;false&quot; の文字列で返す）、duplicate-ids（1 ページに同じユーザーが 2 回）、huge-ids（ユーザー ID を 2^53 を超える数値で返す）、oversized[:MIB]（応答を MIB MiB まで水増し、既定 50）、deactivate-false（deactivateUser が false を返し何もしない）、shrink[:PERCENT]（ユーザー一覧から PERCENT % を除く、既定 25）のいずれかを指定します。テストからは POST /sandbox/anomalies で実行中に変更できます。</translation>
    </message>
    <message>
        <source>Anomalies: %1.</source>
        <translation>異常モード: %1。</translation>
    </message>
</context>
<context>
    <name>SandboxControl</name>
    <message>
        <source>Method not allowed: use GET.</source>
        <translation>許可されていないメソッドです。GET を使用してください。</translation>
    </message>
    <message>
        <source>Method not allowed: use GET or POST.</source>
        <translation>許可されていないメソッドです。GET または POST を使用してください。</translation>
    </message>
    <message>
        <source>Send a JSON object with the user&apos;s id, and an email or a lastLogin (ISO-8601 or null) to change.</source>
        <translation>ユーザーの id と、変更する email または lastLogin（ISO-8601 または null）を含む JSON オブジェクトを送信してください。</translation>
    </message>
    <message>
        <source>No user with this id exists in the account.</source>
        <translation>この ID のユーザーはアカウントに存在しません。</translation>
    </message>
    <message>
        <source>Send a JSON list of anomaly names.</source>
        <translation>異常モード名の JSON 配列を送信してください。</translation>
    </message>
</context>
<context>
    <name>SandboxExecutor</name>
    <message>
        <source>Forbidden: this API token lacks the Account Admin role</source>
        <translation>禁止: この API トークンには Account Admin ロールがありません</translation>
    </message>
    <message>
        <source>The sandbox does not serve &quot;%1&quot;.</source>
        <translation>サンドボックスは「%1」を提供していません。</translation>
    </message>
    <message>
        <source>limit must be between 0 and %1, got %2.</source>
        <translation>limit は 0～%1 の範囲で指定してください（指定値: %2）。</translation>
    </message>
    <message>
        <source>offset must not be negative, got %1.</source>
        <translation>offset に負の値は指定できません（指定値: %1）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Print the version.</source>
        <translation>バージョンを表示します。</translation>
    </message>
    <message>
        <source>Start with the built-in Roadmunk sandbox and demo data.</source>
        <translation>組み込みの Roadmunk サンドボックスとデモデータで起動します。</translation>
    </message>
    <message>
        <source>Use DIR for the database instead of the default.</source>
        <translation>データベースに既定の場所ではなく DIR を使用します。</translation>
    </message>
    <message>
        <source>Use this language (en, ja) instead of the system&apos;s.</source>
        <translation>システムの言語ではなく、指定した言語（en、ja）を使用します。</translation>
    </message>
    <message>
        <source>Roadmunk SAM: reclaim unused Roadmunk seats.

Without a command, starts the desktop app. Commands: %1 (run `roadmunk-sam COMMAND --help`).</source>
        <translation>Roadmunk SAM: 未使用の Roadmunk シートを回収します。

コマンドを付けずに起動するとデスクトップアプリが開きます。コマンド: %1（各コマンドの使い方は `roadmunk-sam COMMAND --help`）。</translation>
    </message>
    <message>
        <source>Use the team database at URL (postgresql://USER@HOST:PORT/DBNAME) instead of the data folder.</source>
        <translation>データフォルダーの代わりに URL（postgresql://USER@HOST:PORT/DBNAME）のチームデータベースを使用します。</translation>
    </message>
    <message>
        <source>Give --database alone: not with --data-dir, and not with --demo (its own data folder).</source>
        <translation>--database は単独で指定してください。--data-dir とも、独自のデータフォルダーを使う --demo とも併用できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Activity</name>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Roadmap archived</source>
        <translation>ロードマップのアーカイブ</translation>
    </message>
    <message>
        <source>Roadmap restored</source>
        <translation>ロードマップの復元</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Never logged in</source>
        <translation>ログイン履歴なし</translation>
    </message>
    <message>
        <source>Invited, pending</source>
        <translation>招待済み（保留中）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <source>Inactive since %1 or earlier</source>
        <translation>%1 以前から非アクティブ</translation>
    </message>
</context>
<context>
    <name>rmsam::CandidateCheck</name>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Re-checked in Roadmunk:
%1</source>
        <translation>Roadmunk で再確認しました:
%1</translation>
    </message>
    <message>
        <source>Roadmunk no longer knows this user.</source>
        <translation>Roadmunk はこのユーザーをもう認識していません。</translation>
    </message>
    <message>
        <source>Roadmunk lists the user: %1, role %2, last login %3.</source>
        <translation>Roadmunk にユーザーがあります: %1、ロール %2、最終ログイン %3。</translation>
    </message>
    <message>
        <source>unreadable (%1)</source>
        <translation>読み取れません（%1）</translation>
    </message>
    <message>
        <source>The email differs from the candidate&apos;s (%1): check that this is the same person.</source>
        <translation>メールアドレスが候補のもの（%1）と異なります。同じ人物であることを確認してください。</translation>
    </message>
    <message>
        <source>No User report is attached, so whether the user is active is not known: attach a new one.</source>
        <translation>ユーザーレポートが添付されていないため、ユーザーがアクティブかどうか分かりません。新しいレポートを添付してください。</translation>
    </message>
    <message>
        <source>The User report of %1 lists the user as active.</source>
        <translation>%1 の ユーザーレポートでは、ユーザーはアクティブです。</translation>
    </message>
    <message>
        <source>The User report of %1 does not list the user as active.</source>
        <translation>%1 の ユーザーレポートでは、ユーザーはアクティブではありません。</translation>
    </message>
    <message>
        <source>Roadmunk SAM deactivated this user.</source>
        <translation>Roadmunk SAM がこのユーザーを無効化しました。</translation>
    </message>
    <message>
        <source>Roadmunk SAM sent a deactivation for this user whose outcome it does not know; it never sends another. If the user is still active in Roadmunk, deactivate them there by hand, then close the candidate.</source>
        <translation>Roadmunk SAM はこのユーザーの無効化を送信しましたが、結果が分かりません。再度送信することはありません。Roadmunk でユーザーがまだアクティブなら、Roadmunk で手動で無効化してから候補をクローズしてください。</translation>
    </message>
</context>
<context>
    <name>rmsam::CandidatesPanel</name>
    <message>
        <source>Preview who would be deactivated, then confirm</source>
        <translation>無効化されるユーザーをプレビューしてから確定します</translation>
    </message>
    <message>
        <source>Rule and &amp;entitlements…</source>
        <translation>ルールとエンタイトルメント(&amp;E)…</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>スキップ(&amp;K)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>クローズ(&amp;L)</translation>
    </message>
    <message>
        <source>User &amp;releases it</source>
        <translation>ユーザーが返却(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Approve keeping</source>
        <translation>保持を承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Decline keeping</source>
        <translation>保持を却下(&amp;D)</translation>
    </message>
    <message>
        <source>Work note</source>
        <translation>作業メモ</translation>
    </message>
    <message>
        <source>Note for the candidate&apos;s history (optional):</source>
        <translation>候補の履歴に残すメモ（任意）:</translation>
    </message>
    <message>
        <source>Removal candidate</source>
        <translation>削除候補</translation>
    </message>
    <message>
        <source>Add work &amp;note…</source>
        <translation>作業メモを追加(&amp;N)…</translation>
    </message>
    <message>
        <source>Notice to &amp;user…</source>
        <translation>ユーザーへの通知(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;View history…</source>
        <translation>履歴を表示(&amp;V)…</translation>
    </message>
    <message>
        <source>Select a profile.</source>
        <translation>プロファイルを選択してください。</translation>
    </message>
    <message>
        <source>Select a removal candidate first.</source>
        <translation>先に削除候補を選択してください。</translation>
    </message>
    <message>
        <source>Add work note</source>
        <translation>作業メモの追加</translation>
    </message>
    <message>
        <source>Work note:</source>
        <translation>作業メモ:</translation>
    </message>
    <message>
        <source>Notice to %1</source>
        <translation>%1 への通知</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>宛先: %1
件名: %2

%3</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>メールアプリで開く(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>Send this to the user, then record the answer with &quot;User keeps it&quot; or &quot;User releases it&quot;. Without an answer in %n day(s), the seat is reclaimed.</source>
        <translation>
            <numerusform>これをユーザーに送信し、回答を「ユーザーが保持」または「ユーザーが返却」で記録してください。%n 日以内に回答がない場合、シートは回収されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 の履歴</translation>
    </message>
    <message>
        <source>At</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>work note</source>
        <translation>作業メモ</translation>
    </message>
    <message>
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Reclamation rule</source>
        <translation>回収ルール</translation>
    </message>
    <message>
        <source>Mark for re&amp;claim</source>
        <translation>回収の対象にする(&amp;C)</translation>
    </message>
    <message>
        <source>Reclai&amp;m…</source>
        <translation>回収(&amp;M)…</translation>
    </message>
    <message>
        <source>User keeps i&amp;t</source>
        <translation>ユーザーが保持(&amp;T)</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>通知の本文</translation>
    </message>
    <message>
        <source>Checked, read&amp;y</source>
        <translation>確認済み、準備完了(&amp;Y)</translation>
    </message>
    <message>
        <source>Re-check in R&amp;oadmunk</source>
        <translation>Roadmunk で再確認(&amp;O)</translation>
    </message>
    <message>
        <source>Re-check in Roadmunk</source>
        <translation>Roadmunk で再確認</translation>
    </message>
    <message>
        <source>What Roadmunk and the app know of %1 now (kept in its history):</source>
        <translation>%1 について Roadmunk とアプリが現在把握している内容（履歴に記録済み）:</translation>
    </message>
    <message>
        <source>What did you check? (required to leave Attention Required)</source>
        <translation>何を確認しましたか？（要対応から進めるには必須です）</translation>
    </message>
    <message>
        <source>Notice e-mail to %1: %2</source>
        <translation>%1 への通知メール: %2</translation>
    </message>
    <message>
        <source>E-mail is not set up: Settings › E-mail…</source>
        <translation>メールが設定されていません: 設定 › メール…</translation>
    </message>
    <message>
        <source>Sending the notice e-mails…</source>
        <translation>通知メールを送信中…</translation>
    </message>
    <message>
        <source>&amp;Send by e-mail</source>
        <translation>メールで送信(&amp;S)</translation>
    </message>
    <message>
        <source>Send the notices due for this profile now (each at most once)</source>
        <translation>このプロファイルの期限が来た通知を今すぐ送信します（それぞれ最大 1 回）</translation>
    </message>
</context>
<context>
    <name>rmsam::ChangeLogRepository</name>
    <message>
        <source>Cannot read the change log.</source>
        <translation>変更履歴を読み取れません。</translation>
    </message>
</context>
<context>
    <name>rmsam::ChangeLogText</name>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>download activity</source>
        <translation>アクティビティのダウンロード</translation>
    </message>
    <message>
        <source>activity from</source>
        <translation>アクティビティ分析開始日</translation>
    </message>
    <message>
        <source>reclaim</source>
        <translation>回収</translation>
    </message>
    <message>
        <source>parallel requests</source>
        <translation>並列リクエスト数</translation>
    </message>
    <message>
        <source>report max age</source>
        <translation>レポートの有効日数</translation>
    </message>
    <message>
        <source>largest answer MB</source>
        <translation>最大応答サイズ (MB)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>profile type</source>
        <translation>プロファイルタイプ</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>no activity</source>
        <translation>アクティビティなしを含める</translation>
    </message>
    <message>
        <source>grace</source>
        <translation>猶予日数</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>ユーザーへの通知</translation>
    </message>
    <message>
        <source>notify days</source>
        <translation>通知からの日数</translation>
    </message>
    <message>
        <source>owned</source>
        <translation>保有数</translation>
    </message>
    <message>
        <source>price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>profile saved</source>
        <translation>プロファイルを保存</translation>
    </message>
    <message>
        <source>profile deleted</source>
        <translation>プロファイルを削除</translation>
    </message>
    <message>
        <source>validated</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <source>token set</source>
        <translation>トークンを設定</translation>
    </message>
    <message>
        <source>token replaced</source>
        <translation>トークンを置き換え</translation>
    </message>
    <message>
        <source>token cleared</source>
        <translation>トークンを削除</translation>
    </message>
    <message>
        <source>exclusion added</source>
        <translation>除外を追加</translation>
    </message>
    <message>
        <source>exclusion added (inactive)</source>
        <translation>除外を追加（無効）</translation>
    </message>
    <message>
        <source>exclusion saved</source>
        <translation>除外を保存</translation>
    </message>
    <message>
        <source>exclusion removed</source>
        <translation>除外を解除</translation>
    </message>
    <message>
        <source>rule saved unchanged</source>
        <translation>ルールを変更なしで保存</translation>
    </message>
    <message>
        <source>rule removed</source>
        <translation>ルールを削除</translation>
    </message>
    <message>
        <source>entitlement saved unchanged</source>
        <translation>エンタイトルメントを変更なしで保存</translation>
    </message>
    <message>
        <source>entitlement removed</source>
        <translation>エンタイトルメントを削除</translation>
    </message>
    <message>
        <source>job saved</source>
        <translation>ジョブを保存</translation>
    </message>
    <message>
        <source>job removed</source>
        <translation>ジョブを削除</translation>
    </message>
    <message>
        <source>ran at %1</source>
        <translation>%1 に実行</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>reclaim, %1: %2 (user %3)</source>
        <translation>回収、%1: %2（ユーザー %3）</translation>
    </message>
    <message>
        <source>profile created (%1)</source>
        <translation>プロファイルを作成（%1）</translation>
    </message>
    <message>
        <source>report attached: %1 (%2 rows)</source>
        <translation>レポートを添付: %1（%2 行）</translation>
    </message>
    <message>
        <source>report replaced: %1 (%2 rows)</source>
        <translation>レポートを置き換え: %1（%2 行）</translation>
    </message>
    <message>
        <source>report removed: %1</source>
        <translation>レポートを削除: %1</translation>
    </message>
    <message>
        <source>candidate created: %1</source>
        <translation>候補を作成: %1</translation>
    </message>
    <message>
        <source>rule: threshold %1, grace %2, roles %3</source>
        <translation>ルール: しきい値 %1、猶予 %2、ロール %3</translation>
    </message>
    <message>
        <source>entitlement: %1 owned at %2 %3 per %4</source>
        <translation>エンタイトルメント: 保有 %1、%4 あたり %2 %3</translation>
    </message>
    <message>
        <source>job created: %1 at %2</source>
        <translation>ジョブを作成: %1（%2）</translation>
    </message>
    <message>
        <source>job created: %1 at %2 (inactive)</source>
        <translation>ジョブを作成: %1（%2、無効）</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 人のユーザー</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (%3), %4</source>
        <translation>%1: %2（%3）、%4</translation>
    </message>
    <message>
        <source>host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>security</source>
        <translation>セキュリティ</translation>
    </message>
    <message>
        <source>from</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>reply-to</source>
        <translation>Reply-To</translation>
    </message>
    <message>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>1 分あたり</translation>
    </message>
    <message>
        <source>e-mail saved unchanged</source>
        <translation>メール設定を変更なしで保存</translation>
    </message>
    <message>
        <source>e-mail settings cleared</source>
        <translation>メール設定を削除</translation>
    </message>
    <message>
        <source>e-mail: %1:%2 (%3), from %4</source>
        <translation>メール: %1:%2（%3）、送信元 %4</translation>
    </message>
    <message>
        <source>HR roster attached: %1 (%2 employees, %3 leavers)</source>
        <translation>人事名簿を添付: %1（従業員 %2 人、退職者 %3 人）</translation>
    </message>
    <message>
        <source>HR roster replaced: %1 (%2 employees, %3 leavers)</source>
        <translation>人事名簿を置き換え: %1（従業員 %2 人、退職者 %3 人）</translation>
    </message>
    <message>
        <source>HR roster removed: %1</source>
        <translation>人事名簿を削除: %1</translation>
    </message>
    <message>
        <source>roster alias added: %1</source>
        <translation>名簿のエイリアスを追加: %1</translation>
    </message>
    <message>
        <source>roster alias removed: %1</source>
        <translation>名簿のエイリアスを削除: %1</translation>
    </message>
    <message>
        <source>roster alias changed: %1 → %2</source>
        <translation>名簿のエイリアスを変更: %1 → %2</translation>
    </message>
    <message>
        <source>reminder days</source>
        <translation>リマインダー日数</translation>
    </message>
    <message>
        <source>term start</source>
        <translation>契約開始日</translation>
    </message>
    <message>
        <source>renewal</source>
        <translation>更新日</translation>
    </message>
    <message>
        <source>notice days</source>
        <translation>通知期間（日数）</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>バッファー</translation>
    </message>
    <message>
        <source>notice language</source>
        <translation>通知の言語</translation>
    </message>
</context>
<context>
    <name>rmsam::ColumnPicker</name>
    <message>
        <source>Choose the User report&apos;s columns</source>
        <translation>ユーザーレポートの列を選択</translation>
    </message>
    <message>
        <source>&amp;Email column:</source>
        <translation>メールアドレスの列(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Status column:</source>
        <translation>ステータスの列(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Use these columns</source>
        <translation>これらの列を使用(&amp;U)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The User report&apos;s columns could not be recognized. Choose the column that holds each user&apos;s email and the one that holds the status (active or inactive); the first values of each column are shown.</source>
        <translation>ユーザーレポートの列を認識できませんでした。各ユーザーのメールアドレスの列と、ステータス（アクティブまたは非アクティブ）の列を選択してください。各列の先頭の値を表示しています。</translation>
    </message>
    <message>
        <source>Choose the HR roster&apos;s columns</source>
        <translation>人事名簿の列を選択</translation>
    </message>
    <message>
        <source>The HR roster&apos;s columns could not be recognized. Choose the column that holds each employee&apos;s email and, if the roster has them, the status and the end date; the first values of each column are shown.</source>
        <translation>人事名簿の列を認識できませんでした。各従業員のメールアドレスを含む列と、名簿にある場合はステータスと終了日の列を選択してください。各列の先頭の値が表示されています。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>E&amp;nd-date column:</source>
        <translation>終了日の列(&amp;N):</translation>
    </message>
</context>
<context>
    <name>rmsam::CommandLine</name>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Roadmunk SAM command line</source>
        <translation>Roadmunk SAM コマンドライン</translation>
    </message>
    <message>
        <source>Use DIR for the database instead of the default.</source>
        <translation>データベースに既定の場所ではなく DIR を使用します。</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>機械可読な JSON を出力します。</translation>
    </message>
    <message>
        <source>The profile, by Display Name or id.</source>
        <translation>プロファイル（表示名または ID）。</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>確認を求めません。</translation>
    </message>
    <message>
        <source>Display Name of the new profile.</source>
        <translation>新しいプロファイルの表示名。</translation>
    </message>
    <message>
        <source>app (North America, default), eu or apac.</source>
        <translation>app（北米、既定）、eu、または apac。</translation>
    </message>
    <message>
        <source>Loopback sandbox URL instead of a region.</source>
        <translation>リージョンの代わりに使用するループバックのサンドボックス URL。</translation>
    </message>
    <message>
        <source>Clear Download activity.</source>
        <translation>アクティビティのダウンロードをオフにします。</translation>
    </message>
    <message>
        <source>Clear Reclaim subscriptions.</source>
        <translation>サブスクリプションの回収をオフにします。</translation>
    </message>
    <message>
        <source>Analyze user activity from this date.</source>
        <translation>この日付からユーザーアクティビティを分析します。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>使用方法: %1</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot;. Use app (North America), eu (Europe) or apac (Asia-Pacific).</source>
        <translation>リージョン「%1」は不明です。app（北米）、eu（ヨーロッパ）、または apac（アジア太平洋）を指定してください。</translation>
    </message>
    <message>
        <source>--endpoint is not a valid URL.</source>
        <translation>--endpoint が有効な URL ではありません。</translation>
    </message>
    <message>
        <source>--analyze-from needs a date written YYYY-MM-DD, for example 2026-01-31.</source>
        <translation>--analyze-from には YYYY-MM-DD 形式の日付を指定してください（例: 2026-01-31）。</translation>
    </message>
    <message>
        <source>Created profile &quot;%1&quot; (%2). Next: roadmunk-sam token set --profile &quot;%1&quot; &lt; token.txt</source>
        <translation>プロファイル「%1」（%2）を作成しました。次の手順: roadmunk-sam token set --profile &quot;%1&quot; &lt; token.txt</translation>
    </message>
    <message>
        <source>No integration profiles yet. Create one with: roadmunk-sam profile create --name NAME</source>
        <translation>統合プロファイルはまだありません。次のコマンドで作成してください: roadmunk-sam profile create --name NAME</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Display Name:           %1</source>
        <translation>表示名:                           %1</translation>
    </message>
    <message>
        <source>Status:                 %1</source>
        <translation>ステータス:                       %1</translation>
    </message>
    <message>
        <source>Profile Type:           %1</source>
        <translation>プロファイルタイプ:               %1</translation>
    </message>
    <message>
        <source>Region:                 %1</source>
        <translation>リージョン:                       %1</translation>
    </message>
    <message>
        <source>Connection URL:         %1</source>
        <translation>接続 URL:                         %1</translation>
    </message>
    <message>
        <source>Download subscriptions: on (always)</source>
        <translation>サブスクリプションのダウンロード: オン（常時）</translation>
    </message>
    <message>
        <source>Download activity:      %1 (analyze user activity from %2)</source>
        <translation>アクティビティのダウンロード:     %1（%2 からのユーザーアクティビティを分析）</translation>
    </message>
    <message>
        <source>Reclaim subscriptions:  %1</source>
        <translation>サブスクリプションの回収:       %1</translation>
    </message>
    <message>
        <source>Validated:              %1</source>
        <translation>検証日時:                         %1</translation>
    </message>
    <message>
        <source>Published:              %1</source>
        <translation>公開日時:                         %1</translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot; and its API token.</source>
        <translation>プロファイル「%1」とその API トークンを削除しました。</translation>
    </message>
    <message>
        <source>Paste the API token for &quot;%1&quot; and press Enter (input is hidden): </source>
        <translation>「%1」の API トークンを貼り付けて Enter キーを押してください（入力内容は表示されません）: </translation>
    </message>
    <message>
        <source>Stored the API token for &quot;%1&quot; in the OS keychain. Next: roadmunk-sam validate --profile &quot;%1&quot;</source>
        <translation>「%1」の API トークンを OS のキーチェーンに保存しました。次の手順: roadmunk-sam validate --profile &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Removed the API token of &quot;%1&quot; from the OS keychain.</source>
        <translation>「%1」の API トークンを OS のキーチェーンから削除しました。</translation>
    </message>
    <message>
        <source>Connection validated: token &quot;%1&quot;, account &quot;%2&quot; (%3). Next: roadmunk-sam publish --profile NAME</source>
        <translation>接続を検証しました: トークン「%1」、アカウント「%2」（%3）。次の手順: roadmunk-sam publish --profile NAME</translation>
    </message>
    <message>
        <source>Publishing &quot;%1&quot; needs confirmation: run it in a terminal, or add --yes.</source>
        <translation>「%1」を公開するには確認が必要です。端末で実行するか、--yes を付けてください。</translation>
    </message>
    <message>
        <source>Publish &quot;%1&quot;? It will start downloading subscriptions and activity on schedule. [y/N] </source>
        <translation>「%1」を公開しますか？ スケジュールに従ってサブスクリプションとアクティビティのダウンロードが始まります。[y/N] </translation>
    </message>
    <message>
        <source>Not published.</source>
        <translation>公開しませんでした。</translation>
    </message>
    <message>
        <source>Published &quot;%1&quot;.</source>
        <translation>「%1」を公開しました。</translation>
    </message>
    <message>
        <source>Exclude this user (email) in every profile.</source>
        <translation>このユーザー（メールアドレス）をすべてのプロファイルで除外します。</translation>
    </message>
    <message>
        <source>Exclude this subscription identifier (role).</source>
        <translation>このサブスクリプション識別子（ロール）を除外します。</translation>
    </message>
    <message>
        <source>The email column: header or number.</source>
        <translation>メールアドレスの列（ヘッダー名または列番号）。</translation>
    </message>
    <message>
        <source>The status column: header or number.</source>
        <translation>ステータスの列（ヘッダー名または列番号）。</translation>
    </message>
    <message>
        <source>The table to export.</source>
        <translation>エクスポートするテーブル。</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>標準出力ではなく FILE に書き込みます。</translation>
    </message>
    <message>
        <source>Run only this job: subscriptions or activity.</source>
        <translation>このジョブだけを実行します: subscriptions または activity。</translation>
    </message>
    <message>
        <source>Requests in flight at once (1–16, default 4).</source>
        <translation>同時に送信するリクエスト数（1～16、既定値 4）。</translation>
    </message>
    <message>
        <source>subscriptions or activity</source>
        <translation>subscriptions または activity</translation>
    </message>
    <message>
        <source>Daily run time, local, HH:MM.</source>
        <translation>毎日の実行時刻（ローカル時刻、HH:MM）。</translation>
    </message>
    <message>
        <source>Requests in flight while paging (1–16).</source>
        <translation>ページング中の同時リクエスト数（1～16）。</translation>
    </message>
    <message>
        <source>Flag a User report older than DAYS days (1–365).</source>
        <translation>ユーザーレポートが DAYS 日より古い場合に警告します（1～365）。</translation>
    </message>
    <message>
        <source>No activity for at least N days (default 60).</source>
        <translation>アクティビティのない期間が N 日以上（既定値 60）。</translation>
    </message>
    <message>
        <source>Roles in scope, comma-separated: collaborator,user_manager,reviewer.</source>
        <translation>対象とするロール（カンマ区切り）: collaborator,user_manager,reviewer。</translation>
    </message>
    <message>
        <source>Include users with no activity: yes or no.</source>
        <translation>アクティビティのないユーザーを含める: yes または no。</translation>
    </message>
    <message>
        <source>Grace period for invited and newly seen users.</source>
        <translation>招待済みのユーザーと新たに検出されたユーザーの猶予期間。</translation>
    </message>
    <message>
        <source>Notify the user first: yes or no.</source>
        <translation>先にユーザーに通知する: yes または no。</translation>
    </message>
    <message>
        <source>Days before automatic reclamation after the notice.</source>
        <translation>通知から自動回収までの日数。</translation>
    </message>
    <message>
        <source>collaborator or reviewer</source>
        <translation>collaborator または reviewer</translation>
    </message>
    <message>
        <source>Seats owned.</source>
        <translation>所有シート数。</translation>
    </message>
    <message>
        <source>Price per seat and period.</source>
        <translation>期間ごとの 1 シートあたりの価格。</translation>
    </message>
    <message>
        <source>year (default) or month</source>
        <translation>year（既定）または month</translation>
    </message>
    <message>
        <source>ISO 4217 code, e.g. USD, JPY.</source>
        <translation>ISO 4217 通貨コード（例: USD、JPY）。</translation>
    </message>
    <message>
        <source>The candidate&apos;s number (RC0000042 or 42).</source>
        <translation>候補の番号（RC0000042 または 42）。</translation>
    </message>
    <message>
        <source>A work note.</source>
        <translation>作業メモ。</translation>
    </message>
    <message>
        <source>Show who would be deactivated; change nothing (default).</source>
        <translation>無効化されるユーザーを表示するだけで、何も変更しません（既定）。</translation>
    </message>
    <message>
        <source>Deactivate at most N users in this run (default 25).</source>
        <translation>今回の実行で無効化するユーザーを最大 N 人にします（既定値 25）。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Excluded user %1 in every profile.</source>
        <translation>ユーザー %1 をすべてのプロファイルで除外しました。</translation>
    </message>
    <message>
        <source>Excluded subscription identifier %1.</source>
        <translation>サブスクリプション識別子 %1 を除外しました。</translation>
    </message>
    <message>
        <source>Removed the exclusion of %1.</source>
        <translation>%1 の除外を解除しました。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>%n 行を %1 に書き込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; now runs daily at %2.</source>
        <translation>「%1」は毎日 %2 に実行されるようになりました。</translation>
    </message>
    <message>
        <source>API token:              %1</source>
        <translation>API トークン:                     %1</translation>
    </message>
    <message>
        <source>in the OS keychain since %1</source>
        <translation>%1 から OS のキーチェーンに保存</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>--%1 takes yes or no.</source>
        <translation>--%1 には yes または no を指定してください。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number, not &quot;%2&quot;.</source>
        <translation>--%1 には整数を指定してください（「%2」は指定できません）。</translation>
    </message>
    <message>
        <source>Saved the reclamation rule of &quot;%1&quot;; it applies from the next sync.</source>
        <translation>「%1」の回収ルールを保存しました。次回の同期から適用されます。</translation>
    </message>
    <message>
        <source>Last-activity threshold: %1 days</source>
        <translation>最終アクティビティのしきい値: %1 日</translation>
    </message>
    <message>
        <source>Roles in scope: %1 (Account Admins never)</source>
        <translation>対象ロール: %1（Account Admin は常に対象外）</translation>
    </message>
    <message>
        <source>Include users with no activity: %1</source>
        <translation>アクティビティのないユーザーを含める: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Grace period for invited and newly seen users: %1 days</source>
        <translation>招待済みのユーザーと新たに検出されたユーザーの猶予期間: %1 日</translation>
    </message>
    <message>
        <source>Notify user: %1</source>
        <translation>ユーザーへの通知: %1</translation>
    </message>
    <message>
        <source>yes, %1 days before reclamation</source>
        <translation>はい（回収の %1 日前）</translation>
    </message>
    <message>
        <source>entitlement set needs --seat collaborator|reviewer, --owned N, --price AMOUNT (e.g. 12.50) and --currency CODE; --period is year or month.</source>
        <translation>entitlement set には --seat collaborator|reviewer、--owned N、--price AMOUNT（例: 12.50）、--currency CODE が必要です。--period には year または month を指定します。</translation>
    </message>
    <message>
        <source>Saved: %1 %2 seats at %3 per %4.</source>
        <translation>保存しました: %2 のシート %1 件、1 シートあたり %3（%4 単位）。</translation>
    </message>
    <message>
        <source>assigned %1, owned %2, stale %3, unused %4; spend %5, true-up %6, potential savings %7, saved this year %8</source>
        <translation>割り当て %1、所有 %2、休眠 %3、未使用 %4。支出 %5、トゥルーアップ %6、削減可能額 %7、今年の削減額 %8</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 は「%2」になりました。</translation>
    </message>
    <message>
        <source>Justification: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <source>Apply the users listing even if it is empty or much smaller than the last snapshot.</source>
        <translation>ユーザー一覧が空でも、前回のスナップショットより大幅に少なくても適用します。</translation>
    </message>
    <message>
        <source>&quot;roadmunk-sam %1&quot; was given words it does not take; nothing was done. An API token is never read from the command line, where the shell history and other users can see it: it is read from standard input or typed at the hidden prompt (roadmunk-sam token set --profile NAME &lt; token.txt). If a token was typed on the command line, remove it from the shell history.</source>
        <translation>「roadmunk-sam %1」に、このコマンドが受け付けない語が指定されました。何も実行していません。API トークンはシェルの履歴や他のユーザーから見えるコマンドラインからは決して読み取りません。標準入力から読み取るか、非表示のプロンプトで入力します（roadmunk-sam token set --profile NAME &lt; token.txt）。コマンドラインにトークンを入力した場合は、シェルの履歴から削除してください。</translation>
    </message>
    <message>
        <source>Refuse answers from Roadmunk larger than MB megabytes (1–256, default 8).</source>
        <translation>Roadmunk からの応答が MB メガバイトを超える場合は拒否します（1～256、既定 8）。</translation>
    </message>
    <message>
        <source>Jobs of &quot;%1&quot; page with %2 requests in flight and read answers of up to %4 MB; a User report older than %3 days is flagged.</source>
        <translation>「%1」のジョブは同時リクエスト数 %2 でページを取得し、%4 MB までの応答を読み取ります。%3 日より古い ユーザーレポートには警告を表示します。</translation>
    </message>
    <message>
        <source>List the removal candidates: number, state, email, seat type, justification.</source>
        <translation>削除候補を一覧表示します: 番号、状態、メールアドレス、シートタイプ、理由。</translation>
    </message>
    <message>
        <source>Show a removal candidate and its history.</source>
        <translation>削除候補とその履歴を表示します。</translation>
    </message>
    <message>
        <source>Print the notice for Notify user: recipient, subject, text and a mailto link.</source>
        <translation>ユーザーへの通知の文面を出力します: 宛先、件名、本文、mailto リンク。</translation>
    </message>
    <message>
        <source>Read the user again in Roadmunk; what is found goes to the candidate&apos;s history.</source>
        <translation>Roadmunk でユーザーを再確認します。結果は候補の履歴に記録されます。</translation>
    </message>
    <message>
        <source>Add a work note to a candidate&apos;s history.</source>
        <translation>候補の履歴に作業メモを追加します。</translation>
    </message>
    <message>
        <source>Record &quot;%1&quot; for a candidate; leaving Attention Required takes a note.</source>
        <translation>候補に「%1」を記録します。要対応から進めるにはメモが必要です。</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>引数:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>roadmunk-sam: unknown command of %1 characters, not repeated here in case it is an API token. If a token was typed on the command line, remove it from the shell history.</source>
        <translation>roadmunk-sam: %1 文字の不明なコマンドです。API トークンの可能性があるため、ここには表示しません。コマンドラインにトークンを入力した場合は、シェルの履歴から削除してください。</translation>
    </message>
    <message>
        <source>roadmunk-sam: unknown command &quot;%1&quot;</source>
        <translation>roadmunk-sam: 不明なコマンド「%1」</translation>
    </message>
    <message>
        <source>Did you mean &quot;%1&quot;?</source>
        <translation>「%1」のことですか?</translation>
    </message>
    <message>
        <source>Run &quot;roadmunk-sam --help&quot; for the commands.</source>
        <translation>コマンドの一覧は &quot;roadmunk-sam --help&quot; で表示できます。</translation>
    </message>
    <message>
        <source>Run the profile&apos;s jobs now: download subscriptions and activity.</source>
        <translation>プロファイルのジョブを今すぐ実行します: サブスクリプションとアクティビティをダウンロードします。</translation>
    </message>
    <message>
        <source>List the profile&apos;s daily jobs: job, daily time, last run, name.</source>
        <translation>プロファイルの日次ジョブを一覧表示します: ジョブ、実行時刻、前回の実行、名前。</translation>
    </message>
    <message>
        <source>Set a daily job&apos;s run time, or how the profile&apos;s jobs page and what they read.</source>
        <translation>日次ジョブの実行時刻、またはプロファイルのジョブのページ取得と読み取りの設定を変更します。</translation>
    </message>
    <message>
        <source>Exclude a user or a subscription identifier from reclamation.</source>
        <translation>ユーザーまたはサブスクリプション識別子を回収の対象から除外します。</translation>
    </message>
    <message>
        <source>Remove an exclusion.</source>
        <translation>除外を削除します。</translation>
    </message>
    <message>
        <source>Remove the exclusion of this user (email).</source>
        <translation>このユーザー（メールアドレス）の除外を削除します。</translation>
    </message>
    <message>
        <source>Remove the exclusion of this subscription identifier (role).</source>
        <translation>このサブスクリプション識別子（ロール）の除外を削除します。</translation>
    </message>
    <message>
        <source>List the exclusions: kind, value, active, subscriptions matched.</source>
        <translation>除外を一覧表示します: 種類、値、有効、一致したサブスクリプション数。</translation>
    </message>
    <message>
        <source>Export a table as CSV (UTF-8 with a byte order mark).</source>
        <translation>表を CSV（BOM 付き UTF-8）でエクスポートします。</translation>
    </message>
    <message>
        <source>Attach Roadmunk&apos;s User report (CSV): only the users it lists as active count as subscriptions.</source>
        <translation>Roadmunk のユーザーレポート（CSV）を添付します。レポートでアクティブとされたユーザーだけがサブスクリプションとして数えられます。</translation>
    </message>
    <message>
        <source>The User report, a CSV file.</source>
        <translation>ユーザーレポート（CSV ファイル）。</translation>
    </message>
    <message>
        <source>Create an integration profile, as a Draft.</source>
        <translation>統合プロファイルをドラフトとして作成します。</translation>
    </message>
    <message>
        <source>List the integration profiles: id, status, region, Display Name.</source>
        <translation>統合プロファイルを一覧表示します: ID、ステータス、リージョン、表示名。</translation>
    </message>
    <message>
        <source>Show an integration profile.</source>
        <translation>統合プロファイルを表示します。</translation>
    </message>
    <message>
        <source>Delete an integration profile and its API token.</source>
        <translation>統合プロファイルとその API トークンを削除します。</translation>
    </message>
    <message>
        <source>Store a profile&apos;s API token in the OS keychain, read from standard input.</source>
        <translation>標準入力から読み取ったプロファイルの API トークンを OS のキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>Remove a profile&apos;s API token from the OS keychain.</source>
        <translation>プロファイルの API トークンを OS のキーチェーンから削除します。</translation>
    </message>
    <message>
        <source>Check the connection to Roadmunk with the profile&apos;s API token.</source>
        <translation>プロファイルの API トークンで Roadmunk への接続を検証します。</translation>
    </message>
    <message>
        <source>Publish a validated profile: its jobs then run on schedule.</source>
        <translation>検証済みのプロファイルを公開します。以後、ジョブがスケジュールどおりに実行されます。</translation>
    </message>
    <message>
        <source>Show the profile&apos;s reclamation rule.</source>
        <translation>プロファイルの回収ルールを表示します。</translation>
    </message>
    <message>
        <source>Change the profile&apos;s reclamation rule; it applies from the next sync.</source>
        <translation>プロファイルの回収ルールを変更します。次回の同期から適用されます。</translation>
    </message>
    <message>
        <source>Show the license position per seat type.</source>
        <translation>シートタイプごとのライセンスポジションを表示します。</translation>
    </message>
    <message>
        <source>Set the seats owned of a seat type and their price.</source>
        <translation>シートタイプの保有シート数と価格を設定します。</translation>
    </message>
    <message>
        <source>Reclaim the seats of the candidates ready for it; a dry run unless --yes.</source>
        <translation>準備ができた候補のシートを回収します。--yes を付けない限りドライランです。</translation>
    </message>
    <message>
        <source>%1 Run again with --yes to reclaim.</source>
        <translation>%1 回収するには、--yes を付けて再度実行してください。</translation>
    </message>
    <message>
        <source>Use the PostgreSQL database at URL (postgresql://USER@HOST:PORT/DBNAME, settings after ?) instead of the local one; its password stays in ~/.pgpass.</source>
        <translation>ローカルのデータベースの代わりに URL の PostgreSQL データベース（postgresql://USER@HOST:PORT/DBNAME、設定は ? の後）を使います。パスワードは ~/.pgpass に保存します。</translation>
    </message>
    <message>
        <source>Give --data-dir or --database, not both.</source>
        <translation>--data-dir と --database はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 failure, 2 usage, 3 token missing or rejected, 4 network or region
unreachable, 5 invalid input file, 6 keychain unavailable, 7 not permitted by your team
role, 8 busy (another process).</source>
        <translation>終了コード: 0 成功、1 失敗、2 使い方の誤り、3 トークンがないか拒否された、4 ネットワークまたは
リージョンに到達できない、5 無効な入力ファイル、6 キーチェーンを使用できない、7 チームの
ロールで許可されていない、8 使用中（別のプロセス）。</translation>
    </message>
    <message>
        <source>A database password is for a team database: give its address with --database postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>データベースのパスワードはチームデータベース用です。--database postgresql://USER@HOST:PORT/DBNAME でアドレスを指定してください。</translation>
    </message>
    <message>
        <source>Store the password of the team database (--database URL) in the OS keychain, read from standard input; it is stored only when the server accepts it.</source>
        <translation>チームデータベース（--database URL）のパスワードを標準入力から読み取り、OS のキーチェーンに保存します。サーバーが受け付けた場合にのみ保存します。</translation>
    </message>
    <message>
        <source>Password for %1 (input is hidden): </source>
        <translation>%1 のパスワード（入力は表示されません）: </translation>
    </message>
    <message>
        <source>Stored the password for %1 in the OS keychain.</source>
        <translation>%1 のパスワードを OS のキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>Remove the team database&apos;s password (--database URL) from the OS keychain.</source>
        <translation>チームデータベース（--database URL）のパスワードを OS のキーチェーンから削除します。</translation>
    </message>
    <message>
        <source>No password for %1 is kept in the OS keychain now.</source>
        <translation>%1 のパスワードは OS のキーチェーンに保存されていません。</translation>
    </message>
    <message>
        <source>Copy the local database (every profile, its history and audit) into an empty PostgreSQL database for team mode.</source>
        <translation>ローカルのデータベース（すべてのプロファイル、その履歴と監査記録）を、チームモード用の空の PostgreSQL データベースにコピーします。</translation>
    </message>
    <message>
        <source>The PostgreSQL database to fill: postgresql://USER@HOST:PORT/DBNAME. It must be empty; its schema is created or upgraded first.</source>
        <translation>コピー先の PostgreSQL データベース: postgresql://USER@HOST:PORT/DBNAME。空である必要があります。スキーマは先に作成またはアップグレードされます。</translation>
    </message>
    <message>
        <source><byte value="xd"/>Copying %1: %2 of %3 rows</source>
        <translation><byte value="xd"/>%1 をコピー中: %3 行中 %2 行</translation>
    </message>
    <message>
        <source>Copied %1 rows in %2 tables from %3 to %4.</source>
        <translation>%3 から %4 へ、%2 個のテーブルの %1 行をコピーしました。</translation>
    </message>
    <message>
        <source>The API tokens stay in this computer&apos;s OS keychain, where the copied profiles find them. Every other member who syncs or reclaims stores the token in their own keychain: roadmunk-sam --database URL token set --profile NAME.</source>
        <translation>API トークンはこのコンピューターの OS キーチェーンに残り、コピーされたプロファイルはそこから読み取ります。同期や回収を行う他のメンバーは、各自のキーチェーンにトークンを保存してください: roadmunk-sam --database URL token set --profile NAME</translation>
    </message>
    <message>
        <source>Create the schema and, on PostgreSQL, the team&apos;s roles and grants (run by the database administrator).</source>
        <translation>スキーマと、PostgreSQL ではチームのロールと権限を作成します（データベース管理者が実行）。</translation>
    </message>
    <message>
        <source>The database %1 is ready: schema version %2, the team&apos;s roles and grants are in place. Add members with: roadmunk-sam team grant --member PGROLE --role viewer|operator|reclaimer|approver|owner</source>
        <translation>データベース %1 の準備ができました: スキーマバージョン %2、チームのロールと権限を設定済みです。メンバーの追加: roadmunk-sam team grant --member PGROLE --role viewer|operator|reclaimer|approver|owner</translation>
    </message>
    <message>
        <source>The database %1 is ready: schema version %2. It is a single admin&apos;s SQLite database, without team roles: team mode needs a PostgreSQL database (--database postgresql://USER@HOST/DB).</source>
        <translation>データベース %1 の準備ができました: スキーマバージョン %2。管理者 1 人用の SQLite データベースで、チームロールはありません。チームモードには PostgreSQL データベースが必要です（--database postgresql://USER@HOST/DB）。</translation>
    </message>
    <message>
        <source>Print the database&apos;s backend, location, schema version and your role.</source>
        <translation>データベースのバックエンド、場所、スキーマバージョン、あなたのロールを表示します。</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>バックエンド: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>スキーマバージョン: %1</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>メンバー: %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>ロール: %1</translation>
    </message>
    <message>
        <source>none (ask an owner for one)</source>
        <translation>なし（オーナーに依頼してください）</translation>
    </message>
    <message>
        <source>Team roles: %1</source>
        <translation>チームロール: %1</translation>
    </message>
    <message>
        <source>set up</source>
        <translation>設定済み</translation>
    </message>
    <message>
        <source>not set up (run: roadmunk-sam database init)</source>
        <translation>未設定（実行: roadmunk-sam database init）</translation>
    </message>
    <message>
        <source>The member&apos;s PostgreSQL login role.</source>
        <translation>メンバーの PostgreSQL ログインロール。</translation>
    </message>
    <message>
        <source>Give a member of the team database a role (owners only).</source>
        <translation>チームデータベースのメンバーにロールを付与します（オーナーのみ）。</translation>
    </message>
    <message>
        <source>The role; each includes the ones before it.</source>
        <translation>ロール。各ロールはそれより前のロールを含みます。</translation>
    </message>
    <message>
        <source>%1 now has the %2 role.</source>
        <translation>%1 に %2 ロールを付与しました。</translation>
    </message>
    <message>
        <source>Take a member&apos;s role away (owners only).</source>
        <translation>メンバーのロールを取り消します（オーナーのみ）。</translation>
    </message>
    <message>
        <source>%1 no longer has a role in the team.</source>
        <translation>%1 はチームのロールを持たなくなりました。</translation>
    </message>
    <message>
        <source>List the members of the team database and their roles.</source>
        <translation>チームデータベースのメンバーとロールを一覧表示します。</translation>
    </message>
    <message>
        <source>List the change log, newest first: who changed what (database role, OS account, host).</source>
        <translation>変更履歴を新しい順に表示します: 誰が何を変更したか（データベースロール、OS アカウント、ホスト）。</translation>
    </message>
    <message>
        <source>Only this profile&apos;s changes and those for every profile (exclusions).</source>
        <translation>このプロファイルの変更と、全プロファイルに関わる変更（除外ルール）のみ。</translation>
    </message>
    <message>
        <source>At most N entries (50 unless given; 0: all).</source>
        <translation>最大 N 件（省略時 50、0 はすべて）。</translation>
    </message>
    <message>
        <source>With the dry run: save what it would do, for reclaim --yes --plan FILE.</source>
        <translation>ドライランで: 実行する内容を reclaim --yes --plan FILE 用に保存します。</translation>
    </message>
    <message>
        <source>With --yes: run exactly this saved plan, or nothing if it was changed, is older than 24 hours, or any of its candidates changed since.</source>
        <translation>--yes と共に: 保存したこの計画をそのとおりに実行します。計画が変更された場合、24 時間より古い場合、または候補のいずれかがその後変わった場合は何も実行しません。</translation>
    </message>
    <message>
        <source>Cannot read the plan %1: %2</source>
        <translation>計画 %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>The plan is refused: %1 is far larger than a plan. Nobody was deactivated.</source>
        <translation>計画は拒否されました: %1 は計画としては大きすぎます。誰も無効化されていません。</translation>
    </message>
    <message>
        <source>Cannot save the plan %1: %2</source>
        <translation>計画 %1 を保存できません: %2</translation>
    </message>
    <message>
        <source>Plan saved to %1. Run it within 24 hours with: reclaim --profile %2 --yes --plan %1</source>
        <translation>計画を %1 に保存しました。24 時間以内に次のコマンドで実行してください: reclaim --profile %2 --yes --plan %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is published: checking the new API token against Roadmunk before storing it…</source>
        <translation>「%1」は公開済みです。新しい API トークンを保存する前に Roadmunk で確認しています…</translation>
    </message>
    <message>
        <source>The new API token works: stored it for &quot;%1&quot; in the OS keychain. The profile stays Published.</source>
        <translation>新しい API トークンは有効です。「%1」用に OS のキーチェーンに保存しました。プロファイルは公開済みのままです。</translation>
    </message>
    <message>
        <source><byte value="xd"/>%1: %2, %3</source>
        <translation><byte value="xd"/>%1: %2、%3</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2. %3, %4, %5; joined %6, left %7, role changed %8.</source>
        <translation>%1: %2。%3、%4、%5。参加 %6、離脱 %7、ロール変更 %8。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 人のユーザー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n roadmap(s)</source>
        <translation>
            <numerusform>%n 件のロードマップ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 件のリクエスト</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached %1 to &quot;%2&quot;: %3, %4 active (%5).</source>
        <translation>%1 を「%2」に添付しました: %3、アクティブ %4 人（%5）。</translation>
    </message>
    <message numerus="yes">
        <source><byte value="xd"/>%1 of %n candidate(s)</source>
        <translation>
            <numerusform><byte value="xd"/>%n 件中 %1 件の候補</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1 takes a date as YYYY-MM-DD (or none), not &quot;%2&quot;.</source>
        <translation>--%1 には YYYY-MM-DD 形式の日付（または none）を指定してください。「%2」は指定できません。</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>あと %n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>%n 日前に経過</numerusform>
        </translation>
    </message>
    <message>
        <source>renewal %1, cancel by %2 (%3): recommended %4 (%5 active + %6 %), saves %7 a year</source>
        <translation>更新日 %1、解約期限 %2（%3）: 推奨 %4（アクティブ %5 + %6 %）、年間 %7 の削減</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s)</source>
        <translation>
            <numerusform>%n シート</numerusform>
        </translation>
    </message>
    <message>
        <source>When the contract&apos;s term started, or none.</source>
        <translation>契約期間の開始日（または none）。</translation>
    </message>
    <message>
        <source>When the contract renews, or none.</source>
        <translation>契約の更新日（または none）。</translation>
    </message>
    <message>
        <source>Days before the renewal by which a reduction must be requested.</source>
        <translation>削減を申し出る必要がある、更新日より前の日数。</translation>
    </message>
    <message>
        <source>Seats to keep above those in use at renewal, in percent (default 10).</source>
        <translation>更新時に使用中のシートに上乗せして残すシートの割合（%、既定値 10）。</translation>
    </message>
    <message>
        <source>No renewal reminder is due.</source>
        <translation>期限が来た更新リマインダーはありません。</translation>
    </message>
    <message>
        <source>Give the renewal reminders due (60, 30 and 7 days before a cancel-by date), each once, and e-mail them to the admin mailbox when e-mail is set up; for a daily cron job where the app does not run.</source>
        <translation>期限が来た更新リマインダー（解約期限の 60 日前、30 日前、7 日前）をそれぞれ 1 回だけ通知し、メールが設定されていれば管理者のメールボックスに送信します。アプリを起動していない環境で毎日実行する cron ジョブ向けです。</translation>
    </message>
    <message>
        <source>The reminders were not e-mailed: %1</source>
        <translation>リマインダーをメールで送信できませんでした: %1</translation>
    </message>
    <message>
        <source>E-mailed the reminders to %1.</source>
        <translation>リマインダーを %1 にメールで送信しました。</translation>
    </message>
    <message>
        <source>Set up e-mail through your organisation&apos;s SMTP relay (replaces the settings; owners only on a team database).</source>
        <translation>組織の SMTP リレーを使うメールを設定します（設定は置き換えられます。チームデータベースではオーナーのみ）。</translation>
    </message>
    <message>
        <source>The SMTP relay&apos;s host name.</source>
        <translation>SMTP リレーのホスト名。</translation>
    </message>
    <message>
        <source>Its port (default 587, 465 with tls).</source>
        <translation>ポート（既定は 587、tls の場合は 465）。</translation>
    </message>
    <message>
        <source>STARTTLS (default), TLS from the start, or none (only to localhost).</source>
        <translation>STARTTLS（既定）、最初から TLS、または none（localhost 宛てのみ）。</translation>
    </message>
    <message>
        <source>The sender address.</source>
        <translation>送信元アドレス。</translation>
    </message>
    <message>
        <source>The admin mailbox users reply to.</source>
        <translation>ユーザーの返信先となる管理者のメールボックス。</translation>
    </message>
    <message>
        <source>Log in to the relay as USER.</source>
        <translation>USER としてリレーにログインします。</translation>
    </message>
    <message>
        <source>Read the relay&apos;s password from standard input and keep it in the OS keychain.</source>
        <translation>リレーのパスワードを標準入力から読み取り、OS のキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>Trust the relay&apos;s certificate through this CA bundle (a private CA).</source>
        <translation>この CA バンドル（プライベート CA）でリレーの証明書を信頼します。</translation>
    </message>
    <message>
        <source>Send at most N messages a minute (default 30).</source>
        <translation>1 分あたり最大 N 件のメッセージを送信します（既定は 30）。</translation>
    </message>
    <message>
        <source>--password-stdin needs --user.</source>
        <translation>--password-stdin には --user が必要です。</translation>
    </message>
    <message>
        <source>No password on standard input.</source>
        <translation>標準入力にパスワードがありません。</translation>
    </message>
    <message>
        <source>E-mail goes through %1:%2 (%3) from %4.</source>
        <translation>メールは %1:%2（%3）経由で %4 から送信されます。</translation>
    </message>
    <message>
        <source>Show the e-mail settings and whether this computer&apos;s keychain holds the password.</source>
        <translation>メール設定と、このコンピューターのキーチェーンにパスワードが保存されているかどうかを表示します。</translation>
    </message>
    <message>
        <source>E-mail is not set up. Set it up with `notify smtp set` or in Settings › E-mail.</source>
        <translation>メールが設定されていません。`notify smtp set` または 設定 › メール で設定してください。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>not needed (no user)</source>
        <translation>不要（ユーザーなし）</translation>
    </message>
    <message>
        <source>stored in this computer&apos;s keychain</source>
        <translation>このコンピューターのキーチェーンに保存済み</translation>
    </message>
    <message>
        <source>not stored on this computer</source>
        <translation>このコンピューターには保存されていません</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>ホスト:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>セキュリティ:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>送信元:</translation>
    </message>
    <message>
        <source>Reply-To:</source>
        <translation>Reply-To:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA ファイル:</translation>
    </message>
    <message>
        <source>(system CAs)</source>
        <translation>（システムの CA）</translation>
    </message>
    <message>
        <source>Messages per minute:</source>
        <translation>1 分あたりのメッセージ数:</translation>
    </message>
    <message>
        <source>Forget the e-mail settings, and the relay&apos;s password in this computer&apos;s keychain.</source>
        <translation>メール設定と、このコンピューターのキーチェーンにあるリレーのパスワードを削除します。</translation>
    </message>
    <message>
        <source>E-mail is not set up now.</source>
        <translation>メールは設定されていない状態になりました。</translation>
    </message>
    <message>
        <source>Send a short test message through the SMTP relay.</source>
        <translation>SMTP リレー経由で短いテストメッセージを送信します。</translation>
    </message>
    <message>
        <source>The address to send it to.</source>
        <translation>送信先のアドレス。</translation>
    </message>
    <message>
        <source>The relay said: %1</source>
        <translation>リレーの応答: %1</translation>
    </message>
    <message>
        <source>Sent a test message to %1 (%2).</source>
        <translation>%1 にテストメッセージを送信しました（%2）。</translation>
    </message>
    <message>
        <source>Attach the company&apos;s HR roster (CSV): seat holders missing from it or listed as gone become removal candidates, listed first.</source>
        <translation>会社の 人事名簿（CSV）を添付します。名簿にないシート保有者や退職と記載されたシート保有者は削除候補になり、先頭に表示されます。</translation>
    </message>
    <message>
        <source>The end-date column: header or number.</source>
        <translation>終了日の列: 見出しまたは列番号。</translation>
    </message>
    <message>
        <source>The HR roster, a CSV file.</source>
        <translation>人事名簿（CSV ファイル）。</translation>
    </message>
    <message>
        <source>Attached the HR roster %1 to &quot;%2&quot;: %3, %4 (%5).</source>
        <translation>人事名簿 %1 を「%2」に添付しました: %3、%4（%5）。</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>従業員 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaver(s)</source>
        <translation>
            <numerusform>退職者 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the attached HR roster: file, when attached, employees, leavers, aliases.</source>
        <translation>添付された 人事名簿を表示します: ファイル、添付日時、従業員、退職者、エイリアス。</translation>
    </message>
    <message>
        <source>No HR roster attached.</source>
        <translation>人事名簿は添付されていません。</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>添付日時: %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation>エンコーディング: %1</translation>
    </message>
    <message>
        <source>Employees: %1</source>
        <translation>従業員: %1</translation>
    </message>
    <message>
        <source>Leavers: %1</source>
        <translation>退職者: %1</translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation>エイリアス: %1</translation>
    </message>
    <message numerus="yes">
        <source>The HR roster is %n day(s) old: attach a current export.</source>
        <translation>
            <numerusform>人事名簿は %n 日前のものです。最新のエクスポートを添付してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the attached HR roster; candidates go back to the reclamation rule alone.</source>
        <translation>添付された 人事名簿を削除します。候補は回収ルールのみで決まるようになります。</translation>
    </message>
    <message>
        <source>Removed the HR roster of &quot;%1&quot;.</source>
        <translation>「%1」の 人事名簿を削除しました。</translation>
    </message>
    <message>
        <source>The user&apos;s address in Roadmunk.</source>
        <translation>Roadmunk でのユーザーのアドレス。</translation>
    </message>
    <message>
        <source>Match a Roadmunk address to another address on the HR roster (case-insensitive).</source>
        <translation>Roadmunk のアドレスを 人事名簿上の別のアドレスに対応付けます（大文字と小文字は区別しません）。</translation>
    </message>
    <message>
        <source>Remove a roster alias.</source>
        <translation>名簿のエイリアスを削除します。</translation>
    </message>
    <message>
        <source>The same person&apos;s address on the HR roster.</source>
        <translation>人事名簿上の同じ人のアドレス。</translation>
    </message>
    <message>
        <source>%1 now matches %2 on the HR roster.</source>
        <translation>%1 は 人事名簿の %2 に対応付けられました。</translation>
    </message>
    <message>
        <source>Removed the roster alias of %1.</source>
        <translation>%1 の名簿のエイリアスを削除しました。</translation>
    </message>
    <message>
        <source>List the roster aliases: Roadmunk address, roster address.</source>
        <translation>名簿のエイリアスを一覧表示します: Roadmunk のアドレス、名簿のアドレス。</translation>
    </message>
    <message>
        <source>would send</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>不明: %1</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>未送信: %1</translation>
    </message>
    <message>
        <source>Send the notice e-mails due: to candidates in Awaiting User whose notice has not gone out, and the reminders due before their deadline.</source>
        <translation>期限が来た通知メールを送信します。通知がまだ送られていない「ユーザー待ち」の候補への通知と、期限前のリマインダーです。</translation>
    </message>
    <message>
        <source>List the e-mails that would be sent; send none.</source>
        <translation>送信されるメールを一覧表示します。何も送信しません。</translation>
    </message>
    <message>
        <source>Change a profile&apos;s settings.</source>
        <translation>プロファイルの設定を変更します。</translation>
    </message>
    <message>
        <source>The language of the notice e-mails its users get: en (English) or ja (Japanese).</source>
        <translation>ユーザーが受け取る通知メールの言語: en（英語）または ja（日本語）。</translation>
    </message>
    <message>
        <source>--notice-language takes en (English) or ja (Japanese).</source>
        <translation>--notice-language には en（英語）または ja（日本語）を指定してください。</translation>
    </message>
    <message>
        <source>Notice e-mails of &quot;%1&quot; are written in %2.</source>
        <translation>「%1」の通知メールは%2で書かれます。</translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>リマインダー: %1</translation>
    </message>
    <message>
        <source>%1 days before the deadline</source>
        <translation>期限の %1 日前</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>E-mail a reminder N days before the deadline (0: none; default 2).</source>
        <translation>期限の N 日前にリマインダーをメールで送信します（0: なし、既定は 2）。</translation>
    </message>
    <message>
        <source>E-mail is not set up, so no notice was sent: send each one yourself (candidate notice NUMBER prints it). The deadline counts from now.</source>
        <translation>メールが設定されていないため、通知は送信されませんでした。各通知はご自身で送信してください（candidate notice NUMBER で本文を表示できます）。期限は今から数えます。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Attach it even when it lists fewer than half of the profile&apos;s seat holders.</source>
        <translation>プロファイルのシート保有者の半数未満しか記載されていなくても添付します。</translation>
    </message>
    <message>
        <source>Check that the file lists the whole company, or attach it anyway with --allow-partial.</source>
        <translation>ファイルが全社分であることを確認するか、--allow-partial を付けてそのまま添付してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ConnectionValidator</name>
    <message>
        <source>Validation was cancelled.</source>
        <translation>検証はキャンセルされました。</translation>
    </message>
    <message>
        <source>Connection validated.</source>
        <translation>接続を検証しました。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer did not contain the expected list.</source>
        <translation>Roadmunk の応答に想定していた一覧が含まれていませんでした。</translation>
    </message>
    <message>
        <source>The token cannot list users, so it lacks the rights the integration needs. Create the API token while signed in as an Account Admin, then set it again. (%1)</source>
        <translation>このトークンではユーザーを一覧表示できないため、統合に必要な権限がありません。Account Admin としてサインインした状態で API トークンを作成し、設定し直してください。（%1）</translation>
    </message>
    <message>
        <source>Checking the API token…</source>
        <translation>API トークンを確認しています…</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>アカウントを読み込んでいます…</translation>
    </message>
    <message>
        <source>Listing users (Download subscriptions)…</source>
        <translation>ユーザーを一覧表示しています（サブスクリプションのダウンロード）…</translation>
    </message>
    <message>
        <source>Listing roadmaps (Download activity)…</source>
        <translation>ロードマップを一覧表示しています（アクティビティのダウンロード）…</translation>
    </message>
</context>
<context>
    <name>rmsam::CsvReader</name>
    <message>
        <source>The file is %1 MB; the largest file read is %2 MB. Check that this is the Roadmunk User report.</source>
        <translation>ファイルのサイズは %1 MB ですが、読み込めるのは %2 MB までです。Roadmunk のユーザーレポートであることを確認してください。</translation>
    </message>
    <message>
        <source>The file is empty. Download the User report from Roadmunk again (Account Settings › Reports).</source>
        <translation>ファイルが空です。Roadmunk からユーザーレポートをもう一度ダウンロードしてください（Account Settings › Reports）。</translation>
    </message>
    <message>
        <source>The file is not text (it contains NUL bytes). Attach the User report as CSV, not a spreadsheet or archive.</source>
        <translation>ファイルがテキストではありません（NUL バイトが含まれています）。スプレッドシートやアーカイブではなく、CSV 形式のユーザーレポートを添付してください。</translation>
    </message>
    <message>
        <source>Line %1 contains a NUL byte: the file is not text. Attach the User report as CSV.</source>
        <translation>%1 行目に NUL バイトが含まれているため、テキストファイルではありません。CSV 形式のユーザーレポートを添付してください。</translation>
    </message>
    <message>
        <source>The quoted field that starts on line %1 is never closed. Check the file was not cut short.</source>
        <translation>%1 行目で始まる引用符付きフィールドが閉じられていません。ファイルが途中で切れていないか確認してください。</translation>
    </message>
    <message>
        <source>Line %1 has a quote inside a field that is not quoted.</source>
        <translation>%1 行目で、引用符で囲まれていないフィールドの中に引用符があります。</translation>
    </message>
    <message>
        <source>Line %1 has text after the closing quote of a field.</source>
        <translation>%1 行目で、フィールドの閉じ引用符の後に文字があります。</translation>
    </message>
    <message>
        <source>The row that starts on line %1 has more than %2 fields. Check that this is the Roadmunk User report; nothing was attached.</source>
        <translation>%1 行目から始まる行のフィールドが %2 個を超えています。Roadmunk の ユーザーレポートであることを確認してください。何も添付していません。</translation>
    </message>
    <message>
        <source>Line %1 has a field longer than %2 characters (it starts &quot;%3&quot;). Check that this is the Roadmunk User report; nothing was attached.</source>
        <translation>%1 行目に %2 文字を超えるフィールドがあります（「%3」で始まります）。Roadmunk の ユーザーレポートであることを確認してください。何も添付していません。</translation>
    </message>
    <message>
        <source>The row that starts on line %1 is longer than %2 characters. Check that this is the Roadmunk User report; nothing was attached.</source>
        <translation>%1 行目から始まる行が %2 文字を超えています。Roadmunk の ユーザーレポートであることを確認してください。何も添付していません。</translation>
    </message>
    <message>
        <source>Stopped reading after %1 MB, the most Roadmunk SAM reads: the input is longer. Check that this is the Roadmunk User report; nothing was attached.</source>
        <translation>Roadmunk SAM が読み取る上限の %1 MB で読み取りを止めました。入力はそれより長いです。Roadmunk の ユーザーレポートであることを確認してください。何も添付していません。</translation>
    </message>
    <message>
        <source>The file looks like UTF-16 text without a byte order mark, which cannot be told apart from binary data. Save it again from Excel as &quot;CSV UTF-8 (Comma delimited)&quot; or as &quot;Unicode Text&quot;.</source>
        <translation>このファイルはバイトオーダーマークのない UTF-16 テキストのようで、バイナリデータと区別できません。Excel で「CSV UTF-8 (コンマ区切り)」または「Unicode テキスト」として保存し直してください。</translation>
    </message>
    <message>
        <source>The file cannot be read a second time (%1), which deciding its encoding needs. Copy it to a local folder and attach the copy.</source>
        <translation>エンコーディングの判定に必要な 2 回目の読み取りができません（%1）。ファイルをローカルフォルダーにコピーし、コピーを添付してください。</translation>
    </message>
    <message>
        <source>Line %1 has bytes that are not valid UTF-8 (at byte offset %2), and the file is not valid Shift-JIS either: its encoding is not one Roadmunk SAM reads (UTF-8, UTF-16 with a byte order mark, or Shift-JIS). Save it again as &quot;CSV UTF-8&quot;; nothing was attached.</source>
        <translation>%1 行目に UTF-8 として無効なバイトがあり（バイト位置 %2）、Shift-JIS としても無効です。Roadmunk SAM が読み取るエンコーディング（UTF-8、バイトオーダーマーク付き UTF-16、Shift-JIS）ではありません。「CSV UTF-8」として保存し直してください。何も添付していません。</translation>
    </message>
    <message>
        <source>The file ends in the middle of a %1 character: it was cut short. Download the User report again; nothing was attached.</source>
        <translation>ファイルが %1 の文字の途中で終わっています。途中で切れています。ユーザーレポートをもう一度ダウンロードしてください。何も添付していません。</translation>
    </message>
    <message>
        <source>Line %1 has bytes that are not valid UTF-8 (at byte offset %2), but the lines before it have text that is. Read from a pipe, the encoding cannot be decided again from the start: attach the file itself, or save it again as &quot;CSV UTF-8&quot;; nothing was attached.</source>
        <translation>%1 行目に UTF-8 として無効なバイトがあります（バイト位置 %2）が、それより前の行は UTF-8 として有効です。パイプからの読み取りでは最初に戻ってエンコーディングを判定し直せません。ファイル自体を添付するか、「CSV UTF-8」として保存し直してください。何も添付していません。</translation>
    </message>
    <message>
        <source>Line %1 has bytes that are not valid %2 (at byte offset %3). Save the file again as &quot;CSV UTF-8&quot;; nothing was attached.</source>
        <translation>%1 行目に %2 として無効なバイトがあります（バイト位置 %3）。ファイルを「CSV UTF-8」として保存し直してください。何も添付していません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Dashboard</name>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>Last Activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー数</translation>
    </message>
    <message>
        <source>Seats by type</source>
        <translation>シートタイプ別のシート</translation>
    </message>
    <message>
        <source>Seat Type</source>
        <translation>シートタイプ</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>シート数</translation>
    </message>
    <message>
        <source>Assigned and active seats</source>
        <translation>割り当て済みシートとアクティブシート</translation>
    </message>
    <message>
        <source>Job Started</source>
        <translation>ジョブ開始日時</translation>
    </message>
    <message>
        <source>Assigned Seats</source>
        <translation>割り当て済みシート数</translation>
    </message>
    <message>
        <source>Active Seats</source>
        <translation>アクティブシート数</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0～30 日</translation>
    </message>
    <message>
        <source>30–60 days</source>
        <translation>30～60 日</translation>
    </message>
    <message>
        <source>60–90 days</source>
        <translation>60～90 日</translation>
    </message>
    <message>
        <source>90–120 days</source>
        <translation>90～120 日</translation>
    </message>
    <message>
        <source>120+ days</source>
        <translation>120 日以上</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>アクティビティなし</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <source>Current annual spend</source>
        <translation>現在の年間支出</translation>
    </message>
    <message>
        <source>True-up cost</source>
        <translation>トゥルーアップコスト</translation>
    </message>
    <message>
        <source>Potential savings</source>
        <translation>削減可能額</translation>
    </message>
    <message>
        <source>Actual savings YTD</source>
        <translation>実績削減額（年初来）</translation>
    </message>
    <message>
        <source>Seats held</source>
        <translation>保有シート数</translation>
    </message>
    <message>
        <source>Open removal candidates</source>
        <translation>オープン中の削除候補</translation>
    </message>
    <message>
        <source>Unused seats (%)</source>
        <translation>未使用シート率（%）</translation>
    </message>
    <message>
        <source>Unrecognized</source>
        <translation>未認識</translation>
    </message>
</context>
<context>
    <name>rmsam::DashboardView</name>
    <message>
        <source>Current annual spend</source>
        <translation>現在の年間支出</translation>
    </message>
    <message>
        <source>Unused seats</source>
        <translation>未使用シート</translation>
    </message>
    <message>
        <source>Potential savings</source>
        <translation>削減可能額</translation>
    </message>
    <message>
        <source>True-up cost</source>
        <translation>トゥルーアップコスト</translation>
    </message>
    <message>
        <source>Actual savings this year</source>
        <translation>今年の実績削減額</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV にエクスポート…</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 を CSV にエクスポート</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>数値を表示</translation>
    </message>
    <message>
        <source>Show the numbers of %1</source>
        <translation>%1 の数値を表示</translation>
    </message>
    <message>
        <source>Swap the chart for a table of its numbers</source>
        <translation>グラフを数値の表に切り替えます</translation>
    </message>
    <message>
        <source>Numbers of %1</source>
        <translation>%1 の数値</translation>
    </message>
    <message>
        <source>Show chart</source>
        <translation>グラフを表示</translation>
    </message>
    <message numerus="yes">
        <source>Active: activity within the reclamation rule&apos;s %n day(s). The app keeps only the latest activity, so active seats are known for the latest run only.</source>
        <translation>
            <numerusform>アクティブ: 回収ルールの %n 日以内にアクティビティがあったシートです。アプリは最新のアクティビティのみを保持するため、アクティブシート数がわかるのは最新の実行分だけです。</numerusform>
        </translation>
    </message>
    <message>
        <source>No entitlements are set: enter the seats owned and their price under Rule and entitlements.</source>
        <translation>エンタイトルメントが設定されていません。「ルールとエンタイトルメント」で所有シート数と価格を入力してください。</translation>
    </message>
    <message>
        <source>Not included, no entitlement is set: %1.</source>
        <translation>エンタイトルメントが設定されていないため含まれていません: %1。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message numerus="yes">
        <source>%n open removal candidate(s)</source>
        <translation>
            <numerusform>オープン中の削除候補 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n seat(s) held</source>
        <translation>
            <numerusform>/ 保有シート数 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded: the app keeps only the latest activity of each user.</source>
        <translation>記録されていません。アプリは各ユーザーの最新のアクティビティのみを保持します。</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー数</translation>
    </message>
    <message>
        <source>Unrecognized</source>
        <translation>未認識</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>割り当て済み</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>CSV にエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>There is no chart named %1.</source>
        <translation>%1 という名前のグラフはありません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Each seat counts at the price and in the currency it was reclaimed at; amounts in different currencies are not added up.</source>
        <translation>各シートは回収した時点の価格と通貨で計上します。異なる通貨の金額は合算しません。</translation>
    </message>
    <message>
        <source>%1 seats: %2</source>
        <translation>%1 のシート: %2</translation>
    </message>
</context>
<context>
    <name>rmsam::Database</name>
    <message>
        <source>Cannot create the data folder %1. Check that it is writable, or choose another with --data-dir.</source>
        <translation>データフォルダー %1 を作成できません。書き込み可能か確認するか、--data-dir で別のフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check that the folder is writable and not on a full disk.</source>
        <translation>データベース %1 を開けません。フォルダーが書き込み可能で、ディスクに空き容量があることを確認してください。</translation>
    </message>
    <message>
        <source>Cannot open the database.</source>
        <translation>データベースを開けません。</translation>
    </message>
    <message>
        <source>Cannot configure the database.</source>
        <translation>データベースを構成できません。</translation>
    </message>
    <message>
        <source>Cannot prepare the database schema.</source>
        <translation>データベーススキーマを準備できません。</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Roadmunk SAM (schema %2, this version knows %3). Update the application.</source>
        <translation>データベース %1 は、より新しいバージョンの Roadmunk SAM で書き込まれています（スキーマ %2。このバージョンが対応しているのは %3 です）。アプリケーションを更新してください。</translation>
    </message>
    <message>
        <source>Cannot upgrade the database schema.</source>
        <translation>データベーススキーマをアップグレードできません。</translation>
    </message>
    <message>
        <source>The data folder %1 is on a network share (%2). Roadmunk SAM keeps its database only on a local disk, where it can guarantee that nothing is lost or half-written; choose a local folder with --data-dir.</source>
        <translation>データフォルダー %1 はネットワーク共有（%2）上にあります。Roadmunk SAM は、データの欠落や書き込みの中断が起きないことを保証できるローカルディスク上にのみデータベースを保存します。--data-dir でローカルフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>Cannot start a database transaction.</source>
        <translation>データベースのトランザクションを開始できません。</translation>
    </message>
    <message>
        <source>Cannot save the changes to the database.</source>
        <translation>変更をデータベースに保存できません。</translation>
    </message>
    <message>
        <source>%1 The database is busy with another Roadmunk SAM process (the app, a command or a scheduled job). Try again when it has finished.</source>
        <translation>%1 データベースは別の Roadmunk SAM のプロセス（アプリ、コマンド、またはスケジュールされたジョブ）が使用中です。それが終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Cannot reach the PostgreSQL server at %1. Check the host and port in the address, that the server is running, and that no firewall is in the way.</source>
        <translation>%1 の PostgreSQL サーバーに接続できません。アドレスのホストとポート、サーバーが起動していること、ファイアウォールで遮断されていないことを確認してください。</translation>
    </message>
    <message>
        <source>Cannot open the PostgreSQL database %1.</source>
        <translation>PostgreSQL データベース %1 を開けません。</translation>
    </message>
    <message>
        <source>Cannot open the PostgreSQL database %1: this installation has no PostgreSQL driver for Qt. Install the package libqt6sql6-psql (Debian, Ubuntu) or your system&apos;s Qt 6 PostgreSQL driver.</source>
        <translation>PostgreSQL データベース %1 を開けません: このインストールには Qt の PostgreSQL ドライバーがありません。パッケージ libqt6sql6-psql（Debian、Ubuntu）、またはお使いのシステムの Qt 6 PostgreSQL ドライバーをインストールしてください。</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL address Roadmunk SAM can use. Write it as postgresql://USER@HOST:PORT/DATABASE, with other settings after a question mark (for example ?sslmode=verify-full), and keep the password in ~/.pgpass.</source>
        <translation>%1 は Roadmunk SAM で使用できる PostgreSQL アドレスではありません。postgresql://USER@HOST:PORT/DATABASE の形式で書き、その他の設定は疑問符の後に（例: ?sslmode=verify-full）指定し、パスワードは ~/.pgpass に保存してください。</translation>
    </message>
    <message>
        <source>The PostgreSQL server at %1 refused the login. Check the user name in the address, the password (Settings › Database, `roadmunk-sam database password`, or ~/.pgpass), and that the server&apos;s pg_hba.conf lets this user in.</source>
        <translation>%1 の PostgreSQL サーバーがログインを拒否しました。アドレスのユーザー名、パスワード（設定 › データベース、`roadmunk-sam database password`、または ~/.pgpass）、サーバーの pg_hba.conf がこのユーザーを許可しているかを確認してください。</translation>
    </message>
    <message>
        <source>Enter a PostgreSQL address that starts with postgresql://.</source>
        <translation>postgresql:// で始まる PostgreSQL のアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Cannot read the PostgreSQL database %1.</source>
        <translation>PostgreSQL データベース %1 を読み取れません。</translation>
    </message>
    <message>
        <source>%1 The connection to the PostgreSQL database %2 was lost: its server stopped or the network failed. What was being written was not saved. Run it again when the server is back; if it stays away, ask the database&apos;s administrator.</source>
        <translation>%1 PostgreSQL データベース %2 への接続が失われました。サーバーが停止したか、ネットワークに障害があります。書き込み中の内容は保存されていません。サーバーが復旧したらもう一度実行してください。復旧しない場合はデータベース管理者に問い合わせてください。</translation>
    </message>
    <message>
        <source>(the team database)</source>
        <translation>（チームデータベース）</translation>
    </message>
    <message>
        <source>%1 The database refused by the approver rule: only an approver decides Awaiting Approval, and never on a candidate they moved there themselves; another approver must decide.</source>
        <translation>%1 承認者ルールによりデータベースが拒否しました。承認待ちを判断できるのは承認者だけで、自分が承認待ちにした候補は判断できません。別の承認者が判断してください。</translation>
    </message>
    <message>
        <source>%1 The database refused: your team role does not allow it. An owner can grant the role it needs with: roadmunk-sam team grant.</source>
        <translation>%1 データベースが拒否しました。あなたのチームロールでは許可されていません。必要なロールはオーナーが roadmunk-sam team grant で付与できます。</translation>
    </message>
    <message>
        <source>The team database %1 has schema %2; this version of Roadmunk SAM needs %3. Only the schema&apos;s administrator (%4) upgrades it: ask them to run &quot;roadmunk-sam database status&quot; with this version once.</source>
        <translation>チームのデータベース %1 のスキーマは %2 ですが、このバージョンの Roadmunk SAM には %3 が必要です。アップグレードできるのはスキーマの管理者 (%4) だけです。このバージョンで「roadmunk-sam database status」を一度実行するよう依頼してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::DatabaseAccess</name>
    <message>
        <source>Connected to PostgreSQL %1 as %2.</source>
        <translation>PostgreSQL %1 に %2 として接続しました。</translation>
    </message>
    <message>
        <source>The database has no Roadmunk SAM tables yet: its administrator creates them with roadmunk-sam database init.</source>
        <translation>このデータベースにはまだ Roadmunk SAM のテーブルがありません。データベースの管理者が roadmunk-sam database init で作成します。</translation>
    </message>
    <message>
        <source>Its schema (version %1) is newer than this Roadmunk SAM understands (version %2): install the newer Roadmunk SAM the team uses.</source>
        <translation>スキーマ（バージョン %1）はこの Roadmunk SAM が扱えるもの（バージョン %2）より新しいです。チームが使用している新しい Roadmunk SAM をインストールしてください。</translation>
    </message>
    <message>
        <source>Its schema (version %1) is older than this Roadmunk SAM&apos;s (version %2): it is upgraded when its administrator opens it with this version.</source>
        <translation>スキーマ（バージョン %1）はこの Roadmunk SAM のもの（バージョン %2）より古いです。管理者がこのバージョンで開くとアップグレードされます。</translation>
    </message>
    <message>
        <source>Its schema (version %1) is ready for this version of Roadmunk SAM.</source>
        <translation>スキーマ（バージョン %1）はこのバージョンの Roadmunk SAM で使用できます。</translation>
    </message>
</context>
<context>
    <name>rmsam::DatabaseCopy</name>
    <message>
        <source>--to takes a PostgreSQL database, postgresql://USER@HOST:PORT/DBNAME; %1 is not one.</source>
        <translation>--to には PostgreSQL データベース（postgresql://USER@HOST:PORT/DBNAME）を指定します。%1 はそうではありません。</translation>
    </message>
    <message>
        <source>The databases %1 and %2 have different schema versions (%3 and %4). Use the same version of Roadmunk SAM for both.</source>
        <translation>データベース %1 と %2 のスキーマバージョンが異なります（%3 と %4）。両方に同じバージョンの Roadmunk SAM を使ってください。</translation>
    </message>
    <message>
        <source>The copy of the table %1 does not match: %2 rows here, %3 in %4. Nothing was copied.</source>
        <translation>テーブル %1 のコピーが一致しません: こちらは %2 行、%4 では %3 行です。何もコピーされていません。</translation>
    </message>
    <message>
        <source>Cannot read the tables of the local database.</source>
        <translation>ローカルデータベースのテーブルを読み取れません。</translation>
    </message>
    <message>
        <source>Cannot read the tables of the PostgreSQL database.</source>
        <translation>PostgreSQL データベースのテーブルを読み取れません。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 has no column %2 in the table %3, which the local database has. Nothing was copied.</source>
        <translation>PostgreSQL データベース %1 のテーブル %3 には、ローカルデータベースにある列 %2 がありません。何もコピーされていません。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 is not empty (the table %2 has rows). database copy only fills an empty database, so that nothing there is mixed or overwritten; nothing was changed. Give a new database with --to.</source>
        <translation>PostgreSQL データベース %1 は空ではありません（テーブル %2 に行があります）。既存のデータと混ざったり上書きされたりしないよう、database copy は空のデータベースにのみコピーします。何も変更されていません。--to で新しいデータベースを指定してください。</translation>
    </message>
    <message>
        <source>Cannot switch the triggers of the PostgreSQL database for the copy. Run database copy as the user who owns the tables (who ran database init).</source>
        <translation>コピーのために PostgreSQL データベースのトリガーを切り替えられません。テーブルの所有者（database init を実行したユーザー）として database copy を実行してください。</translation>
    </message>
    <message>
        <source>Cannot copy the table %1.</source>
        <translation>テーブル %1 をコピーできません。</translation>
    </message>
    <message>
        <source>Cannot count the rows of the table %1.</source>
        <translation>テーブル %1 の行数を数えられません。</translation>
    </message>
    <message>
        <source>database copy moves a local database (the data folder) into a PostgreSQL database: give the data folder with --data-dir (or none for the default) and the PostgreSQL database with --to postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>database copy はローカルのデータベース（データフォルダー）を PostgreSQL データベースに移します。データフォルダーは --data-dir で指定し（省略時は既定のフォルダー）、PostgreSQL データベースは --to postgresql://USER@HOST:PORT/DBNAME で指定してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::DatabaseDialog</name>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>A &amp;team database on a PostgreSQL server</source>
        <translation>PostgreSQL サーバー上のチームデータベース(&amp;T)</translation>
    </message>
    <message>
        <source>Leave empty for ~/.pgpass or a client certificate</source>
        <translation>~/.pgpass またはクライアント証明書を使う場合は空欄</translation>
    </message>
    <message>
        <source>A password typed here is kept in the OS keychain, never in the settings or a log.</source>
        <translation>ここに入力したパスワードは OS のキーチェーンにのみ保存され、設定やログには決して書き込まれません。</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>接続をテスト(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Use this database</source>
        <translation>このデータベースを使用(&amp;U)</translation>
    </message>
    <message>
        <source>Roadmunk SAM opens the chosen database when it starts again.</source>
        <translation>選択したデータベースは Roadmunk SAM の次回起動時に開かれます。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>接続できません: %1</translation>
    </message>
    <message>
        <source>This computer &amp;only (a private database in the data folder)</source>
        <translation>このコンピューターのみ（データフォルダー内の専用データベース）(&amp;O)</translation>
    </message>
</context>
<context>
    <name>rmsam::DesktopApplication</name>
    <message>
        <source>Roadmunk SAM</source>
        <translation>Roadmunk SAM</translation>
    </message>
    <message>
        <source>Cannot prepare the demo folder %1.</source>
        <translation>デモ用フォルダー %1 を準備できません。</translation>
    </message>
    <message>
        <source>Cannot start the built-in Roadmunk sandbox on this computer&apos;s loopback address.</source>
        <translation>このコンピューターのループバックアドレスで、組み込みの Roadmunk サンドボックスを起動できません。</translation>
    </message>
    <message>
        <source>Demo mode: connected to the built-in Roadmunk sandbox at %1 with a synthetic account and sample entitlements. Your real profiles and tokens are not touched; demo data is reset at every start.</source>
        <translation>デモモード: 組み込みの Roadmunk サンドボックス（%1）に、合成アカウントとサンプルのエンタイトルメントで接続しています。実際のプロファイルとトークンには影響しません。デモデータは起動のたびにリセットされます。</translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation>デモアカウント</translation>
    </message>
    <message>
        <source>A scheduled job failed</source>
        <translation>スケジュール済みジョブが失敗しました</translation>
    </message>
</context>
<context>
    <name>rmsam::ExclusionRepository</name>
    <message>
        <source>Cannot read the exclusion rules.</source>
        <translation>除外ルールを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot save the exclusion rule.</source>
        <translation>除外ルールを保存できません。</translation>
    </message>
    <message>
        <source>Cannot delete the exclusion rule.</source>
        <translation>除外ルールを削除できません。</translation>
    </message>
    <message>
        <source>There is no such exclusion rule.</source>
        <translation>その除外ルールはありません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Exclusions</name>
    <message>
        <source>An exclusion rule needs a value.</source>
        <translation>除外ルールには値が必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address: a user is excluded by an address of the form name@example.com.</source>
        <translation>「%1」はメールアドレスではありません。ユーザーは name@example.com の形式のアドレスで除外します。</translation>
    </message>
</context>
<context>
    <name>rmsam::ExclusionsPanel</name>
    <message>
        <source>Add &amp;user…</source>
        <translation>ユーザーを追加(&amp;U)…</translation>
    </message>
    <message>
        <source>Add i&amp;dentifier…</source>
        <translation>識別子を追加(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Excluded user %1 in every profile.</source>
        <translation>ユーザー %1 をすべてのプロファイルで除外しました。</translation>
    </message>
    <message>
        <source>Excluded subscription identifier %1.</source>
        <translation>サブスクリプション識別子 %1 を除外しました。</translation>
    </message>
    <message>
        <source>Removed the exclusion of %1.</source>
        <translation>%1 の除外を解除しました。</translation>
    </message>
    <message>
        <source>Exclude a user</source>
        <translation>ユーザーを除外</translation>
    </message>
    <message>
        <source>Exclude a subscription identifier</source>
        <translation>サブスクリプション識別子を除外</translation>
    </message>
    <message>
        <source>Email address of the user to leave out of cost figures and never reclaim, in every profile:</source>
        <translation>コストの集計から外し、回収の対象にしないユーザーのメールアドレス（すべてのプロファイル）:</translation>
    </message>
    <message>
        <source>Subscription identifier (the role as Roadmunk sends it) to leave out of cost figures and never reclaim:</source>
        <translation>コストの集計から外し、回収の対象にしないサブスクリプション識別子（Roadmunk が送るロール名）:</translation>
    </message>
    <message>
        <source>Exclude %1 in every profile?</source>
        <translation>%1 をすべてのプロファイルで除外しますか？</translation>
    </message>
    <message>
        <source>An excluded user is left out of cost figures and never reclaimed, until the exclusion is removed.</source>
        <translation>除外したユーザーは、除外を解除するまでコストの集計から外れ、回収されません。</translation>
    </message>
    <message>
        <source>Remove the exclusion of %1?</source>
        <translation>%1 の除外を解除しますか？</translation>
    </message>
    <message>
        <source>Its subscriptions count in cost figures again and can become removal candidates.</source>
        <translation>そのサブスクリプションは再びコストに集計され、削除候補になることがあります。</translation>
    </message>
    <message>
        <source>Exclusion rules</source>
        <translation>除外ルール</translation>
    </message>
    <message>
        <source>&amp;Exclude user</source>
        <translation>ユーザーを除外(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remove exclusion</source>
        <translation>除外を解除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>rmsam::HrRoster</name>
    <message>
        <source>email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>The first line of the file is a single column (&quot;%1&quot;), read as %2: it is separated by neither commas, semicolons nor tabs. Save the roster again as CSV.</source>
        <translation>ファイルの 1 行目は単一の列（「%1」）で、%2 として読み取りました。カンマ、セミコロン、タブのいずれでも区切られていません。名簿を CSV として保存し直してください。</translation>
    </message>
    <message>
        <source>Cannot find the %1 column among the roster&apos;s %2 columns (%3). Choose the columns to use (command line: --email-column, --status-column and --end-date-column).</source>
        <translation>名簿の %2 列（%3）の中に %1 の列が見つかりません。使用する列を選択してください（コマンドライン: --email-column、--status-column、--end-date-column）。</translation>
    </message>
    <message>
        <source>Line %1 has %2 fields but the header has %3.</source>
        <translation>%1 行目のフィールド数は %2 ですが、見出しは %3 です。</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an email address.</source>
        <translation>%1 行目: 「%2」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Line %1: the status &quot;%2&quot; says neither employed nor left.</source>
        <translation>%1 行目: ステータス「%2」は在籍とも退職とも判断できません。</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a date the app can read without guessing (use YYYY-MM-DD).</source>
        <translation>%1 行目: 「%2」は推測なしでは読み取れない日付です（YYYY-MM-DD で指定してください）。</translation>
    </message>
    <message>
        <source>The roster file is empty.</source>
        <translation>名簿ファイルが空です。</translation>
    </message>
    <message>
        <source>The HR roster was not attached; the previous one stays. %1</source>
        <translation>人事名簿は添付されませんでした。以前の名簿がそのまま使われます。%1</translation>
    </message>
    <message>
        <source>The HR roster lists nobody: it has a header only.</source>
        <translation>人事名簿に誰も記載されていません（見出しのみです）。</translation>
    </message>
</context>
<context>
    <name>rmsam::HrRosterRepository</name>
    <message>
        <source>Cannot attach the HR roster.</source>
        <translation>人事名簿を添付できません。</translation>
    </message>
    <message>
        <source>Cannot read the attached HR roster.</source>
        <translation>添付された 人事名簿を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot change the roster&apos;s aliases.</source>
        <translation>名簿のエイリアスを変更できません。</translation>
    </message>
    <message>
        <source>Cannot remove the attached HR roster.</source>
        <translation>添付された 人事名簿を削除できません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>There is no roster alias for %1.</source>
        <translation>%1 の名簿のエイリアスはありません。</translation>
    </message>
</context>
<context>
    <name>rmsam::JobLauncher</name>
    <message>
        <source>&quot;%1&quot; is a Draft: validate and publish it before its jobs run.</source>
        <translation>「%1」はドラフトです。ジョブを実行するには、先に検証して公開してください。</translation>
    </message>
    <message>
        <source>Download activity is off for &quot;%1&quot;; there is no activity job to run.</source>
        <translation>「%1」ではアクティビティのダウンロードがオフのため、実行するアクティビティジョブはありません。</translation>
    </message>
    <message>
        <source>A sync of &quot;%1&quot; is already running.</source>
        <translation>「%1」の同期はすでに実行中です。</translation>
    </message>
    <message>
        <source>A reclaim run of &quot;%1&quot; is already running.</source>
        <translation>「%1」の回収実行はすでに実行中です。</translation>
    </message>
    <message>
        <source>Notices of this profile are already being sent.</source>
        <translation>このプロファイルの通知は既に送信中です。</translation>
    </message>
    <message>
        <source>E-mail is not available here.</source>
        <translation>ここではメールを使用できません。</translation>
    </message>
    <message>
        <source>Set up e-mail first: Settings › E-mail or `notify smtp set`.</source>
        <translation>先にメールを設定してください: 設定 › メール または `notify smtp set`。</translation>
    </message>
</context>
<context>
    <name>rmsam::JobRepository</name>
    <message>
        <source>Cannot create the software models.</source>
        <translation>ソフトウェアモデルを作成できません。</translation>
    </message>
    <message>
        <source>Cannot create the scheduled jobs.</source>
        <translation>スケジュール済みジョブを作成できません。</translation>
    </message>
    <message>
        <source>Cannot delete the scheduled job.</source>
        <translation>スケジュール済みジョブを削除できません。</translation>
    </message>
    <message>
        <source>Cannot read the scheduled jobs.</source>
        <translation>スケジュール済みジョブを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read the software models.</source>
        <translation>ソフトウェアモデルを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot update the scheduled job.</source>
        <translation>スケジュール済みジョブを更新できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Jobs</name>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Download subscriptions</source>
        <translation>サブスクリプションのダウンロード</translation>
    </message>
    <message>
        <source>Refresh activity</source>
        <translation>アクティビティの更新</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>コマンドライン</translation>
    </message>
</context>
<context>
    <name>rmsam::MailService</name>
    <message>
        <source>A password needs a user: set the SMTP user too.</source>
        <translation>パスワードにはユーザーが必要です。SMTP ユーザーも設定してください。</translation>
    </message>
    <message>
        <source>Set up e-mail first: Settings › E-mail or `notify smtp set`.</source>
        <translation>先にメールを設定してください: 設定 › メール または `notify smtp set`。</translation>
    </message>
    <message>
        <source>No password for the SMTP user &quot;%1&quot; is stored in this computer&apos;s keychain. Enter it in Settings › E-mail or with `notify smtp set --user %1 --password-stdin`.</source>
        <translation>SMTP ユーザー「%1」のパスワードがこのコンピューターのキーチェーンに保存されていません。設定 › メール で入力するか、`notify smtp set --user %1 --password-stdin` で設定してください。</translation>
    </message>
    <message>
        <source>Roadmunk SAM test message</source>
        <translation>Roadmunk SAM テストメッセージ</translation>
    </message>
    <message>
        <source>This is a test message from Roadmunk SAM, sent through %1:%2 to check its e-mail settings. No action is needed.</source>
        <translation>これは Roadmunk SAM のメール設定を確認するために %1:%2 経由で送信したテストメッセージです。対応は不要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>CA file &quot;%1&quot; cannot be read: give the path of a PEM file of your organisation&apos;s CA.</source>
        <translation>CA ファイル「%1」を読み取れません。組織の CA の PEM ファイルのパスを指定してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::MailSettingsDialog</name>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常はポート 587）</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>最初から TLS（通常はポート 465）</translation>
    </message>
    <message>
        <source>None (only to this computer)</source>
        <translation>なし（このコンピューター宛てのみ）</translation>
    </message>
    <message>
        <source>Replies go to the sender address</source>
        <translation>返信は送信元アドレスに届きます</translation>
    </message>
    <message>
        <source>No login</source>
        <translation>ログインなし</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>システムの認証局</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Se&amp;nd test message</source>
        <translation>テストメッセージを送信(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>セキュリティ(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>送信元(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Reply-To:</source>
        <translation>Reply-To(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>CA ファイル(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Messages per minute:</source>
        <translation>1 分あたりのメッセージ数(&amp;M):</translation>
    </message>
    <message>
        <source>Send a test &amp;to:</source>
        <translation>テストの送信先(&amp;T):</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keychain only.</source>
        <translation>パスワードはこのコンピューターのキーチェーンにのみ保存されます。</translation>
    </message>
    <message>
        <source>Stored; type a new one to replace it</source>
        <translation>保存済み。置き換えるには新しいパスワードを入力してください</translation>
    </message>
    <message>
        <source>A password is stored in this computer&apos;s keychain. Leave the field empty to keep it.</source>
        <translation>パスワードはこのコンピューターのキーチェーンに保存されています。そのまま使う場合は空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>The relay said: %1</source>
        <translation>リレーの応答: %1</translation>
    </message>
</context>
<context>
    <name>rmsam::MainWindow</name>
    <message>
        <source>Roadmunk SAM</source>
        <translation>Roadmunk SAM</translation>
    </message>
    <message>
        <source>Integration profiles</source>
        <translation>統合プロファイル</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新規プロファイル(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete profile…</source>
        <translation>プロファイルを削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>プロファイル(&amp;P)</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>プロファイルの削除</translation>
    </message>
    <message>
        <source>Delete “%1” and remove its API token from the OS keychain? Roadmunk itself is not changed.</source>
        <translation>「%1」を削除し、その API トークンを OS のキーチェーンから削除しますか？ Roadmunk 自体は変更されません。</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>プロファイル %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an integration profile, or create one with Profile › New profile… (Ctrl+N).</source>
        <translation>統合プロファイルを選択するか、「プロファイル › 新規プロファイル…」（Ctrl+N）で作成してください。</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>今すぐ同期(&amp;Y)</translation>
    </message>
    <message>
        <source>Download subscriptions and activity of the selected profile now (F5)</source>
        <translation>選択したプロファイルのサブスクリプションとアクティビティを今すぐダウンロードします（F5）</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>テーブルを CSV にエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>テーブルを CSV にエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同期に失敗しました: %1</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>同期が完了しました。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n 行を %1 にエクスポートしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定値</translation>
    </message>
    <message>
        <source>The language changes when Roadmunk SAM starts again.</source>
        <translation>言語は Roadmunk SAM の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <source>Ne&amp;xt tab</source>
        <translation>次のタブ(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious tab</source>
        <translation>前のタブ(&amp;V)</translation>
    </message>
    <message>
        <source>Much smaller user list</source>
        <translation>ユーザー一覧が大幅に減少</translation>
    </message>
    <message>
        <source>&amp;Accept the smaller list</source>
        <translation>減った一覧を受け入れる(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep the current snapshot</source>
        <translation>現在のスナップショットを維持(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>データベース(&amp;D)…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>Roadmunk SAM opens the chosen database when it starts again. Restart now?</source>
        <translation>選択したデータベースは Roadmunk SAM の次回起動時に開かれます。今すぐ再起動しますか?</translation>
    </message>
    <message>
        <source>Updated with another member&apos;s changes.</source>
        <translation>他のメンバーの変更を反映しました。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1, no team role</source>
        <translation>%1、チームロールなし</translation>
    </message>
    <message>
        <source>Export the rows and columns the table shows (Ctrl+E)</source>
        <translation>テーブルに表示している行と列をエクスポートします (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;all rows as CSV…</source>
        <translation>すべての行を CSV にエクスポート(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>同期をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel the sync (Esc)</source>
        <translation>同期をキャンセルします (Esc)</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>同期をキャンセルしました。</translation>
    </message>
    <message>
        <source>Roadmunk SAM keeps running in the system tray so that the daily jobs run. Quit it from the tray icon&apos;s menu.</source>
        <translation>毎日のジョブを実行できるよう、Roadmunk SAM はシステムトレイで動作を続けます。終了するにはトレイアイコンのメニューを使用してください。</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>このデスクトップにはシステムトレイがありません。</translation>
    </message>
    <message>
        <source>&amp;Open Roadmunk SAM</source>
        <translation>Roadmunk SAM を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>今すぐ同期(&amp;S)</translation>
    </message>
    <message>
        <source>Sync of “%1” failed: %2</source>
        <translation>「%1」の同期に失敗しました: %2</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Roadmunk SAM</source>
        <translation>Roadmunk SAM について(&amp;A)</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS のキーチェーン</translation>
    </message>
    <message>
        <source>the Windows Credential Manager</source>
        <translation>Windows の資格情報マネージャー</translation>
    </message>
    <message>
        <source>the desktop&apos;s Secret Service (GNOME Keyring or KWallet)</source>
        <translation>デスクトップの Secret Service（GNOME Keyring または KWallet）</translation>
    </message>
    <message>
        <source>in the team database %1</source>
        <translation>チームデータベース %1</translation>
    </message>
    <message>
        <source>in the file %1</source>
        <translation>ファイル %1</translation>
    </message>
    <message>
        <source>About Roadmunk SAM</source>
        <translation>Roadmunk SAM について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Roadmunk SAM %1&lt;/h3&gt;&lt;p&gt;Finds unused Roadmunk seats and reclaims them safely.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3.&lt;/p&gt;&lt;p&gt;Profiles, snapshots and the audit log are kept %2.&lt;/p&gt;&lt;p&gt;API tokens are kept only in %3, never in the database, settings or logs.&lt;/p&gt;&lt;p&gt;Built with Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Roadmunk SAM %1&lt;/h3&gt;&lt;p&gt;使われていない Roadmunk のシートを見つけ、安全に回収します。&lt;/p&gt;&lt;p&gt;GNU General Public License バージョン 3 の下でライセンスされています。&lt;/p&gt;&lt;p&gt;プロファイル、スナップショット、監査ログの保存先: %2。&lt;/p&gt;&lt;p&gt;API トークンは %3 にのみ保存され、データベース、設定、ログには保存されません。&lt;/p&gt;&lt;p&gt;Qt %4 でビルドされています。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when closed</source>
        <translation>閉じてもトレイで実行を続ける(&amp;K)</translation>
    </message>
    <message>
        <source>Updated with changes saved elsewhere (the command line or another window).</source>
        <translation>他の場所（コマンドラインまたは別のウィンドウ）で保存された変更を反映しました。</translation>
    </message>
    <message>
        <source>Export all rows as CSV</source>
        <translation>すべての行を CSV にエクスポート</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %n row(s) (filtered) to %2.</source>
        <translation>
            <numerusform>%n 行中 %1 行（フィルター適用）を %2 にエクスポートしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading subscriptions: %1, %2</source>
        <translation>サブスクリプションをダウンロードしています: %1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 人のユーザー</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing activity: %1, %2</source>
        <translation>アクティビティを更新しています: %1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%n roadmap(s)</source>
        <translation>
            <numerusform>%n 件のロードマップ</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>今すぐ再起動(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete profile</source>
        <translation>プロファイルを削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
        <translation>メール(&amp;E)…</translation>
    </message>
    <message>
        <source>Roadmunk seats to review before renewal</source>
        <translation>更新前に見直す Roadmunk シート</translation>
    </message>
</context>
<context>
    <name>rmsam::MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>メッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>rmsam::NoticeDispatcher</name>
    <message numerus="yes">
        <source>%n e-mail(s) would be sent.</source>
        <translation>
            <numerusform>%n 件のメールが送信されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mails: %1 sent, %2 refused, %3 deferred, %4 of unknown outcome, %5 not sent.</source>
        <translation>メール: 送信 %1 件、拒否 %2 件、保留 %3 件、結果不明 %4 件、未送信 %5 件。</translation>
    </message>
    <message>
        <source>sending notices</source>
        <translation>通知の送信</translation>
    </message>
    <message>
        <source>Cancelled; the remaining e-mails were not sent.</source>
        <translation>キャンセルしました。残りのメールは送信していません。</translation>
    </message>
    <message>
        <source>The app stopped while sending the %1 e-mail to %2 (%3), so it may or may not have gone out. It is not sent again: check with the user, then move the candidate on by hand.</source>
        <translation>%2 への%1メール（%3）の送信中にアプリが停止したため、送信されたかどうかは不明です。再送信はしません。ユーザーに確認してから、候補を手動で先に進めてください。</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>The mail server refused the %1 e-mail to %2: %3. Check the address, then move the candidate on by hand.</source>
        <translation>メールサーバーが %2 への%1メールを拒否しました: %3。アドレスを確認してから、候補を手動で先に進めてください。</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>リマインダー</translation>
    </message>
</context>
<context>
    <name>rmsam::NoticeRepository</name>
    <message>
        <source>Cannot record the notice e-mail.</source>
        <translation>通知メールを記録できません。</translation>
    </message>
    <message>
        <source>Cannot read the notice e-mails.</source>
        <translation>通知メールを読み込めません。</translation>
    </message>
    <message>
        <source>This e-mail was already sent or attempted for %1; it is never sent twice.</source>
        <translation>このメールは %1 について既に送信済みか送信を試みており、2 回送信することはありません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Notices</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
</context>
<context>
    <name>rmsam::PagedFetcher</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルされました。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer did not contain the %1 list.</source>
        <translation>Roadmunk の応答に %1 の一覧が含まれていませんでした。</translation>
    </message>
    <message>
        <source>Roadmunk kept answering with empty pages that say more follow. Try again later.</source>
        <translation>Roadmunk から、続きがあることを示す空のページが返され続けました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s %1 listing could not be read to its end. Try again later.</source>
        <translation>Roadmunk の %1 の一覧を最後まで読み込めませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s %1 listing did not say whether more rows follow, so it cannot be read safely. Nothing was changed; try again later.</source>
        <translation>Roadmunk の %1 一覧が続きの有無を示さなかったため、安全に読み取れません。何も変更していません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s %1 listing went on past %2 rows, more than this account can hold, so it was stopped. Nothing was changed; try again later, and tell Roadmunk&apos;s support if it keeps happening.</source>
        <translation>Roadmunk の %1 一覧がこのアカウントで有り得る数を超えて %2 行を過ぎたため、読み取りを止めました。何も変更していません。しばらくしてからもう一度お試しください。続く場合は Roadmunk のサポートに連絡してください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s %1 listing is inconsistent (%2), so it cannot be used safely. Nothing was changed; try again later.</source>
        <translation>Roadmunk の %1 一覧に矛盾があり（%2）、安全に使用できません。何も変更していません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>a row without a valid id</source>
        <translation>有効な ID のない行</translation>
    </message>
    <message>
        <source>the id %1 twice in one page</source>
        <translation>1 ページに ID %1 が 2 回</translation>
    </message>
    <message>
        <source>the page at offset %1 repeats rows already received</source>
        <translation>オフセット %1 のページが受信済みの行を繰り返している</translation>
    </message>
</context>
<context>
    <name>rmsam::Profile</name>
    <message>
        <source>Published</source>
        <translation>公開済み</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>ドラフト</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileForm</name>
    <message>
        <source>Publish</source>
        <translation>公開</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>&amp;Display Name:</source>
        <translation>表示名(&amp;D):</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <source>Profile Type:</source>
        <translation>プロファイルタイプ:</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>C&amp;lear token</source>
        <translation>トークンをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Connection &amp;&amp; Credential</source>
        <translation>接続と資格情報</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>Connection URL:</source>
        <translation>接続 URL:</translation>
    </message>
    <message>
        <source>API token:</source>
        <translation>API トークン:</translation>
    </message>
    <message>
        <source>Download subscriptions</source>
        <translation>サブスクリプションのダウンロード</translation>
    </message>
    <message>
        <source>Always on: the integration cannot work without it.</source>
        <translation>常にオン: これがないと統合は機能しません。</translation>
    </message>
    <message>
        <source>Download &amp;activity</source>
        <translation>アクティビティのダウンロード(&amp;A)</translation>
    </message>
    <message>
        <source>Analyze user activity from</source>
        <translation>ユーザーアクティビティの分析開始日</translation>
    </message>
    <message>
        <source>Subflows</source>
        <translation>サブフロー</translation>
    </message>
    <message>
        <source>Analyze user activity fro&amp;m:</source>
        <translation>ユーザーアクティビティの分析開始日(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Validate Connection</source>
        <translation>接続を検証(&amp;V)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Connection validated: token “%1”, account “%2”. You can publish the profile now.</source>
        <translation>接続を検証しました: トークン「%1」、アカウント「%2」。プロファイルを公開できます。</translation>
    </message>
    <message>
        <source>Minimal permissions</source>
        <translation>最小限の権限</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>プロセス</translation>
    </message>
    <message>
        <source>Roadmunk role</source>
        <translation>Roadmunk ロール</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <source>Validate connection</source>
        <translation>接続の検証</translation>
    </message>
    <message>
        <source>Download activity</source>
        <translation>アクティビティのダウンロード</translation>
    </message>
    <message>
        <source>Reclaim subscriptions</source>
        <translation>サブスクリプションの回収</translation>
    </message>
    <message>
        <source>Account Admin</source>
        <translation>Account Admin</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Saved. The profile is a Draft again: validate the connection and publish it to resume downloads.</source>
        <translation>保存しました。プロファイルはドラフトに戻りました。ダウンロードを再開するには、接続を検証してプロファイルを公開してください。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Publish “%1”? Its subscriptions and activity will be downloaded on schedule.</source>
        <translation>「%1」を公開しますか？ サブスクリプションとアクティビティがスケジュールに従ってダウンロードされます。</translation>
    </message>
    <message>
        <source>Token stored in the OS keychain. Validate the connection next.</source>
        <translation>トークンを OS のキーチェーンに保存しました。次に接続を検証してください。</translation>
    </message>
    <message>
        <source>Attach &amp;User report…</source>
        <translation>ユーザーレポートを添付(&amp;U)…</translation>
    </message>
    <message>
        <source>Attach the Roadmunk User report</source>
        <translation>Roadmunk のユーザーレポートを添付</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Download the &quot;User&quot; report in Roadmunk (Account Settings › Reports) and drop it here, or attach it: only users it lists as active then count as subscriptions.</source>
        <translation>Roadmunk で「User」レポート（Account Settings › Reports）をダウンロードし、ここにドロップするか添付してください。添付すると、レポートでアクティブとされているユーザーだけがサブスクリプションとして数えられます。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>How many pages are requested at once while downloading.</source>
        <translation>ダウンロード中に同時に要求するページ数です。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Refresh activity runs daily a&amp;t:</source>
        <translation>アクティビティの更新の毎日の実行時刻(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Warn when the User report is older than:</source>
        <translation>ユーザーレポートの経過日数がこれを超えたら警告(&amp;W):</translation>
    </message>
    <message>
        <source>No User report attached: every user the API lists counts as a subscription.</source>
        <translation>ユーザーレポートが添付されていません。API で一覧表示されるすべてのユーザーがサブスクリプションとして数えられます。</translation>
    </message>
    <message>
        <source>The User report was not attached.</source>
        <translation>ユーザーレポートは添付されませんでした。</translation>
    </message>
    <message>
        <source>Sandbox on this computer</source>
        <translation>このコンピューター上のサンドボックス</translation>
    </message>
    <message>
        <source>The daily job is created when the profile is published.</source>
        <translation>毎日のジョブは、プロファイルの公開時に作成されます。</translation>
    </message>
    <message>
        <source>Stored in the OS keychain (%1)</source>
        <translation>OS のキーチェーンに保存済み（%1）</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Set to&amp;ken…</source>
        <translation>トークンを設定(&amp;K)…</translation>
    </message>
    <message>
        <source>Re&amp;claim subscriptions</source>
        <translation>サブスクリプションの回収(&amp;C)</translation>
    </message>
    <message>
        <source>Sav&amp;e</source>
        <translation>保存(&amp;E)</translation>
    </message>
    <message>
        <source>Publis&amp;h</source>
        <translation>公開(&amp;H)</translation>
    </message>
    <message>
        <source>Download subscriptions runs dail&amp;y at:</source>
        <translation>サブスクリプションのダウンロードの毎日の実行時刻(&amp;Y):</translation>
    </message>
    <message>
        <source>Re&amp;quests in flight:</source>
        <translation>同時リクエスト数(&amp;Q):</translation>
    </message>
    <message>
        <source>Scheduled job &quot;%1&quot;</source>
        <translation>スケジュール済みジョブ「%1」</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> メガバイト</translation>
    </message>
    <message>
        <source>A larger answer from Roadmunk is refused unread: a page of users is tens of KB.</source>
        <translation>これより大きい Roadmunk の応答は読み取らずに拒否します。ユーザー一覧の 1 ページは数十キロバイトです。</translation>
    </message>
    <message>
        <source>Lar&amp;gest answer read:</source>
        <translation>読み取る応答の上限(&amp;G):</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>変更を保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them before quitting?</source>
        <translation>「%1」に未保存の変更があります。終了する前に保存しますか？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them before another profile is shown?</source>
        <translation>「%1」に未保存の変更があります。別のプロファイルを表示する前に保存しますか？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Validation checks the saved settings: save them first?</source>
        <translation>「%1」に未保存の変更があります。検証は保存済みの設定で行います。先に保存しますか？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Publishing uses the saved settings: save them first?</source>
        <translation>「%1」に未保存の変更があります。公開は保存済みの設定で行います。先に保存しますか？</translation>
    </message>
    <message>
        <source>Replace report</source>
        <translation>レポートを置き換え</translation>
    </message>
    <message>
        <source>The attached User report &quot;%1&quot; stays.</source>
        <translation>添付済みのユーザーレポート「%1」はそのままです。</translation>
    </message>
    <message>
        <source>Nothing was saved: the changes are still in the form.</source>
        <translation>何も保存していません。変更はフォームに残っています。</translation>
    </message>
    <message>
        <source>Published. Its jobs run daily at the times under Jobs; Sync now runs them at once.</source>
        <translation>公開しました。ジョブは「ジョブ」の時刻に毎日実行されます。「今すぐ同期」ですぐに実行できます。</translation>
    </message>
    <message>
        <source>Checking the new API token against Roadmunk: &quot;%1&quot; keeps its current token unless the new one works.</source>
        <translation>新しい API トークンを Roadmunk で確認しています。新しいトークンが有効でない限り、「%1」は現在のトークンを使い続けます。</translation>
    </message>
    <message>
        <source>The new API token works: it is stored in the OS keychain and &quot;%1&quot; stays Published.</source>
        <translation>新しい API トークンは有効です。OS のキーチェーンに保存し、「%1」は公開済みのままです。</translation>
    </message>
    <message>
        <source>Token removed from the OS keychain. Set a token to use the profile again.</source>
        <translation>トークンを OS のキーチェーンから削除しました。プロファイルを再び使うにはトークンを設定してください。</translation>
    </message>
    <message>
        <source>%1: %2, %3 active; attached %4 (%5). %6</source>
        <translation>%1: %2、アクティブ %3 人。%4 に添付（%5）。%6</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 人のユーザー</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is older than %n day(s): attach a fresh one.</source>
        <translation>
            <numerusform>%n 日より古くなっています。新しいレポートを添付してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached the User report: %1, %2 active. Only the active ones count as subscriptions from now on.</source>
        <translation>ユーザーレポートを添付しました: %1、アクティブ %2 人。今後はアクティブなユーザーだけをサブスクリプションとして数えます。</translation>
    </message>
    <message>
        <source>Replace the attached report &quot;%1&quot; (%2, attached %3) with &quot;%4&quot;?</source>
        <translation>添付済みのレポート「%1」（%2、%3 に添付）を「%4」に置き換えますか？</translation>
    </message>
    <message>
        <source>Attach HR r&amp;oster…</source>
        <translation>人事名簿を添付(&amp;O)…</translation>
    </message>
    <message>
        <source>Attach the company&apos;s HR roster</source>
        <translation>会社の 人事名簿を添付</translation>
    </message>
    <message>
        <source>No HR roster attached: candidates come from activity alone.</source>
        <translation>人事名簿は添付されていません。候補はアクティビティのみで決まります。</translation>
    </message>
    <message>
        <source>HR roster %1: %2, %3; attached %4 (%5). %6</source>
        <translation>人事名簿 %1: %2、%3。添付 %4（%5）。%6</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>従業員 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaver(s)</source>
        <translation>
            <numerusform>退職者 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>The HR roster was not attached.</source>
        <translation>人事名簿は添付されませんでした。</translation>
    </message>
    <message>
        <source>Attached the HR roster: %1, %2. Seat holders missing from it or listed as gone are removal candidates now, listed first.</source>
        <translation>人事名簿を添付しました: %1、%2。名簿にないシート保有者や退職と記載されたシート保有者は削除候補になり、先頭に表示されます。</translation>
    </message>
    <message>
        <source>Replace the attached HR roster &quot;%1&quot; (%2, attached %3) with &quot;%4&quot;?</source>
        <translation>添付済みの 人事名簿「%1」（%2、添付 %3）を「%4」に置き換えますか？</translation>
    </message>
    <message>
        <source>Replace roster</source>
        <translation>名簿を置き換え</translation>
    </message>
    <message>
        <source>The attached HR roster &quot;%1&quot; stays.</source>
        <translation>添付済みの 人事名簿「%1」はそのまま使われます。</translation>
    </message>
    <message>
        <source>The language of the notice e-mails this profile&apos;s users get, whatever the language of this app.</source>
        <translation>このアプリの言語にかかわらず、このプロファイルのユーザーが受け取る通知メールの言語です。</translation>
    </message>
    <message>
        <source>Notice e-mails i&amp;n:</source>
        <translation>通知メールの言語(&amp;N):</translation>
    </message>
    <message>
        <source>User report and HR roster</source>
        <translation>ユーザーレポートと人事名簿</translation>
    </message>
    <message>
        <source>Attach it anyway? Do so only if the seat holders it leaves out really left the company.</source>
        <translation>このまま添付しますか？記載されていないシート保有者が本当に退職している場合にだけ添付してください。</translation>
    </message>
    <message>
        <source>Attach anyway</source>
        <translation>このまま添付</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileListModel</name>
    <message>
        <source>Sandbox</source>
        <translation>サンドボックス</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Connection URL</source>
        <translation>接続 URL</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfilePage</name>
    <message>
        <source>Integration profile</source>
        <translation>統合プロファイル</translation>
    </message>
    <message>
        <source>One profile connects one Roadmunk account. Profile Type: %1.</source>
        <translation>1 つのプロファイルで 1 つの Roadmunk アカウントに接続します。プロファイルタイプ: %1。</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Download subscriptions (always on)</source>
        <translation>サブスクリプションのダウンロード（常にオン）</translation>
    </message>
    <message>
        <source>Download &amp;activity</source>
        <translation>アクティビティのダウンロード(&amp;A)</translation>
    </message>
    <message>
        <source>Analyze user activity from</source>
        <translation>ユーザーアクティビティの分析開始日</translation>
    </message>
    <message>
        <source>&amp;Reclaim subscriptions</source>
        <translation>サブスクリプションの回収(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Display Name:</source>
        <translation>表示名(&amp;D):</translation>
    </message>
    <message>
        <source>Subflows:</source>
        <translation>サブフロー:</translation>
    </message>
    <message>
        <source>Analyze user activity fro&amp;m:</source>
        <translation>ユーザーアクティビティの分析開始日(&amp;M):</translation>
    </message>
    <message>
        <source>When Reclaim subscriptions is off, removal candidates are still listed but never reclaimed.</source>
        <translation>サブスクリプションの回収がオフの場合、削除候補は一覧表示されますが、回収はされません。</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileRepository</name>
    <message>
        <source>Cannot read the integration profiles.</source>
        <translation>統合プロファイルの一覧を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read the integration profile.</source>
        <translation>統合プロファイルを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot save the integration profile.</source>
        <translation>統合プロファイルを保存できません。</translation>
    </message>
    <message>
        <source>Cannot delete the integration profile.</source>
        <translation>統合プロファイルを削除できません。</translation>
    </message>
    <message>
        <source>No integration profile &quot;%1&quot;. List the profiles with: roadmunk-sam profile list</source>
        <translation>統合プロファイル「%1」はありません。プロファイルの一覧は次のコマンドで表示できます: roadmunk-sam profile list</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists. Choose another Display Name.</source>
        <translation>「%1」という名前のプロファイルは既に存在します。別の表示名を指定してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileRules</name>
    <message>
        <source>Display Name is required.</source>
        <translation>表示名は必須です。</translation>
    </message>
    <message>
        <source>Display Name is %1 characters long; use at most %2.</source>
        <translation>表示名が %1 文字あります。%2 文字以内にしてください。</translation>
    </message>
    <message>
        <source>Display Name must not contain control characters.</source>
        <translation>表示名に制御文字は使用できません。</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists. Choose another Display Name.</source>
        <translation>「%1」という名前のプロファイルは既に存在します。別の表示名を指定してください。</translation>
    </message>
    <message>
        <source>The endpoint %1 is not allowed. Roadmunk SAM only connects to the Roadmunk gateways (choose a region) or to a sandbox on this computer (a loopback address such as http://127.0.0.1:8080/public/graphql).</source>
        <translation>エンドポイント %1 は使用できません。Roadmunk SAM が接続するのは、Roadmunk ゲートウェイ（リージョンを選択）か、このコンピューター上のサンドボックス（http://127.0.0.1:8080/public/graphql などのループバックアドレス）だけです。</translation>
    </message>
    <message>
        <source>Analyze user activity from needs a date (YYYY-MM-DD).</source>
        <translation>ユーザーアクティビティの分析開始日には日付（YYYY-MM-DD）を指定してください。</translation>
    </message>
    <message>
        <source>Analyze user activity from (%1) is in the future; choose today or an earlier date.</source>
        <translation>ユーザーアクティビティの分析開始日（%1）が未来の日付です。今日以前の日付を指定してください。</translation>
    </message>
    <message>
        <source>No API token was given. Paste the token you generated in Roadmunk (Account Settings › API Tokens).</source>
        <translation>API トークンが指定されていません。Roadmunk（Account Settings › API Tokens）で生成したトークンを貼り付けてください。</translation>
    </message>
    <message>
        <source>The API token contains spaces or line breaks. Copy only the token itself.</source>
        <translation>API トークンに空白または改行が含まれています。トークンだけをコピーしてください。</translation>
    </message>
    <message>
        <source>The API token is %1 bytes long; the OS keychain accepts at most %2 bytes on every platform. A Roadmunk token is 549 characters: check that you copied only the token.</source>
        <translation>API トークンの長さが %1 バイトあります。OS のキーチェーンが受け付けるのは、どのプラットフォームでも %2 バイトまでです。Roadmunk のトークンは 549 文字です。トークンだけをコピーしたか確認してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already published.</source>
        <translation>「%1」は既に公開されています。</translation>
    </message>
    <message>
        <source>Validate the connection of &quot;%1&quot; before publishing it.</source>
        <translation>「%1」を公開する前に接続を検証してください。</translation>
    </message>
    <message>
        <source>Requests in flight must be between 1 and 16 (Roadmunk may throttle more).</source>
        <translation>同時リクエスト数は 1～16 の範囲で指定してください（それより多いと Roadmunk によって制限される場合があります）。</translation>
    </message>
    <message>
        <source>The User report age warning must be between 1 and 365 days.</source>
        <translation>ユーザーレポートの経過日数の警告は 1～365 日の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The largest answer read must be between 1 and 256 MB.</source>
        <translation>読み取る応答の上限は 1～256 MB の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Profile “%1” already points at this Roadmunk account (%2/%3). Two profiles for one account count its seats twice, in the license position and the dashboards alike: delete one of them unless both are meant to be kept.</source>
        <translation>プロファイル「%1」は既にこの Roadmunk アカウント（%2/%3）を参照しています。1 つのアカウントに 2 つのプロファイルがあると、ライセンスポジションでもダッシュボードでもシートが二重に数えられます。両方を残す意図がなければ、一方を削除してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileService</name>
    <message>
        <source>Validation was cancelled.</source>
        <translation>検証はキャンセルされました。</translation>
    </message>
    <message>
        <source>Give the run time as HH:MM.</source>
        <translation>実行時刻は HH:MM 形式で指定してください。</translation>
    </message>
    <message>
        <source>The profile has no %1 job: publish it first (the activity job exists only while Download activity is on).</source>
        <translation>このプロファイルには %1 ジョブがありません。先に公開してください（アクティビティジョブは、アクティビティのダウンロードがオンの場合にのみ存在します）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Change the region of &quot;%1&quot; to %2? The profile goes back to Draft and its scheduled jobs stop until you validate the connection and publish it again.</source>
        <translation>「%1」のリージョンを %2 に変更しますか？プロファイルはドラフトに戻り、接続を検証して再び公開するまでスケジュール済みジョブは停止します。</translation>
    </message>
    <message>
        <source>Change the region of &quot;%1&quot; to %2? Its last validation no longer holds: validate the connection again before publishing it.</source>
        <translation>「%1」のリージョンを %2 に変更しますか？前回の検証は無効になります。公開する前に接続を再度検証してください。</translation>
    </message>
    <message>
        <source>Change region</source>
        <translation>リージョンを変更</translation>
    </message>
    <message>
        <source>Turn off Download activity for &quot;%1&quot;? The profile goes back to Draft and its jobs stop until you validate the connection and publish it again; its Refresh activity job is deleted. Activity already downloaded is kept but no longer refreshed: a user active again keeps the old last activity.</source>
        <translation>「%1」のアクティビティのダウンロードをオフにしますか？プロファイルはドラフトに戻り、接続を検証して再び公開するまでジョブは停止します。アクティビティ更新ジョブは削除されます。ダウンロード済みのアクティビティは残りますが更新されなくなり、再びアクティブになったユーザーも古い最終アクティビティのままになります。</translation>
    </message>
    <message>
        <source>Turn off activity</source>
        <translation>アクティビティをオフにする</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being validated: set the token when the validation has finished.</source>
        <translation>「%1」は検証中です。検証が終わってからトークンを設定してください。</translation>
    </message>
    <message>
        <source>The new API token was not stored: %1 &quot;%2&quot; keeps its previous token and stays Published.</source>
        <translation>新しい API トークンは保存していません: %1「%2」は以前のトークンのまま、公開済みです。</translation>
    </message>
    <message>
        <source>Clear token</source>
        <translation>トークンを削除</translation>
    </message>
    <message>
        <source>Remove your API token for &quot;%1&quot; from this computer&apos;s keychain? The shared profile stays Published for the other members; you cannot sync or reclaim it from here until you set a token again.</source>
        <translation>このコンピューターのキーチェーンから「%1」のあなたの API トークンを削除しますか？共有プロファイルは他のメンバーには公開済みのままです。トークンを再び設定するまで、ここから同期や回収はできません。</translation>
    </message>
    <message>
        <source>Clear the API token of &quot;%1&quot;? The profile goes back to Draft and its scheduled jobs stop until you set a token, validate the connection and publish it again.</source>
        <translation>「%1」の API トークンを削除しますか？プロファイルはドラフトに戻り、トークンを設定し、接続を検証して再び公開するまでスケジュール済みジョブは停止します。</translation>
    </message>
    <message>
        <source>The profile has no HR roster attached.</source>
        <translation>このプロファイルには 人事名簿が添付されていません。</translation>
    </message>
    <message numerus="yes">
        <source>The HR roster lists only %1 of the profile&apos;s %n seat holder(s). A partial export or another department&apos;s list would make all the others removal candidates as &quot;Not on the HR roster&quot;; the roster was not attached.</source>
        <translation>
            <numerusform>人事名簿に記載されているのは、プロファイルのシート保有者 %n 人のうち %1 人だけです。一部だけのエクスポートや他部署の名簿だと、残り全員が「人事名簿に記載なし」として削除候補になります。人事名簿は添付されませんでした。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileTabs</name>
    <message>
        <source>Prof&amp;ile</source>
        <translation>プロファイル(&amp;I)</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>ダッシュボード(&amp;B)</translation>
    </message>
    <message>
        <source>Prof&amp;ile *</source>
        <translation>プロファイル(&amp;I) *</translation>
    </message>
    <message>
        <source>E&amp;xclude this user…</source>
        <translation>このユーザーを除外(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>rmsam::PublishPage</name>
    <message>
        <source>Publish</source>
        <translation>公開</translation>
    </message>
    <message>
        <source>Publishing moves the profile from Draft to Published, so its subscriptions and activity are downloaded on schedule.</source>
        <translation>公開すると、プロファイルはドラフトから公開済みになり、サブスクリプションとアクティビティがスケジュールに従ってダウンロードされます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Status: %2&lt;br&gt;Profile Type: %3&lt;br&gt;Connection URL: %4&lt;br&gt;Download activity: %5&lt;br&gt;Reclaim subscriptions: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;ステータス: %2&lt;br&gt;プロファイルタイプ: %3&lt;br&gt;接続 URL: %4&lt;br&gt;アクティビティのダウンロード: %5&lt;br&gt;サブスクリプションの回収: %6</translation>
    </message>
    <message>
        <source>on, from %1</source>
        <translation>オン（%1 から）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>&amp;Publish “%1” now</source>
        <translation>「%1」を今すぐ公開(&amp;P)</translation>
    </message>
</context>
<context>
    <name>rmsam::ReclaimDialog</name>
    <message>
        <source>Reclaim seats — %1</source>
        <translation>シートの回収 — %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Seat Type</source>
        <translation>シートタイプ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Savings per Year</source>
        <translation>年間削減額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Most users to deactivate in this run</source>
        <translation>今回の実行で無効化する最大ユーザー数</translation>
    </message>
    <message>
        <source>Number of users to deactivate, typed to confirm</source>
        <translation>確認のために入力する、無効化するユーザー数</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>無効化(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>実行をキャンセル</translation>
    </message>
    <message>
        <source>Most users in this run:</source>
        <translation>今回の実行での最大ユーザー数:</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n user(s) would be deactivated. Nobody has been deactivated yet.</source>
        <translation>
            <numerusform>ドライラン: %n 人のユーザーが無効化される予定です。まだ誰も無効化されていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) would be notified first.</source>
        <translation>
            <numerusform>%n 人のユーザーには先に通知される予定です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Savings: set entitlements (seats owned and price) to see them.</source>
        <translation>削減額: 表示するには、エンタイトルメント（所有シート数と価格）を設定してください。</translation>
    </message>
    <message>
        <source>Savings per year: %1</source>
        <translation>年間削減額: %1</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>確認のため %1 と入力してください:</translation>
    </message>
    <message>
        <source>Reading the API token from the keychain…</source>
        <translation>キーチェーンから API トークンを読み込んでいます…</translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>実行が停止しました: %1</translation>
    </message>
    <message>
        <source>Users to deactivate</source>
        <translation>無効化するユーザー</translation>
    </message>
    <message>
        <source>Savings per year: none from this run, which deactivates nobody.</source>
        <translation>年間削減額: この実行では誰も無効化されないため、削減はありません。</translation>
    </message>
    <message>
        <source>&amp;Leave out / take back</source>
        <translation>対象外にする／戻す(&amp;L)</translation>
    </message>
    <message>
        <source>Leave the selected users out of this run, or take them back in.</source>
        <translation>選択したユーザーをこの実行の対象外にするか、対象に戻します。</translation>
    </message>
    <message>
        <source>Left out of this run</source>
        <translation>この実行の対象外</translation>
    </message>
    <message numerus="yes">
        <source>%n left out by you.</source>
        <translation>
            <numerusform>%n 人を対象外にしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reclaiming: %1 of %n candidate(s) done.</source>
        <translation>
            <numerusform>回収中: %n 件中 %1 件の候補が完了しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail is not set up: send each notice yourself (Notice to user… on the candidate); the deadline counts from now.</source>
        <translation>メールが設定されていません。各通知はご自身で送信してください（候補の「ユーザーへの通知…」）。期限は今から数えます。</translation>
    </message>
    <message>
        <source>The notices were not sent: %1</source>
        <translation>通知は送信されませんでした: %1</translation>
    </message>
    <message>
        <source>Sending the notices…</source>
        <translation>通知を送信中…</translation>
    </message>
    <message>
        <source>Notices: %1 sent, %2 failed.</source>
        <translation>通知: 送信 %1 件、失敗 %2 件。</translation>
    </message>
</context>
<context>
    <name>rmsam::ReclaimJob</name>
    <message>
        <source>Would deactivate</source>
        <translation>無効化予定</translation>
    </message>
    <message>
        <source>Would notify the user</source>
        <translation>ユーザーに通知予定</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Awaiting the user&apos;s answer</source>
        <translation>ユーザーの回答待ち</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>無効化済み</translation>
    </message>
    <message>
        <source>Already deactivated</source>
        <translation>既に無効化済み</translation>
    </message>
    <message>
        <source>Canceled: active again</source>
        <translation>キャンセル: 再びアクティブ</translation>
    </message>
    <message>
        <source>Attention required</source>
        <translation>要対応</translation>
    </message>
    <message>
        <source>Skipped: user gone</source>
        <translation>スキップ: ユーザーが存在しない</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>結果不明</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Not attempted</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Reclaim subscriptions is off for %1: removal candidates are listed but not reclaimed. Turn the subflow on in the profile to reclaim seats.</source>
        <translation>%1 ではサブスクリプションの回収がオフです。削除候補は一覧表示されますが、回収はされません。シートを回収するには、プロファイルでこのサブフローをオンにしてください。</translation>
    </message>
    <message>
        <source>No API token is stored for %1; set one before reclaiming.</source>
        <translation>%1 には API トークンが保存されていません。回収する前に設定してください。</translation>
    </message>
    <message>
        <source>Roadmunk did not say whose token this is, so the app cannot make sure it does not deactivate the token&apos;s own identity. Nothing was deactivated.</source>
        <translation>Roadmunk からトークンの所有者が返されなかったため、トークン自身の ID を無効化しないことを確認できません。誰も無効化していません。</translation>
    </message>
    <message>
        <source>Cancelled; the remaining candidates were not touched.</source>
        <translation>キャンセルしました。残りの候補には何も変更していません。</translation>
    </message>
    <message>
        <source>The user is notified first.</source>
        <translation>ユーザーには先に通知されます。</translation>
    </message>
    <message>
        <source>Send the notice; the seat is reclaimed after %1 days without an answer.</source>
        <translation>通知を送信してください。回答がないまま %1 日が経過すると、シートは回収されます。</translation>
    </message>
    <message>
        <source>This is the API token&apos;s own identity; it is never deactivated.</source>
        <translation>これは API トークン自身の ID のため、無効化されることはありません。</translation>
    </message>
    <message>
        <source>Roadmunk no longer knows this user.</source>
        <translation>このユーザーは Roadmunk に存在しなくなりました。</translation>
    </message>
    <message>
        <source>The user is now an Account Admin; Account Admins are never deactivated.</source>
        <translation>このユーザーは Account Admin になりました。Account Admin は無効化されません。</translation>
    </message>
    <message>
        <source>The user&apos;s role is now &quot;%1&quot;, which the reclamation rule does not cover.</source>
        <translation>ユーザーのロールが「%1」に変わりました。このロールは回収ルールの対象外です。</translation>
    </message>
    <message>
        <source>The user&apos;s email is now %1; check that this is still the same person.</source>
        <translation>ユーザーのメールアドレスが %1 に変わりました。同一人物であることを確認してください。</translation>
    </message>
    <message>
        <source>Active again on %1.</source>
        <translation>%1 に再びアクティブになりました。</translation>
    </message>
    <message>
        <source>Reclaim run confirmed by %1.</source>
        <translation>%1 が回収の実行を確定しました。</translation>
    </message>
    <message>
        <source>The outcome is unknown (%1). The app does not call again blindly: the next reclaim run re-reads the user first.</source>
        <translation>結果は不明です（%1）。アプリはやみくもに再試行しません。次回の回収の実行時に、まずユーザーを読み込み直します。</translation>
    </message>
    <message>
        <source>Deactivated.</source>
        <translation>無効化しました。</translation>
    </message>
    <message>
        <source>An Account Admin is never deactivated.</source>
        <translation>Account Admin は無効化されません。</translation>
    </message>
    <message>
        <source>An exclusion rule matches this user.</source>
        <translation>このユーザーに一致する除外ルールがあります。</translation>
    </message>
    <message>
        <source>Your Roadmunk seat will be reclaimed</source>
        <translation>Roadmunk アカウント無効化のお知らせ</translation>
    </message>
    <message>
        <source>Before the call</source>
        <translation>呼び出し前</translation>
    </message>
    <message>
        <source>After the call</source>
        <translation>呼び出し後</translation>
    </message>
    <message>
        <source>Deactivation requested</source>
        <translation>無効化を要求</translation>
    </message>
    <message>
        <source>A deactivation was already sent for this user, and is never sent twice. Check the user in Roadmunk and close the candidate by hand.</source>
        <translation>このユーザーには既に無効化を送信しており、2 回送信することはありません。Roadmunk でユーザーを確認し、候補を手動でクローズしてください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer about the user was not readable, so nothing was deactivated.</source>
        <translation>ユーザーについての Roadmunk の応答を読み取れなかったため、何も無効化していません。</translation>
    </message>
    <message>
        <source>Roadmunk answered with another user&apos;s id; nothing was deactivated.</source>
        <translation>Roadmunk が別のユーザーの ID で応答しました。何も無効化していません。</translation>
    </message>
    <message>
        <source>Roadmunk sent a date the app cannot read (%1), so the user&apos;s inactivity cannot be proven.</source>
        <translation>Roadmunk がアプリで読み取れない日付（%1）を送信したため、ユーザーの非アクティブを証明できません。</translation>
    </message>
    <message>
        <source>Roadmunk now says the user never logged in, but it reported a login on %1 before.</source>
        <translation>Roadmunk は今はユーザーが一度もログインしていないと言っていますが、以前は %1 のログインを報告していました。</translation>
    </message>
    <message>
        <source>Roadmunk answered that it did not deactivate the user. Check the user in Roadmunk; the app does not call again.</source>
        <translation>Roadmunk はユーザーを無効化しなかったと応答しました。Roadmunk でユーザーを確認してください。アプリは再度呼び出しません。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer did not say whether the user was deactivated. Check the user in Roadmunk; the app does not call again.</source>
        <translation>Roadmunk の応答からは、ユーザーが無効化されたかどうか分かりません。Roadmunk でユーザーを確認してください。アプリは再度呼び出しません。</translation>
    </message>
    <message>
        <source>reclaim run confirmed by %1</source>
        <translation>%1 が確定した回収実行</translation>
    </message>
    <message>
        <source>Dry run: %1 would be deactivated, %2 notified first, %3 refused. Nothing was changed.</source>
        <translation>ドライラン: 無効化予定 %1 人、事前通知 %2 人、拒否 %3 人。何も変更していません。</translation>
    </message>
    <message>
        <source>Deactivated %1; canceled %2 (active again); attention required %3; notified %4.</source>
        <translation>無効化 %1 人、キャンセル（再びアクティブ）%2 人、要対応 %3 人、通知 %4 人。</translation>
    </message>
    <message>
        <source>it is gone</source>
        <translation>候補がなくなりました</translation>
    </message>
    <message>
        <source>it is another user&apos;s now</source>
        <translation>別のユーザーの候補になりました</translation>
    </message>
    <message>
        <source>it is %1 now</source>
        <translation>現在は %1 です</translation>
    </message>
    <message>
        <source>a sync or another admin updated it</source>
        <translation>同期または別の管理者が更新しました</translation>
    </message>
    <message>
        <source>Candidate %1 changed after the preview you confirmed: %2. Nobody was deactivated; look at the preview again and confirm what it shows now.</source>
        <translation>候補 %1 は確認したプレビューの後に変わりました: %2。誰も無効化されていません。もう一度プレビューを確認し、現在の内容で確定してください。</translation>
    </message>
    <message>
        <source>Hello %1,

Your Roadmunk account looks unused (%2). To keep licence costs down, it will be deactivated in %3 unless you tell us you still need it.

Please reply to this message within %3 if you want to keep it.

Reference: %4</source>
        <translation>%1 様

お使いの Roadmunk アカウントは使用されていないようです（%2）。ライセンス費用を抑えるため、引き続き必要とのご連絡がない場合、%3後にアカウントを無効化します。

アカウントを残したい場合は、%3以内にこのメッセージに返信してください。

参照番号: %4</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>Active on %1 although the HR roster says this user left or does not list them; nothing was deactivated. Check with HR, then skip the candidate or move it on.</source>
        <translation>人事名簿ではこのユーザーは退職済みか記載がありませんが、%1 にアクティブでした。誰も無効化していません。人事部門に確認してから、候補をスキップするか先に進めてください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ReclaimPlanFiles</name>
    <message>
        <source>The plan is refused: %1 Nobody was deactivated.</source>
        <translation>計画は拒否されました: %1誰も無効化されていません。</translation>
    </message>
    <message>
        <source>the file is not a plan saved by reclaim --dry-run --save-plan.</source>
        <translation>このファイルは reclaim --dry-run --save-plan で保存された計画ではありません。</translation>
    </message>
    <message>
        <source>it was saved by another version of Roadmunk SAM.</source>
        <translation>別のバージョンの Roadmunk SAM で保存されています。</translation>
    </message>
    <message>
        <source>the file was changed after it was saved.</source>
        <translation>ファイルは保存後に変更されています。</translation>
    </message>
    <message>
        <source>it was made for the profile &quot;%1&quot;.</source>
        <translation>プロファイル「%1」用に作成されています。</translation>
    </message>
    <message>
        <source>its date is not one this computer believes.</source>
        <translation>日時がこのコンピューターの時刻と合いません。</translation>
    </message>
    <message>
        <source>it is older than 24 hours; make a new one with reclaim --dry-run --save-plan.</source>
        <translation>24 時間より古い計画です。reclaim --dry-run --save-plan で作り直してください。</translation>
    </message>
    <message>
        <source>it deactivates nobody.</source>
        <translation>無効化するユーザーがいません。</translation>
    </message>
</context>
<context>
    <name>rmsam::Reclamation</name>
    <message>
        <source>Attention Required</source>
        <translation>要対応</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Awaiting User</source>
        <translation>ユーザー待ち</translation>
    </message>
    <message>
        <source>Awaiting Approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Awaiting Revocation</source>
        <translation>取り消し待ち</translation>
    </message>
    <message>
        <source>Closed Complete</source>
        <translation>クローズ完了</translation>
    </message>
    <message>
        <source>Closed Skipped</source>
        <translation>クローズスキップ</translation>
    </message>
    <message>
        <source>Closed Canceled</source>
        <translation>クローズキャンセル</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>要対応</translation>
    </message>
    <message>
        <source>data fixed</source>
        <translation>データ修正</translation>
    </message>
    <message>
        <source>reclaim</source>
        <translation>回収</translation>
    </message>
    <message>
        <source>user releases the seat</source>
        <translation>ユーザーがシートを返却</translation>
    </message>
    <message>
        <source>user keeps the seat</source>
        <translation>ユーザーがシートを保持</translation>
    </message>
    <message>
        <source>no answer from the user</source>
        <translation>ユーザーからの回答なし</translation>
    </message>
    <message>
        <source>approve keeping the seat</source>
        <translation>シートの保持を承認</translation>
    </message>
    <message>
        <source>decline keeping the seat</source>
        <translation>シートの保持を却下</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>無効化済み</translation>
    </message>
    <message>
        <source>subscription gone</source>
        <translation>サブスクリプション消滅</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>close</source>
        <translation>クローズ</translation>
    </message>
    <message>
        <source>activity seen</source>
        <translation>アクティビティを検出</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>不明なユーザー</translation>
    </message>
    <message>
        <source>The subscription is no longer in the snapshot.</source>
        <translation>このサブスクリプションはスナップショットに含まれなくなりました。</translation>
    </message>
    <message>
        <source>Activity seen on %1.</source>
        <translation>%1 にアクティビティが検出されました。</translation>
    </message>
    <message>
        <source>An exclusion rule now matches the subscription.</source>
        <translation>このサブスクリプションに一致する除外ルールが追加されました。</translation>
    </message>
    <message>
        <source>The subscription no longer matches the reclamation rule.</source>
        <translation>このサブスクリプションは回収ルールに一致しなくなりました。</translation>
    </message>
    <message>
        <source>No answer within %1 days of the notice.</source>
        <translation>通知から %1 日以内に回答がありませんでした。</translation>
    </message>
    <message>
        <source>The last-activity threshold must be between 1 and 3650 days.</source>
        <translation>最終アクティビティのしきい値は 1～3650 日の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The grace period must be between 0 and 365 days.</source>
        <translation>猶予期間は 0～365 日の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The days before automatic reclamation must be between 1 and 90.</source>
        <translation>自動回収までの日数は 1～90 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Account Admins are never in scope of reclamation; remove account_admin from the roles.</source>
        <translation>Account Admin が回収の対象になることはありません。ロールから account_admin を削除してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role the rule can put in scope; use %2.</source>
        <translation>「%1」はルールの対象にできるロールではありません。%2 を使用してください。</translation>
    </message>
    <message>
        <source>The candidate is %1; a closed candidate cannot change.</source>
        <translation>候補は「%1」です。クローズされた候補は変更できません。</translation>
    </message>
    <message>
        <source>A candidate in state %1 cannot take the action &quot;%2&quot;.</source>
        <translation>状態が「%1」の候補に対してアクション「%2」は実行できません。</translation>
    </message>
    <message>
        <source>no activity for %1 days (last: %2)</source>
        <translation>%1 日間アクティビティなし（最終: %2）</translation>
    </message>
    <message>
        <source>invitation pending, no activity for more than %1 days</source>
        <translation>招待が保留中で、%1 日を超えてアクティビティなし</translation>
    </message>
    <message>
        <source>never logged in</source>
        <translation>ログイン履歴なし</translation>
    </message>
    <message>
        <source>no activity for %1 days (last login %2)</source>
        <translation>%1 日間アクティビティなし（最終ログイン: %2）</translation>
    </message>
    <message>
        <source>no activity in the analysed period</source>
        <translation>分析期間中のアクティビティなし</translation>
    </message>
    <message>
        <source>; no email address, so it cannot be deactivated safely</source>
        <translation>。メールアドレスがないため、安全に無効化できません</translation>
    </message>
    <message>
        <source>Seats owned must be between 0 and 10,000,000.</source>
        <translation>所有シート数は 0～10,000,000 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The price per seat must be a number from 0 to 1,000,000,000.</source>
        <translation>1 シートあたりの価格は 0～1,000,000,000 の数値で指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code; use three capital letters such as USD, EUR or JPY.</source>
        <translation>「%1」は ISO 4217 通貨コードではありません。USD、EUR、JPY のように大文字 3 文字で指定してください。</translation>
    </message>
    <message>
        <source>No entitlement</source>
        <translation>エンタイトルメントなし</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>準拠</translation>
    </message>
    <message>
        <source>Under-licensed</source>
        <translation>ライセンス不足</translation>
    </message>
    <message>
        <source>Over-licensed</source>
        <translation>ライセンス過剰</translation>
    </message>
    <message>
        <source>The candidate is Attention Required; only a person can move it on.</source>
        <translation>候補は要対応です。先に進められるのは人だけです。</translation>
    </message>
    <message>
        <source>The candidate is Attention Required: say in a note what you checked before you move it on.</source>
        <translation>候補は要対応です。先に進める前に、確認した内容をメモに書いてください。</translation>
    </message>
    <message>
        <source>Roadmunk sent a date the app cannot read (%1), so the user&apos;s last activity is unknown; check the user in Roadmunk</source>
        <translation>Roadmunk がアプリで読み取れない日付（%1）を送信したため、ユーザーの最終アクティビティは不明です。Roadmunk でユーザーを確認してください</translation>
    </message>
    <message>
        <source>The notice period must be between 0 and %1 days.</source>
        <translation>通知期間は 0～%1 日の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The buffer must be between 0 and %1 %.</source>
        <translation>バッファーは 0～%1 % の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The term must start before its renewal date.</source>
        <translation>契約期間の開始日は更新日より前にしてください。</translation>
    </message>
    <message>
        <source>Not on the HR roster</source>
        <translation>人事名簿に記載なし</translation>
    </message>
    <message>
        <source>Left on %1</source>
        <translation>%1 に退職</translation>
    </message>
    <message>
        <source>Left, per the HR roster</source>
        <translation>人事名簿によると退職済み</translation>
    </message>
    <message>
        <source>The reminder must come fewer days before the deadline than the notice period (%1 days), or be 0 for none.</source>
        <translation>リマインダーは通知期間（%1 日）より短い日数で期限前に送るか、なしの場合は 0 を指定してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ReclamationRepository</name>
    <message>
        <source>Cannot read the reclamation rule.</source>
        <translation>回収ルールを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot save the reclamation rule.</source>
        <translation>回収ルールを保存できません。</translation>
    </message>
    <message>
        <source>Cannot read the removal candidates.</source>
        <translation>削除候補の一覧を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read the removal candidate.</source>
        <translation>削除候補を読み込めません。</translation>
    </message>
    <message>
        <source>There is no removal candidate number %1. List them with: export --report candidates.</source>
        <translation>削除候補番号 %1 はありません。一覧は export --report candidates で表示できます。</translation>
    </message>
    <message>
        <source>Cannot read the candidate&apos;s history.</source>
        <translation>候補の履歴を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot create the removal candidate.</source>
        <translation>削除候補を作成できません。</translation>
    </message>
    <message>
        <source>Cannot update the removal candidate.</source>
        <translation>削除候補を更新できません。</translation>
    </message>
    <message>
        <source>A work note needs some text.</source>
        <translation>作業メモにはテキストを入力してください。</translation>
    </message>
    <message>
        <source>Cannot read the deactivated users.</source>
        <translation>無効化したユーザーを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot record the deactivated user.</source>
        <translation>無効化したユーザーを記録できません。</translation>
    </message>
    <message>
        <source>Cannot update the deactivated users.</source>
        <translation>無効化したユーザーを更新できません。</translation>
    </message>
    <message>
        <source>Cannot write the audit log; nothing was deactivated.</source>
        <translation>監査ログに書き込めないため、誰も無効化していません。</translation>
    </message>
    <message>
        <source>Cannot read the audit log.</source>
        <translation>監査ログを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read the entitlements.</source>
        <translation>エンタイトルメントを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot save the entitlement.</source>
        <translation>エンタイトルメントを保存できません。</translation>
    </message>
    <message>
        <source>Cannot record the candidate&apos;s history.</source>
        <translation>候補の履歴を記録できません。</translation>
    </message>
    <message>
        <source>Cannot remove the entitlement.</source>
        <translation>エンタイトルメントを削除できません。</translation>
    </message>
    <message>
        <source>Cannot read the deactivation claims.</source>
        <translation>無効化の確保記録を読み取れません。</translation>
    </message>
    <message>
        <source>%1 was not sent to Roadmunk: %2</source>
        <translation>%1 は Roadmunk に送信していません: %2</translation>
    </message>
    <message>
        <source>the candidate changed to %1 meanwhile (another run or another person).</source>
        <translation>その間に候補が %1 に変わりました（別の実行または別の人による）。</translation>
    </message>
    <message>
        <source>the app already sent, or began to send, a deactivation for this user, and never sends one twice. Check the user in Roadmunk and close the candidate by hand.</source>
        <translation>アプリはこのユーザーの無効化を既に送信したか送信を始めており、2 回送信することはありません。Roadmunk でユーザーを確認し、候補を手動でクローズしてください。</translation>
    </message>
    <message>
        <source>another run claimed this user at the same moment.</source>
        <translation>別の実行が同時にこのユーザーを確保しました。</translation>
    </message>
    <message>
        <source>Cannot record the outcome of a deactivation in the audit log: Roadmunk may have deactivated the user. The claim stays, so no run calls Roadmunk again for this user.</source>
        <translation>無効化の結果を監査ログに記録できません。Roadmunk ではユーザーが無効化されている可能性があります。クレームは残るため、このユーザーについて Roadmunk が再度呼び出されることはありません。</translation>
    </message>
    <message>
        <source>Cannot read who changed it.</source>
        <translation>誰が変更したかを読み取れません。</translation>
    </message>
    <message>
        <source>Changed by %1 at %2 since you opened it. Reload and try again.</source>
        <translation>開いた後に %1 が %2 に変更しました。再読み込みしてからやり直してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::ReclamationSettingsDialog</name>
    <message>
        <source>Reclamation rule and entitlements</source>
        <translation>回収ルールとエンタイトルメント</translation>
    </message>
    <message>
        <source>Reclamation rule</source>
        <translation>回収ルール</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>No activity for at &amp;least:</source>
        <translation>次の期間以上アクティビティなし(&amp;L):</translation>
    </message>
    <message>
        <source>(Account Admins are never in scope)</source>
        <translation>（Account Admin は常に対象外です）</translation>
    </message>
    <message>
        <source>Roles in scope:</source>
        <translation>対象ロール:</translation>
    </message>
    <message>
        <source>Include users with &amp;no activity</source>
        <translation>アクティビティのないユーザーを含める(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Grace period for invited and newly seen users:</source>
        <translation>招待済みのユーザーと新たに検出されたユーザーの猶予期間(&amp;G):</translation>
    </message>
    <message>
        <source>Notify &amp;user before reclaiming</source>
        <translation>回収の前にユーザーに通知(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Days before automatic reclamation:</source>
        <translation>自動回収までの日数(&amp;D):</translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation>エンタイトルメント</translation>
    </message>
    <message>
        <source>Seats owned</source>
        <translation>所有シート数</translation>
    </message>
    <message>
        <source>Price per seat</source>
        <translation>1 シートあたりの価格</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>%1 seats owned</source>
        <translation>%1 の所有シート数</translation>
    </message>
    <message>
        <source>%1 price per seat</source>
        <translation>%1 の 1 シートあたりの価格</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>%1 price period</source>
        <translation>%1 の価格の期間</translation>
    </message>
    <message>
        <source>%1 currency</source>
        <translation>%1 の通貨</translation>
    </message>
    <message>
        <source>Term started</source>
        <translation>契約開始日</translation>
    </message>
    <message>
        <source>%1 term start</source>
        <translation>%1 の契約開始日</translation>
    </message>
    <message>
        <source>Renews on</source>
        <translation>更新日</translation>
    </message>
    <message>
        <source>%1 renewal date</source>
        <translation>%1 の更新日</translation>
    </message>
    <message>
        <source>notice </source>
        <translation>通知 </translation>
    </message>
    <message>
        <source>%1 notice period in days</source>
        <translation>%1 の通知期間（日数）</translation>
    </message>
    <message>
        <source>buffer </source>
        <translation>バッファー </translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>%1 seats kept above those in use at renewal, in percent</source>
        <translation>%1 の更新時に使用中のシートに上乗せして残す割合（%）</translation>
    </message>
    <message>
        <source> days before the deadline</source>
        <translation> 日前（期限の）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&amp;Reminder e-mail:</source>
        <translation>リマインダーメール(&amp;R):</translation>
    </message>
</context>
<context>
    <name>rmsam::RecordTable</name>
    <message>
        <source>Filter (all columns)</source>
        <translation>フィルター（すべての列）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>フィルター</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s)</source>
        <translation>
            <numerusform>%n 行中 %1 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading… the first %n row(s) are shown</source>
        <translation>
            <numerusform>読み込み中… 最初の %n 行を表示しています</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>rmsam::RecordTableModel</name>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>rmsam::RegionPage</name>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Choose where your Roadmunk account is hosted. The API token is sent only to this address.</source>
        <translation>Roadmunk アカウントがホストされている場所を選択してください。API トークンはこのアドレスにのみ送信されます。</translation>
    </message>
    <message>
        <source>Built-in sandbox (demo)</source>
        <translation>組み込みのサンドボックス（デモ）</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>Connection URL:</source>
        <translation>接続 URL:</translation>
    </message>
</context>
<context>
    <name>rmsam::Regions</name>
    <message>
        <source>North America (app)</source>
        <translation>北米（app）</translation>
    </message>
    <message>
        <source>Europe (eu)</source>
        <translation>ヨーロッパ（eu）</translation>
    </message>
    <message>
        <source>Asia-Pacific (apac)</source>
        <translation>アジア太平洋（apac）</translation>
    </message>
</context>
<context>
    <name>rmsam::RenewalReminderRepository</name>
    <message>
        <source>Cannot record the renewal reminder.</source>
        <translation>更新リマインダーを記録できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::RenewalReminders</name>
    <message>
        <source>Roadmunk seats to review before renewal</source>
        <translation>更新前に見直す Roadmunk シート</translation>
    </message>
    <message>
        <source>A reduction of Roadmunk seats pays only if it is requested by the cancel-by date:

%1

The recommended count is the seats held by active users plus the buffer. See the dashboard in Roadmunk SAM, or run: roadmunk-sam entitlement list --profile NAME</source>
        <translation>Roadmunk シートの削減は、解約期限までに申請した場合にのみ効果があります:

%1

推奨数は、アクティブなユーザーが保有するシートにバッファーを加えた数です。Roadmunk SAM のダッシュボードを確認するか、次のコマンドを実行してください: roadmunk-sam entitlement list --profile NAME</translation>
    </message>
</context>
<context>
    <name>rmsam::Renewals</name>
    <message numerus="yes">
        <source>Cancel by %1 (in %n day(s))</source>
        <translation>
            <numerusform>解約期限 %1（あと %n 日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel-by date %1 passed %n day(s) ago</source>
        <translation>
            <numerusform>解約期限 %1 は %n 日前に過ぎています</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: recommended %n seat(s), saves %2</source>
        <translation>
            <numerusform>%1: 推奨 %n シート、%2 の削減</numerusform>
        </translation>
    </message>
    <message>
        <source>Roadmunk renewal for “%1”, %2 seats: %3</source>
        <translation>「%1」の Roadmunk 更新（%2 シート）: %3</translation>
    </message>
</context>
<context>
    <name>rmsam::Reports</name>
    <message>
        <source>Subscriptions</source>
        <translation>サブスクリプション</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザー ID</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>First Name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last Name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Seat Type</source>
        <translation>シートタイプ</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>招待済み</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>Last Login</source>
        <translation>最終ログイン</translation>
    </message>
    <message>
        <source>Last Activity</source>
        <translation>最終アクティビティ</translation>
    </message>
    <message>
        <source>Activity Source</source>
        <translation>アクティビティソース</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>アクティビティ</translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Removal candidates</source>
        <translation>削除候補</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Potential Savings</source>
        <translation>削減可能額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>License position</source>
        <translation>ライセンスポジション</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>割り当て済み</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>所有</translation>
    </message>
    <message>
        <source>Stale Seats</source>
        <translation>休眠シート</translation>
    </message>
    <message>
        <source>Unused Owned Seats</source>
        <translation>未使用の所有シート</translation>
    </message>
    <message>
        <source>Annual Spend</source>
        <translation>年間支出</translation>
    </message>
    <message>
        <source>True-up Cost</source>
        <translation>トゥルーアップコスト</translation>
    </message>
    <message>
        <source>Actual Savings YTD</source>
        <translation>実績削減額（年初来）</translation>
    </message>
    <message>
        <source>Inactive per report</source>
        <translation>レポート上の非アクティブユーザー</translation>
    </message>
    <message>
        <source>In the User Report</source>
        <translation>ユーザーレポート内</translation>
    </message>
    <message>
        <source>Unrecognized identifiers</source>
        <translation>未認識の識別子</translation>
    </message>
    <message>
        <source>Subscription Identifier</source>
        <translation>サブスクリプション識別子</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Exclusion rules</source>
        <translation>除外ルール</translation>
    </message>
    <message>
        <source>Excluded By</source>
        <translation>除外の基準</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Subscriptions Matched</source>
        <translation>一致したサブスクリプション</translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation>スケジュール済みジョブ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Runs Daily At</source>
        <translation>毎日の実行時刻</translation>
    </message>
    <message>
        <source>Last Run</source>
        <translation>最終実行</translation>
    </message>
    <message>
        <source>Job results</source>
        <translation>ジョブ結果</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー数</translation>
    </message>
    <message>
        <source>Roadmaps</source>
        <translation>ロードマップ数</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト数</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>参加数</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>離脱数</translation>
    </message>
    <message>
        <source>Role Changed</source>
        <translation>ロール変更数</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Software models</source>
        <translation>ソフトウェアモデル</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>製品</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>At</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Unrecognized</source>
        <translation>未認識</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>Not listed</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Deactivated by Roadmunk SAM</source>
        <translation>Roadmunk SAM により無効化</translation>
    </message>
    <message>
        <source>User (every profile)</source>
        <translation>ユーザー（すべてのプロファイル）</translation>
    </message>
    <message>
        <source>Subscription identifier (%1)</source>
        <translation>サブスクリプション識別子（%1）</translation>
    </message>
    <message>
        <source>Database Role</source>
        <translation>データベースロール</translation>
    </message>
    <message>
        <source>OS User</source>
        <translation>OS ユーザー</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reclamation rule</source>
        <translation>回収ルール</translation>
    </message>
    <message>
        <source>Entitlement</source>
        <translation>エンタイトルメント</translation>
    </message>
    <message>
        <source>Exclusion rule</source>
        <translation>除外ルール</translation>
    </message>
    <message>
        <source>User report</source>
        <translation>ユーザーレポート</translation>
    </message>
    <message>
        <source>Removal candidate</source>
        <translation>削除候補</translation>
    </message>
    <message>
        <source>Scheduled job</source>
        <translation>スケジュール済みジョブ</translation>
    </message>
    <message>
        <source>Job run</source>
        <translation>ジョブの実行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Deactivation</source>
        <translation>無効化</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Old Role</source>
        <translation>旧ロール</translation>
    </message>
    <message>
        <source>New Role</source>
        <translation>新ロール</translation>
    </message>
    <message>
        <source>Synced At</source>
        <translation>同期日時</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes since the previous sync</source>
        <translation>前回の同期からの変更</translation>
    </message>
    <message>
        <source>Actual Savings YTD in Other Currencies</source>
        <translation>他の通貨での年初来の実績削減額</translation>
    </message>
    <message>
        <source>HR roster</source>
        <translation>人事名簿</translation>
    </message>
    <message>
        <source>Roster alias</source>
        <translation>名簿のエイリアス</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Roster Status</source>
        <translation>名簿のステータス</translation>
    </message>
    <message>
        <source>End Date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <source>Not listed</source>
        <comment>roster status</comment>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Left</source>
        <comment>roster status</comment>
        <translation>退職</translation>
    </message>
</context>
<context>
    <name>rmsam::RoadmunkClient</name>
    <message>
        <source>Refusing to send the API token to %1: Roadmunk SAM only talks to the Roadmunk gateways over HTTPS (app, eu, apac) and to its own sandbox on this computer.</source>
        <translation>API トークンを %1 に送信することを拒否しました。Roadmunk SAM が通信するのは、HTTPS 経由の Roadmunk ゲートウェイ（app、eu、apac）と、このコンピューター上の専用サンドボックスだけです。</translation>
    </message>
    <message>
        <source>%1 answered with a redirect (HTTP %2); Roadmunk SAM does not follow redirects, so the token never leaves the gateway. Check the region.</source>
        <translation>%1 がリダイレクト（HTTP %2）で応答しました。トークンがゲートウェイの外に送信されないよう、Roadmunk SAM はリダイレクトに従いません。リージョンを確認してください。</translation>
    </message>
    <message>
        <source>Roadmunk had a server error (HTTP %1). This is usually temporary: try again in a few minutes.</source>
        <translation>Roadmunk でサーバーエラーが発生しました（HTTP %1）。通常は一時的なものです。数分後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer could not be read (HTTP %1, not a GraphQL response). Try again later.</source>
        <translation>Roadmunk の応答を読み取れませんでした（HTTP %1、GraphQL の応答ではありません）。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk answered HTTP %1.</source>
        <translation>Roadmunk から HTTP %1 が返されました。</translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer had no data. Try again later.</source>
        <translation>Roadmunk の応答にデータがありませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 stopped answering: nothing arrived for %2 seconds. Try again later; if it keeps happening, check your network connection.</source>
        <translation>%1 からの応答が途絶えました（%2 秒間データを受信していません）。しばらくしてからもう一度お試しください。繰り返し発生する場合は、ネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>(Tried %1 times.)</source>
        <translation>（%1 回試行しました。）</translation>
    </message>
    <message>
        <source>Roadmunk answered HTTP %1 and asked to wait %2 seconds before trying again, longer than a request may take. Try again later.</source>
        <translation>Roadmunk から HTTP %1 が返され、%2 秒待ってから再試行するよう求められましたが、これは 1 回のリクエストに許容される時間を超えています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 did not finish answering within %2 seconds. Try again later; if it keeps happening, check your network connection.</source>
        <translation>%1 の応答が %2 秒以内に完了しませんでした。しばらくしてからもう一度お試しください。繰り返し発生する場合は、ネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>Roadmunk is limiting requests (HTTP 429): too many in a short time. Wait a few minutes, then try again.</source>
        <translation>Roadmunk がリクエストを制限しています（HTTP 429）。短時間のリクエストが多すぎます。数分待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Roadmunk rejected the API token (HTTP %1). It may be mistyped, revoked or expired. Generate a new token in Roadmunk (Account Settings › API Tokens) and set it again.</source>
        <translation>Roadmunk が API トークンを拒否しました（HTTP %1）。入力ミス、取り消し、または有効期限切れの可能性があります。Roadmunk（Account Settings › API Tokens）で新しいトークンを生成し、設定し直してください。</translation>
    </message>
    <message>
        <source>The API token lacks the rights this needs: Roadmunk answered &quot;%1&quot;. Create the token as an Account Admin (only Account Admins can list and deactivate users), then set it again.</source>
        <translation>API トークンに必要な権限がありません。Roadmunk の応答:「%1」。Account Admin としてトークンを作成し（ユーザーの一覧表示と無効化は Account Admin だけが行えます）、設定し直してください。</translation>
    </message>
    <message>
        <source>Roadmunk reported an error: %1</source>
        <translation>Roadmunk からエラーが報告されました: %1</translation>
    </message>
    <message>
        <source>Cannot find the Roadmunk gateway %1 (DNS lookup failed). Check the region and your network connection or proxy.</source>
        <translation>Roadmunk ゲートウェイ %1 が見つかりません（DNS 参照に失敗しました）。リージョンと、ネットワーク接続またはプロキシを確認してください。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the region, your network connection and any proxy or firewall, then try again.</source>
        <translation>%1 に接続できません: %2。リージョン、ネットワーク接続、プロキシやファイアウォールを確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The connection to %1 closed before Roadmunk answered, so it is unknown whether the change was made. Check in Roadmunk before trying again.</source>
        <translation>Roadmunk が応答する前に %1 への接続が切断されたため、変更が行われたかどうかは不明です。再試行する前に Roadmunk で確認してください。</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS). A proxy or antivirus may be intercepting HTTPS; Roadmunk SAM never ignores certificate errors. Check the system&apos;s certificates and proxy settings.</source>
        <translation>%1 へのセキュリティで保護された接続に失敗しました（TLS）。プロキシやウイルス対策ソフトが HTTPS 通信を傍受している可能性があります。Roadmunk SAM が証明書エラーを無視することはありません。システムの証明書とプロキシの設定を確認してください。</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again later; if it keeps happening, check your network connection.</source>
        <translation>%1 から時間内に応答がありませんでした。しばらくしてからもう一度お試しください。繰り返し発生する場合は、ネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>The request to %1 failed: %2</source>
        <translation>%1 へのリクエストが失敗しました: %2</translation>
    </message>
    <message>
        <source>%1 sent an answer larger than %2 MB, more than any Roadmunk answer should be, so it was not read. Nothing was changed; try again later.</source>
        <translation>%1 が %2 MB を超える応答を送信しました。Roadmunk の応答としては大きすぎるため、読み取っていません。何も変更していません。しばらくしてからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>rmsam::Roles</name>
    <message>
        <source>Account Admin</source>
        <translation>Account Admin</translation>
    </message>
    <message>
        <source>User Manager</source>
        <translation>User Manager</translation>
    </message>
    <message>
        <source>Collaborator</source>
        <translation>Collaborator</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
</context>
<context>
    <name>rmsam::RunLocks</name>
    <message>
        <source>Cannot read who is running jobs of this profile.</source>
        <translation>このプロファイルのジョブを誰が実行中かを読み取れません。</translation>
    </message>
    <message>
        <source>A sync of %1 is already running (%2), started by %3 on %4 (process %5) at %6. Wait until it has finished.</source>
        <translation>%1 の同期はすでに実行中です（%2）。%4 上で %3 が %6 に開始しました（プロセス %5）。終了するまでお待ちください。</translation>
    </message>
    <message>
        <source>A reclaim run of %1 is already running (%2), started by %3 on %4 (process %5) at %6. Only one reclaim run per profile runs at a time; wait until it has finished.</source>
        <translation>%1 の回収実行はすでに実行中です（%2）。%4 上で %3 が %6 に開始しました（プロセス %5）。回収実行はプロファイルごとに同時に 1 つだけです。終了するまでお待ちください。</translation>
    </message>
    <message>
        <source>Cannot record that this run is still going.</source>
        <translation>この実行が継続中であることを記録できません。</translation>
    </message>
    <message numerus="yes">
        <source>This run of %1 lost its lock: another process took it over because this one gave no sign of life for %n minute(s). It stops here so that two runs do not overlap.</source>
        <translation>
            <numerusform>%1 のこの実行はロックを失いました。この実行から %n 分間応答がなかったため、別のプロセスがロックを引き継ぎました。2 つの実行が重ならないよう、ここで停止します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot release the run lock.</source>
        <translation>実行ロックを解放できません。</translation>
    </message>
    <message>
        <source>Cannot take over the run lock.</source>
        <translation>実行ロックを引き継げません。</translation>
    </message>
    <message>
        <source>Cannot take the run lock.</source>
        <translation>実行ロックを取得できません。</translation>
    </message>
    <message>
        <source>Notice e-mails of %1 are already being sent (%2), started by %3 on %4 (process %5) at %6. Wait until that has finished.</source>
        <translation>%1 の通知メールは既に送信中です（%2）。%4 の %3 が %6 に開始しました（プロセス %5）。終わるまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>rmsam::SandboxAnomalies</name>
    <message>
        <source>Invalid anomaly &quot;%1&quot;: %2</source>
        <translation>無効な異常モード指定「%1」: %2</translation>
    </message>
    <message>
        <source>FORMAT is mixed, iso, iso-offset, epoch-ms, epoch-s, rfc1123 or garbage.</source>
        <translation>FORMAT には mixed、iso、iso-offset、epoch-ms、epoch-s、rfc1123、garbage のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>MIB is 1 to 1024.</source>
        <translation>MIB は 1～1024 です。</translation>
    </message>
    <message>
        <source>PERCENT is 0 to 100.</source>
        <translation>PERCENT は 0～100 です。</translation>
    </message>
    <message>
        <source>use dates=FORMAT, endless, ignore-offset, empty-users, hasmore-string, duplicate-ids, huge-ids, oversized[:MIB], deactivate-false or shrink[:PERCENT], separated by commas.</source>
        <translation>dates=FORMAT、endless、ignore-offset、empty-users、hasmore-string、duplicate-ids、huge-ids、oversized[:MIB]、deactivate-false、shrink[:PERCENT] のいずれかをカンマ区切りで指定してください。</translation>
    </message>
    <message>
        <source>this mode takes no argument.</source>
        <translation>このモードには引数を指定できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::SandboxFault</name>
    <message>
        <source>Invalid fault &quot;%1&quot;: %2</source>
        <translation>無効な障害指定「%1」: %2</translation>
    </message>
    <message>
        <source>N counts from 1.</source>
        <translation>N は 1 から数えます。</translation>
    </message>
    <message>
        <source>use an HTTP status from 400 to 599, 429[:SECONDS], 429-date[:SECONDS], reset, stall, trickle[:MS], malformed, partial, redirect-host[:URL] or redirect-http[:URL], optionally followed by @N.</source>
        <translation>400～599 の HTTP ステータス、429[:SECONDS]、429-date[:SECONDS]、reset、stall、trickle[:MS]、malformed、partial、redirect-host[:URL]、redirect-http[:URL] のいずれかを指定してください。必要に応じて後ろに @N を付けます。</translation>
    </message>
    <message>
        <source>SECONDS is 0 to 86400.</source>
        <translation>SECONDS は 0～86400 です。</translation>
    </message>
    <message>
        <source>MS is 1 to 600000.</source>
        <translation>MS は 1～600000 です。</translation>
    </message>
    <message>
        <source>URL must be an absolute URL.</source>
        <translation>URL は絶対 URL で指定してください。</translation>
    </message>
    <message>
        <source>this mode takes no argument.</source>
        <translation>このモードには引数を指定できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::SandboxServer</name>
    <message>
        <source>Not found. The GraphQL endpoint is %1.</source>
        <translation>見つかりません。GraphQL エンドポイントは %1 です。</translation>
    </message>
    <message>
        <source>Method not allowed: use POST.</source>
        <translation>許可されていないメソッドです。POST を使用してください。</translation>
    </message>
    <message>
        <source>Unauthorized: invalid or missing API token</source>
        <translation>認証されていません: API トークンが無効か、指定されていません</translation>
    </message>
    <message>
        <source>the body is not a JSON object</source>
        <translation>本文が JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>POST body must be a JSON object: %1.</source>
        <translation>POST の本文は JSON オブジェクトである必要があります: %1。</translation>
    </message>
    <message>
        <source>Must provide query string.</source>
        <translation>クエリ文字列を指定してください。</translation>
    </message>
    <message>
        <source>Variables must be provided as an Object.</source>
        <translation>変数はオブジェクトとして指定してください。</translation>
    </message>
    <message>
        <source>Operation name must be a string.</source>
        <translation>操作名は文字列である必要があります。</translation>
    </message>
    <message>
        <source>Injected failure (HTTP %1).</source>
        <translation>注入された障害です（HTTP %1）。</translation>
    </message>
    <message>
        <source>Injected failure after the request ran (HTTP %1).</source>
        <translation>リクエスト実行後に注入された障害です（HTTP %1）。</translation>
    </message>
    <message>
        <source>Too many requests: slow down.</source>
        <translation>リクエストが多すぎます。間隔をあけてください。</translation>
    </message>
    <message>
        <source>Moved.</source>
        <translation>移動しました。</translation>
    </message>
    <message>
        <source>Injected partial failure: some fields could not be resolved.</source>
        <translation>注入された部分的な障害です。一部のフィールドを解決できませんでした。</translation>
    </message>
    <message>
        <source>Forbidden: loopback only.</source>
        <translation>禁止されています: ループバックからのみ使用できます。</translation>
    </message>
</context>
<context>
    <name>rmsam::SeatTypes</name>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Collaborator-type</source>
        <translation>Collaborator-type</translation>
    </message>
</context>
<context>
    <name>rmsam::SetupWizard</name>
    <message>
        <source>New Roadmunk integration profile</source>
        <translation>新しい Roadmunk 統合プロファイル</translation>
    </message>
</context>
<context>
    <name>rmsam::SmtpSender</name>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; the message was not sent.</source>
        <translation>「%1」はメールアドレスではないため、メッセージは送信しませんでした。</translation>
    </message>
    <message>
        <source>E-mail cannot be sent: libcurl failed to start.</source>
        <translation>メールを送信できません: libcurl を起動できませんでした。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read as a PEM bundle. Check the CA file setting.</source>
        <translation>CA ファイル「%1」を PEM バンドルとして読み取れません。CA ファイルの設定を確認してください。</translation>
    </message>
    <message>
        <source>The relay %1:%2 does not offer STARTTLS. Use security &quot;tls&quot; if it expects TLS from the start (usually port 465), or ask for STARTTLS to be enabled.</source>
        <translation>リレー %1:%2 は STARTTLS に対応していません。最初から TLS を使うリレー（通常はポート 465）の場合はセキュリティに「tls」を指定するか、STARTTLS を有効にするよう依頼してください。</translation>
    </message>
    <message>
        <source>A secure connection to %1:%2 could not be set up. Check the security mode (&quot;starttls&quot; usually on port 587, &quot;tls&quot; on 465).</source>
        <translation>%1:%2 への安全な接続を確立できませんでした。セキュリティモードを確認してください（「starttls」は通常ポート 587、「tls」は 465）。</translation>
    </message>
    <message>
        <source>The relay&apos;s certificate is not trusted, or is not for %1. Set --ca-file (Settings › E-mail › CA file) to your organisation&apos;s CA bundle, or fix the relay&apos;s certificate.</source>
        <translation>リレーの証明書が信頼されていないか、%1 用の証明書ではありません。--ca-file（設定 › メール › CA ファイル）に組織の CA バンドルを指定するか、リレーの証明書を修正してください。</translation>
    </message>
    <message>
        <source>The relay requires a login. Set the user and password in the e-mail settings.</source>
        <translation>リレーにはログインが必要です。メール設定でユーザーとパスワードを設定してください。</translation>
    </message>
    <message>
        <source>The relay refused the message to %1: %2</source>
        <translation>リレーが %1 宛てのメッセージを拒否しました: %2</translation>
    </message>
    <message>
        <source>The relay deferred the message to %1 (%2). It will be tried again later.</source>
        <translation>リレーが %1 宛てのメッセージを保留しました（%2）。後で再試行します。</translation>
    </message>
    <message>
        <source>The connection to the relay broke off before the message was accepted. It will be tried again later.</source>
        <translation>メッセージが受け付けられる前にリレーとの接続が切れました。後で再試行します。</translation>
    </message>
    <message>
        <source>The message to %1 was sent.</source>
        <translation>%1 宛てのメッセージを送信しました。</translation>
    </message>
    <message>
        <source>Cannot connect to %1:%2. Check the host and port, and that this computer may reach the relay.</source>
        <translation>%1:%2 に接続できません。ホストとポート、およびこのコンピューターからリレーに接続できることを確認してください。</translation>
    </message>
    <message>
        <source>Cannot connect to %1:%2: no answer in time. Check the host and port.</source>
        <translation>%1:%2 に接続できません。時間内に応答がありませんでした。ホストとポートを確認してください。</translation>
    </message>
    <message>
        <source>The relay stopped answering. The message will be tried again later.</source>
        <translation>リレーが応答しなくなりました。メッセージは後で再試行します。</translation>
    </message>
    <message>
        <source>The relay refused the login for user &quot;%1&quot;. Check the user and password.</source>
        <translation>リレーがユーザー「%1」のログインを拒否しました。ユーザーとパスワードを確認してください。</translation>
    </message>
    <message>
        <source>This computer&apos;s store of trusted certificates cannot be read, so the relay&apos;s certificate cannot be checked. Install the ca-certificates package, or set a CA file (Settings › E-mail › CA file, --ca-file).</source>
        <translation>このコンピューターの信頼済み証明書ストアを読み取れないため、リレーの証明書を確認できません。ca-certificates パッケージをインストールするか、CA ファイルを設定してください（設定 › メール › CA ファイル、--ca-file）。</translation>
    </message>
</context>
<context>
    <name>rmsam::SmtpSettings</name>
    <message>
        <source>From address is required.</source>
        <translation>送信元アドレスを指定してください。</translation>
    </message>
    <message>
        <source>From address &quot;%1&quot; is not an e-mail address.</source>
        <translation>送信元アドレス「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Reply-To address &quot;%1&quot; is not an e-mail address.</source>
        <translation>Reply-To アドレス「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Host is required: the name of your organisation&apos;s SMTP relay.</source>
        <translation>ホストを指定してください（組織の SMTP リレーの名前）。</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not a host name.</source>
        <translation>ホスト「%1」はホスト名ではありません。</translation>
    </message>
    <message>
        <source>Port %1 is out of range; use 1 to 65535 (usually 587, or 465 for TLS).</source>
        <translation>ポート %1 は範囲外です。1～65535 を指定してください（通常は 587、TLS の場合は 465）。</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; is allowed only to this computer (localhost); use &quot;starttls&quot; or &quot;tls&quot; for %1.</source>
        <translation>セキュリティ「none」はこのコンピューター（localhost）宛てにのみ使用できます。%1 には「starttls」または「tls」を使用してください。</translation>
    </message>
    <message>
        <source>User must not contain control characters.</source>
        <translation>ユーザーに制御文字は使用できません。</translation>
    </message>
    <message>
        <source>Messages per minute must be between 1 and %1.</source>
        <translation>1 分あたりのメッセージ数は 1～%1 の範囲で指定してください。</translation>
    </message>
</context>
<context>
    <name>rmsam::SmtpSettingsRepository</name>
    <message>
        <source>Cannot read the e-mail settings.</source>
        <translation>メール設定を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot save the e-mail settings.</source>
        <translation>メール設定を保存できません。</translation>
    </message>
    <message>
        <source>Cannot clear the e-mail settings.</source>
        <translation>メール設定を削除できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::SnapshotChanges</name>
    <message>
        <source>Joined</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>離脱</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>ロール変更</translation>
    </message>
</context>
<context>
    <name>rmsam::SubscriptionRepository</name>
    <message>
        <source>Cannot read the subscriptions.</source>
        <translation>サブスクリプションを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot replace the subscriptions.</source>
        <translation>サブスクリプションを置き換えられません。</translation>
    </message>
    <message>
        <source>Cannot store the subscriptions.</source>
        <translation>サブスクリプションを保存できません。</translation>
    </message>
    <message>
        <source>Cannot store the changes of the snapshot.</source>
        <translation>スナップショットの変更を保存できません。</translation>
    </message>
    <message>
        <source>Cannot store the user activity.</source>
        <translation>ユーザーアクティビティを保存できません。</translation>
    </message>
    <message>
        <source>Cannot record the job result.</source>
        <translation>ジョブ結果を記録できません。</translation>
    </message>
    <message>
        <source>Cannot read the job results.</source>
        <translation>ジョブ結果を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read the changes of the snapshot.</source>
        <translation>スナップショットの変更を読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read when users joined.</source>
        <translation>ユーザーの参加日時を読み込めません。</translation>
    </message>
</context>
<context>
    <name>rmsam::SyncJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルされました。</translation>
    </message>
    <message>
        <source>The user list changed during the download (%1 duplicates); it was read again.</source>
        <translation>ダウンロード中にユーザー一覧が変化したため（重複 %1 件）、読み込み直しました。</translation>
    </message>
    <message>
        <source>The user list kept changing during the download; this snapshot may miss users who joined or left meanwhile. The next run corrects it.</source>
        <translation>ダウンロード中にユーザー一覧が変化し続けました。このスナップショットには、その間に参加または離脱したユーザーが反映されていない可能性があります。次回の実行で修正されます。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Roadmunk listed no users at all, where the last snapshot has %1. Nothing was replaced. If the account really is empty, run the sync again and accept the smaller list (sync --accept-shrink, or Accept in the app).</source>
        <translation>Roadmunk はユーザーを 1 人も返しませんでしたが、前回のスナップショットには %1 人います。何も置き換えていません。アカウントが本当に空の場合は、もう一度同期して減った一覧を受け入れてください（sync --accept-shrink、またはアプリの「受け入れる」）。</translation>
    </message>
    <message>
        <source>Roadmunk listed %1 users, %2 fewer than the last snapshot (%3 %). Nothing was replaced. If so many users really left, run the sync again and accept the smaller list (sync --accept-shrink, or Accept in the app).</source>
        <translation>Roadmunk が返したユーザーは %1 人で、前回のスナップショットより %2 人（%3 %）少なくなっています。何も置き換えていません。本当にそれだけのユーザーが去った場合は、もう一度同期して減った一覧を受け入れてください（sync --accept-shrink、またはアプリの「受け入れる」）。</translation>
    </message>
    <message>
        <source>%1 sync</source>
        <translation>%1の同期</translation>
    </message>
</context>
<context>
    <name>rmsam::TeamAccess</name>
    <message>
        <source>Syncing</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Attaching the User report</source>
        <translation>ユーザーレポートの添付</translation>
    </message>
    <message>
        <source>Changing exclusions</source>
        <translation>除外の変更</translation>
    </message>
    <message>
        <source>Working on removal candidates</source>
        <translation>削除候補の作業</translation>
    </message>
    <message>
        <source>Reclaiming</source>
        <translation>回収</translation>
    </message>
    <message>
        <source>Deciding Awaiting Approval</source>
        <translation>承認待ちの判断</translation>
    </message>
    <message>
        <source>Changing integration profiles</source>
        <translation>統合プロファイルの変更</translation>
    </message>
    <message>
        <source>Changing the reclamation rule</source>
        <translation>回収ルールの変更</translation>
    </message>
    <message>
        <source>Changing entitlements</source>
        <translation>エンタイトルメントの変更</translation>
    </message>
    <message>
        <source>Changing job settings</source>
        <translation>ジョブ設定の変更</translation>
    </message>
    <message>
        <source>Managing the team</source>
        <translation>チームの管理</translation>
    </message>
    <message>
        <source>%1 needs the %2 role; your role is %3. An owner can grant it: roadmunk-sam team grant --member %4 --role %5.</source>
        <translation>%1には %2 ロールが必要です。あなたのロールは %3 です。オーナーが付与できます: roadmunk-sam team grant --member %4 --role %5。</translation>
    </message>
    <message>
        <source>Changing the e-mail settings</source>
        <translation>メール設定の変更</translation>
    </message>
</context>
<context>
    <name>rmsam::TeamRoles</name>
    <message>
        <source>viewer</source>
        <translation>閲覧者</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>reclaimer</source>
        <translation>回収担当</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>承認者</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>オーナー</translation>
    </message>
</context>
<context>
    <name>rmsam::TeamSchema</name>
    <message>
        <source>Cannot set up the team&apos;s roles.</source>
        <translation>チームのロールを設定できません。</translation>
    </message>
    <message>
        <source>Cannot read the team&apos;s roles.</source>
        <translation>チームのロールを読み取れません。</translation>
    </message>
    <message>
        <source>The database name &quot;%1&quot; is too long for team mode&apos;s role names (rmsam_%1_reclaimer must fit in 63 bytes) or holds a &quot;$&quot;. Use a shorter name for the team&apos;s database.</source>
        <translation>データベース名「%1」はチームモードのロール名には長すぎる（rmsam_%1_reclaimer が 63 バイトに収まる必要があります）か、「$」を含んでいます。チームのデータベースにはより短い名前を使ってください。</translation>
    </message>
    <message>
        <source>Team mode needs a PostgreSQL database: give one with --database postgresql://USER@HOST/DB. On this SQLite database you are the only admin, the owner.</source>
        <translation>チームモードには PostgreSQL データベースが必要です。--database postgresql://USER@HOST/DB で指定してください。この SQLite データベースでは、あなたが唯一の管理者（オーナー）です。</translation>
    </message>
    <message>
        <source>There is no PostgreSQL role &quot;%1&quot;. The database administrator creates it first (CREATE ROLE … LOGIN), then an owner grants it a team role.</source>
        <translation>PostgreSQL ロール「%1」はありません。まずデータベース管理者が作成し（CREATE ROLE … LOGIN）、その後オーナーがチームロールを付与します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of the team&apos;s group roles, not a member.</source>
        <translation>「%1」はチームのグループロールであり、メンバーではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a member of the team.</source>
        <translation>「%1」はチームのメンバーではありません。</translation>
    </message>
</context>
<context>
    <name>rmsam::TokenDialog</name>
    <message>
        <source>Set API token</source>
        <translation>API トークンの設定</translation>
    </message>
    <message>
        <source>The token is stored only in the OS keychain.</source>
        <translation>トークンは OS のキーチェーンにのみ保存されます。</translation>
    </message>
</context>
<context>
    <name>rmsam::TokenField</name>
    <message>
        <source>Paste the API token</source>
        <translation>API トークンを貼り付けてください</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API トークン</translation>
    </message>
    <message>
        <source>Show or hide the token (Alt+S)</source>
        <translation>トークンの表示/非表示を切り替えます（Alt+S）</translation>
    </message>
</context>
<context>
    <name>rmsam::TokenPage</name>
    <message>
        <source>API token</source>
        <translation>API トークン</translation>
    </message>
    <message>
        <source>Roadmunk SAM connects with an API token created by a Roadmunk Account Admin.</source>
        <translation>Roadmunk SAM は、Roadmunk の Account Admin が作成した API トークンで接続します。</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Sign in to Roadmunk as an &lt;b&gt;Account Admin&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Open &lt;b&gt;Account Settings › API Tokens&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Select &lt;b&gt;Generate Token&lt;/b&gt; and name it, for example “Roadmunk SAM”.&lt;/li&gt;&lt;li&gt;Copy the token (Roadmunk shows it only once) and paste it below.&lt;/li&gt;&lt;/ol&gt;The token carries its creator’s rights and is kept only in the OS keychain.</source>
        <translation>&lt;ol&gt;&lt;li&gt;Roadmunk に &lt;b&gt;Account Admin&lt;/b&gt; としてサインインします。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Account Settings › API Tokens&lt;/b&gt; を開きます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Generate Token&lt;/b&gt; を選択し、名前（例:「Roadmunk SAM」）を付けます。&lt;/li&gt;&lt;li&gt;トークンをコピーし（Roadmunk での表示は 1 回限りです）、下に貼り付けます。&lt;/li&gt;&lt;/ol&gt;トークンには作成者の権限があり、OS のキーチェーンにのみ保存されます。</translation>
    </message>
    <message>
        <source>&amp;API token:</source>
        <translation>API トークン(&amp;A):</translation>
    </message>
</context>
<context>
    <name>rmsam::TokenStore</name>
    <message>
        <source>Checking the OS keychain…</source>
        <translation>OS のキーチェーンを確認しています…</translation>
    </message>
    <message>
        <source>API tokens are kept in the OS keychain.</source>
        <translation>API トークンは OS のキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>No OS keychain is available: no Secret Service answers on the session D-Bus. Install and start one (Debian/Ubuntu: sudo apt install gnome-keyring, or use KWallet), log in to a desktop session, then restart Roadmunk SAM. API tokens are never stored anywhere else.</source>
        <translation>OS のキーチェーンを利用できません。セッション D-Bus で応答する Secret Service がありません。Secret Service をインストールして起動し（Debian/Ubuntu: sudo apt install gnome-keyring、または KWallet を使用）、デスクトップセッションにログインしてから Roadmunk SAM を再起動してください。API トークンがほかの場所に保存されることはありません。</translation>
    </message>
    <message>
        <source>No OS keychain is available. Roadmunk SAM keeps API tokens only in the system keychain and cannot store one until it is available.</source>
        <translation>OS のキーチェーンを利用できません。Roadmunk SAM は API トークンをシステムのキーチェーンにのみ保存するため、キーチェーンが利用可能になるまでトークンを保存できません。</translation>
    </message>
    <message>
        <source>Access to the OS keychain was denied. Unlock the keychain (or allow Roadmunk SAM when the system asks), then try again. API tokens are never stored anywhere else.</source>
        <translation>OS のキーチェーンへのアクセスが拒否されました。キーチェーンのロックを解除してから（またはシステムから確認されたときに Roadmunk SAM を許可してから）、もう一度お試しください。API トークンがほかの場所に保存されることはありません。</translation>
    </message>
    <message>
        <source>This platform has no keychain Roadmunk SAM can use, so it cannot store API tokens.</source>
        <translation>このプラットフォームには Roadmunk SAM が使用できるキーチェーンがないため、API トークンを保存できません。</translation>
    </message>
    <message>
        <source>The OS keychain did not work as expected (it could not store, read back or delete an entry). Check that it is unlocked and not full, then restart Roadmunk SAM.</source>
        <translation>OS のキーチェーンが想定どおりに動作しませんでした（エントリの保存、読み戻し、または削除ができませんでした）。キーチェーンのロックが解除されていて、容量に空きがあることを確認してから、Roadmunk SAM を再起動してください。</translation>
    </message>
    <message>
        <source>No API token is stored for this profile. Set one (Connection &amp; Credential › Set token, or: roadmunk-sam token set --profile NAME).</source>
        <translation>このプロファイルには API トークンが保存されていません。トークンを設定してください（「接続と資格情報 › トークンを設定」、または roadmunk-sam token set --profile NAME）。</translation>
    </message>
    <message>
        <source>No OS keychain can be reached: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so no Secret Service can answer. Run Roadmunk SAM in a desktop session, where GNOME Keyring or KWallet starts with the login; on a server, run it under dbus-run-session with gnome-keyring-daemon started and unlocked. API tokens are never stored anywhere else.</source>
        <translation>OS のキーチェーンに到達できません。D-Bus セッションバスがないため（DBUS_SESSION_BUS_ADDRESS が未設定か、動作中のバスを指していません）、Secret Service が応答できません。ログイン時に GNOME Keyring または KWallet が起動するデスクトップセッションで Roadmunk SAM を実行してください。サーバーでは、gnome-keyring-daemon を起動してロックを解除したうえで dbus-run-session の下で実行してください。API トークンが他の場所に保存されることはありません。</translation>
    </message>
    <message>
        <source>The password is empty; nothing was stored.</source>
        <translation>パスワードが空のため、何も保存していません。</translation>
    </message>
    <message>
        <source>The SMTP password is empty.</source>
        <translation>SMTP パスワードが空です。</translation>
    </message>
</context>
<context>
    <name>rmsam::UserReport</name>
    <message>
        <source>The file is empty. Download the User report from Roadmunk again.</source>
        <translation>ファイルが空です。Roadmunk からユーザーレポートをもう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Line %1 has %2 fields but the header has %3.</source>
        <translation>%1 行目のフィールド数は %2 ですが、ヘッダーの列数は %3 です。</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not an email address.</source>
        <translation>%1 行目:「%2」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Line %1: the status &quot;%2&quot; is neither active nor inactive.</source>
        <translation>%1 行目: ステータス「%2」はアクティブでも非アクティブでもありません。</translation>
    </message>
    <message>
        <source>Line %1: %2 is listed again with another status (first on line %3).</source>
        <translation>%1 行目: %2 が別のステータスで重複しています（最初は %3 行目）。</translation>
    </message>
    <message>
        <source>The User report was not attached; the previous one stays. %1</source>
        <translation>ユーザーレポートは添付されませんでした。以前のレポートが引き続き使用されます。%1</translation>
    </message>
    <message>
        <source>The User report lists no users: it has a header only.</source>
        <translation>ユーザーレポートにユーザーが含まれていません（ヘッダーのみです）。</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>The first line of the file is a single column (&quot;%1&quot;), read as %2: it is separated by neither commas, semicolons nor tabs. Check that this is the Roadmunk User report; if it is, save it again from Excel as &quot;CSV UTF-8 (Comma delimited)&quot;.</source>
        <translation>ファイルの 1 行目が 1 列だけ（「%1」）で、%2 として読み取りました。カンマ、セミコロン、タブのいずれでも区切られていません。Roadmunk の ユーザーレポートであることを確認し、そうであれば Excel で「CSV UTF-8 (コンマ区切り)」として保存し直してください。</translation>
    </message>
    <message>
        <source>Cannot find the %1 column among the file&apos;s %2 columns (%3), separated by %4. Choose the columns to use (command line: --email-column and --status-column).</source>
        <translation>ファイルの %2 列（%3、%4 区切り）の中に %1 列が見つかりません。使用する列を選んでください（コマンドライン: --email-column と --status-column）。</translation>
    </message>
</context>
<context>
    <name>rmsam::UserReportRepository</name>
    <message>
        <source>Cannot attach the User report.</source>
        <translation>ユーザーレポートを添付できません。</translation>
    </message>
    <message>
        <source>Cannot read the attached User report.</source>
        <translation>添付されたユーザーレポートを読み込めません。</translation>
    </message>
    <message>
        <source>Cannot remove the attached User report.</source>
        <translation>添付されたユーザーレポートを削除できません。</translation>
    </message>
</context>
<context>
    <name>rmsam::ValidatePage</name>
    <message>
        <source>Validate connection</source>
        <translation>接続の検証</translation>
    </message>
    <message>
        <source>Roadmunk SAM stores the token in the OS keychain and checks that it can list users and roadmaps in this account.</source>
        <translation>Roadmunk SAM はトークンを OS のキーチェーンに保存し、このアカウントのユーザーとロードマップを一覧表示できるか確認します。</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cancel validation</source>
        <translation>検証をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Saving the profile and storing the token in the OS keychain…</source>
        <translation>プロファイルを保存し、トークンを OS のキーチェーンに保存しています…</translation>
    </message>
    <message>
        <source>Validation failed.</source>
        <translation>検証に失敗しました。</translation>
    </message>
    <message>
        <source>Connection validated.</source>
        <translation>接続を検証しました。</translation>
    </message>
    <message>
        <source>Token “%1” can list users and roadmaps of “%2” (%3 package).</source>
        <translation>トークン「%1」で「%2」のユーザーとロードマップを一覧表示できます（%3 パッケージ）。</translation>
    </message>
</context>
</TS>
