import fc from 'fast-check';
import {
  assignGreedy,
  assignOptimal,
  barrier,
  explain,
  MAX_SCORE,
  scoreMatrix,
  scorePair,
  suggest,
  totalScore,
  type AssignmentProblem,
  type MentorCandidate,
  type YouthCandidate,
} from '../../miniprogram/core/matching';

const NAMES = { keqiao: '柯桥区', yuecheng: '越城区' };

const mentor = (over: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id: 'm1',
  name: '王导师',
  status: 'active',
  sector: 'finance',
  districtId: 'keqiao',
  expertise: ['数字化改革', '金融服务'],
  unitId: 'bank',
  excludedNames: [],
  capacity: 3,
  load: 0,
  ...over,
});

const youth = (over: Partial<YouthCandidate> = {}): YouthCandidate => ({
  id: 'n1',
  name: '张晓青',
  sector: 'finance',
  districtId: 'keqiao',
  goals: ['数字化改革'],
  unitChain: ['credit-union'],
  ...over,
});

describe('hard rules', () => {
  it.each([
    ['a paused mentor', mentor({ status: 'paused' }), youth(), 'paused'],
    ['the same unit', mentor({ unitId: 'credit-union' }), youth(), 'reporting_line'],
    [
      'a unit above the youth',
      mentor({ unitId: 'group-hq' }),
      youth({ unitChain: ['branch', 'group-hq'] }),
      'reporting_line',
    ],
    ['a named exclusion', mentor({ excludedNames: ['张晓青'] }), youth(), 'excluded'],
    ['a full mentor', mentor({ capacity: 2, load: 2 }), youth(), 'full'],
    ['a mentor outside the tree', mentor({ unitId: null }), youth(), null],
    ['another unit', mentor(), youth(), null],
  ] as const)('%s', (_, m, y, expected) => {
    expect(barrier(m, y)).toBe(expected);
  });

  it('the batch counts places itself', () => {
    expect(barrier(mentor({ capacity: 1, load: 1 }), youth(), { ignoreCapacity: true })).toBeNull();
  });
});

describe('score and explanation', () => {
  it('names every shared trait in Chinese', () => {
    const s = scorePair(mentor(), youth({ goals: ['数字化改革', '金融服务', '乡村振兴'] }), NAMES);
    expect(s.score).toBe(40 + 30 + 40);
    expect(explain(s.reasons)).toBe('同属金融系统 · 同在柯桥区 · 擅长数字化改革、金融服务');
  });

  it('scores nothing shared as zero and says so', () => {
    const s = scorePair(mentor(), youth({ sector: 'education', districtId: 'yuecheng', goals: [] }), NAMES);
    expect(s).toEqual({ score: 0, reasons: [] });
    expect(explain(s.reasons)).toBe('无共同领域，可跨界结对');
  });

  it('never exceeds MAX_SCORE', () => {
    const all = ['数字化改革', '金融服务', '科技创新', '乡村振兴'];
    expect(scorePair(mentor({ expertise: all }), youth({ goals: all }), NAMES).score).toBe(MAX_SCORE);
  });
});

describe('suggestions for one youth', () => {
  it('leaves out barred mentors and ranks by score, then lighter load', () => {
    const ms = [
      mentor({ id: 'a', sector: 'education' }),
      mentor({ id: 'b', load: 2 }),
      mentor({ id: 'c', load: 0 }),
      mentor({ id: 'd', status: 'paused' }),
      mentor({ id: 'e', load: 3 }),
    ];
    expect(suggest(youth(), ms, NAMES).map((s) => s.mentor.id)).toEqual(['c', 'b', 'a']);
  });
});

/** Every assignment of a small problem, best by (matched, score). */
function bruteForce(p: AssignmentProblem): { matched: number; score: number } {
  let best = { matched: 0, score: 0 };
  const left = Array.from(p.capacity);
  const walk = (y: number, matched: number, score: number) => {
    if (y === p.youths) {
      if (matched > best.matched || (matched === best.matched && score > best.score)) best = { matched, score };
      return;
    }
    walk(y + 1, matched, score);
    for (let m = 0; m < p.mentors; m += 1) {
      const s = p.score[y * p.mentors + m];
      if (s < 0 || left[m] === 0) continue;
      left[m] -= 1;
      walk(y + 1, matched + 1, score + s);
      left[m] += 1;
    }
  };
  walk(0, 0, 0);
  return best;
}

function valid(p: AssignmentProblem, a: Int32Array): boolean {
  const used = new Array(p.mentors).fill(0);
  for (let y = 0; y < p.youths; y += 1) {
    if (a[y] === -1) continue;
    if (p.score[y * p.mentors + a[y]] < 0) return false;
    used[a[y]] += 1;
  }
  return used.every((u, m) => u <= p.capacity[m]);
}

const problems = fc
  .record({ youths: fc.integer({ min: 0, max: 7 }), mentors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ youths, mentors }) =>
    fc.record({
      youths: fc.constant(youths),
      mentors: fc.constant(mentors),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentors, maxLength: mentors }),
      score: fc.array(
        fc.oneof(
          fc.constant(-1),
          fc.constantFrom(0, 20, 30, 40, 50, 60, 70, 90, 130),
          fc.integer({ min: 0, max: 130 }),
        ),
        {
          minLength: youths * mentors,
          maxLength: youths * mentors,
        },
      ),
    }),
  );

describe('batch assignment', () => {
  it('is optimal against brute force: most youths matched, then the highest total score', () => {
    fc.assert(
      fc.property(problems, (p) => {
        const a = assignOptimal(p);
        expect(valid(p, a)).toBe(true);
        expect(totalScore(p, a)).toEqual(bruteForce(p));
      }),
      { numRuns: 400 },
    );
  });

  it('beats greedy where greedy takes the best pair first', () => {
    // Youth 0 likes both mentors, youth 1 only mentor 0; each mentor has one place.
    const p = { youths: 2, mentors: 2, capacity: [1, 1], score: [100, 90, 80, -1] };
    expect(totalScore(p, assignGreedy(p))).toEqual({ matched: 1, score: 100 });
    expect(totalScore(p, assignOptimal(p))).toEqual({ matched: 2, score: 170 });
    expect(Array.from(assignOptimal(p))).toEqual([1, 0]);
  });

  it('greedy is always valid and never better', () => {
    fc.assert(
      fc.property(problems, (p) => {
        const g = assignGreedy(p);
        expect(valid(p, g)).toBe(true);
        const o = totalScore(p, assignOptimal(p));
        const t = totalScore(p, g);
        expect(t.matched * 1000 + t.score).toBeLessThanOrEqual(o.matched * 1000 + o.score);
      }),
    );
  });

  it('builds the matrix from the hard rules and the places left', () => {
    const p = scoreMatrix(
      [youth(), youth({ id: 'n2', name: '李明', unitChain: ['bank'] })],
      [mentor({ capacity: 3, load: 1 }), mentor({ id: 'm2', status: 'paused' })],
      NAMES,
    );
    expect(Array.from(p.score)).toEqual([90, -1, -1, -1]);
    expect(p.capacity).toEqual([2, 0]);
  });
});
