import {
  canAccept,
  canDecline,
  MATCH_FLOW,
  MATCH_STATUSES,
  MENTOR_FLOW,
  OPEN_MATCH_STATUSES,
  profileComplete,
  type MatchEvent,
  type MatchStatus,
} from '../../miniprogram/core/mentoring';
import { transitionFor } from '../../miniprogram/core/workflow';

describe('the match table, every row', () => {
  it.each([
    ['draft', 'publish', 'published', ['takeMentor', 'takeYouth']],
    ['draft', 'discard', 'discarded', []],
    ['published', 'accept', 'active', ['mentorParty']],
    ['published', 'decline', 'declined', ['party', 'reason', 'releaseMentor', 'releaseYouth']],
    ['active', 'end', 'ended', ['reason', 'releaseMentor', 'releaseYouth']],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(MATCH_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row && 'requires' in row ? row.requires : []).toEqual(requires);
  });

  it('allows nothing else', () => {
    const events: MatchEvent[] = ['publish', 'discard', 'accept', 'decline', 'end'];
    const allowed = MATCH_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(MATCH_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed.sort()).toEqual(
      ['draft:publish', 'draft:discard', 'published:accept', 'published:decline', 'active:end'].sort(),
    );
  });

  it('what the pages offer follows the table', () => {
    expect(MATCH_STATUSES.filter(canDecline)).toEqual(['published']);
    expect(MATCH_STATUSES.filter(canAccept)).toEqual(['published']);
  });

  it('a match holds the mentor’s place and the youth exactly while published or active', () => {
    // Taken on entering those states, given back on leaving them.
    const takes = MATCH_FLOW.filter((r) => 'requires' in r && (r.requires as readonly string[]).includes('takeMentor'));
    const releases = MATCH_FLOW.filter(
      (r) => 'requires' in r && (r.requires as readonly string[]).includes('releaseMentor'),
    );
    expect(takes.every((r) => OPEN_MATCH_STATUSES.includes(r.to))).toBe(true);
    expect(releases.every((r) => r.from.every((s: MatchStatus) => OPEN_MATCH_STATUSES.includes(s)))).toBe(true);
    expect(releases.every((r) => !OPEN_MATCH_STATUSES.includes(r.to))).toBe(true);
  });
});

describe('the mentor table', () => {
  it('pauses with a reason and resumes', () => {
    expect(transitionFor(MENTOR_FLOW, 'active', 'pause')).toEqual({
      from: ['active'],
      event: 'pause',
      to: 'paused',
      requires: ['reason'],
    });
    expect(transitionFor(MENTOR_FLOW, 'paused', 'resume')?.to).toBe('active');
    expect(transitionFor(MENTOR_FLOW, 'paused', 'pause')).toBeNull();
    expect(transitionFor(MENTOR_FLOW, 'active', 'resume')).toBeNull();
  });

  it('a profile needs the organisation, sector and district', () => {
    expect(profileComplete({ orgName: '绍兴银行', sector: 'finance', districtId: 'keqiao' })).toBe(true);
    expect(profileComplete({ orgName: '', sector: 'finance', districtId: 'keqiao' })).toBe(false);
    expect(profileComplete({ orgName: '绍兴银行', sector: null, districtId: 'keqiao' })).toBe(false);
    expect(profileComplete({ orgName: '绍兴银行', sector: 'finance', districtId: null })).toBe(false);
  });
});
