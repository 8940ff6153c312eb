import { STAKEHOLDER_TYPES, type StakeholderFilter } from '@openehds/client';
import { fmt, formatNumber } from '../i18n/format';
import { Input, Select } from './controls';
import { stakeholdersText as t } from './strings';

/** The filters by type, country and text; the list, the network, the grid and the statistics follow them. */
export function FilterBar({
  filter,
  onChange,
  shown,
}: {
  filter: StakeholderFilter;
  onChange: (f: StakeholderFilter) => void;
  shown: number | null;
}) {
  return (
    <form role="search" className="stakeholder-filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t.filters.legend}</legend>
        <div className="filter-row">
          <Select
            id="stk-filter-type"
            label={t.filters.type}
            testId="stakeholder-filter-type"
            value={filter.type ?? ''}
            onChange={(type) => onChange({ ...filter, type: type as StakeholderFilter['type'] })}
            options={[
              { value: '', label: t.filters.anyType },
              ...STAKEHOLDER_TYPES.map((v) => ({ value: v, label: t.types[v] ?? v })),
            ]}
          />
          <Input
            id="stk-filter-country"
            label={t.filters.country}
            hint={t.filters.countryHint}
            testId="stakeholder-filter-country"
            value={filter.country ?? ''}
            onChange={(country) => onChange({ ...filter, country: country.toUpperCase() })}
          />
          <Input
            id="stk-filter-q"
            label={t.filters.q}
            hint={t.filters.qHint}
            type="search"
            testId="stakeholder-filter-q"
            value={filter.q ?? ''}
            onChange={(q) => onChange({ ...filter, q })}
          />
          <button
            type="button"
            className="button secondary"
            data-testid="stakeholder-filter-clear"
            onClick={() => onChange({})}
          >
            {t.filters.clear}
          </button>
        </div>
      </fieldset>
      {shown !== null && (
        <p role="status" className="muted" data-testid="stakeholder-shown">
          {fmt(t.filters.shown, { n: formatNumber(shown) })}
        </p>
      )}
    </form>
  );
}
