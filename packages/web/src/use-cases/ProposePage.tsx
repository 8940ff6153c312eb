import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  USE_CASE_AI_ACT_CLASSES,
  USE_CASE_DEVICE_CLASSES,
  type UseCaseAiActClass,
  type UseCaseDeviceClass,
  type UseCaseProposal,
} from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { ui } from '../i18n/ui';
import { useTitle } from '../layout/use-title';
import { useCaseApi } from './api';
import { errAttrs, Field, VocabSelect } from './fields';
import { useCasesText as t } from './strings';
import { issuesByPath } from './view';
import './use-cases.css';

/** The proposal form (exported for the markup test), given the issues of a refused submission. */
export function ProposalForm({
  initialIssues = {},
  onSubmit,
}: {
  initialIssues?: Record<string, string[]>;
  onSubmit: (proposal: UseCaseProposal) => Promise<Record<string, string[]> | null>;
}) {
  const [issues, setIssues] = useState(initialIssues);
  const [categories, setCategories] = useState<string[]>([]);
  const catIssues = Object.entries(issues)
    .filter(([path]) => path.startsWith('dataCategories'))
    .flatMap(([, m]) => m);
  return (
    <form
      noValidate
      data-testid="uc-proposal-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const s = (k: string) => String(f.get(k) ?? '');
        const found = await onSubmit({
          title: s('title'),
          problem: s('problem'),
          benefit: s('benefit'),
          dataCategories: categories,
          keywords: s('keywords')
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
          aiMethod: s('aiMethod'),
          aiActClass: s('aiActClass') as UseCaseAiActClass,
          deviceClass: s('deviceClass') as UseCaseDeviceClass,
        });
        if (found) setIssues(found);
      }}
    >
      {Object.keys(issues).length > 0 && (
        <p className="alert alert-error" role="alert">
          {t.proposalRefused} {(issues[''] ?? []).join(' ')}
        </p>
      )}
      {(['title', 'problem', 'benefit', 'aiMethod'] as const).map((name) => {
        const id = `uc-${name}`;
        const label = {
          title: t.fieldTitle,
          problem: t.fieldProblem,
          benefit: t.fieldBenefit,
          aiMethod: t.fieldAiMethod,
        }[name];
        return (
          <Field key={name} id={id} label={label} messages={issues[name]}>
            {name === 'title' || name === 'aiMethod' ? (
              <input id={id} name={name} type="text" data-testid={id} {...errAttrs(id, issues[name])} />
            ) : (
              <textarea id={id} name={name} rows={4} data-testid={id} {...errAttrs(id, issues[name])} />
            )}
          </Field>
        );
      })}
      <fieldset aria-describedby={catIssues.length ? 'uc-cats-err' : undefined}>
        <legend>{t.fieldCategories}</legend>
        <div className="use-case-categories">
          {Object.entries(ui.healthCategories).map(([code, name]) => (
            <div className="field checkbox" key={code}>
              <input
                type="checkbox"
                id={`uc-cat-${code}`}
                checked={categories.includes(code)}
                data-testid={`uc-cat-${code}`}
                onChange={(e) =>
                  setCategories(
                    e.target.checked ? [...categories, code] : categories.filter((c) => c !== code),
                  )
                }
              />
              <label htmlFor={`uc-cat-${code}`}>{name}</label>
            </div>
          ))}
        </div>
        {catIssues.length > 0 && (
          <p id="uc-cats-err" className="field-error">
            {catIssues.join(' ')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="uc-keywords">{t.fieldKeywords}</label>
        <input
          id="uc-keywords"
          name="keywords"
          type="text"
          data-testid="uc-keywords"
          aria-describedby="uc-keywords-hint"
        />
        <p id="uc-keywords-hint" className="hint">
          {t.fieldKeywordsHint}
        </p>
      </div>
      <VocabSelect
        id="uc-aiActClass"
        name="aiActClass"
        label={t.fieldAiAct}
        values={USE_CASE_AI_ACT_CLASSES}
        names={t.aiActClasses}
        defaultValue="not_assessed"
      />
      <VocabSelect
        id="uc-deviceClass"
        name="deviceClass"
        label={t.fieldDevice}
        values={USE_CASE_DEVICE_CLASSES}
        names={t.deviceClasses}
        defaultValue="none"
      />
      <button type="submit" className="button" data-testid="uc-submit-proposal">
        {t.submitProposal}
      </button>
    </form>
  );
}

/** `/use-cases/new`: propose a use case, then go to its page. */
export function ProposePage() {
  useTitle(t.newTitle);
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <h1>{t.newTitle}</h1>
      <p className="muted">{t.newIntro}</p>
      {error ? <ErrorBox error={error} /> : null}
      <ProposalForm
        onSubmit={async (proposal) => {
          try {
            const { id } = await useCaseApi.propose(proposal);
            navigate(`/use-cases/${id}`);
            return null;
          } catch (err) {
            const found = issuesByPath(err);
            if (!Object.keys(found).length) setError(err);
            return found;
          }
        }}
      />
    </>
  );
}
