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
        <source>同步文件已导入</source>
        <translation>Sync file imported</translation>
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
        <source>童护登记文件 (*.tonghu-enrol *.json);;所有文件 (*)</source>
        <translation>Tonghu enrolment files (*.tonghu-enrol *.json);;All files (*)</translation>
    </message>
    <message>
        <source>本机已登记，范围：{scope}。以后可以用网络或U盘同步。</source>
        <translation>This computer is enrolled, scope: {scope}. From now on you can sync over the network or by USB stick.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>童护</source>
        <translation>Tonghu</translation>
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
</context>
<context>
    <name>BasicTab</name>
    <message>
        <source>（据身份证号）</source>
        <translation>(from ID number)</translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
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
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
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
        <source>标记已转出</source>
        <translation>Mark as moved away</translation>
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
        <source>此页无法加载：{e}</source>
        <translation>This page cannot be loaded: {e}</translation>
    </message>
    <message>
        <source>{a}岁</source>
        <translation>{a} years</translation>
    </message>
    <message>
        <source>已标记为“{s}”</source>
        <translation>Marked as “{s}”</translation>
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
        <source>共 {n} 名</source>
        <translation>{n} children</translation>
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
        <source>欢迎使用童护 — 首次设置</source>
        <translation>Welcome to Tonghu — first-time setup</translation>
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
        <source>童护 — 登录</source>
        <translation>Tonghu — Sign in</translation>
    </message>
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
        <source>童护 — {v}</source>
        <translation>Tonghu — {v}</translation>
    </message>
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
    <name>dialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>界面语言 / Language…</source>
        <translation>Language / 界面语言…</translation>
    </message>
</context>
</TS>
