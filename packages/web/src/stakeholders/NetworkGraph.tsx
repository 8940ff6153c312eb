import { useId, useMemo, type KeyboardEvent } from 'react';
import type { StakeholderOrgJson, StakeholderRelationshipJson } from '@openehds/client';
import { fmt, nameOf } from '../i18n/format';
import { forceLayout } from './layout';
import { stakeholdersText as t } from './strings';

const WIDTH = 760;
const HEIGHT = 480;

/** The relationships between the organisations shown (both ends among them). */
export function visibleRelationships(
  orgs: readonly StakeholderOrgJson[],
  relationships: readonly StakeholderRelationshipJson[],
): StakeholderRelationshipJson[] {
  const ids = new Set(orgs.map((o) => o.id));
  return relationships.filter((r) => ids.has(r.fromOrgId) && ids.has(r.toOrgId));
}

/** A key handler that activates on Enter or Space, as a native button does (WCAG 2.1.1). */
export function activateOnKey(activate: () => void) {
  return (e: Pick<KeyboardEvent, 'key' | 'preventDefault'>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      // Space would otherwise scroll the page.
      e.preventDefault();
      activate();
    }
  };
}

/** A node's radius: larger for more influence. */
const radius = (influence: number) => 7 + influence * 2;

// Cut at a word boundary: the node's accessible name must contain its visible words (WCAG 2.5.3).
const short = (name: string) =>
  name.length > 24 ? `${name.slice(0, 24).replace(/\s+\S*$/, '') || name.slice(0, 23)}…` : name;

/**
 * The network of organisations as an SVG drawn by a deterministic force layout (layout.ts). Each node
 * is a button reachable with Tab; Enter or Space selects it (WCAG 2.1.1). The same relationships are
 * listed in a table below, for those who do not read the drawing (WCAG 1.1.1).
 */
export function NetworkGraph({
  orgs,
  relationships,
  selectedId,
  onSelect,
}: {
  orgs: StakeholderOrgJson[];
  relationships: StakeholderRelationshipJson[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const labelId = useId();
  const hintId = useId();
  const rels = useMemo(() => visibleRelationships(orgs, relationships), [orgs, relationships]);
  const pos = useMemo(
    () =>
      forceLayout(
        orgs.map((o) => o.id),
        rels.map((r) => ({ from: r.fromOrgId, to: r.toOrgId })),
        { width: WIDTH, height: HEIGHT, padding: 70 },
      ),
    [orgs, rels],
  );
  const influence = new Map(orgs.map((o) => [o.id, o.influence]));
  const degree = new Map<string, number>();
  for (const r of rels) {
    degree.set(r.fromOrgId, (degree.get(r.fromOrgId) ?? 0) + 1);
    degree.set(r.toOrgId, (degree.get(r.toOrgId) ?? 0) + 1);
  }
  const key = (id: string) => activateOnKey(() => onSelect(id));
  const linked = new Set(
    rels.filter((r) => r.fromOrgId === selectedId || r.toOrgId === selectedId).map((r) => r.id),
  );
  return (
    <div className="stakeholder-network">
      <p id={hintId} className="hint">
        {t.graph.hint}
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-labelledby={labelId}
        aria-describedby={hintId}
        className="network-svg"
        data-testid="stakeholder-network"
      >
        <title id={labelId}>{fmt(t.graph.label, { n: orgs.length, e: rels.length })}</title>
        <defs>
          <marker
            id="stk-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="9"
            markerHeight="9"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="edge-arrow" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {rels.map((r) => {
            const a = pos.get(r.fromOrgId)!;
            const b = pos.get(r.toOrgId)!;
            // The arrow stops at the edge of the target's circle, so its head stays visible.
            const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
            const back = radius(influence.get(r.toOrgId) ?? 1) + 3;
            return (
              <line
                key={r.id}
                x1={a.x}
                y1={a.y}
                x2={b.x - ((b.x - a.x) / len) * back}
                y2={b.y - ((b.y - a.y) / len) * back}
                className={`edge edge-${r.kind}${linked.has(r.id) ? ' edge-active' : ''}`}
                markerEnd="url(#stk-arrow)"
              />
            );
          })}
        </g>
        {orgs.map((o) => {
          const p = pos.get(o.id)!;
          const selected = o.id === selectedId;
          return (
            <g
              key={o.id}
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={fmt(t.graph.node, {
                name: o.name,
                type: nameOf(t.types, o.type),
                country: o.country,
                n: degree.get(o.id) ?? 0,
              })}
              data-testid={`stakeholder-node-${o.id}`}
              className={`node node-${o.type}${selected ? ' node-selected' : ''}`}
              transform={`translate(${p.x},${p.y})`}
              onClick={() => onSelect(o.id)}
              onKeyDown={key(o.id)}
            >
              <circle r={radius(o.influence)} />
              <text
                y={-(radius(o.influence) + 4)}
                textAnchor="middle"
                className="node-label"
                aria-hidden="true"
              >
                {short(o.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="network-legend" aria-hidden="true">
        {Object.keys(t.kindNames).map((k) => (
          <li key={k}>
            <svg width="24" height="8">
              <line x1="0" y1="4" x2="24" y2="4" className={`edge edge-${k}`} />
            </svg>{' '}
            {t.kindNames[k]}
          </li>
        ))}
      </ul>
      <RelationshipsTable relationships={rels} onSelect={onSelect} />
    </div>
  );
}

/** The table fallback of the network: every relationship shown, from → to. */
export function RelationshipsTable({
  relationships,
  onSelect,
}: {
  relationships: StakeholderRelationshipJson[];
  onSelect: (id: string) => void;
}) {
  return (
    <details className="chart-table" data-testid="stakeholder-relationships-table">
      <summary>{t.graph.tableSummary}</summary>
      {relationships.length === 0 ? (
        <p>{t.graph.none}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t.graph.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.graph.from}</th>
              <th scope="col">{t.graph.kind}</th>
              <th scope="col">{t.graph.to}</th>
              <th scope="col">{t.graph.note}</th>
            </tr>
          </thead>
          <tbody>
            {relationships.map((r) => (
              <tr key={r.id} data-testid={`stakeholder-relationship-${r.id}`}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(r.fromOrgId)}>
                    {r.fromOrgName}
                  </button>
                </th>
                <td>{nameOf(t.kinds, r.kind)}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(r.toOrgId)}>
                    {r.toOrgName}
                  </button>
                </td>
                <td>{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
