<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Assessment</name>
        <message>
            <source>Marketing</source>
            <translation>Marketing</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>Process</translation>
        </message>
        <message>
            <source>Bonus/malus</source>
            <translation>Bonus/malus</translation>
        </message>
        <message>
            <source>Tier change</source>
            <translation>Tier change</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Weekly summary</source>
            <translation>Weekly summary</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Rating</translation>
        </message>
        <message>
            <source>Bonus/malus item</source>
            <translation>Bonus/malus item</translation>
        </message>
    </context>
    <context>
        <name>AssessmentItemDialog</name>
        <message>
            <source>Bonus/malus item</source>
            <translation>Bonus/malus item</translation>
        </message>
        <message>
            <source>e.g. +5 or -3</source>
            <translation>e.g. +5 or -3</translation>
        </message>
        <message>
            <source>Retention success</source>
            <translation>Retention success</translation>
        </message>
        <message>
            <source>Justified complaint</source>
            <translation>Justified complaint</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>&amp;Points</source>
            <translation>&amp;Points</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Kind</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Reason</translation>
        </message>
    </context>
    <context>
        <name>AssessmentModel</name>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPage</name>
        <message>
            <source>Save &amp;rating</source>
            <translation>Save &amp;rating</translation>
        </message>
        <message>
            <source>Add &amp;bonus/malus…</source>
            <translation>Add &amp;bonus/malus…</translation>
        </message>
        <message>
            <source>&amp;Export sheet…</source>
            <translation>&amp;Export sheet…</translation>
        </message>
        <message>
            <source>Submit to &amp;head office…</source>
            <translation>Submit to &amp;head office…</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>Supervisor's &amp;rating (0–10)</source>
            <translation>Supervisor's &amp;rating (0–10)</translation>
        </message>
        <message>
            <source>{name} ({no}), {month}: {total} points — double-click a figure for its records</source>
            <translation>{name} ({no}), {month}: {total} points — double-click a figure for its records</translation>
        </message>
        <message>
            <source>{month} has not been submitted to the head office.</source>
            <translation>{month} has not been submitted to the head office.</translation>
        </message>
        <message>
            <source>Submitted to the head office {at} by {by} ({no})</source>
            <translation>Submitted to the head office {at} by {by} ({no})</translation>
        </message>
        <message>
            <source>{said}; the figures have changed since: submit again to report them.</source>
            <translation>{said}; the figures have changed since: submit again to report them.</translation>
        </message>
        <message>
            <source>{said}; the figures are unchanged.</source>
            <translation>{said}; the figures are unchanged.</translation>
        </message>
        <message>
            <source>Submit to the head office</source>
            <translation>Submit to the head office</translation>
        </message>
        <message>
            <source>Submit the assessment of {month} to the head office?</source>
            <translation>Submit the assessment of {month} to the head office?</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>Submit</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Every RM's points as computed now are reported; a month already submitted is replaced. No client data is sent.</source>
            <translation>Every RM's points as computed now are reported; a month already submitted is replaced. No client data is sent.</translation>
        </message>
        <message>
            <source>Assessment sheet</source>
            <translation>Assessment sheet</translation>
        </message>
        <message>
            <source>Save the assessment sheet</source>
            <translation>Save the assessment sheet</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>AssessmentWeightsSection</name>
        <message>
            <source>Save &amp;weights</source>
            <translation>Save &amp;weights</translation>
        </message>
        <message>
            <source>Assessment weights</source>
            <translation>Assessment weights</translation>
        </message>
        <message>
            <source>Marketing (points)</source>
            <translation>Marketing (points)</translation>
        </message>
        <message>
            <source>Service (points)</source>
            <translation>Service (points)</translation>
        </message>
        <message>
            <source>Process (points)</source>
            <translation>Process (points)</translation>
        </message>
        <message>
            <source>Bonus/malus cap (±points)</source>
            <translation>Bonus/malus cap (±points)</translation>
        </message>
    </context>
    <context>
        <name>AuditReviewPage</name>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>&amp;Who</source>
            <translation>&amp;Who</translation>
        </message>
        <message>
            <source>Acti&amp;on</source>
            <translation>Acti&amp;on</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>&amp;From</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;To</translation>
        </message>
        <message>
            <source>Codes and record numbers only: the log holds no client data.</source>
            <translation>Codes and record numbers only: the log holds no client data.</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>Anyone</translation>
        </message>
        <message>
            <source>Anything</source>
            <translation>Anything</translation>
        </message>
        <message>
            <source> (scroll for more)</source>
            <translation> (scroll for more)</translation>
        </message>
        <message>
            <source>{n} events shown</source>
            <translation>{n} events shown</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Record ID</source>
            <translation>Record ID</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
    </context>
    <context>
        <name>BranchMonthPage</name>
        <message>
            <source>Each cell: this month / the month before.</source>
            <translation>Each cell: this month / the month before.</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} to {last}</translation>
        </message>
    </context>
    <context>
        <name>BranchRankingPage</name>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} to {last}</translation>
        </message>
        <message>
            <source>{n} branches</source>
            <translation>{n} branches</translation>
        </message>
    </context>
    <context>
        <name>BranchSettingsSection</name>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>A new interest</source>
            <translation>A new interest</translation>
        </message>
        <message>
            <source>A&amp;dd</source>
            <translation>A&amp;dd</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>Re&amp;name</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>&amp;Up</source>
            <translation>&amp;Up</translation>
        </message>
        <message>
            <source>Do&amp;wn</source>
            <translation>Do&amp;wn</translation>
        </message>
        <message>
            <source>Sa&amp;ve settings</source>
            <translation>Sa&amp;ve settings</translation>
        </message>
        <message>
            <source>&amp;Branch name</source>
            <translation>&amp;Branch name</translation>
        </message>
        <message>
            <source>&amp;Idle lock after</source>
            <translation>&amp;Idle lock after</translation>
        </message>
        <message>
            <source>1–60 minutes without input lock the window</source>
            <translation>1–60 minutes without input lock the window</translation>
        </message>
        <message>
            <source>Propose abandoning a&amp;fter</source>
            <translation>Propose abandoning a&amp;fter</translation>
        </message>
        <message>
            <source>1–20 unanswered contact attempts in a row</source>
            <translation>1–20 unanswered contact attempts in a row</translation>
        </message>
        <message>
            <source>Referrals already filed keep the interests they were filed with.</source>
            <translation>Referrals already filed keep the interests they were filed with.</translation>
        </message>
        <message>
            <source>In&amp;terests</source>
            <translation>In&amp;terests</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
        </message>
    </context>
    <context>
        <name>BranchTableModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Active accounts</source>
            <translation>Active accounts</translation>
        </message>
    </context>
    <context>
        <name>BranchTables</name>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>Branch name</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Converted</translation>
        </message>
        <message>
            <source>Conversion rate</source>
            <translation>Conversion rate</translation>
        </message>
        <message>
            <source>Overdue follow-ups</source>
            <translation>Overdue follow-ups</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Received by RMs</source>
            <translation>Received by RMs</translation>
        </message>
        <message>
            <source>Contacts made</source>
            <translation>Contacts made</translation>
        </message>
        <message>
            <source>Follow-ups converted</source>
            <translation>Follow-ups converted</translation>
        </message>
        <message>
            <source>Overdue at end</source>
            <translation>Overdue at end</translation>
        </message>
    </context>
    <context>
        <name>BranchesPage</name>
        <message>
            <source>Branches</source>
            <translation>Branches</translation>
        </message>
        <message>
            <source>Every branch of this installation. Staff, clients, referrals and settings belong to one branch; a branch's staff see only their own.</source>
            <translation>Every branch of this installation. Staff, clients, referrals and settings belong to one branch; a branch's staff see only their own.</translation>
        </message>
        <message>
            <source>&amp;New branch…</source>
            <translation>&amp;New branch…</translation>
        </message>
    </context>
    <context>
        <name>BreakdownModel</name>
        <message>
            <source>Factor</source>
            <translation>Factor</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Weight {weight}, factor score {points} of 100</source>
            <translation>Weight {weight}, factor score {points} of 100</translation>
        </message>
    </context>
    <context>
        <name>ClientCompleter</name>
        <message>
            <source>RM {name}</source>
            <translation>RM {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>No RM yet</translation>
        </message>
    </context>
    <context>
        <name>ClientSearchModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>Client type</source>
            <translation>Client type</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Enter or double-click opens the profile</source>
            <translation>Enter or double-click opens the profile</translation>
        </message>
    </context>
    <context>
        <name>ClientSearchPage</name>
        <message>
            <source>Mobile, last four digits, name or its start, or ID number</source>
            <translation>Mobile, last four digits, name or its start, or ID number</translation>
        </message>
        <message>
            <source>Mobile or its start, last four digits, name or its start, or ID number</source>
            <translation>Mobile or its start, last four digits, name or its start, or ID number</translation>
        </message>
        <message>
            <source>&amp;Open profile</source>
            <translation>&amp;Open profile</translation>
        </message>
        <message>
            <source>&amp;File a referral for this client</source>
            <translation>&amp;File a referral for this client</translation>
        </message>
        <message>
            <source>Enter or double-click opens the profile of a client you look after.</source>
            <translation>Enter or double-click opens the profile of a client you look after.</translation>
        </message>
        <message>
            <source>Enter or double-click files a referral for the client.</source>
            <translation>Enter or double-click files a referral for the client.</translation>
        </message>
        <message>
            <source>Find a client</source>
            <translation>Find a client</translation>
        </message>
        <message>
            <source>No client found.</source>
            <translation>No client found.</translation>
        </message>
        <message>
            <source>Clients found: {n}</source>
            <translation>Clients found: {n}</translation>
        </message>
        <message>
            <source>More than {n} clients found; type more to narrow.</source>
            <translation>More than {n} clients found; type more to narrow.</translation>
        </message>
        <message>
            <source>File a referral</source>
            <translation>File a referral</translation>
        </message>
        <message>
            <source>File a referral for {name} ({mobile})?</source>
            <translation>File a referral for {name} ({mobile})?</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ClientTimeline</name>
        <message>
            <source>Referral</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>Account closure</source>
            <translation>Account closure</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>No answer</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Appointment agreed</source>
            <translation>Appointment agreed</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Wrong number</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Missed</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Moved</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Greeting</source>
            <translation>Greeting</translation>
        </message>
        <message>
            <source>Portfolio review</source>
            <translation>Portfolio review</translation>
        </message>
        <message>
            <source>Cross-selling</source>
            <translation>Cross-selling</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Event invitation</source>
            <translation>Event invitation</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Survey</translation>
        </message>
    </context>
    <context>
        <name>ClientTimelineModel</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>CloseComplaintDialog</name>
        <message>
            <source>Close a complaint</source>
            <translation>Close a complaint</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Justified</source>
            <translation>Justified</translation>
        </message>
        <message>
            <source>Not justified</source>
            <translation>Not justified</translation>
        </message>
    </context>
    <context>
        <name>CloseFollowUpDialog</name>
        <message>
            <source>Abandon follow-up</source>
            <translation>Abandon follow-up</translation>
        </message>
        <message>
            <source>Close follow-up</source>
            <translation>Close follow-up</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>Client: {name}</translation>
        </message>
        <message>
            <source>The attempts to reach this client have failed repeatedly; abandoning is proposed. Say why to confirm.</source>
            <translation>The attempts to reach this client have failed repeatedly; abandoning is proposed. Say why to confirm.</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Abandon</source>
            <translation>Abandon</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Why (required)</source>
            <translation>Why (required)</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>Note (optional)</translation>
        </message>
    </context>
    <context>
        <name>CloseRetentionDialog</name>
        <message>
            <source>Close the retention record</source>
            <translation>Close the retention record</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>&amp;Close record</source>
            <translation>&amp;Close record</translation>
        </message>
        <message>
            <source>Efforts on record: {n}</source>
            <translation>Efforts on record: {n}</translation>
        </message>
        <message>
            <source>&amp;Result</source>
            <translation>&amp;Result</translation>
        </message>
    </context>
    <context>
        <name>ComplaintBadge</name>
        <message>
            <source> ({n} overdue complaints)</source>
            <translation> ({n} overdue complaints)</translation>
        </message>
    </context>
    <context>
        <name>ComplaintDialogs</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>{kind}, received {received}, due {due}
{said}</source>
            <translation>{kind}, received {received}, due {due}
{said}</translation>
        </message>
    </context>
    <context>
        <name>ComplaintPage</name>
        <message>
            <source>Complaints</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>Complaints I recorded</source>
            <translation>Complaints I recorded</translation>
        </message>
        <message>
            <source>Open only</source>
            <translation>Open only</translation>
        </message>
        <message>
            <source>&amp;New complaint…</source>
            <translation>&amp;New complaint…</translation>
        </message>
        <message>
            <source>&amp;Start handling</source>
            <translation>&amp;Start handling</translation>
        </message>
        <message>
            <source>&amp;Reply…</source>
            <translation>&amp;Reply…</translation>
        </message>
        <message>
            <source>&amp;Close…</source>
            <translation>&amp;Close…</translation>
        </message>
        <message>
            <source>&amp;Extend…</source>
            <translation>&amp;Extend…</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
        <message>
            <source>Due 3 working days after receipt (public holidays and the branch's own list count); the supervisor may extend once, to 7. Overdue complaints are red and on top.</source>
            <translation>Due 3 working days after receipt (public holidays and the branch's own list count); the supervisor may extend once, to 7. Overdue complaints are red and on top.</translation>
        </message>
        <message>
            <source>{overdue} overdue · {today} due today</source>
            <translation>{overdue} overdue · {today} due today</translation>
        </message>
        <message>
            <source>{state}; received {received}; due {due}</source>
            <translation>{state}; received {received}; due {due}</translation>
        </message>
        <message>
            <source>Extended from {first}: {reason}</source>
            <translation>Extended from {first}: {reason}</translation>
        </message>
        <message>
            <source>(reason not shown)</source>
            <translation>(reason not shown)</translation>
        </message>
        <message>
            <source>Said: {text}</source>
            <translation>Said: {text}</translation>
        </message>
        <message>
            <source>Reply ({day}): {text}</source>
            <translation>Reply ({day}): {text}</translation>
        </message>
        <message>
            <source>Justified</source>
            <translation>Justified</translation>
        </message>
        <message>
            <source>Not justified</source>
            <translation>Not justified</translation>
        </message>
    </context>
    <context>
        <name>ComplaintTableModel</name>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>What the client said</source>
            <translation>What the client said</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>Counted Monday to Friday plus the branch's list: the public holiday calendar does not cover that year yet.</source>
            <translation>Counted Monday to Friday plus the branch's list: the public holiday calendar does not cover that year yet.</translation>
        </message>
        <message>
            <source>(lobby manager only)</source>
            <translation>(lobby manager only)</translation>
        </message>
        <message>
            <source>(extended)</source>
            <translation>(extended)</translation>
        </message>
        <message>
            <source>Overdue · {due}</source>
            <translation>Overdue · {due}</translation>
        </message>
        <message>
            <source>Due today · {due}</source>
            <translation>Due today · {due}</translation>
        </message>
    </context>
    <context>
        <name>Complaints</name>
        <message>
            <source>Service attitude</source>
            <translation>Service attitude</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>Waiting time</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Fees</source>
            <translation>Fees</translation>
        </message>
        <message>
            <source>System or equipment</source>
            <translation>System or equipment</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Face to face</source>
            <translation>Face to face</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-banking</source>
            <translation>E-banking</translation>
        </message>
        <message>
            <source>Suggestion box</source>
            <translation>Suggestion box</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>Record contact</source>
            <translation>Record contact</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>Client: {name}</translation>
        </message>
        <message>
            <source>What was said (optional)</source>
            <translation>What was said (optional)</translation>
        </message>
        <message>
            <source>e.g. wealth management room, 2nd floor</source>
            <translation>e.g. wealth management room, 2nd floor</translation>
        </message>
        <message>
            <source>e.g. present a fund savings plan</source>
            <translation>e.g. present a fund savings plan</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Next contact</source>
            <translation>Next contact</translation>
        </message>
        <message>
            <source>Appointment at</source>
            <translation>Appointment at</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ContactLabels</name>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>No answer</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Appointment booked</source>
            <translation>Appointment booked</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Wrong number</translation>
        </message>
    </context>
    <context>
        <name>ContactPlanDialog</name>
        <message>
            <source>Pre-contact plan</source>
            <translation>Pre-contact plan</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>Client: {name}</translation>
        </message>
        <message>
            <source>What speaks for the client</source>
            <translation>What speaks for the client</translation>
        </message>
        <message>
            <source>How to talk to them</source>
            <translation>How to talk to them</translation>
        </message>
        <message>
            <source>What they may need</source>
            <translation>What they may need</translation>
        </message>
        <message>
            <source>What the next contact should achieve</source>
            <translation>What the next contact should achieve</translation>
        </message>
        <message>
            <source>Strengths</source>
            <translation>Strengths</translation>
        </message>
        <message>
            <source>Personality</source>
            <translation>Personality</translation>
        </message>
        <message>
            <source>Likely needs</source>
            <translation>Likely needs</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>Goal</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DayClosePage</name>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>Close day</source>
            <translation>Close day</translation>
        </message>
        <message>
            <source>Reopen day…</source>
            <translation>Reopen day…</translation>
        </message>
        <message>
            <source>Business day</source>
            <translation>Business day</translation>
        </message>
        <message>
            <source>Referred {n}</source>
            <translation>Referred {n}</translation>
        </message>
        <message>
            <source>Confirmed {n}</source>
            <translation>Confirmed {n}</translation>
        </message>
        <message>
            <source>Missing {n}</source>
            <translation>Missing {n}</translation>
        </message>
        <message>
            <source>Pending {n} (with follow-up {m})</source>
            <translation>Pending {n} (with follow-up {m})</translation>
        </message>
        <message>
            <source>Void {n}</source>
            <translation>Void {n}</translation>
        </message>
        <message>
            <source>Closed by {who} at {when}</source>
            <translation>Closed by {who} at {when}</translation>
        </message>
        <message>
            <source>Reopened by {who} at {when}</source>
            <translation>Reopened by {who} at {when}</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>Not closed</translation>
        </message>
        <message>
            <source>Closed (read-only)</source>
            <translation>Closed (read-only)</translation>
        </message>
        <message>
            <source>Closed anyway: {reason}</source>
            <translation>Closed anyway: {reason}</translation>
        </message>
        <message>
            <source>The day is closed; outcomes can no longer be changed.</source>
            <translation>The day is closed; outcomes can no longer be changed.</translation>
        </message>
        <message>
            <source>Everything is confirmed; the day can be closed.</source>
            <translation>Everything is confirmed; the day can be closed.</translation>
        </message>
        <message>
            <source>Force close…</source>
            <translation>Force close…</translation>
        </message>
        <message>
            <source>{n} referred clients still lack the outcome.</source>
            <translation>{n} referred clients still lack the outcome.</translation>
        </message>
        <message>
            <source>{n} referred clients still lack the outcome; record them before closing.</source>
            <translation>{n} referred clients still lack the outcome; record them before closing.</translation>
        </message>
        <message>
            <source>A void referral has no outcome.</source>
            <translation>A void referral has no outcome.</translation>
        </message>
        <message>
            <source>A pending client is followed up by the RM; nothing to confirm here.</source>
            <translation>A pending client is followed up by the RM; nothing to confirm here.</translation>
        </message>
        <message>
            <source>{n} referred clients of {day} still lack the outcome. Why close the day anyway?</source>
            <translation>{n} referred clients of {day} still lack the outcome. Why close the day anyway?</translation>
        </message>
        <message>
            <source>Force close</source>
            <translation>Force close</translation>
        </message>
        <message>
            <source>Close {day}? Its referrals become read-only; only the supervisor can reopen the day.</source>
            <translation>Close {day}? Its referrals become read-only; only the supervisor can reopen the day.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Reopen {day}? Say why; changes after the close are audited.</source>
            <translation>Reopen {day}? Say why; changes after the close are audited.</translation>
        </message>
        <message>
            <source>Reopen day</source>
            <translation>Reopen day</translation>
        </message>
    </context>
    <context>
        <name>DayCloseTableModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>Referrer</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>Confirmed by</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>No follow-up</source>
            <translation>No follow-up</translation>
        </message>
        <message>
            <source>{state}, overdue {date}</source>
            <translation>{state}, overdue {date}</translation>
        </message>
        <message>
            <source>{state}, due {date}</source>
            <translation>{state}, due {date}</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>Void: {reason}</source>
            <translation>Void: {reason}</translation>
        </message>
        <message>
            <source>Check the meeting with {rm} and record the outcome</source>
            <translation>Check the meeting with {rm} and record the outcome</translation>
        </message>
        <message>
            <source>Recorded by the RM</source>
            <translation>Recorded by the RM</translation>
        </message>
        <message>
            <source>Overdue: next contact was {date}; {n} contact attempts so far</source>
            <translation>Overdue: next contact was {date}; {n} contact attempts so far</translation>
        </message>
        <message>
            <source>Next contact {date}; {n} contact attempts so far</source>
            <translation>Next contact {date}; {n} contact attempts so far</translation>
        </message>
        <message>
            <source>{n} contact attempts</source>
            <translation>{n} contact attempts</translation>
        </message>
    </context>
    <context>
        <name>DiaryDayModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Planned contact</source>
            <translation>Planned contact</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Planned visit</source>
            <translation>Planned visit</translation>
        </message>
        <message>
            <source>Planned call</source>
            <translation>Planned call</translation>
        </message>
        <message>
            <source>Contact made</source>
            <translation>Contact made</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>scheduled</source>
            <translation>scheduled</translation>
        </message>
        <message>
            <source>held</source>
            <translation>held</translation>
        </message>
        <message>
            <source>missed</source>
            <translation>missed</translation>
        </message>
        <message>
            <source>moved</source>
            <translation>moved</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>phone</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>letter</source>
            <translation>letter</translation>
        </message>
        <message>
            <source>visit</source>
            <translation>visit</translation>
        </message>
        <message>
            <source>reached</source>
            <translation>reached</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>no answer</translation>
        </message>
        <message>
            <source>declined</source>
            <translation>declined</translation>
        </message>
        <message>
            <source>appointment booked</source>
            <translation>appointment booked</translation>
        </message>
        <message>
            <source>wrong number</source>
            <translation>wrong number</translation>
        </message>
        <message>
            <source>overdue since {date}</source>
            <translation>overdue since {date}</translation>
        </message>
        <message>
            <source>due {date}</source>
            <translation>due {date}</translation>
        </message>
        <message>
            <source>moved to {at}</source>
            <translation>moved to {at}</translation>
        </message>
        <message>
            <source>met</source>
            <translation>met</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>not met</translation>
        </message>
        <message>
            <source>deal</source>
            <translation>deal</translation>
        </message>
        <message>
            <source>no deal</source>
            <translation>no deal</translation>
        </message>
        <message>
            <source>{amount} yuan</source>
            <translation>{amount} yuan</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>Not done</translation>
        </message>
        <message>
            <source>all day</source>
            <translation>all day</translation>
        </message>
    </context>
    <context>
        <name>DiaryPage</name>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Missed</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Appointment:</source>
            <translation>Appointment:</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>Appointments</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Calls</translation>
        </message>
        <message>
            <source>Done {done} of {planned} planned</source>
            <translation>Done {done} of {planned} planned</translation>
        </message>
        <message>
            <source>Contacts made: {n} · outcomes: {m}, deals: {d}, {amount} yuan</source>
            <translation>Contacts made: {n} · outcomes: {m}, deals: {d}, {amount} yuan</translation>
        </message>
        <message>
            <source>{n} more overdue follow-ups not listed</source>
            <translation>{n} more overdue follow-ups not listed</translation>
        </message>
        <message>
            <source>Marked held.</source>
            <translation>Marked held.</translation>
        </message>
        <message>
            <source>Marked missed.</source>
            <translation>Marked missed.</translation>
        </message>
        <message>
            <source>Appointment moved.</source>
            <translation>Appointment moved.</translation>
        </message>
        <message>
            <source>Save the diary</source>
            <translation>Save the diary</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>DomainLabels</name>
        <message>
            <source>Return not attractive</source>
            <translation>Return not attractive</translation>
        </message>
        <message>
            <source>Worried about risk</source>
            <translation>Worried about risk</translation>
        </message>
        <message>
            <source>Main business at another bank</source>
            <translation>Main business at another bank</translation>
        </message>
        <message>
            <source>No funds at present</source>
            <translation>No funds at present</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Existing premium client</source>
            <translation>Existing premium client</translation>
        </message>
        <message>
            <source>Existing potential client</source>
            <translation>Existing potential client</translation>
        </message>
        <message>
            <source>Premium client to win</source>
            <translation>Premium client to win</translation>
        </message>
        <message>
            <source>Ordinary client</source>
            <translation>Ordinary client</translation>
        </message>
        <message>
            <source>Lobby</source>
            <translation>Lobby</translation>
        </message>
        <message>
            <source>Cash counter</source>
            <translation>Cash counter</translation>
        </message>
        <message>
            <source>Non-cash counter</source>
            <translation>Non-cash counter</translation>
        </message>
        <message>
            <source>Phone banking</source>
            <translation>Phone banking</translation>
        </message>
        <message>
            <source>Introduced by a client</source>
            <translation>Introduced by a client</translation>
        </message>
        <message>
            <source>Field visit</source>
            <translation>Field visit</translation>
        </message>
        <message>
            <source>Wealth seminar</source>
            <translation>Wealth seminar</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Referred</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Following up</source>
            <translation>Following up</translation>
        </message>
        <message>
            <source>Appointment booked</source>
            <translation>Appointment booked</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Converted</translation>
        </message>
        <message>
            <source>Not premium</source>
            <translation>Not premium</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abandoned</translation>
        </message>
        <message>
            <source>Not yet premium</source>
            <translation>Not yet premium</translation>
        </message>
        <message>
            <source>Potential</source>
            <translation>Potential</translation>
        </message>
        <message>
            <source>Premium</source>
            <translation>Premium</translation>
        </message>
        <message>
            <source>Core premium</source>
            <translation>Core premium</translation>
        </message>
    </context>
    <context>
        <name>EditProfileDialog</name>
        <message>
            <source>Edit profile — {name}</source>
            <translation>Edit profile — {name}</translation>
        </message>
        <message>
            <source>e.g. married, one son at university</source>
            <translation>e.g. married, one son at university</translation>
        </message>
        <message>
            <source>Separated by 、 or commas</source>
            <translation>Separated by 、 or commas</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Dependants</source>
            <translation>Dependants</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Income band</source>
            <translation>Income band</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>Social standing</translation>
        </message>
        <message>
            <source>Interests</source>
            <translation>Interests</translation>
        </message>
        <message>
            <source>Risk tolerance</source>
            <translation>Risk tolerance</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
    </context>
    <context>
        <name>ExportStatus</name>
        <message>
            <source>Exporting {name}…</source>
            <translation>Exporting {name}…</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Saved to {path}</translation>
        </message>
        <message>
            <source>an unexpected error, written to the log</source>
            <translation>an unexpected error, written to the log</translation>
        </message>
        <message>
            <source>Not exported: {why}</source>
            <translation>Not exported: {why}</translation>
        </message>
    </context>
    <context>
        <name>ExtendComplaintDialog</name>
        <message>
            <source>Extend a complaint's deadline</source>
            <translation>Extend a complaint's deadline</translation>
        </message>
        <message>
            <source>Approve extension</source>
            <translation>Approve extension</translation>
        </message>
        <message>
            <source>At the latest {last} (the 7th working day after receipt).</source>
            <translation>At the latest {last} (the 7th working day after receipt).</translation>
        </message>
        <message>
            <source>New deadline</source>
            <translation>New deadline</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>FiguresModel</name>
        <message>
            <source>Part</source>
            <translation>Part</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>First start — Lobby Referral Desk</source>
            <translation>First start — Lobby Referral Desk</translation>
        </message>
        <message>
            <source>Welcome to Lobby Referral Desk</source>
            <translation>Welcome to Lobby Referral Desk</translation>
        </message>
        <message>
            <source>This database is new. Set up your branch and its first administrator, or open a demo branch with sample staff and clients to try the program.</source>
            <translation>This database is new. Set up your branch and its first administrator, or open a demo branch with sample staff and clients to try the program.</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>Database: {db}</translation>
        </message>
        <message>
            <source>Set up this branch…</source>
            <translation>Set up this branch…</translation>
        </message>
        <message>
            <source>Open the demo branch</source>
            <translation>Open the demo branch</translation>
        </message>
        <message>
            <source>For real work: your branch code and name, and the administrator who will add the staff accounts.</source>
            <translation>For real work: your branch code and name, and the administrator who will add the staff accounts.</translation>
        </message>
        <message>
            <source>For training: a made-up branch with 30 days of referrals. Do not enter real clients there.</source>
            <translation>For training: a made-up branch with 30 days of referrals. Do not enter real clients there.</translation>
        </message>
        <message>
            <source>Set up this branch</source>
            <translation>Set up this branch</translation>
        </message>
        <message>
            <source>e.g. 0105</source>
            <translation>e.g. 0105</translation>
        </message>
        <message>
            <source>e.g. Hefei Shushan Sub-branch</source>
            <translation>e.g. Hefei Shushan Sub-branch</translation>
        </message>
        <message>
            <source>Branch code</source>
            <translation>Branch code</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>Branch name</translation>
        </message>
        <message>
            <source>Administrator's staff ID</source>
            <translation>Administrator's staff ID</translation>
        </message>
        <message>
            <source>Administrator's name</source>
            <translation>Administrator's name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
        <message>
            <source>A password has at least 8 characters, with both letters and digits. The administrator adds the other staff accounts after signing in.</source>
            <translation>A password has at least 8 characters, with both letters and digits. The administrator adds the other staff accounts after signing in.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Set up and sign in</source>
            <translation>Set up and sign in</translation>
        </message>
        <message>
            <source>Building the demo branch: staff, clients and 30 days of referrals. This takes a moment…</source>
            <translation>Building the demo branch: staff, clients and 30 days of referrals. This takes a moment…</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Pick an account and sign in with it. The demo passwords are shown here only; note the ones you need.</source>
            <translation>Pick an account and sign in with it. The demo passwords are shown here only; note the ones you need.</translation>
        </message>
        <message>
            <source>Sign in with this account</source>
            <translation>Sign in with this account</translation>
        </message>
        <message>
            <source>The demo branch {code} {name} is ready.</source>
            <translation>The demo branch {code} {name} is ready.</translation>
        </message>
    </context>
    <context>
        <name>FlagRetentionDialog</name>
        <message>
            <source>Flag an account closure</source>
            <translation>Flag an account closure</translation>
        </message>
        <message>
            <source>Name, last four digits or full mobile</source>
            <translation>Name, last four digits or full mobile</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Optional: the client's words</source>
            <translation>Optional: the client's words</translation>
        </message>
        <message>
            <source>&amp;Flag</source>
            <translation>&amp;Flag</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>&amp;Client</translation>
        </message>
        <message>
            <source>Closing or moving</source>
            <translation>Closing or moving</translation>
        </message>
        <message>
            <source>&amp;Amount</source>
            <translation>&amp;Amount</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Client's &amp;words</source>
            <translation>Client's &amp;words</translation>
        </message>
        <message>
            <source>Only premium clients are flagged. Never type account numbers or exact amounts.</source>
            <translation>Only premium clients are flagged. Never type account numbers or exact amounts.</translation>
        </message>
        <message>
            <source>RM {name}</source>
            <translation>RM {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>No RM yet</translation>
        </message>
        <message>
            <source>Choose a client from the list</source>
            <translation>Choose a client from the list</translation>
        </message>
        <message>
            <source>This client is no longer in the branch's records.</source>
            <translation>This client is no longer in the branch's records.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPage</name>
        <message>
            <source>Follow-up queue</source>
            <translation>Follow-up queue</translation>
        </message>
        <message>
            <source>All RMs</source>
            <translation>All RMs</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
        <message>
            <source>&amp;RM</source>
            <translation>&amp;RM</translation>
        </message>
        <message>
            <source>Any state</source>
            <translation>Any state</translation>
        </message>
        <message>
            <source>Any client type</source>
            <translation>Any client type</translation>
        </message>
        <message>
            <source>Any interest</source>
            <translation>Any interest</translation>
        </message>
        <message>
            <source>Any source</source>
            <translation>Any source</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>Own prospects</source>
            <translation>Own prospects</translation>
        </message>
        <message>
            <source>Search: name, last four digits or full mobile</source>
            <translation>Search: name, last four digits or full mobile</translation>
        </message>
        <message>
            <source>&amp;Add own follow-up…</source>
            <translation>&amp;Add own follow-up…</translation>
        </message>
        <message>
            <source>Record &amp;contact…</source>
            <translation>Record &amp;contact…</translation>
        </message>
        <message>
            <source>C&amp;lose…</source>
            <translation>C&amp;lose…</translation>
        </message>
        <message>
            <source>A&amp;bandon…</source>
            <translation>A&amp;bandon…</translation>
        </message>
        <message>
            <source>Offered after the branch's number of failed attempts in a row</source>
            <translation>Offered after the branch's number of failed attempts in a row</translation>
        </message>
        <message>
            <source>&amp;Reassign…</source>
            <translation>&amp;Reassign…</translation>
        </message>
        <message>
            <source>&amp;Plan…</source>
            <translation>&amp;Plan…</translation>
        </message>
        <message>
            <source>The pre-contact plan: strengths, personality, needs, goal</source>
            <translation>The pre-contact plan: strengths, personality, needs, goal</translation>
        </message>
        <message>
            <source>Pro&amp;file…</source>
            <translation>Pro&amp;file…</translation>
        </message>
        <message>
            <source>The client's profile (also a double-click on the row)</source>
            <translation>The client's profile (also a double-click on the row)</translation>
        </message>
        <message>
            <source>Overdue first, oldest first, then due today, then upcoming. Clients are masked here: the full number only in the profile.</source>
            <translation>Overdue first, oldest first, then due today, then upcoming. Clients are masked here: the full number only in the profile.</translation>
        </message>
        <message>
            <source>Overdue: {n}</source>
            <translation>Overdue: {n}</translation>
        </message>
        <message>
            <source>Due today: {n}</source>
            <translation>Due today: {n}</translation>
        </message>
        <message>
            <source>Upcoming: {n}</source>
            <translation>Upcoming: {n}</translation>
        </message>
    </context>
    <context>
        <name>FollowUpQueueModel</name>
        <message>
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>No answer</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Wrong number</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Next contact</source>
            <translation>Next contact</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>Client type</source>
            <translation>Client type</translation>
        </message>
        <message>
            <source>Interests</source>
            <translation>Interests</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Preferred time</source>
            <translation>Preferred time</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Failed / all</source>
            <translation>Failed / all</translation>
        </message>
        <message>
            <source>Last result</source>
            <translation>Last result</translation>
        </message>
        <message>
            <source>Appointment at</source>
            <translation>Appointment at</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>{n} failed attempts in a row: abandoning is proposed</source>
            <translation>{n} failed attempts in a row: abandoning is proposed</translation>
        </message>
        <message>
            <source>Overdue · {n} d</source>
            <translation>Overdue · {n} d</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>Upcoming</translation>
        </message>
        <message>
            <source>Own prospect</source>
            <translation>Own prospect</translation>
        </message>
        <message>
            <source>Referral · {name}</source>
            <translation>Referral · {name}</translation>
        </message>
        <message>
            <source>{state} · abandon?</source>
            <translation>{state} · abandon?</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeAssessment</name>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>Branch name</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Submitted by</source>
            <translation>Submitted by</translation>
        </message>
        <message>
            <source>RMs</source>
            <translation>RMs</translation>
        </message>
        <message>
            <source>Average total</source>
            <translation>Average total</translation>
        </message>
        <message>
            <source>Highest</source>
            <translation>Highest</translation>
        </message>
        <message>
            <source>Lowest</source>
            <translation>Lowest</translation>
        </message>
        <message>
            <source>Marketing (avg)</source>
            <translation>Marketing (avg)</translation>
        </message>
        <message>
            <source>Service (avg)</source>
            <translation>Service (avg)</translation>
        </message>
        <message>
            <source>Process (avg)</source>
            <translation>Process (avg)</translation>
        </message>
        <message>
            <source>Bonus/malus (avg)</source>
            <translation>Bonus/malus (avg)</translation>
        </message>
        <message>
            <source>Not submitted</source>
            <translation>Not submitted</translation>
        </message>
        <message>
            <source>Staff no.</source>
            <translation>Staff no.</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Marketing</source>
            <translation>Marketing</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>Process</translation>
        </message>
        <message>
            <source>Bonus/malus</source>
            <translation>Bonus/malus</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Rating</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeAssessmentPage</name>
        <message>
            <source>Each branch's supervisor submits the month's assessment; a branch that has not submitted shows no figures.</source>
            <translation>Each branch's supervisor submits the month's assessment; a branch that has not submitted shows no figures.</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>{done} of {n} branches submitted</source>
            <translation>{done} of {n} branches submitted</translation>
        </message>
        <message>
            <source>{code} {name}: {month} not submitted</source>
            <translation>{code} {name}: {month} not submitted</translation>
        </message>
        <message>
            <source>{code} {name}: {month} submitted {at} by {by} ({no})</source>
            <translation>{code} {name}: {month} submitted {at} by {by} ({no})</translation>
        </message>
        <message>
            <source>Branches assessment</source>
            <translation>Branches assessment</translation>
        </message>
        <message>
            <source>Save every branch's assessment</source>
            <translation>Save every branch's assessment</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeReportsPage</name>
        <message>
            <source>Every branch's sheet: first the figures of each branch with the totals, then each branch's staff. The PDF is A4; the Excel workbook is for further work. No client data is on either.</source>
            <translation>Every branch's sheet: first the figures of each branch with the totals, then each branch's staff. The PDF is A4; the Excel workbook is for further work. No client data is on either.</translation>
        </message>
    </context>
    <context>
        <name>HolidayListModel</name>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>The branch is</source>
            <translation>The branch is</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Added by</source>
            <translation>Added by</translation>
        </message>
    </context>
    <context>
        <name>Holidays</name>
        <message>
            <source>Closed (holiday)</source>
            <translation>Closed (holiday)</translation>
        </message>
        <message>
            <source>Open (make-up working day)</source>
            <translation>Open (make-up working day)</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>Sun</translation>
        </message>
    </context>
    <context>
        <name>HolidaysSection</name>
        <message>
            <source>The branch's holiday list</source>
            <translation>The branch's holiday list</translation>
        </message>
        <message>
            <source>e.g. renovation, system upgrade</source>
            <translation>e.g. renovation, system upgrade</translation>
        </message>
        <message>
            <source>&amp;Add day</source>
            <translation>&amp;Add day</translation>
        </message>
        <message>
            <source>&amp;Remove selected</source>
            <translation>&amp;Remove selected</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>The branch is</source>
            <translation>The branch is</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Public holidays and make-up working days come from China's official calendar; add only the days this branch differs.</source>
            <translation>Public holidays and make-up working days come from China's official calendar; add only the days this branch differs.</translation>
        </message>
        <message>
            <source>The calendar does not cover {year} yet: until it is updated, deadlines in {year} count Monday to Friday plus this list.</source>
            <translation>The calendar does not cover {year} yet: until it is updated, deadlines in {year} count Monday to Friday plus this list.</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Locked</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>The workstation was locked to protect client information. {name} ({staff_no}), enter your password to continue.</source>
            <translation>The workstation was locked to protect client information. {name} ({staff_no}), enter your password to continue.</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <source>Wrong password. After 5 wrong passwords the account is locked for 15 minutes; sign out if someone else needs the workstation.</source>
            <translation>Wrong password. After 5 wrong passwords the account is locked for 15 minutes; sign out if someone else needs the workstation.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>Lobby Referral Desk</translation>
        </message>
        <message>
            <source>Signed in: {name} ({staff_no}), {role}</source>
            <translation>Signed in: {name} ({staff_no}), {role}</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>Database: {db}</translation>
        </message>
        <message>
            <source>Head office</source>
            <translation>Head office</translation>
        </message>
        <message>
            <source>Lobby Referral Desk — {branch}</source>
            <translation>Lobby Referral Desk — {branch}</translation>
        </message>
        <message>
            <source>The password was changed.</source>
            <translation>The password was changed.</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>&amp;Account</translation>
        </message>
        <message>
            <source>Change password…</source>
            <translation>Change password…</translation>
        </message>
        <message>
            <source>Lock the screen</source>
            <translation>Lock the screen</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Interface language…</source>
            <translation>Interface language…</translation>
        </message>
        <message>
            <source>About Lobby Referral Desk</source>
            <translation>About Lobby Referral Desk</translation>
        </message>
        <message>
            <source>&amp;Pages</source>
            <translation>&amp;Pages</translation>
        </message>
        <message>
            <source>&amp;Scoring</source>
            <translation>&amp;Scoring</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>The interface language is {language}. It is chosen when the program starts: lobbydesk --lang zh_CN for 简体中文, lobbydesk --lang en for English.</source>
            <translation>The interface language is {language}. It is chosen when the program starts: lobbydesk --lang zh_CN for 简体中文, lobbydesk --lang en for English.</translation>
        </message>
        <message>
            <source>Lobby Referral Desk: premium-client referrals, follow-up and the daily statistics sheet for a bank branch.

Database: {db}</source>
            <translation>Lobby Referral Desk: premium-client referrals, follow-up and the daily statistics sheet for a bank branch.

Database: {db}</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Referrals</translation>
        </message>
        <message>
            <source>My referrals</source>
            <translation>My referrals</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>File a referral</source>
            <translation>File a referral</translation>
        </message>
        <message>
            <source>Work diary</source>
            <translation>Work diary</translation>
        </message>
        <message>
            <source>Day close</source>
            <translation>Day close</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Weekly summary</source>
            <translation>Weekly summary</translation>
        </message>
        <message>
            <source>Find a client</source>
            <translation>Find a client</translation>
        </message>
        <message>
            <source>Account closures</source>
            <translation>Account closures</translation>
        </message>
        <message>
            <source>Staff accounts</source>
            <translation>Staff accounts</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Targets</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <source>All branches' sheets</source>
            <translation>All branches' sheets</translation>
        </message>
        <message>
            <source>Branch ranking</source>
            <translation>Branch ranking</translation>
        </message>
        <message>
            <source>Branches by month</source>
            <translation>Branches by month</translation>
        </message>
        <message>
            <source>Branches' assessment</source>
            <translation>Branches' assessment</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>Branches</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>New referral</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDialog</name>
        <message>
            <source>Record maintenance</source>
            <translation>Record maintenance</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>Client: {name}</translation>
        </message>
        <message>
            <source>What was said or offered (optional)</source>
            <translation>What was said or offered (optional)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDue</name>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>New Year's Day</source>
            <translation>New Year's Day</translation>
        </message>
        <message>
            <source>Spring Festival</source>
            <translation>Spring Festival</translation>
        </message>
        <message>
            <source>Tomb-sweeping Day</source>
            <translation>Tomb-sweeping Day</translation>
        </message>
        <message>
            <source>Labour Day</source>
            <translation>Labour Day</translation>
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation>Dragon Boat Festival</translation>
        </message>
        <message>
            <source>National Day</source>
            <translation>National Day</translation>
        </message>
        <message>
            <source>Mid-autumn Festival</source>
            <translation>Mid-autumn Festival</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDueModel</name>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Last done</source>
            <translation>Last done</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>Due by</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDuePanel</name>
        <message>
            <source>Maintenance due</source>
            <translation>Maintenance due</translation>
        </message>
        <message>
            <source>Record &amp;maintenance…</source>
            <translation>Record &amp;maintenance…</translation>
        </message>
        <message>
            <source>Profile…</source>
            <translation>Profile…</translation>
        </message>
        <message>
            <source>Birthdays, coming 7 days</source>
            <translation>Birthdays, coming 7 days</translation>
        </message>
        <message>
            <source>Holidays, coming 7 days</source>
            <translation>Holidays, coming 7 days</translation>
        </message>
        <message>
            <source>Overdue first. A call is kept by any contact, a visit by a visit; the plans per tier are the branch's setting.</source>
            <translation>Overdue first. A call is kept by any contact, a visit by a visit; the plans per tier are the branch's setting.</translation>
        </message>
        <message>
            <source> or more</source>
            <translation> or more</translation>
        </message>
        <message>
            <source>{n}{more} due, {overdue} overdue</source>
            <translation>{n}{more} due, {overdue} overdue</translation>
        </message>
        <message>
            <source>{day}  {client}, turns {age}</source>
            <translation>{day}  {client}, turns {age}</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>MaintenanceLabels</name>
        <message>
            <source>Greeting</source>
            <translation>Greeting</translation>
        </message>
        <message>
            <source>Portfolio review</source>
            <translation>Portfolio review</translation>
        </message>
        <message>
            <source>Cross-selling</source>
            <translation>Cross-selling</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Event invitation</source>
            <translation>Event invitation</translation>
        </message>
        <message>
            <source>Client survey</source>
            <translation>Client survey</translation>
        </message>
    </context>
    <context>
        <name>MaintenancePlansSection</name>
        <message>
            <source>Maintenance plans</source>
            <translation>Maintenance plans</translation>
        </message>
        <message>
            <source>{tier}: a call every (days)</source>
            <translation>{tier}: a call every (days)</translation>
        </message>
        <message>
            <source>{tier}: a visit every (days)</source>
            <translation>{tier}: a visit every (days)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Whole days from 1 to 366; leave empty for none. A call is kept by any contact, a visit by a visit.</source>
            <translation>Whole days from 1 to 366; leave empty for none. A call is kept by any contact, a visit by a visit.</translation>
        </message>
        <message>
            <source>Save plans</source>
            <translation>Save plans</translation>
        </message>
        <message>
            <source>Defaults</source>
            <translation>Defaults</translation>
        </message>
        <message>
            <source>The documented defaults (never saved).</source>
            <translation>The documented defaults (never saved).</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>MoveAppointmentDialog</name>
        <message>
            <source>Move the appointment</source>
            <translation>Move the appointment</translation>
        </message>
        <message>
            <source>Client {client}, booked for {at}.</source>
            <translation>Client {client}, booked for {at}.</translation>
        </message>
        <message>
            <source>New date and time</source>
            <translation>New date and time</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Move</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>MyReferralsPage</name>
        <message>
            <source>Branch referrals</source>
            <translation>Branch referrals</translation>
        </message>
        <message>
            <source>My referrals</source>
            <translation>My referrals</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>&amp;Void…</source>
            <translation>&amp;Void…</translation>
        </message>
        <message>
            <source>Client &amp;profile</source>
            <translation>Client &amp;profile</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
        <message>
            <source>Voided referrals stay listed, struck through; hover for the reason.</source>
            <translation>Voided referrals stay listed, struck through; hover for the reason.</translation>
        </message>
        <message>
            <source>{n} referrals</source>
            <translation>{n} referrals</translation>
        </message>
    </context>
    <context>
        <name>NewBranchDialog</name>
        <message>
            <source>New branch</source>
            <translation>New branch</translation>
        </message>
        <message>
            <source>4–8 letters or digits, e.g. 0102</source>
            <translation>4–8 letters or digits, e.g. 0102</translation>
        </message>
        <message>
            <source>e.g. Chengxi Sub-branch Wealth Centre</source>
            <translation>e.g. Chengxi Sub-branch Wealth Centre</translation>
        </message>
        <message>
            <source>&amp;Add branch</source>
            <translation>&amp;Add branch</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Code</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>The branch gets the default settings; its administrator is added on the staff page or with `staff add --branch CODE`.</source>
            <translation>The branch gets the default settings; its administrator is added on the staff page or with `staff add --branch CODE`.</translation>
        </message>
    </context>
    <context>
        <name>NewComplaintDialog</name>
        <message>
            <source>Record a complaint</source>
            <translation>Record a complaint</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>What the client complained about, in their words</source>
            <translation>What the client complained about, in their words</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Client name</source>
            <translation>Client name</translation>
        </message>
        <message>
            <source>What the client said</source>
            <translation>What the client said</translation>
        </message>
        <message>
            <source>Due 3 working days after it came in; the lobby manager handles it.</source>
            <translation>Due 3 working days after it came in; the lobby manager handles it.</translation>
        </message>
    </context>
    <context>
        <name>NewReferralBanner</name>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateTimeEdit</name>
        <message>
            <source>Not set</source>
            <translation>Not set</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <source>Outcome of a referral</source>
            <translation>Outcome of a referral</translation>
        </message>
        <message>
            <source>{client} ({mobile}), referred by {referrer} at {time}</source>
            <translation>{client} ({mobile}), referred by {referrer} at {time}</translation>
        </message>
        <message>
            <source>Met the client</source>
            <translation>Met the client</translation>
        </message>
        <message>
            <source>Deal closed</source>
            <translation>Deal closed</translation>
        </message>
        <message>
            <source>e.g. fund, insurance</source>
            <translation>e.g. fund, insurance</translation>
        </message>
        <message>
            <source>yuan, up to two decimals; optional</source>
            <translation>yuan, up to two decimals; optional</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Open a follow-up (after-sale call or second try)</source>
            <translation>Open a follow-up (after-sale call or second try)</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>No-deal reason</source>
            <translation>No-deal reason</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>First contact on</source>
            <translation>First contact on</translation>
        </message>
        <message>
            <source>Save outcome</source>
            <translation>Save outcome</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The lobby's day close reads what you record here.</source>
            <translation>The lobby's day close reads what you record here.</translation>
        </message>
    </context>
    <context>
        <name>OutcomePanel</name>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>Not met</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>No deal</source>
            <translation>No deal</translation>
        </message>
        <message>
            <source>e.g. fund, insurance</source>
            <translation>e.g. fund, insurance</translation>
        </message>
        <message>
            <source>yuan, optional</source>
            <translation>yuan, optional</translation>
        </message>
        <message>
            <source>Confirm outcome</source>
            <translation>Confirm outcome</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Select a referred client in the table.</source>
            <translation>Select a referred client in the table.</translation>
        </message>
        <message>
            <source>{client} ({time}), RM {rm}</source>
            <translation>{client} ({time}), RM {rm}</translation>
        </message>
    </context>
    <context>
        <name>OwnFollowUpDialog</name>
        <message>
            <source>Add own follow-up</source>
            <translation>Add own follow-up</translation>
        </message>
        <message>
            <source>Name, last four digits or full mobile</source>
            <translation>Name, last four digits or full mobile</translation>
        </message>
        <message>
            <source>Optional: why this client, what to offer</source>
            <translation>Optional: why this client, what to offer</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>&amp;Client</translation>
        </message>
        <message>
            <source>First &amp;contact</source>
            <translation>First &amp;contact</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <source>RM {name}</source>
            <translation>RM {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>No RM yet</translation>
        </message>
        <message>
            <source>Choose a client from the list</source>
            <translation>Choose a client from the list</translation>
        </message>
        <message>
            <source>This client is another RM's, or another RM is already following them up: ask the supervisor to reassign.</source>
            <translation>This client is another RM's, or another RM is already following them up: ask the supervisor to reassign.</translation>
        </message>
        <message>
            <source>This client is no longer in the branch's records.</source>
            <translation>This client is no longer in the branch's records.</translation>
        </message>
    </context>
    <context>
        <name>PasswordChangeDialog</name>
        <message>
            <source>Change password</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Welcome, {name}. Before you start, replace the password you were given with one only you know.</source>
            <translation>Welcome, {name}. Before you start, replace the password you were given with one only you know.</translation>
        </message>
        <message>
            <source>Change the password of {name} ({staff_no}).</source>
            <translation>Change the password of {name} ({staff_no}).</translation>
        </message>
        <message>
            <source>A password has at least 8 characters, with both letters and digits, and differs from the current one.</source>
            <translation>A password has at least 8 characters, with both letters and digits, and differs from the current one.</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Current password</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>New password again</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <source>Move the planned contact</source>
            <translation>Move the planned contact</translation>
        </message>
        <message>
            <source>Plan a visit or call</source>
            <translation>Plan a visit or call</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Visit or call</source>
            <translation>Visit or call</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Choose a client</source>
            <translation>Choose a client</translation>
        </message>
    </context>
    <context>
        <name>ProfileWindow</name>
        <message>
            <source>C1 Conservative</source>
            <translation>C1 Conservative</translation>
        </message>
        <message>
            <source>C2 Cautious</source>
            <translation>C2 Cautious</translation>
        </message>
        <message>
            <source>C3 Balanced</source>
            <translation>C3 Balanced</translation>
        </message>
        <message>
            <source>C4 Growth</source>
            <translation>C4 Growth</translation>
        </message>
        <message>
            <source>C5 Aggressive</source>
            <translation>C5 Aggressive</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>Client profile</source>
            <translation>Client profile</translation>
        </message>
        <message>
            <source>&amp;Edit profile…</source>
            <translation>&amp;Edit profile…</translation>
        </message>
        <message>
            <source>Record &amp;maintenance…</source>
            <translation>Record &amp;maintenance…</translation>
        </message>
        <message>
            <source>&amp;Show in full</source>
            <translation>&amp;Show in full</translation>
        </message>
        <message>
            <source>Basic details and contact</source>
            <translation>Basic details and contact</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Household and background</source>
            <translation>Household and background</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Dependants</source>
            <translation>Dependants</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Income band</source>
            <translation>Income band</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>Social standing</translation>
        </message>
        <message>
            <source>Interests and risk tolerance</source>
            <translation>Interests and risk tolerance</translation>
        </message>
        <message>
            <source>Interests</source>
            <translation>Interests</translation>
        </message>
        <message>
            <source>Risk tolerance</source>
            <translation>Risk tolerance</translation>
        </message>
        <message>
            <source>Score and tier</source>
            <translation>Score and tier</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>Client profile — {name}</source>
            <translation>Client profile — {name}</translation>
        </message>
        <message>
            <source>RM: {name}</source>
            <translation>RM: {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>No RM yet</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Shown in full; masked again after {s} seconds.</source>
            <translation>Shown in full; masked again after {s} seconds.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Required, kept in the audit log</source>
            <translation>Required, kept in the audit log</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ReassignDialog</name>
        <message>
            <source>Reassign follow-up</source>
            <translation>Reassign follow-up</translation>
        </message>
        <message>
            <source>&amp;Reassign</source>
            <translation>&amp;Reassign</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Now with</source>
            <translation>Now with</translation>
        </message>
        <message>
            <source>&amp;Hand to</source>
            <translation>&amp;Hand to</translation>
        </message>
        <message>
            <source>The attempts and appointments go with it; the log keeps who held it before.</source>
            <translation>The attempts and appointments go with it; the log keeps who held it before.</translation>
        </message>
    </context>
    <context>
        <name>ReceivedReferralsPanel</name>
        <message>
            <source>Referrals received</source>
            <translation>Referrals received</translation>
        </message>
        <message>
            <source>Da&amp;y</source>
            <translation>Da&amp;y</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Record &amp;outcome…</source>
            <translation>Record &amp;outcome…</translation>
        </message>
        <message>
            <source>{n} received</source>
            <translation>{n} received</translation>
        </message>
    </context>
    <context>
        <name>ReceivedTableModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>Client type</source>
            <translation>Client type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>Referrer</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>No-deal reason</source>
            <translation>No-deal reason</translation>
        </message>
        <message>
            <source>New since you last looked</source>
            <translation>New since you last looked</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>To record</source>
            <translation>To record</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>ReferralFormUi</name>
        <message>
            <source>11 digits; type to find a client</source>
            <translation>11 digits; type to find a client</translation>
        </message>
        <message>
            <source>Type to find a client</source>
            <translation>Type to find a client</translation>
        </message>
        <message>
            <source>Optional, 18 characters</source>
            <translation>Optional, 18 characters</translation>
        </message>
        <message>
            <source>Please choose</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Mo&amp;bile</source>
            <translation>Mo&amp;bile</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>I&amp;D number</source>
            <translation>I&amp;D number</translation>
        </message>
        <message>
            <source>Client &amp;type</source>
            <translation>Client &amp;type</translation>
        </message>
        <message>
            <source>&amp;Referred (met the RM now)</source>
            <translation>&amp;Referred (met the RM now)</translation>
        </message>
        <message>
            <source>&amp;Pending (RM calls back)</source>
            <translation>&amp;Pending (RM calls back)</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Contact time</source>
            <translation>&amp;Contact time</translation>
        </message>
        <message>
            <source>R&amp;M</source>
            <translation>R&amp;M</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>C&amp;hannel</translation>
        </message>
        <message>
            <source>What the client mentioned; no passwords or PINs</source>
            <translation>What the client mentioned; no passwords or PINs</translation>
        </message>
        <message>
            <source>Interests and note</source>
            <translation>Interests and note</translation>
        </message>
        <message>
            <source>&amp;Interests</source>
            <translation>&amp;Interests</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>N&amp;ote</translation>
        </message>
        <message>
            <source>Refer a client</source>
            <translation>Refer a client</translation>
        </message>
        <message>
            <source>Enter saves · Esc clears · Ctrl+N new referral</source>
            <translation>Enter saves · Esc clears · Ctrl+N new referral</translation>
        </message>
        <message>
            <source>Clear (Esc)</source>
            <translation>Clear (Esc)</translation>
        </message>
        <message>
            <source>Save referral (Enter)</source>
            <translation>Save referral (Enter)</translation>
        </message>
        <message>
            <source>Ordinary clients are not referred: guide the client and count a diversion.</source>
            <translation>Ordinary clients are not referred: guide the client and count a diversion.</translation>
        </message>
        <message>
            <source>Guided to se&amp;lf-service</source>
            <translation>Guided to se&amp;lf-service</translation>
        </message>
        <message>
            <source>Guided to the co&amp;unter</source>
            <translation>Guided to the co&amp;unter</translation>
        </message>
    </context>
    <context>
        <name>ReferralNotifier</name>
        <message>
            <source>{n} new referrals for you; the newest: {client}</source>
            <translation>{n} new referrals for you; the newest: {client}</translation>
        </message>
        <message>
            <source>Client waiting in the lobby: {client}</source>
            <translation>Client waiting in the lobby: {client}</translation>
        </message>
        <message>
            <source>New pending referral to follow up: {client}</source>
            <translation>New pending referral to follow up: {client}</translation>
        </message>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>Lobby Referral Desk</translation>
        </message>
    </context>
    <context>
        <name>ReferralPage</name>
        <message>
            <source>Optional, 18 characters</source>
            <translation>Optional, 18 characters</translation>
        </message>
        <message>
            <source>Possible duplicate: {details}. You may still save.</source>
            <translation>Possible duplicate: {details}. You may still save.</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>referred by {by} on {when}</source>
            <translation>referred by {by} on {when}</translation>
        </message>
        <message>
            <source>{by} has an open follow-up since {when}</source>
            <translation>{by} has an open follow-up since {when}</translation>
        </message>
        <message>
            <source>judged an ordinary client by {by} on {when}</source>
            <translation>judged an ordinary client by {by} on {when}</translation>
        </message>
        <message>
            <source>Please choose</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <source>{name} ({staff_no}) · {n} due today</source>
            <translation>{name} ({staff_no}) · {n} due today</translation>
        </message>
        <message>
            <source>{rm} · the client's RM</source>
            <translation>{rm} · the client's RM</translation>
        </message>
        <message>
            <source>Diversion counted ({n} today).</source>
            <translation>Diversion counted ({n} today).</translation>
        </message>
        <message>
            <source>Today: {n}</source>
            <translation>Today: {n}</translation>
        </message>
        <message>
            <source>Referral #{id} saved.</source>
            <translation>Referral #{id} saved.</translation>
        </message>
        <message>
            <source>Choose the RM</source>
            <translation>Choose the RM</translation>
        </message>
    </context>
    <context>
        <name>ReferralTableModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>Referrer</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <source>Client type</source>
            <translation>Client type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>Voided: {reason}</source>
            <translation>Voided: {reason}</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>Awaiting RM</source>
            <translation>Awaiting RM</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>ReplyComplaintDialog</name>
        <message>
            <source>Reply to a complaint</source>
            <translation>Reply to a complaint</translation>
        </message>
        <message>
            <source>Save reply</source>
            <translation>Save reply</translation>
        </message>
        <message>
            <source>Reply given</source>
            <translation>Reply given</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Daily</source>
            <translation>Daily</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>All branches</source>
            <translation>All branches</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>Export Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>Counts per referrer and per RM by business day. The PDF is A4, ready to print and sign; the Excel workbook is for further work. Client data is masked.</source>
            <translation>Counts per referrer and per RM by business day. The PDF is A4, ready to print and sign; the Excel workbook is for further work. Client data is masked.</translation>
        </message>
        <message>
            <source>Referral statistics sheet</source>
            <translation>Referral statistics sheet</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Referral statistics</source>
            <translation>Referral statistics</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} to {last}</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Save the sheet</source>
            <translation>Save the sheet</translation>
        </message>
        <message>
            <source>A sheet is saved as .pdf or .xlsx.</source>
            <translation>A sheet is saved as .pdf or .xlsx.</translation>
        </message>
        <message>
            <source>Sheet exported</source>
            <translation>Sheet exported</translation>
        </message>
        <message>
            <source>The sheet is saved. Open it now?</source>
            <translation>The sheet is saved. Open it now?</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>RetentionActionDialog</name>
        <message>
            <source>Record a retention effort</source>
            <translation>Record a retention effort</translation>
        </message>
        <message>
            <source>You are stepping in for the client's RM.</source>
            <translation>You are stepping in for the client's RM.</translation>
        </message>
        <message>
            <source>What was said or offered</source>
            <translation>What was said or offered</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>&amp;Note</translation>
        </message>
        <message>
            <source>Efforts so far</source>
            <translation>Efforts so far</translation>
        </message>
        <message>
            <source>{name} (stepping in)</source>
            <translation>{name} (stepping in)</translation>
        </message>
        <message>
            <source>None yet</source>
            <translation>None yet</translation>
        </message>
    </context>
    <context>
        <name>RetentionLabels</name>
        <message>
            <source>Closes accounts</source>
            <translation>Closes accounts</translation>
        </message>
        <message>
            <source>Moves deposits out</source>
            <translation>Moves deposits out</translation>
        </message>
        <message>
            <source>Redeems wealth products or funds</source>
            <translation>Redeems wealth products or funds</translation>
        </message>
        <message>
            <source>Cancels bank cards</source>
            <translation>Cancels bank cards</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Below 100 000 yuan</source>
            <translation>Below 100 000 yuan</translation>
        </message>
        <message>
            <source>100 000 – 500 000 yuan</source>
            <translation>100 000 – 500 000 yuan</translation>
        </message>
        <message>
            <source>500 000 – 1 million yuan</source>
            <translation>500 000 – 1 million yuan</translation>
        </message>
        <message>
            <source>1 – 5 million yuan</source>
            <translation>1 – 5 million yuan</translation>
        </message>
        <message>
            <source>5 million yuan or more</source>
            <translation>5 million yuan or more</translation>
        </message>
        <message>
            <source>Better rate or return elsewhere</source>
            <translation>Better rate or return elsewhere</translation>
        </message>
        <message>
            <source>Unhappy with the service</source>
            <translation>Unhappy with the service</translation>
        </message>
        <message>
            <source>Moving home or job</source>
            <translation>Moving home or job</translation>
        </message>
        <message>
            <source>Needs the money (home, business)</source>
            <translation>Needs the money (home, business)</translation>
        </message>
        <message>
            <source>Investing elsewhere</source>
            <translation>Investing elsewhere</translation>
        </message>
        <message>
            <source>Talk in person</source>
            <translation>Talk in person</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>Phone call</translation>
        </message>
        <message>
            <source>Product or rate offer</source>
            <translation>Product or rate offer</translation>
        </message>
        <message>
            <source>Put a service problem right</source>
            <translation>Put a service problem right</translation>
        </message>
        <message>
            <source>Retained</source>
            <translation>Retained</translation>
        </message>
        <message>
            <source>Partly retained</source>
            <translation>Partly retained</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>Normal closure</source>
            <translation>Normal closure</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <source>Account closures and retention</source>
            <translation>Account closures and retention</translation>
        </message>
        <message>
            <source>&amp;Flag a closure…</source>
            <translation>&amp;Flag a closure…</translation>
        </message>
        <message>
            <source>Record &amp;effort…</source>
            <translation>Record &amp;effort…</translation>
        </message>
        <message>
            <source>&amp;Close with result…</source>
            <translation>&amp;Close with result…</translation>
        </message>
        <message>
            <source>{open} open of {n} shown; more below</source>
            <translation>{open} open of {n} shown; more below</translation>
        </message>
        <message>
            <source>{open} open of {n} shown</source>
            <translation>{open} open of {n} shown</translation>
        </message>
    </context>
    <context>
        <name>RetentionRecordDialog</name>
        <message>
            <source>{client} · flagged {day} by {who} · {moves} · {band}</source>
            <translation>{client} · flagged {day} by {who} · {moves} · {band}</translation>
        </message>
    </context>
    <context>
        <name>RetentionTableModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Closing or moving</source>
            <translation>Closing or moving</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Client's reason</source>
            <translation>Client's reason</translation>
        </message>
        <message>
            <source>Flagged by</source>
            <translation>Flagged by</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>RM</translation>
        </message>
        <message>
            <source>Efforts</source>
            <translation>Efforts</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
    </context>
    <context>
        <name>ScoreLabels</name>
        <message>
            <source>Deposits</source>
            <translation>Deposits</translation>
        </message>
        <message>
            <source>Wealth &amp; intermediary business</source>
            <translation>Wealth &amp; intermediary business</translation>
        </message>
        <message>
            <source>Loans</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>Social standing</translation>
        </message>
        <message>
            <source>New financial snapshot</source>
            <translation>New financial snapshot</translation>
        </message>
        <message>
            <source>RM's ratings</source>
            <translation>RM's ratings</translation>
        </message>
        <message>
            <source>Score settings changed</source>
            <translation>Score settings changed</translation>
        </message>
        <message>
            <source>Branch recompute</source>
            <translation>Branch recompute</translation>
        </message>
        <message>
            <source>Client records import</source>
            <translation>Client records import</translation>
        </message>
        <message>
            <source>Follow-up converted</source>
            <translation>Follow-up converted</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>Not rated</translation>
        </message>
        <message>
            <source>{rating} of 5</source>
            <translation>{rating} of 5</translation>
        </message>
    </context>
    <context>
        <name>ScoreMenu</name>
        <message>
            <source>Score settings…</source>
            <translation>Score settings…</translation>
        </message>
        <message>
            <source>Recompute the branch's scores</source>
            <translation>Recompute the branch's scores</translation>
        </message>
        <message>
            <source>Scoring the branch's clients…</source>
            <translation>Scoring the branch's clients…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Scored {done} of {total} clients</source>
            <translation>Scored {done} of {total} clients</translation>
        </message>
        <message>
            <source>Scored {clients} clients: {changed} changed score, {moves} changed tier.</source>
            <translation>Scored {clients} clients: {changed} changed score, {moves} changed tier.</translation>
        </message>
        <message>
            <source>Stopped before the end; run it again to carry on.</source>
            <translation>Stopped before the end; run it again to carry on.</translation>
        </message>
    </context>
    <context>
        <name>ScorePanel</name>
        <message>
            <source>The score settings changed since this client was scored; the branch recompute will update the tier.</source>
            <translation>The score settings changed since this client was scored; the branch recompute will update the tier.</translation>
        </message>
        <message>
            <source>Tier:</source>
            <translation>Tier:</translation>
        </message>
        <message>
            <source>Score:</source>
            <translation>Score:</translation>
        </message>
        <message>
            <source>RM's ratings (0–5)</source>
            <translation>RM's ratings (0–5)</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>Social standing</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>Not rated</translation>
        </message>
        <message>
            <source>Save ratings</source>
            <translation>Save ratings</translation>
        </message>
        <message>
            <source>New financial snapshot…</source>
            <translation>New financial snapshot…</translation>
        </message>
        <message>
            <source>Tier history</source>
            <translation>Tier history</translation>
        </message>
        <message>
            <source>Snapshot as of {date}</source>
            <translation>Snapshot as of {date}</translation>
        </message>
        <message>
            <source>No financial snapshot yet</source>
            <translation>No financial snapshot yet</translation>
        </message>
    </context>
    <context>
        <name>ScoreSettingsDialog</name>
        <message>
            <source>Score settings</source>
            <translation>Score settings</translation>
        </message>
        <message>
            <source>Weights (whole numbers adding up to 100)</source>
            <translation>Weights (whole numbers adding up to 100)</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Amount bands: from yuan:points, separated by “;”</source>
            <translation>Amount bands: from yuan:points, separated by “;”</translation>
        </message>
        <message>
            <source>Tier thresholds</source>
            <translation>Tier thresholds</translation>
        </message>
        <message>
            <source>Core premium: score from</source>
            <translation>Core premium: score from</translation>
        </message>
        <message>
            <source>Ordinary premium: score from</source>
            <translation>Ordinary premium: score from</translation>
        </message>
        <message>
            <source>To win: assets at other banks from (yuan)</source>
            <translation>To win: assets at other banks from (yuan)</translation>
        </message>
        <message>
            <source>Potential: score from</source>
            <translation>Potential: score from</translation>
        </message>
        <message>
            <source>Recompute the branch's scores after saving</source>
            <translation>Recompute the branch's scores after saving</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>{total} of 100</source>
            <translation>{total} of 100</translation>
        </message>
    </context>
    <context>
        <name>ScoreSettingsSection</name>
        <message>
            <source>Score &amp;weights and thresholds…</source>
            <translation>Score &amp;weights and thresholds…</translation>
        </message>
        <message>
            <source>How clients are scored and tiered; saving offers to rescore the branch.</source>
            <translation>How clients are scored and tiered; saving offers to rescore the branch.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>Holidays and make-up working days</source>
            <translation>Holidays and make-up working days</translation>
        </message>
        <message>
            <source>Client scoring</source>
            <translation>Client scoring</translation>
        </message>
        <message>
            <source>Maintenance plans</source>
            <translation>Maintenance plans</translation>
        </message>
        <message>
            <source>Assessment weights</source>
            <translation>Assessment weights</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in — Lobby Referral Desk</source>
            <translation>Sign in — Lobby Referral Desk</translation>
        </message>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>Lobby Referral Desk</translation>
        </message>
        <message>
            <source>Premium-client referrals and follow-up</source>
            <translation>Premium-client referrals and follow-up</translation>
        </message>
        <message>
            <source>e.g. T0001</source>
            <translation>e.g. T0001</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>Database: {db}</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>Enter your staff ID.</source>
            <translation>Enter your staff ID.</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <source>This account is locked after too many failed sign-ins. Try again after {time}.</source>
            <translation>This account is locked after too many failed sign-ins. Try again after {time}.</translation>
        </message>
    </context>
    <context>
        <name>SnapshotDialog</name>
        <message>
            <source>New financial snapshot</source>
            <translation>New financial snapshot</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>Deposits (yuan)</source>
            <translation>Deposits (yuan)</translation>
        </message>
        <message>
            <source>Loans (yuan)</source>
            <translation>Loans (yuan)</translation>
        </message>
        <message>
            <source>Wealth products (yuan)</source>
            <translation>Wealth products (yuan)</translation>
        </message>
        <message>
            <source>Funds (yuan)</source>
            <translation>Funds (yuan)</translation>
        </message>
        <message>
            <source>Insurance (yuan)</source>
            <translation>Insurance (yuan)</translation>
        </message>
        <message>
            <source>Intermediary business (yuan)</source>
            <translation>Intermediary business (yuan)</translation>
        </message>
        <message>
            <source>Assets at other banks, estimated (yuan)</source>
            <translation>Assets at other banks, estimated (yuan)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SourcesDialog</name>
        <message>
            <source>Records behind: {figure}</source>
            <translation>Records behind: {figure}</translation>
        </message>
    </context>
    <context>
        <name>SourcesModel</name>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
    </context>
    <context>
        <name>StaffAdminPage</name>
        <message>
            <source>Staff accounts</source>
            <translation>Staff accounts</translation>
        </message>
        <message>
            <source>A new account, or a reset, gets a one-time password that is shown only once: hand it to the person; they choose their own at the first sign-in.</source>
            <translation>A new account, or a reset, gets a one-time password that is shown only once: hand it to the person; they choose their own at the first sign-in.</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>e.g. T0012</source>
            <translation>e.g. T0012</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Add account</translation>
        </message>
        <message>
            <source>Add an account</source>
            <translation>Add an account</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Enable</translation>
        </message>
        <message>
            <source>One-time password for {staff_no} {name}: {password}
Shown only now. Hand it over in person; it must be changed at the first sign-in.</source>
            <translation>One-time password for {staff_no} {name}: {password}
Shown only now. Hand it over in person; it must be changed at the first sign-in.</translation>
        </message>
    </context>
    <context>
        <name>StaffTableModel</name>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
    </context>
    <context>
        <name>TargetProgress</name>
        <message>
            <source> (no targets set)</source>
            <translation> (no targets set)</translation>
        </message>
        <message>
            <source>Targets for {month}{note}</source>
            <translation>Targets for {month}{note}</translation>
        </message>
        <message>
            <source>Progress could not be loaded.</source>
            <translation>Progress could not be loaded.</translation>
        </message>
    </context>
    <context>
        <name>Targets</name>
        <message>
            <source>New premium clients</source>
            <translation>New premium clients</translation>
        </message>
        <message>
            <source>Converted referrals</source>
            <translation>Converted referrals</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Maintenance contacts</source>
            <translation>Maintenance contacts</translation>
        </message>
        <message>
            <source>AUM growth (yuan)</source>
            <translation>AUM growth (yuan)</translation>
        </message>
    </context>
    <context>
        <name>TargetsModel</name>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
    </context>
    <context>
        <name>TargetsPage</name>
        <message>
            <source>&amp;Save targets</source>
            <translation>&amp;Save targets</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Targets</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>{name} ({no}): progress in {month}</source>
            <translation>{name} ({no}): progress in {month}</translation>
        </message>
        <message>
            <source>Targets of {name} for {month}</source>
            <translation>Targets of {name} for {month}</translation>
        </message>
    </context>
    <context>
        <name>TierHistoryModel</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>Command line</translation>
        </message>
    </context>
    <context>
        <name>VoidReasonDialog</name>
        <message>
            <source>Void referral</source>
            <translation>Void referral</translation>
        </message>
        <message>
            <source>Void the referral of {client}? It stays in the lists, struck through.</source>
            <translation>Void the referral of {client}? It stays in the lists, struck through.</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>Reason (required)</translation>
        </message>
    </context>
    <context>
        <name>WeekPlanModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
    </context>
    <context>
        <name>WeekPlanPanel</name>
        <message>
            <source>Accept the proposal</source>
            <translation>Accept the proposal</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>Drop</translation>
        </message>
        <message>
            <source>Visits and calls planned for {start} to {end}</source>
            <translation>Visits and calls planned for {start} to {end}</translation>
        </message>
        <message>
            <source>{n} proposed</source>
            <translation>{n} proposed</translation>
        </message>
        <message>
            <source>{n} planned contacts added.</source>
            <translation>{n} planned contacts added.</translation>
        </message>
        <message>
            <source>Plan saved.</source>
            <translation>Plan saved.</translation>
        </message>
        <message>
            <source>Planned contact dropped.</source>
            <translation>Planned contact dropped.</translation>
        </message>
    </context>
    <context>
        <name>WeeklyBranchModel</name>
        <message>
            <source>Staff ID</source>
            <translation>Staff ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>Submitted at</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Appts made</source>
            <translation>Appts made</translation>
        </message>
        <message>
            <source>Appts held</source>
            <translation>Appts held</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Converted</translation>
        </message>
        <message>
            <source>Not premium</source>
            <translation>Not premium</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abandoned</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Met</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Deal amount</source>
            <translation>Deal amount</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
    </context>
    <context>
        <name>WeeklyFiguresModel</name>
        <message>
            <source>Contacts by phone</source>
            <translation>Contacts by phone</translation>
        </message>
        <message>
            <source>Contacts by SMS</source>
            <translation>Contacts by SMS</translation>
        </message>
        <message>
            <source>Contacts by e-mail</source>
            <translation>Contacts by e-mail</translation>
        </message>
        <message>
            <source>Contacts by letter</source>
            <translation>Contacts by letter</translation>
        </message>
        <message>
            <source>Contacts by visit</source>
            <translation>Contacts by visit</translation>
        </message>
        <message>
            <source>All contacts</source>
            <translation>All contacts</translation>
        </message>
        <message>
            <source>Appointments made</source>
            <translation>Appointments made</translation>
        </message>
        <message>
            <source>Appointments held</source>
            <translation>Appointments held</translation>
        </message>
        <message>
            <source>Follow-ups converted</source>
            <translation>Follow-ups converted</translation>
        </message>
        <message>
            <source>Follow-ups not premium</source>
            <translation>Follow-ups not premium</translation>
        </message>
        <message>
            <source>Follow-ups abandoned</source>
            <translation>Follow-ups abandoned</translation>
        </message>
        <message>
            <source>Clients met</source>
            <translation>Clients met</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Deal amount (yuan)</source>
            <translation>Deal amount (yuan)</translation>
        </message>
        <message>
            <source>Overdue at the week's end</source>
            <translation>Overdue at the week's end</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>This week</translation>
        </message>
    </context>
    <context>
        <name>WeeklySummary</name>
        <message>
            <source>Not submitted</source>
            <translation>Not submitted</translation>
        </message>
        <message>
            <source>Missing (past due)</source>
            <translation>Missing (past due)</translation>
        </message>
        <message>
            <source>Submitted on time</source>
            <translation>Submitted on time</translation>
        </message>
        <message>
            <source>Submitted late</source>
            <translation>Submitted late</translation>
        </message>
    </context>
    <context>
        <name>WeeklySummaryPage</name>
        <message>
            <source>◀ Previous week</source>
            <translation>◀ Previous week</translation>
        </message>
        <message>
            <source>Next week ▶</source>
            <translation>Next week ▶</translation>
        </message>
        <message>
            <source>What you found this week (clients' needs, market, problems) and what you suggest.</source>
            <translation>What you found this week (clients' needs, market, problems) and what you suggest.</translation>
        </message>
        <message>
            <source>Submit the week's summary</source>
            <translation>Submit the week's summary</translation>
        </message>
        <message>
            <source>Export roll-up PDF…</source>
            <translation>Export roll-up PDF…</translation>
        </message>
        <message>
            <source>Export roll-up Excel…</source>
            <translation>Export roll-up Excel…</translation>
        </message>
        <message>
            <source>Week of</source>
            <translation>Week of</translation>
        </message>
        <message>
            <source>Findings and suggestions</source>
            <translation>Findings and suggestions</translation>
        </message>
        <message>
            <source>Choose an RM above to read their findings.</source>
            <translation>Choose an RM above to read their findings.</translation>
        </message>
        <message>
            <source>{first} to {last} · week {n} · due {due}</source>
            <translation>{first} to {last} · week {n} · due {due}</translation>
        </message>
        <message>
            <source> at {at}</source>
            <translation> at {at}</translation>
        </message>
        <message>
            <source>{on} on time · {late} late · {missing} missing · {open} not yet due</source>
            <translation>{on} on time · {late} late · {missing} missing · {open} not yet due</translation>
        </message>
        <message>
            <source>Weekly summary roll-up</source>
            <translation>Weekly summary roll-up</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Save the roll-up</source>
            <translation>Save the roll-up</translation>
        </message>
        <message>
            <source>{n} / {max} characters</source>
            <translation>{n} / {max} characters</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>The database cannot be used</source>
            <translation>The database cannot be used</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>The database cannot be opened</translation>
        </message>
        <message>
            <source>The database could not be opened. Check its address and that the server is running.</source>
            <translation>The database could not be opened. Check its address and that the server is running.</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>Lobby Referral Desk</translation>
        </message>
        <message>
            <source>Sorry, something went wrong. The details were written to the log; please tell the administrator.</source>
            <translation>Sorry, something went wrong. The details were written to the log; please tell the administrator.</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Teller</source>
            <translation>Teller</translation>
        </message>
        <message>
            <source>Lobby manager</source>
            <translation>Lobby manager</translation>
        </message>
        <message>
            <source>Relationship manager</source>
            <translation>Relationship manager</translation>
        </message>
        <message>
            <source>Marketing manager</source>
            <translation>Marketing manager</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Head office</source>
            <translation>Head office</translation>
        </message>
    </context>
</TS>
