/**
 * Pure helpers of the application editor: list inputs, the content as sent (optional fields left
 * empty are left out, since the hub checks the format of every field that is present), purpose
 * eligibility (Art. 53(2)) and the JSON export.
 */
import {
  PUBLIC_BODY_PURPOSES,
  type ApplicationContent,
  type ApplicationView,
  type Principal,
  type Purpose,
} from '@openehds/client';

/** Splits a comma-separated input into trimmed, non-empty, distinct items (upper-cased on request). */
export function splitList(text: string, upper = false): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const item = upper ? part.trim().toUpperCase() : part.trim();
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

/** Joins a list for a comma-separated input. */
export function joinList(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** Adds or removes one value of a multi-select, keeping the order of `order` when given. */
export function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean, order?: readonly T[]): T[] {
  const set = new Set(list ?? []);
  if (on) set.add(value);
  else set.delete(value);
  const out = [...set];
  return order ? order.filter((v) => set.has(v)) : out;
}

/** A number input's value: empty or not a number → undefined. */
export function numberOrUndefined(raw: string): number | undefined {
  if (raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

const blank = (s: string | undefined) => (s?.trim() ? s : undefined);

/**
 * Drops rows left completely empty at the end of a list (a person or table just added, nothing
 * typed yet), so adding a row does not make the autosave fail before the user could type. Only
 * trailing rows go: the others keep their index, which is how the hub's issues find their field.
 */
export function withoutTrailingBlanks<T>(rows: readonly T[], isBlank: (row: T) => boolean): T[] {
  let end = rows.length;
  while (end > 0 && isBlank(rows[end - 1]!)) end--;
  return rows.slice(0, end);
}

const emptyText = (s: string | undefined) => !s?.trim();

/** Drops keys whose value is undefined, and the whole object when nothing is left. */
function compact<T extends object>(obj: T): T | undefined {
  const out = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The content as the editor sends it: optional strings with a format (ORCID, dates, enums) are left
 * out while empty, so a half-filled form still autosaves; whatever is present is sent as typed, and
 * the hub reports its format problems beside the field.
 */
export function cleanContent(c: ApplicationContent): ApplicationContent {
  const out: ApplicationContent = { ...c };
  if (c.persons)
    out.persons = withoutTrailingBlanks(
      c.persons,
      (p) => emptyText(p.name) && emptyText(p.email) && emptyText(p.affiliation) && emptyText(p.orcid),
    ).map((p) => {
      const person = { ...p, affiliation: blank(p.affiliation), orcid: blank(p.orcid)?.trim() };
      return compact(person) as typeof p;
    });
  if (c.period) out.period = compact({ from: blank(c.period.from), to: blank(c.period.to) });
  if (c.legalBasis)
    out.legalBasis = compact({
      article: c.legalBasis.article || undefined,
      explanation: c.legalBasis.explanation,
    });
  if (c.ethics) out.ethics = compact({ ...c.ethics, status: c.ethics.status || undefined });
  if (c.tools) out.tools = compact({ ...c.tools });
  if (c.publicBodyAccess) out.publicBodyAccess = compact({ ...c.publicBodyAccess });
  if (c.optOutException) out.optOutException = compact({ ...c.optOutException });
  if (c.statisticalContent)
    out.statisticalContent = compact({
      ...c.statisticalContent,
      tables: c.statisticalContent.tables
        ? withoutTrailingBlanks(
            c.statisticalContent.tables,
            (tb) => emptyText(tb.measure) && tb.dimensions.length === 0 && emptyText(tb.population),
          ).map((tb) => compact({ ...tb, population: blank(tb.population) })!)
        : undefined,
    });
  return compact(out) ?? {};
}

/** Whether the signed-in principal acts for a verified public sector or EU body (Art. 53(2)). */
export function isVerifiedPublicBody(principal: Principal | null | undefined): boolean {
  // Strictly true: a hub that does not send the flag yet (undefined) means "not verified".
  return principal?.publicBodyVerified === true;
}

/** Whether a purpose may be chosen: (a)–(c) only by verified public bodies, unless already chosen (so it can be removed). */
export function purposeSelectable(
  purpose: Purpose,
  verifiedPublicBody: boolean,
  chosen: readonly Purpose[],
): boolean {
  return verifiedPublicBody || !PUBLIC_BODY_PURPOSES.includes(purpose) || chosen.includes(purpose);
}

/** The file as a JSON document for the applicant's own records (the hub's export renders the PDF). */
export function exportJson(
  view: Pick<ApplicationView, 'reference' | 'kind' | 'status' | 'version' | 'content'>,
  now = new Date(),
): string {
  return `${JSON.stringify(
    {
      reference: view.reference,
      kind: view.kind,
      status: view.status,
      version: view.version,
      exportedAt: now.toISOString(),
      content: view.content,
    },
    null,
    2,
  )}\n`;
}

/** The file name of an export (`FI-APP-2027-000042.json`). */
export function exportFileName(reference: string, ext: string): string {
  return `${reference.replace(/[^A-Za-z0-9._-]+/g, '_')}.${ext}`;
}
