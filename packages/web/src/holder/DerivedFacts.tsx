import type { NodeDataset } from '@openehds/client';
import { QualityBadge } from '../components/QualityBadge';
import { periodText } from '../catalogue/description-text';
import { ui } from '../i18n/ui';
import { fmt, formatNumber } from '../i18n/format';

/** What the node derived from its data, shown read-only beside the holder's draft. */
export function Derived({ dataset }: { dataset: NodeDataset }) {
  const d = dataset.derived;
  const rows = [
    {
      label: ui.dataset.individuals,
      value: d.numberOfUniqueIndividuals == null ? '–' : formatNumber(d.numberOfUniqueIndividuals),
    },
    { label: ui.dataset.records, value: d.numberOfRecords == null ? '–' : formatNumber(d.numberOfRecords) },
    {
      label: ui.dataset.ageRange,
      value:
        d.minTypicalAge == null || d.maxTypicalAge == null
          ? '–'
          : fmt(ui.dataset.ageRangeValue, { min: d.minTypicalAge, max: d.maxTypicalAge }),
    },
    { label: ui.dataset.period, value: periodText(d.temporal) || '–' },
    { label: ui.dataset.codingSystems, value: d.codingSystems.join(', ') || '–' },
  ];
  return (
    <div className="derived">
      <h4>{ui.holder.derived}</h4>
      <dl className="key-values">
        {rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
        <div>
          <dt>{ui.holder.currentLabel}</dt>
          <dd>
            <QualityBadge quality={dataset.quality} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
