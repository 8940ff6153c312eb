import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { finnishT2dCohort, type DatasetDescription } from '@openehds/standards';
import { createTestWorld, type TestWorld } from '@openehds/testing';

/** A valid NON_PUBLIC description with this node's id, categories, text and (optionally) label score. */
function description(
  id: string,
  over: { title: string; text: string; categories: string[]; codingSystems: string[]; score: number | null },
): DatasetDescription {
  const base = finnishT2dCohort('NON_PUBLIC');
  const d: DatasetDescription = {
    ...base,
    identifier: id,
    title: { en: over.title },
    description: { en: over.text },
    keywords: { en: [over.title.split(' ')[0]!.toLowerCase()] },
    healthCategories: over.categories as DatasetDescription['healthCategories'],
    derived: { ...base.derived!, codingSystems: over.codingSystems },
  };
  if (over.score === null) delete d.qualityLabel;
  else {
    const stars = [25, 45, 60, 80, 90].filter((cut) => over.score! >= cut).length;
    d.qualityLabel = { ...base.qualityLabel!, score: over.score, stars, dimensions: undefined };
  }
  return d;
}

// Three data holders in three countries publish one dataset each, through signed node messages.
const DATASETS = [
  {
    id: 'fi-t2d-cohort',
    title: 'Diabetes cohort of the Helsinki Biobank',
    text: 'Adults with type 2 diabetes, with laboratory results and genotypes.',
    categories: ['EINS', 'EHRS', 'HGPD'],
    codingSystems: ['ICD-10', 'LOINC'],
    score: 95, // 5 stars
  },
  {
    id: 'es-cancer-registry',
    title: 'Cancer registry of Catalonia',
    text: 'Population-based incidence of tumours since 1993.',
    categories: ['MRMR', 'PHDR'],
    codingSystems: ['ICD-O-3'],
    score: 50, // 2 stars
  },
  {
    id: 'de-hospital-records',
    title: 'Hospital records of Heidelberg',
    text: 'Inpatient episodes with diagnoses and procedures.',
    categories: ['EHRS'],
    codingSystems: ['ICD-10', 'OPS'],
    score: null, // no label yet
  },
];

interface Page {
  items: { id: string; country: string; quality: { stars: number } | null }[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, { value: string; count: number }[]>;
}

describe('catalogue routes', () => {
  let world: TestWorld;
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const search = async (qs: string) => {
    const res = await get(`/api/datasets${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const ids = (p: Page) => p.items.map((i) => i.id).sort();
  const facet = (p: Page, key: string) => Object.fromEntries(p.facets[key]!.map((f) => [f.value, f.count]));

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 3, start: false, hubConfig: { publicUrl: 'http://hub.test' } });
    app = world.hub.app;
    for (const [i, d] of DATASETS.entries()) {
      await world.nodes[i]!.runtime.send('dataset.publish', {
        description: description(d.id, d),
        statistics: { persons: 1000 + i },
        quality: null,
      });
    }
  });
  afterAll(() => world?.close());

  it('lists every published dataset with facet counts', async () => {
    const all = await search('');
    expect(all.total).toBe(3);
    expect(ids(all)).toEqual(DATASETS.map((d) => d.id).sort());
    expect(facet(all, 'country')).toEqual({ FI: 1, ES: 1, DE: 1 });
    expect(facet(all, 'healthCategory')).toEqual({ EHRS: 2, EINS: 1, HGPD: 1, MRMR: 1, PHDR: 1 });
    expect(facet(all, 'codingSystem')).toEqual({ 'ICD-10': 2, LOINC: 1, 'ICD-O-3': 1, OPS: 1 });
    expect(facet(all, 'stars')).toEqual({ '5': 1, '2': 1 });
    expect(facet(all, 'accessRights')).toEqual({ NON_PUBLIC: 3 });
  });

  it('filters by free text over titles, descriptions and keywords', async () => {
    expect(ids(await search('?q=diabetes'))).toEqual(['fi-t2d-cohort']);
    expect(ids(await search('?q=TUMOURS%201993'))).toEqual(['es-cancer-registry']);
    expect(ids(await search('?q=heidelberg'))).toEqual(['de-hospital-records']);
    expect((await search('?q=tumours%20heidelberg')).total).toBe(0);
  });

  it('takes a facet as repeated parameters or as a comma list, and counts the other facets within it', async () => {
    const repeated = await search('?healthCategory=HGPD&healthCategory=MRMR');
    expect(ids(repeated)).toEqual(['es-cancer-registry', 'fi-t2d-cohort']);
    const comma = await search('?healthCategory=HGPD,MRMR');
    expect(ids(comma)).toEqual(ids(repeated));
    // A facet's own counts ignore its own filter (so the user sees what else they could pick)…
    expect(facet(repeated, 'healthCategory')).toEqual(facet(await search(''), 'healthCategory'));
    // …while the other facets count only the matching datasets.
    expect(facet(repeated, 'country')).toEqual({ FI: 1, ES: 1 });
    const both = await search('?healthCategory=EHRS&country=DE');
    expect(ids(both)).toEqual(['de-hospital-records']);
  });

  it('filters by minimum stars of the quality label', async () => {
    expect(ids(await search('?minStars=3'))).toEqual(['fi-t2d-cohort']);
    expect(ids(await search('?minStars=2'))).toEqual(['es-cancer-registry', 'fi-t2d-cohort']);
    expect((await search('?minStars=0')).total).toBe(3);
  });

  it('pages the results', async () => {
    const first = await search('?pageSize=2&page=1');
    const second = await search('?pageSize=2&page=2');
    const beyond = await search('?pageSize=2&page=3');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(beyond.items).toHaveLength(0);
    expect([...ids(first), ...ids(second)].sort()).toEqual(DATASETS.map((d) => d.id).sort());
  });

  it('refuses bad search parameters with 400 problem+json listing every field', async () => {
    const res = await get('/api/datasets?pageSize=1000&page=0&minStars=9');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { issues: { path: string }[] };
    expect(problem.issues.map((i) => i.path).sort()).toEqual(['minStars', 'page', 'pageSize']);
    expect((await get('/api/datasets?minIndividuals=many')).statusCode).toBe(400);
  });

  it('returns one dataset with its node and the IRI the hub gave it, or a 404 problem', async () => {
    const res = await get('/api/datasets/es-cancer-registry');
    expect(res.statusCode).toBe(200);
    const d = res.json() as {
      id: string;
      description: { iri: string; hdab: { name: { en: string } } };
      node: { country: string };
      statistics: { persons: number };
      summary: { quality: { stars: number } };
    };
    expect(d.id).toBe('es-cancer-registry');
    expect(d.description.iri).toBe('http://hub.test/catalogue/datasets/es-cancer-registry');
    expect(d.description.hdab.name.en).toBe(world.hub.config.hdab.name);
    expect(d.node.country).toBe('ES');
    expect(d.statistics.persons).toBe(1001);
    expect(d.summary.quality.stars).toBe(2);

    const missing = await get('/api/datasets/no-such-dataset');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json().detail).toMatch(/no-such-dataset/);
  });

  it('serves the catalogue as Turtle by default, and JSON-LD or RDF/XML by Accept or ?format=', async () => {
    const iri = 'http://hub.test/catalogue/datasets/fi-t2d-cohort';
    const turtle = await get('/catalogue');
    expect(turtle.statusCode).toBe(200);
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    expect(turtle.headers.vary).toMatch(/accept/i);
    expect(turtle.body).toContain('<http://hub.test/catalogue>');
    expect(turtle.body).toContain(`<${iri}>`);
    expect(turtle.body).toMatch(/dcat:Catalog/);

    const jsonld = await get('/catalogue', { accept: 'application/ld+json' });
    expect(jsonld.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(jsonld.headers.vary).toMatch(/accept/i);
    expect(JSON.stringify(jsonld.json())).toContain(iri);

    const rdfxml = await get('/catalogue', { accept: 'text/html;q=0.5, application/rdf+xml' });
    expect(rdfxml.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    expect(rdfxml.body).toMatch(/<rdf:RDF/);
    expect(rdfxml.body).toContain(iri);

    // ?format= wins over Accept (a link that always gives the same syntax).
    const byQuery = await get('/catalogue?format=jsonld', { accept: 'text/turtle' });
    expect(byQuery.headers['content-type']).toMatch(/^application\/ld\+json/);
    const xmlByQuery = await get('/catalogue?format=rdfxml');
    expect(xmlByQuery.headers['content-type']).toMatch(/^application\/rdf\+xml/);
  });

  it('serves one dataset by content negotiation too', async () => {
    const url = '/catalogue/datasets/de-hospital-records';
    const turtle = await get(url);
    expect(turtle.statusCode).toBe(200);
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    expect(turtle.headers.vary).toMatch(/accept/i);
    expect(turtle.body).toContain('<http://hub.test/catalogue/datasets/de-hospital-records>');
    expect(turtle.body).toMatch(/dcat:Dataset/);
    const jsonld = await get(url, { accept: 'application/ld+json' });
    expect(jsonld.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(JSON.stringify(jsonld.json())).toContain('Hospital records of Heidelberg');
    const rdfxml = await get(`${url}?format=rdfxml`);
    expect(rdfxml.headers['content-type']).toMatch(/^application\/rdf\+xml/);

    const missing = await get('/catalogue/datasets/no-such-dataset');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers an unacceptable Accept with 406, and an unknown ?format= with 400, naming what it serves', async () => {
    for (const [url, headers, status, where] of [
      ['/catalogue', { accept: 'image/png' }, 406, 'accept'],
      ['/catalogue/datasets/fi-t2d-cohort', { accept: 'application/pdf, text/plain;q=0.5' }, 406, 'accept'],
      ['/catalogue?format=csv', {}, 400, 'format'],
      ['/catalogue/datasets/fi-t2d-cohort?format=json', {}, 400, 'format'],
    ] as const) {
      const res = await get(url, headers);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.vary).toMatch(/accept/i);
      const problem = res.json() as { status: number; detail: string; issues: { path: string }[] };
      expect(problem.status).toBe(status);
      for (const type of ['text/turtle', 'application/ld+json', 'application/rdf+xml']) {
        expect(problem.detail).toContain(type);
      }
      expect(problem.issues.map((i) => i.path)).toEqual([where]);
    }
    // An Accept that allows anything still gets the default, Turtle.
    const any = await get('/catalogue', { accept: 'image/png, */*;q=0.1' });
    expect(any.statusCode).toBe(200);
    expect(any.headers['content-type']).toMatch(/^text\/turtle/);
  });

  it('sends a browser asking for a dataset IRI to the dataset page of the UI', async () => {
    const res = await get('/catalogue/datasets/fi-t2d-cohort', {
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/catalogue/fi-t2d-cohort');
    expect(res.headers.vary).toMatch(/accept/i);
  });

  it('records each publication in the audit log, as the node that published it', async () => {
    const audit = await world.admin<{ events: { action: string; actor: string; object: string }[] }>(
      'GET',
      '/api/audit?limit=1000',
    );
    const published = audit.body.events.filter((e) => e.action === 'dataset.publish');
    expect(published.map((e) => e.object).sort()).toEqual(DATASETS.map((d) => `dataset:${d.id}`).sort());
    expect(published.map((e) => e.actor).sort()).toEqual(
      world.nodes.map((n) => `node:${n.identity.nodeId}`).sort(),
    );
  });
});
