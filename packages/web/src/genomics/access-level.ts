/**
 * Which granularity the user gets, and why (issue 5 §3; EHDS.md §16): the banner above the results.
 * Anonymous → yes/no (sign in for counts); signed in → rounded counts (a permit for records); named in
 * an active permit → records of that permit's datasets. Before a search it is what the user may expect;
 * after, what the hub actually returned. Pure.
 */
import type { BeaconGranularityJson, BeaconResultResponseJson } from '@openehds/client';
import { fmt, formatNumber } from '../i18n/format';
import { disclosureOf, type NodeAnswer } from './node-answers';
import { genomicsText as t } from './strings';

export interface AccessLevel {
  granularity: BeaconGranularityJson;
  title: string;
  text: string;
  /** Offer the sign-in link (anonymous users only). */
  signIn: boolean;
}

/** The banner for a user, from the answer when there is one. */
export function accessLevel(
  signedIn: boolean,
  response: BeaconResultResponseJson | null,
  answers: readonly NodeAnswer[] = [],
): AccessLevel {
  const returned = response?.meta.returnedGranularity ?? (signedIn ? 'count' : 'boolean');
  // What the user actually sees: "record" only when some node sent records (a node checks the permit
  // again and may answer with a count only).
  const granularity =
    returned === 'record' && !answers.some((a) => a.granularity === 'record') ? 'count' : returned;
  const dc = response ? disclosureOf(response) : { minCount: 10, roundTo: 10 };
  if (granularity === 'boolean')
    return {
      granularity,
      title: t.granularity.boolean.title,
      text: signedIn ? t.granularity.boolean.signedInText : t.granularity.boolean.text,
      signIn: !signedIn,
    };
  if (granularity === 'count')
    return {
      granularity,
      title: t.granularity.count.title,
      text: fmt(t.granularity.count.text, {
        minCount: formatNumber(dc.minCount),
        roundTo: formatNumber(dc.roundTo),
      }),
      signIn: false,
    };
  const datasets = answers
    .filter((a) => a.granularity === 'record')
    .flatMap((a) => a.datasetIds)
    .join(', ');
  return {
    granularity,
    title: t.granularity.record.title,
    text: fmt(t.granularity.record.text, { datasets: datasets || '—' }),
    signIn: false,
  };
}
