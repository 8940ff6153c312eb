import fc from 'fast-check';
import { CRITERION_IDS, exampleApplication } from '@openehds/core';

/**
 * Generators of bad requests for the fuzz test (../fuzz.test.ts): malformed and hostile bodies, path
 * parameters, query strings and headers, built with fast-check so that a seed reproduces them.
 */

/** Field names the hub's schemas use, given wrong values; each route's own are added from its 400s. */
export const KNOWN_FIELDS = [
  ...['kind', 'content', 'version', 'reason', 'event', 'answer', 'verdict', 'justification', 'outcome'],
  ...['reasons', 'accepts', 'amount', 'note', 'username', 'password', 'challenge', 'code', 'name'],
  ...['role', 'organisationId', 'accountId', 'scopes', 'expiresAt', 'country', 'displayName', 'status'],
  ...['validFrom', 'validUntil', 'datasets', 'conditions', 'title', 'id', 'limit', 'offset', 'publicKey'],
  ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'],
];
const QUERY_KEYS = [
  'status',
  'limit',
  'offset',
  'page',
  'cursor',
  'format',
  'q',
  'from',
  'to',
  'year',
  'lang',
];

const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    '__proto__',
    '../../../etc/passwd',
    "' OR 1=1 --",
    '"; DROP TABLE application; --',
    '<script>alert(1)</script>',
    '%00',
    '\uD800',
    '\uFEFF',
    'NaN',
    '-1',
    '1e309',
    '2027-02-30',
    '00000000-0000-0000-0000-000000000000',
    '9'.repeat(400),
    '😀'.repeat(64),
    'ǅ\u0301\u200B\u202E',
  ),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 53, 1e308, -1e308, true, false, null, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A nested value `depth` levels deep, as JSON text (arrays or objects). */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([n, arrays]) => (arrays ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));

/** The example application with one field replaced by a bad value, removed, or a stray key added. */
const brokenApplication = fc
  .tuple(fc.nat(), fc.constantFrom('replace', 'remove', 'add'), nastyValue, fc.constantFrom(...KNOWN_FIELDS))
  .map(([pick, how, value, extra]) => {
    const content = exampleApplication() as Record<string, unknown>;
    const paths = leafPaths(content);
    const path = paths[pick % paths.length]!;
    const last = path[path.length - 1]!;
    const parent = path
      .slice(0, -1)
      .reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, content);
    if (how === 'remove') delete parent[last];
    else if (how === 'replace') parent[last] = value;
    // An own property even for `__proto__`, so that JSON.stringify sends it.
    else
      Object.defineProperty(parent, extra, { value, enumerable: true, writable: true, configurable: true });
    return content;
  });

export type Body = { payload?: string; contentType?: string };

/** Request bodies; `fields` are the route's own field names, learnt from its 400 problems. */
export const bodyOf = (fields: string[]): fc.Arbitrary<Body> => {
  const json = (value: unknown): Body => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });
  const field = fc.constantFrom(...new Set([...fields, ...KNOWN_FIELDS]));
  return fc.oneof(
    fc.constant<Body>({}),
    fc.json().map((text) => ({ payload: text, contentType: 'application/json' })),
    fc.anything({ maxDepth: 3 }).map((v) => {
      const text = (() => {
        try {
          return JSON.stringify(v);
        } catch {
          return undefined; // BigInt and the like
        }
      })();
      return text === undefined ? {} : { payload: text, contentType: 'application/json' };
    }),
    fc.dictionary(field, nastyValue, { maxKeys: 6 }).map(json),
    fc.tuple(fc.json(), fc.nat()).map(([t, cut]) => ({
      payload: t.slice(0, cut % (t.length + 1)) + '}',
      contentType: 'application/json',
    })),
    fc
      .constantFrom(
        '{"a":1,}',
        "{'a':1}",
        '\uFEFF{}',
        'NaN',
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"content":{"__proto__":{"polluted":"yes"}}}',
        '{"a":"\\ud800"}',
        '',
      )
      .map((payload) => ({ payload, contentType: 'application/json' })),
    deep.map((payload) => ({ payload, contentType: 'application/json' })),
    fc.record({ kind: fc.constantFrom('application', 'data_request'), content: brokenApplication }).map(json),
    fc.record({ content: brokenApplication, version: fc.integer({ min: -2, max: 5 }) }).map(json),
    fc
      .tuple(
        fc.oneof(fc.json(), fc.string()),
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=----fuzz',
          'application/xml',
          'application/json; charset=utf-16',
          'application/merge-patch+json',
          'garbage/;;;',
          '',
        ),
      )
      .map(([payload, contentType]) => ({ payload, contentType })),
  );
};

/** Percent-encodes a string; a lone surrogate (which no URL can carry) becomes U+FFFD first. */
const encode = (s: string) =>
  encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/** A value for one path parameter: a known id, a random UUID, or anything, percent-encoded or broken. */
export const paramOf = (name: string, known: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...known),
    fc.uuid(),
    ...(name === 'criterion' ? [fc.constantFrom(...CRITERION_IDS)] : []),
    nastyString.filter((s) => s.length < 5_000).map(encode),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%2e%2e', '..', 'a%2Fb', '%00'),
  );

export const queryOf = fc.option(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...QUERY_KEYS, '__proto__', 'constructor', 'a[b]', 'a[]'),
          fc.string({ maxLength: 8 }),
        ),
        fc.oneof(
          nastyString.filter((s) => s.length < 2_000),
          fc.integer().map(String),
        ),
      ),
      { maxLength: 5 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  { nil: undefined },
);

/** Headers a client might send wrong: Accept, Idempotency-Key, bogus credentials (anonymous only). */
export const headersOf = (anonymous: boolean) =>
  fc.record(
    {
      accept: fc.constantFrom(
        '*/*',
        'text/turtle',
        'application/ld+json',
        'application/atom+xml',
        'x/y;q=abc',
        '',
      ),
      'idempotency-key': fc.oneof(fc.uuid(), fc.stringMatching(/^[\x20-\x7e]{0,300}$/), fc.constant('é')),
      ...(anonymous
        ? {
            authorization: fc.oneof(
              fc.string({ maxLength: 80 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`),
              fc.constantFrom('Bearer ehds_pat_nope', 'Basic dXNlcjpwYXNz', 'Bearer '),
            ),
            cookie: fc.constantFrom('ehds_session=%E0%A4%A', 'ehds_session=', 'ehds_session=abc; x=1'),
          }
        : {}),
    },
    { requiredKeys: [] },
  );

/** Paths of every leaf of a JSON object, e.g. ['persons', '0', 'email']. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [prefix];
  return [[...prefix], ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))].filter(
    (p) => p.length > 0,
  );
}
