<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>GraphQl</name>
    <message>
        <source>fragments are not supported by the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directives are not supported by the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide an operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide operation name if query contains multiple operations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown operation named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax Error: %1 (line %2, column %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected &quot;.&quot;, did you mean &quot;...&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected character &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number, unexpected digit after 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number, expected digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number, unexpected character &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Unicode escape sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid character escape sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected variable in a constant value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type extensions are not supported by the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected Name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There can be only one type named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown type &quot;%1&quot; referenced by &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Int cannot represent non-integer value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Int cannot represent non 32-bit signed integer value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float cannot represent non numeric value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String cannot represent a non string value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boolean cannot represent a non boolean value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID cannot represent a non-string and non-integer value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID cannot represent value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This anonymous operation must be the only defined operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There can be only one operation named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema is not configured to execute %1 operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There can be only one variable named &quot;$%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; cannot be non-input type &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is never used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is never used in operation &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown argument &quot;%1&quot; on field &quot;%2.__typename&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;__typename&quot; must not have a selection since type &quot;String!&quot; has no subfields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot query field &quot;%1&quot; on type &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There can be only one argument named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown argument &quot;%1&quot; on field &quot;%2.%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; argument &quot;%2&quot; of type &quot;%3&quot; is required, but it was not provided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; must not have a selection since type &quot;%2&quot; has no subfields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of type &quot;%2&quot; must have a selection of subfields. Did you mean &quot;%1 { ... }&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields &quot;%1&quot; conflict because &quot;%2&quot; and &quot;%3&quot; are different fields. Use different aliases on the fields to fetch both if this was intentional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields &quot;%1&quot; conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected value of type &quot;%1&quot;, found null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enum &quot;%1&quot; cannot represent non-enum value: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value &quot;%1&quot; does not exist in &quot;%2&quot; enum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected value of type &quot;%1&quot;, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There can be only one input field named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; is not defined by type &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1.%2&quot; of required type &quot;%3&quot; was not provided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is not defined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; is not defined by operation &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of type &quot;%2&quot; used in position expecting type &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of required type &quot;%2&quot; was not provided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; of non-null type &quot;%2&quot; must not be null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable &quot;$%1&quot; got invalid value %2; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected non-nullable type &quot;%1&quot; not to be null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enum &quot;%1&quot; cannot represent non-string value: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected type &quot;%1&quot; to be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot; of required type &quot;%2&quot; was not provided.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxAccount</name>
    <message>
        <source>Provide the user&apos;s id or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user with this id exists in the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user with this email exists in the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id and the email belong to different users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxExecutor</name>
    <message>
        <source>Forbidden: this API token lacks the Account Admin role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox does not serve &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be between 0 and %1, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset must not be negative, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Roadmunk SAM: reclaim unused Roadmunk seats.

Commands: profile, token, validate, publish, sandbox (run `roadmunk-sam COMMAND --help`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the built-in Roadmunk sandbox and demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use DIR for the database instead of the default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam</name>
    <message>
        <source>Checking the API token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing users (Download subscriptions)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing roadmaps (Download activity)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk rejected the API token (HTTP %1). It may be mistyped, revoked or expired. Generate a new token in Roadmunk (Account Settings › API Tokens) and set it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token lacks the rights this needs: Roadmunk answered &quot;%1&quot;. Create the token as an Account Admin (only Account Admins can list and deactivate users), then set it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the Roadmunk gateway %1 (DNS lookup failed). Check the region and your network connection or proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the region, your network connection and any proxy or firewall, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (TLS). A proxy or antivirus may be intercepting HTTPS; Roadmunk SAM never ignores certificate errors. Check the system&apos;s certificates and proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again later; if it keeps happening, check your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a database transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the changes to the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No integration profile &quot;%1&quot;. List the profiles with: roadmunk-sam profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists. Choose another Display Name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk SAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the demo folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the built-in Roadmunk sandbox on this computer&apos;s loopback address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: connected to the built-in Roadmunk sandbox at %1 with a synthetic account. Your real profiles and tokens are not touched; demo data is reset at every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::CommandLine</name>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk SAM command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use DIR for the database instead of the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile, by Display Name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name of the new profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app (North America, default), eu or apac.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback sandbox URL instead of a region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Download activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Reclaim subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity from this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:
  profile create --name NAME [--region app|eu|apac] [--endpoint URL] [--no-activity]
                 [--no-reclaim] [--analyze-from YYYY-MM-DD] [--json]
  profile list [--json] | profile show NAME [--json] | profile delete NAME
  token set --profile NAME   (reads the token from standard input)
  token clear --profile NAME
  validate --profile NAME
  publish --profile NAME [--yes]
  sandbox [--port N] [--users N] [--seed S] [--page-cap N] [--latency-ms N] [--token T]
Exit codes: 0 ok, 1 failure, 2 usage, 3 token missing or rejected, 4 network or region
unreachable, 5 invalid input file, 6 keychain unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot;. Use app (North America), eu (Europe) or apac (Asia-Pacific).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--endpoint is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--analyze-from needs a date written YYYY-MM-DD, for example 2026-01-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created profile &quot;%1&quot; (%2). Next: roadmunk-sam token set --profile &quot;%1&quot; &lt; token.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No integration profiles yet. Create one with: roadmunk-sam profile create --name NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:                 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile Type:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:                 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URL:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download subscriptions: on (always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download activity:      %1 (analyze user activity from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim subscriptions:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validated:              %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published:              %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot; and its API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API token for &quot;%1&quot; and press Enter (input is hidden): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the API token for &quot;%1&quot; in the OS keychain. Next: roadmunk-sam validate --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the API token of &quot;%1&quot; from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection validated: token &quot;%1&quot;, account &quot;%2&quot; (%3). Next: roadmunk-sam publish --profile NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing &quot;%1&quot; needs confirmation: run it in a terminal, or add --yes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish &quot;%1&quot;? It will start downloading subscriptions and activity on schedule. [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ConnectionValidator</name>
    <message>
        <source>Validation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection validated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer did not contain the expected list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cannot list users, so it lacks the rights the integration needs. Create the API token while signed in as an Account Admin, then set it again. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::Database</name>
    <message>
        <source>Cannot create the data folder %1. Check that it is writable, or choose another with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check that the folder is writable and not on a full disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot configure the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the database schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Roadmunk SAM (schema %2, this version knows %3). Update the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the database schema.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::MainWindow</name>
    <message>
        <source>Roadmunk SAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and remove its API token from the OS keychain? Roadmunk itself is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::Profile</name>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileForm</name>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;&amp; Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always on: the integration cannot work without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download &amp;activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reclaim subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection validated: token “%1”, account “%2”. You can publish the profile now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimal permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The profile is a Draft again: validate the connection and publish it to resume downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish “%1”? Its subscriptions and activity will be downloaded on schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token stored in the OS keychain. Validate the connection next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token removed from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileListModel</name>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfilePage</name>
    <message>
        <source>Integration profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One profile connects one Roadmunk account. Profile Type: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download subscriptions (always on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download &amp;activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reclaim subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subflows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When Reclaim subscriptions is off, removal candidates are still listed but never reclaimed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileRepository</name>
    <message>
        <source>Cannot read the integration profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the integration profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the integration profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the integration profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileRules</name>
    <message>
        <source>Display Name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name is %1 characters long; use at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display Name must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists. Choose another Display Name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint %1 is not allowed. Roadmunk SAM only connects to the Roadmunk gateways (choose a region) or to a sandbox on this computer (a loopback address such as http://127.0.0.1:8080/public/graphql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity from needs a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze user activity from (%1) is in the future; choose today or an earlier date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API token was given. Paste the token you generated in Roadmunk (Account Settings › API Tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token contains spaces or line breaks. Copy only the token itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token is %1 bytes long; the OS keychain accepts at most %2 bytes on every platform. A Roadmunk token is 549 characters: check that you copied only the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the connection of &quot;%1&quot; before publishing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileService</name>
    <message>
        <source>Validation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::PublishPage</name>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing moves the profile from Draft to Published, so its subscriptions and activity are downloaded on schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Status: %2&lt;br&gt;Profile Type: %3&lt;br&gt;Connection URL: %4&lt;br&gt;Download activity: %5&lt;br&gt;Reclaim subscriptions: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on, from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish “%1” now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::RegionPage</name>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where your Roadmunk account is hosted. The API token is sent only to this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sandbox (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URL:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::Regions</name>
    <message>
        <source>North America (app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe (eu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asia-Pacific (apac)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::RoadmunkClient</name>
    <message>
        <source>Refusing to send the API token to %1: Roadmunk SAM only talks to the Roadmunk gateways over HTTPS (app, eu, apac) and to its own sandbox on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirect (HTTP %2); Roadmunk SAM does not follow redirects, so the token never leaves the gateway. Check the region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk had a server error (HTTP %1). This is usually temporary: try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer could not be read (HTTP %1, not a GraphQL response). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk&apos;s answer had no data. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::SetupWizard</name>
    <message>
        <source>New Roadmunk integration profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::TokenDialog</name>
    <message>
        <source>Set API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is stored only in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::TokenPage</name>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk SAM connects with an API token created by a Roadmunk Account Admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Sign in to Roadmunk as an &lt;b&gt;Account Admin&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Open &lt;b&gt;Account Settings › API Tokens&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Select &lt;b&gt;Generate Token&lt;/b&gt; and name it, for example “Roadmunk SAM”.&lt;/li&gt;&lt;li&gt;Copy the token (Roadmunk shows it only once) and paste it below.&lt;/li&gt;&lt;/ol&gt;The token carries its creator’s rights and is kept only in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API token:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::TokenStore</name>
    <message>
        <source>Checking the OS keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API tokens are kept in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available: no Secret Service answers on the session D-Bus. Install and start one (Debian/Ubuntu: sudo apt install gnome-keyring, or use KWallet), log in to a desktop session, then restart Roadmunk SAM. API tokens are never stored anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available. Roadmunk SAM keeps API tokens only in the system keychain and cannot store one until it is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the OS keychain was denied. Unlock the keychain (or allow Roadmunk SAM when the system asks), then try again. API tokens are never stored anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This platform has no keychain Roadmunk SAM can use, so it cannot store API tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain did not work as expected (it could not store, read back or delete an entry). Check that it is unlocked and not full, then restart Roadmunk SAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API token is stored for this profile. Set one (Connection &amp; Credential › Set token, or: roadmunk-sam token set --profile NAME).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rmsam::ValidatePage</name>
    <message>
        <source>Validate connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roadmunk SAM stores the token in the OS keychain and checks that it can list users and roadmaps in this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the profile and storing the token in the OS keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection validated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token “%1” can list users and roadmaps of “%2” (%3 package).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
