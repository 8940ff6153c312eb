import { misconfigured, type ReleaseContext } from './context';
import type { RecordBuilder } from './record';

/** Checks the audience may see this kind of output at all (HDAB-set visibility, issue 4 §1). */
export function checkAudience(ctx: ReleaseContext, rec: RecordBuilder): void {
  const rule = ctx.policy.audiences[ctx.audience];
  if (ctx.audience === 'permit_holder' && !ctx.permitId) {
    throw misconfigured('a permit holder release needs the permit id');
  }
  if (!rule.allowed) {
    rec.add('audience', '$', 'refused', { audience: ctx.audience });
    throw rec.refuse(
      'forbidden',
      ctx.audience === 'anonymous'
        ? 'this HDAB shows counts only to signed-in users; sign in to see them'
        : ctx.audience === 'registered'
          ? 'this HDAB shows counts only under a data permit; apply for a permit (Art. 67)'
          : 'this HDAB policy releases no counts to permit holders; ask the HDAB',
    );
  }
  rec.add('audience', '$', 'passed', {
    audience: ctx.audience,
    minCount: rule.minCount,
    roundTo: rule.roundTo,
  });
}
