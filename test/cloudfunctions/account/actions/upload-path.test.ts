import { isOwnUpload } from '../../../../cloudfunctions/_lib/uploads';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.uploadPath (issue 8 §10)', () => {
  it('tells each caller its own prefix; files under it are theirs, under another’s are not', async () => {
    const f = await fixture();
    const a = dataOf(await f.h.call('account', 'uploadPath', {}, 'user-a')).prefix;
    const b = dataOf(await f.h.call('account', 'uploadPath', {}, 'user-b')).prefix;
    expect(a).toMatch(/^uploads\/[0-9a-f]{24}$/);
    expect(a).not.toBe(b);
    const cloudId = (prefix: string) => `cloud://env-1.7365-env-1-1250000000/${prefix}/x1y2.jpg`;
    expect(isOwnUpload(f.h.deps, 'user-a', cloudId(a))).toBe(true);
    expect(isOwnUpload(f.h.deps, 'user-a', cloudId(b))).toBe(false);
    expect(isOwnUpload(f.h.deps, 'user-a', cloudId(`${a}/../${b.split('/')[1]}`))).toBe(false);
    expect(isOwnUpload(f.h.deps, 'user-a', `local://${a.replace('/', '-')}-x1y2.jpg`)).toBe(true);
    expect(isOwnUpload(f.h.deps, 'user-b', `local://${a.replace('/', '-')}-x1y2.jpg`)).toBe(false);
    expect(codeOf(await f.h.call('account', 'uploadPath', {}, null))).toBe('AUTH.UNAUTHENTICATED');
  });
});
