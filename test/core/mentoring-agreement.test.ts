import {
  AGREEMENT_FLOW,
  AGREEMENT_STATUSES,
  agreementParagraphs,
  agreementText,
  canComplete,
  canEditTerms,
  canEnd,
  canSign,
  mayAnswerFit,
  type AgreementEvent,
  type AgreementTerms,
} from '../../miniprogram/core/mentoring-agreement';
import { transitionFor } from '../../miniprogram/core/workflow';

const SIGN = ['party', 'notSigned', 'sameText', 'signature'];

describe('the agreement table, every row', () => {
  it.each([
    ['unsigned', 'edit', 'unsigned', ['party']],
    ['unsigned', 'sign', 'signing', SIGN],
    ['signing', 'sign', 'active', SIGN],
    ['active', 'complete', 'completed', ['mentorParty', 'assessment', 'endMatch']],
    ['unsigned', 'end', 'ended', ['reason', 'endMatch']],
    ['signing', 'end', 'ended', ['reason', 'endMatch']],
    ['active', 'end', 'ended', ['reason', 'endMatch']],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(AGREEMENT_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row?.requires).toEqual(requires);
  });

  it('allows nothing else: the text cannot change once anyone signed, and closed agreements stay closed', () => {
    const events: AgreementEvent[] = ['edit', 'sign', 'complete', 'end'];
    const allowed = AGREEMENT_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(AGREEMENT_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'unsigned:edit',
        'unsigned:sign',
        'signing:sign',
        'active:complete',
        'unsigned:end',
        'signing:end',
        'active:end',
      ].sort(),
    );
    expect(AGREEMENT_STATUSES.filter(canEditTerms)).toEqual(['unsigned']);
    expect(AGREEMENT_STATUSES.filter(canSign)).toEqual(['unsigned', 'signing']);
    expect(AGREEMENT_STATUSES.filter(canComplete)).toEqual(['active']);
    expect(AGREEMENT_STATUSES.filter(canEnd)).toEqual(['unsigned', 'signing', 'active']);
  });
});

describe('the agreement text', () => {
  const terms: AgreementTerms = {
    mentorName: '王导师',
    mentorOrg: '绍兴银行',
    youthName: '李青',
    unitName: '柯桥农商银行',
    goals: [
      { goal: '数字化改革', start: 2, final: null },
      { goal: '金融服务', start: 3, final: null },
    ],
    note: '希望提升写作',
    months: 12,
    cycleDays: 30,
    year: '2026',
  };

  it('is generated from the pair’s data: parties, goals with their starting ratings, term, cycle, obligations', () => {
    const text = agreementText(terms);
    expect(text).toContain('导师王导师（绍兴银行）与青年李青（柯桥农商银行）');
    expect(text).toContain('1. 数字化改革（青年自评起点：2/5）');
    expect(text).toContain('2. 金融服务（青年自评起点：3/5）');
    expect(text).toContain('青年补充说明：希望提升写作');
    expect(text).toContain('结对期限为12个月');
    expect(text).toContain('以每月为一个周期');
    expect(text).toContain('四、导师职责');
    expect(text).toContain('五、青年职责');
    expect(text.startsWith('“好青年”导师结对培养师徒协议')).toBe(true);
  });

  it('changes with every term a signature covers', () => {
    const base = agreementText(terms);
    expect(agreementText({ ...terms, months: 6 })).not.toBe(base);
    expect(agreementText({ ...terms, cycleDays: 14 })).toContain('以每两周为一个周期');
    expect(agreementText({ ...terms, goals: [{ goal: '数字化改革', start: 4, final: null }] })).not.toBe(base);
    expect(agreementParagraphs({ ...terms, note: '' }).join('')).not.toContain('补充说明');
  });
});

describe('the pairing fit', () => {
  it('is asked after the first meeting, while the pair is open, until 合适', () => {
    expect(mayAnswerFit('active', 0, null)).toBe(false);
    expect(mayAnswerFit('active', 1, null)).toBe(true);
    expect(mayAnswerFit('unsigned', 1, null)).toBe(true);
    expect(mayAnswerFit('active', 2, 'unsure')).toBe(true);
    expect(mayAnswerFit('active', 2, 'good')).toBe(false);
    expect(mayAnswerFit('ended', 2, null)).toBe(false);
    expect(mayAnswerFit('completed', 2, null)).toBe(false);
  });
});
