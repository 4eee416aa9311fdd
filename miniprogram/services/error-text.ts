/** The one place where error codes become Chinese text for users. */
import { chineseDate } from '../core/china-time';
import { chinaDateText } from '../lib/format';
import type { ErrorCode } from '../core/errors';
import { STATUS_LABELS, type NominationStatus } from '../core/nomination';

type Details = Record<string, unknown> | undefined;

const str = (d: Details, key: string): string => (d && typeof d[key] === 'string' ? (d[key] as string) : '');

const statusText = (s: string): string =>
  Object.prototype.hasOwnProperty.call(STATUS_LABELS, s) ? STATUS_LABELS[s as NominationStatus] : '处理中';

// Deadlines are +08:00 instants; show them as China dates whatever the phone's zone.
const instantText = chinaDateText;

/** Exported for the test that keeps it equal to ERROR_CODES; callers use `errorText`. */
export const ERROR_TEXT: Record<ErrorCode, string | ((d: Details) => string)> = {
  'ACTION.UNKNOWN': '当前版本不支持该操作，请更新小程序后重试',
  'INPUT.INVALID': '填写内容有误，请检查后重新提交',
  'AUTH.UNAUTHENTICATED': '无法识别您的微信身份，请重新进入小程序',
  'AUTH.FORBIDDEN': '您没有进行此操作的权限',
  'AUTH.OUT_OF_SCOPE': '该对象不在您的管理范围内',
  'ACCOUNT.ALREADY_BOUND': '您已有进行中的推荐，暂不能更换单位，请联系单位管理员',
  'ACCOUNT.NOT_BOUND': '请先绑定所在单位',
  'ORG.NOT_FOUND': '未找到该单位或区县',
  'ORG.NOT_A_UNIT': '请选择具体的单位',
  'ROLE.NOT_FOUND': '该人员已无此职务',
  'INVITE.INVALID': '邀请码无效，请核对后重新输入',
  'INVITE.USED': '该邀请码已被使用',
  'INVITE.EXPIRED': '该邀请码已过期，请联系上级重新发放',
  'INVITE.TOO_MANY_ATTEMPTS': '邀请码输错过多，请1小时后再试',
  'PERIOD.NOT_FOUND': '当前没有进行中的选培期',
  'PERIOD.NOT_OPEN': (d) => `本期推荐尚未开始${str(d, 'opensAt') ? `，将于${instantText(str(d, 'opensAt'))}开放` : ''}`,
  'PERIOD.CLOSED': (d) =>
    `本期推荐已截止${str(d, 'deadline') ? `（截止时间：${instantText(str(d, 'deadline'))}）` : ''}`,
  'ELIGIBILITY.ID_FORMAT': '身份证号格式不正确，应为18位',
  'ELIGIBILITY.ID_REGION': '身份证号前6位地区码无效，请核对',
  'ELIGIBILITY.ID_CHECKSUM': '身份证号校验位不正确，请核对最后一位',
  'ELIGIBILITY.ID_DATE': '身份证号中的出生日期无效',
  'ELIGIBILITY.TOO_OLD': (d) =>
    str(d, 'cutoff') ? `${chineseDate(str(d, 'cutoff'))}（含）以后出生方可参加本期选培` : '年龄超过本期选培要求',
  'ELIGIBILITY.TOO_YOUNG': '年龄未达到参加选培的最低要求',
  'ELIGIBILITY.NOT_ON_STAFF': '须为本单位在编人员方可参加选培',
  'ELIGIBILITY.PHONE_FORMAT': '手机号格式不正确',
  'ELIGIBILITY.ATTESTATION_MISSING': '请逐项确认符合寻访选树标准（政治素质、道德品行、业绩贡献）',
  'PROFILE.DEGREE_MISMATCH': '学位与学历不匹配，请重新选择',
  'CONSENT.REQUIRED': '请先阅读并同意《个人信息处理规则》后再填写身份证号和手机号',
  'CONSENT.NOT_GIVEN': '您目前没有有效的个人信息处理授权，无需撤回',
  'CONSENT.WITHDRAWN': '本人已撤回个人信息处理授权，不能再查看完整号码',
  'CLAIM.INVALID': '认领码或身份证号不正确，请核对单位提供的认领码',
  'CLAIM.TOO_MANY_ATTEMPTS': '认领码输错次数过多，请 1 小时后再试；如仍无法认领，请联系单位重新发放认领码',
  // Issue 8 §6: a cadre is told where the other record is (unit and status, never who entered it).
  'NOMINATION.DUPLICATE': (d) =>
    str(d, 'heldByUnit')
      ? `该身份证号本期已在“${str(d, 'heldByUnit')}”有推荐记录（${statusText(str(d, 'heldStatus'))}），不能重复推荐。` +
        '如该记录冒用了他人身份证号，请联系区县团委核实后作废'
      : '本期已存在该人员的推荐，不能重复提交',
  'NOMINATION.NOT_FOUND': '未找到该推荐记录',
  'NOMINATION.OWN_RECORD': '这是您本人的推荐，需回避：请由上级团组织审核',
  'NOMINATION.NOT_REVIEWER': '本单位审核由单位管理员负责，您仅可查看',
  'NOMINATION.INVALID_STATE': '该推荐的状态已变化，请刷新后重试',
  'QUOTA.EXCEEDED': (d) =>
    typeof d?.limit === 'number'
      ? `本单位名额已满（${d.limit}名），如需增加请联系区县团委或团市委`
      : '本单位名额已满，如需增加请联系区县团委或团市委',
  'QUOTA.BELOW_USED': (d) =>
    typeof d?.used === 'number' ? `名额不能少于已通过人数（${d.used}名）` : '名额不能少于已通过人数',
  'QUOTA.REQUEST_PENDING': '本单位已有一条名额申请待区县团委审批，请等待审批结果',
  'QUOTA.REQUEST_NOT_HIGHER': (d) =>
    typeof d?.limit === 'number' ? `申请的名额须多于现有名额（${d.limit}名）` : '申请的名额须多于现有名额',
  'QUOTA.REQUEST_NOT_FOUND': '未找到该名额申请',
  'QUOTA.REQUEST_DECIDED': '该名额申请已审批',
  'FILING.LOCKED': '该名单已备案锁定，如需修改请联系区县团委或团市委退回',
  'FILING.ALREADY_FILED': '该名单已备案，无需重复提交',
  'FILING.NOT_FILED': '该名单尚未备案',
  'FILING.OBJECTIONS_PENDING': (d) =>
    typeof d?.open === 'number'
      ? `还有${d.open}条公示异议未处理，处理完毕后方可备案`
      : '还有公示异议未处理，处理完毕后方可备案',
  'FILING.EMPTY': '名单中没有已通过的好青年：如本单位本期确无推荐人选，请勾选“本单位本期无推荐人选”并说明原因后再备案',
  'OBJECTION.NOT_FOUND': '未找到该异议',
  'OBJECTION.RESOLVED': '该异议已处理',
  'OBJECTION.DUPLICATE': '您对该同志的异议正在核实中，请勿重复提交',
  'OBJECTION.LIMIT': '您今天提交的异议已达上限，请明天再试',
  'FILE.INVALID': (d) =>
    ({
      type: '文件格式不符：仅支持 JPG、PNG 照片或 PDF 文件',
      size: '文件过大：照片不超过 5 MB，PDF 不超过 10 MB',
      hash: '文件校验未通过（上传不完整），请重新上传',
    })[str(d, 'problem')] ?? '文件无效或已失效，请重新上传',
  'MESSAGE.NOT_FOUND': '该消息不存在或已删除',
  'MESSAGE.UNKNOWN_TEMPLATE': '订阅的消息类型无效，请稍后重试',
  'MESSAGE.GRANT_LIMIT': '今天的订阅次数已达上限，请明天再试',
  'EXPORT.EMPTY': '所选范围内暂无已通过的好青年，无法生成汇总表',
  'MENTORING.NOT_SELECTED': '您本期尚未入选好青年，入选后方可结对导师',
  'MENTORING.NOT_FOUND': '未找到该导师或结对记录',
  'MENTORING.INVALID_STATE': '该结对的状态已变化，请刷新后重试',
  'MENTORING.PROFILE_INCOMPLETE': '该导师尚未完善资料（工作单位、所属系统、所在区县），暂不能结对',
  'MENTORING.OVER_CAPACITY': '该导师的结对名额已满',
  'MENTORING.BARRED': (d) =>
    typeof d?.reason === 'string' ? `不能结对：${d.reason}` : '该导师与该青年需回避，不能结对',
  'MENTORING.YOUTH_MATCHED': '该青年已有导师或待确认的结对',
  'MENTORING.NOT_PARTY': '这不是您的结对，无法操作',
  'MENTORING.UNKNOWN_EXPERTISE': '所选领域不在全市擅长领域清单中，请刷新后重选',
  'SERVICE.NOT_FOUND': '未找到该服务申请',
  'SERVICE.INVALID_STATE': '申请状态已变化，请刷新',
  'SERVICE.NOT_HANDLER': '您不是该类服务的经办人',
  'SERVICE.NOT_REQUESTER': '只有申请人可以操作',
  'SERVICE.TYPE_UNKNOWN': '该服务类型暂不可申请',
  'SERVICE.CONSENT_REQUIRED': '请先同意该服务的信息使用授权',
  'SERVICE.REOPEN_EXPIRED': '已超过7天，不能重新办理',
  'SERVICE.DAILY_LIMIT': '今天的申请次数已达上限',
  'SERVICE.HANDLER_INVALID': '经办人须为该区县或团市委的管理员',
  'SERVICE.OFFER_CLOSED': '该政策已截止申请',
  'SERVICE.NOT_ELIGIBLE': '您不在该政策的适用范围内',
  'IMPORT.INVALID': '文件有错误，未导入任何数据',
  'PERIOD.INVALID': '期次设置有误，请检查日期先后',
  'YOUTH.NOT_FOUND': '未找到该青年的记录',
  'YOUTH.INVALID_STATE': '该记录当前状态不能进行此操作',
  'YOUTH.REMINDED': '今日已提醒过该单位',
  'CULTIVATION.NOT_SELECTED': '您尚未入选好青年',
  'CULTIVATION.NOT_FOUND': '未找到该记录',
  'CULTIVATION.INVALID_STATE': '状态已变化，请刷新',
  'CULTIVATION.FUTURE_DATE': '日期不能晚于今天',
  'CULTIVATION.DATE_ORDER': '日期不能早于上一环节',
  'CULTIVATION.PARTY_EXISTS': '已有入党培养记录',
  'CULTIVATION.NOT_LEAGUE_MEMBER': '须为共青团员',
  'CULTIVATION.NOT_RECOMMENDED': '未满29周岁须先经团组织推优',
  'CULTIVATION.LEAGUE_ORG': '请填写推优团组织',
  'CULTIVATION.QUOTA_FULL': '本单位推优名额已满',
  'CULTIVATION.QUOTA_BELOW_USED': '名额不能少于已用数',
  'CULTIVATION.RESERVE_EXISTS': '已在后备干部推荐中',
  'CULTIVATION.CLOSED': '截止日期不能早于今天',
  'CULTIVATION.NOT_ELIGIBLE': '该青年不符合评选条件',
  'MENTORING.ALREADY_SIGNED': '您已签署过本协议',
  'MENTORING.TEXT_CHANGED': '协议内容已更新，请重新阅读后签署',
  'MENTORING.SIGNATURE_USED': '该签名已用于其他协议，请重新签名',
  'MENTORING.NO_MEETING': '请先记录首次见面',
  'REQUEST.ID_REUSED': '这次提交与之前的请求冲突，请返回后重新操作',
  'SYS.INTERNAL': '系统繁忙，请稍后重试',
};

export function errorText(code: ErrorCode, details?: Details): string {
  const entry = ERROR_TEXT[code];
  return typeof entry === 'function' ? entry(details) : entry;
}

export const NETWORK_ERROR_TEXT = '网络异常，请检查网络后重试';
