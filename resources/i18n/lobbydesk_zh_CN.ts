<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>BreakdownModel</name>
        <message>
            <source>Factor</source>
            <translation>评价因素</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>Weight {weight}, factor score {points} of 100</source>
            <translation>权重 {weight}，因素得分 {points} / 100</translation>
        </message>
    </context>
    <context>
        <name>ClientCompleter</name>
        <message>
            <source>RM {name}</source>
            <translation>理财经理 {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>尚无理财经理</translation>
        </message>
    </context>
    <context>
        <name>DayClosePage</name>
        <message>
            <source>Reload</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Close day</source>
            <translation>日终关闭</translation>
        </message>
        <message>
            <source>Reopen day…</source>
            <translation>重新打开…</translation>
        </message>
        <message>
            <source>Business day</source>
            <translation>营业日期</translation>
        </message>
        <message>
            <source>Referred {n}</source>
            <translation>已推介 {n}</translation>
        </message>
        <message>
            <source>Confirmed {n}</source>
            <translation>已确认 {n}</translation>
        </message>
        <message>
            <source>Missing {n}</source>
            <translation>待确认 {n}</translation>
        </message>
        <message>
            <source>Pending {n} (with follow-up {m})</source>
            <translation>待跟进 {n}（已建跟进 {m}）</translation>
        </message>
        <message>
            <source>Void {n}</source>
            <translation>作废 {n}</translation>
        </message>
        <message>
            <source>Closed by {who} at {when}</source>
            <translation>已关闭：{who} 于 {when}</translation>
        </message>
        <message>
            <source>Reopened by {who} at {when}</source>
            <translation>已重新打开：{who} 于 {when}</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>未关闭</translation>
        </message>
        <message>
            <source>Closed (read-only)</source>
            <translation>已关闭（只读）</translation>
        </message>
        <message>
            <source>Closed anyway: {reason}</source>
            <translation>强制关闭原因：{reason}</translation>
        </message>
        <message>
            <source>The day is closed; outcomes can no longer be changed.</source>
            <translation>当日已关闭，营销成果不能再修改。</translation>
        </message>
        <message>
            <source>Everything is confirmed; the day can be closed.</source>
            <translation>营销成果已全部确认，可以日终关闭。</translation>
        </message>
        <message>
            <source>Force close…</source>
            <translation>强制关闭…</translation>
        </message>
        <message>
            <source>{n} referred clients still lack the outcome.</source>
            <translation>还有 {n} 位已推介客户未确认营销成果。</translation>
        </message>
        <message>
            <source>{n} referred clients still lack the outcome; record them before closing.</source>
            <translation>还有 {n} 位已推介客户未确认营销成果，请录入后再关闭。</translation>
        </message>
        <message>
            <source>A void referral has no outcome.</source>
            <translation>已作废的推介无需确认营销成果。</translation>
        </message>
        <message>
            <source>A pending client is followed up by the RM; nothing to confirm here.</source>
            <translation>待跟进客户由理财经理跟进，此处无需确认。</translation>
        </message>
        <message>
            <source>{n} referred clients of {day} still lack the outcome. Why close the day anyway?</source>
            <translation>{day} 还有 {n} 位已推介客户未确认营销成果。请填写强制关闭的原因：</translation>
        </message>
        <message>
            <source>Force close</source>
            <translation>强制关闭</translation>
        </message>
        <message>
            <source>Close {day}? Its referrals become read-only; only the supervisor can reopen the day.</source>
            <translation>确定关闭 {day}？关闭后当日推介只读，只有理财中心负责人可以重新打开。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Reopen {day}? Say why; changes after the close are audited.</source>
            <translation>重新打开 {day}？请填写原因；重新打开后的每项修改都记入审计日志。</translation>
        </message>
        <message>
            <source>Reopen day</source>
            <translation>重新打开</translation>
        </message>
    </context>
    <context>
        <name>DayCloseTableModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>推介人</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>见面</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>No follow-up</source>
            <translation>无跟进记录</translation>
        </message>
        <message>
            <source>{state}, overdue {date}</source>
            <translation>{state} {date} 逾期</translation>
        </message>
        <message>
            <source>{state}, due {date}</source>
            <translation>{state} {date}</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>待确认</translation>
        </message>
        <message>
            <source>Void: {reason}</source>
            <translation>已作废：{reason}</translation>
        </message>
        <message>
            <source>Check the meeting with {rm} and record the outcome</source>
            <translation>请与 {rm} 核对见面情况并录入营销成果</translation>
        </message>
        <message>
            <source>Recorded by the RM</source>
            <translation>由理财经理本人录入</translation>
        </message>
        <message>
            <source>Overdue: next contact was {date}; {n} contact attempts so far</source>
            <translation>已逾期：应于 {date} 联系；已联络 {n} 次</translation>
        </message>
        <message>
            <source>Next contact {date}; {n} contact attempts so far</source>
            <translation>下次联系 {date}；已联络 {n} 次</translation>
        </message>
        <message>
            <source>{n} contact attempts</source>
            <translation>已联络 {n} 次</translation>
        </message>
    </context>
    <context>
        <name>DomainLabels</name>
        <message>
            <source>Existing premium client</source>
            <translation>现有优质客户</translation>
        </message>
        <message>
            <source>Existing potential client</source>
            <translation>现有潜质客户</translation>
        </message>
        <message>
            <source>Premium client to win</source>
            <translation>待争取优质客户</translation>
        </message>
        <message>
            <source>Ordinary client</source>
            <translation>个人普通客户</translation>
        </message>
        <message>
            <source>Lobby</source>
            <translation>大堂</translation>
        </message>
        <message>
            <source>Cash counter</source>
            <translation>现金柜台</translation>
        </message>
        <message>
            <source>Non-cash counter</source>
            <translation>非现金柜台</translation>
        </message>
        <message>
            <source>Phone banking</source>
            <translation>电话银行</translation>
        </message>
        <message>
            <source>Introduced by a client</source>
            <translation>现有客户介绍</translation>
        </message>
        <message>
            <source>Field visit</source>
            <translation>外拓拜访</translation>
        </message>
        <message>
            <source>Wealth seminar</source>
            <translation>理财沙龙</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>已推介</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待跟进</translation>
        </message>
        <message>
            <source>Following up</source>
            <translation>跟进中</translation>
        </message>
        <message>
            <source>Appointment booked</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>已转化</translation>
        </message>
        <message>
            <source>Not premium</source>
            <translation>非优质客户</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>已放弃</translation>
        </message>
        <message>
            <source>Not yet premium</source>
            <translation>未达优质</translation>
        </message>
        <message>
            <source>Potential</source>
            <translation>潜质客户</translation>
        </message>
        <message>
            <source>Premium</source>
            <translation>普通优质客户</translation>
        </message>
        <message>
            <source>Core premium</source>
            <translation>核心客户</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>First start — Lobby Referral Desk</source>
            <translation>首次启动 — 厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>Welcome to Lobby Referral Desk</source>
            <translation>欢迎使用厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>This database is new. Set up your branch and its first administrator, or open a demo branch with sample staff and clients to try the program.</source>
            <translation>这是一个新的数据库。请设立本网点及第一位系统管理员；或打开演示网点，用示例员工和客户试用本程序。</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>数据库：{db}</translation>
        </message>
        <message>
            <source>Set up this branch…</source>
            <translation>设立本网点…</translation>
        </message>
        <message>
            <source>Open the demo branch</source>
            <translation>打开演示网点</translation>
        </message>
        <message>
            <source>For real work: your branch code and name, and the administrator who will add the staff accounts.</source>
            <translation>正式使用：填写网点代码、网点名称，以及负责添加员工账户的系统管理员。</translation>
        </message>
        <message>
            <source>For training: a made-up branch with 30 days of referrals. Do not enter real clients there.</source>
            <translation>培训试用：虚构的网点，含 30 天的推介数据。请勿在其中录入真实客户。</translation>
        </message>
        <message>
            <source>Set up this branch</source>
            <translation>设立本网点</translation>
        </message>
        <message>
            <source>e.g. 0105</source>
            <translation>例如 0105</translation>
        </message>
        <message>
            <source>e.g. Hefei Shushan Sub-branch</source>
            <translation>例如 合肥蜀山支行</translation>
        </message>
        <message>
            <source>Branch code</source>
            <translation>网点代码</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>网点名称</translation>
        </message>
        <message>
            <source>Administrator's staff ID</source>
            <translation>管理员工号</translation>
        </message>
        <message>
            <source>Administrator's name</source>
            <translation>管理员姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>A password has at least 8 characters, with both letters and digits. The administrator adds the other staff accounts after signing in.</source>
            <translation>密码至少 8 位，须同时包含字母和数字。其他员工账户由系统管理员登录后添加。</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Set up and sign in</source>
            <translation>设立并登录</translation>
        </message>
        <message>
            <source>Building the demo branch: staff, clients and 30 days of referrals. This takes a moment…</source>
            <translation>正在生成演示网点：员工、客户及 30 天的推介数据，请稍候…</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Pick an account and sign in with it. The demo passwords are shown here only; note the ones you need.</source>
            <translation>请选择一个账户登录。演示密码只在此处显示，请记下需要的密码。</translation>
        </message>
        <message>
            <source>Sign in with this account</source>
            <translation>用此账户登录</translation>
        </message>
        <message>
            <source>The demo branch {code} {name} is ready.</source>
            <translation>演示网点 {code} {name} 已生成。</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>The workstation was locked to protect client information. {name} ({staff_no}), enter your password to continue.</source>
            <translation>为保护客户信息，本工作站已锁定。{name}（{staff_no}），请输入您的密码以继续。</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <source>Wrong password. After 5 wrong passwords the account is locked for 15 minutes; sign out if someone else needs the workstation.</source>
            <translation>密码不正确。连续输错 5 次，账户将锁定 15 分钟；如需换人使用本工作站，请退出登录。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>Signed in: {name} ({staff_no}), {role}</source>
            <translation>当前登录：{name}（{staff_no}），{role}</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>数据库：{db}</translation>
        </message>
        <message>
            <source>Lobby Referral Desk — {branch}</source>
            <translation>厅堂推介与客户跟进 — {branch}</translation>
        </message>
        <message>
            <source>The password was changed.</source>
            <translation>密码已修改。</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>账户(&amp;A)</translation>
        </message>
        <message>
            <source>Change password…</source>
            <translation>修改密码…</translation>
        </message>
        <message>
            <source>Lock the screen</source>
            <translation>锁定屏幕</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出程序</translation>
        </message>
        <message>
            <source>Interface language…</source>
            <translation>界面语言…</translation>
        </message>
        <message>
            <source>About Lobby Referral Desk</source>
            <translation>关于厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>&amp;Pages</source>
            <translation>页面(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Scoring</source>
            <translation>评分(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>The interface language is {language}. It is chosen when the program starts: lobbydesk --lang zh_CN for 简体中文, lobbydesk --lang en for English.</source>
            <translation>当前界面语言：{language}。界面语言在启动程序时选择：lobbydesk --lang zh_CN 为简体中文，lobbydesk --lang en 为英文。</translation>
        </message>
        <message>
            <source>Lobby Referral Desk: premium-client referrals, follow-up and the daily statistics sheet for a bank branch.

Database: {db}</source>
            <translation>厅堂推介与客户跟进：银行网点的优质客户推介、客户跟进及推介统计表。

数据库：{db}</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>推介记录</translation>
        </message>
        <message>
            <source>My referrals</source>
            <translation>我的推介</translation>
        </message>
        <message>
            <source>File a referral</source>
            <translation>推介登记</translation>
        </message>
        <message>
            <source>Day close</source>
            <translation>日终核对</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>推介统计</translation>
        </message>
        <message>
            <source>Staff accounts</source>
            <translation>员工账户</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>新建推介</translation>
        </message>
    </context>
    <context>
        <name>MyReferralsPage</name>
        <message>
            <source>Branch referrals</source>
            <translation>本网点推介</translation>
        </message>
        <message>
            <source>My referrals</source>
            <translation>我的推介</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>日期(&amp;D)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>&amp;Void…</source>
            <translation>作废(&amp;V)…</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <source>Voided referrals stay listed, struck through; hover for the reason.</source>
            <translation>作废的推介仍保留在列表中并以删除线显示；鼠标悬停可查看作废原因。</translation>
        </message>
        <message>
            <source>{n} referrals</source>
            <translation>共 {n} 条推介</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateTimeEdit</name>
        <message>
            <source>Not set</source>
            <translation>未设置</translation>
        </message>
    </context>
    <context>
        <name>OutcomePanel</name>
        <message>
            <source>Outcome</source>
            <translation>营销成果</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已见面</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>未见面</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>No deal</source>
            <translation>未成交</translation>
        </message>
        <message>
            <source>e.g. fund, insurance</source>
            <translation>如：基金、保险</translation>
        </message>
        <message>
            <source>yuan, optional</source>
            <translation>元，可不填</translation>
        </message>
        <message>
            <source>Confirm outcome</source>
            <translation>确认营销成果</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>见面</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Select a referred client in the table.</source>
            <translation>请在表格中选择一位已推介客户。</translation>
        </message>
        <message>
            <source>{client} ({time}), RM {rm}</source>
            <translation>{client}（{time}），理财经理 {rm}</translation>
        </message>
    </context>
    <context>
        <name>PasswordChangeDialog</name>
        <message>
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Welcome, {name}. Before you start, replace the password you were given with one only you know.</source>
            <translation>{name}，欢迎使用。开始工作前，请把发给您的初始密码改为只有您自己知道的密码。</translation>
        </message>
        <message>
            <source>Change the password of {name} ({staff_no}).</source>
            <translation>修改 {name}（{staff_no}）的登录密码。</translation>
        </message>
        <message>
            <source>A password has at least 8 characters, with both letters and digits, and differs from the current one.</source>
            <translation>密码至少 8 位，须同时包含字母和数字，且不能与当前密码相同。</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Required, kept in the audit log</source>
            <translation>必填，将记入审计日志</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ReferralFormUi</name>
        <message>
            <source>11 digits; type to find a client</source>
            <translation>11 位手机号，输入即查找已有客户</translation>
        </message>
        <message>
            <source>Type to find a client</source>
            <translation>输入姓名即查找已有客户</translation>
        </message>
        <message>
            <source>Optional, 18 characters</source>
            <translation>选填，18 位</translation>
        </message>
        <message>
            <source>Please choose</source>
            <translation>请选择</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Mo&amp;bile</source>
            <translation>手机号(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>I&amp;D number</source>
            <translation>身份证号(&amp;D)</translation>
        </message>
        <message>
            <source>Client &amp;type</source>
            <translation>客户类型(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Referred (met the RM now)</source>
            <translation>已推介（当场引见）(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Pending (RM calls back)</source>
            <translation>待跟进（理财经理回访）(&amp;P)</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>推介</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>推介状态</translation>
        </message>
        <message>
            <source>&amp;Contact time</source>
            <translation>方便联系时间(&amp;C)</translation>
        </message>
        <message>
            <source>R&amp;M</source>
            <translation>理财经理(&amp;M)</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>渠道(&amp;H)</translation>
        </message>
        <message>
            <source>What the client mentioned; no passwords or PINs</source>
            <translation>客户提到的需求；切勿记录密码等敏感信息</translation>
        </message>
        <message>
            <source>Interests and note</source>
            <translation>意向业务与备注</translation>
        </message>
        <message>
            <source>&amp;Interests</source>
            <translation>意向业务(&amp;I)</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <source>Refer a client</source>
            <translation>优质客户推介</translation>
        </message>
        <message>
            <source>Enter saves · Esc clears · Ctrl+N new referral</source>
            <translation>Enter 保存 · Esc 清空 · Ctrl+N 新推介</translation>
        </message>
        <message>
            <source>Clear (Esc)</source>
            <translation>清空 (Esc)</translation>
        </message>
        <message>
            <source>Save referral (Enter)</source>
            <translation>保存推介 (Enter)</translation>
        </message>
    </context>
    <context>
        <name>ReferralPage</name>
        <message>
            <source>Optional, 18 characters</source>
            <translation>选填，18 位</translation>
        </message>
        <message>
            <source>Possible duplicate: {details}. You may still save.</source>
            <translation>可能重复推介：{details}。仍可保存。</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>referred by {by} on {when}</source>
            <translation>{when} 已由 {by} 推介</translation>
        </message>
        <message>
            <source>{by} has an open follow-up since {when}</source>
            <translation>{by} 自 {when} 起有未结束的跟进</translation>
        </message>
        <message>
            <source>judged an ordinary client by {by} on {when}</source>
            <translation>{when} 被 {by} 判定为普通客户</translation>
        </message>
        <message>
            <source>Please choose</source>
            <translation>请选择</translation>
        </message>
        <message>
            <source>{name} ({staff_no}) · {n} due today</source>
            <translation>{name}（{staff_no}）· 今日待跟进 {n}</translation>
        </message>
        <message>
            <source>{rm} · the client's RM</source>
            <translation>{rm} · 客户的理财经理</translation>
        </message>
        <message>
            <source>Referral #{id} saved.</source>
            <translation>已保存推介 #{id}。</translation>
        </message>
        <message>
            <source>Choose the RM</source>
            <translation>请选择理财经理</translation>
        </message>
    </context>
    <context>
        <name>ReferralTableModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>推介人</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Client type</source>
            <translation>客户类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>推介状态</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已见面</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进状态</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>作废</translation>
        </message>
        <message>
            <source>Voided: {reason}</source>
            <translation>已作废：{reason}</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>Awaiting RM</source>
            <translation>待确认</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Daily</source>
            <translation>日报</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>周报</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>月报</translation>
        </message>
        <message>
            <source>All branches</source>
            <translation>全部网点</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Export Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>Counts per referrer and per RM by business day. The PDF is A4, ready to print and sign; the Excel workbook is for further work. Client data is masked.</source>
            <translation>按营业日统计每位推介人和理财经理的数据。PDF 为 A4 版式，可直接打印签字；Excel 工作簿便于进一步汇总。客户信息已脱敏。</translation>
        </message>
        <message>
            <source>Referral statistics sheet</source>
            <translation>优质客户推介统计表</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>统计期间</translation>
        </message>
        <message>
            <source>Referral statistics</source>
            <translation>推介统计表</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} 至 {last}</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Save the sheet</source>
            <translation>保存统计表</translation>
        </message>
        <message>
            <source>A sheet is saved as .pdf or .xlsx.</source>
            <translation>统计表只能保存为 .pdf 或 .xlsx 文件。</translation>
        </message>
        <message>
            <source>Exporting {name}…</source>
            <translation>正在导出 {name}…</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <source>Sheet exported</source>
            <translation>统计表已导出</translation>
        </message>
        <message>
            <source>The sheet is saved. Open it now?</source>
            <translation>统计表已保存，现在打开吗？</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>an unexpected error, written to the log</source>
            <translation>发生意外错误，详情已写入日志</translation>
        </message>
        <message>
            <source>Not exported: {why}</source>
            <translation>未能导出：{why}</translation>
        </message>
    </context>
    <context>
        <name>ScoreLabels</name>
        <message>
            <source>Deposits</source>
            <translation>存款</translation>
        </message>
        <message>
            <source>Wealth &amp; intermediary business</source>
            <translation>理财及中间业务</translation>
        </message>
        <message>
            <source>Loans</source>
            <translation>贷款</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>家庭</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>社会地位</translation>
        </message>
        <message>
            <source>New financial snapshot</source>
            <translation>新的资产快照</translation>
        </message>
        <message>
            <source>RM's ratings</source>
            <translation>理财经理评分</translation>
        </message>
        <message>
            <source>Score settings changed</source>
            <translation>评分设置变更</translation>
        </message>
        <message>
            <source>Branch recompute</source>
            <translation>全行重新评分</translation>
        </message>
        <message>
            <source>Client records import</source>
            <translation>客户资料导入</translation>
        </message>
        <message>
            <source>Follow-up converted</source>
            <translation>跟进转化</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评分</translation>
        </message>
        <message>
            <source>{rating} of 5</source>
            <translation>{rating} / 5</translation>
        </message>
    </context>
    <context>
        <name>ScoreMenu</name>
        <message>
            <source>Score settings…</source>
            <translation>评分设置…</translation>
        </message>
        <message>
            <source>Recompute the branch's scores</source>
            <translation>重新计算全行评分</translation>
        </message>
        <message>
            <source>Scoring the branch's clients…</source>
            <translation>正在为本行客户评分…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Scored {done} of {total} clients</source>
            <translation>已评分 {done} / {total} 位客户</translation>
        </message>
        <message>
            <source>Scored {clients} clients: {changed} changed score, {moves} changed tier.</source>
            <translation>已评分 {clients} 位客户：{changed} 位评分变化，{moves} 位等级变化。</translation>
        </message>
        <message>
            <source>Stopped before the end; run it again to carry on.</source>
            <translation>未全部完成即已停止；再次运行将从中断处继续。</translation>
        </message>
    </context>
    <context>
        <name>ScorePanel</name>
        <message>
            <source>The score settings changed since this client was scored; the branch recompute will update the tier.</source>
            <translation>评分设置在本客户评分后已修改；全行重新评分后等级将更新。</translation>
        </message>
        <message>
            <source>Tier:</source>
            <translation>客户等级：</translation>
        </message>
        <message>
            <source>Score:</source>
            <translation>综合评分：</translation>
        </message>
        <message>
            <source>RM's ratings (0–5)</source>
            <translation>理财经理评分（0–5）</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>家庭</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>社会地位</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评分</translation>
        </message>
        <message>
            <source>Save ratings</source>
            <translation>保存评分</translation>
        </message>
        <message>
            <source>New financial snapshot…</source>
            <translation>新增资产快照…</translation>
        </message>
        <message>
            <source>Tier history</source>
            <translation>等级变化记录</translation>
        </message>
        <message>
            <source>Snapshot as of {date}</source>
            <translation>资产数据日期 {date}</translation>
        </message>
        <message>
            <source>No financial snapshot yet</source>
            <translation>尚无资产快照</translation>
        </message>
    </context>
    <context>
        <name>ScoreSettingsDialog</name>
        <message>
            <source>Score settings</source>
            <translation>评分设置</translation>
        </message>
        <message>
            <source>Weights (whole numbers adding up to 100)</source>
            <translation>权重（整数，合计 100）</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Amount bands: from yuan:points, separated by “;”</source>
            <translation>金额分档：起点金额(元):得分，各档以“;”分隔</translation>
        </message>
        <message>
            <source>Tier thresholds</source>
            <translation>等级门槛</translation>
        </message>
        <message>
            <source>Core premium: score from</source>
            <translation>核心优质：评分不低于</translation>
        </message>
        <message>
            <source>Ordinary premium: score from</source>
            <translation>普通优质：评分不低于</translation>
        </message>
        <message>
            <source>To win: assets at other banks from (yuan)</source>
            <translation>待争取：他行资产不低于（元）</translation>
        </message>
        <message>
            <source>Potential: score from</source>
            <translation>潜质：评分不低于</translation>
        </message>
        <message>
            <source>Recompute the branch's scores after saving</source>
            <translation>保存后重新计算全行客户评分</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>{total} of 100</source>
            <translation>{total} / 100</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in — Lobby Referral Desk</source>
            <translation>登录 — 厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>Premium-client referrals and follow-up</source>
            <translation>优质客户推介与跟进</translation>
        </message>
        <message>
            <source>e.g. T0001</source>
            <translation>例如 T0001</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在验证…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Database: {db}</source>
            <translation>数据库：{db}</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <source>Enter your staff ID.</source>
            <translation>请输入工号。</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <source>This account is locked after too many failed sign-ins. Try again after {time}.</source>
            <translation>登录失败次数过多，账户已锁定，请于 {time} 后再试。</translation>
        </message>
    </context>
    <context>
        <name>SnapshotDialog</name>
        <message>
            <source>New financial snapshot</source>
            <translation>新增资产快照</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>数据日期</translation>
        </message>
        <message>
            <source>Deposits (yuan)</source>
            <translation>存款（元）</translation>
        </message>
        <message>
            <source>Loans (yuan)</source>
            <translation>贷款（元）</translation>
        </message>
        <message>
            <source>Wealth products (yuan)</source>
            <translation>理财产品（元）</translation>
        </message>
        <message>
            <source>Funds (yuan)</source>
            <translation>基金（元）</translation>
        </message>
        <message>
            <source>Insurance (yuan)</source>
            <translation>保险（元）</translation>
        </message>
        <message>
            <source>Intermediary business (yuan)</source>
            <translation>中间业务（元）</translation>
        </message>
        <message>
            <source>Assets at other banks, estimated (yuan)</source>
            <translation>他行资产估计（元）</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>StaffAdminPage</name>
        <message>
            <source>Staff accounts</source>
            <translation>员工账户</translation>
        </message>
        <message>
            <source>A new account, or a reset, gets a one-time password that is shown only once: hand it to the person; they choose their own at the first sign-in.</source>
            <translation>新增账户或重置密码时会生成一次性密码，且只显示一次：请当面交给本人，本人首次登录时须设置自己的密码。</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>e.g. T0012</source>
            <translation>例如 T0012</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>添加账户</translation>
        </message>
        <message>
            <source>Add an account</source>
            <translation>添加账户</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>One-time password for {staff_no} {name}: {password}
Shown only now. Hand it over in person; it must be changed at the first sign-in.</source>
            <translation>{staff_no} {name} 的一次性密码：{password}
仅显示这一次，请当面交给本人；首次登录时须修改。</translation>
        </message>
    </context>
    <context>
        <name>StaffTableModel</name>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>在岗</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
    </context>
    <context>
        <name>TierHistoryModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>From</source>
            <translation>原等级</translation>
        </message>
        <message>
            <source>To</source>
            <translation>新等级</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>命令行</translation>
        </message>
    </context>
    <context>
        <name>VoidReasonDialog</name>
        <message>
            <source>Void referral</source>
            <translation>作废推介</translation>
        </message>
        <message>
            <source>Void the referral of {client}? It stays in the lists, struck through.</source>
            <translation>作废 {client} 的推介？作废后仍保留在列表中，以删除线显示。</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>作废</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>作废原因（必填）</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>The database cannot be used</source>
            <translation>无法使用该数据库</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>The database could not be opened. Check its address and that the server is running.</source>
            <translation>数据库无法打开。请检查数据库地址，并确认数据库服务器正在运行。</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>厅堂推介与客户跟进</translation>
        </message>
        <message>
            <source>Sorry, something went wrong. The details were written to the log; please tell the administrator.</source>
            <translation>抱歉，程序出现错误。详细信息已写入日志，请告知系统管理员。</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Teller</source>
            <translation>柜员</translation>
        </message>
        <message>
            <source>Lobby manager</source>
            <translation>大堂经理</translation>
        </message>
        <message>
            <source>Relationship manager</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Marketing manager</source>
            <translation>营销经理</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>理财中心负责人</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
    </context>
</TS>
