import { codeOf, dataOf, NOW } from '../../../support/harness';
import { JPEG, PDF, uploadAs } from '../../../support/uploads';
import { CHILDREN, HOUSING, scene } from '../scene';

describe('services.attachmentLink', () => {
  it('the youth and the handlers open a request’s photos and documents through short-lived links', async () => {
    const s = await scene();
    const photo = await uploadAs(s.f.h.deps, s.youth, JPEG, 'jpg');
    const pdf = await uploadAs(s.f.h.deps, s.youth, PDF, 'pdf');
    const input = {
      typeId: 'housing',
      description: '附上租房合同和房屋照片',
      fields: HOUSING,
      attachments: [photo.fileId, pdf.fileId],
    };
    const out = dataOf(await s.f.h.call('services', 'submit', input, s.youth));
    expect(out.attachments).toEqual([
      { index: 0, kind: 'image' },
      { index: 1, kind: 'pdf' },
    ]);
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: out.id }, s.housing)).attachments).toHaveLength(2);
    for (const who of [s.youth, s.housing]) {
      const link = dataOf(await s.f.h.call('services', 'attachmentLink', { requestId: out.id, index: 1 }, who));
      expect(link.kind).toBe('pdf');
      expect(new Date(link.expiresAt).getTime() - NOW.getTime()).toBeLessThanOrEqual(600_000);
      expect(link.url).toBeTruthy();
    }
    expect(codeOf(await s.f.h.call('services', 'attachmentLink', { requestId: out.id, index: 2 }, s.youth))).toBe(
      'FILE.INVALID',
    );
    expect(codeOf(await s.f.h.call('services', 'attachmentLink', { requestId: out.id, index: 0 }, s.other))).toBe(
      'SERVICE.NOT_FOUND',
    );
  });

  it('a sensitive request’s files stay behind the wall: a district admin who does not handle it gets nothing', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: true }, s.youth));
    const photo = await uploadAs(s.f.h.deps, s.youth, JPEG, 'jpg');
    const input = { typeId: 'children', description: '孩子明年上小学', fields: CHILDREN, attachments: [photo.fileId] };
    const { id } = dataOf(await s.f.h.call('services', 'submit', input, s.youth));
    expect(dataOf(await s.f.h.call('services', 'attachmentLink', { requestId: id, index: 0 }, s.children)).kind).toBe(
      'image',
    );
    for (const who of [s.housing, s.districtAdmin])
      expect(codeOf(await s.f.h.call('services', 'attachmentLink', { requestId: id, index: 0 }, who))).toBe(
        'SERVICE.NOT_FOUND',
      );
  });
});
