import type { NodeDataset } from '@openehds/client';
import { QualityBadge } from '../components/QualityBadge';
import { periodText } from '../catalogue/description-text';
import { en } from '../i18n/en';
import { fmt, formatNumber } from '../i18n/format';

/** What the node derived from its data, shown read-only beside the holder's draft. */
export function Derived({ dataset }: { dataset: NodeDataset }) {
  const d = dataset.derived;
  const rows = [
    {
      label: en.dataset.individuals,
      value: d.numberOfUniqueIndividuals == null ? '–' : formatNumber(d.numberOfUniqueIndividuals),
    },
    { label: en.dataset.records, value: d.numberOfRecords == null ? '–' : formatNumber(d.numberOfRecords) },
    {
      label: en.dataset.ageRange,
      value:
        d.minTypicalAge == null || d.maxTypicalAge == null
          ? '–'
          : fmt(en.dataset.ageRangeValue, { min: d.minTypicalAge, max: d.maxTypicalAge }),
    },
    { label: en.dataset.period, value: periodText(d.temporal) || '–' },
    { label: en.dataset.codingSystems, value: d.codingSystems.join(', ') || '–' },
  ];
  return (
    <div className="derived">
      <h4>{en.holder.derived}</h4>
      <dl className="key-values">
        {rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
        <div>
          <dt>{en.holder.currentLabel}</dt>
          <dd>
            <QualityBadge quality={dataset.quality} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
