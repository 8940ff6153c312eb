import type { PathwayAnswersJson, PathwayQuestionJson } from '@openehds/client';

/** The questionnaire's steps in order, then the report. */
export const GROUPS = ['purpose', 'route', 'gdpr', 'device', 'ai'] as const;
export const REPORT = 'report';

/** The answers kept in the URL (`?purpose=EDUCATION&prohibitedUses=none&step=route`), so a link restores them. */
export function answersFromSearch(
  params: URLSearchParams,
  questions: readonly PathwayQuestionJson[],
): PathwayAnswersJson {
  const answers: PathwayAnswersJson = {};
  for (const q of questions) {
    const raw = params.get(q.id);
    if (!raw) continue;
    answers[q.id] = q.kind === 'multi' ? raw.split(',').filter(Boolean) : raw;
  }
  return answers;
}

/** The URL query of the answers and the step. */
export function answersToSearch(answers: PathwayAnswersJson, step: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const [id, a] of Object.entries(answers)) {
    const v = typeof a === 'string' ? a : a.join(',');
    if (v) params.set(id, v);
  }
  params.set('step', step);
  return params;
}

/** The steps that have a question to show, in order (a step with none, e.g. GDPR for statistics, is skipped). */
export function activeGroups(
  visible: readonly string[],
  questions: readonly PathwayQuestionJson[],
): string[] {
  const groups = new Set(questions.filter((q) => visible.includes(q.id)).map((q) => q.group));
  return GROUPS.filter((g) => groups.has(g));
}

/** The step after `current`: the next active group, or the report (at once when the pathway stopped). */
export function nextStep(current: string, groups: readonly string[], stopped: boolean): string {
  if (stopped) return REPORT;
  const i = groups.indexOf(current);
  return groups[i + 1] ?? REPORT;
}

/** The step before `current` (the last active group from the report); null on the first. */
export function previousStep(current: string, groups: readonly string[]): string | null {
  if (current === REPORT) return groups[groups.length - 1] ?? null;
  const i = groups.indexOf(current);
  return i > 0 ? groups[i - 1]! : null;
}

/** A new answer set after choosing `option` of a question: multi toggles, and "none" excludes the others. */
export function choose(
  answers: PathwayAnswersJson,
  q: PathwayQuestionJson,
  option: string,
  checked: boolean,
): PathwayAnswersJson {
  if (q.kind === 'single') return { ...answers, [q.id]: option };
  const current = answers[q.id];
  const list = typeof current === 'string' ? [current] : (current ?? []);
  let next = checked ? [...list.filter((o) => o !== option), option] : list.filter((o) => o !== option);
  if (checked && q.noneOption)
    next = option === q.noneOption ? [option] : next.filter((o) => o !== q.noneOption);
  // Keep the questionnaire's order, so the URL and the report read the same way whatever the click order.
  next = q.options.filter((o) => next.includes(o));
  return { ...answers, [q.id]: next };
}
