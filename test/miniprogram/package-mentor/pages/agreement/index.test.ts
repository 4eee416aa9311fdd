import type { AgreementDoc } from '../../../../../cloudfunctions/_lib/collections';
import { find, loadPage, openPage, tap, tapButton, textOf, toastOf, useBridge } from '../../../../support/cloud-bridge';
import { FUNCTIONS } from '../../../../../scripts/local/functions';
import { PNG, uploadAs } from '../../../../support/uploads';
import { confirmedPair, MENTOR, stubSignatureCanvas } from '../../support';

// A whole cycle across personas: many calls and renders, slow on a loaded machine.
jest.setTimeout(30_000);

const bridge = useBridge({ openid: MENTOR });
const AGREEMENT = loadPage('package-mentor/pages/agreement/index');

interface AgreementData {
  read: boolean;
  inked: boolean;
  a: { status: string; months: number; canSign: boolean; bothSigned: boolean; mentorSigned: string } | null;
}
const open = (id: string) => openPage<AgreementData>(AGREEMENT, bridge, { id });

/** Draws a stroke across the pad, as a finger would. */
async function draw(page: Awaited<ReturnType<typeof open>>) {
  const pad = find(page, '.pad');
  pad.dispatchEvent('touchstart', { touches: [{ x: 10, y: 40 }] });
  await bridge.idle();
  for (const x of [40, 80, 120, 160]) pad.dispatchEvent('touchmove', { touches: [{ x, y: 40 + (x % 30) }] });
  await bridge.idle();
  pad.dispatchEvent('touchend', {});
  await bridge.idle();
}

describe('师徒协议', () => {
  it('the mentor adjusts the term, reads to the end, signs by hand; the youth signs too and the Word file opens', async () => {
    const id = await confirmedPair(bridge);
    const canvas = stubSignatureCanvas(bridge);
    const page = await open(id);
    expect(textOf(page)).toContain('自愿结为师徒');
    expect(textOf(page)).toContain('待签署');
    expect(page.querySelector('.pad')).toBeUndefined(); // not before reading to the end

    page.querySelectorAll('.months')[0].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.a?.months).toBe(6);
    expect(textOf(page)).toContain('结对期限为6个月');

    await tap(page, '.read', bridge);
    expect(page.data.read).toBe(true);
    await tapButton(page, '.sign-confirm', bridge);
    expect(bridge.calls.filter((c) => c.action === 'signAgreement')).toHaveLength(0); // nothing drawn yet
    await draw(page);
    expect(canvas.strokes()).toBe(4);
    expect(page.data.inked).toBe(true);
    await tapButton(page, '.sign-confirm', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认签署' }));
    expect(toastOf(page).message).toBe('已签署，等待对方签署');
    expect(page.data.a?.status).toBe('signing');
    expect(page.data.a?.mentorSigned).toContain('已签署');
    // Terms are frozen now.
    expect(page.querySelector('.terms')).toBeUndefined();

    // The youth signs on their own phone (the upload prefix is per launch; the e2e flow signs both on pages).
    const hash = (await bridge.deps.store.collection<AgreementDoc>('agreements').get(id))?.textHash ?? '';
    const drawn = await uploadAs(bridge.deps, 'dev-youth-li', Buffer.concat([PNG, Buffer.from('youth')]), 'png');
    const signed = await FUNCTIONS.mentoring.handle(
      { action: 'signAgreement', data: { agreementId: id, textHash: hash, fileId: drawn.fileId } },
      { openid: 'dev-youth-li' },
      bridge.deps,
    );
    expect(signed.ok).toBe(true);
    const again = await open(id);
    expect(again.data.a?.status).toBe('active');
    expect(again.data.a?.bothSigned).toBe(true);
    expect(canvas.uploads).toHaveBeenCalledTimes(1);

    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const opened = jest.fn((o: { success: () => void }) => o.success());
    wx.downloadFile = (o: { success: (r: unknown) => void }) =>
      o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/a.docx' });
    wx.openDocument = opened;
    await tapButton(again, '.word', bridge);
    expect(opened).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'docx' }));
  });

  it('a stranger sees an error with a way to retry', async () => {
    const id = await confirmedPair(bridge);
    bridge.setOpenid('dev-youth-zhang');
    const page = await open(id);
    expect(textOf(page)).toContain('未找到该导师或结对记录');
  });
});
