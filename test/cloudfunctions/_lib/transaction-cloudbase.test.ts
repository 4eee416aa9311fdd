/** The fault-injection suite of transaction.test.ts, through the real CloudBase SDK against the fake endpoint. */
import { cloudbaseWorld, faultAtEveryWrite, SCENARIOS } from '../../support/fault-scenarios';
import { startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';

let fake: FakeTcbServer;

describe('all-or-nothing writes through the CloudBase SDK', () => {
  beforeAll(async () => {
    fake = await startFakeTcbServer();
  });
  afterAll(() => fake.close());

  it.each(SCENARIOS)(
    '%s: a fault at any write leaves nothing; the retry succeeds',
    async (_name, prepare) => {
      await faultAtEveryWrite(() => cloudbaseWorld(fake), prepare);
      expect(fake.violations).toEqual([]);
    },
    180_000, // each scenario replays its call once per write over HTTP; a fresh-clone run took over 60 s for one
  );
});
