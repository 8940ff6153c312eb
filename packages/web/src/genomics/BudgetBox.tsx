import type { ApiError } from '@openehds/client';
import { genomicsText as t } from './strings';

/**
 * The spent query budget (429; issue 5 §3), said plainly: what happened, the hub's own words on when it
 * refills, and why the limit exists — not a generic "request failed".
 */
export function BudgetBox({ error }: { error: ApiError }) {
  return (
    <div className="alert alert-error" role="alert" data-testid="genomics-budget">
      <p className="alert-title">{t.errors.budget}</p>
      <p>{error.detail}</p>
      <p className="small">{t.errors.budgetHint}</p>
    </div>
  );
}
