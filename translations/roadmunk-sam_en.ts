<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>rmsam::CandidatesPanel</name>
    <message numerus="yes">
        <source>Send this to the user, then record the answer with &quot;User keeps it&quot; or &quot;User releases it&quot;. Without an answer in %n day(s), the seat is reclaimed.</source>
        <translation>
            <numerusform>Send this to the user, then record the answer with &quot;User keeps it&quot; or &quot;User releases it&quot;. Without an answer in %n day, the seat is reclaimed.</numerusform>
            <numerusform>Send this to the user, then record the answer with &quot;User keeps it&quot; or &quot;User releases it&quot;. Without an answer in %n days, the seat is reclaimed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ChangeLogText</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::CommandLine</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n roadmap(s)</source>
        <translation>
            <numerusform>%n roadmap</numerusform>
            <numerusform>%n roadmaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source><byte value="xd"/>%1 of %n candidate(s)</source>
        <translation>
            <numerusform><byte value="xd"/>%1 of %n candidate</numerusform>
            <numerusform><byte value="xd"/>%1 of %n candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>passed %n day ago</numerusform>
            <numerusform>passed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s)</source>
        <translation>
            <numerusform>%n seat</numerusform>
            <numerusform>%n seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaver(s)</source>
        <translation>
            <numerusform>%n leaver</numerusform>
            <numerusform>%n leavers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The HR roster is %n day(s) old: attach a current export.</source>
        <translation>
            <numerusform>The HR roster is %n day old: attach a current export.</numerusform>
            <numerusform>The HR roster is %n days old: attach a current export.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::DashboardView</name>
    <message numerus="yes">
        <source>Active: activity within the reclamation rule&apos;s %n day(s). The app keeps only the latest activity, so active seats are known for the latest run only.</source>
        <translation>
            <numerusform>Active: activity within the reclamation rule&apos;s %n day. The app keeps only the latest activity, so active seats are known for the latest run only.</numerusform>
            <numerusform>Active: activity within the reclamation rule&apos;s %n days. The app keeps only the latest activity, so active seats are known for the latest run only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open removal candidate(s)</source>
        <translation>
            <numerusform>%n open removal candidate</numerusform>
            <numerusform>%n open removal candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n seat(s) held</source>
        <translation>
            <numerusform>of %n seat held</numerusform>
            <numerusform>of %n seats held</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::MainWindow</name>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profile</numerusform>
            <numerusform>%n profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %n row(s) (filtered) to %2.</source>
        <translation>
            <numerusform>Exported %1 of %n row (filtered) to %2.</numerusform>
            <numerusform>Exported %1 of %n rows (filtered) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n roadmap(s)</source>
        <translation>
            <numerusform>%n roadmap</numerusform>
            <numerusform>%n roadmaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::NoticeDispatcher</name>
    <message numerus="yes">
        <source>%n e-mail(s) would be sent.</source>
        <translation>
            <numerusform>%n e-mail would be sent.</numerusform>
            <numerusform>%n e-mails would be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileForm</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is older than %n day(s): attach a fresh one.</source>
        <translation>
            <numerusform>It is older than %n day: attach a fresh one.</numerusform>
            <numerusform>It is older than %n days: attach a fresh one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaver(s)</source>
        <translation>
            <numerusform>%n leaver</numerusform>
            <numerusform>%n leavers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ProfileService</name>
    <message numerus="yes">
        <source>The HR roster lists only %1 of the profile&apos;s %n seat holder(s). A partial export or another department&apos;s list would make all the others removal candidates as &quot;Not on the HR roster&quot;; the roster was not attached.</source>
        <translation>
            <numerusform>The HR roster lists only %1 of the profile&apos;s %n seat holder. A partial export or another department&apos;s list would make all the others removal candidates as &quot;Not on the HR roster&quot;; the roster was not attached.</numerusform>
            <numerusform>The HR roster lists only %1 of the profile&apos;s %n seat holders. A partial export or another department&apos;s list would make all the others removal candidates as &quot;Not on the HR roster&quot;; the roster was not attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ReclaimDialog</name>
    <message numerus="yes">
        <source>Dry run: %n user(s) would be deactivated. Nobody has been deactivated yet.</source>
        <translation>
            <numerusform>Dry run: %n user would be deactivated. Nobody has been deactivated yet.</numerusform>
            <numerusform>Dry run: %n users would be deactivated. Nobody has been deactivated yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) would be notified first.</source>
        <translation>
            <numerusform>%n user would be notified first.</numerusform>
            <numerusform>%n users would be notified first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out by you.</source>
        <translation>
            <numerusform>%n left out by you.</numerusform>
            <numerusform>%n left out by you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reclaiming: %1 of %n candidate(s) done.</source>
        <translation>
            <numerusform>Reclaiming: %1 of %n candidate done.</numerusform>
            <numerusform>Reclaiming: %1 of %n candidates done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::ReclaimJob</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::RecordTable</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s)</source>
        <translation>
            <numerusform>%1 of %n row</numerusform>
            <numerusform>%1 of %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading… the first %n row(s) are shown</source>
        <translation>
            <numerusform>Loading… the first %n row is shown</numerusform>
            <numerusform>Loading… the first %n rows are shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::Renewals</name>
    <message numerus="yes">
        <source>Cancel by %1 (in %n day(s))</source>
        <translation>
            <numerusform>Cancel by %1 (in %n day)</numerusform>
            <numerusform>Cancel by %1 (in %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel-by date %1 passed %n day(s) ago</source>
        <translation>
            <numerusform>Cancel-by date %1 passed %n day ago</numerusform>
            <numerusform>Cancel-by date %1 passed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: recommended %n seat(s), saves %2</source>
        <translation>
            <numerusform>%1: recommended %n seat, saves %2</numerusform>
            <numerusform>%1: recommended %n seats, saves %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rmsam::RunLocks</name>
    <message numerus="yes">
        <source>This run of %1 lost its lock: another process took it over because this one gave no sign of life for %n minute(s). It stops here so that two runs do not overlap.</source>
        <translation>
            <numerusform>This run of %1 lost its lock: another process took it over because this one gave no sign of life for %n minute. It stops here so that two runs do not overlap.</numerusform>
            <numerusform>This run of %1 lost its lock: another process took it over because this one gave no sign of life for %n minutes. It stops here so that two runs do not overlap.</numerusform>
        </translation>
    </message>
</context>
</TS>
