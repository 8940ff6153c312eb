import { useRef, useState } from 'react';
import { ApiError, type AnalysisRequestJson } from '@openehds/client';
import { workspaceApi } from './api';
import type { FormErrors } from './variables-form';
import type { AnalysisRun } from './types';

/**
 * Running one analysis from a form, as the GLM form does: a request with local problems is not sent
 * (focus moves to the problem count); the hub's 400 issues land on the fields they name; any other
 * error is shown whole; the answer — released, refused or failed — is shown and handed to `onDone`.
 */
export function useAnalysisRun(permitId: string, onDone: (run: AnalysisRun) => void) {
  const [hubErrors, setHubErrors] = useState<FormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<AnalysisRun | null>(null);
  const problems = useRef<HTMLParagraphElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const focus = (el: { current: HTMLElement | null }) => setTimeout(() => el.current?.focus(), 0);

  /** Sends the request (null: the form has local problems) and places the hub's issues with `place`. */
  async function start(request: AnalysisRequestJson | null, place: (path: string) => string) {
    setError(null);
    if (!request) return void focus(problems);
    setRunning(true);
    try {
      const answer = await workspaceApi.analyse(permitId, request);
      setRun(answer);
      onDone(answer);
      focus(result);
    } catch (err) {
      setRun(null);
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        const placed: FormErrors = {};
        for (const i of err.issues) (placed[place(i.path ?? '')] ??= []).push(i.message);
        setHubErrors(placed);
        focus(problems);
      } else setError(err);
    } finally {
      setRunning(false);
    }
  }

  return { hubErrors, clearHubErrors: () => setHubErrors({}), error, running, run, problems, result, start };
}
