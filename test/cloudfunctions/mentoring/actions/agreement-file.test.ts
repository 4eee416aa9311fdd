import JSZip from 'jszip';
import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.agreementFile', () => {
  it('is a Word file with the text and both signature images once both signed, through a signed link', async () => {
    const p = await pairScene();
    const { f, s, mentor, youth, agreementId } = p;
    expect(codeOf(await f.h.call('mentoring', 'agreementFile', { agreementId }, mentor))).toBe(
      'MENTORING.INVALID_STATE',
    );
    await p.signBoth();
    for (const who of [mentor, youth, s.keqiaoAdmin]) {
      const link = dataOf(await f.h.call('mentoring', 'agreementFile', { agreementId }, who));
      expect(link.url).toMatch(/^\/files\/agreements-.*\.docx\?exp=\d+&who=/);
      expect(link.fileName).toMatch(/^师徒协议-.*\.docx$/);
    }
    expect(codeOf(await f.h.call('mentoring', 'agreementFile', { agreementId }, s.yuechengAdmin))).toBe(
      'MENTORING.NOT_FOUND',
    );
    const bytes = await f.h.deps.files.get(`local://agreements-${agreementId}.docx`);
    const zip = await JSZip.loadAsync(bytes as Buffer);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('师徒协议');
    expect(xml).toContain('自愿结为师徒');
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(2);
  });
});
