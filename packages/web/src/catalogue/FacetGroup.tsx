import { useId } from 'react';
import type { FacetKey } from '@openehds/client';
import { formatNumber } from '../i18n/format';
import type { FacetOption } from './facets';
import { FACET_TITLES, facetValueLabel } from './labels';

interface Props {
  facet: FacetKey;
  options: FacetOption[];
  onToggle: (value: string) => void;
}

/** One facet as a group of checkboxes with counts; a fieldset so the legend names every box. */
export function FacetGroup({ facet, options, onToggle }: Props) {
  const id = useId();
  if (options.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{FACET_TITLES[facet]}</legend>
      <ul>
        {options.map((o, i) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={o.checked}
              onChange={() => onToggle(o.value)}
              data-testid={`facet-${facet}-${o.value}`}
            />
            <label htmlFor={`${id}-${i}`}>
              {facetValueLabel(facet, o.value)} <span className="count">({formatNumber(o.count)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
