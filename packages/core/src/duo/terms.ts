/**
 * The DUO terms our matching rules know, with ids, shorthands and labels exactly as in EBISPOT/DUO
 * `duo.csv` (release 2021-02-23; the conformance test checks every row against the official file).
 * Rules are keyed by id; labels from a parsed `duo.csv`, when the caller passes one, take precedence.
 */

/** Permission (what use is allowed), modifier (extra conditions) or an abstract class. */
export type DuoRole = 'permission' | 'modifier' | 'class';

/** A DUO term as our rules see it. */
export interface KnownDuoTerm {
  id: string;
  shorthand: string | null;
  label: string;
  role: DuoRole;
}

const t = (id: string, shorthand: string | null, label: string, role: DuoRole): KnownDuoTerm => ({
  id: `DUO:${id}`,
  shorthand,
  label,
  role,
});

/** Every term of duo.csv 2021-02-23, by role. */
export const DUO_TERMS: readonly KnownDuoTerm[] = [
  t('0000001', null, 'data use permission', 'class'),
  t('0000017', null, 'data use modifier', 'class'),
  t('0000004', 'NRES', 'no restriction', 'permission'),
  t('0000042', 'GRU', 'general research use', 'permission'),
  t('0000006', 'HMB', 'health or medical or biomedical research', 'permission'),
  t('0000007', 'DS', 'disease specific research', 'permission'),
  t('0000011', 'POA', 'population origins or ancestry research only', 'permission'),
  t('0000012', 'RS', 'research specific restrictions', 'modifier'),
  t('0000015', 'NMDS', 'no general methods research', 'modifier'),
  t('0000016', 'GSO', 'genetic studies only', 'modifier'),
  t('0000018', 'NPUNCU', 'not for profit, non commercial use only', 'modifier'),
  t('0000019', 'PUB', 'publication required', 'modifier'),
  t('0000020', 'COL', 'collaboration required', 'modifier'),
  t('0000021', 'IRB', 'ethics approval required', 'modifier'),
  t('0000022', 'GS', 'geographical restriction', 'modifier'),
  t('0000024', 'MOR', 'publication moratorium', 'modifier'),
  t('0000025', 'TS', 'time limit on use', 'modifier'),
  t('0000026', 'US', 'user specific restriction', 'modifier'),
  t('0000027', 'PS', 'project specific restriction', 'modifier'),
  t('0000028', 'IS', 'institution specific restriction', 'modifier'),
  t('0000029', 'RTN', 'return to database or resource', 'modifier'),
  t('0000043', 'CC', 'clinical care use', 'modifier'),
  t('0000044', 'NPOA', 'population origins or ancestry research prohibited', 'modifier'),
  t('0000045', 'NPU', 'not for profit organisation use only', 'modifier'),
  t('0000046', 'NCU', 'non-commercial use only', 'modifier'),
];

const BY_ID = new Map(DUO_TERMS.map((term) => [term.id, term]));
const BY_SHORTHAND = new Map(DUO_TERMS.filter((x) => x.shorthand).map((x) => [x.shorthand!, x]));

/**
 * Finds the term a condition names: `DUO:0000042`, `DUO_0000042`, the OBO IRI
 * `http://purl.obolibrary.org/obo/DUO_0000042` (also the 8-digit `DUO_00000044`), or a shorthand (`GRU`, any case); undefined if unknown.
 */
export function resolveDuoCode(code: string): KnownDuoTerm | undefined {
  const c = code.trim();
  const id = /(?:^|[/#])DUO[:_](\d{7}|0\d{7})$/i.exec(c);
  // Upstream quirk: the OWL IRI of NPOA is DUO_00000044 (8 digits) while its CSV id is DUO:0000044.
  if (id) return BY_ID.get(`DUO:${id[1]!.slice(-7)}`);
  return BY_SHORTHAND.get(c.toUpperCase());
}
