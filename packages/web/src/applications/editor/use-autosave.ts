import { useEffect, useRef, useState } from 'react';
import type { ApiIssue, ApplicationContent, ApplicationView } from '@openehds/client';
import { applicationsApi } from '../api';
import { createAutosaver, type Autosaver, type SaveState } from '../autosave';
import { cleanContent } from '../content-edit';

/** Wait after the last keystroke before saving. */
export const AUTOSAVE_DELAY_MS = 1000;

/** The editor's autosave: its state, the format problems of the last refused save, and its controls. */
export interface AutosaveHandle {
  state: SaveState;
  /** Issues of the last save the hub refused (400); cleared by the next successful save. */
  issues: ApiIssue[];
  edit(content: ApplicationContent): void;
  flush(): Promise<SaveState>;
}

/**
 * Autosaves one file's content. `onSaved` receives the hub's updated view (new version,
 * completeness); the editor keeps its own copy of the content, so typing is never overwritten by
 * a save's answer.
 */
export function useAutosave(view: ApplicationView, onSaved: (view: ApplicationView) => void): AutosaveHandle {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const saver = useRef<Autosaver<ApplicationContent> | null>(null);
  if (!saver.current) {
    const id = view.id;
    saver.current = createAutosaver<ApplicationContent, ApplicationView>({
      delayMs: AUTOSAVE_DELAY_MS,
      version: view.version,
      save: (content, version) => applicationsApi.saveContent(id, cleanContent(content), version),
      onState: (s) => {
        setState(s);
        if (s.kind === 'invalid') setIssues(s.issues);
        else if (s.kind === 'saved') setIssues([]);
      },
      onSaved: (v) => onSavedRef.current(v),
    });
  }
  const current = saver.current;

  useEffect(() => {
    // Leaving the page with edits still waiting: warn before the browser discards them…
    const warn = (e: BeforeUnloadEvent) => {
      if (current.busy()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // …and on navigation inside the app, send them at once.
      if (current.busy()) void current.flush();
    };
  }, [current]);

  return { state, issues, edit: current.edit, flush: current.flush };
}
