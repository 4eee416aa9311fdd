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
  const nY = p.youths;
  const nM = p.mentors;
  const { score } = p;
  const cap = Int32Array.from(p.capacity);
  let maxS = 0;
  for (let i = 0; i < score.length; i += 1) if (score[i] > maxS) maxS = score[i];
  const assign = new Int32Array(nY).fill(-1);
  const load = new Int32Array(nM);
  const members: number[][] = Array.from({ length: nM }, () => []);
  const piY = new Float64Array(nY);
  const piM = new Float64Array(nM);
  let piT = 0;
  const distY = new Float64Array(nY);
  const distM = new Float64Array(nM);
  const predY = new Int32Array(nY);
  const predM = new Int32Array(nM);
  const doneY = new Uint8Array(nY);
  const doneM = new Uint8Array(nM);

  const move = (y: number, m: number) => {
    const old = assign[y];
    if (old >= 0) {
      const list = members[old];
      list.splice(list.indexOf(y), 1);
      load[old] -= 1;
    }
    assign[y] = m;
    members[m].push(y);
    load[m] += 1;
  };

  const heap = new MinHeap();
  for (;;) {
    // Shortest augmenting distances on reduced costs. Node ids: youths 0..nY-1, mentors nY.., the sink -1.
    distY.fill(Infinity);
    distM.fill(Infinity);
    doneY.fill(0);
    doneM.fill(0);
    let distT = Infinity;
    let predT = -1;
    heap.clear();
    for (let y = 0; y < nY; y += 1) {
      if (assign[y] === -1) {
        distY[y] = -piY[y];
        predY[y] = -1;
        heap.push(distY[y], y);
      }
    }
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (v === -1) break;
      if (v < nY) {
        const y = v;
        if (doneY[y] || d > distY[y]) continue;
        doneY[y] = 1;
        const base = d + piY[y] + maxS;
        const row = y * nM;
        for (let m = 0; m < nM; m += 1) {
          const s = score[row + m];
          if (s < 0 || assign[y] === m || doneM[m]) continue;
          const nd = base - s - piM[m];
          if (nd < distM[m]) {
            distM[m] = nd;
            predM[m] = y;
            heap.push(nd, nY + m);
          }
        }
      } else {
        const m = v - nY;
        if (doneM[m] || d > distM[m]) continue;
        doneM[m] = 1;
        if (load[m] < cap[m]) {
          const nd = d + piM[m] - piT;
          if (nd < distT) {
            distT = nd;
            predT = m;
            heap.push(nd, -1);
          }
        }
        for (const y of members[m]) {
          if (doneY[y]) continue;
          const nd = d - (maxS - score[y * nM + m]) + piM[m] - piY[y];
          if (nd < distY[y]) {
            distY[y] = nd;
            predY[y] = m;
            heap.push(nd, y);
          }
        }
      }
    }
    if (distT === Infinity) break;
    for (let y = 0; y < nY; y += 1) piY[y] += Math.min(distY[y], distT);
    for (let m = 0; m < nM; m += 1) piM[m] += Math.min(distM[m], distT);
    piT += distT;

    // The shortest path Dijkstra found, then every other admissible (zero reduced cost) path.
    let m = predT;
    while (m >= 0) {
      const y = predM[m];
      const prev = assign[y];
      move(y, m);
      m = prev;
    }
    augmentAdmissible();
  }
  return assign;

  function augmentAdmissible(): void {
    const deadM = new Uint8Array(nM);
    const onStackM = new Uint8Array(nM);
    const onStackY = new Uint8Array(nY);
    const tryYouth = (y: number): boolean => {
      const row = y * nM;
      for (let m = 0; m < nM; m += 1) {
        const s = score[row + m];
        if (s < 0 || assign[y] === m || deadM[m] || onStackM[m]) continue;
        if (maxS - s + piY[y] - piM[m] !== 0) continue;
        onStackM[m] = 1;
        if (load[m] < cap[m] && piM[m] === piT) {
          move(y, m);
          onStackM[m] = 0;
          return true;
        }
        for (const y2 of [...members[m]]) {
          if (onStackY[y2] || -(maxS - score[y2 * nM + m]) + piM[m] - piY[y2] !== 0) continue;
          onStackY[y2] = 1;
          const found = tryYouth(y2);
          onStackY[y2] = 0;
          if (found) {
            move(y, m);
            onStackM[m] = 0;
            return true;
          }
        }
        onStackM[m] = 0;
        deadM[m] = 1;
      }
      return false;
    };
    for (let y = 0; y < nY; y += 1) {
      if (assign[y] !== -1 || piY[y] !== 0) continue;
      onStackY[y] = 1;
      tryYouth(y);
      onStackY[y] = 0;
    }
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
