import { expect } from 'vitest';

/**
 * Checks on server-rendered markup for the a11y tests of the cohort builder and the workspace: every
 * control has a unique id and a label, and every id an aria-describedby names exists (WCAG 1.3.1,
 * 3.3.1, 4.1.1). Test-only.
 */
export function controls(html: string): { tag: string; attrs: string }[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((m) => ({ tag: m[1]!, attrs: m[2]! }));
}

/** An attribute's value in a tag's attribute text. */
export const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** The control with this id. */
export function control(html: string, id: string): { tag: string; attrs: string } {
  const found = controls(html).find((c) => attr(c.attrs, 'id') === id);
  expect(found, `no control #${id}`).toBeTruthy();
  return found!;
}

/** Asserts labels, unique ids and existing aria-describedby targets. */
export function expectAccessible(html: string) {
  const found = controls(html);
  expect(found.length).toBeGreaterThan(0);
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  expect(ids.length, 'duplicate ids').toBe(new Set(ids).size);
  for (const c of found) {
    const id = attr(c.attrs, 'id');
    expect(id, `${c.tag} without id`).toBeTruthy();
    expect(html, `no label for ${c.tag}#${id}`).toContain(`for="${id}"`);
    for (const ref of (attr(c.attrs, 'aria-describedby') ?? '').split(' ').filter(Boolean))
      expect(html, `${c.tag}#${id} describedby ${ref}`).toContain(`id="${ref}"`);
  }
  for (const m of html.matchAll(/<fieldset\b([^>]*)>/g))
    for (const ref of (attr(m[1]!, 'aria-describedby') ?? '').split(' ').filter(Boolean))
      expect(html, `fieldset describedby ${ref}`).toContain(`id="${ref}"`);
}

/** The text of the element with this id (its first level; enough for short messages). */
export function textOf(html: string, id: string): string {
  const m = new RegExp(`id="${id}"[^>]*>(.*?)</(ul|p|div)>`).exec(html);
  return (m?.[1] ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
