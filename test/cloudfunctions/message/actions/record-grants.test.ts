import { DEV_TEMPLATE_IDS } from '../../../../cloudfunctions/_lib/wechat';
import { DAILY_GRANTS } from '../../../../cloudfunctions/message/src/actions/record-grants';
import { codeOf, dataOf } from '../../../support/harness';
import { messageScene, type MessageScene } from '../message-scene';

describe('message.recordGrants (the grant ledger)', () => {
  let s: MessageScene;
  beforeEach(async () => {
    s = await messageScene();
  });
  const record = (results: Array<{ templateId: string; result: 'accept' | 'reject' | 'ban' | 'filter' }>) =>
    s.h.call('message', 'recordGrants', { results }, s.youth);

  it('records one grant per accepted template and nothing for reject, ban or filter', async () => {
    const res = await record([
      { templateId: DEV_TEMPLATE_IDS.reviewResult, result: 'accept' },
      { templateId: DEV_TEMPLATE_IDS.todo, result: 'reject' },
    ]);
    expect(dataOf(res).recorded).toBe(1);
    expect(await s.grants()).toEqual([
      expect.objectContaining({
        openid: s.youth.openid,
        template: 'reviewResult',
        templateId: DEV_TEMPLATE_IDS.reviewResult,
        state: 'available',
        usedAt: null,
      }),
    ]);
    expect(dataOf(await record([{ templateId: DEV_TEMPLATE_IDS.todo, result: 'ban' }])).recorded).toBe(0);
    expect(await s.grants()).toHaveLength(1);
  });

  it('refuses a template id we do not use, and writes nothing', async () => {
    const before = await s.h.snapshot();
    const res = await record([
      { templateId: DEV_TEMPLATE_IDS.todo, result: 'accept' },
      { templateId: 'someone-elses-template', result: 'accept' },
    ]);
    expect(codeOf(res)).toBe('MESSAGE.UNKNOWN_TEMPLATE');
    expect(await s.h.snapshot()).toEqual(before);
  });

  it('takes at most three templates a request, as WeChat asks', async () => {
    const four = Array.from({ length: 4 }, () => ({ templateId: DEV_TEMPLATE_IDS.todo, result: 'accept' as const }));
    expect(codeOf(await record(four))).toBe('INPUT.INVALID');
  });

  it(`records at most ${DAILY_GRANTS} grants per person per China day`, async () => {
    const three = Array.from({ length: 3 }, () => ({ templateId: DEV_TEMPLATE_IDS.todo, result: 'accept' as const }));
    for (let i = 0; i < 6; i += 1) dataOf(await record(three));
    expect(codeOf(await record(three))).toBe('MESSAGE.GRANT_LIMIT');
    expect(await s.grants()).toHaveLength(18);
    expect(dataOf(await s.h.call('message', 'recordGrants', { results: three }, s.admin)).recorded).toBe(3);
  });
});
