import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  createApplicationsClient,
  createPermitsClient,
  CRITERION_IDS,
  type ExtractReport,
} from '@openehds/client';
import { exampleApplication } from '@openehds/core';
import { demoToken } from '../packages/cli/src/commands/demo/hub-admin';
import { DEMO_NODES, type DemoNode } from '../packages/cli/src/commands/demo/plan';
import {
  ehds,
  launchChromium,
  signInAsDemo,
  startDemoFederation,
  waitText,
  type DemoFederation,
} from './harness';
import { Journey } from './journey';

/**
 * The genomic search journey (issue 5 "Done when": a browser test of a genomic search across three
 * nodes), through the real product: a hub and the demo's three data-holder nodes as separate
 * processes, the built web UI in Debian's Chromium.
 *
 * Three nodes holding variants, the way holders get there: the Finnish biobank generates its genotypes
 * with its population at first start (as `npm start` does); the Catalan registry and the Heidelberg
 * hospital keep their own profiles and load a VCF of their sequenced persons through `ehds ingest --node`
 * (the holder's CLI, the node's local API, the normal ingest pipeline that links samples to persons).
 * The VCF comes from `ehds synth` with the node's own seed, country and profile, so its samples are
 * the node's persons.
 *
 * The expected answers come from those VCF files, read here (an oracle independent of the Beacon):
 * which nodes have a carrier, how many, and the allele counts. The variant is typed as a person reads it
 * in the VCF — 1-based — so a wrong 0-based conversion anywhere finds nothing and fails the journey.
 */
const PERSONS = 400;
const FI = DEMO_NODES.find((n) => n.key === 'fi')!;

type Allele = Pick<VcfSite, 'chrom' | 'pos' | 'ref' | 'alt'>;

interface VcfSite {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  /** Persons with at least one alternate allele. */
  carriers: number;
  /** Alternate alleles among all genotyped persons (AC) and 2 × persons (AN). */
  ac: number;
  an: number;
}

/** The sample names and the sites of a (gzipped) VCF with their carriers, read line by line. */
function readVcf(file: string): { samples: string[]; sites: VcfSite[] } {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const sites: VcfSite[] = [];
  let samples: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#CHROM')) samples = line.split('\t').slice(9);
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const gts = cols.slice(9).map((g) => g.split(':')[0]!);
    let carriers = 0;
    let ac = 0;
    for (const gt of gts) {
      const alleles = gt.split(/[/|]/).map(Number);
      const alt = alleles.filter((a) => a > 0).length;
      ac += alt;
      if (alt > 0) carriers++;
    }
    sites.push({
      chrom: cols[0]!.replace(/^chr/, ''),
      pos: Number(cols[1]),
      ref: cols[3]!,
      alt: cols[4]!,
      carriers,
      ac,
      an: 2 * gts.length,
    });
  }
  return { samples, sites };
}

/** The one VCF under a folder. */
function vcfIn(dir: string): string {
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.vcf\.gz$/.test(f));
  if (found.length !== 1)
    throw new Error(`expected one VCF under ${dir}, found ${found.join(', ') || 'none'}`);
  return join(dir, found[0]!);
}

/** A figure rounded as the nodes round counts (granularity.ts), as the page prints it. */
function rounded(n: number, minCount: number, roundTo: number): string {
  return Math.max(minCount, Math.round(n / roundTo) * roundTo).toLocaleString('en-GB');
}

/** A count as the nodes release it: 0, "fewer than minCount", or ≈ the rounded figure. */
function expectedCount(n: number, minCount: number, roundTo: number): string {
  if (n === 0) return '0';
  if (n < minCount) return `fewer than ${minCount}`;
  return `≈ ${rounded(n, minCount, roundTo)}`;
}

describe('genomic search: a variant across three nodes at each granularity', () => {
  const journey = new Journey();
  const step = journey.step.bind(journey);
  const on = journey.on.bind(journey);
  const personPage = journey.personPage.bind(journey);
  let federation: DemoFederation | undefined;
  let hubUrl = '';
  let data = '';
  // Per node (by dataset id): the sites of its VCF, and its sample names (the node's person ids).
  const sites = new Map<string, VcfSite[]>();
  const samples = new Map<string, string[]>();
  // `mixed`: carried at some nodes, absent at another when the panel allows (steps 1-2); `held`: the
  // allele the biobank carries most (step 4, records under a permit on the biobank's dataset).
  let mixed: Allele;
  let held: Allele;
  let user: Page;
  // The HDAB's rule for signed-in users, as the page states it (step 2).
  let rule = { minCount: 10, roundTo: 10 };

  const siteAt = (node: DemoNode, v: Allele) =>
    sites
      .get(node.datasetId)!
      .find((s) => s.chrom === v.chrom && s.pos === v.pos && s.ref === v.ref && s.alt === v.alt);
  const carriersAt = (node: DemoNode, v: Allele) => siteAt(node, v)?.carriers ?? 0;
  // As a person copies it from the VCF: 1-based.
  const typed = (v: Allele) => `chr${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
  const rowOf = (page: Page, node: DemoNode): Locator =>
    page.getByTestId('genomics-nodes').locator('tbody tr').filter({ hasText: node.name });

  /** Runs a search and waits for its own answer (the page counts answered searches). */
  async function search(page: Page, text: string, entry: 'variants' | 'individuals') {
    const answer = page.getByTestId('genomics-answer');
    const before = Number(await answer.getAttribute('data-answered'));
    await page.getByTestId('genomics-variant').fill(text);
    await page.getByTestId(`genomics-entry-${entry}`).check();
    await page.getByTestId('genomics-run').click();
    await expect
      .poll(async () => Number(await answer.getAttribute('data-answered')), { timeout: 120_000 })
      .toBe(before + 1);
    await waitText(page.getByTestId('genomics-status'), /nodes? found a match|No node found a match/);
  }

  beforeAll(async () => {
    federation = await startDemoFederation({ prefix: 'ehds-e2e-genomics-', persons: PERSONS });
    ({ hubUrl, data } = federation);
    const apiPorts = federation.nodePorts;

    // The registry and the hospital load their sequenced persons' VCF through the holder's CLI.
    for (const n of DEMO_NODES) {
      const keep = (vcf: ReturnType<typeof readVcf>) => {
        sites.set(n.datasetId, vcf.sites);
        samples.set(n.datasetId, vcf.samples);
      };
      if (n.profile === 'biobank') {
        keep(readVcf(vcfIn(join(data, n.key, 'seed'))));
        continue;
      }
      const out = join(data, `${n.key}-vcf`);
      const synth = ehds([
        'synth',
        ...['--patients', String(PERSONS), '--seed', String(n.seed), '--country', n.country],
        ...['--profile', n.profile, '--format', 'vcf', '--gzip', '--out', out],
      ]);
      await new Promise((done) => synth.child.once('exit', done));
      expect(synth.child.exitCode, synth.output()).toBe(0);
      const file = vcfIn(out);
      keep(readVcf(file));
      const token = readFileSync(join(data, n.key, 'operator-token'), 'utf8').trim();
      const upload = ehds([
        'ingest',
        file,
        '--node',
        `http://127.0.0.1:${apiPorts.get(n.key)}`,
        '--token',
        token,
      ]);
      await new Promise((done) => upload.child.once('exit', done));
      expect(upload.child.exitCode, upload.output()).toBe(0);
    }

    const candidates: Allele[] = DEMO_NODES.flatMap((n) => sites.get(n.datasetId)!).map(
      ({ chrom, pos, ref, alt }) => ({ chrom, pos, ref, alt }),
    );
    expect(candidates.length, 'the VCFs hold no site').toBeGreaterThan(0);
    const mixedScore = (v: Allele) => {
      const counts = DEMO_NODES.map((n) => carriersAt(n, v));
      return (counts.some((c) => c === 0) && counts.some((c) => c > 0) ? 1e6 : 0) + Math.max(...counts);
    };
    mixed = [...candidates].sort((a, b) => mixedScore(b) - mixedScore(a))[0]!;
    held = [...candidates].sort((a, b) => carriersAt(FI, b) - carriersAt(FI, a))[0]!;
    expect(carriersAt(FI, held), 'the biobank carries no allele').toBeGreaterThan(0);
    journey.browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await journey.close();
    await federation?.stop();
  });

  step('1. an anonymous visitor asks every node for a variant and sees yes or no per node', async () => {
    const visitor = await personPage('visitor');
    await on(visitor, 'genomics page', async () => {
      await visitor.goto(`${hubUrl}/`);
      await visitor.getByTestId('nav-genomics').click();
      await visitor.waitForURL(/\/genomics$/);
      expect(await visitor.getByTestId('genomics-granularity').getAttribute('data-granularity')).toBe(
        'boolean',
      );
      await visitor.getByTestId('genomics-sign-in').waitFor();
    });
    await on(visitor, 'a malformed variant is refused beside its field', async () => {
      await visitor.getByTestId('genomics-variant').fill('chr23:100 G>A');
      await visitor.getByTestId('genomics-run').click();
      await waitText(visitor.locator('#gx-variant-err'), /“chr23” names no chromosome/);
    });
    await on(visitor, 'the variant, typed 1-based', async () => {
      await search(visitor, typed(mixed), 'variants');
      expect(await visitor.getByTestId('genomics-variant-echo').innerText()).toContain(
        `→ start ${mixed.pos - 1} (0-based)`,
      );
    });
    for (const n of DEMO_NODES) {
      const row = rowOf(visitor, n);
      expect(await row.getAttribute('data-status'), n.name).toBe('ok');
      expect(await row.getByTestId('genomics-found').innerText(), n.name).toBe(
        carriersAt(n, mixed) > 0 ? 'Yes' : 'No',
      );
    }
    // Yes/no only: no count column at all.
    expect(await visitor.getByTestId('genomics-count').count()).toBe(0);
    await on(visitor, 'a variant no node holds', async () => {
      await search(visitor, '17:43044295 G>A', 'variants');
      expect(await visitor.getByTestId('genomics-summary').innerText()).toBe('No node found a match.');
    });
  });

  step('2. a signed-in data user sees counts per node, rounded, small ones as “fewer than”', async () => {
    user = await personPage('user');
    await signInAsDemo(user, hubUrl, 'user');
    await on(user, 'variant search', async () => {
      await user.goto(`${hubUrl}/genomics`);
      await search(user, typed(mixed), 'variants');
    });
    const banner = user.getByTestId('genomics-granularity');
    expect(await banner.getAttribute('data-granularity')).toBe('count');
    const stated = /nearest ([\d,]+); below ([\d,]+)/.exec(await banner.innerText());
    expect(stated, await banner.innerText()).not.toBeNull();
    const [roundTo, minCount] = [
      Number(stated![1]!.replace(/,/g, '')),
      Number(stated![2]!.replace(/,/g, '')),
    ];
    rule = { minCount, roundTo };
    for (const n of DEMO_NODES) {
      const row = rowOf(user, n);
      expect(await row.getAttribute('data-granularity'), n.name).toBe('count');
      expect(await row.getByTestId('genomics-found').innerText(), n.name).toBe(
        carriersAt(n, mixed) > 0 ? 'Yes' : 'No',
      );
    }
    await on(user, 'individuals carrying it', async () => {
      await search(user, typed(mixed), 'individuals');
    });
    for (const n of DEMO_NODES)
      expect(await rowOf(user, n).getByTestId('genomics-count').innerText(), n.name).toBe(
        expectedCount(carriersAt(n, mixed), minCount, roundTo),
      );
  });

  let permitId = '';
  step('3. the HDAB grants the data user a permit on the biobank dataset; the node prepares it', async () => {
    const client = async (username: string) => {
      const token = await demoToken(hubUrl, username);
      return {
        applications: createApplicationsClient({ baseUrl: hubUrl, token }),
        permits: createPermitsClient({ baseUrl: hubUrl, token }),
      };
    };
    const marie = await client('user');
    const hdab = await client('hdab');
    const variables = ['person', 'condition_occurrence', 'measurement', 'observation_period'];
    const draft = await marie.applications.create('application');
    const saved = await marie.applications.saveContent(
      draft.id,
      {
        ...exampleApplication(),
        datasets: [{ datasetId: FI.datasetId, country: FI.country, variables }],
        variables,
      },
      draft.version,
    );
    await marie.applications.submit(saved.id);
    await hdab.applications.transition(saved.id, 'start-pre-screening');
    await hdab.applications.transition(saved.id, 'complete');
    for (const criterion of CRITERION_IDS)
      await hdab.applications.assess(saved.id, criterion, 'met', `Checked ${criterion}.`);
    await hdab.applications.askHolderCosts(saved.id);
    await (await client('holder-fi')).applications.answerCostRequest(saved.id, 100);
    await hdab.applications.sendFeeEstimate(saved.id);
    await marie.applications.acceptFeeEstimate(saved.id);
    const decision = await hdab.applications.decide(saved.id, {
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) are met.',
      validFrom: new Date().toISOString().slice(0, 10),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    permitId = decision.permitId!;
    let reports: ExtractReport[] = [];
    await expect
      .poll(
        async () => {
          reports = (await hdab.permits.extracts(permitId))?.nodes ?? [];
          return reports.filter((r) => r.status === 'prepared').length;
        },
        { timeout: 240_000, interval: 1_000 },
      )
      .toBe(1);
  });

  step(
    '4. the permit holder sees the biobank’s records; the other nodes still answer with counts',
    async () => {
      await on(user, 'individuals search under the permit', async () => {
        await user.goto(`${hubUrl}/genomics`);
        await search(user, typed(held), 'individuals');
      });
      const banner = user.getByTestId('genomics-granularity');
      expect(await banner.getAttribute('data-granularity')).toBe('record');
      expect(await banner.innerText()).toContain(FI.datasetId);
      const fi = rowOf(user, FI);
      expect(await fi.getAttribute('data-granularity')).toBe('record');
      // Exact at record level: the biobank's carriers, no rounding.
      expect(await fi.getByTestId('genomics-count').innerText()).toBe(
        carriersAt(FI, held).toLocaleString('en-GB'),
      );
      for (const n of DEMO_NODES.filter((d) => d.key !== 'fi'))
        expect(await rowOf(user, n).getAttribute('data-granularity'), n.name).toBe('count');
      const records = user.getByTestId('genomics-individual-record');
      expect(await records.count()).toBe(Math.min(carriersAt(FI, held), 20));
      // Pseudonyms of the permit, never the node's person identifiers (the VCF sample names).
      const firstId = (await records.first().locator('th').innerText()).trim();
      expect(firstId).not.toBe('');
      expect(samples.get(FI.datasetId)).not.toContain(firstId);
      await on(user, 'variant records', async () => {
        await search(user, typed(held), 'variants');
      });
      // The record's 1-based position is the VCF's; its interval Beacon's 0-based half-open one.
      const record = user.getByTestId('genomics-variant-record').first();
      expect(await record.getByTestId('genomics-record-position').innerText()).toBe(
        `${held.chrom}:${held.pos.toLocaleString('en-GB')}`,
      );
      expect(await record.getByTestId('genomics-record-interval').innerText()).toMatch(
        new RegExp(`^\\[${held.pos - 1}, \\d+\\)$`),
      );
    },
  );

  step('5. allele counts and numbers per node are the VCF’s (AN as bcftools counts it)', async () => {
    await on(user, 'a common allele', async () => {
      await search(user, typed(held), 'variants');
    });
    const { minCount, roundTo } = rule;
    for (const n of DEMO_NODES) {
      const site = siteAt(n, held);
      const alleles = rowOf(user, n).getByTestId('genomics-alleles');
      // AN is two alleles per genotyped person, hom-ref ones included (INFO AN, bcftools +fill-tags).
      // Exact under the permit; elsewhere only when the alternate and the reference alleles both reach
      // the minimum count, rounded like counts (the node's rule, granularity.ts).
      const expected = !site
        ? '—'
        : n.key === 'fi'
          ? `${site.ac.toLocaleString('en-GB')} / ${site.an.toLocaleString('en-GB')}`
          : site.ac >= minCount && site.an - site.ac >= minCount
            ? `≈ ${rounded(site.ac, minCount, roundTo)} / ${rounded(site.an, minCount, roundTo)}`
            : '—';
      expect(await alleles.innerText(), n.name).toBe(expected);
    }
    expect(journey.errorsSoFar()).toEqual([]);
  });
});
