import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnalysisNodeSdc, DescribeResultJson, KmResultJson, TableResultJson } from '@openehds/client';
import { expectAccessible } from '../feasibility/test-support';
import { AnalysisPanel, type AnalysisChoice } from './AnalysisPanel';
import { AnalysisResultView } from './AnalysisResultView';
import { requestSummary } from './glm-result';
import type { AnalysisRun } from './types';

/**
 * The describe, table and Kaplan–Meier answers as the browser gets them: pooled values, every
 * withheld cell or statistic said so, every node's disclosure-control outcome listed, refusals with
 * their reason; and their forms labelled.
 */
const node = (
  nodeName: string,
  status: AnalysisNodeSdc['status'],
  rules: { rule: string; target: string; outcome: string; note?: string }[],
  label: string,
): AnalysisNodeSdc => ({
  nodeId: nodeName.toLowerCase(),
  nodeName,
  status,
  message: status === 'ok' ? null : `${label}: fewer than 10 persons`,
  records: [
    {
      schema: 'openehds.sdc-record/1',
      kind: 'table',
      at: '2027-01-01T10:00:00Z',
      policy: { id: 'default', version: '1', hash: 'a'.repeat(64) },
      audience: 'permit_holder',
      label,
      outcome: status === 'ok' ? 'released' : 'refused',
      rules: rules.map((r) => ({ params: {}, ...r })),
      outputHash: null,
    },
  ],
});
const run = (
  kind: AnalysisRun['kind'],
  result: unknown,
  sdc: AnalysisNodeSdc[],
  status: AnalysisRun['status'] = 'DONE',
): AnalysisRun => ({
  id: `a-${kind}`,
  kind,
  status,
  result,
  sdc,
  error: status === 'DONE' ? null : 'Lyon registry refused it: a group has fewer than 10 persons (male)',
  createdBy: 'user',
  createdAt: '2027-01-01T10:00:00Z',
  finishedAt: '2027-01-01T10:00:01Z',
});
const render = (r: AnalysisRun) => renderToStaticMarkup(createElement(AnalysisResultView, { run: r }));

describe('a contingency table’s answer', () => {
  const table: TableResultJson = {
    rowVariable: 'sex',
    columnVariable: 'diabetes',
    rows: ['female', 'male'],
    columns: ['0', '1'],
    statistic: 'count',
    cells: [
      [85, null],
      [70, 15],
    ],
    rowTotals: [null, 85],
    columnTotals: [155, null],
    grandTotal: null,
    missing: null,
  };
  const sdc = [
    node(
      'Helsinki biobank',
      'ok',
      [{ rule: 'threshold', target: 'r0:c1', outcome: 'suppressed' }],
      'table sex × diabetes',
    ),
    node(
      'Lyon registry',
      'ok',
      [
        { rule: 'rounding', target: 'r1:c1', outcome: 'rounded' },
        { rule: 'threshold', target: 'r0:c0', outcome: 'passed' },
      ],
      'table sex × diabetes',
    ),
  ];

  it('shows pooled counts, each withheld cell and count as suppressed, and where each node suppressed or rounded', () => {
    const html = render(run('table', table, sdc));
    expect(html).toMatch(/<caption>Counts of sex by diabetes<\/caption>/);
    // female × 1, female total, column total of 1 and the grand total are withheld: four cells.
    expect(html.match(/data-suppressed="true"/g)).toHaveLength(4);
    expect(html).toContain('Left out for a missing value: suppressed');
    expect(html).toContain('withheld by disclosure control');
    expect(html).toContain('2 of 2 nodes passed disclosure control.');
    expect(html).toMatch(
      /Helsinki biobank<\/th><td>table sex × diabetes<\/td><td>threshold<\/td><td><code>r0:c1<\/code><\/td><td>suppressed</,
    );
    expect(html).toMatch(
      /Lyon registry<\/th><td>table sex × diabetes<\/td><td>rounding<\/td><td><code>r1:c1<\/code><\/td><td>rounded</,
    );
    expect(html).toContain('suppressed 1');
    expect(html).toContain('rounded 1, passed 1');
  });

  it('shows a refusal with the nodes’ reason, no table, and the refusing node’s record', () => {
    const refused = run(
      'table',
      null,
      [
        node(
          'Lyon registry',
          'refused',
          [{ rule: 'threshold', target: '$', outcome: 'refused', note: 'fewer than 10' }],
          'table sex',
        ),
      ],
      'REFUSED',
    );
    const html = render(refused);
    expect(html).not.toContain('table-counts');
    expect(html).toMatch(
      /data-testid="table-refused">Refused by disclosure control: Lyon registry refused it/,
    );
    expect(html).toContain('0 of 1 nodes passed disclosure control.');
    expect(html).toMatch(
      /<td>threshold<\/td><td><code>\$<\/code><\/td><td>refused<\/td><td>fewer than 10<\/td>/,
    );
  });
});

describe('descriptive statistics’ answer', () => {
  it('shows n, mean and SD per group, and which nodes withheld a mean', () => {
    const result: DescribeResultJson = {
      by: 'diabetes',
      groups: [
        {
          group: '0',
          numeric: { age: { n: 155, mean: 51.25, sd: 12.5, suppressed: false } },
          counts: {
            sex: { rows: ['female', 'male'], columns: ['n'], statistic: 'count', cells: [[85], [70]] },
          },
        },
        {
          group: '1',
          numeric: {
            age: { n: null, mean: null, sd: null, suppressed: true, suppressedAt: ['Lyon registry'] },
          },
          counts: {
            sex: { rows: ['female', 'male'], columns: ['n'], statistic: 'count', cells: [[null], [15]] },
          },
        },
      ],
    };
    const html = render(
      run('describe', result, [
        node(
          'Lyon registry',
          'ok',
          [{ rule: 'threshold', target: '$', outcome: 'suppressed' }],
          'describe mean age (diabetes=1)',
        ),
      ]),
    );
    expect(html).toMatch(
      /data-testid="describe-0-age"[^>]*><th scope="row"><code>age<\/code><\/th><td class="num">155<\/td><td class="num">51.25<\/td><td class="num">12.5<\/td>/,
    );
    expect(html).toMatch(
      /data-testid="describe-1-age" data-suppressed="true"><th scope="row"><code>age<\/code><\/th><td colSpan="3" class="muted">suppressed at Lyon registry</i,
    );
    expect(html).toContain('diabetes = 1');
    expect(html).toContain('Counts of sex · diabetes = 0');
    expect(html).toContain('describe mean age (diabetes=1)');
  });
});

describe('a Kaplan–Meier answer', () => {
  const point = (time: number, nRisk: number, survival: number) => ({
    time,
    nRisk,
    nEvent: 1,
    nCensor: 0,
    survival,
    stdErr: 0.05,
    stdErrLog: 0.06,
    lower: survival - 0.1,
    upper: Math.min(1, survival + 0.1),
  });
  const km: KmResultJson = {
    survival: 'os',
    group: 'sex',
    intervalDays: 7,
    curves: [
      {
        group: 'female',
        n: 95,
        events: 2,
        truncatedAt: null,
        points: [point(7, 95, 0.99), point(14, 94, 0.98)],
      },
      { group: 'male', n: 85, events: 2, truncatedAt: 21, points: [point(7, 85, 0.99), point(21, 80, 0.97)] },
    ],
  };

  it('draws one labelled step line per group in an SVG image, with the points as a table and the cut said', () => {
    const html = render(
      run('km', km, [
        node(
          'Lyon registry',
          'ok',
          [
            {
              rule: 'suppression',
              target: 'group=male',
              outcome: 'suppressed',
              note: 'times after 21 days not sent',
            },
          ],
          'km os by sex',
        ),
      ]),
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"[^>]*aria-describedby="[^"]+"/);
    expect(html.match(/<path d="M48,10 H/g)).toHaveLength(2);
    expect(html).toMatch(/data-group="female"/);
    expect(html).toMatch(/stroke-dasharray="8 4" data-group="male"/);
    expect(html).toContain('Survival of os');
    // The table fallback: one row per point of each curve.
    expect(html).toMatch(/<th scope="row">sex = male<\/th><td class="num">21<\/td><td class="num">80<\/td>/);
    expect(html).toContain('sex = male: 85 persons, 2 events — Cut after day 21');
    expect(html).toContain('times after 21 days not sent');
  });
});

describe('the analysis forms', () => {
  const panel = (initial: AnalysisChoice) =>
    renderToStaticMarkup(createElement(AnalysisPanel, { permitId: 'P-1', onDone: () => {}, initial }));

  it('label every field of the describe, table and Kaplan–Meier forms, one form at a time', () => {
    for (const kind of ['describe', 'table', 'km'] as const) {
      const html = panel(kind);
      expectAccessible(html);
      expect(html).toContain(`data-testid="${kind}-run"`);
      expect(html).not.toContain('glm-run');
    }
    expect(panel('table')).not.toMatch(/<option value="age"/);
    expect(panel('km')).toMatch(/id="km-domain"[^]*<option value="death" selected=""/);
  });

  it('opens on the GLM form, so the GLM keeps its place', () => {
    const html = panel('glm');
    expect(html.match(/data-testid="glm-run"/g)).toHaveLength(1);
    expect(html).toMatch(/id="[^"]*-glm"[^>]*checked=""/);
  });

  it('lists each kind of analysis by what it asked', () => {
    expect(requestSummary({ kind: 'table', rows: 'sex', columns: 'diabetes' })).toBe('sex × diabetes');
    expect(requestSummary({ kind: 'km', survival: 'os', group: 'sex', intervalDays: 7 })).toBe(
      'os by sex · 7 d',
    );
    expect(requestSummary({ kind: 'describe', variables: { age: {}, bmi: {} }, by: 'sex' })).toBe(
      'age, bmi by sex',
    );
  });
});
