/**
 * The public register as an Atom feed (RFC 4287), so anyone can follow what the HDAB publishes under
 * Art. 57(1)(j) without polling the JSON API. Pure: register events in, XML out.
 */

/** The kinds of register event the feed carries. */
export const REGISTER_EVENT_TYPES = {
  'application-received': 'Application received',
  'request-received': 'Health data request received',
  'decision-issued': 'Decision issued',
  'permit-amended': 'Permit amended',
  'permit-renewed': 'Permit renewed',
  'permit-revoked': 'Permit revoked',
  'permit-expired': 'Permit expired',
  'result-reported': 'Result reported',
} as const;

export type RegisterEventType = keyof typeof REGISTER_EVENT_TYPES;

/** One event of the register. */
export interface RegisterEvent {
  type: RegisterEventType;
  /** Stable key of the event within its type (a reference, a permit id, a result id). */
  key: string;
  /** When it entered the register (Atom `updated`). */
  updated: string;
  /** When it happened, if earlier (a decision published after it was issued). */
  published?: string;
  title: string;
  summary: string;
  /** Where to read more. */
  link: string;
}

/** The feed's own description. */
export interface FeedInfo {
  /** The hub's public URL; ids and links are made from it. */
  baseUrl: string;
  hdabName: string;
  hdabUrl: string;
  hdabEmail?: string;
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return (
    text
      // XML 1.0 §2.2 Char: tab, newline, carriage return and the rest of Unicode minus surrogates.
      // eslint-disable-next-line no-control-regex
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;

/** The feed document: newest entry first; `updated` is the newest entry's, or `now` for an empty feed. */
export function atomFeed(info: FeedInfo, events: readonly RegisterEvent[], now: Date): string {
  const base = info.baseUrl.replace(/\/$/, '');
  const sorted = [...events].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = sorted[0]?.updated ?? now.toISOString();
  const entries = sorted.map((e) =>
    [
      '  <entry>',
      `    ${el('id', `${base}/register/events/${e.type}/${encodeURIComponent(e.key)}`)}`,
      `    ${el('title', e.title)}`,
      `    ${el('updated', e.updated)}`,
      e.published ? `    ${el('published', e.published)}` : null,
      `    <link rel="alternate" href="${xmlEscape(e.link)}"/>`,
      `    <category term="${e.type}" label="${xmlEscape(REGISTER_EVENT_TYPES[e.type])}" scheme="${xmlEscape(`${base}/register/event-types`)}"/>`,
      `    ${el('summary', e.summary, ' type="text"')}`,
      '  </entry>',
    ]
      .filter((l) => l !== null)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  ${el('id', `${base}/register.atom`)}`,
    `  ${el('title', `${info.hdabName}: public register of health data access`)}`,
    `  ${el('subtitle', 'Applications and requests received, decisions, permits and results, published under Art. 57(1)(j) of Regulation (EU) 2025/327')}`,
    `  ${el('updated', updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/register.atom`)}"/>`,
    `  <link rel="alternate" type="application/json" href="${xmlEscape(`${base}/api/register/applications`)}"/>`,
    '  <author>',
    `    ${el('name', info.hdabName)}`,
    `    ${el('uri', info.hdabUrl)}`,
    info.hdabEmail ? `    ${el('email', info.hdabEmail)}` : null,
    '  </author>',
    `  ${el('generator', 'OpenEHDS')}`,
    ...entries,
    '</feed>',
    '',
  ]
    .filter((l) => l !== null)
    .join('\n');
}
