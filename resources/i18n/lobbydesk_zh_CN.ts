<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Assessment</name>
        <message>
            <source>Marketing</source>
            <translation>营销指标</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>服务指标</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>过程考核</translation>
        </message>
        <message>
            <source>Bonus/malus</source>
            <translation>加减分</translation>
        </message>
        <message>
            <source>Tier change</source>
            <translation>等级变动</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联络</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>维护</translation>
        </message>
        <message>
            <source>Snapshot</source>
            <translation>资产快照</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Weekly summary</source>
            <translation>周汇总</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>主管评分</translation>
        </message>
        <message>
            <source>Bonus/malus item</source>
            <translation>加减分项</translation>
        </message>
    </context>
    <context>
        <name>AssessmentItemDialog</name>
        <message>
            <source>Bonus/malus item</source>
            <translation>加减分项</translation>
        </message>
        <message>
            <source>e.g. +5 or -3</source>
            <translation>如 +5 或 -3</translation>
        </message>
        <message>
            <source>Retention success</source>
            <translation>挽留成功</translation>
        </message>
        <message>
            <source>Justified complaint</source>
            <translation>有理投诉</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>&amp;Points</source>
            <translation>分值(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>类别(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>AssessmentModel</name>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPage</name>
        <message>
            <source>Save &amp;rating</source>
            <translation>保存评分(&amp;R)</translation>
        </message>
        <message>
            <source>Add &amp;bonus/malus…</source>
            <translation>添加加减分项(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Export sheet…</source>
            <translation>导出考核表(&amp;E)…</translation>
        </message>
        <message>
            <source>Submit to &amp;head office…</source>
            <translation>报送总行(&amp;H)…</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Supervisor's &amp;rating (0–10)</source>
            <translation>主管评分（0–10）(&amp;R)</translation>
        </message>
        <message>
            <source>{name} ({no}), {month}: {total} points — double-click a figure for its records</source>
            <translation>{name}（{no}），{month}：{total} 分——双击考核项查看来源记录</translation>
        </message>
        <message>
            <source>{month} has not been submitted to the head office.</source>
            <translation>{month} 的考核尚未报送总行。</translation>
        </message>
        <message>
            <source>Submitted to the head office {at} by {by} ({no})</source>
            <translation>已于 {at} 由 {by}（{no}）报送总行</translation>
        </message>
        <message>
            <source>{said}; the figures have changed since: submit again to report them.</source>
            <translation>{said}；此后考核数据已变，请重新报送。</translation>
        </message>
        <message>
            <source>{said}; the figures are unchanged.</source>
            <translation>{said}；此后考核数据未变。</translation>
        </message>
        <message>
            <source>Submit to the head office</source>
            <translation>报送总行</translation>
        </message>
        <message>
            <source>Submit the assessment of {month} to the head office?</source>
            <translation>将 {month} 的月度考核报送总行？</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>报送</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Every RM's points as computed now are reported; a month already submitted is replaced. No client data is sent.</source>
            <translation>报送的是各理财经理此刻计算出的得分；已报送的月份将被替换。不报送任何客户信息。</translation>
        </message>
        <message>
            <source>Assessment sheet</source>
            <translation>月度考核表</translation>
        </message>
        <message>
            <source>Save the assessment sheet</source>
            <translation>保存考核表</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>AssessmentWeightsSection</name>
        <message>
            <source>Save &amp;weights</source>
            <translation>保存权重(&amp;W)</translation>
        </message>
        <message>
            <source>Assessment weights</source>
            <translation>考核权重</translation>
        </message>
        <message>
            <source>Marketing (points)</source>
            <translation>营销指标（分）</translation>
        </message>
        <message>
            <source>Service (points)</source>
            <translation>服务指标（分）</translation>
        </message>
        <message>
            <source>Process (points)</source>
            <translation>过程考核（分）</translation>
        </message>
        <message>
            <source>Bonus/malus cap (±points)</source>
            <translation>加减分上限（±分）</translation>
        </message>
    </context>
    <context>
        <name>AuditReviewPage</name>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>&amp;Who</source>
            <translation>操作人(&amp;W)</translation>
        </message>
        <message>
            <source>Acti&amp;on</source>
            <translation>操作(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>从(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>至(&amp;T)</translation>
        </message>
        <message>
            <source>Codes and record numbers only: the log holds no client data.</source>
            <translation>仅记录操作代码和记录编号，审计日志不含客户信息。</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>全部人员</translation>
        </message>
        <message>
            <source>Anything</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source> (scroll for more)</source>
            <translation>（向下滚动查看更多）</translation>
        </message>
        <message>
            <source>{n} events shown</source>
            <translation>已显示 {n} 条</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Record ID</source>
            <translation>记录编号</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>BranchMonthPage</name>
        <message>
            <source>Each cell: this month / the month before.</source>
            <translation>每格为：本月 / 上月。</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} 至 {last}</translation>
        </message>
    </context>
    <context>
        <name>BranchRankingPage</name>
        <message>
            <source>Day</source>
            <translation>日</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>周</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>统计期间</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} 至 {last}</translation>
        </message>
        <message>
            <source>{n} branches</source>
            <translation>共 {n} 个网点</translation>
        </message>
    </context>
    <context>
        <name>BranchSettingsSection</name>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>A new interest</source>
            <translation>新的意向业务</translation>
        </message>
        <message>
            <source>A&amp;dd</source>
            <translation>添加(&amp;D)</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>改名(&amp;N)</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>删除(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <source>Do&amp;wn</source>
            <translation>下移(&amp;W)</translation>
        </message>
        <message>
            <source>Sa&amp;ve settings</source>
            <translation>保存设置(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Branch name</source>
            <translation>网点名称(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Idle lock after</source>
            <translation>无操作锁屏时间(&amp;I)</translation>
        </message>
        <message>
            <source>1–60 minutes without input lock the window</source>
            <translation>无键盘鼠标操作 1–60 分钟后锁定窗口</translation>
        </message>
        <message>
            <source>Propose abandoning a&amp;fter</source>
            <translation>连续未接通建议放弃(&amp;F)</translation>
        </message>
        <message>
            <source>1–20 unanswered contact attempts in a row</source>
            <translation>连续 1–20 次联系未接通</translation>
        </message>
        <message>
            <source>Referrals already filed keep the interests they were filed with.</source>
            <translation>已录入的推介保留录入时的意向业务。</translation>
        </message>
        <message>
            <source>In&amp;terests</source>
            <translation>意向业务(&amp;T)</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>设置已保存。</translation>
        </message>
    </context>
    <context>
        <name>BranchTableModel</name>
        <message>
            <source>Code</source>
            <translation>网点代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>网点名称</translation>
        </message>
        <message>
            <source>Active accounts</source>
            <translation>在用账户</translation>
        </message>
    </context>
    <context>
        <name>BranchTables</name>
        <message>
            <source>Branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>网点名称</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>推介数</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>转化</translation>
        </message>
        <message>
            <source>Conversion rate</source>
            <translation>转化率</translation>
        </message>
        <message>
            <source>Overdue follow-ups</source>
            <translation>逾期跟进</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>Received by RMs</source>
            <translation>理财经理接收</translation>
        </message>
        <message>
            <source>Contacts made</source>
            <translation>联络次数</translation>
        </message>
        <message>
            <source>Follow-ups converted</source>
            <translation>跟进转化优质</translation>
        </message>
        <message>
            <source>Overdue at end</source>
            <translation>期末逾期</translation>
        </message>
    </context>
    <context>
        <name>BranchesPage</name>
        <message>
            <source>Branches</source>
            <translation>网点管理</translation>
        </message>
        <message>
            <source>Every branch of this installation. Staff, clients, referrals and settings belong to one branch; a branch's staff see only their own.</source>
            <translation>本系统的全部网点。员工、客户、推介和设置各属于一个网点；网点员工只能看到本网点的数据。</translation>
        </message>
        <message>
            <source>&amp;New branch…</source>
            <translation>新建网点(&amp;N)…</translation>
        </message>
    </context>
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
        <name>ClientSearchModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
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
            <source>Tier</source>
            <translation>客户等级</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Enter or double-click opens the profile</source>
            <translation>按回车或双击打开客户档案</translation>
        </message>
    </context>
    <context>
        <name>ClientSearchPage</name>
        <message>
            <source>Mobile, last four digits, name or its start, or ID number</source>
            <translation>手机号、手机尾号四位、姓名或姓名开头、身份证号</translation>
        </message>
        <message>
            <source>Mobile or its start, last four digits, name or its start, or ID number</source>
            <translation>手机号或其开头、手机尾号四位、姓名或姓名开头、身份证号</translation>
        </message>
        <message>
            <source>&amp;Open profile</source>
            <translation>打开档案(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;File a referral for this client</source>
            <translation>为该客户推介(&amp;F)</translation>
        </message>
        <message>
            <source>Enter or double-click opens the profile of a client you look after.</source>
            <translation>按回车或双击打开您所管户客户的档案。</translation>
        </message>
        <message>
            <source>Enter or double-click files a referral for the client.</source>
            <translation>按回车或双击为该客户填写推介。</translation>
        </message>
        <message>
            <source>Find a client</source>
            <translation>查找客户</translation>
        </message>
        <message>
            <source>No client found.</source>
            <translation>未找到客户。</translation>
        </message>
        <message>
            <source>Clients found: {n}</source>
            <translation>找到客户：{n} 位</translation>
        </message>
        <message>
            <source>More than {n} clients found; type more to narrow.</source>
            <translation>找到超过 {n} 位客户；请多输入几个字缩小范围。</translation>
        </message>
        <message>
            <source>File a referral</source>
            <translation>填写推介</translation>
        </message>
        <message>
            <source>File a referral for {name} ({mobile})?</source>
            <translation>为 {name}（{mobile}）填写推介？</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ClientTimeline</name>
        <message>
            <source>Referral</source>
            <translation>推介</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联络</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>维护</translation>
        </message>
        <message>
            <source>Account closure</source>
            <translation>异动销户</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>上门拜访</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>已联系上</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>无人接听</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>婉拒</translation>
        </message>
        <message>
            <source>Appointment agreed</source>
            <translation>约定见面</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>号码有误</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>已见面</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>未赴约</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>已改期</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Greeting</source>
            <translation>情感维护</translation>
        </message>
        <message>
            <source>Portfolio review</source>
            <translation>理财规划跟进</translation>
        </message>
        <message>
            <source>Cross-selling</source>
            <translation>关联销售</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>信息提示</translation>
        </message>
        <message>
            <source>Event invitation</source>
            <translation>活动邀请</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>客户调查</translation>
        </message>
    </context>
    <context>
        <name>ClientTimelineModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>What</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>By</source>
            <translation>经办人</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>CloseComplaintDialog</name>
        <message>
            <source>Close a complaint</source>
            <translation>投诉结案</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>Justified</source>
            <translation>属实</translation>
        </message>
        <message>
            <source>Not justified</source>
            <translation>不属实</translation>
        </message>
    </context>
    <context>
        <name>CloseFollowUpDialog</name>
        <message>
            <source>Abandon follow-up</source>
            <translation>放弃跟进</translation>
        </message>
        <message>
            <source>Close follow-up</source>
            <translation>结束跟进</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>客户：{name}</translation>
        </message>
        <message>
            <source>The attempts to reach this client have failed repeatedly; abandoning is proposed. Say why to confirm.</source>
            <translation>多次联络均未成功，建议放弃跟进。请填写原因后确认。</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>跟进结果</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Abandon</source>
            <translation>放弃</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Why (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>说明（选填）</translation>
        </message>
    </context>
    <context>
        <name>CloseRetentionDialog</name>
        <message>
            <source>Close the retention record</source>
            <translation>填写挽留结果</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>&amp;Close record</source>
            <translation>结束记录(&amp;C)</translation>
        </message>
        <message>
            <source>Efforts on record: {n}</source>
            <translation>已记录挽留措施：{n} 次</translation>
        </message>
        <message>
            <source>&amp;Result</source>
            <translation>结果(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>ComplaintBadge</name>
        <message>
            <source> ({n} overdue complaints)</source>
            <translation>（{n} 件投诉已逾期）</translation>
        </message>
    </context>
    <context>
        <name>ComplaintDialogs</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>{kind}, received {received}, due {due}
{said}</source>
            <translation>{kind}，受理 {received}，期限 {due}
{said}</translation>
        </message>
    </context>
    <context>
        <name>ComplaintPage</name>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Complaints I recorded</source>
            <translation>我受理的投诉</translation>
        </message>
        <message>
            <source>Open only</source>
            <translation>只看未回复</translation>
        </message>
        <message>
            <source>&amp;New complaint…</source>
            <translation>登记投诉(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Start handling</source>
            <translation>开始处理(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Reply…</source>
            <translation>回复客户(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Close…</source>
            <translation>结案(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Extend…</source>
            <translation>批准延期(&amp;E)…</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <source>Due 3 working days after receipt (public holidays and the branch's own list count); the supervisor may extend once, to 7. Overdue complaints are red and on top.</source>
            <translation>受理后 3 个工作日内回复（按国家法定节假日和本网点节假日列表计算）；经网点负责人批准可延期一次，最迟至第 7 个工作日。逾期投诉以红色显示并排在最前。</translation>
        </message>
        <message>
            <source>{overdue} overdue · {today} due today</source>
            <translation>逾期 {overdue} 件 · 今日到期 {today} 件</translation>
        </message>
        <message>
            <source>{state}; received {received}; due {due}</source>
            <translation>{state}；受理 {received}；期限 {due}</translation>
        </message>
        <message>
            <source>Extended from {first}: {reason}</source>
            <translation>由 {first} 延期：{reason}</translation>
        </message>
        <message>
            <source>(reason not shown)</source>
            <translation>（原因不可见）</translation>
        </message>
        <message>
            <source>Said: {text}</source>
            <translation>投诉内容：{text}</translation>
        </message>
        <message>
            <source>Reply ({day}): {text}</source>
            <translation>回复（{day}）：{text}</translation>
        </message>
        <message>
            <source>Justified</source>
            <translation>投诉属实</translation>
        </message>
        <message>
            <source>Not justified</source>
            <translation>投诉不属实</translation>
        </message>
    </context>
    <context>
        <name>ComplaintTableModel</name>
        <message>
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>What the client said</source>
            <translation>投诉内容</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>受理人</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>处理人</translation>
        </message>
        <message>
            <source>Counted Monday to Friday plus the branch's list: the public holiday calendar does not cover that year yet.</source>
            <translation>按周一至周五及本网点节假日列表估算：国家节假日日历尚未包含该年度。</translation>
        </message>
        <message>
            <source>(lobby manager only)</source>
            <translation>（仅大堂经理可见）</translation>
        </message>
        <message>
            <source>(extended)</source>
            <translation>（已延期）</translation>
        </message>
        <message>
            <source>Overdue · {due}</source>
            <translation>已逾期 · {due}</translation>
        </message>
        <message>
            <source>Due today · {due}</source>
            <translation>今日到期 · {due}</translation>
        </message>
    </context>
    <context>
        <name>Complaints</name>
        <message>
            <source>Service attitude</source>
            <translation>服务态度</translation>
        </message>
        <message>
            <source>Waiting time</source>
            <translation>排队等候</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Fees</source>
            <translation>收费</translation>
        </message>
        <message>
            <source>System or equipment</source>
            <translation>系统设备</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Face to face</source>
            <translation>当面</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>E-banking</source>
            <translation>电子银行</translation>
        </message>
        <message>
            <source>Suggestion box</source>
            <translation>意见箱/意见簿</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已受理</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>Record contact</source>
            <translation>记录联络</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>客户：{name}</translation>
        </message>
        <message>
            <source>What was said (optional)</source>
            <translation>联络内容（选填）</translation>
        </message>
        <message>
            <source>e.g. wealth management room, 2nd floor</source>
            <translation>如：二楼理财室</translation>
        </message>
        <message>
            <source>e.g. present a fund savings plan</source>
            <translation>如：介绍基金定投</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>联络方式</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>联络结果</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Next contact</source>
            <translation>下次联络日期</translation>
        </message>
        <message>
            <source>Appointment at</source>
            <translation>预约时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>目的</translation>
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
        <name>ContactLabels</name>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>上门拜访</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>已联系上</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>无人接听</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Appointment booked</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>号码错误</translation>
        </message>
    </context>
    <context>
        <name>ContactPlanDialog</name>
        <message>
            <source>Pre-contact plan</source>
            <translation>接触前准备</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>客户：{name}</translation>
        </message>
        <message>
            <source>What speaks for the client</source>
            <translation>客户的优势与特点</translation>
        </message>
        <message>
            <source>How to talk to them</source>
            <translation>性格与沟通方式</translation>
        </message>
        <message>
            <source>What they may need</source>
            <translation>可能的需求</translation>
        </message>
        <message>
            <source>What the next contact should achieve</source>
            <translation>下次接触要达成的目标</translation>
        </message>
        <message>
            <source>Strengths</source>
            <translation>客户特点</translation>
        </message>
        <message>
            <source>Personality</source>
            <translation>性格</translation>
        </message>
        <message>
            <source>Likely needs</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>目标</translation>
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
        <name>DiaryDayModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Planned contact</source>
            <translation>计划联络</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Planned visit</source>
            <translation>计划拜访</translation>
        </message>
        <message>
            <source>Planned call</source>
            <translation>计划电话</translation>
        </message>
        <message>
            <source>Contact made</source>
            <translation>已联络</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>营销成果</translation>
        </message>
        <message>
            <source>scheduled</source>
            <translation>待见面</translation>
        </message>
        <message>
            <source>held</source>
            <translation>已见面</translation>
        </message>
        <message>
            <source>missed</source>
            <translation>未到</translation>
        </message>
        <message>
            <source>moved</source>
            <translation>已改期</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <source>visit</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>reached</source>
            <translation>已联系上</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>无人接听</translation>
        </message>
        <message>
            <source>declined</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>appointment booked</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>wrong number</source>
            <translation>号码错误</translation>
        </message>
        <message>
            <source>overdue since {date}</source>
            <translation>自 {date} 起逾期</translation>
        </message>
        <message>
            <source>due {date}</source>
            <translation>应于 {date} 联系</translation>
        </message>
        <message>
            <source>moved to {at}</source>
            <translation>改至 {at}</translation>
        </message>
        <message>
            <source>met</source>
            <translation>已面谈</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>未面谈</translation>
        </message>
        <message>
            <source>deal</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>no deal</source>
            <translation>未成交</translation>
        </message>
        <message>
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>未完成</translation>
        </message>
        <message>
            <source>all day</source>
            <translation>全天</translation>
        </message>
    </context>
    <context>
        <name>DiaryPage</name>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>已见面</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>未到</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>改期…</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Appointment:</source>
            <translation>预约：</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>待跟进</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Done {done} of {planned} planned</source>
            <translation>计划 {planned} 项，完成 {done} 项</translation>
        </message>
        <message>
            <source>Contacts made: {n} · outcomes: {m}, deals: {d}, {amount} yuan</source>
            <translation>联络 {n} 次 · 营销成果 {m} 条，成交 {d} 笔，{amount} 元</translation>
        </message>
        <message>
            <source>{n} more overdue follow-ups not listed</source>
            <translation>另有 {n} 条逾期跟进未列出</translation>
        </message>
        <message>
            <source>Marked held.</source>
            <translation>已标记为已见面。</translation>
        </message>
        <message>
            <source>Marked missed.</source>
            <translation>已标记为未到。</translation>
        </message>
        <message>
            <source>Appointment moved.</source>
            <translation>预约已改期。</translation>
        </message>
        <message>
            <source>Save the diary</source>
            <translation>保存工作日志</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>DomainLabels</name>
        <message>
            <source>Return not attractive</source>
            <translation>收益不满意</translation>
        </message>
        <message>
            <source>Worried about risk</source>
            <translation>风险顾虑</translation>
        </message>
        <message>
            <source>Main business at another bank</source>
            <translation>主要业务在他行</translation>
        </message>
        <message>
            <source>No funds at present</source>
            <translation>暂无资金</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
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
        <name>EditProfileDialog</name>
        <message>
            <source>Edit profile — {name}</source>
            <translation>编辑客户档案 — {name}</translation>
        </message>
        <message>
            <source>e.g. married, one son at university</source>
            <translation>例如：已婚，一子在读大学</translation>
        </message>
        <message>
            <source>Separated by 、 or commas</source>
            <translation>以“、”或逗号分隔</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>未评估</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>District</source>
            <translation>所在区县</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>家庭情况</translation>
        </message>
        <message>
            <source>Dependants</source>
            <translation>需赡养/抚养人数</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Income band</source>
            <translation>收入水平</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>社会地位</translation>
        </message>
        <message>
            <source>Interests</source>
            <translation>意向业务</translation>
        </message>
        <message>
            <source>Risk tolerance</source>
            <translation>风险承受能力</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>ExportStatus</name>
        <message>
            <source>Exporting {name}…</source>
            <translation>正在导出 {name}…</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <source>an unexpected error, written to the log</source>
            <translation>意外错误，详情已写入日志</translation>
        </message>
        <message>
            <source>Not exported: {why}</source>
            <translation>未导出：{why}</translation>
        </message>
    </context>
    <context>
        <name>ExtendComplaintDialog</name>
        <message>
            <source>Extend a complaint's deadline</source>
            <translation>投诉延期</translation>
        </message>
        <message>
            <source>Approve extension</source>
            <translation>批准延期</translation>
        </message>
        <message>
            <source>At the latest {last} (the 7th working day after receipt).</source>
            <translation>最迟至 {last}（受理后第 7 个工作日）。</translation>
        </message>
        <message>
            <source>New deadline</source>
            <translation>新期限</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>延期原因</translation>
        </message>
    </context>
    <context>
        <name>FiguresModel</name>
        <message>
            <source>Part</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>考核项</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>实绩</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>记录数</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
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
        <name>FlagRetentionDialog</name>
        <message>
            <source>Flag an account closure</source>
            <translation>登记优质客户异动销户</translation>
        </message>
        <message>
            <source>Name, last four digits or full mobile</source>
            <translation>姓名、手机号后四位或完整手机号</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>Optional: the client's words</source>
            <translation>选填：客户的原话</translation>
        </message>
        <message>
            <source>&amp;Flag</source>
            <translation>登记(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>客户(&amp;C)</translation>
        </message>
        <message>
            <source>Closing or moving</source>
            <translation>异动事项</translation>
        </message>
        <message>
            <source>&amp;Amount</source>
            <translation>金额档次(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
        <message>
            <source>Client's &amp;words</source>
            <translation>客户原话(&amp;W)</translation>
        </message>
        <message>
            <source>Only premium clients are flagged. Never type account numbers or exact amounts.</source>
            <translation>只登记优质客户。请勿填写账号或具体金额。</translation>
        </message>
        <message>
            <source>RM {name}</source>
            <translation>理财经理 {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>尚无理财经理</translation>
        </message>
        <message>
            <source>Choose a client from the list</source>
            <translation>请从列表中选择客户</translation>
        </message>
        <message>
            <source>This client is no longer in the branch's records.</source>
            <translation>本网点已无该客户的记录。</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPage</name>
        <message>
            <source>Follow-up queue</source>
            <translation>待跟进队列</translation>
        </message>
        <message>
            <source>All RMs</source>
            <translation>全部理财经理</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <source>&amp;RM</source>
            <translation>理财经理(&amp;R)</translation>
        </message>
        <message>
            <source>Any state</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Any client type</source>
            <translation>全部客户类型</translation>
        </message>
        <message>
            <source>Any interest</source>
            <translation>全部意向业务</translation>
        </message>
        <message>
            <source>Any source</source>
            <translation>全部来源</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>推介</translation>
        </message>
        <message>
            <source>Own prospects</source>
            <translation>自拓客户</translation>
        </message>
        <message>
            <source>Search: name, last four digits or full mobile</source>
            <translation>搜索：姓名、手机后四位或完整手机号</translation>
        </message>
        <message>
            <source>&amp;Add own follow-up…</source>
            <translation>新增自拓跟进(&amp;A)…</translation>
        </message>
        <message>
            <source>Record &amp;contact…</source>
            <translation>记录联络(&amp;C)…</translation>
        </message>
        <message>
            <source>C&amp;lose…</source>
            <translation>结束跟进(&amp;L)…</translation>
        </message>
        <message>
            <source>A&amp;bandon…</source>
            <translation>放弃跟进(&amp;B)…</translation>
        </message>
        <message>
            <source>Offered after the branch's number of failed attempts in a row</source>
            <translation>连续联络失败达到本网点设定次数后可放弃</translation>
        </message>
        <message>
            <source>&amp;Reassign…</source>
            <translation>改派(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Plan…</source>
            <translation>计划(&amp;P)…</translation>
        </message>
        <message>
            <source>The pre-contact plan: strengths, personality, needs, goal</source>
            <translation>接触前准备：客户优势、性格、需求、本次目标</translation>
        </message>
        <message>
            <source>Pro&amp;file…</source>
            <translation>客户档案(&amp;F)…</translation>
        </message>
        <message>
            <source>The client's profile (also a double-click on the row)</source>
            <translation>客户档案（也可双击该行）</translation>
        </message>
        <message>
            <source>Overdue first, oldest first, then due today, then upcoming. Clients are masked here: the full number only in the profile.</source>
            <translation>逾期在前（最早的在最前），其次今日到期，再次待联络。此处客户信息已脱敏：完整号码仅在客户档案中查看。</translation>
        </message>
        <message>
            <source>Overdue: {n}</source>
            <translation>逾期：{n}</translation>
        </message>
        <message>
            <source>Due today: {n}</source>
            <translation>今日到期：{n}</translation>
        </message>
        <message>
            <source>Upcoming: {n}</source>
            <translation>待联络：{n}</translation>
        </message>
    </context>
    <context>
        <name>FollowUpQueueModel</name>
        <message>
            <source>Reached</source>
            <translation>已联系上</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>无人接听</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>号码错误</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>明确拒绝</translation>
        </message>
        <message>
            <source>Appointment</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Next contact</source>
            <translation>下次联络</translation>
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
            <source>Interests</source>
            <translation>意向业务</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Preferred time</source>
            <translation>方便联络时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Failed / all</source>
            <translation>失败/总次数</translation>
        </message>
        <message>
            <source>Last result</source>
            <translation>上次结果</translation>
        </message>
        <message>
            <source>Appointment at</source>
            <translation>预约时间</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>{n} failed attempts in a row: abandoning is proposed</source>
            <translation>已连续 {n} 次联络失败：建议放弃</translation>
        </message>
        <message>
            <source>Overdue · {n} d</source>
            <translation>逾期 · {n} 天</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>今日到期</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>待联络</translation>
        </message>
        <message>
            <source>Own prospect</source>
            <translation>自拓客户</translation>
        </message>
        <message>
            <source>Referral · {name}</source>
            <translation>推介 · {name}</translation>
        </message>
        <message>
            <source>{state} · abandon?</source>
            <translation>{state} · 建议放弃</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeAssessment</name>
        <message>
            <source>Branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>网点名称</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>报送时间</translation>
        </message>
        <message>
            <source>Submitted by</source>
            <translation>报送人</translation>
        </message>
        <message>
            <source>RMs</source>
            <translation>考核人数</translation>
        </message>
        <message>
            <source>Average total</source>
            <translation>平均总分</translation>
        </message>
        <message>
            <source>Highest</source>
            <translation>最高分</translation>
        </message>
        <message>
            <source>Lowest</source>
            <translation>最低分</translation>
        </message>
        <message>
            <source>Marketing (avg)</source>
            <translation>营销指标（平均）</translation>
        </message>
        <message>
            <source>Service (avg)</source>
            <translation>服务指标（平均）</translation>
        </message>
        <message>
            <source>Process (avg)</source>
            <translation>过程考核（平均）</translation>
        </message>
        <message>
            <source>Bonus/malus (avg)</source>
            <translation>加减分（平均）</translation>
        </message>
        <message>
            <source>Not submitted</source>
            <translation>未报送</translation>
        </message>
        <message>
            <source>Staff no.</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Marketing</source>
            <translation>营销指标</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>服务指标</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>过程考核</translation>
        </message>
        <message>
            <source>Bonus/malus</source>
            <translation>加减分</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>主管评分</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeAssessmentPage</name>
        <message>
            <source>Each branch's supervisor submits the month's assessment; a branch that has not submitted shows no figures.</source>
            <translation>各网点主管报送本月考核；未报送的网点不显示数据。</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>{done} of {n} branches submitted</source>
            <translation>{n} 个网点中 {done} 个已报送</translation>
        </message>
        <message>
            <source>{code} {name}: {month} not submitted</source>
            <translation>{code} {name}：{month} 未报送</translation>
        </message>
        <message>
            <source>{code} {name}: {month} submitted {at} by {by} ({no})</source>
            <translation>{code} {name}：{month} 已于 {at} 由 {by}（{no}）报送</translation>
        </message>
        <message>
            <source>Branches assessment</source>
            <translation>各网点月度考核汇总</translation>
        </message>
        <message>
            <source>Save every branch's assessment</source>
            <translation>保存各网点月度考核汇总</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeReportsPage</name>
        <message>
            <source>Every branch's sheet: first the figures of each branch with the totals, then each branch's staff. The PDF is A4; the Excel workbook is for further work. No client data is on either.</source>
            <translation>全部网点的统计表：先列各网点的汇总数及合计，再列各网点的人员明细。PDF 为 A4 版式，Excel 工作簿便于进一步汇总。两者均不含任何客户信息。</translation>
        </message>
    </context>
    <context>
        <name>HolidayListModel</name>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>The branch is</source>
            <translation>本网点</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Added by</source>
            <translation>添加人</translation>
        </message>
    </context>
    <context>
        <name>Holidays</name>
        <message>
            <source>Closed (holiday)</source>
            <translation>休息（节假日）</translation>
        </message>
        <message>
            <source>Open (make-up working day)</source>
            <translation>营业（调休工作日）</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>周日</translation>
        </message>
    </context>
    <context>
        <name>HolidaysSection</name>
        <message>
            <source>The branch's holiday list</source>
            <translation>本网点节假日列表</translation>
        </message>
        <message>
            <source>e.g. renovation, system upgrade</source>
            <translation>如：装修停业、系统升级</translation>
        </message>
        <message>
            <source>&amp;Add day</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove selected</source>
            <translation>删除所选(&amp;R)</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>The branch is</source>
            <translation>本网点</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Public holidays and make-up working days come from China's official calendar; add only the days this branch differs.</source>
            <translation>法定节假日和调休工作日取自国家公布的日历；此处只需添加本网点与之不同的日子。</translation>
        </message>
        <message>
            <source>The calendar does not cover {year} yet: until it is updated, deadlines in {year} count Monday to Friday plus this list.</source>
            <translation>节假日日历尚未包含 {year} 年：更新前，{year} 年的期限按周一至周五及本列表计算。</translation>
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
            <source>Head office</source>
            <translation>分行管理</translation>
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
            <source>Follow-ups</source>
            <translation>待跟进客户</translation>
        </message>
        <message>
            <source>File a referral</source>
            <translation>推介登记</translation>
        </message>
        <message>
            <source>Work diary</source>
            <translation>工作日志</translation>
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
            <source>Weekly summary</source>
            <translation>每周工作汇总</translation>
        </message>
        <message>
            <source>Find a client</source>
            <translation>查找客户</translation>
        </message>
        <message>
            <source>Account closures</source>
            <translation>异动销户</translation>
        </message>
        <message>
            <source>Staff accounts</source>
            <translation>员工账户</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>月度目标</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>月度考核</translation>
        </message>
        <message>
            <source>All branches' sheets</source>
            <translation>全辖统计表</translation>
        </message>
        <message>
            <source>Branch ranking</source>
            <translation>网点排名</translation>
        </message>
        <message>
            <source>Branches by month</source>
            <translation>网点月度数据</translation>
        </message>
        <message>
            <source>Branches' assessment</source>
            <translation>网点月度考核</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>网点管理</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>新建推介</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDialog</name>
        <message>
            <source>Record maintenance</source>
            <translation>记录客户维护</translation>
        </message>
        <message>
            <source>Client: {name}</source>
            <translation>客户：{name}</translation>
        </message>
        <message>
            <source>What was said or offered (optional)</source>
            <translation>沟通内容或推荐的产品（选填）</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>维护类型</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
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
        <name>MaintenanceDue</name>
        <message>
            <source>Call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>New Year's Day</source>
            <translation>元旦</translation>
        </message>
        <message>
            <source>Spring Festival</source>
            <translation>春节</translation>
        </message>
        <message>
            <source>Tomb-sweeping Day</source>
            <translation>清明节</translation>
        </message>
        <message>
            <source>Labour Day</source>
            <translation>劳动节</translation>
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation>端午节</translation>
        </message>
        <message>
            <source>National Day</source>
            <translation>国庆节</translation>
        </message>
        <message>
            <source>Mid-autumn Festival</source>
            <translation>中秋节</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDueModel</name>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>维护方式</translation>
        </message>
        <message>
            <source>Last done</source>
            <translation>上次维护</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceDuePanel</name>
        <message>
            <source>Maintenance due</source>
            <translation>待维护</translation>
        </message>
        <message>
            <source>Record &amp;maintenance…</source>
            <translation>记录维护(&amp;M)…</translation>
        </message>
        <message>
            <source>Profile…</source>
            <translation>客户档案…</translation>
        </message>
        <message>
            <source>Birthdays, coming 7 days</source>
            <translation>未来 7 天生日</translation>
        </message>
        <message>
            <source>Holidays, coming 7 days</source>
            <translation>未来 7 天节日</translation>
        </message>
        <message>
            <source>Overdue first. A call is kept by any contact, a visit by a visit; the plans per tier are the branch's setting.</source>
            <translation>逾期的排在前面。任何一次联络都算电话维护，只有上门拜访才算拜访；各等级的维护计划由网点设置。</translation>
        </message>
        <message>
            <source> or more</source>
            <translation> 余</translation>
        </message>
        <message>
            <source>{n}{more} due, {overdue} overdue</source>
            <translation>待维护 {n}{more} 项，其中逾期 {overdue} 项</translation>
        </message>
        <message>
            <source>{day}  {client}, turns {age}</source>
            <translation>{day}  {client}，{age} 岁生日</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceLabels</name>
        <message>
            <source>Greeting</source>
            <translation>情感维护</translation>
        </message>
        <message>
            <source>Portfolio review</source>
            <translation>理财规划跟进</translation>
        </message>
        <message>
            <source>Cross-selling</source>
            <translation>关联销售</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>信息提示</translation>
        </message>
        <message>
            <source>Event invitation</source>
            <translation>活动邀请</translation>
        </message>
        <message>
            <source>Client survey</source>
            <translation>客户调查</translation>
        </message>
    </context>
    <context>
        <name>MaintenancePlansSection</name>
        <message>
            <source>Maintenance plans</source>
            <translation>客户维护计划</translation>
        </message>
        <message>
            <source>{tier}: a call every (days)</source>
            <translation>{tier}：电话维护间隔（天）</translation>
        </message>
        <message>
            <source>{tier}: a visit every (days)</source>
            <translation>{tier}：上门拜访间隔（天）</translation>
        </message>
        <message>
            <source>none</source>
            <translation>不安排</translation>
        </message>
        <message>
            <source>Whole days from 1 to 366; leave empty for none. A call is kept by any contact, a visit by a visit.</source>
            <translation>填写 1–366 的整数天数；留空表示不安排。任何一次联络都算电话维护，只有上门拜访才算拜访。</translation>
        </message>
        <message>
            <source>Save plans</source>
            <translation>保存计划</translation>
        </message>
        <message>
            <source>Defaults</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <source>The documented defaults (never saved).</source>
            <translation>当前为默认计划（尚未保存过）。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>MoveAppointmentDialog</name>
        <message>
            <source>Move the appointment</source>
            <translation>预约改期</translation>
        </message>
        <message>
            <source>Client {client}, booked for {at}.</source>
            <translation>客户 {client}，原定于 {at}。</translation>
        </message>
        <message>
            <source>New date and time</source>
            <translation>新的日期和时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>目的</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>改期</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
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
            <source>Client &amp;profile</source>
            <translation>客户档案(&amp;P)</translation>
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
        <name>NewBranchDialog</name>
        <message>
            <source>New branch</source>
            <translation>新建网点</translation>
        </message>
        <message>
            <source>4–8 letters or digits, e.g. 0102</source>
            <translation>4–8 位字母或数字，如 0102</translation>
        </message>
        <message>
            <source>e.g. Chengxi Sub-branch Wealth Centre</source>
            <translation>如：城西支行理财中心</translation>
        </message>
        <message>
            <source>&amp;Add branch</source>
            <translation>添加网点(&amp;A)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>&amp;Code</source>
            <translation>网点代码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>网点名称(&amp;N)</translation>
        </message>
        <message>
            <source>The branch gets the default settings; its administrator is added on the staff page or with `staff add --branch CODE`.</source>
            <translation>新网点使用默认设置；其管理员可在员工账户页面添加，或用命令 `staff add --branch 网点代码` 添加。</translation>
        </message>
    </context>
    <context>
        <name>NewComplaintDialog</name>
        <message>
            <source>Record a complaint</source>
            <translation>登记客户投诉</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>登记</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <source>What the client complained about, in their words</source>
            <translation>客户投诉的内容，尽量按客户原话记录</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Client name</source>
            <translation>客户姓名</translation>
        </message>
        <message>
            <source>What the client said</source>
            <translation>投诉内容</translation>
        </message>
        <message>
            <source>Due 3 working days after it came in; the lobby manager handles it.</source>
            <translation>受理后 3 个工作日内回复客户，由大堂经理负责处理。</translation>
        </message>
    </context>
    <context>
        <name>NewReferralBanner</name>
        <message>
            <source>Open</source>
            <translation>查看</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>知道了</translation>
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
        <name>OutcomeDialog</name>
        <message>
            <source>Outcome of a referral</source>
            <translation>营销成果</translation>
        </message>
        <message>
            <source>{client} ({mobile}), referred by {referrer} at {time}</source>
            <translation>{client}（{mobile}），{referrer} 于 {time} 推介</translation>
        </message>
        <message>
            <source>Met the client</source>
            <translation>已与客户接洽</translation>
        </message>
        <message>
            <source>Deal closed</source>
            <translation>已成交</translation>
        </message>
        <message>
            <source>e.g. fund, insurance</source>
            <translation>如：基金、保险</translation>
        </message>
        <message>
            <source>yuan, up to two decimals; optional</source>
            <translation>元，最多两位小数；可不填</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>Open a follow-up (after-sale call or second try)</source>
            <translation>建立跟进（售后回访或再次营销）</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>接洽</translation>
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
            <source>No-deal reason</source>
            <translation>未成交原因</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>First contact on</source>
            <translation>首次联系日期</translation>
        </message>
        <message>
            <source>Save outcome</source>
            <translation>保存营销成果</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>The lobby's day close reads what you record here.</source>
            <translation>大堂日终核对将读取您在此记录的营销成果。</translation>
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
        <name>OwnFollowUpDialog</name>
        <message>
            <source>Add own follow-up</source>
            <translation>新增自拓跟进</translation>
        </message>
        <message>
            <source>Name, last four digits or full mobile</source>
            <translation>姓名、手机后四位或完整手机号</translation>
        </message>
        <message>
            <source>Optional: why this client, what to offer</source>
            <translation>选填：跟进原因、拟推荐产品</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>新增(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>客户(&amp;C)</translation>
        </message>
        <message>
            <source>First &amp;contact</source>
            <translation>首次联络(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>RM {name}</source>
            <translation>理财经理 {name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>尚无理财经理</translation>
        </message>
        <message>
            <source>Choose a client from the list</source>
            <translation>请从列表中选择客户</translation>
        </message>
        <message>
            <source>This client is another RM's, or another RM is already following them up: ask the supervisor to reassign.</source>
            <translation>该客户属于其他理财经理，或已有其他理财经理在跟进：请联系主管改派。</translation>
        </message>
        <message>
            <source>This client is no longer in the branch's records.</source>
            <translation>本网点已无该客户记录。</translation>
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
        <name>PlanDialog</name>
        <message>
            <source>Move the planned contact</source>
            <translation>调整计划日期</translation>
        </message>
        <message>
            <source>Plan a visit or call</source>
            <translation>添加拜访或电话计划</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Visit or call</source>
            <translation>拜访或电话</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
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
            <source>Choose a client</source>
            <translation>请选择客户</translation>
        </message>
    </context>
    <context>
        <name>ProfileWindow</name>
        <message>
            <source>C1 Conservative</source>
            <translation>C1 保守型</translation>
        </message>
        <message>
            <source>C2 Cautious</source>
            <translation>C2 稳健型</translation>
        </message>
        <message>
            <source>C3 Balanced</source>
            <translation>C3 平衡型</translation>
        </message>
        <message>
            <source>C4 Growth</source>
            <translation>C4 成长型</translation>
        </message>
        <message>
            <source>C5 Aggressive</source>
            <translation>C5 进取型</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Client profile</source>
            <translation>客户档案</translation>
        </message>
        <message>
            <source>&amp;Edit profile…</source>
            <translation>编辑档案(&amp;E)…</translation>
        </message>
        <message>
            <source>Record &amp;maintenance…</source>
            <translation>记录维护(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Show in full</source>
            <translation>查看完整(&amp;S)</translation>
        </message>
        <message>
            <source>Basic details and contact</source>
            <translation>基本信息与联系方式</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>出生年份</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>District</source>
            <translation>所在区县</translation>
        </message>
        <message>
            <source>Household and background</source>
            <translation>家庭与职业背景</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>家庭情况</translation>
        </message>
        <message>
            <source>Dependants</source>
            <translation>需赡养/抚养人数</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Income band</source>
            <translation>收入水平</translation>
        </message>
        <message>
            <source>Social standing</source>
            <translation>社会地位</translation>
        </message>
        <message>
            <source>Interests and risk tolerance</source>
            <translation>意向业务与风险承受能力</translation>
        </message>
        <message>
            <source>Interests</source>
            <translation>意向业务</translation>
        </message>
        <message>
            <source>Risk tolerance</source>
            <translation>风险承受能力</translation>
        </message>
        <message>
            <source>Score and tier</source>
            <translation>综合评价与客户等级</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>往来记录</translation>
        </message>
        <message>
            <source>Client profile — {name}</source>
            <translation>客户档案 — {name}</translation>
        </message>
        <message>
            <source>RM: {name}</source>
            <translation>管户理财经理：{name}</translation>
        </message>
        <message>
            <source>No RM yet</source>
            <translation>尚未指定理财经理</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Shown in full; masked again after {s} seconds.</source>
            <translation>已显示完整号码；{s} 秒后重新遮蔽。</translation>
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
        <name>ReassignDialog</name>
        <message>
            <source>Reassign follow-up</source>
            <translation>改派跟进</translation>
        </message>
        <message>
            <source>&amp;Reassign</source>
            <translation>改派(&amp;R)</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Now with</source>
            <translation>当前负责</translation>
        </message>
        <message>
            <source>&amp;Hand to</source>
            <translation>改派给(&amp;H)</translation>
        </message>
        <message>
            <source>The attempts and appointments go with it; the log keeps who held it before.</source>
            <translation>联络记录和预约随之转移；日志保留原负责人。</translation>
        </message>
    </context>
    <context>
        <name>ReceivedReferralsPanel</name>
        <message>
            <source>Referrals received</source>
            <translation>收到的推介</translation>
        </message>
        <message>
            <source>Da&amp;y</source>
            <translation>日期(&amp;Y)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Record &amp;outcome…</source>
            <translation>记录营销成果(&amp;O)…</translation>
        </message>
        <message>
            <source>{n} received</source>
            <translation>共 {n} 条</translation>
        </message>
    </context>
    <context>
        <name>ReceivedTableModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
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
            <translation>状态</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>推介人</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已接洽</translation>
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
            <translation>金额</translation>
        </message>
        <message>
            <source>No-deal reason</source>
            <translation>未成交原因</translation>
        </message>
        <message>
            <source>New since you last looked</source>
            <translation>新到推介</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>To record</source>
            <translation>待记录</translation>
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
        <message>
            <source>Ordinary clients are not referred: guide the client and count a diversion.</source>
            <translation>个人普通客户不推介：请引导客户办理并计入分流。</translation>
        </message>
        <message>
            <source>Guided to se&amp;lf-service</source>
            <translation>引导至自助设备(&amp;L)</translation>
        </message>
        <message>
            <source>Guided to the co&amp;unter</source>
            <translation>引导至柜台(&amp;U)</translation>
        </message>
    </context>
    <context>
        <name>ReferralNotifier</name>
        <message>
            <source>{n} new referrals for you; the newest: {client}</source>
            <translation>您有 {n} 条新推介，最新：{client}</translation>
        </message>
        <message>
            <source>Client waiting in the lobby: {client}</source>
            <translation>客户在大堂等候：{client}</translation>
        </message>
        <message>
            <source>New pending referral to follow up: {client}</source>
            <translation>新的待跟进推介：{client}</translation>
        </message>
        <message>
            <source>Lobby Referral Desk</source>
            <translation>厅堂推介与客户跟进</translation>
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
            <source>Diversion counted ({n} today).</source>
            <translation>已计入分流（今日 {n} 位）。</translation>
        </message>
        <message>
            <source>Today: {n}</source>
            <translation>今日：{n}</translation>
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
        <name>ReplyComplaintDialog</name>
        <message>
            <source>Reply to a complaint</source>
            <translation>回复客户投诉</translation>
        </message>
        <message>
            <source>Save reply</source>
            <translation>保存回复</translation>
        </message>
        <message>
            <source>Reply given</source>
            <translation>回复内容</translation>
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
    </context>
    <context>
        <name>RetentionActionDialog</name>
        <message>
            <source>Record a retention effort</source>
            <translation>记录挽留措施</translation>
        </message>
        <message>
            <source>You are stepping in for the client's RM.</source>
            <translation>您正以网点负责人身份出面协助挽留。</translation>
        </message>
        <message>
            <source>What was said or offered</source>
            <translation>沟通内容或提供的方案</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>措施</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>说明(&amp;N)</translation>
        </message>
        <message>
            <source>Efforts so far</source>
            <translation>已采取的措施</translation>
        </message>
        <message>
            <source>{name} (stepping in)</source>
            <translation>{name}（负责人出面）</translation>
        </message>
        <message>
            <source>None yet</source>
            <translation>尚无</translation>
        </message>
    </context>
    <context>
        <name>RetentionLabels</name>
        <message>
            <source>Closes accounts</source>
            <translation>销户</translation>
        </message>
        <message>
            <source>Moves deposits out</source>
            <translation>大额存款转出</translation>
        </message>
        <message>
            <source>Redeems wealth products or funds</source>
            <translation>理财、基金、保险赎回转出</translation>
        </message>
        <message>
            <source>Cancels bank cards</source>
            <translation>注销银行卡</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Below 100 000 yuan</source>
            <translation>10 万元以下</translation>
        </message>
        <message>
            <source>100 000 – 500 000 yuan</source>
            <translation>10–50 万元</translation>
        </message>
        <message>
            <source>500 000 – 1 million yuan</source>
            <translation>50–100 万元</translation>
        </message>
        <message>
            <source>1 – 5 million yuan</source>
            <translation>100–500 万元</translation>
        </message>
        <message>
            <source>5 million yuan or more</source>
            <translation>500 万元以上</translation>
        </message>
        <message>
            <source>Better rate or return elsewhere</source>
            <translation>他行收益或利率更高</translation>
        </message>
        <message>
            <source>Unhappy with the service</source>
            <translation>对服务不满意</translation>
        </message>
        <message>
            <source>Moving home or job</source>
            <translation>搬迁或工作变动</translation>
        </message>
        <message>
            <source>Needs the money (home, business)</source>
            <translation>购房、经营等用款</translation>
        </message>
        <message>
            <source>Investing elsewhere</source>
            <translation>转投他处</translation>
        </message>
        <message>
            <source>Talk in person</source>
            <translation>面谈沟通</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>电话沟通</translation>
        </message>
        <message>
            <source>Product or rate offer</source>
            <translation>提供产品或利率方案</translation>
        </message>
        <message>
            <source>Put a service problem right</source>
            <translation>解决服务问题</translation>
        </message>
        <message>
            <source>Retained</source>
            <translation>挽留成功</translation>
        </message>
        <message>
            <source>Partly retained</source>
            <translation>部分挽留</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>流失</translation>
        </message>
        <message>
            <source>Normal closure</source>
            <translation>正常销户</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未结束</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <source>Account closures and retention</source>
            <translation>优质客户异动销户记录</translation>
        </message>
        <message>
            <source>&amp;Flag a closure…</source>
            <translation>登记异动销户(&amp;F)…</translation>
        </message>
        <message>
            <source>Record &amp;effort…</source>
            <translation>记录挽留措施(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Close with result…</source>
            <translation>填写结果(&amp;C)…</translation>
        </message>
        <message>
            <source>{open} open of {n} shown; more below</source>
            <translation>显示 {n} 条，其中 {open} 条未结束；下方还有</translation>
        </message>
        <message>
            <source>{open} open of {n} shown</source>
            <translation>显示 {n} 条，其中 {open} 条未结束</translation>
        </message>
    </context>
    <context>
        <name>RetentionRecordDialog</name>
        <message>
            <source>{client} · flagged {day} by {who} · {moves} · {band}</source>
            <translation>{client} · {day} 由 {who} 登记 · {moves} · {band}</translation>
        </message>
    </context>
    <context>
        <name>RetentionTableModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Closing or moving</source>
            <translation>异动事项</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额档次</translation>
        </message>
        <message>
            <source>Client's reason</source>
            <translation>客户原因</translation>
        </message>
        <message>
            <source>Flagged by</source>
            <translation>登记人</translation>
        </message>
        <message>
            <source>RM</source>
            <translation>理财经理</translation>
        </message>
        <message>
            <source>Efforts</source>
            <translation>挽留次数</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
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
        <name>ScoreSettingsSection</name>
        <message>
            <source>Score &amp;weights and thresholds…</source>
            <translation>评分权重与分层阈值(&amp;W)…</translation>
        </message>
        <message>
            <source>How clients are scored and tiered; saving offers to rescore the branch.</source>
            <translation>客户如何评分和分层；保存后可重新为全网点客户评分。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <source>Holidays and make-up working days</source>
            <translation>节假日与调休工作日</translation>
        </message>
        <message>
            <source>Client scoring</source>
            <translation>客户评分</translation>
        </message>
        <message>
            <source>Maintenance plans</source>
            <translation>维护计划</translation>
        </message>
        <message>
            <source>Assessment weights</source>
            <translation>考核权重</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
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
        <name>SourcesDialog</name>
        <message>
            <source>Records behind: {figure}</source>
            <translation>来源记录：{figure}</translation>
        </message>
    </context>
    <context>
        <name>SourcesModel</name>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>说明</translation>
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
        <name>TargetProgress</name>
        <message>
            <source> (no targets set)</source>
            <translation>（未设定目标）</translation>
        </message>
        <message>
            <source>Targets for {month}{note}</source>
            <translation>{month} 月度目标{note}</translation>
        </message>
        <message>
            <source>Progress could not be loaded.</source>
            <translation>无法读取目标进度。</translation>
        </message>
    </context>
    <context>
        <name>Targets</name>
        <message>
            <source>New premium clients</source>
            <translation>新增优质客户</translation>
        </message>
        <message>
            <source>Converted referrals</source>
            <translation>转化推介</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>联络次数</translation>
        </message>
        <message>
            <source>Maintenance contacts</source>
            <translation>维护联络</translation>
        </message>
        <message>
            <source>AUM growth (yuan)</source>
            <translation>AUM 增长（元）</translation>
        </message>
    </context>
    <context>
        <name>TargetsModel</name>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
    </context>
    <context>
        <name>TargetsPage</name>
        <message>
            <source>&amp;Save targets</source>
            <translation>保存目标(&amp;S)</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>{name} ({no}): progress in {month}</source>
            <translation>{name}（{no}）{month} 目标进度</translation>
        </message>
        <message>
            <source>Targets of {name} for {month}</source>
            <translation>{name} {month} 的目标</translation>
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
        <name>WeekPlanModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>已计划</translation>
        </message>
    </context>
    <context>
        <name>WeekPlanPanel</name>
        <message>
            <source>Accept the proposal</source>
            <translation>采纳建议计划</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>改期…</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Visits and calls planned for {start} to {end}</source>
            <translation>{start} 至 {end} 的拜访与电话计划</translation>
        </message>
        <message>
            <source>{n} proposed</source>
            <translation>建议 {n} 项</translation>
        </message>
        <message>
            <source>{n} planned contacts added.</source>
            <translation>已添加 {n} 项计划。</translation>
        </message>
        <message>
            <source>Plan saved.</source>
            <translation>计划已保存。</translation>
        </message>
        <message>
            <source>Planned contact dropped.</source>
            <translation>计划已删除。</translation>
        </message>
    </context>
    <context>
        <name>WeeklyBranchModel</name>
        <message>
            <source>Staff ID</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>汇总表</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>联络</translation>
        </message>
        <message>
            <source>Appts made</source>
            <translation>新增预约</translation>
        </message>
        <message>
            <source>Appts held</source>
            <translation>预约已见面</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>转化优质</translation>
        </message>
        <message>
            <source>Not premium</source>
            <translation>非优质</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>放弃</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>面谈</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>成交</translation>
        </message>
        <message>
            <source>Deal amount</source>
            <translation>成交金额</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>周末逾期</translation>
        </message>
    </context>
    <context>
        <name>WeeklyFiguresModel</name>
        <message>
            <source>Contacts by phone</source>
            <translation>电话联络</translation>
        </message>
        <message>
            <source>Contacts by SMS</source>
            <translation>短信联络</translation>
        </message>
        <message>
            <source>Contacts by e-mail</source>
            <translation>邮件联络</translation>
        </message>
        <message>
            <source>Contacts by letter</source>
            <translation>信函联络</translation>
        </message>
        <message>
            <source>Contacts by visit</source>
            <translation>上门面访</translation>
        </message>
        <message>
            <source>All contacts</source>
            <translation>联络合计</translation>
        </message>
        <message>
            <source>Appointments made</source>
            <translation>新增预约</translation>
        </message>
        <message>
            <source>Appointments held</source>
            <translation>预约已见面</translation>
        </message>
        <message>
            <source>Follow-ups converted</source>
            <translation>跟进转化优质</translation>
        </message>
        <message>
            <source>Follow-ups not premium</source>
            <translation>跟进判定非优质</translation>
        </message>
        <message>
            <source>Follow-ups abandoned</source>
            <translation>跟进放弃</translation>
        </message>
        <message>
            <source>Clients met</source>
            <translation>面谈客户</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>成交笔数</translation>
        </message>
        <message>
            <source>Deal amount (yuan)</source>
            <translation>成交金额（元）</translation>
        </message>
        <message>
            <source>Overdue at the week's end</source>
            <translation>周末逾期跟进</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>本周</translation>
        </message>
    </context>
    <context>
        <name>WeeklySummary</name>
        <message>
            <source>Not submitted</source>
            <translation>未提交</translation>
        </message>
        <message>
            <source>Missing (past due)</source>
            <translation>未交（已过期限）</translation>
        </message>
        <message>
            <source>Submitted on time</source>
            <translation>已按时提交</translation>
        </message>
        <message>
            <source>Submitted late</source>
            <translation>迟交</translation>
        </message>
    </context>
    <context>
        <name>WeeklySummaryPage</name>
        <message>
            <source>◀ Previous week</source>
            <translation>◀ 上一周</translation>
        </message>
        <message>
            <source>Next week ▶</source>
            <translation>下一周 ▶</translation>
        </message>
        <message>
            <source>What you found this week (clients' needs, market, problems) and what you suggest.</source>
            <translation>本周发现的情况（客户需求、市场动态、存在的问题）及建议。</translation>
        </message>
        <message>
            <source>Submit the week's summary</source>
            <translation>提交本周汇总表</translation>
        </message>
        <message>
            <source>Export roll-up PDF…</source>
            <translation>导出汇总 PDF…</translation>
        </message>
        <message>
            <source>Export roll-up Excel…</source>
            <translation>导出汇总 Excel…</translation>
        </message>
        <message>
            <source>Week of</source>
            <translation>周次</translation>
        </message>
        <message>
            <source>Findings and suggestions</source>
            <translation>发现与建议</translation>
        </message>
        <message>
            <source>Choose an RM above to read their findings.</source>
            <translation>在上表选择一位理财经理，查看其发现与建议。</translation>
        </message>
        <message>
            <source>{first} to {last} · week {n} · due {due}</source>
            <translation>{first} 至 {last} · 第 {n} 周 · 提交期限 {due}</translation>
        </message>
        <message>
            <source> at {at}</source>
            <translation>（{at}）</translation>
        </message>
        <message>
            <source>{on} on time · {late} late · {missing} missing · {open} not yet due</source>
            <translation>{on} 人按时 · {late} 人迟交 · {missing} 人未交 · {open} 人未到期</translation>
        </message>
        <message>
            <source>Weekly summary roll-up</source>
            <translation>每周工作进度汇总表</translation>
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
            <source>Save the roll-up</source>
            <translation>保存汇总表</translation>
        </message>
        <message>
            <source>{n} / {max} characters</source>
            <translation>{n} / {max} 字</translation>
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
        <message>
            <source>Head office</source>
            <translation>分行管理</translation>
        </message>
    </context>
</TS>
