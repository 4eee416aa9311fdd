/** cron.purgeExports: a summary table (full ID numbers) is deleted a day after it was made (issue 8 §10). */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, TIMER } from '../../../support/harness';

describe('cron.purgeExports', () => {
  let filesDir: string;
  beforeEach(() => {
    filesDir = mkdtempSync(join(tmpdir(), 'hqn-purge-exports-'));
  });
  afterEach(() => rmSync(filesDir, { recursive: true, force: true }));

  it('deletes export files and their records once a day old, and keeps younger ones', async () => {
    const f = await fixture({ filesDir });
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    await f.nomination(unit, { status: 'approved' });
    const exportTable = () =>
      f.h.call('export', 'summaryTable', { scope: 'unit', orgId: unit._id, format: 'xlsx' }, admin);
    dataOf(await exportTable());
    const start = f.h.deps.clock().getTime();
    f.h.setNow(new Date(start + 12 * 3_600_000));
    dataOf(await exportTable());
    expect(readdirSync(filesDir)).toHaveLength(2);
    const purge = () => f.h.call('cron', 'purgeExports', {}, TIMER);

    expect(dataOf(await purge())).toEqual({ removed: 0 });
    f.h.setNow(new Date(start + 24 * 3_600_000 + 1));
    expect(dataOf(await purge())).toEqual({ removed: 1 });
    expect(readdirSync(filesDir)).toHaveLength(1);
    expect(await f.h.deps.store.collection(C.exports).count({})).toBe(1);
    f.h.setNow(new Date(start + 36 * 3_600_000 + 1));
    expect(dataOf(await purge())).toEqual({ removed: 1 });
    expect(readdirSync(filesDir)).toEqual([]);
    expect(await f.h.deps.store.collection(C.exports).count({})).toBe(0);
    // A file already gone (a run that stopped half-way) is no obstacle.
    expect(existsSync(filesDir)).toBe(true);
    // Timers only.
    expect(codeOf(await f.h.call('cron', 'purgeExports', {}, admin))).toBe('AUTH.FORBIDDEN');
  });
});
