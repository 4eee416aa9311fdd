import { demoForm } from '../../scripts/local/seed';
import { makeHarness, type Harness } from '../support/harness';

describe('router: each failure has its own code and writes nothing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });

  const validSubmission = demoForm({
    name: '张晓青',
    idNumber: '330602199605200012',
    phone: '13800001111',
    post: '工程师',
  });

  it.each([
    ['unknown action', 'nomination', { action: 'dropTables' }, 'dev-youth-zhang', 'ACTION.UNKNOWN'],
    ['event not an object', 'nomination', 'hello', 'dev-youth-zhang', 'INPUT.INVALID'],
    ['action not a string', 'nomination', { action: 42 }, 'dev-youth-zhang', 'INPUT.INVALID'],
    ['invalid input', 'nomination', { action: 'submitSelf', data: { name: '' } }, 'dev-youth-zhang', 'INPUT.INVALID'],
    ['missing identity', 'nomination', { action: 'submitSelf', data: validSubmission }, null, 'AUTH.UNAUTHENTICATED'],
    ['wrong role', 'nomination', { action: 'submitSelf', data: validSubmission }, 'dev-unit-admin', 'AUTH.FORBIDDEN'],
    [
      'unregistered user on a youth action',
      'nomination',
      { action: 'getMine', data: {} },
      'stranger',
      'AUTH.FORBIDDEN',
    ],
    [
      'out-of-scope organisation',
      'nomination',
      { action: 'listForReview', data: { unitId: 'keqiao-tech' } },
      'dev-district-admin',
      'AUTH.OUT_OF_SCOPE',
    ],
    ['inherited property as action', 'account', { action: 'constructor' }, 'dev-youth-zhang', 'ACTION.UNKNOWN'],
  ])('%s → %s', async (_label, fn, event, openid, code) => {
    const before = await h.snapshot();
    const router = (await import('../../scripts/local/functions')).FUNCTIONS[fn];
    const res = await router.handle(event, { openid }, h.deps);
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code }), requestId: expect.any(String) });
    expect(await h.snapshot()).toEqual(before);
  });

  it('reports the failing field paths for invalid input', async () => {
    const res = await h.callRaw(
      'nomination',
      { action: 'submitSelf', data: { ...validSubmission, phone: { $ne: null }, extra: 1 } },
      'dev-youth-zhang',
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      const paths = (res.error.details?.issues as Array<{ path: string }>).map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['phone', '']));
    }
  });

  it('echoes a well-formed client request id and generates one otherwise', async () => {
    const given = await h.call('account', 'me', {}, 'dev-youth-zhang', 'req_abcdefgh1234');
    expect(given.requestId).toBe('req_abcdefgh1234');
    const generated = await h.call('account', 'me', {}, 'dev-youth-zhang', 'bad id with spaces');
    expect(generated.requestId).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('turns an unexpected fault into SYS.INTERNAL, logs only the request id and error', async () => {
    jest.spyOn(h.deps.store, 'collection').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const res = await h.call('account', 'me', {}, 'dev-youth-zhang', 'req_fault0000001');
    expect(res).toEqual({
      ok: false,
      error: { code: 'SYS.INTERNAL', message: 'internal error' },
      requestId: 'req_fault0000001',
    });
    expect(h.logs.join('\n')).toContain('req_fault0000001');
  });

  it('audits every successful write with actor, action, target, time and request id', async () => {
    const res = await h.call(
      'account',
      'bindUnit',
      { unitId: 'keqiao-tech', displayName: '新青年' },
      'dev-youth-new',
      'req_bind00000001',
    );
    expect(res.ok).toBe(true);
    const audit = await h.deps.store.collection('audit').find({ requestId: 'req_bind00000001' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'dev-youth-new',
        action: 'account.bindUnit',
        target: 'orgs/keqiao-tech',
        at: h.deps.clock(),
      }),
    ]);
  });

  it('reads are not audited', async () => {
    await h.call('account', 'me', {}, 'dev-youth-zhang');
    expect(await h.deps.store.collection('audit').count({})).toBe(0);
  });
});
