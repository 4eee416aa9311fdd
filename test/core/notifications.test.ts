/**
 * The notification catalogue (issue 10): every kind renders template fields WeChat accepts, whatever the
 * parameters (names and reasons of any length, line breaks, emoji), and the in-app copy keeps the full text.
 */
import fc from 'fast-check';
import {
  CATALOGUE,
  clip,
  FIELD_LIMITS,
  MAX_TEMPLATES_PER_REQUEST,
  NOTIFICATION_KINDS,
  renderNotification,
  SUBSCRIBE_MOMENTS,
  TEMPLATES,
  templateTime,
  validField,
  type FieldType,
  type NotificationRequest,
} from '../../miniprogram/core/notifications';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 });
const reason = fc.oneof(
  text,
  fc.constant('经核实，该同志\n并非本单位在编人员，\t请核实。'),
  fc.constant('🎉'.repeat(30)),
);
const count = fc.integer({ min: 0, max: 100_000 });
const date = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2040-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Arbitrary parameters for each kind. */
/** Request ids are random letters and digits (`_lib/ids.ts`). */
const requestId = fc.stringMatching(/^[A-Za-z0-9]{1,24}$/);

const PARAMS: {
  [K in NotificationRequest['kind']]: fc.Arbitrary<Extract<NotificationRequest, { kind: K }>['params']>;
} = {
  'nomination.submitted': fc.record({ name: text }),
  'nomination.withdrawn': fc.record({ name: text }),
  'nomination.reviewed': fc.record({
    status: fc.constantFrom('approved', 'rejected', 'returned'),
    comment: fc.option(reason, { nil: null }),
  }),
  'nomination.unselected': fc.record({ note: reason }),
  'objection.received': fc.record({ name: text }),
  'objection.resolved': fc.record({ name: text, disposition: fc.constantFrom('upheld', 'dismissed'), note: reason }),
  'filing.filed': fc.record({ subject: text, rows: count }),
  'filing.reopened': fc.record({ subject: text, reason }),
  'filing.late': fc.record({ subject: text, deadline: date.map((d) => d.toISOString().slice(0, 10)) }),
  'filing.rowMismatch': fc.record({ subject: text, confirmed: count, filed: count }),
  'quota.changed': fc.record({ quota: count, reason }),
  'nomination.held': fc.record({ name: text }),
  'nomination.released': fc.constant({}),
  'filing.filedEmpty': fc.record({ subject: text, reason }),
  'quota.requested': fc.record({ unit: text, from: count, to: count, reason }),
  'quota.requestRefused': fc.record({ requested: count, reason }),
  'nomination.voided': fc.record({ name: text, reason }),
  'nomination.voidedInUnit': fc.record({ name: text, reason }),
  'match.published': fc.record({ youth: text, unit: text }),
  'match.assigned': fc.record({ mentor: text, org: text }),
  'match.accepted': fc.record({ mentor: text }),
  'match.declined': fc.record({ by: fc.constantFrom('mentor', 'youth'), name: text }),
  'match.ended': fc.record({ youth: text, mentor: text, reason }),
  'service.submitted': fc.record({ id: requestId, type: text }),
  'service.accepted': fc.record({ id: requestId, type: text }),
  'service.declined': fc.record({ id: requestId, type: text, reason }),
  'service.noted': fc.record({ id: requestId, type: text, note: reason }),
  'service.resolved': fc.record({ id: requestId, type: text, resolution: reason }),
  'service.confirmed': fc.record({ id: requestId, type: text, rating: fc.integer({ min: 1, max: 5 }) }),
  'service.reopened': fc.record({ id: requestId, type: text, reason }),
  'service.overdue': fc.record({ id: requestId, type: text, stage: fc.constantFrom('accept', 'resolve') }),
  'service.escalated': fc.record({ id: requestId, type: text, district: text }),
  'offer.published': fc.record({ title: text, closesOn: text }),
  'youth.changeRequested': fc.record({ name: text }),
  'youth.changeDecided': fc.record({ approved: fc.boolean(), unit: text, reason: fc.option(reason, { nil: null }) }),
  'youth.confirmDue': fc.constant({}),
  'measure.added': fc.record({ name: text, title: text }),
  'measure.decided': fc.record({ title: text, confirmed: fc.boolean(), reason: fc.option(reason, { nil: null }) }),
  'party.advanced': fc.record({ stage: text }),
  'reserve.nominated': fc.record({ name: text }),
  'party.birthdayAhead': fc.record({ name: text, date: date.map((d) => d.toISOString().slice(0, 10)) }),
  'agreement.signed': fc.record({ name: text, active: fc.boolean() }),
  'cycle.overdue': fc.record({ step: text, youth: text, unit: fc.boolean() }),
  'match.misfit': fc.record({ youth: text, mentor: text }),
};

const requestOf = fc.oneof(
  ...NOTIFICATION_KINDS.map((kind) =>
    (PARAMS[kind] as fc.Arbitrary<never>).map((params) => ({ kind, params, to: 'o' }) as NotificationRequest),
  ),
);

describe('the notification catalogue', () => {
  it('has parameters for every kind it declares (and no more)', () => {
    expect(Object.keys(PARAMS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('every kind renders every field of its template within WeChat’s types and limits, for any parameters', () => {
    fc.assert(
      fc.property(requestOf, date, (req, at) => {
        const m = renderNotification(req, at);
        const fields = TEMPLATES[m.template].fields as Record<string, FieldType>;
        expect(Object.keys(m.data).sort()).toEqual(Object.keys(fields).sort());
        for (const [key, type] of Object.entries(fields)) expect(validField(type, m.data[key].value)).toBe(true);
        expect(m.title.length).toBeGreaterThan(0);
        expect(m.body.length).toBeGreaterThan(0);
        expect(m.page).toMatch(/^[a-z-]+(\/[a-z-]+)*\/index(\?id=[A-Za-z0-9]+)?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('renders a return as the youth reads it, in the app and in WeChat', () => {
    const m = renderNotification(
      { kind: 'nomination.reviewed', params: { status: 'returned', comment: '请补充典型事迹' }, to: 'o' },
      new Date('2026-11-24T02:30:00Z'),
    );
    expect(m).toEqual({
      template: 'reviewResult',
      title: '推荐审核结果',
      body: '您的好青年推荐审核结果：已退回修改（请补充典型事迹）',
      page: 'package-youth/pages/nomination/mine/index',
      data: {
        thing1: { value: '好青年推荐审核' },
        phrase2: { value: '退回修改' },
        thing3: { value: '请补充典型事迹' },
        time4: { value: '2026-11-24 10:30' },
      },
    });
  });

  it('keeps the whole reason in the app and clips it to 20 characters for WeChat', () => {
    const note = '经核实该同志并非本单位在编人员且事迹材料与实际情况不符';
    const m = renderNotification({ kind: 'nomination.unselected', params: { note }, to: 'o' }, new Date());
    expect(m.body).toContain(note);
    expect(m.data.thing3.value).toBe(`${note.slice(0, 19)}…`);
    expect(Array.from(m.data.thing3.value)).toHaveLength(FIELD_LIMITS.thing);
  });

  it('tells the objector either outcome', () => {
    const at = new Date();
    const of = (disposition: 'upheld' | 'dismissed') =>
      renderNotification(
        { kind: 'objection.resolved', params: { name: '刘小新', disposition, note: '已核实' }, to: 'o' },
        at,
      );
    expect(of('upheld').data.phrase2.value).toBe('异议成立');
    expect(of('dismissed').data.phrase2.value).toBe('异议不成立');
    expect(of('dismissed').body).toBe('您对刘小新的公示异议经核实不成立：已核实');
  });

  it.each([
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing', '两行\n文字', false],
    ['phrase', '退回修改', true],
    ['phrase', '通过!', false],
    ['phrase', '一二三四五六', false],
    ['time', '2026-11-24 10:30', true],
    ['time', '2026-11-24', false],
    ['date', '2026年7月31日', true],
    ['character_string', 'ABC-123', true],
    ['character_string', '中文', false],
    ['number', '12.5', true],
    ['name', '欧阳一二三四五六七八', true],
    ['name', '欧阳一二三四五六七八九', false],
  ] as const)('validField(%s, %j) is %s', (type, value, expected) => {
    expect(validField(type, value)).toBe(expected);
  });

  it('clips by characters, never inside a surrogate pair', () => {
    expect(clip('🎉'.repeat(25), 20)).toBe(`${'🎉'.repeat(19)}…`);
    expect(clip('短', 20)).toBe('短');
  });

  it('shows the time in China time whatever the host zone', () => {
    expect(templateTime(new Date('2026-07-31T15:59:00Z'))).toBe('2026-07-31 23:59');
  });

  it('asks at most three templates per moment, each of the catalogue', () => {
    for (const keys of Object.values(SUBSCRIBE_MOMENTS)) {
      expect(keys.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST);
      for (const k of keys) expect(TEMPLATES).toHaveProperty(k);
    }
    // Every template some kind uses can be subscribed to at some moment.
    const asked = new Set(Object.values(SUBSCRIBE_MOMENTS).flat());
    for (const kind of NOTIFICATION_KINDS) expect(asked.has(CATALOGUE[kind].template)).toBe(true);
  });
});
