import { describe, expect, it } from 'vitest';
import { audienceNote, nodeCountText, nodeStatusText, totalText } from './results';
import type { FeasibilityNodeResult, FeasibilityResult } from './types';

const node = (over: Partial<FeasibilityNodeResult>): FeasibilityNodeResult => ({
  nodeId: 'n1',
  nodeName: 'Helsinki',
  country: 'FI',
  datasets: ['d1'],
  value: 1230,
  suppressed: false,
  status: 'ok',
  record: null,
  ...over,
});
const result = (over: Partial<FeasibilityResult>): FeasibilityResult => ({
  audience: 'anonymous',
  threshold: 10,
  roundTo: 5,
  total: { value: 1230, atLeast: false },
  nodes: [node({})],
  askedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('node counts', () => {
  it('shows a released count with separators, a suppressed one as "fewer than" the threshold', () => {
    expect(nodeCountText(node({}), 10)).toBe('1,230');
    expect(nodeCountText(node({ value: null, suppressed: true }), 10)).toBe('fewer than 10');
    expect(nodeCountText(node({ value: 0, suppressed: true }), 25)).toBe('fewer than 25');
  });

  it('shows no count for a node that did not answer, and says why', () => {
    const refused = node({ status: 'refused', value: null, message: 'dataset not held here' });
    expect(nodeCountText(refused, 10)).toBe('—');
    expect(nodeStatusText(refused)).toBe('Refused: dataset not held here');
    expect(nodeStatusText(node({ status: 'timeout', value: null }))).toBe('No answer in time');
    expect(nodeStatusText(node({}))).toBe('Answered');
  });
});

describe('the total', () => {
  it('is exact, "at least" when something was withheld, or "fewer than" when every count was', () => {
    expect(totalText(result({}))).toBe('1,230');
    expect(totalText(result({ total: { value: 1230, atLeast: true } }))).toBe('at least 1,230');
    const allSmall = result({
      total: { value: null, atLeast: true },
      nodes: [node({ value: null, suppressed: true })],
    });
    expect(totalText(allSmall)).toBe('fewer than 10');
    const none = result({
      total: { value: null, atLeast: false },
      nodes: [node({ status: 'error', value: null })],
    });
    expect(totalText(none)).toBe('not available');
  });
});

describe('the audience note', () => {
  it('tells an anonymous visitor the rounding, the threshold, and that signing in shows more', () => {
    const note = audienceNote({ audience: 'anonymous', roundTo: 5, threshold: 10 });
    expect(note).toContain('rounded to the nearest 5');
    expect(note).toContain('below 10');
    expect(note).toContain('Sign in to see more.');
  });

  it('does not invite a signed-in user to sign in, and says when counts are not rounded', () => {
    const note = audienceNote({ audience: 'registered', roundTo: 1, threshold: 11 });
    expect(note).toContain('Counts are not rounded.');
    expect(note).toContain('below 11');
    expect(note).not.toContain('Sign in');
  });
});
