/** A nomination's masked summary (R9.1: only masked numbers ever reach the phone); actions go in the slot. */
import type { NominationView } from '../../core/contracts/nomination';
import { chinaDateTime, SEX_LABELS } from '../../lib/format';

interface Row {
  label: string;
  value: string;
}

/** `withRecord`: the nomination-record below gives the full position line, so the card leaves it out. */
function rowsOf(n: NominationView, withRecord: boolean): Row[] {
  const rows: Row[] = [
    { label: '身份证号', value: n.idNumberMasked },
    { label: '手机号', value: n.phoneMasked },
    // Age, never the birth date: beside the masked number it would complete it (R9.1).
    { label: '年龄', value: `${n.age}岁（${SEX_LABELS[n.sex]}）` },
    ...(withRecord ? [] : [{ label: '职务/岗位', value: n.post }]),
    { label: '所在单位', value: n.unitName },
  ];
  const submitted = chinaDateTime(n.submittedAt);
  if (submitted) rows.push({ label: '提交时间', value: submitted });
  return rows;
}

const isView = (n: Partial<NominationView>): n is NominationView => typeof n.id === 'string' && n.id !== '';

Component({
  properties: {
    nomination: { type: Object, value: {} },
    /** True where a nomination-record follows the card (it shows the position in full). */
    withRecord: { type: Boolean, value: false },
  },
  data: { name: '', status: '', rows: [] as Row[] },
  observers: {
    'nomination, withRecord'(n: Partial<NominationView>, withRecord: boolean) {
      if (!isView(n)) return;
      this.setData({ name: n.name, status: n.status, rows: rowsOf(n, withRecord) });
    },
  },
});
