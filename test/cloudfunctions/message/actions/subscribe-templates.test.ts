import { DEV_TEMPLATE_IDS } from '../../../../cloudfunctions/_lib/wechat';
import { codeOf, dataOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.subscribeTemplates', () => {
  it('names the configured template ids of a moment, and nothing for a template without an id', async () => {
    const s = await messageScene();
    const ask = (moment: string) => s.h.call('message', 'subscribeTemplates', { moment }, s.youth);
    expect(dataOf(await ask('nominationSubmitted')).templateIds).toEqual([DEV_TEMPLATE_IDS.reviewResult]);
    expect(dataOf(await ask('workbench')).templateIds).toEqual([DEV_TEMPLATE_IDS.todo]);
    expect(codeOf(await ask('anytime'))).toBe('INPUT.INVALID');
    s.h.deps.templates = { todo: DEV_TEMPLATE_IDS.todo };
    expect(dataOf(await ask('nominationSubmitted')).templateIds).toEqual([]);
  });
});
