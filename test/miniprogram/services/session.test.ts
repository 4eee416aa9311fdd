/**
 * The session (services/session.ts): the caller's identity and scope asked
 * once per launch and shared by every page and component, never kept when the
 * answer failed, and never holding personal data. Pages run through the real
 * routers (the bridge); a test is a launch. (simulate loads one page per test
 * file, so "another page" is home opened again or another caller of the
 * session; binding, redeeming and claiming are proven in their pages' tests.)
 */
import type { MeOutput } from '../../../miniprogram/core/contracts/account';
import { demoIdNumber } from '../../../scripts/local/seed';
import { loadPage, openPage, tapButton, textOf, useBridge } from '../../support/cloud-bridge';
import { meCalls as meCallsOf, sessionModule as session } from '../support/session';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const HOME = loadPage('pages/home/index');

const meCalls = () => meCallsOf(bridge);

describe('session: one account.me per launch', () => {
  it('is asked once, however often pages open and ask', async () => {
    await openPage(HOME, bridge);
    await openPage(HOME, bridge);
    const again = await session().loadSession();
    expect(again).toMatchObject({ ok: true, data: { displayName: '张晓青' } });
    expect(meCalls()).toBe(1);
  });

  it('refreshSession asks again, and later pages read the new answer', async () => {
    await openPage(HOME, bridge);
    await session().refreshSession();
    await openPage(HOME, bridge);
    expect(meCalls()).toBe(2);
  });

  it('shares one call between callers that ask at the same time', async () => {
    const [a, b] = await Promise.all([session().loadSession(), session().loadSession()]);
    expect(a.ok && b.ok).toBe(true);
    expect(meCalls()).toBe(1);
  });

  it('does not keep a failed answer: the retry asks again and succeeds', async () => {
    bridge.setOffline(true);
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.querySelector('.self-nominate')).toBeTruthy();
    expect(meCalls()).toBe(2);
    await openPage(HOME, bridge);
    expect(meCalls()).toBe(2);
  });

  it('keeps roles, organisation names, the display name and the consent (answer and time) — nothing else', async () => {
    const me = {
      registered: true,
      displayName: '张晓青',
      roles: [{ role: 'youth', orgId: 'yuecheng-tech', orgName: '越城区智造科技有限公司', extra: 'x' }],
      unit: { id: 'yuecheng-tech', name: '越城区智造科技有限公司', districtName: '越城区', phone: '13900001111' },
      consent: { version: '1.0', granted: true, at: '2026-11-24T02:30:00.000Z' },
      // Were `me` ever to carry personal data, the session would not keep it.
      idNumber: demoIdNumber('330602', '1998-01-01', 24),
      phone: '13900001111',
    } as unknown as MeOutput;
    const kept = session().sessionOf(me);
    expect(kept).toEqual({
      registered: true,
      displayName: '张晓青',
      roles: [{ role: 'youth', orgId: 'yuecheng-tech', orgName: '越城区智造科技有限公司' }],
      unit: { id: 'yuecheng-tech', name: '越城区智造科技有限公司', districtName: '越城区' },
      consent: { version: '1.0', granted: true, at: '2026-11-24T02:30:00.000Z' },
    });
    expect(JSON.stringify(kept)).not.toMatch(/13900001111|330602/);
  });
});

describe('session: a launch per identity', () => {
  it('a new launch (another identity) asks again', async () => {
    await openPage(HOME, bridge);
    bridge.setOpenid('dev-unit-admin');
    const home = await openPage(HOME, bridge);
    expect(home.querySelector('.review')).toBeTruthy();
    expect(meCalls()).toBe(2);
  });
});
