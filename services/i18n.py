"""Messages the services give people, in 简体中文 (default) and English.

Services carry no Qt, so their messages are looked up here; ``main.py`` sets
the language from ``--lang`` and the GUI shows the text as it comes.
"""

from __future__ import annotations

_LANG = "zh_CN"

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("必填", "is required"),
    "name_digits": ("姓名不能包含数字", "a name cannot contain digits"),
    "name_too_long": ("姓名不能超过 30 个字", "a name cannot be longer than 30 characters"),
    "name_chars": ("姓名只能包含文字、空格和“·”", "a name may hold only letters, spaces and “·”"),
    "control_chars": ("含有不可见的控制字符", "contains invisible control characters"),
    "mobile_format": (
        "手机号应为 13–19 开头的 11 位数字",
        "a mobile number is 11 digits starting 13–19",
    ),
    "id_15": (
        "不接受 15 位旧身份证号，请填写 18 位号码",
        "15-digit ID numbers are not accepted; enter the 18-digit number",
    ),
    "id_length": ("身份证号应为 18 位", "an ID number has 18 characters"),
    "id_chars": ("身份证号只能是数字，末位可为 X", "an ID number is digits, the last may be X"),
    "id_province": ("身份证号的地区码无效", "the ID number's region code is not valid"),
    "id_birth": ("身份证号中的出生日期不存在或在未来", "the ID number's birth date is impossible or in the future"),
    "id_check": ("身份证号校验位不正确", "the ID number's check digit is wrong"),
    "note_too_long": ("不能超过 {max} 个字（现 {n} 个）", "cannot be longer than {max} characters (now {n})"),
    "text_too_long": ("不能超过 {max} 个字", "cannot be longer than {max} characters"),
    "date_format": ("日期格式应为 YYYY-MM-DD 或 YYYY/M/D", "a date is YYYY-MM-DD or YYYY/M/D"),
    "date_impossible": ("日期不存在", "no such date"),
    "time_format": ("时间格式应为 HH:MM", "a time is HH:MM"),
    "date_future": ("不能是未来的日期", "cannot be in the future"),
    "date_past": ("不能是过去的日期", "cannot be in the past"),
    # files and faults (docs/files-and-faults.md)
    "date_too_early": ("日期不能早于 {min}", "cannot be before {min}"),
    "db_healthy": ("数据库正常：{path}", "database healthy: {path}"),
    "db_damaged": ("数据库已损坏或不可用：{path}：{why}", "database damaged or unusable: {path}: {why}"),
    "db_missing": ("文件不存在", "the file does not exist"),
    "db_empty_file": ("文件为 0 字节，不是数据库", "the file is zero bytes, not a database"),
    "db_not_sqlite": ("不是 SQLite 数据库文件", "not an SQLite database file"),
    "db_truncated": ("文件被截断（应为 {expected} 字节，实为 {actual} 字节）",
                     "the file is truncated ({actual} of {expected} bytes)"),
    "db_foreign": ("不是本程序的数据库", "not a database of this program"),
    "db_uninitialised": ("数据库尚未初始化，请先运行 init", "the database is not set up yet; run init"),
    "db_revision_unknown": ("数据库结构版本 {rev} 未知（可能来自更新的程序版本）",
                            "unknown schema revision {rev} (perhaps from a newer version of the program)"),
    "db_integrity": ("完整性检查未通过：{detail}", "integrity check failed: {detail}"),
    "db_foreign_keys": ("外键检查未通过：表 {table}", "foreign key check failed in table {table}"),
    "db_unreadable": ("无法读取：{detail}", "cannot be read: {detail}"),
    "backup_newest": ("最新备份：{path}（{at}）", "newest backup: {path} ({at})"),
    "restore_hint": ("恢复方法：lobbydesk restore --from {path}", "to restore it: lobbydesk restore --from {path}"),
    "backup_none": ("未找到备份（已查找 {dirs}）", "no backup found (looked in {dirs})"),
    "backup_exists": ("{path} 已存在；确需覆盖请加 --force", "{path} already exists; add --force to overwrite it"),
    "backup_same_file": ("备份不能写到数据库文件本身", "a backup cannot overwrite the database itself"),
    "backup_copy_bad": ("备份副本检查未通过：{why}", "the copy failed its check: {why}"),
    "backup_done": ("已备份并检查：{path}", "backed up and checked: {path}"),
    "backup_pg": ("PostgreSQL 请使用 pg_dump 备份：\n  {cmd}", "for PostgreSQL use pg_dump:\n  {cmd}"),
    "restore_refused": ("不能用 {path} 恢复：{why}", "cannot restore from {path}: {why}"),
    "restore_same": ("这就是当前数据库", "it is the database in use"),
    "restore_in_use": ("数据库正被其他连接使用；请先关闭各工作站上的本程序",
                       "the database is in use; close the program on every workstation first"),
    "restore_pg": ("PostgreSQL 请使用 pg_restore 恢复：{cmd}", "for PostgreSQL use pg_restore: {cmd}"),
    "restore_done": ("已恢复：{path}（来自 {source}）", "restored {path} from {source}"),
    "restore_kept": ("被替换的数据库保存为：{path}", "the replaced database is kept as {path}"),
    "failed_see_log": ("失败：{why}（详情已写入日志 {log}）", "failed: {why} (details written to {log})"),
    "failed_no_log": ("失败：{why}", "failed: {why}"),
    "db_run_check": ("数据库可能已损坏，请运行 lobbydesk check", "the database may be damaged; run lobbydesk check"),
    "not_in_list": ("“{value}”不在可选范围内", "“{value}” is not one of the allowed values"),
    "rm_not_active": ("{value} 不是在岗的理财经理", "{value} is not an active relationship manager"),
    "referrer_unknown": ("推介人 {value} 不存在", "referrer {value} does not exist"),
    "staff_unknown": ("工号 {value} 不存在", "staff id {value} does not exist"),
    "contact_time_required": (
        "待跟进时必须填写客户方便联系的时间", "a pending referral needs the client's preferred contact time",
    ),
    "staff_id_format": ("工号应为 1–32 位字母或数字", "a staff id is 1–32 letters or digits"),
    "staff_id_taken": ("工号 {value} 已存在", "staff id {value} already exists"),
    "duplicate_in_file": ("与第 {row} 行重复", "repeats row {row}"),
    "password_short": (
        "密码至少 8 位，且包含字母和数字", "a password has at least 8 characters, with letters and digits",
    ),
    "password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "password_same": ("新密码不能与原密码相同", "the new password must differ from the old one"),
    "login_failed": ("工号或密码不正确", "wrong staff id or password"),
    "login_locked": ("账户已锁定，请于 {until} 后再试", "the account is locked until {until}"),
    "login_inactive": ("账户已停用", "the account is disabled"),
    "branch_unknown": ("网点 {value} 不存在", "branch {value} does not exist"),
    "branch_ambiguous": ("有多个网点，请填写网点列", "there are several branches; fill the branch column"),
    "file_unreadable": ("无法读取文件：{why}", "cannot read the file: {why}"),
    "file_type": ("只接受 .csv 或 .xlsx 文件", "only .csv or .xlsx files are accepted"),
    "file_encoding": ("文件编码应为 UTF-8 或 GB18030", "the file must be UTF-8 or GB18030"),
    "missing_column": ("缺少必需的列", "required column is missing"),
    "unknown_column": ("无法识别的列", "column not recognised"),
    "file_empty": ("文件中没有数据行", "the file has no data rows"),
    "reason_required": ("必须填写原因", "a reason is required"),
    "amount_format": ("金额应为非负数，最多两位小数", "an amount is a non-negative number with at most two decimals"),
    "already_voided": ("该推介已作废", "this referral is already void"),
    "not_own_referral": ("只能修改自己提交的推介", "you may change only referrals you filed"),
    "followup_closed": ("该跟进已结束", "this follow-up is already closed"),
    "appointment_past": ("预约时间已过，请选择以后的时间", "the appointment time has passed; choose a later time"),
    "reassign_same_rm": ("该跟进已由这位理财经理负责", "this follow-up is already with that RM"),
    "day_incomplete": ("还有 {n} 条推介未确认营销成果", "{n} referrals still lack the RM's outcome"),
    "day_already_closed": ("{day} 已日终关闭", "{day} is already closed"),
    "day_not_closed": ("{day} 尚未关闭，无需重新打开", "{day} is not closed; there is nothing to reopen"),
    "not_referred": ("只有已推介的客户需要确认营销成果", "only referred clients have an outcome to confirm"),
    "stale": ("{by} 已于 {at} 修改了此记录，请刷新后再保存", "{by} changed this record at {at}; reload before saving"),
    "stale_unknown": ("此记录已被他人修改，请刷新后再保存", "someone else changed this record; reload before saving"),
    "busy": (
        "数据库正忙，本次保存未完成，请稍后再试",
        "the database is busy; nothing was saved, please try again in a moment",
    ),
    "permission_denied": ("角色 {role} 无权执行 {action}", "role {role} may not {action}"),
    "not_found": ("{entity} {what} 不存在", "{entity} {what} does not exist"),
    "day_read_only": ("{day} 已日终核对关闭，不能修改", "day {day} is closed and read-only"),
    "db_network_share": (
        "数据库路径 {path} 位于网络共享上；多台工作站请使用 PostgreSQL",
        "the database path {path} is on a network share; use PostgreSQL for several workstations",
    ),
    "db_remote_mount": (
        "数据库路径 {path} 位于网络文件系统上；多台工作站请使用 PostgreSQL",
        "the database path {path} is on a remote mount; use PostgreSQL for several workstations",
    ),
    "db_bad_url": ("无法识别的数据库地址：{why}", "unrecognised database URL: {why}"),
    "db_unsupported": ("不支持的数据库 {backend}（请使用 sqlite 或 postgresql）",
                       "unsupported database {backend} (use sqlite or postgresql)"),
    "client_changed": ("手机号已属于另一位客户", "this mobile number belongs to another client"),
    "gender_value": ("性别应为 男/女", "gender is 男/女 (male/female)"),
    "no_branch": ("数据库中还没有网点，请先运行 init", "the database has no branch yet; run init first"),
    "cannot_disable_self": ("不能停用自己的账户", "you cannot disable your own account"),
    "not_empty": (
        "数据库中已有数据，demo 只能在空数据库上运行", "the database already has data; demo runs only on an empty one",
    ),
    "duplicate_column": ("列名重复", "the column appears more than once"),
    "column_n": ("第 {n} 列", "column {n}"),
    "no_header": ("该列有数据但没有列名", "has values but no column name"),
    "day_closed": ("{value} 已日终核对关闭，不能再添加推介", "{value} is closed; no referral can be added to it"),
    "branch_code_format": ("网点代码应为 1–32 位字母或数字", "a branch code is 1–32 letters or digits"),
    "setup_done": ("本数据库已设立网点和账户，请直接登录", "this database is already set up; sign in instead"),
    # the weekly summary (docs/weekly.md)
    "weekly_already_submitted": (
        "本周工作进度汇总表已于 {at} 提交，提交后不能再修改",
        "this week's summary was submitted at {at}; it cannot be changed",
    ),
    "weekly_future_week": ("不能提交尚未开始的一周", "a week that has not begun cannot be submitted"),
    "weekly_out_suffix": ("汇总表只能保存为 .pdf 或 .xlsx", "the roll-up is saved as .pdf or .xlsx"),
    "weekly_out_dir": ("文件夹 {dir} 不存在", "the folder {dir} does not exist"),
    # the RM's received referrals (docs/received.md)
    "no_deal_reason_required": ("未成交时请选择原因", "choose why there was no deal"),
    "outcome_first": ("请先记录营销成果", "record the outcome first"),
    "follow_up_open_already": ("该客户已有未结束的跟进", "this client already has an open follow-up"),
    # the work diary (docs/diary.md)
    "datetime_past": ("必须晚于现在", "must be later than now"),
    "appointment_not_scheduled": (
        "该预约已标记为已见面、未到或已改期", "this appointment is already held, missed or moved",
    ),
    "appointment_not_yet": ("预约日期未到，不能标记", "the appointment's day has not come yet"),
    "plan_exists": ("该客户当天已有同类计划", "this client already has that kind of plan on that day"),
    "plan_week": ("计划日期应在本周或下周", "a plan's date is in this week or next"),
    "file_type_pdf": ("请选择已存在文件夹中的 .pdf 文件", "choose a .pdf file in an existing folder"),
    "not_own_client": ("只能为自己管户的客户制订计划", "you may plan only for your own clients"),
    # imports (docs/imports.md)
    "not_xlsx": ("不是有效的 .xlsx 电子表格", "not a valid .xlsx spreadsheet"),
    "search_too_long": ("搜索内容过长（最多 {max} 个字）", "the search text is too long (at most {max} characters)"),
    "too_many": ("最多 {max} 项", "at most {max} items"),
    "import_busy": (
        "导入期间数据库中的相关记录一再变化，请稍后重试", "the records this import touches kept changing; try again",
    ),
    # scoring (docs/scoring.md)
    "whole_number_range": ("应为 {lo}–{hi} 的整数", "a whole number from {lo} to {hi}"),
    "weights_sum": ("各项权重之和应为 100（现为 {total}）", "the weights must add up to 100 (now {total})"),
    "threshold_below": ("应低于上一档的 {other}", "must be below the tier above ({other})"),
    "band_format": ("每档应为起点金额（非负，最多两位小数）和 0–100 的分数",
                    "each band is a starting amount (non-negative, at most two decimals) and points 0–100"),
    "bands_increasing": ("各档起点金额应逐档递增，分数不能递减",
                         "each band must start above the one before, with no fewer points"),
    "bands_too_many": ("最多 {max} 档", "at most {max} bands"),
    "rating_range": ("评分应为 0–{max} 的整数", "a rating is a whole number from 0 to {max}"),
    # maintenance (docs/maintenance.md)
    "maintenance_tier": ("只有优质、待争取和潜质客户才记录维护",
                         "maintenance is recorded for premium, to-win and potential clients"),
    "moment_future": ("不能晚于现在", "cannot be later than now"),
    "plan_days": ("应为 1–366 的整数天数，或留空表示不安排",
                  "a whole number of days from 1 to 366, or empty for none"),
    "id_number_differs": ("与该手机号客户已登记的证件号不同", "differs from the ID number on file for this mobile"),
}


def set_language(lang: str) -> None:
    global _LANG
    _LANG = "en" if lang.lower().startswith("en") else "zh_CN"


def language() -> str:
    return _LANG


def msg(key: str, **kwargs: object) -> str:
    zh, en = MESSAGES[key]
    text = en if _LANG == "en" else zh
    return text.format(**kwargs) if kwargs else text
