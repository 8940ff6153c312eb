import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import {
  allowedDecisions,
  nextAirlockStatus,
  type AirlockAction,
  type AirlockStatus,
  type Review,
} from './airlock';

const files = ['table.csv', 'model.json'];
const approveAll = (reviewer: string): Review => ({
  reviewer,
  votes: { 'table.csv': 'approve', 'model.json': 'approve' },
});
const step = (status: AirlockStatus, action: AirlockAction, actor: string, reviews: Review[] = []) =>
  nextAirlockStatus({ status, action, actor, author: 'marie', reviews, files });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('airlock (Art. 73(2), four eyes)', () => {
  it('walks a request from submission through two reviews to release', () => {
    expect(step('PENDING', 'submit', 'marie')).toBe('SUBMITTED');
    expect(step('SUBMITTED', 'review', 'olli')).toBe('PARTIALLY_REVIEWED');
    expect(step('PARTIALLY_REVIEWED', 'review', 'anna', [approveAll('olli')])).toBe('REVIEWED');
    const two = [approveAll('olli'), approveAll('anna')];
    expect(step('REVIEWED', 'approve', 'olli', two)).toBe('APPROVED');
    expect(step('APPROVED', 'release', 'anna', two)).toBe('RELEASED');
  });

  it('never lets the author check their own outputs, nor one checker review twice', () => {
    expect(refusal(() => step('SUBMITTED', 'review', 'marie')).kind).toBe('forbidden');
    expect(refusal(() => step('PARTIALLY_REVIEWED', 'review', 'olli', [approveAll('olli')])).message).toMatch(
      /second review must be someone else's/,
    );
    expect(refusal(() => step('PENDING', 'submit', 'olli')).kind).toBe('forbidden');
  });

  it('approves only when both checkers approved every file', () => {
    const mixed: Review[] = [
      approveAll('olli'),
      { reviewer: 'anna', votes: { 'table.csv': 'request-changes', 'model.json': 'approve' } },
    ];
    expect(allowedDecisions(mixed, files)).toEqual(['return', 'reject']);
    expect(refusal(() => step('REVIEWED', 'approve', 'olli', mixed)).message).toMatch(
      /both checkers must approve/,
    );
    expect(step('REVIEWED', 'return', 'olli', mixed)).toBe('RETURNED');
    expect(step('RETURNED', 'submit', 'marie')).toBe('SUBMITTED');
    // A file neither reviewer voted on is not approved.
    expect(allowedDecisions([approveAll('olli'), approveAll('anna')], [...files, 'extra.png'])).not.toContain(
      'approve',
    );
  });

  it('decides nothing before two reviews, and nothing after a final state', () => {
    expect(
      refusal(() => step('PARTIALLY_REVIEWED', 'approve', 'olli', [approveAll('olli')])).message,
    ).toMatch(/needs 2 independent reviews first \(1 so far\)/);
    expect(refusal(() => step('SUBMITTED', 'release', 'olli')).kind).toBe('conflict');
    expect(refusal(() => step('RELEASED', 'withdraw', 'marie')).kind).toBe('conflict');
    expect(step('SUBMITTED', 'withdraw', 'marie')).toBe('WITHDRAWN');
  });
});
