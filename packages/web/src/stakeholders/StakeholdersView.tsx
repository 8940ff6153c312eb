import type { ReactNode } from 'react';
import type {
  LandscapeStatsJson,
  StakeholderFilter,
  StakeholderOrgDetailJson,
  StakeholderOrgJson,
  StakeholderRelationshipJson,
} from '@openehds/client';
import { CsvPanel } from './CsvPanel';
import { effectiveFilter } from './effective-filter';
import { FilterBar } from './FilterBar';
import { InterestGrid } from './InterestGrid';
import { LandscapeStats } from './LandscapeStats';
import { NetworkGraph } from './NetworkGraph';
import { OrgDetails, type DetailActions } from './OrgDetails';
import { OrgTable } from './OrgTable';
import { stakeholdersText as t } from './strings';
import './stakeholders.css';

/** Everything the page shows, loaded (the page loads it; tests pass it in). */
export interface StakeholdersViewProps {
  filter: StakeholderFilter;
  onFilter: (f: StakeholderFilter) => void;
  orgs: StakeholderOrgJson[] | undefined;
  relationships: StakeholderRelationshipJson[];
  stats: LandscapeStatsJson | undefined;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  detail: StakeholderOrgDetailJson | null | undefined;
  staff: boolean;
  actions?: DetailActions;
  /** The staff's add/edit forms (rendered by the page, which holds their state). */
  forms?: ReactNode;
  onImported: () => void;
  /** Loading and error notes of the page's loads. */
  status?: ReactNode;
}

/** The stakeholder map: filters, list, network, grid, statistics, CSV and (for staff) the forms. */
export function StakeholdersView(props: StakeholdersViewProps) {
  const { orgs = [], selectedId, onSelect } = props;
  const select = (id: string) => onSelect(id);
  return (
    <div className="stakeholders">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <FilterBar filter={props.filter} onChange={props.onFilter} shown={props.orgs ? orgs.length : null} />
      {props.status}

      <section aria-labelledby="stk-details-h" className="stakeholder-selected" aria-live="polite">
        <h2 id="stk-details-h">{t.details.heading}</h2>
        {props.detail ? (
          <>
            <OrgDetails org={props.detail} onSelect={select} actions={props.actions} />
            <button type="button" className="button secondary small" onClick={() => onSelect(null)}>
              {t.details.close}
            </button>
          </>
        ) : (
          <p className="muted">{t.details.none}</p>
        )}
      </section>

      <section aria-labelledby="stk-list-h">
        <h2 id="stk-list-h">{t.list.heading}</h2>
        <OrgTable orgs={orgs} selectedId={selectedId} onSelect={select} />
      </section>

      <section aria-labelledby="stk-graph-h">
        <h2 id="stk-graph-h">{t.graph.heading}</h2>
        <NetworkGraph
          orgs={orgs}
          relationships={props.relationships}
          selectedId={selectedId}
          onSelect={select}
        />
      </section>

      <section aria-labelledby="stk-grid-h">
        <h2 id="stk-grid-h">{t.grid.heading}</h2>
        <p className="muted">{t.grid.intro}</p>
        <InterestGrid orgs={orgs} selectedId={selectedId} onSelect={select} />
      </section>

      <section aria-labelledby="stk-stats-h">
        <h2 id="stk-stats-h">{t.stats.heading}</h2>
        {props.stats && <LandscapeStats stats={props.stats} />}
      </section>

      <section aria-labelledby="stk-csv-h">
        <h2 id="stk-csv-h">{t.csv.heading}</h2>
        <CsvPanel filter={effectiveFilter(props.filter)} staff={props.staff} onImported={props.onImported} />
      </section>

      {props.staff && props.forms && (
        <section aria-labelledby="stk-forms-h" className="stakeholder-forms">
          <h2 id="stk-forms-h">{t.forms.heading}</h2>
          {props.forms}
        </section>
      )}
    </div>
  );
}
