import type { CatalogueEntryView } from '../../../../../miniprogram/core/contracts/services';
import {
  find,
  loadPage,
  openPage,
  tap,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
} from '../../../../support/cloud-bridge';
import { arrange, CITY } from '../../support';

const bridge = useBridge({ openid: CITY });
const PAGE = loadPage('package-services/pages/type/index');

interface Data {
  isNew: boolean;
  draft: { id: string; limitDays: string; fields: Array<{ key: string; label: string; error: string }> };
  errors: { name: string; limitDays: string };
}

const typeOf = async (id: string) =>
  (await arrange<CatalogueEntryView[]>(bridge, CITY, 'types', {})).find((t) => t.id === id);

describe('编辑服务类型', () => {
  it('changes a type’s time limit and fields behind a confirmation', async () => {
    const page = await openPage<Data>(PAGE, bridge, { id: 'housing' });
    expect(page.data.isNew).toBe(false);
    const before = await typeOf('housing');
    expect(page.data.draft.fields.map((f) => f.label)).toEqual(before?.fields.map((f) => f.label));
    await typeInto(page, '.type-days', '61', bridge);
    await tapButton(page, '.save', bridge);
    expect(page.data.errors.limitDays).toBe('办理时限为 1–60 个工作日');
    expect(bridge.modal).not.toHaveBeenCalled();
    await typeInto(page, '.type-days', '12', bridge);
    await tapButton(page, '.add-field', bridge);
    const added = page.data.draft.fields.length - 1;
    const labels = page.querySelectorAll('.field-label');
    const options = page.querySelectorAll('.field-options');
    await typeInto(labels[added], [], '入住时间', bridge);
    await typeInto(options[options.length - 1], [], '一个月内', bridge);
    await tapButton(page, '.save', bridge);
    expect(page.data.draft.fields[added].error).toBe('请至少填写两个选项，用顿号分隔');
    await typeInto(options[options.length - 1], [], '一个月内、三个月内、半年内', bridge);
    await tapButton(page, '.save', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存服务类型' }));
    expect(toastOf(page).message).toBe('已保存');
    const after = await typeOf('housing');
    expect(after?.limitDays).toBe(12);
    expect(after?.fields.at(-1)).toEqual({
      key: page.data.draft.fields[added].key,
      label: '入住时间',
      kind: 'choice',
      options: ['一个月内', '三个月内', '半年内'],
      required: true,
    });
  });

  it('adds a sensitive city-owned type with a text field; cancelling the confirmation saves nothing', async () => {
    const page = await openPage<Data>(PAGE, bridge, { order: '7' });
    expect(page.data.isNew).toBe(true);
    await tapButton(page, '.save', bridge);
    expect(page.data.errors.name).toBe('名称为 2–10 个字');
    await typeInto(page, '.type-name', '法律咨询', bridge);
    await typeInto(page, '.type-description', '劳动合同、租房纠纷等法律问题', bridge);
    await tap(page, '.owner-city', bridge);
    await tap(page, '.sensitive-yes', bridge);
    await tapButton(page, '.add-field', bridge);
    await typeInto(page, '.field-label', '咨询事项', bridge);
    await tap(page, '.kind-text', bridge);
    await tap(page, '.required', bridge);
    expect(find(page, '.required').dom?.textContent).toContain('选填');
    bridge.cancelModals();
    await tapButton(page, '.save', bridge);
    expect(await typeOf(page.data.draft.id)).toBeUndefined();
    bridge.modal.mockRestore();
    await tapButton(page, '.save', bridge);
    expect(await typeOf(page.data.draft.id)).toMatchObject({
      name: '法律咨询',
      owner: 'city',
      sensitive: true,
      active: true,
      order: 7,
      fields: [{ label: '咨询事项', kind: 'text', required: false }],
    });
    expect(textOf(page)).toContain('第 1 项');
  });
});
