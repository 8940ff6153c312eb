import { describe, expect, it } from 'vitest';
import { nextStage, STAGE_MOVES, USE_CASE_STAGES } from './stages';

describe('use-case stages', () => {
  it('moves forward to a pilot and its completion', () => {
    expect(nextStage('proposed', 'under_review')).toBe('under_review');
    expect(nextStage('under_review', 'prioritised')).toBe('prioritised');
    expect(nextStage('prioritised', 'pilot')).toBe('pilot');
    expect(nextStage('pilot', 'completed')).toBe('completed');
  });

  it('refuses a skipped stage and any move from completed, naming what is allowed', () => {
    expect(() => nextStage('proposed', 'pilot')).toThrow(
      'a use case at stage proposed can move to under_review or rejected, not pilot',
    );
    expect(() => nextStage('completed', 'pilot')).toThrow(/completed is final/);
  });

  it('lists moves only to known stages, and lets every non-final stage be rejected', () => {
    for (const stage of USE_CASE_STAGES) {
      for (const to of STAGE_MOVES[stage]) expect(USE_CASE_STAGES).toContain(to);
      if (stage !== 'completed' && stage !== 'rejected') expect(STAGE_MOVES[stage]).toContain('rejected');
    }
  });
});
