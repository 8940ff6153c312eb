import { useState } from 'react';
import { fmt } from '../i18n/format';
import { Input, Row, Select } from './controls';
import { CriterionFields } from './CriterionFields';
import type { GroupDraft, Side, CriterionDraft } from './draft';
import { issuesAt, type PathIssue } from './field-issues';
import { feasibilityText as t } from './strings';
import { CRITERION_TYPES, type CriterionType } from './vocab';

interface Props {
  side: Side;
  index: number;
  group: GroupDraft;
  issues: readonly PathIssue[];
  onMatch: (match: 'all' | 'any') => void;
  onName: (name: string) => void;
  onCriterion: (ci: number, next: CriterionDraft) => void;
  onAddCriterion: (type: CriterionType) => void;
  onRemoveCriterion: (ci: number) => void;
  onRemove: () => void;
}

/** One inclusion or exclusion group: its name, ALL/ANY, its criteria and a way to add one. */
export function GroupEditor(props: Props) {
  const { side, index: gi, group: g, issues } = props;
  const [newType, setNewType] = useState<CriterionType>('condition');
  const p = `${side === 'inclusion' ? 'inc' : 'exc'}-${gi}`;
  const base = `${side}[${gi}]`;
  const title = fmt(side === 'inclusion' ? t.group.inclusion : t.group.exclusion, { n: gi + 1 });
  const own = [...issuesAt(issues, base), ...issuesAt(issues, `${base}.criteria`)];
  return (
    <section className="card fz-group" aria-labelledby={`${p}-title`} data-testid={`group-${p}`}>
      <h3 id={`${p}-title`}>{title}</h3>
      {own.length > 0 && (
        <ul className="field-errors" role="list">
          {own.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <Row>
        <Input
          id={`${p}-name`}
          label={t.group.name}
          value={g.name}
          onChange={props.onName}
          errors={issuesAt(issues, `${base}.name`)}
        />
        <Select
          id={`${p}-match`}
          label={t.group.match}
          value={g.match}
          options={[
            { value: 'all', label: t.group.all },
            { value: 'any', label: t.group.any },
          ]}
          onChange={props.onMatch}
          errors={issuesAt(issues, `${base}.match`)}
          testId={`${p}-match`}
        />
      </Row>
      {g.criteria.map((c, ci) => (
        <CriterionFields
          key={c.key}
          idPrefix={`${p}-${ci}`}
          base={`${base}.criteria[${ci}]`}
          draft={c}
          issues={issues}
          onChange={(next) => props.onCriterion(ci, next)}
          types={CRITERION_TYPES}
          legend={fmt(t.criterion.legend, { n: ci + 1 })}
          showWindow
          onRemove={() => props.onRemoveCriterion(ci)}
          removeLabel={fmt(t.criterion.remove, { n: ci + 1 })}
        />
      ))}
      <div className="actions fz-add">
        <Select
          id={`${p}-newtype`}
          className="inline"
          label={t.group.newType}
          value={newType}
          options={CRITERION_TYPES.map((v) => ({ value: v, label: t.types[v] ?? v }))}
          onChange={setNewType}
        />
        <button
          type="button"
          className="button secondary small"
          onClick={() => props.onAddCriterion(newType)}
          data-testid={`${p}-add`}
        >
          {t.group.addCriterion}
        </button>
        <button
          type="button"
          className="button danger small"
          onClick={props.onRemove}
          data-testid={`${p}-remove`}
        >
          {fmt(t.group.remove, { n: gi + 1 })}
        </button>
      </div>
    </section>
  );
}
