import type { ServiceRequestDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tap, tapButton, textOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const FORM = loadPage('package-services/pages/form/index');

interface FormData {
  needsConsent: boolean;
  fields: Array<{ key: string; value: string; error: string }>;
  descriptionError: string;
}
const open = (query: Record<string, string>) => openPage<FormData>(FORM, bridge, query);

describe('服务申请 (the request form)', () => {
  it('housing in a few taps: choose each field, describe, confirm — then the request opens', async () => {
    const page = await open({ type: 'housing' });
    expect(textOf(page)).toContain('1个工作日内受理，10个工作日内办结');
    await tapButton(page, '.submit', bridge);
    expect(page.data.fields.map((f) => f.error)).toEqual(['请选择或填写', '请选择或填写', '请选择或填写']);
    expect(page.data.descriptionError).toBe('请简要描述您的需求（至少5个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('submit');
    for (const value of ['租房', '越城区', '2000–4000元/月']) {
      const choice = page.querySelectorAll('.choice').find((c) => textOf(c) === value);
      choice!.dispatchEvent('tap');
      await bridge.idle();
    }
    await typeInto(page, '.description', '刚来绍兴工作，想申请人才公寓', bridge);
    await tapButton(page, '.submit', bridge);
    const saved = await bridge.deps.store.collection<ServiceRequestDoc>('serviceRequests').find({});
    expect(saved).toHaveLength(1);
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/request/index?id=${saved[0]._id}` }),
    );
  });

  it('a sensitive type asks its own consent first; refusing goes back', async () => {
    const page = await open({ type: 'children' });
    expect(page.data.needsConsent).toBe(true);
    expect(textOf(page)).toContain('仅本服务的经办人可以查看，其他管理员只能看到申请数量');
    expect(page.querySelector('.submit')).toBeUndefined();
    await tapButton(page, '.consent-no', bridge);
    expect(bridge.nav.navigateBack).toHaveBeenCalled();
    await tapButton(page, '.consent-yes', bridge);
    expect(page.data.needsConsent).toBe(false);
    expect(bridge.calls.find((c) => c.action === 'consent')?.data).toEqual({ typeId: 'children', granted: true });
    expect(page.querySelector('.submit')).toBeDefined();
  });

  it('a cancelled confirmation sends nothing; an unknown type says so', async () => {
    const page = await open({ type: 'skills' });
    await tap(page, '.choice', bridge);
    await typeInto(page, '.description', '想考数字技能证书', bridge);
    bridge.cancelModals();
    await tapButton(page, '.submit', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('submit');
    const other = await open({ type: 'nope' });
    expect(textOf(other)).toContain('该服务类型暂不可申请');
  });
});
