import { describe, expect, it } from 'vitest';
import * as core from '@openehds/core';
import { ApiError, FILE_VOTES, type AirlockFile, type FileVote } from '@openehds/client';
import {
  ageText,
  allowedDecisions,
  byTab,
  checkSummary,
  commentRequired,
  mayWithdraw,
  maySubmit,
  previewKind,
  queueTab,
  returnReason,
  reviewBlock,
  reviewFieldErrors,
  reviewInput,
  reviewProblems,
  sizeText,
  tabOf,
  viewerOf,
} from './airlock-rules';
import { airlockEn as t } from './strings';

const file = (name: string, outcome: 'pass' | 'fail' | 'review'): AirlockFile => ({
  name,
  mediaType: 'text/csv',
  bytes: 10,
  sha256: 'ab',
  autoCheck: { kind: 'table', outcome, summary: `${outcome} summary`, record: null },
});

describe('which decisions the reviews enable', () => {
  it('agrees with the hub’s rule for every pair of reviews of two files, and for fewer reviews', () => {
    const files = ['a.csv', 'b.png'];
    // Every combination of votes of two checkers on two files (3^4 = 81).
    for (const a of FILE_VOTES)
      for (const b of FILE_VOTES)
        for (const c of FILE_VOTES)
          for (const d of FILE_VOTES) {
            const reviews = [
              { reviewer: 'x', votes: { 'a.csv': a, 'b.png': b } },
              { reviewer: 'y', votes: { 'a.csv': c, 'b.png': d } },
            ];
            expect(allowedDecisions(reviews, files), `${a} ${b} ${c} ${d}`).toEqual(
              core.allowedDecisions(reviews, files),
            );
            expect(allowedDecisions(reviews.slice(0, 1), files)).toEqual(
              core.allowedDecisions(reviews.slice(0, 1), files),
            );
          }
    expect(allowedDecisions([], files)).toEqual([]);
  });

  it('offers approve only when both checkers approved every file', () => {
    const approveAll = { votes: { 'a.csv': 'approve' as FileVote } };
    expect(allowedDecisions([approveAll, approveAll], ['a.csv'])).toContain('approve');
    expect(
      allowedDecisions([approveAll, { votes: { 'a.csv': 'request-changes' } }], ['a.csv']),
    ).not.toContain('approve');
    expect(allowedDecisions([approveAll], ['a.csv'])).toEqual([]);
  });
});

describe('when a checker’s comment is required', () => {
  it('is required for any vote other than approve, and for approving a file the automatic check did not pass', () => {
    expect(commentRequired('approve', 'pass')).toBe(false);
    expect(commentRequired(undefined, 'pass')).toBe(false);
    expect(commentRequired('request-changes', 'pass')).toBe(true);
    expect(commentRequired('reject', 'pass')).toBe(true);
    expect(commentRequired('approve', 'fail')).toBe(true);
    expect(commentRequired('approve', 'review')).toBe(true);
    // Known before a vote is chosen, so the field is marked required from the start.
    expect(commentRequired(undefined, 'review')).toBe(true);
  });

  it('lists the same problems the hub would, per file, with the fitting message', () => {
    const files = [
      file('ok.csv', 'pass'),
      file('bad.csv', 'fail'),
      file('plot.png', 'review'),
      file('x.csv', 'pass'),
    ];
    const problems = reviewProblems(files, {
      votes: { 'ok.csv': 'approve', 'bad.csv': 'approve', 'plot.png': 'reject' },
      comments: { 'bad.csv': '   ', 'plot.png': '' },
    });
    expect(problems).toEqual({
      'bad.csv': { comment: [t.review.justifyMissing] },
      'plot.png': { comment: [t.review.commentMissing] },
      'x.csv': { vote: [t.review.voteMissing] },
    });
    expect(
      reviewProblems(files.slice(0, 3), {
        votes: { 'ok.csv': 'approve', 'bad.csv': 'approve', 'plot.png': 'reject' },
        comments: { 'bad.csv': 'Only totals; safe.', 'plot.png': 'Shows single persons.' },
      }),
    ).toEqual({});
  });

  it('sends only voted files and non-empty trimmed comments', () => {
    expect(
      reviewInput({
        votes: { 'a.csv': 'approve', 'b.csv': undefined },
        comments: { 'a.csv': '  fine  ', 'b.csv': ' ' },
      }),
    ).toEqual({ votes: { 'a.csv': 'approve' }, comments: { 'a.csv': 'fine' } });
  });

  it('places the hub’s field errors beside their file, even for names with dots', () => {
    const err = new ApiError(400, {
      detail: 'the review has 3 problem(s)',
      issues: [
        { path: 'comments.table.v2.csv', message: 'say what must change, or why it is rejected' },
        { path: 'votes.plot.png', message: 'vote on every file' },
        { path: 'votes.ghost.csv', message: 'no such file in this request' },
      ],
    });
    expect(reviewFieldErrors(err, ['table.v2.csv', 'plot.png'])).toEqual({
      'table.v2.csv': { comment: ['say what must change, or why it is rejected'] },
      'plot.png': { vote: ['vote on every file'] },
    });
    expect(reviewFieldErrors(new Error('x'), ['a'])).toEqual({});
  });
});

describe('who may do what', () => {
  const me = { accountId: 'c1', role: 'hdab_staff' };
  it('never lets the author review, and lets each checker review a submission once', () => {
    const view = { status: 'PARTIALLY_REVIEWED' as const, authorId: 'u1', reviews: [] };
    expect(reviewBlock(view, me)).toBeNull();
    expect(reviewBlock({ ...view, authorId: 'c1' }, me)).toBe('author');
    expect(
      reviewBlock(
        {
          ...view,
          reviews: [{ reviewerId: 'c1', reviewer: 'hdab', submission: 1, votes: {}, comments: {}, at: '' }],
        },
        me,
      ),
    ).toBe('already');
    expect(reviewBlock({ ...view, status: 'REVIEWED' }, me)).toBe('status');
    expect(viewerOf({ authorId: 'c1' }, me)).toBe('author');
    expect(viewerOf({ authorId: 'u1' }, me)).toBe('checker');
    expect(viewerOf({ authorId: 'u1' }, { accountId: 'u2', role: 'data_user' })).toBe('other');
  });

  it('lets the author submit a pending or returned request and withdraw until approval', () => {
    for (const s of core.AIRLOCK_STATUSES) {
      expect(maySubmit(s), s).toBe(s === 'PENDING' || s === 'RETURNED');
      // The same as the hub's transition rule.
      const hubAllows = (action: 'submit' | 'withdraw') => {
        try {
          core.nextAirlockStatus({ status: s, action, actor: 'u', author: 'u', reviews: [], files: [] });
          return true;
        } catch {
          return false;
        }
      };
      expect(maySubmit(s), `submit ${s}`).toBe(hubAllows('submit'));
      expect(mayWithdraw(s), `withdraw ${s}`).toBe(hubAllows('withdraw'));
    }
  });
});

describe('the checkers’ queue', () => {
  it('puts every status in exactly one tab, and falls back to the review tab', () => {
    const items = core.AIRLOCK_STATUSES.map((status) => ({ status }));
    const tabs = byTab(items);
    expect(Object.values(tabs).flat()).toHaveLength(core.AIRLOCK_STATUSES.length);
    expect(tabs.review.map((r) => r.status)).toEqual(['SUBMITTED', 'PARTIALLY_REVIEWED']);
    expect(tabs.decision.map((r) => r.status)).toEqual(['REVIEWED']);
    expect(tabs.release.map((r) => r.status)).toEqual(['APPROVED']);
    expect(tabs.done.map((r) => r.status)).toEqual(['REJECTED', 'RELEASED', 'WITHDRAWN']);
    expect(tabOf('RETURNED')).toBe('author');
    expect(queueTab('release')).toBe('release');
    expect(queueTab('<script>')).toBe('review');
    expect(queueTab(null)).toBe('review');
  });

  it('words ages, sizes and the automatic checks of a request', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    expect(ageText('2027-03-10T11:30:00Z', now)).toBe(t.age.now);
    expect(ageText('2027-03-10T11:00:00Z', now)).toBe('1 hour');
    expect(ageText('2027-03-09T00:00:00Z', now)).toBe('36 hours');
    expect(ageText('2027-03-07T12:00:00Z', now)).toBe('3 days');
    expect(ageText('not a date', now)).toBe(t.age.now);
    expect(sizeText(512)).toBe('512 bytes');
    expect(sizeText(1536)).toBe('1.5 KiB');
    expect(sizeText(5 << 20)).toBe('5.0 MiB');
    expect(checkSummary([file('a', 'pass'), file('b', 'pass'), file('c', 'review')])).toBe(
      '2 passed, 0 failed, 1 to judge',
    );
  });
});

describe('previews and returned requests', () => {
  it('previews CSV, JSON and plain text, and nothing else', () => {
    expect(previewKind({ name: 'a.csv', mediaType: 'text/csv; charset=utf-8' })).toBe('csv');
    expect(previewKind({ name: 'table', mediaType: 'text/csv' })).toBe('csv');
    expect(previewKind({ name: 'model.json', mediaType: 'application/json' })).toBe('json');
    expect(previewKind({ name: 'x', mediaType: 'application/ld+json' })).toBe('json');
    expect(previewKind({ name: 'log.txt', mediaType: 'text/plain' })).toBe('text');
    expect(previewKind({ name: 'plot.png', mediaType: 'image/png' })).toBeNull();
    expect(previewKind({ name: 'page.html', mediaType: 'text/html' })).toBeNull();
  });

  it('finds the reason of the last return, only while the request is returned', () => {
    const history = [
      {
        action: 'return',
        fromStatus: 'REVIEWED',
        toStatus: 'RETURNED',
        actor: 'account:hdab',
        reason: 'First',
        at: '',
      },
      {
        action: 'submit',
        fromStatus: 'RETURNED',
        toStatus: 'SUBMITTED',
        actor: 'account:user',
        reason: null,
        at: '',
      },
      {
        action: 'return',
        fromStatus: 'REVIEWED',
        toStatus: 'RETURNED',
        actor: 'account:hdab',
        reason: 'Round to 5.',
        at: '',
      },
    ];
    expect(returnReason({ status: 'RETURNED', history })).toBe('Round to 5.');
    expect(returnReason({ status: 'SUBMITTED', history })).toBeNull();
  });
});
