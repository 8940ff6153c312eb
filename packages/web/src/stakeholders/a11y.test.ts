import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type {
  LandscapeStatsJson,
  StakeholderOrgDetailJson,
  StakeholderOrgJson,
  StakeholderRelationshipJson,
} from '@openehds/client';
import { attr, control, expectAccessible } from '../feasibility/test-support';
import { Input } from './controls';
import { ImportReportView, rowsOfIssues } from './CsvPanel';
import { activateOnKey } from './NetworkGraph';
import { OrgForm } from './OrgForm';
import { PersonForm } from './PersonForm';
import { RelationshipForm } from './RelationshipForm';
import { effectiveFilter } from './StakeholdersPage';
import { StakeholdersView, type StakeholdersViewProps } from './StakeholdersView';

const base = {
  ehdsRoles: [],
  aiCapabilities: null,
  website: null,
  description: null,
  organisationId: null,
  organisationName: null,
  peopleCount: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const orgs: StakeholderOrgJson[] = [
  {
    ...base,
    id: 'o1',
    name: 'Rheinbiotix GmbH (demo)',
    type: 'biotech',
    country: 'DE',
    interest: 5,
    influence: 2,
  },
  {
    ...base,
    id: 'o2',
    name: 'Health Data Access Body (demo)',
    type: 'hdab',
    country: 'FI',
    ehdsRoles: ['hdab'],
    interest: 5,
    influence: 5,
  },
  {
    ...base,
    id: 'o3',
    name: 'Boreal AI Factory (demo)',
    type: 'ai_factory',
    country: 'FI',
    interest: 3,
    influence: 4,
    aiCapabilities: {
      gpus: [{ model: 'AMD MI250X', count: 100 }],
      partitions: ['standard-g'],
      services: ['Slurm'],
    },
  },
];
const relationships: StakeholderRelationshipJson[] = [
  {
    id: 'r1',
    fromOrgId: 'o3',
    fromOrgName: orgs[2]!.name,
    toOrgId: 'o1',
    toOrgName: orgs[0]!.name,
    kind: 'provides_compute',
    note: null,
  },
  {
    id: 'r2',
    fromOrgId: 'o2',
    fromOrgName: orgs[1]!.name,
    toOrgId: 'o1',
    toOrgName: orgs[0]!.name,
    kind: 'regulates',
    note: 'permit',
  },
];
const stats: LandscapeStatsJson = {
  organisations: 3,
  people: 1,
  byType: [{ key: 'biotech', count: 1 }],
  byCountry: [{ key: 'FI', count: 2 }],
  byEhdsRole: [{ key: 'hdab', count: 1 }],
  relationships: 2,
  relationshipsByKind: [{ key: 'regulates', count: 1 }],
  aiFactories: {
    count: 1,
    gpuTotal: 100,
    gpusByModel: [{ key: 'AMD MI250X', count: 100 }],
    partitions: 1,
    services: ['Slurm'],
  },
};
const detail: StakeholderOrgDetailJson = {
  ...orgs[0]!,
  people: [
    {
      id: 'p1',
      orgId: 'o1',
      orgName: orgs[0]!.name,
      name: 'Katrin Demo',
      title: 'Head of AI',
      email: 'k@example.eu',
    },
  ],
  relationships,
};

const view = (over: Partial<StakeholdersViewProps> = {}) =>
  renderToStaticMarkup(
    createElement(StakeholdersView, {
      filter: {},
      onFilter: () => {},
      orgs,
      relationships,
      stats,
      selectedId: 'o1',
      onSelect: () => {},
      detail,
      staff: false,
      onImported: () => {},
      ...over,
    }),
  );

describe('stakeholder map markup', () => {
  it('labels every control, makes each network node a keyboard button, and lists relationships in a table', () => {
    const html = view();
    expectAccessible(html);
    const nodes = [
      ...html.matchAll(/<g role="button" tabindex="0" aria-pressed="(true|false)" aria-label="([^"]+)"/g),
    ];
    expect(nodes.map((m) => [m[1], m[2]])).toEqual([
      ['true', 'Rheinbiotix GmbH (demo), Biotech company, DE, 2 relationships'],
      ['false', 'Health Data Access Body (demo), Health data access body, FI, 1 relationships'],
      ['false', 'Boreal AI Factory (demo), AI Factory, FI, 1 relationships'],
    ]);
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*data-testid="stakeholder-network"/);
    expect(html).toMatch(
      /data-testid="stakeholder-relationships-table"[^]*<caption[^>]*>Relationships between the organisations shown/,
    );
    expect(html).toContain('data-testid="stakeholder-relationship-r2"');
    // The grid: four labelled quadrants honouring the scores.
    expect(html).toMatch(/data-testid="stakeholder-quadrant-manage_closely"[^]*?stakeholder-grid-o2/);
    expect(html).toMatch(/data-testid="stakeholder-quadrant-keep_satisfied"[^]*?stakeholder-grid-o3/);
    expect(html).toMatch(/data-testid="stakeholder-quadrant-keep_informed"[^]*?stakeholder-grid-o1/);
    // Statistics drawn with the accessible charts, and the AI Factory capacity in the details.
    expect(html).toContain('Organisations by type');
    expect(html).toContain('data-testid="stakeholder-stat-gpus"');
    // A reader gets the export links, no import form and no edit buttons.
    expect(html).toContain('href="/api/stakeholders/export/organisations.csv"');
    expect(html).not.toContain('stakeholder-import-form');
    expect(html).not.toContain('data-testid="stakeholder-edit"');
  });

  it('gives staff the import form and add/edit forms, all labelled', () => {
    const forms = [
      createElement(OrgForm, { key: 'o', platformOrgs: [{ id: 'x', name: 'THL' }], onSaved: () => {} }),
      createElement(PersonForm, { key: 'p', orgs, orgId: 'o1', onSaved: () => {} }),
      createElement(RelationshipForm, { key: 'r', orgs, onSaved: () => {} }),
    ];
    const html = view({
      staff: true,
      forms,
      actions: {
        editOrg() {},
        removeOrg() {},
        editPerson() {},
        removePerson() {},
        editRelationship() {},
        removeRelationship() {},
      },
      filter: { type: 'biotech' },
    });
    expectAccessible(html);
    expect(html).toContain('data-testid="stakeholder-import-form"');
    expect(html).toContain('href="/api/stakeholders/export/organisations.csv?type=biotech"');
    expect(attr(control(html, 'stk-import-atomic').attrs, 'type')).toBe('checkbox');
    expect(html).toContain('data-testid="stakeholder-edit"');
    expect(html).toContain('href="mailto:k@example.eu"');
    expect(html).toContain('data-testid="stakeholder-org-form"');
    expect(html).toMatch(/<fieldset[^>]*data-testid="stakeholder-org-roles"><legend>EHDS roles<\/legend>/);
  });

  it('shows a field error beside the field, tied to it', () => {
    const html = renderToStaticMarkup(
      createElement(Input, {
        id: 'f-country',
        label: 'Country',
        value: 'XX',
        onChange: () => {},
        errors: ['not a code'],
      }),
    );
    expectAccessible(html);
    const c = control(html, 'f-country');
    expect(attr(c.attrs, 'aria-invalid')).toBe('true');
    expect(attr(c.attrs, 'aria-describedby')).toBe('f-country-err');
    expect(html).toContain('<ul id="f-country-err" class="field-errors"><li>not a code</li></ul>');
  });

  it('reports an import line by line, from the report or from an atomic refusal', () => {
    const rows = rowsOfIssues([
      { path: 'line 5', line: 5, message: 'country: bad' },
      { path: 'line 3', line: 3, message: 'type: unknown' },
      { path: 'line 5', line: 5, message: 'interest: 9' },
    ]);
    expect(rows).toEqual([
      { line: 3, reasons: ['type: unknown'] },
      { line: 5, reasons: ['country: bad', 'interest: 9'] },
    ]);
    const html = renderToStaticMarkup(
      createElement(ImportReportView, { imported: 0, rows, atomicRefused: true }),
    );
    expect(html).toContain('Nothing was imported because some rows are bad');
    expect(html).toMatch(/data-testid="stakeholder-import-line-5"><th scope="row" class="num">5<\/th>/);
  });
});

describe('keyboard and filters', () => {
  it('selects a node on Enter or Space (without scrolling), not on other keys', () => {
    let selected = 0;
    let prevented = 0;
    const handler = activateOnKey(() => selected++);
    for (const key of ['Enter', ' ', 'Tab', 'a'])
      handler({ key, preventDefault: () => prevented++ } as Parameters<typeof handler>[0]);
    expect([selected, prevented]).toEqual([2, 2]);
  });

  it('sends a country only once it looks like a code', () => {
    expect(effectiveFilter({ country: 'F', q: 'x' })).toEqual({ type: '', country: '', q: 'x' });
    expect(effectiveFilter({ country: 'FI', type: 'hdab' })).toEqual({ type: 'hdab', country: 'FI', q: '' });
  });

  it('exports what the list shows: a half-typed country is left out of the export link too', () => {
    const href = (country: string) =>
      /href="([^"]*organisations\.csv[^"]*)"/.exec(view({ filter: { type: 'hdab', country } }))![1];
    expect(href('F')).toBe('/api/stakeholders/export/organisations.csv?type=hdab');
    expect(href('FI')).toBe('/api/stakeholders/export/organisations.csv?type=hdab&amp;country=FI');
  });
});
