/** Arrange helpers for the mentoring page tests: the real actions, called as the personas would. */
import { C, type MenteeDoc, type NominationDoc } from '../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../scripts/local/functions';
import type { Bridge } from '../../support/cloud-bridge';
import { addNominations } from '../../support/nominees';
import { uploadAs } from '../../support/uploads';

export const CITY_ADMIN = 'dev-city-admin';
export const MENTOR = 'dev-mentor-wang';

export async function call<T = unknown>(bridge: Bridge, openid: string, action: string, data: unknown): Promise<T> {
  const res = await FUNCTIONS.mentoring.handle({ action, data }, { openid }, bridge.deps);
  if (!res.ok) throw new Error(`arrange mentoring.${action} failed: ${res.error.code}`);
  return res.data as T;
}

/** Selected youths of 越城区智造科技有限公司 who want to grow in finance (王导师's best fit); their ids. */
export async function selectedYouths(bridge: Bridge, count: number, seqStart = 80): Promise<string[]> {
  const ids = await addNominations(bridge.deps, 'yuecheng-tech', count, { status: 'approved', seqStart });
  for (const id of ids) {
    const n = (await bridge.deps.store.collection<NominationDoc>(C.nominations).get(id)) as NominationDoc;
    await bridge.deps.store.collection<MenteeDoc>(C.mentees).insert({
      _id: id,
      periodId: n.periodId,
      openid: null,
      sector: 'finance',
      goals: ['金融服务'],
      note: '想了解普惠金融',
      openMatchId: null,
      updatedAt: bridge.now,
    });
  }
  return ids;
}

/** A match of `nominationId` with 王导师, published by the city; its id. */
export async function published(bridge: Bridge, nominationId: string): Promise<string> {
  const draft = await call<{ id: string }>(bridge, CITY_ADMIN, 'propose', { nominationId, mentorId: MENTOR });
  await call(bridge, CITY_ADMIN, 'publish', { matchIds: [draft.id] });
  return draft.id;
}

export async function nameOf(bridge: Bridge, id: string): Promise<string> {
  return ((await bridge.deps.store.collection<NominationDoc>(C.nominations).get(id)) as NominationDoc).name;
}

/** 李明's submitted nomination of the seed, approved by his unit; its id. */
export async function approveLi(bridge: Bridge): Promise<string> {
  const li = await bridge.deps.store.collection<NominationDoc>(C.nominations).findOne({ youthOpenid: 'dev-youth-li' });
  const id = li?._id ?? '';
  await FUNCTIONS.nomination.handle(
    {
      action: 'review',
      data: { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
    },
    { openid: 'dev-unit-admin' },
    bridge.deps,
  );
  return id;
}

/** 李明 paired with 王导师 and confirmed by the mentor: the agreement's id (the match's). */
export async function confirmedPair(bridge: Bridge): Promise<string> {
  const matchId = await published(bridge, await approveLi(bridge));
  await call(bridge, MENTOR, 'accept', { matchId });
  return matchId;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The phone's canvas and storage for a hand signature: `#pad` answers a canvas node whose 2D context records the
 * strokes, `canvasToTempFilePath` a PNG (distinct per export), and cloud storage keeps it in the bridge's file store.
 */
export function stubSignatureCanvas(bridge: Bridge): { strokes: () => number; uploads: jest.Mock } {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  let strokes = 0;
  let exported = 0;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 0,
    lineCap: '',
    lineJoin: '',
    scale: () => undefined,
    setTransform: () => undefined,
    fillRect: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    stroke: () => {
      strokes += 1;
    },
  };
  const node = { width: 0, height: 0, getContext: () => ctx };
  const query = {
    in: () => query,
    select: () => query,
    fields: () => query,
    exec: (cb: (res: unknown[]) => void) => cb([{ node, width: 300, height: 120 }]),
  };
  wx.createSelectorQuery = () => query;
  const files: Record<string, Buffer> = {};
  wx.canvasToTempFilePath = (o: { success: (r: { tempFilePath: string }) => void }) => {
    exported += 1;
    const path = `wxfile://tmp/signature-${exported}.png`;
    files[path] = Buffer.concat([Buffer.from(PNG_MAGIC), Buffer.alloc(200, exported)]);
    o.success({ tempFilePath: path });
  };
  const uploads = jest.fn(async (o: { cloudPath: string; filePath: string }) => {
    const { fileId } = await bridge.deps.files.put(o.cloudPath, files[o.filePath] as Buffer, '');
    return { fileID: fileId };
  });
  (wx.cloud as Record<string, unknown>).uploadFile = uploads;
  return { strokes: () => strokes, uploads };
}

/** Both sign through the action with their own uploads: the agreement active, the first cycle open; its id. */
export async function activePair(bridge: Bridge): Promise<string> {
  const id = await confirmedPair(bridge);
  for (const [who, mark] of [
    [MENTOR, 'm'],
    ['dev-youth-li', 'y'],
  ] as const) {
    const a = await call<{ textHash: string }>(bridge, who, 'agreement', { agreementId: id });
    const bytes = Buffer.concat([Buffer.from(PNG_MAGIC), Buffer.alloc(100, mark.charCodeAt(0))]);
    const { fileId } = await uploadAs(bridge.deps, who, bytes, 'png');
    await call(bridge, who, 'signAgreement', { agreementId: id, textHash: a.textHash, fileId });
  }
  return id;
}
