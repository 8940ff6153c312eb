import { useState } from 'react';
import { ApiError } from '@openehds/client';
import { issuesByField } from './form-model';

/**
 * The saving state of a form: busy, the hub's problem+json issues placed on fields (errors beside
 * fields), and any other failure for an alert.
 */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const run = async (save: () => Promise<void>, local: { path: string; message: string }[] = []) => {
    setError(null);
    if (local.length) {
      setFields(issuesByField(local));
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await save();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const byField = issuesByField(err.issues);
        setFields(byField);
        // Issues naming no field go to the alert, with the problem's detail.
        if (byField['']) setError(err);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, fields, error, run };
}
