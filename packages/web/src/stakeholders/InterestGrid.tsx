import type { StakeholderOrgJson } from '@openehds/client';
import { fmt } from '../i18n/format';
import { groupByQuadrant, QUADRANTS } from './grid';
import { stakeholdersText as t } from './strings';

/**
 * The interest/influence grid: four quadrants (high influence on top, high interest on the right),
 * each a labelled list of the organisations shown, each organisation a button that selects it.
 */
export function InterestGrid({
  orgs,
  selectedId,
  onSelect,
}: {
  orgs: StakeholderOrgJson[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const groups = groupByQuadrant(orgs);
  return (
    <div className="interest-grid" data-testid="stakeholder-grid">
      {QUADRANTS.map((q) => (
        <section
          key={q}
          className={`quadrant quadrant-${q}`}
          aria-labelledby={`stk-q-${q}`}
          data-testid={`stakeholder-quadrant-${q}`}
        >
          <h3 id={`stk-q-${q}`}>
            {t.grid.quadrants[q]} <span className="muted small">({groups[q].length})</span>
          </h3>
          <p className="hint">{t.grid.explain[q]}</p>
          {groups[q].length === 0 ? (
            <p className="muted">{t.grid.empty}</p>
          ) : (
            <ul className="plain-list">
              {groups[q].map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={o.id === selectedId}
                    data-testid={`stakeholder-grid-${o.id}`}
                    onClick={() => onSelect(o.id)}
                  >
                    {o.name}
                  </button>{' '}
                  <span className="muted small">
                    {fmt(t.grid.scores, { interest: o.interest, influence: o.influence })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
