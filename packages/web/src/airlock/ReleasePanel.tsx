import { useId, useState } from 'react';
import type { AirlockRequestView } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { airlockApi } from './api';
import { airlockText as t } from './strings';

/** A checker releases an approved request: from then on its author may download the files. */
export function ReleasePanel({
  view,
  onDone,
}: {
  view: AirlockRequestView;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function release() {
    setBusy(true);
    setError(null);
    try {
      await airlockApi.release(view.id);
      onDone(t.release.done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="airlock-release-panel">
      <h2 id={`${id}-title`}>{t.release.title}</h2>
      <p className="hint">{t.release.intro}</p>
      {error != null && <ErrorBox error={error} />}
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void release()}
        data-testid="airlock-release"
      >
        {busy ? t.release.working : t.release.submit}
      </button>
    </section>
  );
}
