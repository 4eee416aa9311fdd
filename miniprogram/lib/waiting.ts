import type { Waiting } from '../core/waiting';

/** Who the record waits on, as the server says (core/waiting.ts); '' when nothing is pending. */
export function waitingText(w: Waiting | null): string {
  if (!w) return '';
  if (w.step === 'review') {
    if (w.by === 'unit') return `等待${w.orgName}管理员审核`;
    return `本单位尚无管理员，等待${w.by === 'district' ? `${w.orgName}团委` : '团市委'}代为审核`;
  }
  if (w.step === 'filing')
    return w.by === 'unit' ? `等待${w.orgName}备案名单` : `等待${w.orgName || '团市'}团委统一备案`;
  return '';
}
