import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { RankingMethod, UseCaseRanking, UseCaseSummary } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { useCaseApi } from './api';
import { RankingPanel } from './RankingPanel';
import { SensitivityPanel } from './SensitivityPanel';
import { useCasesText as t } from './strings';
import { issuesByPath, weightDraft, weightsPayload, type WeightDraft } from './view';
import './use-cases.css';

/** Every use case, newest first (exported for the markup test). */
export function UseCaseTable({ items }: { items: UseCaseSummary[] }) {
  if (!items.length) return <p data-testid="uc-list-empty">{t.none}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="uc-list">
        <caption>{t.allCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colUseCase}</th>
            <th scope="col">{t.colStage}</th>
            <th scope="col">{t.colAiAct}</th>
            <th scope="col" className="num">
              {t.colVotes}
            </th>
            <th scope="col" className="num">
              {t.colScorers}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id} data-testid={`uc-row-${u.reference}`}>
              <th scope="row">
                <Link to={`/use-cases/${u.id}`}>
                  {u.reference} {u.title}
                </Link>
              </th>
              <td>{t.stages[u.stage]}</td>
              <td>{t.aiActClasses[u.aiActClass]}</td>
              <td className="num">{u.votes}</td>
              <td className="num">{u.scoreCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/use-cases`: the ranking with its weights and method, the sensitivity view and all use cases. */
export function UseCasesPage() {
  useTitle(t.listTitle);
  const { principal } = useAuth();
  const defaults = useAsync((signal) => useCaseApi.weights(signal), []);
  const list = useAsync((signal) => useCaseApi.list(signal), []);
  const [draft, setDraft] = useState<WeightDraft>({});
  const [method, setMethod] = useState<RankingMethod>('weighted_sum');
  const [ranking, setRanking] = useState<UseCaseRanking | null>(null);
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [criterion, setCriterion] = useState('clinical_benefit');

  const rank = async (weights: WeightDraft, m: RankingMethod) => {
    setNotice(null);
    try {
      setRanking(await useCaseApi.rank({ method: m, weights: weightsPayload(weights) }));
      setIssues({});
      setError(null);
    } catch (err) {
      const found = issuesByPath(err);
      setIssues(found);
      if (Object.keys(found).length) setNotice(t.weightsRefused);
      else setError(err);
    }
  };

  useEffect(() => {
    if (!defaults.data) return;
    const initial = weightDraft(defaults.data.weights);
    setDraft(initial);
    void rank(initial, method);
    // Rank once with the HDAB's defaults when they arrive.
  }, [defaults.data]);

  return (
    <>
      <h1>{t.listTitle}</h1>
      <p className="muted">{t.listIntro}</p>
      <p>
        <Link to="/use-cases/new" className="button" data-testid="uc-propose">
          {t.propose}
        </Link>
      </p>
      {defaults.error ? <ErrorBox error={defaults.error} onRetry={defaults.reload} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {defaults.data && (
        <RankingPanel
          criteria={defaults.data.criteria}
          draft={draft}
          method={method}
          issues={issues}
          ranking={ranking}
          canStoreDefaults={principal?.role === 'hdab_staff'}
          notice={notice}
          onWeight={(id, value) => setDraft({ ...draft, [id]: value })}
          onMethod={(m) => {
            setMethod(m);
            void rank(draft, m);
          }}
          onRank={() => void rank(draft, method)}
          onReset={() => {
            const initial = weightDraft(defaults.data!.weights);
            setDraft(initial);
            void rank(initial, method);
          }}
          onStoreDefaults={async () => {
            try {
              await useCaseApi.setWeights(weightsPayload(draft));
              setIssues({});
              setNotice(t.defaultsSaved);
              defaults.reload();
            } catch (err) {
              setIssues(issuesByPath(err));
              setNotice(t.weightsRefused);
            }
          }}
        />
      )}
      {ranking && <SensitivityPanel ranking={ranking} criterion={criterion} onCriterion={setCriterion} />}
      <section aria-labelledby="uc-all-h">
        <h2 id="uc-all-h">{t.allTitle}</h2>
        {list.loading && !list.data && <Loading />}
        {list.error ? <ErrorBox error={list.error} onRetry={list.reload} /> : null}
        {list.data && <UseCaseTable items={list.data} />}
      </section>
    </>
  );
}
