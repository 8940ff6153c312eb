/**
 * Our interpretation of how the Art. 53(1) purposes fit the DUO primary permissions (README.md has
 * the table). DUO nests GRU ⊃ HMB ⊃ DS: anything HMB allows, GRU allows too. Every Art. 53(1)
 * purpose except education is limited to the health or care sector, so we read it as a
 * "health/medical/biomedical purpose" in HMB's sense; teaching (d) is neither research nor such a
 * purpose, so only NRES data serve it.
 */
import type { DataUse, DataUsePurpose, DuoCondition, FindingOutcome } from './types';

/** An outcome and the reason behind it. */
export interface RuleResult {
  outcome: FindingOutcome;
  message: string;
}

/** The Art. 53(1) letter of each purpose, for messages. */
export const PURPOSE_ARTICLE: Record<DataUsePurpose, string> = {
  PUBLIC_HEALTH: 'Art. 53(1)(a)',
  POLICY_REGULATION: 'Art. 53(1)(b)',
  OFFICIAL_STATISTICS: 'Art. 53(1)(c)',
  EDUCATION: 'Art. 53(1)(d)',
  SCIENTIFIC_RESEARCH: 'Art. 53(1)(e)',
  CARE_IMPROVEMENT: 'Art. 53(1)(f)',
};

const RANK: Record<FindingOutcome, number> = { ok: 0, requires: 1, conflict: 2 };

/** The worse of several results, their reasons joined (duplicates once). */
export function worst(results: RuleResult[], okMessage: string): RuleResult {
  const top = Math.max(0, ...results.map((r) => RANK[r.outcome]));
  const outcome = (Object.keys(RANK) as FindingOutcome[]).find((o) => RANK[o] === top)!;
  if (outcome === 'ok') return { outcome, message: okMessage };
  const reasons = [...new Set(results.filter((r) => r.outcome === outcome).map((r) => r.message))];
  return { outcome, message: reasons.join('; ') };
}

const purposeName = (p: DataUsePurpose) => `${p} (${PURPOSE_ARTICLE[p]})`;

/** HMB and its narrower DS: health purposes, but not teaching and not ancestry research. */
function healthPurpose(code: 'HMB' | 'DS', p: DataUsePurpose, use: DataUse): RuleResult {
  if (p === 'EDUCATION')
    return {
      outcome: 'conflict',
      message: `${code} data serve health, medical or biomedical purposes; teaching, ${purposeName(p)}, is not one (only NRES data may be used for education)`,
    };
  if (use.ancestryResearch === true)
    return { outcome: 'conflict', message: `${code} excludes the study of population origins or ancestry` };
  return { outcome: 'ok', message: '' };
}

/** ICD-10 style: `E11` covers `E11.9` and `E119`; other systems (MONDO, SNOMED) match exactly. */
function within(useCode: string, condCode: string): boolean {
  const u = useCode.trim().toUpperCase();
  const c = condCode.trim().toUpperCase();
  if (u === c || u.startsWith(`${c}.`)) return true;
  return /^[A-Z]\d{2}$/.test(c) && /^[A-Z]\d{2}[0-9A-Z]+$/.test(u) && u.startsWith(c);
}

/** DS: the use must be related to one of the named diseases. */
function diseaseMatch(cond: DuoCondition, use: DataUse): RuleResult {
  const allowed = (cond.diseaseCodes ?? []).filter((c) => c.trim());
  if (!allowed.length)
    return {
      outcome: 'requires',
      message:
        'the DS condition names no disease; ask the data holder which disease the data may be used for',
    };
  const studied = (use.diseaseCodes ?? []).filter((c) => c.trim());
  const list = allowed.join(', ');
  if (!studied.length)
    return {
      outcome: 'conflict',
      message: `use is limited to research on ${list}; the application names no disease (state the disease codes studied)`,
    };
  const outside = studied.filter((s) => !allowed.some((a) => within(s, a)));
  if (outside.length === studied.length)
    return {
      outcome: 'conflict',
      message: `use is limited to research on ${list}; none of the diseases studied (${studied.join(', ')}) is among them`,
    };
  if (outside.length)
    return {
      outcome: 'requires',
      message: `use is limited to research on ${list}; the HDAB must confirm that ${outside.join(', ')} is studied only in relation to it`,
    };
  return { outcome: 'ok', message: '' };
}

/** POA: only research on population origins or ancestry. */
function ancestryOnly(p: DataUsePurpose, use: DataUse): RuleResult {
  if (p !== 'SCIENTIFIC_RESEARCH')
    return {
      outcome: 'conflict',
      message: `POA data may only be used to research population origins or ancestry; ${purposeName(p)} is not such research`,
    };
  if (use.ancestryResearch === true) return { outcome: 'ok', message: '' };
  if (use.ancestryResearch === false)
    return {
      outcome: 'conflict',
      message: 'POA data may only be used to research population origins or ancestry',
    };
  return {
    outcome: 'requires',
    message:
      'POA data may only be used to research population origins or ancestry; the applicant must confirm the study is such research',
  };
}

/** Checks a primary permission (by shorthand) against every stated purpose; the worst purpose decides. */
export function checkPermission(shorthand: string, cond: DuoCondition, use: DataUse): RuleResult {
  const purposes = use.purposes;
  const all = purposes.map(purposeName).join(', ');
  switch (shorthand) {
    case 'NRES':
      return { outcome: 'ok', message: `no restriction on use; allows ${all}` };
    case 'GRU':
      return worst(
        purposes.map((p) =>
          p === 'EDUCATION'
            ? {
                outcome: 'conflict' as const,
                message: `GRU allows research use only; teaching, ${purposeName(p)}, is not research (only NRES data may be used for education)`,
              }
            : { outcome: 'ok' as const, message: '' },
        ),
        `general research use covers ${all}`,
      );
    case 'HMB':
      return worst(
        purposes.map((p) => healthPurpose('HMB', p, use)),
        `health/medical/biomedical use covers ${all}`,
      );
    case 'DS':
      return worst(
        [...purposes.map((p) => healthPurpose('DS', p, use)), diseaseMatch(cond, use)],
        `the diseases studied are within ${(cond.diseaseCodes ?? []).join(', ')}`,
      );
    case 'POA':
      return worst(
        purposes.map((p) => ancestryOnly(p, use)),
        'the study researches population origins or ancestry',
      );
    default:
      return {
        outcome: 'requires',
        message: `no matching rule for permission ${shorthand}; the HDAB decides`,
      };
  }
}
