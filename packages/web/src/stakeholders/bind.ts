import type { Dispatch, SetStateAction } from 'react';

/** The keys of a draft whose values are text (what an input or a select edits). */
type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * Ties a draft's text fields to their controls: `field(key, slug)` gives the control's id
 * (`<ids.id>-<slug>`), test id (`<ids.testId>-<slug>`), value, change handler and the hub's errors
 * for `key`. A select offers only its vocabulary's values, so the text it reports fits the field.
 */
export function binder<D extends object>(
  ids: { id: string; testId: string },
  draft: D,
  setDraft: Dispatch<SetStateAction<D>>,
  errors: Record<string, string[]>,
) {
  return <K extends TextKeys<D>>(key: K, slug: string = key) => ({
    id: `${ids.id}-${slug}`,
    testId: `${ids.testId}-${slug}`,
    value: draft[key] as string,
    onChange: (v: string) => setDraft((old) => ({ ...old, [key]: v })),
    errors: errors[key],
  });
}
