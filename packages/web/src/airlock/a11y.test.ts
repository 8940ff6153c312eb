import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AirlockFile } from '@openehds/client';
import { NoteField } from './AuthorActions';
import { parseCsv } from './csv';
import { CsvTable } from './CsvTable';
import { DecisionFields } from './DecisionPanel';
import { FileCard } from './FileCard';
import { ReviewFields } from './ReviewForm';
import { ReviewsList } from './ReviewsList';
import { airlockEn as t } from './strings';

/**
 * The airlock's forms and tables, rendered by React as the browser gets them: every control has a
 * label, every id an aria-describedby names exists (hints and errors are read with their field, WCAG
 * 1.3.1, 3.3.1), and file contents stay text.
 */
function controls(html: string): { tag: string; attrs: string }[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((m) => ({ tag: m[1]!, attrs: m[2]! }));
}
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
const byId = (html: string, id: string) => controls(html).find((c) => attr(c.attrs, 'id') === id)!;

function expectAccessible(html: string) {
  const found = controls(html);
  expect(found.length).toBeGreaterThan(0);
  for (const c of found) {
    const id = attr(c.attrs, 'id');
    expect(id, `${c.tag} without id`).toBeTruthy();
    expect(html, `no label for ${c.tag}#${id}`).toContain(`for="${id}"`);
    for (const ref of (attr(c.attrs, 'aria-describedby') ?? '').split(' ').filter(Boolean))
      expect(html, `${c.tag}#${id} describedby ${ref}`).toContain(`id="${ref}"`);
  }
  for (const m of html.matchAll(/aria-describedby="([^"]*)"/g))
    for (const ref of m[1]!.split(' ')) expect(html, `describedby ${ref}`).toContain(`id="${ref}"`);
}

const file = (name: string, outcome: 'pass' | 'fail' | 'review', mediaType = 'text/csv'): AirlockFile => ({
  name,
  mediaType,
  bytes: 2048,
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  autoCheck: {
    kind: 'table',
    outcome,
    summary: outcome === 'pass' ? 'every count cell passes' : '2 count cells would be suppressed',
    record: outcome === 'pass' ? { rule: 'threshold', value: 10 } : null,
  },
});
const FILES = [
  file('table.csv', 'pass'),
  file('small.v2.csv', 'fail'),
  file('plot.png', 'review', 'image/png'),
];

describe('review form markup', () => {
  it('labels every vote and comment, groups each file, and marks the comment required when the check did not pass', () => {
    const html = renderToStaticMarkup(
      createElement(ReviewFields, {
        idPrefix: 'rv',
        files: FILES,
        draft: { votes: {}, comments: {} },
        errors: {},
        onVote: () => {},
        onComment: () => {},
      }),
    );
    expectAccessible(html);
    expect([...html.matchAll(/<legend[^>]*>([^<]*)<\/legend>/g)].map((m) => m[1])).toEqual([
      'File table.csv',
      'Your vote',
      'File small.v2.csv',
      'Your vote',
      'File plot.png',
      'Your vote',
    ]);
    // Three radios per file, in one named group each.
    const radios = controls(html).filter((c) => attr(c.attrs, 'type') === 'radio');
    expect(radios).toHaveLength(9);
    expect(new Set(radios.map((r) => attr(r.attrs, 'name'))).size).toBe(3);
    // A passing file's comment is optional until a vote says otherwise; the others are required.
    expect(byId(html, 'rv-f0-comment').attrs).not.toMatch(/\srequired=""/);
    expect(byId(html, 'rv-f1-comment').attrs).toMatch(/\srequired=""/);
    expect(html).toContain(
      'Required for any vote: the automatic check says “2 count cells would be suppressed”.',
    );
    expect(html).not.toContain('aria-invalid');
  });

  it('requires the comment once the vote is not approve, and ties each error to its field', () => {
    const html = renderToStaticMarkup(
      createElement(ReviewFields, {
        idPrefix: 'rv',
        files: FILES,
        draft: { votes: { 'table.csv': 'request-changes' }, comments: {} },
        errors: {
          'table.csv': { comment: [t.review.commentMissing] },
          'small.v2.csv': { vote: ['vote on every file'] },
        },
        onVote: () => {},
        onComment: () => {},
      }),
    );
    expectAccessible(html);
    const comment = byId(html, 'rv-f0-comment');
    expect(comment.attrs).toMatch(/\srequired=""/);
    expect(attr(comment.attrs, 'aria-invalid')).toBe('true');
    expect(attr(comment.attrs, 'aria-describedby')).toBe('rv-f0-comment-hint rv-f0-comment-err');
    expect(html).toMatch(new RegExp(`id="rv-f0-comment-err"[^>]*><li>${t.review.commentMissing}</li>`));
    expect(attr(byId(html, 'rv-f1-vote-approve').attrs, 'aria-describedby')).toBe('rv-f1-vote-err');
    expect(html).toMatch(/id="rv-f1-vote-err"[^>]*><li>vote on every file<\/li>/);
    expect(byId(html, 'rv-f0-vote-request-changes').attrs).toMatch(/\schecked=""/);
  });
});

describe('decision markup', () => {
  it('enables only the allowed decisions and says why approve is not', () => {
    const html = renderToStaticMarkup(
      createElement(DecisionFields, {
        idPrefix: 'dc',
        allowed: ['return', 'reject'],
        reason: '',
        errors: [t.decision.reasonMissing],
        busy: false,
        onReason: () => {},
        onDecide: () => {},
      }),
    );
    expectAccessible(html);
    const buttons = [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((m) => ({
      attrs: m[1]!,
      text: m[2],
    }));
    expect(buttons.map((b) => [b.text, /\sdisabled=""/.test(b.attrs)])).toEqual([
      ['Approve', true],
      ['Return for changes', false],
      ['Reject', false],
    ]);
    expect(attr(buttons[0]!.attrs, 'aria-describedby')).toBe('dc-no-approve');
    expect(html).toContain(t.decision.approveUnavailable);
    const reason = byId(html, 'dc-reason');
    expect(attr(reason.attrs, 'aria-invalid')).toBe('true');
    expect(attr(reason.attrs, 'aria-describedby')).toBe('dc-reason-hint dc-reason-err');
  });

  it('enables approve after two approving reviews', () => {
    const html = renderToStaticMarkup(
      createElement(DecisionFields, {
        idPrefix: 'dc',
        allowed: ['approve', 'return', 'reject'],
        reason: '',
        errors: [],
        busy: false,
        onReason: () => {},
        onDecide: () => {},
      }),
    );
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Approve/);
    expect(html).not.toContain(t.decision.approveUnavailable);
  });
});

describe('the author’s note', () => {
  it('is a labelled text area with its hint', () => {
    const html = renderToStaticMarkup(
      createElement(NoteField, { id: 'nt', value: '', errors: [], onChange: () => {} }),
    );
    expectAccessible(html);
    expect(attr(byId(html, 'nt').attrs, 'aria-describedby')).toBe('nt-hint');
  });
});

describe('files and previews', () => {
  it('renders CSV cells as text in a table with a caption and column headers, never as markup', () => {
    const preview = parseCsv('group,n\n<img src=x onerror=alert(1)>,40\nb,55\n');
    const html = renderToStaticMarkup(createElement(CsvTable, { name: 'table.csv', preview }));
    expect(html).toContain('<caption>table.csv: all 3 rows</caption>');
    expect(html).toContain('<th scope="col">group</th><th scope="col">n</th>');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).not.toContain('<img');
    // The scrollable region can be reached and named from the keyboard.
    expect(html).toMatch(
      /role="region"[^>]*aria-label="table.csv: all 3 rows"|aria-label="table.csv: all 3 rows"[^>]*role="region"/,
    );
  });

  it('shows a file’s facts and check to a checker with a preview toggle, and no download to an author before release', () => {
    const checker = renderToStaticMarkup(
      createElement(FileCard, { requestId: 'r1', file: FILES[0]!, viewer: 'checker', status: 'SUBMITTED' }),
    );
    expect(checker).toContain('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(checker).toContain('2.0 KiB');
    expect(checker).toContain('Automatic check passed');
    expect(checker).toMatch(/aria-expanded="false"[^>]*aria-controls="([^"]+)"/);
    const controlled = /aria-controls="([^"]+)"/.exec(checker)![1]!;
    expect(checker).toContain(`id="${controlled}"`);
    expect(checker).toContain('&quot;rule&quot;: &quot;threshold&quot;');
    const author = renderToStaticMarkup(
      createElement(FileCard, { requestId: 'r1', file: FILES[0]!, viewer: 'author', status: 'APPROVED' }),
    );
    expect(author).not.toContain('href=');
    expect(author).toContain(t.files.notYet);
    const released = renderToStaticMarkup(
      createElement(FileCard, { requestId: 'r1', file: FILES[0]!, viewer: 'author', status: 'RELEASED' }),
    );
    expect(released).toContain('href="/api/airlock/r1/files/table.csv"');
    expect(released).toContain('data-testid="airlock-download-table.csv"');
    // An image has no inline preview.
    const image = renderToStaticMarkup(
      createElement(FileCard, { requestId: 'r1', file: FILES[2]!, viewer: 'checker', status: 'SUBMITTED' }),
    );
    expect(image).not.toContain('aria-expanded');
  });

  it('lists each review with its votes and comments in a named table', () => {
    const html = renderToStaticMarkup(
      createElement(ReviewsList, {
        reviews: [
          {
            reviewer: 'hdab',
            reviewerId: 'c1',
            submission: 1,
            votes: { 'table.csv': 'request-changes' },
            comments: { 'table.csv': 'Round to 5.' },
            at: '2027-03-01T10:00:00.000Z',
          },
        ],
        files: ['table.csv'],
        reason: 'Round the counts.',
      }),
    );
    expect(html).toContain('1 of 2 reviews.');
    expect(html).toMatch(/<h3 id="([^"]+)">Review by hdab/);
    const heading = /<h3 id="([^"]+)">Review by hdab/.exec(html)![1]!;
    expect(html).toContain(`<table aria-labelledby="${heading}">`);
    expect(html).toContain('<td>Request changes</td><td class="airlock-comment">Round to 5.</td>');
    expect(html).toContain('Round the counts.');
  });
});
