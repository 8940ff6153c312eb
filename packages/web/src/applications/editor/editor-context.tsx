import { createContext, useContext } from 'react';
import type { ApplicationContent, ApplicationKind } from '@openehds/client';
import type { FieldMessagesProps } from '../form-fields';

/** What every step of the editor reads and writes. */
export interface EditorApi {
  kind: ApplicationKind;
  content: ApplicationContent;
  /** Applies a change to the content; it is autosaved after a short pause. */
  update(change: (c: ApplicationContent) => ApplicationContent): void;
  /** Sets one top-level field. */
  set<K extends keyof ApplicationContent>(key: K, value: ApplicationContent[K]): void;
  /** The messages to show beside the field at `path`. */
  msgs(path: string): FieldMessagesProps;
  /** The principal acts for a verified public sector or EU body (Art. 53(2), 67(5)). */
  verifiedPublicBody: boolean;
}

export const EditorContext = createContext<EditorApi | null>(null);

/** The editor's state; only valid inside the editor. */
export function useEditor(): EditorApi {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor must be used inside the application editor');
  return ctx;
}
