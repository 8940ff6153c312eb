import { describe, expect, it } from 'vitest';
import type { Clock, Clocks } from '@openehds/client';
import {
  clockArticle,
  clockBadge,
  fileBadge,
  nextDeadlineText,
  queueRank,
  remainingText,
} from './clock-text';

const clock = (over: Partial<Clock>): Clock => ({
  name: 'decision',
  dueAt: '2027-03-01T10:00:00.000Z',
  state: 'running',
  remainingDays: 40,
  atRisk: false,
  article: 'Art. 68(4)',
  startedAt: '2026-12-01T10:00:00.000Z',
  endedAt: null,
  late: false,
  pausedMs: 0,
  ...over,
});

const clocks = (next: Clock | null, flags: Partial<Clocks> = {}): Clocks => ({
  clocks: next ? [next] : [],
  nextDue: next,
  overdue: false,
  atRisk: false,
  ...flags,
});

describe('clockBadge', () => {
  it('flags overdue and at-risk clocks before their plain state', () => {
    expect(clockBadge(clock({ state: 'overdue', remainingDays: -3 }))).toEqual({
      text: 'Overdue',
      tone: 'bad',
    });
    expect(clockBadge(clock({ atRisk: true, remainingDays: 5 }))).toEqual({ text: 'At risk', tone: 'warn' });
    expect(clockBadge(clock({}))).toEqual({ text: 'Running', tone: 'info' });
  });
  it('says when a deadline was met late, and that a paused clock is paused', () => {
    expect(clockBadge(clock({ state: 'met', late: true, remainingDays: null }))).toEqual({
      text: 'Met late',
      tone: 'warn',
    });
    expect(clockBadge(clock({ state: 'met', remainingDays: null })).tone).toBe('ok');
    expect(clockBadge(clock({ state: 'paused' })).text).toBe('Paused');
    expect(clockBadge(clock({ state: 'not-started', dueAt: null, remainingDays: null })).text).toBe(
      'Not started',
    );
  });
});

describe('remainingText', () => {
  it('counts days left and overdue in words, singular where it is one', () => {
    expect(remainingText(clock({ remainingDays: 12 }))).toBe('12 days left');
    expect(remainingText(clock({ remainingDays: 1 }))).toBe('1 day left');
    expect(remainingText(clock({ remainingDays: 0 }))).toBe('Due today');
    expect(remainingText(clock({ state: 'overdue', remainingDays: -1 }))).toBe('1 day overdue');
    expect(remainingText(clock({ state: 'overdue', remainingDays: -9 }))).toBe('9 days overdue');
  });
  it('says a paused clock stands still, and nothing for a clock that is not live', () => {
    expect(remainingText(clock({ state: 'paused', remainingDays: 30 }))).toBe('Paused with 30 days left');
    expect(remainingText(clock({ state: 'met', remainingDays: null }))).toBe('');
  });
});

describe('nextDeadlineText', () => {
  it('names the clock, its due date and the time left', () => {
    expect(nextDeadlineText(clocks(clock({ remainingDays: 12 })))).toBe(
      'Decision: 2027-03-01 (12 days left)',
    );
    expect(nextDeadlineText(clocks(null))).toBe('');
    expect(nextDeadlineText(undefined)).toBe('');
  });
});

describe('queue rank and file badge', () => {
  it('ranks files from their clocks as the hub sorts them', () => {
    expect(queueRank(clocks(clock({}), { overdue: true }))).toBe('overdue');
    expect(queueRank(clocks(clock({}), { atRisk: true }))).toBe('at-risk');
    expect(queueRank(clocks(clock({})))).toBe('due');
    expect(queueRank(clocks(null))).toBe('idle');
    expect(queueRank(undefined)).toBe('idle');
  });
  it('flags only overdue and at-risk files', () => {
    expect(fileBadge(clocks(clock({}), { overdue: true }))?.tone).toBe('bad');
    expect(fileBadge(clocks(clock({}), { atRisk: true }))?.text).toBe('At risk');
    expect(fileBadge(clocks(clock({})))).toBeNull();
  });
});

describe('clockArticle', () => {
  it('names the hub’s own rules as such instead of showing a marker', () => {
    expect(clockArticle(clock({ article: '[OURS]' }))).toBe('(hub rule)');
    expect(clockArticle(clock({ article: 'Art. 68(4) [OURS: 4-week completeness check]' }))).toBe(
      'Art. 68(4) (hub rule: 4-week completeness check)',
    );
    expect(clockArticle(clock({}))).toBe('Art. 68(4)');
  });
});
