<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>导出同步文件…</source>
        <translation>Export sync file…</translation>
    </message>
    <message>
        <source>把尚未被县里确认的修改写入一个同步文件（例如U盘），交到县民政局导入</source>
        <translation>Write the changes the county has not yet confirmed into a sync file (e.g. on a USB stick) for the county civil affairs bureau to import</translation>
    </message>
    <message>
        <source>导入同步文件…</source>
        <translation>Import sync file…</translation>
    </message>
    <message>
        <source>导入县里发回的同步回执文件（.tonghu）</source>
        <translation>Import the sync receipt file sent back by the county (.tonghu)</translation>
    </message>
    <message>
        <source>用登记文件登记本机…</source>
        <translation>Enrol this computer with an enrolment file…</translation>
    </message>
    <message>
        <source>没有网络时，用县里发的登记文件登记本机</source>
        <translation>Without a network, enrol this computer with the enrolment file issued by the county</translation>
    </message>
    <message>
        <source>导出同步文件</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <source>选择保存同步文件的文件夹（例如U盘）</source>
        <translation>Choose the folder to save the sync file in (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>已导出 {count} 条修改到：
{path}

请把此文件交到县民政局导入，再把县里发回的回执文件导入本机。在导入回执之前，这些修改仍保留在本机，不会丢失。</source>
        <translation>Exported {count} changes to:
{path}

Please take this file to the county civil affairs bureau for import, then import the receipt file the county sends back on this computer. Until the receipt is imported, these changes stay on this computer and are not lost.</translation>
    </message>
    <message>
        <source>同步文件已导出：{name}</source>
        <translation>Sync file exported: {name}</translation>
    </message>
    <message>
        <source>正在导出同步文件…</source>
        <translation>Exporting the sync file…</translation>
    </message>
    <message>
        <source>导入同步文件</source>
        <translation>Import sync file</translation>
    </message>
    <message>
        <source>选择县里发回的同步文件</source>
        <translation>Choose the sync file sent back by the county</translation>
    </message>
    <message>
        <source>童护同步文件 (*.tonghu);;所有文件 (*)</source>
        <translation>Tonghu sync files (*.tonghu);;All files (*)</translation>
    </message>
    <message>
        <source>导入完成：县里确认了 {acked} 条本机修改，收到 {received} 条新数据。</source>
        <translation>Import finished: the county confirmed {acked} changes from this computer; {received} new records received.</translation>
    </message>
    <message>
        <source>其中 {n} 处与本机的修改冲突，请到“冲突”页面确认。</source>
        <translation>{n} of them conflict with changes made on this computer; please review them on the “Conflicts” page.</translation>
    </message>
    <message>
        <source>县里的数据库已从备份恢复。下次导出的同步文件会带上本机的全部数据，请尽快导出并送到县里。</source>
        <translation>The county database was restored from a backup. The next sync file you export will carry all the data on this laptop: export it soon and take it to the county.</translation>
    </message>
    <message>
        <source>同步文件已导入</source>
        <translation>Sync file imported</translation>
    </message>
    <message>
        <source>正在导入同步文件…</source>
        <translation>Importing the sync file…</translation>
    </message>
    <message>
        <source>用登记文件登记本机</source>
        <translation>Enrol this computer with an enrolment file</translation>
    </message>
    <message>
        <source>选择县里发的登记文件</source>
        <translation>Choose the enrolment file issued by the county</translation>
    </message>
    <message>
        <source>童护登记文件 (*.tonghu-enrol);;所有文件 (*)</source>
        <translation>Tonghu enrolment files (*.tonghu-enrol);;All files (*)</translation>
    </message>
    <message>
        <source>请输入县民政局另行告知的登记码（例如 ABCDE-FGHJK）：</source>
        <translation>Enter the enrolment code the county civil affairs bureau gave you separately (e.g. ABCDE-FGHJK):</translation>
    </message>
    <message>
        <source>本机已登记，范围：{scope}。以后可以用网络或U盘同步。</source>
        <translation>This computer is enrolled, scope: {scope}. From now on you can sync over the network or by USB stick.</translation>
    </message>
    <message>
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>儿童名册</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>与儿童关系</source>
        <translation>Relation to child</translation>
    </message>
    <message>
        <source>与孩子联系频率</source>
        <translation>Contact with the child</translation>
    </message>
    <message>
        <source>保障情况</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>务工地点</source>
        <translation>Place of work</translation>
    </message>
    <message>
        <source>协议签订日期</source>
        <translation>Agreement signed on</translation>
    </message>
    <message>
        <source>受托照护人</source>
        <translation>Entrusted carer</translation>
    </message>
    <message>
        <source>在册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>在册状态</source>
        <translation>Register status</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>外出务工</source>
        <translation>Working away</translation>
    </message>
    <message>
        <source>外出时间</source>
        <translation>Away since</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>就学阶段</source>
        <translation>School stage</translation>
    </message>
    <message>
        <source>就读学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>已满18岁</source>
        <translation>Turned 18</translation>
    </message>
    <message>
        <source>已签委托照护协议</source>
        <translation>Entrusted-care agreement signed</translation>
    </message>
    <message>
        <source>已转出</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>患病情况</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>户口性质</source>
        <translation>Household registration type</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Place of household registration</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>是否外出务工</source>
        <translation>Working away?</translation>
    </message>
    <message>
        <source>是否监护人</source>
        <translation>Guardian?</translation>
    </message>
    <message>
        <source>是监护人</source>
        <translation>Is guardian</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>残疾类型</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾证号</source>
        <translation>Disability certificate no.</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>照护人姓名</source>
        <translation>Carer&apos;s name</translation>
    </message>
    <message>
        <source>照护人年龄</source>
        <translation>Carer&apos;s age</translation>
    </message>
    <message>
        <source>照护能力</source>
        <translation>Ability to care</translation>
    </message>
    <message>
        <source>照护起始</source>
        <translation>Care since</translation>
    </message>
    <message>
        <source>特殊情况</source>
        <translation>Special circumstances</translation>
    </message>
    <message>
        <source>特殊情况起始</source>
        <translation>Circumstances since</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态变更日期</source>
        <translation>Status changed on</translation>
    </message>
    <message>
        <source>状态说明</source>
        <translation>Status note</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>监护状况</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>联系频率</source>
        <translation>Contact frequency</translation>
    </message>
    <message>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>认定依据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>认定日期</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>风险颜色</source>
        <translation>Risk colour</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>逾期未访</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Basic details</translation>
    </message>
    <message>
        <source>委托照护</source>
        <translation>Entrusted care</translation>
    </message>
    <message>
        <source>家庭与监护</source>
        <translation>Family and guardians</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>个案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>保障</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>学籍库比对导入…</source>
        <translation>Import school roll for comparison…</translation>
    </message>
    <message>
        <source>学籍比对</source>
        <translation>School roll</translation>
    </message>
    <message>
        <source>强制报告</source>
        <translation>Mandatory reports</translation>
    </message>
    <message>
        <source>一年两排排查汇总</source>
        <translation>Twice-yearly screening summary</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <source>上学情况</source>
        <translation>School attendance</translation>
    </message>
    <message>
        <source>不在校</source>
        <translation>Not in school</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>严重不良嗜好</source>
        <translation>Serious addiction</translation>
    </message>
    <message>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <source>个案参与人员</source>
        <translation>Case party</translation>
    </message>
    <message>
        <source>个案服务计划表</source>
        <translation>Case service plan</translation>
    </message>
    <message>
        <source>个案步骤</source>
        <translation>Case step</translation>
    </message>
    <message>
        <source>个案记录</source>
        <translation>Case note</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>中职</source>
        <translation>Vocational school</translation>
    </message>
    <message>
        <source>中风险，定期介入</source>
        <translation>Medium risk, regular intervention</translation>
    </message>
    <message>
        <source>书面</source>
        <translation>In writing</translation>
    </message>
    <message>
        <source>事实无人抚养儿童</source>
        <translation>De facto unsupported child</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <source>亲属</source>
        <translation>Relatives</translation>
    </message>
    <message>
        <source>仍在关爱范围</source>
        <translation>Still in care scope</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>低保家庭儿童</source>
        <translation>Child of a minimum-income family</translation>
    </message>
    <message>
        <source>低风险，保持关注</source>
        <translation>Low risk, keep watching</translation>
    </message>
    <message>
        <source>住房存在安全隐患（危房、用火用电不安全）</source>
        <translation>Unsafe housing (dilapidated house, unsafe fire or electricity)</translation>
    </message>
    <message>
        <source>住房安全</source>
        <translation>Housing safety</translation>
    </message>
    <message>
        <source>作业与出勤</source>
        <translation>Homework and attendance</translation>
    </message>
    <message>
        <source>作业完成情况、出勤情况、与老师的联系</source>
        <translation>Homework done, attendance, contact with teachers</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>保护与保障</source>
        <translation>Protection and benefits</translation>
    </message>
    <message>
        <source>保险</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>保险公司</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>保障发放</source>
        <translation>Benefit payment</translation>
    </message>
    <message>
        <source>保障待遇</source>
        <translation>Benefit entitlements</translation>
    </message>
    <message>
        <source>健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>健康成长</source>
        <translation>Growing up well</translation>
    </message>
    <message>
        <source>儿童信息登记表</source>
        <translation>Child registration form</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>兄姐</source>
        <translation>Older sibling</translation>
    </message>
    <message>
        <source>入户</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>公安</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其他亲属</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <source>其他内容</source>
        <translation>Other content</translation>
    </message>
    <message>
        <source>其他记录</source>
        <translation>Other record</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>农业</source>
        <translation>Agricultural</translation>
    </message>
    <message>
        <source>农村留守儿童</source>
        <translation>Rural left-behind child</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>分级分色评估</source>
        <translation>Colour assessment</translation>
    </message>
    <message>
        <source>初中</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <source>劝返</source>
        <translation>Back to school</translation>
    </message>
    <message>
        <source>劝返复学</source>
        <translation>Back to school</translation>
    </message>
    <message>
        <source>医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>卫生健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>县级处置记录</source>
        <translation>County action record</translation>
    </message>
    <message>
        <source>县级经办人</source>
        <translation>County officer</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>发放账户</source>
        <translation>Payment account</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>受到侵害</source>
        <translation>Harmed</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>听力</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>四级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <source>困境</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>困境儿童(家庭经济困难)</source>
        <translation>Child in hardship (family poverty)</translation>
    </message>
    <message>
        <source>困境儿童(监护缺失或不当)</source>
        <translation>Child in hardship (no or improper guardianship)</translation>
    </message>
    <message>
        <source>困境儿童(自身残疾)</source>
        <translation>Child in hardship (own disability)</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>处置人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>处置时间</source>
        <translation>Handled at</translation>
    </message>
    <message>
        <source>外祖母</source>
        <translation>Maternal grandmother</translation>
    </message>
    <message>
        <source>外祖父</source>
        <translation>Maternal grandfather</translation>
    </message>
    <message>
        <source>多重</source>
        <translation>Multiple</translation>
    </message>
    <message>
        <source>失踪</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Women&apos;s Federation</translation>
    </message>
    <message>
        <source>存在三项及以上中风险因素</source>
        <translation>three or more medium-risk factors</translation>
    </message>
    <message>
        <source>存在中风险因素</source>
        <translation>a medium-risk factor</translation>
    </message>
    <message>
        <source>存在任一高风险因素</source>
        <translation>any high-risk factor</translation>
    </message>
    <message>
        <source>存在低风险因素，需保持关注</source>
        <translation>a low-risk factor: keep an eye on it</translation>
    </message>
    <message>
        <source>学习困难、经常缺勤或厌学</source>
        <translation>Learning difficulties, frequent absence or dislike of school</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>At school</translation>
    </message>
    <message>
        <source>学籍学校</source>
        <translation>School on the roll</translation>
    </message>
    <message>
        <source>学籍比对结果</source>
        <translation>School-roll finding</translation>
    </message>
    <message>
        <source>学龄前</source>
        <translation>Preschool age</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>家庭无稳定收入，基本生活难以保障</source>
        <translation>No stable family income; basic living not secured</translation>
    </message>
    <message>
        <source>小学</source>
        <translation>Primary school</translation>
    </message>
    <message>
        <source>已保未足</source>
        <translation>Covered, not enough</translation>
    </message>
    <message>
        <source>已保障</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>已提供的帮助</source>
        <translation>Help given</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已重新评估</source>
        <translation>Reassessed</translation>
    </message>
    <message>
        <source>年自付医疗费用</source>
        <translation>Out-of-pocket medical costs per year</translation>
    </message>
    <message>
        <source>幼儿园</source>
        <translation>Kindergarten</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>应保未保</source>
        <translation>Eligible, not covered</translation>
    </message>
    <message>
        <source>康复服务</source>
        <translation>Rehabilitation services</translation>
    </message>
    <message>
        <source>建议颜色</source>
        <translation>Suggested colour</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>开案日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>强制报告登记表</source>
        <translation>Mandatory report form</translation>
    </message>
    <message>
        <source>强制隔离戒毒</source>
        <translation>Compulsory drug rehabilitation</translation>
    </message>
    <message>
        <source>当面</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>待终止</source>
        <translation>Ending soon</translation>
    </message>
    <message>
        <source>很少</source>
        <translation>Rarely</translation>
    </message>
    <message>
        <source>心理</source>
        <translation>Mental health</translation>
    </message>
    <message>
        <source>心理状态</source>
        <translation>State of mind</translation>
    </message>
    <message>
        <source>患病或残疾，已得到治疗或康复</source>
        <translation>Ill or disabled, receiving treatment or rehabilitation</translation>
    </message>
    <message>
        <source>患重病或重度残疾，未得到治疗、康复或照料</source>
        <translation>Seriously ill or severely disabled without treatment, rehabilitation or care</translation>
    </message>
    <message>
        <source>情况描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>情绪、与人交往，有无明显孤僻、焦虑或自伤迹象</source>
        <translation>Mood and social contact; signs of withdrawal, anxiety or self-harm</translation>
    </message>
    <message>
        <source>情绪低落、孤僻、与人交流少</source>
        <translation>Low mood, withdrawn, talks little with others</translation>
    </message>
    <message>
        <source>意外伤害</source>
        <translation>Accident</translation>
    </message>
    <message>
        <source>房屋、用电用火、燃气、防溺水等安全隐患</source>
        <translation>Hazards: house, electricity and fire, gas, drowning</translation>
    </message>
    <message>
        <source>批准文号</source>
        <translation>Approval reference</translation>
    </message>
    <message>
        <source>批量打印应访走访表</source>
        <translation>Print visit forms for all due visits</translation>
    </message>
    <message>
        <source>报告单位</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>报告记录</source>
        <translation>Report notification</translation>
    </message>
    <message>
        <source>报告跟进</source>
        <translation>Report follow-up</translation>
    </message>
    <message>
        <source>指派给</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>按村统计</source>
        <translation>By village</translation>
    </message>
    <message>
        <source>排查</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>排查人</source>
        <translation>Screened by</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Screening date</translation>
    </message>
    <message>
        <source>排查记录</source>
        <translation>Screening record</translation>
    </message>
    <message>
        <source>排查轮次</source>
        <translation>Screening round</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>散居孤儿</source>
        <translation>Orphan in family care</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>新发现</source>
        <translation>Newly found</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>无力</source>
        <translation>Unable</translation>
    </message>
    <message>
        <source>无有效监护人或照护人（无人照料）</source>
        <translation>No effective guardian or carer (no one looks after the child)</translation>
    </message>
    <message>
        <source>无照护能力</source>
        <translation>Unable to care</translation>
    </message>
    <message>
        <source>无联系</source>
        <translation>No contact</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>是否吃得饱、吃得好，有无挨饿</source>
        <translation>Eats enough and well; any hunger</translation>
    </message>
    <message>
        <source>是否按时上学，有无辍学或长期缺课风险</source>
        <translation>Goes to school on time; any risk of dropping out or long absence</translation>
    </message>
    <message>
        <source>未向公安报告</source>
        <translation>Not yet reported to the police</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>超时未向公安报告</source>
        <translation>Overdue: not reported to the police</translation>
    </message>
    <message>
        <source>跟进中</source>
        <translation>Following up</translation>
    </message>
    <message>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>（尚未报告）</source>
        <translation>(not reported yet)</translation>
    </message>
    <message>
        <source>CSV 文件格式错误：{0}</source>
        <translation>The CSV file is malformed: {0}</translation>
    </message>
    <message>
        <source>[intervals] 中的颜色“{0}”不存在（可用：{1}）</source>
        <translation>The colour &quot;{0}&quot; in [intervals] does not exist (available: {1})</translation>
    </message>
    <message>
        <source>[intervals] 必须是一个表（颜色 = 天数）</source>
        <translation>[intervals] must be a table (colour = days)</translation>
    </message>
    <message>
        <source>[policy] 必须是一个表</source>
        <translation>[policy] must be a table</translation>
    </message>
    <message>
        <source>[policy] 的 version 必须是正整数</source>
        <translation>The version in [policy] must be a positive whole number</translation>
    </message>
    <message>
        <source>{0} 不是有效日期（应为 2027-03-01）</source>
        <translation>{0} is not a valid date (write it as 2027-03-01)</translation>
    </message>
    <message>
        <source>{0} 的类型 kind「{1}」未知（应为 flag 或 number）</source>
        <translation>{0}: unknown kind &quot;{1}&quot; (should be flag or number)</translation>
    </message>
    <message>
        <source>{0} 的结束日期早于开始日期</source>
        <translation>{0}: the end date is before the start date</translation>
    </message>
    <message>
        <source>{0} 的走访间隔 {1} 天不在 1 到 {2} 天之间（一月一访）</source>
        <translation>{0}: a visit interval of {1} days is not between 1 and {2} days (one visit a month)</translation>
    </message>
    <message>
        <source>{0} 的走访间隔必须是整数天</source>
        <translation>{0}: the visit interval must be a whole number of days</translation>
    </message>
    <message>
        <source>{0} 缺少名称 name</source>
        <translation>{0} has no name</translation>
    </message>
    <message>
        <source>{0} 需要填写数字</source>
        <translation>{0} needs a number</translation>
    </message>
    <message>
        <source>{0}不在该保障的发放期内</source>
        <translation>{0} is outside this benefit&apos;s payment period</translation>
    </message>
    <message>
        <source>{0}不存在（如2月30日）</source>
        <translation>{0} does not exist (like 30 February)</translation>
    </message>
    <message>
        <source>{0}不是有效日期</source>
        <translation>{0} is not a valid date</translation>
    </message>
    <message>
        <source>{0}不是有效日期（应为 年-月-日）</source>
        <translation>{0} is not a valid date (year-month-day)</translation>
    </message>
    <message>
        <source>{0}不是有效日期（格式：2024-03-01）</source>
        <translation>{0} is not a valid date (format: 2024-03-01)</translation>
    </message>
    <message>
        <source>{0}不能包含数字</source>
        <translation>{0} cannot contain digits</translation>
    </message>
    <message>
        <source>{0}不能晚于今天</source>
        <translation>{0} cannot be later than today</translation>
    </message>
    <message>
        <source>{0}不能超过{1}个字</source>
        <translation>{0} cannot be longer than {1} characters</translation>
    </message>
    <message>
        <source>{0}区划代码应为{1}位数字</source>
        <translation>The {0} region code must be {1} digits</translation>
    </message>
    <message>
        <source>{0}应为“是”或“否”</source>
        <translation>{0} must be yes or no</translation>
    </message>
    <message>
        <source>{0}应为整数</source>
        <translation>{0} must be a whole number</translation>
    </message>
    <message>
        <source>{0}应为：{1}</source>
        <translation>{0} must be one of: {1}</translation>
    </message>
    <message>
        <source>{0}应在{1}到{2}之间</source>
        <translation>{0} must be between {1} and {2}</translation>
    </message>
    <message>
        <source>“{0}”不是有效的 Excel（.xlsx）文件，可能已损坏或扩展名不对</source>
        <translation>&quot;{0}&quot; is not a valid Excel (.xlsx) file; it may be damaged or have the wrong extension</translation>
    </message>
    <message>
        <source>“{0}”和“{1}”两列都对应到{2}，请只选一列</source>
        <translation>Columns &quot;{0}&quot; and &quot;{1}&quot; both map to {2}; choose only one</translation>
    </message>
    <message>
        <source>“{0}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 或 CSV 后再导入</source>
        <translation>&quot;{0}&quot; is an old Excel (.xls) file; use Save As .xlsx or CSV in Excel, then import it</translation>
    </message>
    <message>
        <source>不支持的文件类型“{0}”，请导入 .xlsx 或 .csv 文件</source>
        <translation>Unsupported file type &quot;{0}&quot;; import an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>不能删除正在使用的账号。请用另一个账号登录后再删除。</source>
        <translation>You cannot remove the account you are signed in with. Sign in with another account to remove it.</translation>
    </message>
    <message>
        <source>不能把档案与它自己合并</source>
        <translation>A file cannot be merged with itself</translation>
    </message>
    <message>
        <source>不能按“{0}”排序</source>
        <translation>Cannot sort by &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>不能更正这些项：{0}</source>
        <translation>These items cannot be corrected: {0}</translation>
    </message>
    <message>
        <source>两份档案的身份证号码不同，不能合并</source>
        <translation>The two files have different ID numbers and cannot be merged</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <source>个案不能从“{0}”改为“{1}”</source>
        <translation>A case cannot go from &quot;{0}&quot; to &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>个案已是“{0}”状态</source>
        <translation>The case is already &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>个案已结案，请先重新开启</source>
        <translation>The case is closed; reopen it first</translation>
    </message>
    <message>
        <source>保险期满日期不能早于生效日期</source>
        <translation>The insurance end date cannot be before its start date</translation>
    </message>
    <message>
        <source>保险类别应为：{0}</source>
        <translation>The insurance type must be one of: {0}</translation>
    </message>
    <message>
        <source>保障类别应为：{0}</source>
        <translation>The benefit type must be one of: {0}</translation>
    </message>
    <message>
        <source>修改儿童类别请在“儿童类别”中操作</source>
        <translation>Change categories on the Child categories tab</translation>
    </message>
    <message>
        <source>农村留守儿童须先在“家庭与监护”中登记外出务工的父亲或母亲</source>
        <translation>A left-behind child needs a father or mother recorded as working away on the Family and guardianship tab first</translation>
    </message>
    <message>
        <source>农村留守儿童须登记外出务工的父亲或母亲</source>
        <translation>A left-behind child needs a father or mother recorded as working away</translation>
    </message>
    <message>
        <source>出生日期“{0}”不存在</source>
        <translation>The birth date &quot;{0}&quot; does not exist</translation>
    </message>
    <message>
        <source>出生日期“{0}”无法识别，请写成 2014-03-05 的形式</source>
        <translation>The birth date &quot;{0}&quot; cannot be read; write it as 2014-03-05</translation>
    </message>
    <message>
        <source>列“{0}”和列“{1}”都对应“{2}”，请在对应步骤中只保留一列</source>
        <translation>Columns &quot;{0}&quot; and &quot;{1}&quot; both map to &quot;{2}&quot;; keep only one in the mapping step</translation>
    </message>
    <message>
        <source>列对应“{0}”中的字段“{1}”不认识；可用：{2}</source>
        <translation>Unknown field &quot;{1}&quot; in the column mapping &quot;{0}&quot;; available: {2}</translation>
    </message>
    <message>
        <source>列对应“{0}”应写成 表头=字段</source>
        <translation>Write the column mapping &quot;{0}&quot; as header=field</translation>
    </message>
    <message>
        <source>参与方应为：{0}</source>
        <translation>The party must be one of: {0}</translation>
    </message>
    <message>
        <source>发现时间不能晚于现在</source>
        <translation>The time found cannot be in the future</translation>
    </message>
    <message>
        <source>只有在册儿童可以转出</source>
        <translation>Only children on the register can be transferred</translation>
    </message>
    <message>
        <source>只能转到本县的村（社区）；迁出本县请选“迁出本县”</source>
        <translation>Only a village of this county can receive the child; for a move out of the county choose “Leaving the county”</translation>
    </message>
    <message>
        <source>密码不能只用姓名、登录名或村名加数字组成，请换一个别人猜不到的密码</source>
        <translation>A password must not be just a name, login name or village name plus digits; choose one others cannot guess</translation>
    </message>
    <message>
        <source>密码至少需要{0}位</source>
        <translation>A password needs at least {0} characters</translation>
    </message>
    <message>
        <source>已有同名排查：{0}</source>
        <translation>A screening with this name already exists: {0}</translation>
    </message>
    <message>
        <source>年满{0}周岁（{1}）</source>
        <translation>Turns {0} ({1})</translation>
    </message>
    <message>
        <source>情形应为：{0}</source>
        <translation>The situation must be one of: {0}</translation>
    </message>
    <message>
        <source>找不到村（居）列：需要“行政区划代码”或“所属村（居）”之一。请在列对应中指定</source>
        <translation>No village column: the file needs a region code or a village column; map one in the column mapping</translation>
    </message>
    <message>
        <source>找不到要更正的走访记录</source>
        <translation>The visit to correct was not found</translation>
    </message>
    <message>
        <source>找不到该个案：{0}</source>
        <translation>Case not found: {0}</translation>
    </message>
    <message>
        <source>找不到该保障记录</source>
        <translation>Benefit record not found</translation>
    </message>
    <message>
        <source>找不到该儿童</source>
        <translation>Child not found</translation>
    </message>
    <message>
        <source>找不到该儿童：{0}</source>
        <translation>Child not found: {0}</translation>
    </message>
    <message>
        <source>找不到该劝返复学任务</source>
        <translation>Return-to-school task not found</translation>
    </message>
    <message>
        <source>找不到该康复服务记录</source>
        <translation>Rehabilitation service record not found</translation>
    </message>
    <message>
        <source>找不到该强制报告：{0}</source>
        <translation>Mandatory report not found: {0}</translation>
    </message>
    <message>
        <source>找不到该排查轮次</source>
        <translation>Screening round not found</translation>
    </message>
    <message>
        <source>找不到该步骤</source>
        <translation>Step not found</translation>
    </message>
    <message>
        <source>找不到这些列：{0}。请在列对应中指定（--map &apos;表头=字段&apos;）</source>
        <translation>These columns were not found: {0}. Map them in the column mapping (--map &apos;header=field&apos;)</translation>
    </message>
    <message>
        <source>报告对象应为：{0}</source>
        <translation>Reported to must be one of: {0}</translation>
    </message>
    <message>
        <source>报告方式应为：{0}</source>
        <translation>The reporting method must be one of: {0}</translation>
    </message>
    <message>
        <source>报告时间不能晚于现在</source>
        <translation>The report time cannot be in the future</translation>
    </message>
    <message>
        <source>报告时间早于发现时间，请核对</source>
        <translation>The report time is before the time found; please check</translation>
    </message>
    <message>
        <source>接收村就是儿童现在所在的村，请选择另一个村</source>
        <translation>The receiving village is the child&apos;s current village; choose another village</translation>
    </message>
    <message>
        <source>接收村：{0}</source>
        <translation>Receiving village: {0}</translation>
    </message>
    <message>
        <source>政策中没有“{0}”在{1}的标准，请填写每月金额</source>
        <translation>The policy has no rate for &quot;{0}&quot; in {1}; fill in the monthly amount</translation>
    </message>
    <message>
        <source>文件“{0}”是空的</source>
        <translation>The file &quot;{0}&quot; is empty</translation>
    </message>
    <message>
        <source>文件“{0}”超过{1}MB，请按乡镇分开导入</source>
        <translation>The file &quot;{0}&quot; is larger than {1} MB; import it township by township</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>The file does not exist</translation>
    </message>
    <message>
        <source>文件中没有走访间隔、排查时间或报送期限</source>
        <translation>The file has no visit intervals, screening times or reporting deadlines</translation>
    </message>
    <message>
        <source>文件前几行都是空的，找不到表头</source>
        <translation>The first rows of the file are empty; no header row found</translation>
    </message>
    <message>
        <source>文件只有表头，没有学生数据</source>
        <translation>The file has a header row but no students</translation>
    </message>
    <message>
        <source>文件超过{0}行，请按乡镇分开导入</source>
        <translation>The file has more than {0} rows; import it township by township</translation>
    </message>
    <message>
        <source>无法识别“{0}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV</source>
        <translation>The text encoding of &quot;{0}&quot; is not recognised; save it as a UTF-8 or GBK CSV</translation>
    </message>
    <message>
        <source>无法识别的字段“{0}”（列“{1}”）</source>
        <translation>Unknown field &quot;{0}&quot; (column &quot;{1}&quot;)</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{0}”（{1}），文件可能已损坏</source>
        <translation>Cannot read the Excel file &quot;{0}&quot; ({1}); it may be damaged</translation>
    </message>
    <message>
        <source>无法读取（{0}）</source>
        <translation>Cannot read ({0})</translation>
    </message>
    <message>
        <source>更正走访记录必须说明更正原因</source>
        <translation>Say what was corrected and why</translation>
    </message>
    <message>
        <source>月份“{0}”格式不对，应为 2026-03</source>
        <translation>The month &quot;{0}&quot; is not valid; write it as 2026-03</translation>
    </message>
    <message>
        <source>服务类型应为：{0}</source>
        <translation>The service type must be one of: {0}</translation>
    </message>
    <message>
        <source>未知字段：{0}</source>
        <translation>Unknown fields: {0}</translation>
    </message>
    <message>
        <source>未知的个案状态“{0}”</source>
        <translation>Unknown case status &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>未知的儿童分组：{0}</source>
        <translation>Unknown child group: {0}</translation>
    </message>
    <message>
        <source>未知的检查项：{0}</source>
        <translation>Unknown checklist item: {0}</translation>
    </message>
    <message>
        <source>未知的步骤状态“{0}”</source>
        <translation>Unknown step state &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>未知的颜色：{0}</source>
        <translation>Unknown colour: {0}</translation>
    </message>
    <message>
        <source>格式错误，不是有效的 TOML（{0}）</source>
        <translation>Not valid TOML ({0})</translation>
    </message>
    <message>
        <source>检查项答案应为 {0}</source>
        <translation>A checklist answer must be {0}</translation>
    </message>
    <message>
        <source>每月金额不能为负数</source>
        <translation>The monthly amount cannot be negative</translation>
    </message>
    <message>
        <source>没有用户 {0}</source>
        <translation>There is no user {0}</translation>
    </message>
    <message>
        <source>父母情形符合事实无人抚养条件</source>
        <translation>the parents circumstances meet the de facto unsupported test</translation>
    </message>
    <message>
        <source>状态应为：{0}</source>
        <translation>The state must be one of: {0}</translation>
    </message>
    <message>
        <source>状态日期不能早于转介日期</source>
        <translation>The state date cannot be before the referral date</translation>
    </message>
    <message>
        <source>用户 {0} 已被删除</source>
        <translation>User {0} has been removed</translation>
    </message>
    <message>
        <source>用户 {0} 需要先登录一次，才能重新加密数据</source>
        <translation>User {0} must sign in once before the data can be re-encrypted</translation>
    </message>
    <message>
        <source>登录名不能有空格，最多{0}个字符</source>
        <translation>A login name has no spaces and at most {0} characters</translation>
    </message>
    <message>
        <source>类别已终止（{0}）</source>
        <translation>Category ended ({0})</translation>
    </message>
    <message>
        <source>类别：{0}</source>
        <translation>categories: {0}</translation>
    </message>
    <message>
        <source>紧急程度应为：{0}</source>
        <translation>The urgency must be one of: {0}</translation>
    </message>
    <message>
        <source>终止日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>结束报告前请填写处理结果</source>
        <translation>Fill in the outcome before closing the report</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>结束状态应为：{0}或{1}</source>
        <translation>The closing status must be {0} or {1}</translation>
    </message>
    <message>
        <source>结案前请填写结案小结</source>
        <translation>Fill in the closing summary before closing the case</translation>
    </message>
    <message>
        <source>缺少必需的列：{0}。文件表头为：{1}。请在“列对应”一步指定对应的列（命令行用 --map 列名=字段）</source>
        <translation>Required columns missing: {0}. The file&apos;s headers are: {1}. Map them in the column mapping step (on the command line: --map column=field)</translation>
    </message>
    <message>
        <source>联系电话格式不正确（手机11位，或区号-号码）</source>
        <translation>The phone number is not valid (11-digit mobile, or area code-number)</translation>
    </message>
    <message>
        <source>记录内容不能为空</source>
        <translation>The note cannot be empty</translation>
    </message>
    <message>
        <source>评估日期不能晚于今天</source>
        <translation>The assessment date cannot be later than today</translation>
    </message>
    <message>
        <source>该报告已结束，不能再添加跟进；如有新情况请新建报告</source>
        <translation>This report is closed and takes no more follow-ups; file a new report for anything new</translation>
    </message>
    <message>
        <source>该排查已经结束</source>
        <translation>This screening has ended</translation>
    </message>
    <message>
        <source>该排查已结束，不能再登记</source>
        <translation>This screening has ended; nothing more can be recorded</translation>
    </message>
    <message>
        <source>该身份证号码已登记：{0}</source>
        <translation>This ID number is already registered: {0}</translation>
    </message>
    <message>
        <source>请填写{0}</source>
        <translation>Fill in {0}</translation>
    </message>
    <message>
        <source>请填写个案名称</source>
        <translation>Fill in the case title</translation>
    </message>
    <message>
        <source>请填写发现时间</source>
        <translation>Fill in the time found</translation>
    </message>
    <message>
        <source>请填写报告时间</source>
        <translation>Fill in the report time</translation>
    </message>
    <message>
        <source>请填写排查名称，如“2026年上半年排查”</source>
        <translation>Fill in the screening name, e.g. &quot;2026 first-half screening&quot;</translation>
    </message>
    <message>
        <source>请填写未能排查的原因</source>
        <translation>Fill in why the child could not be screened</translation>
    </message>
    <message>
        <source>请填写步骤内容</source>
        <translation>Fill in the step</translation>
    </message>
    <message>
        <source>请填写登录名</source>
        <translation>Enter a login name</translation>
    </message>
    <message>
        <source>请填写终止原因</source>
        <translation>Fill in the reason for ending</translation>
    </message>
    <message>
        <source>请填写结果（例如复学的学校和日期）</source>
        <translation>Fill in the outcome (e.g. the school and date of return)</translation>
    </message>
    <message>
        <source>请填写身份证号码</source>
        <translation>Fill in the ID number</translation>
    </message>
    <message>
        <source>请填写转出原因，如：随祖父母迁居</source>
        <translation>Please give the reason, e.g. moved with the grandparents</translation>
    </message>
    <message>
        <source>请填写采取的行动</source>
        <translation>Fill in the action taken</translation>
    </message>
    <message>
        <source>请简要写明发现的情况</source>
        <translation>Briefly describe what was found</translation>
    </message>
    <message>
        <source>请至少选择一个儿童类别</source>
        <translation>Choose at least one child category</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <source>读写文件失败{0}：{1}。已经保存的资料没有受到影响；请检查U盘或磁盘后再试。</source>
        <translation>Reading or writing the file failed{0}: {1}. Saved records are not affected; check the USB stick or disk and try again.</translation>
    </message>
    <message>
        <source>读取 Excel 文件“{0}”时出错（{1}），文件可能已损坏</source>
        <translation>Error reading the Excel file &quot;{0}&quot; ({1}); it may be damaged</translation>
    </message>
    <message>
        <source>走访方式应为 {0}</source>
        <translation>The way of contact must be {0}</translation>
    </message>
    <message>
        <source>身份证号{0}与第{1}行重复</source>
        <translation>ID number {0} repeats row {1}</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期不存在</source>
        <translation>The birth date in the ID number does not exist</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期晚于今天</source>
        <translation>The birth date in the ID number is later than today</translation>
    </message>
    <message>
        <source>身份证号码前两位不是省级行政区划代码</source>
        <translation>The first two digits of the ID number are not a province code</translation>
    </message>
    <message>
        <source>身份证号码只能由数字和末位的X组成</source>
        <translation>An ID number has only digits and a final X</translation>
    </message>
    <message>
        <source>身份证号码应为18位，现为{0}位</source>
        <translation>An ID number has 18 characters; this one has {0}</translation>
    </message>
    <message>
        <source>身份证号码校验位错误，请核对最后一位</source>
        <translation>The ID number&apos;s check digit is wrong; check the last character</translation>
    </message>
    <message>
        <source>还有 {0} 名儿童未排查且未说明原因（{1}），不能结束本轮排查</source>
        <translation>{0} children are neither screened nor explained ({1}); the round cannot be closed</translation>
    </message>
    <message>
        <source>这个密码太常见，很容易被猜到，请换一个</source>
        <translation>This password is too common and easy to guess; choose another</translation>
    </message>
    <message>
        <source>这个恢复文件已经用过了，每个恢复文件只能用一次。如需再次恢复，请向县民政局重新申请。</source>
        <translation>This recovery file has already been used; each file works once. Ask the county civil affairs bureau for a new one.</translation>
    </message>
    <message>
        <source>这个恢复文件已经用过，或者不是为这台电脑的数据开具的。请向县民政局重新申请。</source>
        <translation>This recovery file has been used already or was not issued for this computer&apos;s data. Ask the county civil affairs bureau for a new one.</translation>
    </message>
    <message>
        <source>这个恢复文件已经用过，或者早于本机最近一次恢复。请向县民政局重新申请。</source>
        <translation>This recovery file has been used already or is older than this computer&apos;s last recovery. Ask the county civil affairs bureau for a new one.</translation>
    </message>
    <message>
        <source>这个恢复文件是为另一台电脑（设备 {0}）开具的，不能用于本机（设备 {1}）。请向县民政局核对设备编号后重新申请。</source>
        <translation>This recovery file was issued for another computer (device {0}), not this one (device {1}). Check the device number with the county civil affairs bureau and ask for a new file.</translation>
    </message>
    <message>
        <source>这台电脑上已经有用户 {0}</source>
        <translation>This computer already has a user {0}</translation>
    </message>
    <message>
        <source>这台电脑的数据还没有设置县级密码恢复（登记到县级服务器时自动设置）。请联系县民政局，按用户手册第6节处理。</source>
        <translation>County password recovery is not set up for this computer&apos;s data yet (it is set up when the computer is enrolled with the county server). Contact the county civil affairs bureau and follow section 6 of the user guide.</translation>
    </message>
    <message>
        <source>重新开启个案需要说明原因</source>
        <translation>Say why the case is reopened</translation>
    </message>
    <message>
        <source>需求登记为“应保未保”</source>
        <translation>a need is recorded as eligible, not covered</translation>
    </message>
    <message>
        <source>需要重新评估应为“是”或“否”（true / false）</source>
        <translation>Needs reassessment must be yes or no (true / false)</translation>
    </message>
    <message>
        <source>颜色 {0} 风险更高，走访间隔（{1} 天）却比 {2}（{3} 天）更长</source>
        <translation>Colour {0} is riskier but its visit interval ({1} days) is longer than {2}&apos;s ({3} days)</translation>
    </message>
    <message>
        <source>曾发生意外伤害或面临溺水、交通等危险</source>
        <translation>Accidental injury before, or exposed to drowning, traffic or other dangers</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>月度走访台账</source>
        <translation>Monthly visit ledger</translation>
    </message>
    <message>
        <source>月标准</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <source>有严重心理困扰迹象（自伤、自杀念头、长期抑郁）</source>
        <translation>Signs of serious distress (self-harm, suicidal thoughts, long depression)</translation>
    </message>
    <message>
        <source>有无生病、受伤、按时就医服药、康复情况</source>
        <translation>Illness or injury; sees a doctor and takes medicine; rehabilitation</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>服刑在押</source>
        <translation>In prison</translation>
    </message>
    <message>
        <source>服务机构</source>
        <translation>Service provider</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>未了解</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>未排查原因</source>
        <translation>Reason not screened</translation>
    </message>
    <message>
        <source>未接受的修改</source>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>机构供养孤儿</source>
        <translation>Orphan in an institution</translation>
    </message>
    <message>
        <source>村(居)委会</source>
        <translation>Village committee</translation>
    </message>
    <message>
        <source>村(社区)区划代码</source>
        <translation>Village region code</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>检察</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <source>检察院</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>每季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>每年</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>比对导入</source>
        <translation>Roll import</translation>
    </message>
    <message>
        <source>民政</source>
        <translation>Civil affairs</translation>
    </message>
    <message>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>派出所</source>
        <translation>Police station</translation>
    </message>
    <message>
        <source>流浪乞讨</source>
        <translation>Vagrant or begging</translation>
    </message>
    <message>
        <source>照护人在家且有照护能力</source>
        <translation>Carer at home and able to care</translation>
    </message>
    <message>
        <source>照护人年满70岁或患病、残疾，照护能力弱</source>
        <translation>Carer aged 70 or over, ill or disabled; weak capacity to care</translation>
    </message>
    <message>
        <source>照护人是否在家、身体状况、能否照顾好孩子</source>
        <translation>Is the carer at home, in good health, able to look after the child</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>父母均外出，三个月以上无联系</source>
        <translation>Both parents away, no contact for over three months</translation>
    </message>
    <message>
        <source>父母服刑在押、强制隔离戒毒、失联或有严重不良嗜好</source>
        <translation>Parent imprisoned, in compulsory drug rehabilitation, out of contact or with serious bad habits</translation>
    </message>
    <message>
        <source>父母未回家探望的月数</source>
        <translation>Months since the parents last came home</translation>
    </message>
    <message>
        <source>特困儿童</source>
        <translation>Child in extreme poverty</translation>
    </message>
    <message>
        <source>特殊情况起始时间</source>
        <translation>Circumstance since</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>生活</source>
        <translation>Daily life</translation>
    </message>
    <message>
        <source>生理风险</source>
        <translation>Physical risk</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <source>留守</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <source>留守儿童未签订委托照护协议</source>
        <translation>Left-behind child without an entrusted-care agreement</translation>
    </message>
    <message>
        <source>疑似受到侵害</source>
        <translation>Suspected harm</translation>
    </message>
    <message>
        <source>疑似遭受虐待、遗弃、性侵害或严重忽视</source>
        <translation>Suspected abuse, abandonment, sexual assault or serious neglect</translation>
    </message>
    <message>
        <source>疑似重复档案</source>
        <translation>Possible duplicate files</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>登记学校</source>
        <translation>Recorded school</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>监护</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>监护风险</source>
        <translation>Guardianship risk</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>社区矫正</source>
        <translation>Community correction</translation>
    </message>
    <message>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <source>祖母</source>
        <translation>Grandmother</translation>
    </message>
    <message>
        <source>祖父</source>
        <translation>Grandfather</translation>
    </message>
    <message>
        <source>类别无误</source>
        <translation>Category correct</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>精神</source>
        <translation>Mental</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>结交不良人员、沉迷网络或有不良行为</source>
        <translation>Bad company, internet addiction or misbehaviour</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>结案小结</source>
        <translation>Closing summary</translation>
    </message>
    <message>
        <source>缴费方</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>缺失</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>网络平台</source>
        <translation>Online platform</translation>
    </message>
    <message>
        <source>肢体</source>
        <translation>Physical</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>营养不良或生长发育明显迟缓</source>
        <translation>Malnourished or clearly delayed growth</translation>
    </message>
    <message>
        <source>行为风险</source>
        <translation>Behavioural risk</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>衣物是否干净、保暖、合季节</source>
        <translation>Clothes clean, warm and right for the season</translation>
    </message>
    <message>
        <source>衣着</source>
        <translation>Clothing</translation>
    </message>
    <message>
        <source>衣食、卫生条件较差</source>
        <translation>Poor food, clothing or hygiene</translation>
    </message>
    <message>
        <source>补充医疗</source>
        <translation>Supplementary medical</translation>
    </message>
    <message>
        <source>被撤销监护资格</source>
        <translation>Guardianship revoked</translation>
    </message>
    <message>
        <source>被遣送出境</source>
        <translation>Deported</translation>
    </message>
    <message>
        <source>视力</source>
        <translation>Visual</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>言语</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>Written at</translation>
    </message>
    <message>
        <source>评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <source>评估依据</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>评估标准与走访频次…</source>
        <translation>Assessment standard and visit frequency…</translation>
    </message>
    <message>
        <source>评估标准版本</source>
        <translation>Standard version</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>请填写在场人员（见到了谁）</source>
        <translation>Fill in who was present (whom you saw)</translation>
    </message>
    <message>
        <source>请填写走访日期</source>
        <translation>Fill in the visit date</translation>
    </message>
    <message>
        <source>请选择走访方式</source>
        <translation>Choose the visit type</translation>
    </message>
    <message>
        <source>调整理由</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>走访日期不是有效日期（应为 年-月-日）</source>
        <translation>The visit date is not a valid date (year-month-day)</translation>
    </message>
    <message>
        <source>走访日期不能晚于今天</source>
        <translation>The visit date cannot be later than today</translation>
    </message>
    <message>
        <source>走访记录表</source>
        <translation>Visit record form</translation>
    </message>
    <message>
        <source>跟进事项的完成日期不能早于走访日期</source>
        <translation>A follow-up cannot be due before the visit date</translation>
    </message>
    <message>
        <source>身体健康</source>
        <translation>Physical health</translation>
    </message>
    <message>
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>较差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>较弱</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>较急</source>
        <translation>Fairly urgent</translation>
    </message>
    <message>
        <source>辍学或长期缺课（义务教育阶段）</source>
        <translation>Dropped out or long absent (compulsory education)</translation>
    </message>
    <message>
        <source>近一个月与父母联系</source>
        <translation>Contact with parents in the last month</translation>
    </message>
    <message>
        <source>近一个月是否与父母通话、视频或见面</source>
        <translation>Phone or video calls or meetings with parents in the last month</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>重残</source>
        <translation>Severe disability</translation>
    </message>
    <message>
        <source>重残儿童</source>
        <translation>Child with a severe disability</translation>
    </message>
    <message>
        <source>重病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <source>重病儿童</source>
        <translation>Seriously ill child</translation>
    </message>
    <message>
        <source>重病重残儿童</source>
        <translation>Seriously ill or disabled child</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>长期无法联系</source>
        <translation>Unreachable for a long time</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>隔代照料</source>
        <translation>Cared for by grandparents</translation>
    </message>
    <message>
        <source>需要重新评估</source>
        <translation>Needs reassessment</translation>
    </message>
    <message>
        <source>非农业</source>
        <translation>Non-agricultural</translation>
    </message>
    <message>
        <source>面临其他危险</source>
        <translation>Other danger</translation>
    </message>
    <message>
        <source>风险因素</source>
        <translation>Risk factors</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk colour</translation>
    </message>
    <message>
        <source>饮食</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>高中</source>
        <translation>Senior high school</translation>
    </message>
    <message>
        <source>高风险，立即介入</source>
        <translation>High risk, intervene at once</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>评估标准文件有误</source>
        <translation>The assessment standard file contains errors</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>走访方式</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>在场人员</source>
        <translation>People present</translation>
    </message>
    <message>
        <source>智力</source>
        <translation>Intellectual</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Reason for correction</translation>
    </message>
    <message>
        <source>更正的原记录</source>
        <translation>Corrected record</translation>
    </message>
    <message>
        <source>现居住地</source>
        <translation>Current residence</translation>
    </message>
    <message>
        <source>与谁同住</source>
        <translation>Lives with</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>发现地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>发现的情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>已报告至</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>报告时间</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <source>报告方式</source>
        <translation>How reported</translation>
    </message>
    <message>
        <source>接报人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>接报编号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>新建强制报告</source>
        <translation>New mandatory report</translation>
    </message>
    <message>
        <source>发现儿童受到侵害、疑似受到侵害或面临其他危险时，应当立即向公安、民政、教育等部门报告。保存后该儿童自动标为红色，报告在下次同步时优先上报县民政局。报告人身份予以保密。</source>
        <translation>When a child is harmed, suspected to be harmed or in other danger, report it at once to the police, civil affairs, education or other authorities. Once saved, the child is marked red and the report goes to the county civil affairs bureau first at the next sync. The reporter&apos;s identity is kept confidential.</translation>
    </message>
    <message>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>已提供或已联系的帮助</source>
        <translation>Help given or arranged</translation>
    </message>
    <message>
        <source>（更正于 {d}）</source>
        <translation>(corrected on {d})</translation>
    </message>
    <message>
        <source>各县自行规定各颜色的走访频次。</source>
        <translation>Each county sets the visit frequency for each colour.</translation>
    </message>
    <message>
        <source>30天是“一月一访”的底线；红色、黄色的间隔是本软件的默认值，不是省里公布的标准，以县民政局规定为准。县里的标准可通过同步下发。</source>
        <translation>30 days is the “monthly visit” minimum; the red and yellow intervals are this software&apos;s defaults, not a standard published by the province — the county civil affairs bureau&apos;s rules take precedence. The county&apos;s standard can be delivered by sync.</translation>
    </message>
    <message>
        <source>在后台继续</source>
        <translation>Continue in background</translation>
    </message>
    <message>
        <source>正在连接县级服务器…</source>
        <translation>Connecting to the county server…</translation>
    </message>
    <message>
        <source>出现意外问题，详情已记录在日志中</source>
        <translation>Something unexpected happened; the details were written to the log</translation>
    </message>
    <message>
        <source>同步中 {d}/{t}</source>
        <translation>Syncing {d}/{t}</translation>
    </message>
    <message>
        <source>同步完成：上传 {p} 条，下载 {d} 条</source>
        <translation>Sync finished: {p} changes uploaded, {d} downloaded</translation>
    </message>
    <message>
        <source>，{c} 处冲突待确认（见“冲突”页）</source>
        <translation>; {c} conflicts to review (see the “Conflicts” page)</translation>
    </message>
    <message>
        <source>同步未完成：</source>
        <translation>Sync not finished: </translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>本机已用登记文件登记，通过U盘同步：同步 → 导出同步文件…，交县民政局导入后，再用“导入同步文件…”导入县里的回复。
如需网络同步，请用“登记本设备…”输入县民政局提供的登记码。</source>
        <translation>This laptop was enrolled with an enrolment file and syncs by USB stick: Sync → Export sync file…, have the county civil affairs bureau import it, then import the county&apos;s answer with “Import sync file…”.
To sync over the network, use “Enrol this device…” with the code the county civil affairs bureau gives you.</translation>
    </message>
    <message>
        <source>上传本机的修改，下载县里发来的更新（在后台进行）</source>
        <translation>Upload this computer&apos;s changes and download the county&apos;s updates (runs in the background)</translation>
    </message>
    <message>
        <source>登记本设备…</source>
        <translation>Enrol this device…</translation>
    </message>
    <message>
        <source>输入县级服务器地址和登记码，把本机登记为同步设备</source>
        <translation>Enter the county server address and enrolment code to enrol this computer for sync</translation>
    </message>
    <message>
        <source>出现了一个意外问题</source>
        <translation>Something unexpected happened</translation>
    </message>
    <message>
        <source>童护遇到了一个意外问题，刚才的操作可能没有完成。
已经保存的数据不受影响，您可以继续使用。
如果问题反复出现，请点“复制详情”，把内容发给县民政局的技术人员。</source>
        <translation>Tonghu ran into an unexpected problem; what you just did may not have finished.
Data already saved is not affected, and you can carry on working.
If this keeps happening, click “Copy details” and send them to the technical staff of the county civil affairs bureau.</translation>
    </message>
    <message>
        <source>详情已记录在：{path}</source>
        <translation>The details were written to: {path}</translation>
    </message>
    <message>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not finish</translation>
    </message>
    <message>
        <source>已生成{t}，共 {n} 页</source>
        <translation>{t} generated, {n} pages</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>正在生成打印文件…</source>
        <translation>Generating the printout…</translation>
    </message>
    <message>
        <source>还没有在册儿童。</source>
        <translation>No children on the register yet.</translation>
    </message>
    <message>
        <source>儿童信息登记表…</source>
        <translation>Child registration form…</translation>
    </message>
    <message>
        <source>打印儿童信息登记表</source>
        <translation>Print a child&apos;s registration form</translation>
    </message>
    <message>
        <source>走访记录表（单个儿童）…</source>
        <translation>Visit record form (one child)…</translation>
    </message>
    <message>
        <source>打印走访记录表</source>
        <translation>Print a visit record form</translation>
    </message>
    <message>
        <source>批量打印应访走访表…</source>
        <translation>Print forms for due visits…</translation>
    </message>
    <message>
        <source>批量打印走访记录表</source>
        <translation>Print visit record forms in bulk</translation>
    </message>
    <message>
        <source>月度走访台账…</source>
        <translation>Monthly visit ledger…</translation>
    </message>
    <message>
        <source>打印月度走访台账</source>
        <translation>Print the monthly visit ledger</translation>
    </message>
    <message>
        <source>一年两排排查汇总…</source>
        <translation>Twice-yearly screening summary…</translation>
    </message>
    <message>
        <source>打印排查汇总</source>
        <translation>Print the screening summary</translation>
    </message>
    <message>
        <source>还没有排查轮次。</source>
        <translation>No screening rounds yet.</translation>
    </message>
    <message>
        <source>强制报告登记表…</source>
        <translation>Mandatory report form…</translation>
    </message>
    <message>
        <source>打印强制报告登记表</source>
        <translation>Print a mandatory report form</translation>
    </message>
    <message>
        <source>还没有强制报告记录。</source>
        <translation>No mandatory reports recorded yet.</translation>
    </message>
    <message>
        <source>个案服务计划表…</source>
        <translation>Case service plan…</translation>
    </message>
    <message>
        <source>打印个案服务计划表</source>
        <translation>Print a case service plan</translation>
    </message>
    <message>
        <source>还没有个案记录。</source>
        <translation>No cases recorded yet.</translation>
    </message>
    <message>
        <source>18位居民身份证号码</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <source>由身份证号自动得出</source>
        <translation>Read from the ID number</translation>
    </message>
    <message>
        <source>如：3组</source>
        <translation>e.g. Group 3</translation>
    </message>
    <message>
        <source>如：浙江省宁波市</source>
        <translation>e.g. Ningbo, Zhejiang</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>把本机的资料备份到U盘，或从备份恢复</source>
        <translation>Back up this laptop&apos;s data to a USB stick, or restore from a backup</translation>
    </message>
    <message>
        <source>这台电脑上的资料还从来没有备份过。请插上U盘，点“文件 → 备份与恢复…”做一次备份。</source>
        <translation>The data on this laptop has never been backed up. Plug in a USB stick and use File → Backup and restore… to make a backup.</translation>
    </message>
    <message>
        <source>距离上次备份已经{d}天了。请插上U盘，点“文件 → 备份与恢复…”再做一次备份。</source>
        <translation>The last backup was {d} days ago. Plug in a USB stick and use File → Backup and restore… to make another one.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>如：wangfang（字母或数字）</source>
        <translation>e.g. wangfang (letters or digits)</translation>
    </message>
    <message>
        <source>儿童主任</source>
        <translation>Child director</translation>
    </message>
    <message>
        <source>副主任</source>
        <translation>Deputy director</translation>
    </message>
    <message>
        <source>乡镇督导员</source>
        <translation>Township supervisor</translation>
    </message>
    <message>
        <source>由新用户本人输入，至少8位</source>
        <translation>Typed by the new user, at least 8 characters</translation>
    </message>
    <message>
        <source>确认是您本人在操作</source>
        <translation>Confirms it is you</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>新用户的密码</source>
        <translation>New user&apos;s password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>您的密码（{u}）</source>
        <translation>Your password ({u})</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>您的密码不对</source>
        <translation>Your password is not right</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>童护</source>
        <translation>Tonghu</translation>
    </message>
    <message>
        <source>找不到或无法读取密钥文件 {k}。
数据文件和它旁边的 .keys 文件必须放在一起。
（{e}）</source>
        <translation>The key file {k} is missing or unreadable.
The data file and the .keys file beside it must be kept together.
({e})</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>分级分色评估 — {n}</source>
        <translation>Colour risk assessment — {n}</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>严重程度：{s}；风险维度：{d}</source>
        <translation>Severity: {s}; risk dimension: {d}</translation>
    </message>
    <message>
        <source>当前颜色：</source>
        <translation>Current colour:</translation>
    </message>
    <message>
        <source>建议颜色：</source>
        <translation>Suggested colour:</translation>
    </message>
    <message>
        <source>依据（发现的风险因素）：</source>
        <translation>Grounds (risk factors found):</translation>
    </message>
    <message>
        <source>{c}{d}天</source>
        <translation>{c}: {d} days</translation>
    </message>
    <message>
        <source>走访间隔：{i}。30天为“一月一访”底线；红、黄的间隔是本软件默认值，以县民政局规定为准。</source>
        <translation>Visit intervals: {i}. 30 days is the “monthly visit” minimum; the red and yellow intervals are this software&apos;s defaults — the county civil affairs bureau&apos;s rules take precedence.</translation>
    </message>
    <message>
        <source>评估日期：</source>
        <translation>Assessment date:</translation>
    </message>
    <message>
        <source>按建议</source>
        <translation>As suggested</translation>
    </message>
    <message>
        <source>确定颜色：</source>
        <translation>Colour decided:</translation>
    </message>
    <message>
        <source>与建议颜色不同时必须填写理由</source>
        <translation>A reason is required when it differs from the suggested colour</translation>
    </message>
    <message>
        <source>改色理由：</source>
        <translation>Reason for a different colour:</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <source>保存评估</source>
        <translation>Save assessment</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>勾选走访和了解中发现的风险因素，系统按评估标准给出建议颜色并说明依据；如需选择其他颜色，必须写明理由。</source>
        <translation>Tick the risk factors found during visits and enquiries; the system suggests a colour from the assessment standard and shows the grounds. To choose another colour, you must write down the reason.</translation>
    </message>
    <message>
        <source>已按档案中的监护情况预先勾选：{f}（请核实）</source>
        <translation>Ticked from the guardianship facts in the file: {f} (please check)</translation>
    </message>
    <message>
        <source>规则：{r}</source>
        <translation>Rule: {r}</translation>
    </message>
    <message>
        <source>未发现风险因素，建议为{c}色</source>
        <translation>No risk factors found; suggested colour: {c}</translation>
    </message>
    <message>
        <source>{d}：{n}项</source>
        <translation>{d}: {n}</translation>
    </message>
    <message>
        <source>{d}：无</source>
        <translation>{d}: none</translation>
    </message>
    <message>
        <source>按风险维度：</source>
        <translation>By risk dimension: </translation>
    </message>
    <message>
        <source>建议为{s}色，改为{c}色：请写明理由（必填）</source>
        <translation>Suggested {s}, changed to {c}: please write down the reason (required)</translation>
    </message>
    <message>
        <source>{l}：{v}{u}（{s}）</source>
        <translation>{l}: {v} {u} ({s})</translation>
    </message>
    <message>
        <source>{l}（{s}）</source>
        <translation>{l} ({s})</translation>
    </message>
    <message>
        <source>评估已保存：{c}色</source>
        <translation>Assessment saved: {c}</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>当前颜色：</source>
        <translation>Current colour:</translation>
    </message>
    <message>
        <source>新的评估…</source>
        <translation>New assessment…</translation>
    </message>
    <message>
        <source>颜色变化（按评估时间）：</source>
        <translation>Colour changes (by assessment date):</translation>
    </message>
    <message>
        <source>历次评估（最新在上）：</source>
        <translation>Assessments (newest first):</translation>
    </message>
    <message>
        <source>从未走访，尚无走访计划</source>
        <translation>Never visited; no visit planned yet</translation>
    </message>
    <message>
        <source>下次走访：{d}</source>
        <translation>Next visit: {d}</translation>
    </message>
    <message>
        <source>（已逾期 {n} 天）</source>
        <translation>({n} days overdue)</translation>
    </message>
    <message>
        <source>依据：</source>
        <translation>Grounds:</translation>
    </message>
    <message>
        <source>依据：未发现风险因素</source>
        <translation>Grounds: no risk factors found</translation>
    </message>
    <message>
        <source>建议为{s}色，改为{c}色，理由：{r}</source>
        <translation>Suggested {s}, changed to {c}; reason: {r}</translation>
    </message>
    <message>
        <source>（由强制报告触发）</source>
        <translation>(triggered by a mandatory report)</translation>
    </message>
    <message>
        <source>尚未评估。点“新的评估…”开始分级分色评估。</source>
        <translation>Not assessed yet. Click “New assessment…” to start a colour risk assessment.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>新建{t}记录</source>
        <translation>Created: {t}</translation>
    </message>
    <message>
        <source>删除{t}记录</source>
        <translation>Deleted: {t}</translation>
    </message>
    <message>
        <source>{t}：{f} 由“{a}”改为“{b}”</source>
        <translation>{t}: {f} changed from &quot;{a}&quot; to &quot;{b}&quot;</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>合并疑似重复档案：{n}的档案并入本档案；采用其{taken}；移入{m}条记录，合并重复记录{f}条</source>
        <translation>Merged a suspected duplicate: the file of {n} was merged into this one; took its {taken}; moved {m} records, folded {f} duplicate records</translation>
    </message>
    <message>
        <source>查看{t}</source>
        <translation>Viewed {t}</translation>
    </message>
    <message>
        <source>打印{t}</source>
        <translation>Printed {t}</translation>
    </message>
    <message>
        <source>导出{t}</source>
        <translation>Exported {t}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>选择U盘或一个文件夹</source>
        <translation>Choose a USB stick or a folder</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>保留最近</source>
        <translation>Keep the newest</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>备份文件是加密的，只有知道密码的人才能用它恢复。请把U盘放在安全的地方。</source>
        <translation>Backup files are encrypted: only someone who knows the password can restore from them. Keep the USB stick in a safe place.</translation>
    </message>
    <message>
        <source>选择一个备份文件（.tonghu-backup）</source>
        <translation>Choose a backup file (.tonghu-backup)</translation>
    </message>
    <message>
        <source>做备份时的密码</source>
        <translation>The password at the time of the backup</translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>恢复不会覆盖现在的数据：备份会恢复成旁边的一个新数据文件，重新启动童护后改用它。下次同步时，备份之后在县里的修改会自动取回。</source>
        <translation>Restoring never overwrites the current data: the backup becomes a new data file beside it, used after Tonghu restarts. At the next sync, the changes the county received after the backup come back automatically.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>这台电脑上的资料还没有备份过。</source>
        <translation>The data on this laptop has not been backed up yet.</translation>
    </message>
    <message>
        <source>今天已经备份过。</source>
        <translation>Backed up today.</translation>
    </message>
    <message>
        <source>上次备份在{d}天前。</source>
        <translation>Last backup: {d} days ago.</translation>
    </message>
    <message>
        <source>选择备份位置</source>
        <translation>Choose where to back up</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>童护备份 (*.tonghu-backup)</source>
        <translation>Tonghu backups (*.tonghu-backup)</translation>
    </message>
    <message>
        <source>密码错误：请输入做这份备份时使用的密码。</source>
        <translation>Wrong password: enter the password in use when this backup was made.</translation>
    </message>
    <message>
        <source>这份备份里有多个用户，请用命令行 tonghu restore --user 指定。</source>
        <translation>This backup has several users; name one with the command tonghu restore --user.</translation>
    </message>
    <message>
        <source>出现意外问题，详情已记录在日志中。</source>
        <translation>Something unexpected happened; the details are in the log.</translation>
    </message>
    <message>
        <source>请先选择一个存在的文件夹或插好的U盘。</source>
        <translation>First choose an existing folder or a plugged-in USB stick.</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {p}（保留最近 {k} 份）。</source>
        <translation>Backed up to {p} (the newest {k} are kept).</translation>
    </message>
    <message>
        <source>请先选择一个备份文件。</source>
        <translation>First choose a backup file.</translation>
    </message>
    <message>
        <source>请输入做备份时的密码。</source>
        <translation>Enter the password in use when the backup was made.</translation>
    </message>
    <message>
        <source>把 {t} 的备份恢复成新的数据文件：
{p}

现在的数据文件不会被改动。恢复后请重新启动童护，将改用恢复的数据。继续吗？</source>
        <translation>Restore the backup of {t} as a new data file:
{p}

The current data file is not changed. After the restore, restart Tonghu to use the restored data. Continue?</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>已恢复到 {p}。请关闭童护再重新打开：将改用恢复的数据，原来的数据文件改名保留在旁边。恢复后第一次同步时，县里会把备份之后的修改发回本机。</source>
        <translation>Restored to {p}. Close Tonghu and open it again: it will use the restored data, and the previous data file is kept beside it under another name. At the first sync after the restore, the county sends back the changes made after the backup.</translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <source>（据身份证号）</source>
        <translation> (from ID number)</translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
</context>
<context>
    <name>BenefitsTab</name>
    <message>
        <source>保障类别</source>
        <translation>Benefit type</translation>
    </message>
    <message>
        <source>每月(元)</source>
        <translation>Monthly (yuan)</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>End</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>批准文号</source>
        <translation>Approval reference</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>保险</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>保险公司</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>期满</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>康复服务</source>
        <translation>Rehabilitation services</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>保障待遇</source>
        <translation>Benefit entitlements</translation>
    </message>
    <message>
        <source>新增保障</source>
        <translation>Add benefit</translation>
    </message>
    <message>
        <source>登记发放</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>终止保障</source>
        <translation>End benefit</translation>
    </message>
    <message>
        <source>发放记录</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>登记保险</source>
        <translation>Record insurance</translation>
    </message>
    <message>
        <source>残疾儿童康复服务</source>
        <translation>Rehabilitation services for disabled children</translation>
    </message>
    <message>
        <source>新增转介</source>
        <translation>Add referral</translation>
    </message>
    <message>
        <source>更新状态</source>
        <translation>Update status</translation>
    </message>
    <message>
        <source>应保未保：{r}</source>
        <translation>Eligible but not covered: {r}</translation>
    </message>
    <message>
        <source>{k}应于 {d} 终止（{r}）</source>
        <translation>{k} should end on {d} ({r})</translation>
    </message>
    <message>
        <source>保障情况正常。</source>
        <translation>Benefits are in order.</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>每月金额(元)</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
    <message>
        <source>留空按政策标准</source>
        <translation>Leave empty for the policy standard</translation>
    </message>
    <message>
        <source>发放账户</source>
        <translation>Payment account</translation>
    </message>
    <message>
        <source>请先新增保障</source>
        <translation>Please add a benefit first</translation>
    </message>
    <message>
        <source>留空按当月标准</source>
        <translation>Leave empty for the standard of that month</translation>
    </message>
    <message>
        <source>请先在表中选择要终止的保障</source>
        <translation>Please select the benefit to end in the table first</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>期满日期</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>出资方</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>康复机构</source>
        <translation>Rehabilitation institution</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>新增康复服务转介</source>
        <translation>New rehabilitation referral</translation>
    </message>
    <message>
        <source>请先在表中选择一项康复服务</source>
        <translation>Please select a rehabilitation service in the table first</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>更新康复服务状态</source>
        <translation>Update rehabilitation service status</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>个案</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>开案</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>负责方</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>参与方</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>姓名/单位</source>
        <translation>Name / organisation</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>新建个案</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>添加步骤</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>步骤完成/取消</source>
        <translation>Complete / cancel step</translation>
    </message>
    <message>
        <source>添加参与方</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>添加记录</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>暂停/恢复</source>
        <translation>Pause / resume</translation>
    </message>
    <message>
        <source>重新开启</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>没有个案。遇到需要多个步骤、多方协作解决的问题时，请新建个案。</source>
        <translation>No cases. When a problem needs several steps and several parties working together, create a case.</translation>
    </message>
    <message>
        <source>请先选择一个个案</source>
        <translation>Please select a case first</translation>
    </message>
    <message>
        <source>个案名称</source>
        <translation>Case name</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>开案日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>请先选择一个步骤</source>
        <translation>Please select a step first</translation>
    </message>
    <message>
        <source>步骤状态</source>
        <translation>Step status</translation>
    </message>
    <message>
        <source>记录内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>结案小结（处理经过和结果）</source>
        <translation>Closing summary (what was done and the outcome)</translation>
    </message>
    <message>
        <source>重新开启的原因</source>
        <translation>Reason for reopening</translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <source>编辑儿童信息</source>
        <translation>Edit child details</translation>
    </message>
    <message>
        <source>新增儿童</source>
        <translation>Add child</translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>清除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>儿童类别（可多选，之后可在“儿童类别”页补充依据）</source>
        <translation>Child categories (several allowed; add evidence later on the “Categories” tab)</translation>
    </message>
    <message>
        <source>外出务工的父母（农村留守儿童必填，详情之后在“家庭与监护”中补充）</source>
        <translation>Parents working away (required for left-behind children; add details later under “Family and guardians”)</translation>
    </message>
    <message>
        <source>父亲外出务工</source>
        <translation>Father works away</translation>
    </message>
    <message>
        <source>母亲外出务工</source>
        <translation>Mother works away</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>务工地，如：浙江杭州</source>
        <translation>Place of work, e.g. Hangzhou, Zhejiang</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>提示：地区代码 {r} 不在内置代码表中，请核对（可以保存）</source>
        <translation>Note: region code {r} is not in the built-in table; please check it (you can still save)</translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>无法读取这张图片</source>
        <translation>This picture cannot be read</translation>
    </message>
</context>
<context>
    <name>ChildFilePage</name>
    <message>
        <source>← 返回名册</source>
        <translation>← Back to register</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>转出…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>标记已满18岁</source>
        <translation>Mark as turned 18</translation>
    </message>
    <message>
        <source>恢复在册</source>
        <translation>Restore to register</translation>
    </message>
    <message>
        <source>合并重复档案…</source>
        <translation>Merge duplicate file…</translation>
    </message>
    <message>
        <source>此页无法加载：{e}</source>
        <translation>This page cannot be loaded: {e}</translation>
    </message>
    <message>
        <source>{a}岁</source>
        <translation>age {a}</translation>
    </message>
    <message>
        <source>身份证号码与以下档案相同：{names}。可并排核对后合并为一份档案。</source>
        <translation>Same ID number as: {names}. Compare them side by side and merge them into one file.</translation>
    </message>
    <message>
        <source>已转出至 {v}；下次同步后，本机不再保存该儿童的档案</source>
        <translation>Transferred to {v}; after the next sync this laptop no longer keeps the child&apos;s file</translation>
    </message>
    <message>
        <source>已标记为“{s}”</source>
        <translation>Marked as “{s}”</translation>
    </message>
</context>
<context>
    <name>ChildListModel</name>
    <message>
        <source>走访已逾期</source>
        <translation>Visit overdue</translation>
    </message>
</context>
<context>
    <name>ChildListPage</name>
    <message>
        <source>搜索：姓名、拼音首字母（如 zxm）或身份证号</source>
        <translation>Search: name, pinyin initials (e.g. zxm) or ID number</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>留守儿童（全部）</source>
        <translation>Left-behind children (all)</translation>
    </message>
    <message>
        <source>困境儿童（全部）</source>
        <translation>Children in difficulty (all)</translation>
    </message>
    <message>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>新增儿童</source>
        <translation>Add child</translation>
    </message>
    <message>
        <source>Ctrl+F 搜索；Ctrl+N 新增儿童</source>
        <translation>Ctrl+F search; Ctrl+N add child</translation>
    </message>
    <message>
        <source>找不到这张表上的儿童（可能不在本机的范围内）</source>
        <translation>No child on this laptop matches this form (it may belong to another village)</translation>
    </message>
    <message>
        <source>共 {n} 名</source>
        <translation>{n} children</translation>
    </message>
    <message>
        <source>没有符合条件的儿童，请换个关键词或筛选条件。</source>
        <translation>No matching children; try another search term or filter.</translation>
    </message>
    <message>
        <source>还没有登记儿童。点击右上角“新增儿童”开始建档。</source>
        <translation>No children registered yet. Click “Add child” at the top right to open a file.</translation>
    </message>
    <message>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
</context>
<context>
    <name>ChildPrintTab</name>
    <message>
        <source>打印儿童信息登记表</source>
        <translation>Print child registration form</translation>
    </message>
    <message>
        <source>打印走访记录表（下次走访，预填）</source>
        <translation>Print visit record form (next visit, pre-filled)</translation>
    </message>
    <message>
        <source>打印所选走访记录</source>
        <translation>Print selected visit record</translation>
    </message>
    <message>
        <source>已录入的走访：</source>
        <translation>Recorded visits:</translation>
    </message>
    <message>
        <source>（已更正）</source>
        <translation>(corrected)</translation>
    </message>
</context>
<context>
    <name>ColourStrip</name>
    <message>
        <source>尚无评估</source>
        <translation>No assessment yet</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>两个人在互不知情时改了同一项内容。系统先按规则显示其中一个值，另一个值保存在这里，请核实后选择“保留当前值”或“改用另一值”。</source>
        <translation>Two people changed the same item without knowing of each other. The system shows one value according to its rules and keeps the other here; please check and choose “Keep current value” or “Use other value”.</translation>
    </message>
    <message>
        <source>显示已处理的</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <source>保留当前值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>改用另一值</source>
        <translation>Use other value</translation>
    </message>
    <message>
        <source>没有待确认的冲突。</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>无法处理</source>
        <translation>Cannot resolve</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>逾期未走访</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <source>本周应走访</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>跟进到期</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>红色儿童</source>
        <translation>Red children</translation>
    </message>
    <message>
        <source>黄色儿童</source>
        <translation>Yellow children</translation>
    </message>
    <message>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>此栏无法加载：{e}</source>
        <translation>This section cannot be loaded: {e}</translation>
    </message>
    <message>
        <source>一年两排 排查进度</source>
        <translation>Twice-yearly screening progress</translation>
    </message>
    <message>
        <source>评估标准文件有误，暂时不能评估和记录走访，请联系县民政局：</source>
        <translation>The assessment standard file contains errors; assessments and visits cannot be recorded for now. Please contact the county civil affairs bureau:</translation>
    </message>
    <message>
        <source>今天 {t}，本周 {a} 至 {b}，在册儿童 {n} 名</source>
        <translation>Today {t}; this week {a} to {b}; {n} children registered</translation>
    </message>
    <message>
        <source>四色分布：</source>
        <translation>Colour distribution: </translation>
    </message>
    <message>
        <source>未评估 {n}</source>
        <translation>Not assessed {n}</translation>
    </message>
    <message>
        <source>目前没有进行中的排查。可在“排查”页开始新一轮排查。</source>
        <translation>No screening round in progress. You can start a new round on the “Screening” page.</translation>
    </message>
    <message>
        <source>{name}（{a} 至 {b}）：已排查 {d}/{t}</source>
        <translation>{name} ({a} to {b}): {d}/{t} screened</translation>
    </message>
    <message>
        <source>逾期未走访（按逾期天数，最久的在前）</source>
        <translation>Overdue visits (longest overdue first)</translation>
    </message>
    <message>
        <source>一周内到期和已逾期的跟进事项</source>
        <translation>Follow-ups due within a week or overdue</translation>
    </message>
    <message>
        <source>红色儿童（高风险，立即介入）</source>
        <translation>Red children (high risk, act immediately)</translation>
    </message>
    <message>
        <source>黄色儿童（中风险，定期介入）</source>
        <translation>Yellow children (medium risk, regular intervention)</translation>
    </message>
    <message>
        <source>从未走访的儿童</source>
        <translation>Children never visited</translation>
    </message>
    <message>
        <source>跟进已逾期 {n} 天</source>
        <translation>follow-up {n} days overdue</translation>
    </message>
    <message>
        <source>跟进期限 {d}</source>
        <translation>follow-up due {d}</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>应于 {d} 走访</source>
        <translation>Due on {d}</translation>
    </message>
    <message>
        <source>上次走访 {d}</source>
        <translation>Last visit {d}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>另有 {n} 名未列出，可在儿童名册中筛选查看</source>
        <translation>{n} more not listed; filter the register to see them</translation>
    </message>
</context>
<context>
    <name>DropoutSection</name>
    <message>
        <source>没有待劝返复学的儿童</source>
        <translation>No children to bring back to school</translation>
    </message>
    <message>
        <source>{name}&#x3000;{school}&#x3000;自 {date} 起劝返中</source>
        <translation>{name} · {school} · being brought back to school since {date}</translation>
    </message>
    <message>
        <source>未登记学校</source>
        <translation>School not recorded</translation>
    </message>
    <message>
        <source>{n} 名学龄儿童不在学籍库中，需劝返复学</source>
        <translation>{n} school-age children are missing from the school roll and need to be brought back to school</translation>
    </message>
</context>
<context>
    <name>DuplicatesSection</name>
    <message>
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>并排核对两份档案，选择保留哪份和哪些内容，合并为一份</source>
        <translation>Compare the two files side by side, choose which file and which values to keep, and merge them into one</translation>
    </message>
    <message>
        <source>{names}&#x3000;身份证 {number}&#x3000;{villages}</source>
        <translation>{names}   ID {number}   {villages}</translation>
    </message>
    <message>
        <source>⚠ {n} 组疑似重复档案：同一身份证号码有多份档案（两台电脑分别登记后同步所致），请核对后合并。</source>
        <translation>⚠ {n} possible duplicate file(s): more than one file holds the same ID number (registered on two laptops, then synced). Please check and merge.</translation>
    </message>
    <message>
        <source>两份档案都可以照常查看和修改；双击一行或点“合并…”并排核对，合并为一份档案。</source>
        <translation>Both files can still be viewed and edited. Double-click a line or click “Merge…” to compare them side by side and merge them into one file.</translation>
    </message>
</context>
<context>
    <name>EndingSection</name>
    <message>
        <source>近期没有需要终止的保障</source>
        <translation>No benefits due to end soon</translation>
    </message>
    <message>
        <source>{name}&#x3000;{kind}&#x3000;应于 {date} 终止&#x3000;{reason}</source>
        <translation>{name} · {kind} · to end on {date} · {reason}</translation>
    </message>
    <message>
        <source>{n} 项保障需要办理终止</source>
        <translation>{n} benefits need to be ended</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>登记本设备</source>
        <translation>Enrol this device</translation>
    </message>
    <message>
        <source>县民政局给的登记码，如 K7M2Q-9XDRA</source>
        <translation>The enrolment code from the county civil affairs bureau, e.g. K7M2Q-9XDRA</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>例如 https://tonghu.example.gov.cn:8765</source>
        <translation>e.g. https://tonghu.example.gov.cn:8765</translation>
    </message>
    <message>
        <source>登记只需做一次。登记后点“同步”即可上传本村的修改、下载县里的更新。服务器地址请填县民政局给的 https:// 地址（加密传输）。</source>
        <translation>You only need to enrol once. After that, click &quot;Sync&quot; to upload this village&apos;s changes and download the county&apos;s updates. Enter the https:// address the county civil affairs bureau gave you (encrypted).</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写服务器地址</source>
        <translation>Please enter the server address</translation>
    </message>
    <message>
        <source>请填写登记码</source>
        <translation>Please enter the enrolment code</translation>
    </message>
    <message>
        <source>这个地址以 http:// 开头，不加密：登记码和儿童信息会以明文在网络上传输，别人可以看到或篡改。请向县民政局要 https:// 开头的地址。只有在县民政局明确说明使用内网 http 时，才再点一次“仍然登记”。</source>
        <translation>This address starts with http:// and is not encrypted: the enrolment code and the children&apos;s data would cross the network in plain text, where others can read or alter them. Ask the county civil affairs bureau for an address starting with https://. Click &quot;Enrol anyway&quot; only if the bureau has explicitly said to use plain http on its internal network.</translation>
    </message>
    <message>
        <source>仍然登记</source>
        <translation>Enrol anyway</translation>
    </message>
    <message>
        <source>登记成功</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>本设备已登记，负责范围：{s}。现在可以同步了。</source>
        <translation>This device is enrolled, scope: {s}. You can sync now.</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>童护帮助儿童主任建立“一人一档”、按时走访、一年两排。所有数据加密保存在这台电脑上。
第一次使用，请先建立您的账号和所在村（社区）。</source>
        <translation>Tonghu helps child directors keep a file for every child, visit on schedule and screen everyone twice a year. All data is stored encrypted on this computer.
For the first use, please create your account and enter your village (community).</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>如：zhangli（字母或数字）</source>
        <translation>e.g. zhangli (letters or digits)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>如：张丽</source>
        <translation>e.g. Zhang Li</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>至少8位</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>再输入一次密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>所在村（社区）</source>
        <translation>Your village (community)</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County (city, district)</translation>
    </message>
    <message>
        <source>如：江宁区</source>
        <translation>e.g. Jiangning District</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>如：秣陵街道</source>
        <translation>e.g. Moling Subdistrict</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>如：东山村</source>
        <translation>e.g. Dongshan Village</translation>
    </message>
    <message>
        <source>村（社区）区划代码</source>
        <translation>Village (community) division code</translation>
    </message>
    <message>
        <source>12位统计用区划代码，如 320115101201</source>
        <translation>12-digit statistical division code, e.g. 320115101201</translation>
    </message>
    <message>
        <source>创建并进入</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <source>先看看演示数据</source>
        <translation>Try the demo data first</translation>
    </message>
    <message>
        <source>用一个虚构村庄的加密演示数据试用，之后可再建立正式数据。</source>
        <translation>Try Tonghu with encrypted demo data of a fictitious village; you can create your real data afterwards.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>县区代码 {c}&#x3000;乡镇代码 {t}</source>
        <translation>County code {c}  Township code {t}</translation>
    </message>
    <message>
        <source>请填写登录名</source>
        <translation>Please enter a user name</translation>
    </message>
    <message>
        <source>请填写村（社区）名称</source>
        <translation>Please enter the village (community) name</translation>
    </message>
    <message>
        <source>数据文件已存在：{p}</source>
        <translation>The data file already exists: {p}</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>正在生成演示数据…</source>
        <translation>Creating demo data…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GuardianshipTab</name>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>特殊情形</source>
        <translation>Special circumstances</translation>
    </message>
    <message>
        <source>自何时</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>外出务工</source>
        <translation>Working away</translation>
    </message>
    <message>
        <source>务工地</source>
        <translation>Place of work</translation>
    </message>
    <message>
        <source>联系频次</source>
        <translation>Contact frequency</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>委托照护人</source>
        <translation>Entrusted carer</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>照护能力</source>
        <translation>Ability to care</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>协议日期</source>
        <translation>Agreement date</translation>
    </message>
    <message>
        <source>父母情况</source>
        <translation>Parents&apos; circumstances</translation>
    </message>
    <message>
        <source>委托照护</source>
        <translation>Entrusted care</translation>
    </message>
    <message>
        <source>监护状况：{s}</source>
        <translation>Guardianship: {s}</translation>
    </message>
    <message>
        <source>没有监护方面的预警。</source>
        <translation>No guardianship warnings.</translation>
    </message>
    <message>
        <source>父母情形符合事实无人抚养儿童条件（自 {d} 起）</source>
        <translation>The parents&apos; circumstances meet the conditions for a de-facto unsupported child (since {d})</translation>
    </message>
    <message>
        <source>父母情形将于 {d} 满6个月，届时符合事实无人抚养儿童条件</source>
        <translation>The parents&apos; circumstances reach 6 months on {d}; from then on they meet the conditions for a de-facto unsupported child</translation>
    </message>
    <message>
        <source>父母情形可能符合事实无人抚养儿童条件，请补填情形开始日期后核实</source>
        <translation>The parents&apos; circumstances may meet the conditions for a de-facto unsupported child; please add the date they began and check again</translation>
    </message>
    <message>
        <source>评估时将预先勾选：</source>
        <translation>Pre-ticked in the assessment:</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>用户手册</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>找不到用户手册（{p}）。请重新安装童护。</source>
        <translation>The user guide ({p}) is missing. Please reinstall Tonghu.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <source>请选择界面语言：</source>
        <translation>Choose the interface language:</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言已改为 %1。</source>
        <translation>The interface language is now %1.</translation>
    </message>
    <message>
        <source>新打开的窗口立即使用新语言；要让所有窗口都切换，请重新启动程序（需要重新登录）。</source>
        <translation>Windows opened from now on use the new language; to switch every window, restart the program (you will need to sign in again).</translation>
    </message>
    <message>
        <source>立即重新启动</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>童护已锁定</source>
        <translation>Tonghu is locked</translation>
    </message>
    <message>
        <source>长时间未操作，为保护儿童信息已自动锁定。
请输入 {u} 的密码继续。</source>
        <translation>Locked automatically after a period of inactivity to protect the children&apos;s information.
Enter the password of {u} to continue.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>可以再次输入密码</source>
        <translation>You can enter the password again</translation>
    </message>
    <message>
        <source>密码错误次数过多，请在 {s} 秒后再试</source>
        <translation>Too many wrong passwords; please try again in {s} seconds</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>童护</source>
        <translation>Tonghu</translation>
    </message>
    <message>
        <source>农村留守儿童和困境儿童关爱服务</source>
        <translation>Care services for rural left-behind children and children in difficulty</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>这是演示数据（虚构村庄），密码：{p}</source>
        <translation>This is demo data (a fictitious village), password: {p}</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>忘记密码？</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>密码错误，还可再试 {n} 次，之后需等待一段时间</source>
        <translation>Wrong password; {n} more attempts before you have to wait</translation>
    </message>
    <message>
        <source>密码错误，下次登录需等待 {s} 秒</source>
        <translation>Wrong password; you must wait {s} seconds before the next attempt</translation>
    </message>
    <message>
        <source>请选择用户</source>
        <translation>Please choose a user</translation>
    </message>
    <message>
        <source>无法打开数据文件：{e}</source>
        <translation>The data file cannot be opened: {e}</translation>
    </message>
    <message>
        <source>可以再次输入密码</source>
        <translation>You can enter the password again</translation>
    </message>
    <message>
        <source>密码错误次数过多，已锁定，请在 {s} 秒后再试</source>
        <translation>Too many wrong passwords; locked. Please try again in {s} seconds</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>（演示数据）</source>
        <translation>(demo data)</translation>
    </message>
    <message>
        <source>此页无法加载：{e}</source>
        <translation>This page cannot be loaded: {e}</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>立即锁定</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>用户手册</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关于童护</source>
        <translation>About Tonghu</translation>
    </message>
    <message>
        <source>（暂无）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>用户：{u}</source>
        <translation>User: {u}</translation>
    </message>
    <message>
        <source>部分功能未能加载：{f}</source>
        <translation>Some features could not be loaded: {f}</translation>
    </message>
    <message>
        <source>演示数据（虚构）</source>
        <translation>Demo data (fictitious)</translation>
    </message>
    <message>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>童护 {v}
农村留守儿童和困境儿童关爱服务（儿童主任工作台）。
数据加密保存在本机。</source>
        <translation>Tonghu {v}
Care services for rural left-behind children and children in difficulty (child director&apos;s workbench).
Data is stored encrypted on this computer.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>合并疑似重复档案</source>
        <translation>Merge possible duplicate files</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>在册状态</source>
        <translation>Register status</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Place of household registration</translation>
    </message>
    <message>
        <source>户口性质</source>
        <translation>Household registration type</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>就读学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>就学阶段</source>
        <translation>School stage</translation>
    </message>
    <message>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>疾病情况</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>残疾证号</source>
        <translation>Disability certificate no.</translation>
    </message>
    <message>
        <source>监护状况</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>这两份档案的身份证号码相同，可能是同一名儿童在两台电脑上分别登记。请核对后选择保留哪份档案；另一份并入它，不再单独出现在名册中。</source>
        <translation>These two files have the same ID number: the same child may have been registered on two laptops. Check them, then choose the file to keep; the other is merged into it and no longer appears on the register by itself.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>档案一</source>
        <translation>File 1</translation>
    </message>
    <message>
        <source>档案二</source>
        <translation>File 2</translation>
    </message>
    <message>
        <source>保留的档案</source>
        <translation>File to keep</translation>
    </message>
    <message>
        <source>保留此档案</source>
        <translation>Keep this file</translation>
    </message>
    <message>
        <source>出生日期 / 性别</source>
        <translation>Birth date / sex</translation>
    </message>
    <message>
        <source>父母及监护人</source>
        <translation>Parents and guardians</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>走访 / 评估</source>
        <translation>Visits / assessments</translation>
    </message>
    <message>
        <source>走访 {v} 次，评估 {a} 次</source>
        <translation>{v} visit(s), {a} assessment(s)</translation>
    </message>
    <message>
        <source>强制报告 / 发放</source>
        <translation>Mandatory reports / payments</translation>
    </message>
    <message>
        <source>强制报告 {r} 份，发放记录 {p} 条</source>
        <translation>{r} mandatory report(s), {p} payment record(s)</translation>
    </message>
    <message>
        <source>以下内容两份档案不同，请选择保留哪一个：</source>
        <translation>The files differ in the following; choose the value to keep:</translation>
    </message>
    <message>
        <source>走访、评估、强制报告和发放记录一条不改，合并后都显示在保留的档案中；监护人、委托照护、儿童类别、需求、个案等记录移入保留的档案，完全相同的只留一条。合并会同步到其他电脑。</source>
        <translation>Visits, assessments, mandatory reports and payment records are not changed; after the merge they all show in the file you keep. Guardians, entrusted care, categories, needs, cases and similar records move to the file you keep; records that are the same are kept once. The merge syncs to the other laptops.</translation>
    </message>
    <message>
        <source>我已核对，这两份档案是同一名儿童</source>
        <translation>I have checked: both files are the same child</translation>
    </message>
    <message>
        <source>合并为一份档案</source>
        <translation>Merge into one file</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>有照片</source>
        <translation>Has a photo</translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>OpenCasesSection</name>
    <message>
        <source>没有进行中的个案</source>
        <translation>No open cases</translation>
    </message>
    <message>
        <source>下一步 {date}</source>
        <translation>Next step {date}</translation>
    </message>
    <message>
        <source>无待办步骤</source>
        <translation>No pending steps</translation>
    </message>
    <message>
        <source>&#x3000;{n} 步逾期</source>
        <translation> · {n} steps overdue</translation>
    </message>
    <message>
        <source>进行中的个案 {n} 个</source>
        <translation>{n} open cases</translation>
    </message>
</context>
<context>
    <name>OpenRoundDialog</name>
    <message>
        <source>开始新一轮排查</source>
        <translation>Start a new screening round</translation>
    </message>
    <message>
        <source>排查名称：</source>
        <translation>Round name:</translation>
    </message>
    <message>
        <source>开始日期：</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <source>结束日期：</source>
        <translation>End date:</translation>
    </message>
    <message>
        <source>开始排查</source>
        <translation>Start screening</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>同时用新的钥匙重新加密数据（此前复制走的密钥文件从此打不开）</source>
        <translation>Also re-encrypt the data with a new key (earlier copies of the key file stop working)</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>原密码错误</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>正在重新加密数据…</source>
        <translation>Re-encrypting the data…</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>评估标准与走访频次</source>
        <translation>Assessment standard and visit frequency</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>评估标准与走访频次…</source>
        <translation>Assessment standard and visit frequency…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 — {t}</source>
        <translation>Print preview — {t}</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>（预览前 {k} 页，打印和保存包括全部页面）</source>
        <translation>(previewing the first {k} pages; printing and saving include all pages)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>保存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>无法保存文件：{e}</source>
        <translation>The file could not be saved: {e}</translation>
    </message>
    <message>
        <source>已保存到：{p}</source>
        <translation>Saved to: {p}</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>无法连接打印机，请检查打印机是否开启。</source>
        <translation>Cannot reach the printer; please check that it is switched on.</translation>
    </message>
</context>
<context>
    <name>ProtectionSection</name>
    <message>
        <source>保护与保障</source>
        <translation>Protection and benefits</translation>
    </message>
    <message>
        <source>⚠ {n} 份强制报告超时未向公安机关报告，请立即报告并登记</source>
        <translation>⚠ {n} mandatory reports were not passed to the police in time; report them now and record it</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>忘记密码</source>
        <translation>Forgot password</translation>
    </message>
    <message>
        <source>童护无法找回密码，但县民政局可以帮您重设：
1. 打电话或去县民政局，说明本机的设备编号（见下方）；
2. 工作人员核实身份后，为这台电脑开具一个恢复文件（72小时内有效，只能用一次）；
3. 在这里打开恢复文件，设置新密码。设置后旧密码就不能再用了。</source>
        <translation>Tonghu cannot retrieve a password, but the county civil affairs bureau can help you set a new one:
1. Call or visit the bureau and give this computer&apos;s device number (below);
2. After checking who you are, they issue a recovery file for this computer (valid 72 hours, works once);
3. Open the recovery file here and set a new password. The old password then stops working.</translation>
    </message>
    <message>
        <source>本机设备编号（后8位）：{d}
完整编号：{full}</source>
        <translation>This computer&apos;s device number (last 8 characters): {d}
Full number: {full}</translation>
    </message>
    <message>
        <source>这台电脑的数据还没有设置县级恢复（登记到县级服务器时会自动设置），恢复文件无法使用。请不要删除任何文件，联系县民政局，按用户手册第6节处理。</source>
        <translation>County recovery is not set up for this computer&apos;s data (it is set up when the computer is enrolled with the county server), so a recovery file cannot be used. Do not delete any files; contact the county civil affairs bureau and follow section 6 of the user guide.</translation>
    </message>
    <message>
        <source>打开恢复文件…</source>
        <translation>Open recovery file…</translation>
    </message>
    <message>
        <source>（尚未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>至少8位，别人猜不到</source>
        <translation>At least 8 characters, hard to guess</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>恢复文件</source>
        <translation>Recovery file</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>设置新密码并登录</source>
        <translation>Set new password and sign in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开恢复文件</source>
        <translation>Open recovery file</translation>
    </message>
    <message>
        <source>童护恢复文件 (*.tonghu-recovery);;所有文件 (*)</source>
        <translation>Tonghu recovery files (*.tonghu-recovery);;All files (*)</translation>
    </message>
    <message>
        <source>无法读取文件：{e}</source>
        <translation>Cannot read the file: {e}</translation>
    </message>
    <message>
        <source>请先打开县民政局开具的恢复文件</source>
        <translation>First open the recovery file from the county civil affairs bureau</translation>
    </message>
    <message>
        <source>请选择用户</source>
        <translation>Choose a user</translation>
    </message>
</context>
<context>
    <name>RefusedPage</name>
    <message>
        <source>未被接受的修改</source>
        <translation>Changes not accepted</translation>
    </message>
    <message>
        <source>县级服务器没有接受下面这些修改，原因写在每一行。其余修改已照常同步。情况改变后（例如县里已办理转回）可以“重新发送”；不再需要的可以“不再发送”，本机上的这项修改随之撤回，恢复为修改前的内容。</source>
        <translation>The county server did not accept the changes below; each row gives the reason. All other changes were synced as usual. Once things change (for example the county has transferred the child back) you can &quot;Send again&quot;; a change you no longer need can be set to &quot;Stop sending&quot;, which also takes it back on this laptop, restoring what was there before.</translation>
    </message>
    <message>
        <source>重新发送</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>不再发送</source>
        <translation>Stop sending</translation>
    </message>
    <message>
        <source>保留当前值</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>改用另一值</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <source>已被之后的修改取代</source>
        <translation>Superseded by a later change</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>同步冲突 · 处理结果</source>
        <translation>Sync conflict · decision</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>新建的记录不能放弃：本机时间改正后（或县里找回数据后）会自动重新发送。</source>
        <translation>A new record cannot be given up: it is sent again by itself once this laptop&apos;s clock is right (or once the county has recovered its data).</translation>
    </message>
</context>
<context>
    <name>RemoveUserDialog</name>
    <message>
        <source>删除用户</source>
        <translation>Remove user</translation>
    </message>
    <message>
        <source>删除用户 {u} 后，他（她）不能再登录这台电脑。
数据会用新的钥匙重新加密（几秒到一分钟），此前复制走的密钥文件从此打不开现在的数据。
他（她）以前的记录保留，仍显示是谁做的。</source>
        <translation>After removing {u}, they can no longer sign in on this computer.
The data is re-encrypted with a new key (a few seconds to a minute); earlier copies of the key file no longer open today&apos;s data.
Their earlier records stay and still show who made them.</translation>
    </message>
    <message>
        <source>您的密码（{u}）</source>
        <translation>Your password ({u})</translation>
    </message>
    <message>
        <source>删除并重新加密</source>
        <translation>Remove and re-encrypt</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>您的密码不对</source>
        <translation>Your password is not right</translation>
    </message>
    <message>
        <source>正在重新加密数据…</source>
        <translation>Re-encrypting the data…</translation>
    </message>
</context>
<context>
    <name>ReportAlarmsSection</name>
    <message>
        <source>没有未结束的强制报告</source>
        <translation>No open mandatory reports</translation>
    </message>
    <message>
        <source>⚠ {o} 份报告超时未向公安机关报告；未结束的报告共 {n} 份</source>
        <translation>⚠ {o} reports were not passed to the police in time; {n} reports still open</translation>
    </message>
    <message>
        <source>未结束的强制报告 {n} 份</source>
        <translation>{n} open mandatory reports</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>报告 / 报告记录 / 跟进</source>
        <translation>Report / reporting record / follow-up</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>新建强制报告</source>
        <translation>New mandatory report</translation>
    </message>
    <message>
        <source>登记向有关部门报告</source>
        <translation>Record reporting to an authority</translation>
    </message>
    <message>
        <source>添加跟进</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>，未向公安报告</source>
        <translation>, not reported to the police</translation>
    </message>
    <message>
        <source>{situation}（{urgency}）</source>
        <translation>{situation} ({urgency})</translation>
    </message>
    <message>
        <source>{description}&#x3000;地点：{place}&#x3000;发现人：{finder}</source>
        <translation>{description}; place: {place}; found by: {finder}</translation>
    </message>
    <message>
        <source>报告至 {b}</source>
        <translation>Reported to {b}</translation>
    </message>
    <message>
        <source>{method}&#x3000;接报人：{receiver}&#x3000;编号：{number}</source>
        <translation>{method}; received by: {receiver}; reference no.: {number}</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>{label}：{actor}</source>
        <translation>{label}: {actor}</translation>
    </message>
    <message>
        <source>&#x3000;结果：{outcome}</source>
        <translation>; outcome: {outcome}</translation>
    </message>
    <message>
        <source>共 {n} 份报告。报告一经保存不能修改或删除；更正请新建报告并在情况中说明。</source>
        <translation>{n} reports. A saved report cannot be edited or deleted; to correct one, create a new report and explain in its description.</translation>
    </message>
    <message>
        <source>没有强制报告。</source>
        <translation>No mandatory reports.</translation>
    </message>
    <message>
        <source>县民政局已签收</source>
        <translation>Acknowledged by the county</translation>
    </message>
    <message>
        <source>县级处置</source>
        <translation>County action</translation>
    </message>
    <message>
        <source>县民政局指派</source>
        <translation>County assigned</translation>
    </message>
    <message>
        <source>指派给 {who}</source>
        <translation>Assigned to {who}</translation>
    </message>
    <message>
        <source>经办：{who}</source>
        <translation>Officer: {who}</translation>
    </message>
    <message>
        <source>强制报告</source>
        <translation>Mandatory reports</translation>
    </message>
    <message>
        <source>请先选择一份报告</source>
        <translation>Please select a report first</translation>
    </message>
    <message>
        <source>报告至</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>报告时间</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <source>报告方式</source>
        <translation>Reported by (means)</translation>
    </message>
    <message>
        <source>接报人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>接报编号</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <source>登记报告记录</source>
        <translation>Record reporting</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>采取行动的单位/人员</source>
        <translation>Agency / person acting</translation>
    </message>
    <message>
        <source>采取的行动</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>处理完毕，结束此报告</source>
        <translation>Dealt with; close this report</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>学籍库学校</source>
        <translation>School (school roll)</translation>
    </message>
    <message>
        <source>档案学校</source>
        <translation>School (child&apos;s file)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RowDialog</name>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RowsTab</name>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>尚无记录，点“新增”添加。</source>
        <translation>No records yet; click “Add” to add one.</translation>
    </message>
    <message>
        <source>确定删除这条{n}记录吗？删除会记入变更记录。</source>
        <translation>Delete this {n} record? The deletion is kept in the change history.</translation>
    </message>
</context>
<context>
    <name>SchoolRollPage</name>
    <message>
        <source>学籍库比对与劝返复学</source>
        <translation>School roll comparison and back to school</translation>
    </message>
    <message>
        <source>导入学籍名册并比对…</source>
        <translation>Import school roll and compare…</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>档案学校</source>
        <translation>School (child&apos;s file)</translation>
    </message>
    <message>
        <source>开始劝返</source>
        <translation>Start bringing back to school</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>已复学</source>
        <translation>Back at school</translation>
    </message>
    <message>
        <source>其他原因结束</source>
        <translation>Ended for another reason</translation>
    </message>
    <message>
        <source>添加劝返记录</source>
        <translation>Add follow-up note</translation>
    </message>
    <message>
        <source>劝返复学跟进</source>
        <translation>Back-to-school follow-up</translation>
    </message>
    <message>
        <source>还没有导入过学籍名册。</source>
        <translation>No school roll imported yet.</translation>
    </message>
    <message>
        <source>最近一次比对：{f}（{d}，{n} 行）：未在籍 {a}，学校不一致 {b}，疑似匹配 {u}，村内未登记 {k}</source>
        <translation>Latest comparison: {f} ({d}, {n} rows): not enrolled {a}, different school {b}, possible matches {u}, not registered in the village {k}</translation>
    </message>
    <message>
        <source>劝返复学</source>
        <translation>Back to school</translation>
    </message>
    <message>
        <source>请先在表中选择一名儿童</source>
        <translation>Please select a child in the table first</translation>
    </message>
    <message>
        <source>结果（例如复学的学校和日期）</source>
        <translation>Outcome (e.g. school and date of return)</translation>
    </message>
</context>
<context>
    <name>SchoolRollWizard</name>
    <message>
        <source>学籍库比对导入</source>
        <translation>School roll import</translation>
    </message>
    <message>
        <source>第一步：选择教育部门提供的学籍名册（Excel .xlsx 或 CSV）。必须有姓名、身份证号、学校三列；出生日期、年级、家庭住址、学籍状态可选。</source>
        <translation>Step 1: choose the school roll from the education bureau (Excel .xlsx or CSV). It must have name, ID number and school columns; date of birth, grade, home address and enrolment status are optional.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>第二步：核对每一列对应的内容（已自动识别常见的列名），然后点“检查”。</source>
        <translation>Step 2: check what each column contains (common column names are recognised automatically), then click “Check”.</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>对应</source>
        <translation>Means</translation>
    </message>
    <message>
        <source>第一行数据</source>
        <translation>First data row</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>跳过有错误的行，只导入正确的行（错误行会记录在导入记录中）</source>
        <translation>Skip rows with errors and import only the correct rows (the rows with errors are kept in the import record)</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>选择学籍名册</source>
        <translation>Choose school roll</translation>
    </message>
    <message>
        <source>学籍名册 (*.xlsx *.csv)</source>
        <translation>School rolls (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>找不到文件：{p}</source>
        <translation>File not found: {p}</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在读取并检查学籍名册…</source>
        <translation>Reading and checking the school roll…</translation>
    </message>
    <message>
        <source>共 {n} 行，其中 {e} 行有错误（见下表）。请改正文件后重新选择，或勾选“跳过有错误的行”。</source>
        <translation>{n} rows, {e} of them with errors (see the table below). Correct the file and choose it again, or tick “Skip rows with errors”.</translation>
    </message>
    <message>
        <source>共 {n} 行，全部正确，可以导入。</source>
        <translation>{n} rows, all correct; ready to import.</translation>
    </message>
    <message>
        <source>正在导入学籍名册并比对…</source>
        <translation>Importing and comparing the school roll…</translation>
    </message>
    <message>
        <source>已比对 {n} 行：在籍 {ok} 人；未在籍（辍学风险）{d} 人；学校不一致 {o} 人；疑似匹配（需核实）{u} 人；村内未登记 {k} 人。新建劝返复学任务 {t} 个，已复学关闭 {b} 个。</source>
        <translation>Compared {n} rows: enrolled {ok}; not enrolled (dropout risk) {d}; different school {o}; possible matches (to check) {u}; not registered in the village {k}. {t} back-to-school tasks created, {b} closed as back at school.</translation>
    </message>
    <message>
        <source>这个文件已经导入过（{d}），没有重复导入。以下是当时的结果。</source>
        <translation>This file was already imported ({d}) and was not imported again. These are the results from then.</translation>
    </message>
    <message>
        <source> 跳过了 {e} 个错误行。</source>
        <translation> {e} rows with errors were skipped.</translation>
    </message>
</context>
<context>
    <name>ScreenDialog</name>
    <message>
        <source>登记排查 — {n}</source>
        <translation>Record screening — {n}</translation>
    </message>
    <message>
        <source>仍属于留守或困境儿童（仍在保障和关爱范围内）</source>
        <translation>Still a left-behind child or child in difficulty (still covered by support and care)</translation>
    </message>
    <message>
        <source>儿童类别仍然正确</source>
        <translation>Child categories still correct</translation>
    </message>
    <message>
        <source>已重新进行分级分色评估</source>
        <translation>Colour risk assessment redone</translation>
    </message>
    <message>
        <source>排查中发现的变化，如类别需调整、监护情况变化等</source>
        <translation>Changes found in screening, e.g. categories to adjust, changed guardianship</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <source>登记已排查</source>
        <translation>Record as screened</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>一年两排 排查</source>
        <translation>Twice-yearly screening</translation>
    </message>
    <message>
        <source>开始新一轮排查…</source>
        <translation>Start a new screening round…</translation>
    </message>
    <message>
        <source>排查轮次：</source>
        <translation>Screening round:</translation>
    </message>
    <message>
        <source>只看未排查的</source>
        <translation>Only not yet screened</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>排查情况</source>
        <translation>Screening result</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Screening date</translation>
    </message>
    <message>
        <source>备注 / 未排查原因</source>
        <translation>Remarks / reason not screened</translation>
    </message>
    <message>
        <source>登记已排查…</source>
        <translation>Record as screened…</translation>
    </message>
    <message>
        <source>填写未排查原因…</source>
        <translation>Give reason not screened…</translation>
    </message>
    <message>
        <source>新发现儿童…</source>
        <translation>Newly found child…</translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>结束本轮排查…</source>
        <translation>Close this round…</translation>
    </message>
    <message>
        <source>还没有排查轮次。点“开始新一轮排查…”，每年上、下半年各排查一次。</source>
        <translation>No screening rounds yet. Click “Start a new screening round…”; screen once in each half of the year.</translation>
    </message>
    <message>
        <source>{a} 至 {b}&#x3000;已排查 {d}/{t}，未排查 {left} 名（其中 {why} 名已说明原因）</source>
        <translation>{a} to {b}  {d}/{t} screened, {left} not screened ({why} with a reason given)</translation>
    </message>
    <message>
        <source>&#x3000;已于 {d} 结束</source>
        <translation>  closed on {d}</translation>
    </message>
    <message>
        <source>已排查</source>
        <translation>Screened</translation>
    </message>
    <message>
        <source>已不在范围</source>
        <translation>No longer covered</translation>
    </message>
    <message>
        <source>类别需调整</source>
        <translation>Categories to adjust</translation>
    </message>
    <message>
        <source>已重新评估</source>
        <translation>Reassessed</translation>
    </message>
    <message>
        <source>新发现</source>
        <translation>Newly found</translation>
    </message>
    <message>
        <source>未排查（已说明）</source>
        <translation>Not screened (reason given)</translation>
    </message>
    <message>
        <source>未排查</source>
        <translation>Not screened</translation>
    </message>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>请先在列表中选择一名儿童</source>
        <translation>Please select a child in the list first</translation>
    </message>
    <message>
        <source>未排查原因</source>
        <translation>Reason not screened</translation>
    </message>
    <message>
        <source>{n} 未能排查的原因（如：随父母在外地生活，已电话核实）：</source>
        <translation>Why {n} could not be screened (e.g. living with parents elsewhere, confirmed by phone):</translation>
    </message>
    <message>
        <source>排查中新发现</source>
        <translation>Found during screening</translation>
    </message>
    <message>
        <source>结束本轮排查</source>
        <translation>Close this screening round</translation>
    </message>
    <message>
        <source>排查小结（可不填）：</source>
        <translation>Summary of the round (optional):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>从不锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <source>离开电脑时，窗口会在这段时间后锁定，需重新输入密码。建议不超过 10 分钟。</source>
        <translation>When you leave the computer, the window locks after this time and the password must be entered again. 10 minutes or less is recommended.</translation>
    </message>
    <message>
        <source>用户…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>本机用户</source>
        <translation>Users on this computer</translation>
    </message>
    <message>
        <source>已设置（设备编号 {d}）。忘记密码时，可请县民政局开具恢复文件。</source>
        <translation>Set up (device {d}). If a password is forgotten, the county civil affairs bureau can issue a recovery file.</translation>
    </message>
    <message>
        <source>未设置：登记到县级服务器（同步 → 登记本设备）后自动设置。</source>
        <translation>Not set up: it is set up once this computer is enrolled with the county server (Sync → Enrol this device).</translation>
    </message>
    <message>
        <source>县级密码恢复</source>
        <translation>County password recovery</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>标记为“{s}”</source>
        <translation>Mark as “{s}”</translation>
    </message>
    <message>
        <source>如：随父母迁往常州市武进区</source>
        <translation>e.g. moved with parents to Wujin District, Changzhou</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>正在连接县级服务器…</source>
        <translation>Connecting to the county server…</translation>
    </message>
    <message>
        <source>在后台继续</source>
        <translation>Continue in background</translation>
    </message>
    <message>
        <source>同步时可以继续工作；中途断网或合上电脑也不会丢失数据。</source>
        <translation>You can keep working while syncing; a lost connection or closing the laptop loses no data.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>已登记（U盘同步）&#x3000;待上传：{n} 条</source>
        <translation>Enrolled (USB sync)   waiting to upload: {n}</translation>
    </message>
    <message>
        <source>未登记同步</source>
        <translation>Not enrolled for sync</translation>
    </message>
    <message>
        <source>上次同步：{w}&#x3000;待上传：{n} 条</source>
        <translation>Last sync: {w}  Waiting to upload: {n}</translation>
    </message>
    <message>
        <source>&#x3000;有冲突待确认</source>
        <translation>  conflicts to review</translation>
    </message>
    <message>
        <source>&#x3000;{n} 条修改未被接受</source>
        <translation>&#x3000;{n} changes not accepted</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>转出</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>转到本县其他村（社区）</source>
        <translation>To another village of this county</translation>
    </message>
    <message>
        <source>迁出本县（标记为已转出，档案留在本村）</source>
        <translation>Leaving the county (marked transferred out, the file stays here)</translation>
    </message>
    <message>
        <source>选择村，或输入12位区划代码</source>
        <translation>Choose a village, or type its 12-digit code</translation>
    </message>
    <message>
        <source>如：随祖父母迁居</source>
        <translation>e.g. moved with the grandparents</translation>
    </message>
    <message>
        <source>转出后，儿童的档案和全部记录在下次同步时转到接收村；本机同步后不再保存该儿童的信息。</source>
        <translation>The child&apos;s file and all its records go to the receiving village with the next sync; afterwards this laptop no longer keeps the child&apos;s information.</translation>
    </message>
    <message>
        <source>接收村（社区）</source>
        <translation>Receiving village</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UncoveredSection</name>
    <message>
        <source>没有发现应保未保的儿童</source>
        <translation>No children found who qualify for benefits they do not receive</translation>
    </message>
    <message>
        <source>{n} 名儿童看起来符合保障条件但没有领取（应保尽保）</source>
        <translation>{n} children seem eligible for benefits they do not receive (cover all who qualify)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>每个人用自己的登录名和密码。删除用户后，数据会用新的钥匙重新加密，此前复制走的密钥文件从此打不开现在的数据。</source>
        <translation>Everyone signs in with their own login name and password. When a user is removed, the data is re-encrypted with a new key, and earlier copies of the key file no longer open today&apos;s data.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>删除用户…</source>
        <translation>Remove user…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（当前）</source>
        <translation> (signed in)</translation>
    </message>
    <message>
        <source>已添加用户 {u}</source>
        <translation>User {u} added</translation>
    </message>
    <message>
        <source>请先在表中选中要删除的用户</source>
        <translation>First select the user to remove in the table</translation>
    </message>
    <message>
        <source>已删除用户 {u}，数据已用新的钥匙重新加密</source>
        <translation>User {u} removed; the data was re-encrypted with a new key</translation>
    </message>
</context>
<context>
    <name>VillageTotals</name>
    <message>
        <source>双击一个村，在儿童名册中只看这个村的儿童</source>
        <translation>Double-click a village to list only its children</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>更正走访记录 — {n}</source>
        <translation>Correct visit record — {n}</translation>
    </message>
    <message>
        <source>记录走访 — {n}</source>
        <translation>Record visit — {n}</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>如：儿童本人、祖母、班主任</source>
        <translation>e.g. the child, grandmother, class teacher</translation>
    </message>
    <message>
        <source>如：本村三组家中 / 随父母在外地</source>
        <translation>e.g. at home, village group 3 / with parents elsewhere</translation>
    </message>
    <message>
        <source>如：祖父母</source>
        <translation>e.g. grandparents</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>走访方式</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>在场人员</source>
        <translation>People present</translation>
    </message>
    <message>
        <source>与谁同住</source>
        <translation>Lives with</translation>
    </message>
    <message>
        <source>现居住地</source>
        <translation>Current residence</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>其余全部正常(&amp;N)</source>
        <translation>All others &amp;normal</translation>
    </message>
    <message>
        <source>把尚未作答的检查项都选为“正常”</source>
        <translation>Mark every unanswered checklist item as “normal”</translation>
    </message>
    <message>
        <source>发现的情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>已提供或已联系的帮助</source>
        <translation>Help given or arranged</translation>
    </message>
    <message>
        <source>跟进事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>完成期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>添加跟进事项</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>需要重新评估（保存后打开分级分色评估）</source>
        <translation>Needs reassessment (opens the colour risk assessment after saving)</translation>
    </message>
    <message>
        <source>必填：说明更正了什么、为什么</source>
        <translation>Required: what was corrected and why</translation>
    </message>
    <message>
        <source>跟进事项：</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <source>更正原因：</source>
        <translation>Reason for correction:</translation>
    </message>
    <message>
        <source>保存更正(&amp;S)</source>
        <translation>&amp;Save correction</translation>
    </message>
    <message>
        <source>保存走访(&amp;S)</source>
        <translation>&amp;Save visit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>走访记录保存后不能修改；如有错误，请在走访列表中“更正”，原记录和更正都会保留。</source>
        <translation>A saved visit record cannot be edited; to fix a mistake, use “Correct” in the visit list — both the original and the correction are kept.</translation>
    </message>
    <message>
        <source>更正将作为新记录保存并与原记录关联，原记录保留不变。</source>
        <translation>The correction is saved as a new record linked to the original; the original stays unchanged.</translation>
    </message>
    <message>
        <source>恢复草稿(&amp;R)</source>
        <translation>&amp;Restore draft</translation>
    </message>
    <message>
        <source>丢弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>找到 {t} 未保存的走访草稿（可能因程序意外退出）。要接着填写吗？</source>
        <translation>Found an unsaved visit draft from {t} (the program may have closed unexpectedly). Continue filling it in?</translation>
    </message>
    <message>
        <source>还有 {n} 项检查未作答（已标红）</source>
        <translation>{n} checklist items not answered yet (marked red)</translation>
    </message>
    <message>
        <source>走访记录已保存</source>
        <translation>Visit record saved</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>发现的情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>记录走访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <source>更正所选记录…</source>
        <translation>Correct selected record…</translation>
    </message>
    <message>
        <source>共 {n} 次走访</source>
        <translation>{n} visits in total</translation>
    </message>
    <message>
        <source>最近一次 {d}</source>
        <translation>latest {d}</translation>
    </message>
    <message>
        <source>下次应于 {d} 前走访</source>
        <translation>next visit due by {d}</translation>
    </message>
    <message>
        <source>（已逾期 {n} 天）</source>
        <translation>({n} days overdue)</translation>
    </message>
    <message>
        <source>已更正 {n} 次</source>
        <translation>corrected {n} times</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚无走访记录。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No visit records yet.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>健康</source>
        <translation>Healthy</translation>
    </message>
</context>
<context>
    <name>_OptionsDialog</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>共 {n} 项（双击打开儿童档案）</source>
        <translation>{n} items (double-click to open the child&apos;s file)</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>本周应访（含逾期）</source>
        <translation>Due this week (incl. overdue)</translation>
    </message>
    <message>
        <source>本月应访（含逾期）</source>
        <translation>Due this month (incl. overdue)</translation>
    </message>
    <message>
        <source>按组排路线</source>
        <translation>Route by village group</translation>
    </message>
    <message>
        <source>按住址排路线</source>
        <translation>Route by address</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>排查轮次</source>
        <translation>Screening round</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>个案</source>
        <translation>Case</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>界面语言 / Language…</source>
        <translation>Language / 界面语言…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>学籍库比对导入…</source>
        <translation>Import school roll for comparison…</translation>
    </message>
</context>
</TS>
