/**
 * DUO data use modifiers against the stated use. A modifier the application cannot satisfy by itself
 * (a named-user list, a collaboration, a return of data) is `requires`: a condition the HDAB writes into
 * the permit (Art. 68(10)(h)) or checks before granting. Our interpretation; see README.md.
 */
import { addCalendarMonths } from '../deadlines/calendar';
import type { RuleResult } from './permissions';
import { worst } from './permissions';
import type { DataUse, DuoCondition } from './types';

const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];
const REGIONS: Record<string, readonly string[]> = { EU, EEA: [...EU, 'IS', 'LI', 'NO'] };

const day = (at: Date) => at.toISOString().slice(0, 10);
/** EU style `EL` and ISO `GR` both mean Greece. */
const country = (c: string) => (c.trim().toUpperCase() === 'EL' ? 'GR' : c.trim().toUpperCase());
const ok = (message: string): RuleResult => ({ outcome: 'ok', message });
const requires = (message: string): RuleResult => ({ outcome: 'requires', message });
const conflictOf = (message: string): RuleResult => ({ outcome: 'conflict', message });

function notForProfitOrg(use: DataUse): RuleResult {
  if (use.notForProfitOrganisation === true) return ok('the applicant is a not-for-profit organisation');
  if (use.notForProfitOrganisation === false)
    return conflictOf('use is limited to not-for-profit organisations; the applicant is not one');
  return requires('use is limited to not-for-profit organisations; the applicant must show it is one');
}

function nonCommercial(use: DataUse): RuleResult {
  return use.commercial
    ? conflictOf('use is limited to non-commercial use; the application declares commercial use')
    : ok('the use is non-commercial');
}

function geography(cond: DuoCondition, use: DataUse): RuleResult {
  const allowed = (cond.countries ?? []).map(country).filter(Boolean);
  if (!allowed.length)
    return requires('use is limited to a region the condition does not name; ask the data holder');
  const expanded = new Set(allowed.flatMap((c) => REGIONS[c] ?? [c]));
  if (!use.country)
    return requires(`use is limited to ${allowed.join(', ')}; state where the data will be used`);
  return expanded.has(country(use.country))
    ? ok(`use in ${use.country.toUpperCase()} is within ${allowed.join(', ')}`)
    : conflictOf(
        `use is limited to ${allowed.join(', ')}; the application places it in ${use.country.toUpperCase()}`,
      );
}

function timeLimit(cond: DuoCondition, use: DataUse): RuleResult {
  if (!cond.until && cond.months === undefined)
    return requires('use is time-limited but the condition gives no limit; ask the data holder');
  const checks: RuleResult[] = [];
  if (cond.until) {
    checks.push(
      !use.period
        ? requires(`use must end by ${day(cond.until)}; the permit's access period must end by then`)
        : use.period.until.getTime() <= cond.until.getTime()
          ? ok('')
          : conflictOf(
              `use must end by ${day(cond.until)}; the requested period ends ${day(use.period.until)}`,
            ),
    );
  }
  if (cond.months !== undefined) {
    checks.push(
      !use.period
        ? requires(`use is limited to ${cond.months} months; the permit's access period must not exceed that`)
        : use.period.until.getTime() <= addCalendarMonths(use.period.from, cond.months).getTime()
          ? ok('')
          : conflictOf(`use is limited to ${cond.months} months; the requested period is longer`),
    );
  }
  return worst(checks, 'the requested period is within the time limit');
}

function moratorium(cond: DuoCondition): RuleResult {
  return requires(
    cond.until
      ? `no publication of results before ${day(cond.until)}; the HDAB reconciles this with the duty to publish within 18 months (Art. 61(4))`
      : 'results may not be published before the holder’s moratorium date; ask the data holder, and mind Art. 61(4)',
  );
}

function ancestryProhibited(use: DataUse): RuleResult {
  if (use.ancestryResearch === true)
    return conflictOf(
      'research on population origins or ancestry is prohibited; the application declares it',
    );
  if (use.ancestryResearch === false || !use.purposes.includes('SCIENTIFIC_RESEARCH'))
    return ok('the use is not population origins or ancestry research');
  return requires(
    'research on population origins or ancestry is prohibited; the applicant must confirm the study is not',
  );
}

function noMethods(use: DataUse): RuleResult {
  if (use.methodsDevelopment === true)
    return conflictOf(
      'general methods research (software, algorithms) is not allowed, though Art. 53(1)(e) would include training and testing algorithms',
    );
  if (use.methodsDevelopment === false) return ok('the use develops no general methods');
  return requires(
    'general methods research (software, algorithms) is not allowed; the applicant must confirm none is planned',
  );
}

/** Checks one modifier (by shorthand) against the use. */
export function checkModifier(shorthand: string, cond: DuoCondition, use: DataUse): RuleResult {
  switch (shorthand) {
    case 'NPUNCU':
      return worst(
        [notForProfitOrg(use), nonCommercial(use)],
        'not-for-profit organisation, non-commercial use',
      );
    case 'NPU':
      return notForProfitOrg(use);
    case 'NCU':
      return nonCommercial(use);
    case 'NPOA':
      return ancestryProhibited(use);
    case 'IRB':
      return use.ethicsApproval
        ? ok('ethics approval declared; the documentation is checked under Art. 68(1)(f)')
        : requires('provide the documentation of the ethics (IRB/ERB) approval (Art. 67(2)(j), 68(1)(f))');
    case 'GS':
      return geography(cond, use);
    case 'PUB':
      return use.publicationPlanned
        ? ok('results will be made public, as Art. 61(4) requires anyway')
        : requires(
            'results must be made available to the scientific community; Art. 61(4) also requires publishing them within 18 months',
          );
    case 'COL':
      return use.collaborationAgreed
        ? ok('collaboration with the primary investigators agreed')
        : requires('the applicant must agree to collaborate with the primary study investigators');
    case 'RTN':
      return use.returnDerivedData
        ? ok('derived data will be returned to the resource, through the HDAB and output checks (Art. 73(2))')
        : requires(
            'derived or enriched data must be returned to the resource; a permit condition (Art. 68(10)(h))',
          );
    case 'TS':
      return timeLimit(cond, use);
    case 'MOR':
      return moratorium(cond);
    case 'US':
      return requires(
        'use is limited to approved users; the HDAB checks the persons named in the permit (Art. 68(10)(d))',
      );
    case 'PS':
      return requires(
        'use is limited to an approved project; the permit is bound to this application’s purpose (Art. 68(10)(b))',
      );
    case 'IS':
      return requires(
        'use is limited to an approved institution; the HDAB checks the applicant organisation',
      );
    case 'CC':
      return ok('clinical care use is also allowed');
    case 'GSO':
      return requires(
        'use is limited to genetic studies; the applicant must confirm the study includes genotype research',
      );
    case 'RS':
      return requires('use is limited to a research type the condition does not name; ask the data holder');
    case 'NMDS':
      return noMethods(use);
    default:
      return requires(`no matching rule for modifier ${shorthand}; the HDAB decides`);
  }
}
