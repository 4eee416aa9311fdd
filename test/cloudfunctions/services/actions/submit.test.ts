import type { ServiceRequestDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Person } from '../../../support/fixtures';
import { uploadPrefix } from '../../../../cloudfunctions/_lib/uploads';
import { codeOf, dataOf } from '../../../support/harness';
import { JPEG, uploadAs } from '../../../support/uploads';
import { CHILDREN, HOUSING, scene, titlesOf, type Scene } from '../scene';

type SubmitInput = { typeId: string; description: string; fields: Record<string, string>; attachments?: string[] };

/** `services.submit` as `who`: a housing request unless `input` says otherwise. */
const submit = (s: Scene, who: Person, input: Partial<SubmitInput> = {}) =>
  s.f.h.call(
    'services',
    'submit',
    { typeId: 'housing', description: '刚来绍兴工作，想申请人才公寓', fields: HOUSING, ...input },
    who,
  );

describe('services.submit', () => {
  it('a youth requests housing help: owned by the district, deadlines in working days, contents sealed, the handler told', async () => {
    const s = await scene();
    const out = dataOf(await submit(s, s.youth));
    expect(out).toMatchObject({
      typeName: '租房置业',
      status: 'submitted',
      statusLabel: '待受理',
      youthName: '张晓青',
      districtName: '越城区',
      summary: '需求：租房 · 意向区域：越城区 · 预算范围：2000–4000元/月',
      description: '刚来绍兴工作，想申请人才公寓',
      levelLabel: '区县团委',
      overdue: false,
      actions: [],
    });
    const doc = await s.request(out.id);
    // NOW is Tuesday 24 November 2026: accept by Wednesday, resolve within 10 working days (8 December).
    expect(doc.acceptBy.toISOString()).toBe('2026-11-25T15:59:59.999Z');
    expect(doc.resolveBy.toISOString()).toBe('2026-12-08T15:59:59.999Z');
    expect(doc).toMatchObject({ ownerOrgId: 'yuecheng', level: 'district', queueKeys: ['housing@yuecheng'] });
    expect(doc.nextCheckAt).toEqual(doc.acceptBy);
    expect(JSON.stringify(doc)).not.toContain('人才公寓');
    expect(await titlesOf(s.f, s.housing)).toEqual(['新的服务申请待受理']);
    expect(await titlesOf(s.f, s.children)).toEqual([]);
  });

  it('a city-owned type belongs to the city whatever the district', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'dating', granted: true }, s.youth));
    const out = dataOf(
      await submit(s, s.youth, { typeId: 'dating', description: '希望参加青年联谊活动', fields: { way: '联谊活动' } }),
    );
    expect(await s.request(out.id)).toMatchObject({ ownerOrgId: 'city', level: 'city', queueKeys: ['dating@city'] });
    expect(await titlesOf(s.f, s.city)).toEqual(['新的服务申请待受理']);
  });

  it('a sensitive type needs its own consent first', async () => {
    const s = await scene();
    const input = { typeId: 'children', description: '孩子明年上小学', fields: CHILDREN };
    expect(codeOf(await submit(s, s.youth, input))).toBe('SERVICE.CONSENT_REQUIRED');
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: true }, s.youth));
    expect(codeOf(await submit(s, s.youth, input))).toBe('OK');
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: false }, s.youth));
    expect(codeOf(await submit(s, s.youth, input))).toBe('SERVICE.CONSENT_REQUIRED');
  });

  it('refuses missing or wrong fields with their paths, an unknown type, and writes nothing', async () => {
    const s = await scene();
    const before = await s.f.h.snapshot();
    const bad = await submit(s, s.youth, { description: '想租房子住', fields: { mode: '借住', district: '越城区' } });
    expect(codeOf(bad)).toBe('INPUT.INVALID');
    expect(!bad.ok && bad.error.details?.issues).toEqual([
      { path: 'fields.mode', code: 'invalid_option' },
      { path: 'fields.budget', code: 'required' },
    ]);
    expect(codeOf(await submit(s, s.youth, { typeId: 'nope', description: '想租房子住', fields: {} }))).toBe(
      'SERVICE.TYPE_UNKNOWN',
    );
    expect(codeOf(await submit(s, s.youth, { description: '短' }))).toBe('INPUT.INVALID');
    expect(await s.f.h.snapshot()).toEqual(before);
  });

  it('five a China day per youth, then refused; a cadre or an unbound user cannot submit', async () => {
    const s = await scene();
    for (let i = 0; i < 5; i += 1) await s.submitHousing();
    expect(codeOf(await submit(s, s.youth, { description: '再申请一次' }))).toBe('SERVICE.DAILY_LIMIT');
    expect(codeOf(await submit(s, s.other, { description: '再申请一次' }))).toBe('OK');
    s.f.h.setNow(new Date('2026-11-25T09:00:00+08:00'));
    expect(codeOf(await submit(s, s.youth, { description: '第二天申请' }))).toBe('OK');
    expect(codeOf(await submit(s, s.housing, { description: '第二天申请' }))).toBe('AUTH.FORBIDDEN');
    const stranger = await s.f.youth(null);
    expect(codeOf(await submit(s, stranger, { description: '第二天申请' }))).toBe('AUTH.FORBIDDEN');
    expect(
      await s.f.h.deps.store.collection<ServiceRequestDoc>('serviceRequests').count({ youthOpenid: s.youth.openid }),
    ).toBe(6);
  });

  it('attachments must be the caller’s own uploads, photos or PDFs by their bytes', async () => {
    const s = await scene();
    const photo = await uploadAs(s.f.h.deps, s.youth, JPEG, 'jpg');
    const ok = dataOf(await submit(s, s.youth, { attachments: [photo.fileId] }));
    expect((await s.request(ok.id)).attachments).toEqual([photo.fileId]);
    const fake = (
      await s.f.h.deps.files.put(`${uploadPrefix(s.f.h.deps, s.youth.openid)}/x.jpg`, Buffer.from('hello'), '')
    ).fileId;
    expect(codeOf(await submit(s, s.youth, { attachments: [fake] }))).toBe('FILE.INVALID');
    const theirs = await uploadAs(s.f.h.deps, s.other, JPEG, 'jpg');
    expect(codeOf(await submit(s, s.youth, { attachments: [theirs.fileId] }))).toBe('FILE.INVALID');
    const res = await submit(s, s.youth, {
      description: '附上租房合同',
      attachments: ['cloud://env/uploads/other/x.jpg'],
    });
    expect(codeOf(res)).toBe('FILE.INVALID');
  });

  it('a type without handlers where it belongs tells the admins there instead', async () => {
    const s = await scene();
    const out = dataOf(
      await submit(s, s.youth, { typeId: 'skills', description: '想考数字技能证书', fields: { track: '数字技能' } }),
    );
    expect(out.status).toBe('submitted');
    expect(await titlesOf(s.f, s.districtAdmin)).toEqual(['新的服务申请待受理']);
  });
});
