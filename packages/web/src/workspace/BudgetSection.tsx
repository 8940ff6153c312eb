import { useId } from 'react';
import { workspaceText as t } from './strings';
import type { WorkspaceView } from './types';
import { budgetLeft, formatBudget } from './workspace-text';

/** The permit's differential-privacy budget: granted, spent and left of ε and δ (issue 4 §2). */
export function BudgetSection({ budget }: { budget: WorkspaceView['budget'] }) {
  const id = useId();
  const parts = [
    { name: t.budget.epsilon, part: budget.epsilon, key: 'epsilon' },
    { name: t.budget.delta, part: budget.delta, key: 'delta' },
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="workspace-budget">
      <h2 id={`${id}-title`}>{t.budget.title}</h2>
      {!budget.dpEnabled ? (
        <p>{t.budget.off}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t.budget.caption}</caption>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="num">
                    {t.budget.granted}
                  </th>
                  <th scope="col" className="num">
                    {t.budget.spent}
                  </th>
                  <th scope="col" className="num">
                    {t.budget.left}
                  </th>
                </tr>
              </thead>
              <tbody>
                {parts.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{p.name}</th>
                    <td className="num">{formatBudget(p.part.granted)}</td>
                    <td className="num">{formatBudget(p.part.spent)}</td>
                    <td className="num" data-testid={`budget-left-${p.key}`}>
                      {formatBudget(budgetLeft(p.part))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {budgetLeft(budget.epsilon) === 0 && <p className="alert">{t.budget.exhausted}</p>}
        </>
      )}
    </section>
  );
}
