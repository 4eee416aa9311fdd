import type { CatalogueEntryView } from '../../../../../miniprogram/core/contracts/services';
import { loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../support/cloud-bridge';
import { arrange, CITY, HANDLER } from '../../support';

const bridge = useBridge({ openid: CITY });
const PAGE = loadPage('package-services/pages/handlers/index');

interface Data {
  orgId: string;
  orgs: Array<{ id: string; name: string }>;
  candidates: Array<{ openid: string; name: string; selected: boolean }>;
}

const handlersOf = async (id: string) =>
  (await arrange<CatalogueEntryView[]>(bridge, CITY, 'types', {})).find((t) => t.id === id)?.handlers ?? [];

describe('经办人', () => {
  it('the city picks a district, ticks its admins by name and saves them as the type’s handlers there', async () => {
    const page = await openPage<Data>(PAGE, bridge, { id: 'skills' });
    expect(page.data.orgs[0].name).toBe('团市委');
    // A district-owned type opens on the first district.
    const district = page.data.orgs[1];
    expect(page.data.orgId).toBe(district.id);
    expect(page.data.candidates.length).toBeGreaterThan(0);
    expect(textOf(page)).not.toMatch(/1[3-9]\d{9}/); // names only, never a phone
    const before = (await handlersOf('skills')).filter((h) => h.orgId === district.id).map((h) => h.openid);
    const rows = page.querySelectorAll('.candidate');
    const first = { ...page.data.candidates[0] };
    rows[0].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.candidates[0].selected).toBe(!first.selected);
    await tapButton(page, '.save', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '设置经办人' }));
    expect(toastOf(page).message).toBe('已保存');
    const after = (await handlersOf('skills')).filter((h) => h.orgId === district.id).map((h) => h.openid);
    expect(after.sort()).toEqual(
      (first.selected ? before.filter((o) => o !== first.openid) : [...before, first.openid]).sort(),
    );
    // The city's own admins for the city.
    const chip = page.querySelectorAll('.chip').find((c) => textOf(c) === '团市委');
    chip!.dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.orgId).toBe(page.data.orgs[0].id);
    expect(page.data.candidates.map((c) => c.name)).toContain('周部长');
  });

  it('a district admin sees only their own district', async () => {
    bridge.setOpenid(HANDLER);
    const page = await openPage<Data>(PAGE, bridge, { id: 'housing' });
    expect(page.data.orgs).toHaveLength(1);
    expect(page.querySelectorAll('.chip')).toHaveLength(0);
    expect(page.data.candidates.find((c) => c.name === '赵书记')?.selected).toBe(true);
  });
});
