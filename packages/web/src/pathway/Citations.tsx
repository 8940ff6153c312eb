import type { PathwayCitationJson } from '@openehds/client';
import { pathwayText as t } from './strings';

/** Citations as a list, each instrument's abbreviation expanded for screen readers and on hover. */
export function Citations({ citations }: { citations: readonly PathwayCitationJson[] }) {
  return (
    <ul className="pathway-citations">
      {citations.map((c) => (
        <li key={`${c.instrument} ${c.ref}`}>
          <abbr title={t.instruments[c.instrument] ?? c.instrument}>{c.instrument}</abbr> {c.ref}
        </li>
      ))}
    </ul>
  );
}
