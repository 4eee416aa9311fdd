import { accountContract } from '../../../miniprogram/core/contracts/account';
import { adminContract, noticeContract } from '../../../miniprogram/core/contracts/admin';
import { optionalText, text } from '../../../miniprogram/core/contracts/common';
import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import { NominationForm } from '../../../miniprogram/core/contracts/nomination-form';
import { demoForm, demoIdNumber } from '../../../scripts/local/seed';

/** Issue 8 §13: free text refuses NUL and other control characters; line breaks and tabs stay allowed. */
describe('free text', () => {
  it.each(['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u200b\u0000'])('refuses %j', (bad) => {
    expect(text(50).safeParse(`正常文字${bad}`).success).toBe(false);
    expect(optionalText(50).safeParse(`正常文字${bad}`).success).toBe(false);
  });

  it.each(['两行\n文字', '制表\t文字', '普通文字'])('accepts %j', (good) => {
    expect(text(50).safeParse(good).success).toBe(true);
  });

  const NUL = '甲\u0000乙';
  const form = demoForm({
    name: '王青',
    idNumber: demoIdNumber('330602', '1996-05-20', 2),
    phone: '13900002222',
    post: '技术员',
  });
  it.each<[string, { safeParse(v: unknown): { success: boolean } }, unknown]>([
    ['form name', NominationForm, { ...form, name: NUL }],
    ['form deeds', NominationForm, { ...form, deeds: `${form.deeds}${NUL}` }],
    ['form post', NominationForm, { ...form, post: NUL }],
    [
      'review comment',
      nominationContract.actions.review.input,
      { nominationId: 'n1', decision: 'reject', comment: NUL },
    ],
    ['withdraw reason', nominationContract.actions.withdraw.input, { nominationId: 'n1', reason: NUL }],
    ['review search', nominationContract.actions.listForReview.input, { keyword: NUL }],
    ['objection', noticeContract.actions.object.input, { nominationId: 'n1', content: `请核实该同志情况${NUL}` }],
    ['notice search', noticeContract.actions.list.input, { keyword: NUL }],
    ['roster search', adminContract.actions.roster.input, { keyword: NUL }],
    ['display name', accountContract.actions.bindUnit.input, { unitId: 'u1', displayName: NUL }],
  ])('%s refuses a NUL', (_label, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
