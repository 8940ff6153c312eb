import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { useCaseApi } from './api';
import { useCasesText as t } from './strings';
import { UseCaseView, type UseCaseActions } from './UseCaseView';
import { issuesByPath } from './view';
import './use-cases.css';

/** Runs a write, reloads the page's data, and returns the refusal's issues (or rethrows other errors). */
async function attempt(
  write: () => Promise<unknown>,
  reload: () => void,
): Promise<Record<string, string[]> | null> {
  try {
    await write();
    reload();
    return null;
  } catch (err) {
    const found = issuesByPath(err);
    if (Object.keys(found).length) return found;
    return { '': [err instanceof Error ? err.message : String(err)] };
  }
}

/** `/use-cases/:id`: the use case, its data availability, scores, votes, comments, stage and links. */
export function UseCasePage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const q = useAsync((signal) => useCaseApi.get(id, signal), [id]);
  useTitle(q.data ? `${q.data.reference} ${q.data.title}` : t.listTitle);
  const actions: UseCaseActions = {
    score: (scores) => attempt(() => useCaseApi.score(id, scores as never), q.reload),
    vote: async () => {
      await attempt(() => useCaseApi.toggleVote(id), q.reload);
    },
    comment: (body) => attempt(() => useCaseApi.comment(id, body), q.reload),
    move: (stage, reason) => attempt(() => useCaseApi.moveStage(id, stage, reason || undefined), q.reload),
    link: (kind, target) => attempt(() => useCaseApi.link(id, kind, target), q.reload),
  };
  return (
    <>
      <p>
        <Link to="/use-cases">{t.back}</Link>
      </p>
      {q.loading && !q.data && <Loading />}
      {q.error ? <ErrorBox error={q.error} onRetry={q.reload} /> : null}
      {q.data && (
        <>
          <h1>
            {q.data.reference} {q.data.title}
          </h1>
          <UseCaseView
            key={q.data.updatedAt + q.data.scoreCount}
            detail={q.data}
            canMoveStage={principal?.role === 'hdab_staff'}
            actions={actions}
          />
        </>
      )}
    </>
  );
}
