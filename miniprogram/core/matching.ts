/**
 * Matching youths with mentors (issue 11): the hard rules, the explained score, suggestions for one youth, and
 * the batch assignment — as many youths as the mentors' capacities allow and, among those assignments, the
 * highest total score (a min-cost flow, not greedy first-come). Pure and synchronous.
 */
import { MAX_GOALS, SECTOR_LABELS, type MentorStatus, type Sector } from './mentoring';

export interface MentorCandidate {
  id: string;
  name: string;
  status: MentorStatus;
  sector: Sector | null;
  districtId: string | null;
  expertise: readonly string[];
  /** The unit the mentor works in, if it is in the organisation tree (their reporting line). */
  unitId: string | null;
  /** People the mentor must not mentor (relatives, direct reports), by name. */
  excludedNames: readonly string[];
  capacity: number;
  /** Open matches (published or active) already taken. */
  load: number;
}

export interface YouthCandidate {
  id: string;
  name: string;
  sector: Sector | null;
  districtId: string | null;
  /** What the youth wants to grow in, from the city's expertise list. */
  goals: readonly string[];
  /** The youth's unit and the units above it (their reporting line), nearest first. */
  unitChain: readonly string[];
}

export type Barrier = 'paused' | 'full' | 'excluded' | 'reporting_line';

export const BARRIER_LABELS: Record<Barrier, string> = {
  paused: '导师已暂停接收结对',
  full: '导师名额已满',
  excluded: '导师已声明回避该青年',
  reporting_line: '导师与该青年同属一条管理线，需回避',
};

/** Points per shared trait. A pair's score is at most SCORE.sector + SCORE.district + MAX_GOALS × SCORE.goal. */
export const SCORE = { sector: 40, district: 30, goal: 20 } as const;
export const MAX_SCORE = SCORE.sector + SCORE.district + MAX_GOALS * SCORE.goal;

/**
 * The hard rule a pair breaks, or null. `full` is about the mentor's places now; the batch assignment counts the
 * places itself, so it asks with `ignoreCapacity`.
 */
export function barrier(
  m: MentorCandidate,
  y: YouthCandidate,
  options: { ignoreCapacity?: boolean } = {},
): Barrier | null {
  if (m.status !== 'active') return 'paused';
  if (m.unitId !== null && y.unitChain.includes(m.unitId)) return 'reporting_line';
  if (m.excludedNames.includes(y.name)) return 'excluded';
  if (!options.ignoreCapacity && m.load >= m.capacity) return 'full';
  return null;
}

export interface Scored {
  score: number;
  /** Each shared trait in Chinese, e.g. ['同属金融系统', '同在柯桥区', '擅长数字化改革']. */
  reasons: string[];
}

/** The score of a pair and why. */
export function scorePair(m: MentorCandidate, y: YouthCandidate, districtNames: Record<string, string>): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (m.sector !== null && m.sector === y.sector) {
    score += SCORE.sector;
    reasons.push(`同属${SECTOR_LABELS[m.sector]}`);
  }
  if (m.districtId !== null && m.districtId === y.districtId) {
    score += SCORE.district;
    reasons.push(`同在${districtNames[m.districtId] ?? '同一区县'}`);
  }
  const shared = y.goals.slice(0, MAX_GOALS).filter((g) => m.expertise.includes(g));
  if (shared.length > 0) {
    score += shared.length * SCORE.goal;
    reasons.push(`擅长${shared.join('、')}`);
  }
  return { score, reasons };
}

/** The explanation shown beside a suggestion. */
export const explain = (reasons: readonly string[]): string =>
  reasons.length > 0 ? reasons.join(' · ') : '无共同领域，可跨界结对';

export interface Suggestion extends Scored {
  mentor: MentorCandidate;
}

/** Mentors who may take this youth now, best first (then the lighter load, then the id). */
export function suggest(
  y: YouthCandidate,
  mentors: readonly MentorCandidate[],
  districtNames: Record<string, string>,
  limit = 5,
): Suggestion[] {
  return mentors
    .filter((m) => barrier(m, y) === null)
    .map((m) => ({ mentor: m, ...scorePair(m, y, districtNames) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.mentor.load / a.mentor.capacity - b.mentor.load / b.mentor.capacity ||
        (a.mentor.id < b.mentor.id ? -1 : 1),
    )
    .slice(0, limit);
}

// ---- the batch assignment ------------------------------------------------------------------------------------

/**
 * `score[y * mentors + m]` is the pair's score (≥ 0), or -1 where a hard rule forbids it; `capacity[m]` the places
 * left. The answer maps each youth to a mentor index or -1.
 */
export interface AssignmentProblem {
  youths: number;
  mentors: number;
  capacity: ArrayLike<number>;
  score: ArrayLike<number>;
}

export function scoreMatrix(
  youths: readonly YouthCandidate[],
  mentors: readonly MentorCandidate[],
  districtNames: Record<string, string>,
): AssignmentProblem {
  const score = new Int16Array(youths.length * mentors.length);
  youths.forEach((y, i) => {
    mentors.forEach((m, j) => {
      score[i * mentors.length + j] =
        barrier(m, y, { ignoreCapacity: true }) === null ? scorePair(m, y, districtNames).score : -1;
    });
  });
  return {
    youths: youths.length,
    mentors: mentors.length,
    capacity: mentors.map((m) => (m.status === 'active' ? Math.max(0, m.capacity - m.load) : 0)),
    score,
  };
}

export function totalScore(p: AssignmentProblem, assignment: ArrayLike<number>): { matched: number; score: number } {
  let matched = 0;
  let score = 0;
  for (let y = 0; y < p.youths; y += 1) {
    const m = assignment[y];
    if (m >= 0) {
      matched += 1;
      score += p.score[y * p.mentors + m];
    }
  }
  return { matched, score };
}

/** The baseline: take the best remaining pair until none is left (what "first-come" schemes approximate). */
export function assignGreedy(p: AssignmentProblem): Int32Array {
  const pairs: number[] = [];
  for (let i = 0; i < p.score.length; i += 1) if (p.score[i] >= 0) pairs.push(i);
  pairs.sort((a, b) => p.score[b] - p.score[a] || a - b);
  const assign = new Int32Array(p.youths).fill(-1);
  const left = Array.from(p.capacity);
  for (const i of pairs) {
    const y = Math.floor(i / p.mentors);
    const m = i % p.mentors;
    if (assign[y] === -1 && left[m] > 0) {
      assign[y] = m;
      left[m] -= 1;
    }
  }
  return assign;
}

/**
 * The optimal assignment: the most youths matched, and among those the highest total score. A min-cost max-flow
 * (source → youth → mentor → sink, edge cost MAX − score) by the primal-dual method: a Dijkstra on reduced costs
 * (Johnson potentials) finds the shortest augmenting distance, then every admissible path at that distance is
 * augmented by depth-first search before the next Dijkstra. Each augmentation follows a shortest path, so the flow
 * is of least cost for its size at every step; the flow only grows, so it ends at the maximum.
 */
export function assignOptimal(p: AssignmentProblem): Int32Array {
  const flow = new Flow(p);
  while (flow.shortestDistances()) {
    flow.updatePotentials();
    flow.augmentShortest();
    flow.augmentAdmissible();
  }
  return flow.assign;
}

/** The residual network of the assignment, with Johnson potentials on youths, mentors and the sink. */
class Flow {
  readonly assign: Int32Array;
  private readonly nY: number;
  private readonly nM: number;
  private readonly score: ArrayLike<number>;
  private readonly cap: Int32Array;
  private readonly maxS: number;
  private readonly load: Int32Array;
  private readonly members: number[][];
  private readonly piY: Float64Array;
  private readonly piM: Float64Array;
  private piT = 0;
  private readonly distY: Float64Array;
  private readonly distM: Float64Array;
  private distT = Infinity;
  private readonly predY: Int32Array;
  private readonly predM: Int32Array;
  private predT = -1;
  private readonly doneY: Uint8Array;
  private readonly doneM: Uint8Array;
  private readonly heap = new MinHeap();

  constructor(p: AssignmentProblem) {
    this.nY = p.youths;
    this.nM = p.mentors;
    this.score = p.score;
    this.cap = Int32Array.from(p.capacity);
    let maxS = 0;
    for (let i = 0; i < p.score.length; i += 1) maxS = Math.max(maxS, p.score[i]);
    this.maxS = maxS;
    this.assign = new Int32Array(this.nY).fill(-1);
    this.load = new Int32Array(this.nM);
    this.members = Array.from({ length: this.nM }, () => []);
    this.piY = new Float64Array(this.nY);
    this.piM = new Float64Array(this.nM);
    this.distY = new Float64Array(this.nY);
    this.distM = new Float64Array(this.nM);
    this.predY = new Int32Array(this.nY);
    this.predM = new Int32Array(this.nM);
    this.doneY = new Uint8Array(this.nY);
    this.doneM = new Uint8Array(this.nM);
  }

  /** Edge y → m costs MAX − score (≥ 0); its reverse, for a youth already with m, the negative. */
  private reducedForward(y: number, m: number): number {
    return this.maxS - this.score[y * this.nM + m] + this.piY[y] - this.piM[m];
  }

  private reducedBackward(m: number, y: number): number {
    return -(this.maxS - this.score[y * this.nM + m]) + this.piM[m] - this.piY[y];
  }

  private open(y: number, m: number): boolean {
    return this.score[y * this.nM + m] >= 0 && this.assign[y] !== m;
  }

  private move(y: number, m: number): void {
    const old = this.assign[y];
    if (old >= 0) {
      const list = this.members[old];
      list.splice(list.indexOf(y), 1);
      this.load[old] -= 1;
    }
    this.assign[y] = m;
    this.members[m].push(y);
    this.load[m] += 1;
  }

  /** Dijkstra from the free youths on reduced costs, stopped at the sink; false when no augmenting path is left. */
  shortestDistances(): boolean {
    this.distY.fill(Infinity);
    this.distM.fill(Infinity);
    this.doneY.fill(0);
    this.doneM.fill(0);
    this.distT = Infinity;
    this.heap.clear();
    for (let y = 0; y < this.nY; y += 1) {
      if (this.assign[y] === -1) this.reachYouth(y, -this.piY[y], -1);
    }
    while (this.heap.size > 0) {
      const d = this.heap.topKey();
      const v = this.heap.pop();
      if (v === -1) break;
      if (v < this.nY) this.settleYouth(v, d);
      else this.settleMentor(v - this.nY, d);
    }
    return this.distT !== Infinity;
  }

  private reachYouth(y: number, d: number, from: number): void {
    if (d >= this.distY[y]) return;
    this.distY[y] = d;
    this.predY[y] = from;
    this.heap.push(d, y);
  }

  private settleYouth(y: number, d: number): void {
    if (this.doneY[y] || d > this.distY[y]) return;
    this.doneY[y] = 1;
    for (let m = 0; m < this.nM; m += 1) {
      if (this.doneM[m] || !this.open(y, m)) continue;
      const nd = d + this.reducedForward(y, m);
      if (nd < this.distM[m]) {
        this.distM[m] = nd;
        this.predM[m] = y;
        this.heap.push(nd, this.nY + m);
      }
    }
  }

  private settleMentor(m: number, d: number): void {
    if (this.doneM[m] || d > this.distM[m]) return;
    this.doneM[m] = 1;
    const toSink = d + this.piM[m] - this.piT;
    if (this.load[m] < this.cap[m] && toSink < this.distT) {
      this.distT = toSink;
      this.predT = m;
      this.heap.push(toSink, -1);
    }
    for (const y of this.members[m]) {
      if (!this.doneY[y]) this.reachYouth(y, d + this.reducedBackward(m, y), m);
    }
  }

  /** π += min(dist, dist to the sink): every edge keeps a reduced cost ≥ 0, shortest paths get 0. */
  updatePotentials(): void {
    for (let y = 0; y < this.nY; y += 1) this.piY[y] += Math.min(this.distY[y], this.distT);
    for (let m = 0; m < this.nM; m += 1) this.piM[m] += Math.min(this.distM[m], this.distT);
    this.piT += this.distT;
  }

  /** The path Dijkstra found, walked back from the sink. */
  augmentShortest(): void {
    let m = this.predT;
    while (m >= 0) {
      const y = this.predM[m];
      const prev = this.assign[y];
      this.move(y, m);
      m = prev;
    }
  }

  /** Every further path of zero reduced cost (as short as the last), by depth-first search from the free youths. */
  augmentAdmissible(): void {
    const search = {
      deadM: new Uint8Array(this.nM),
      onStackM: new Uint8Array(this.nM),
      onStackY: new Uint8Array(this.nY),
    };
    for (let y = 0; y < this.nY; y += 1) {
      if (this.assign[y] !== -1 || this.piY[y] !== 0) continue;
      search.onStackY[y] = 1;
      this.tryYouth(y, search);
      search.onStackY[y] = 0;
    }
  }

  private tryYouth(y: number, s: { deadM: Uint8Array; onStackM: Uint8Array; onStackY: Uint8Array }): boolean {
    for (let m = 0; m < this.nM; m += 1) {
      if (s.deadM[m] || s.onStackM[m] || !this.open(y, m) || this.reducedForward(y, m) !== 0) continue;
      s.onStackM[m] = 1;
      const found = this.tryMentor(m, s);
      s.onStackM[m] = 0;
      if (found) {
        this.move(y, m);
        return true;
      }
      s.deadM[m] = 1;
    }
    return false;
  }

  /** From mentor m: to the sink if a place is free, else on through one of its youths who can move elsewhere. */
  private tryMentor(m: number, s: { deadM: Uint8Array; onStackM: Uint8Array; onStackY: Uint8Array }): boolean {
    if (this.load[m] < this.cap[m] && this.piM[m] === this.piT) return true;
    for (const y2 of [...this.members[m]]) {
      if (s.onStackY[y2] || this.reducedBackward(m, y2) !== 0) continue;
      s.onStackY[y2] = 1;
      const found = this.tryYouth(y2, s);
      s.onStackY[y2] = 0;
      if (found) return true;
    }
    return false;
  }
}

/** A binary min-heap of (key, value) pairs in typed arrays, grown as needed. */
class MinHeap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.values[i] = this.values[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  pop(): number {
    const top = this.values[0];
    this.size -= 1;
    const key = this.keys[this.size];
    const value = this.values[this.size];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.keys[r] < this.keys[l] ? r : l;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.values[i] = this.values[c];
      i = c;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }
}
