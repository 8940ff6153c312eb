import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { readPdf } from '../pdf/read-pdf';
import { seedCatalogue, walkFile, type WalkedFile } from '../transparency/test-walk';

// A case file taken away as JSON or PDF, by the applicant or HDAB staff, with the file's own visibility.
describe('application export', () => {
  let hub: TestHub;
  let granted: WalkedFile;
  let request: WalkedFile;
  let draft: WalkedFile;
  const exportOf = (who: string, id: string, format?: string) =>
    hub.as(who, { method: 'GET', url: `/api/applications/${id}/export${format ? `?format=${format}` : ''}` });

  beforeAll(async () => {
    hub = await createTestHub();
    await seedCatalogue(hub);
    granted = await walkFile(hub, {
      until: 'GRANTED',
      content: { title: 'Dvořák cohort ≥ 2015 — “full” 漢字' },
    });
    request = await walkFile(hub, {
      kind: 'request',
      until: 'submitted',
      content: { title: 'Diabetes counts' },
    });
    draft = await walkFile(hub, { until: 'draft', content: { title: 'Unsent' } });
  }, 120_000);
  afterAll(() => hub?.close());

  it('exports the content, status, reference and history as JSON', async () => {
    const res = await exportOf('user', granted.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${granted.reference}.json"`);
    const body = res.json();
    expect(body).toMatchObject({
      format: 'openehds.application-export/v1',
      reference: granted.reference,
      kind: 'application',
      status: 'DECISION_ISSUED',
      outcome: 'GRANTED',
      title: 'Dvořák cohort ≥ 2015 — “full” 漢字',
      applicant: { organisation: 'BioNova SAS (demo)' },
      content: {
        purposes: ['SCIENTIFIC_RESEARCH'],
        datasets: [expect.objectContaining({ datasetId: 'fi-biobank' })],
      },
      decision: { outcome: 'GRANTED', permitId: granted.permitId },
    });
    expect(body.history.map((e: { event: string }) => e.event)).toEqual([
      'create',
      'submit',
      'start-pre-screening',
      'complete',
      'decide',
    ]);
    expect((await exportOf('hdab', granted.id, 'json')).json().reference).toBe(granted.reference);
  });

  it('exports a readable PDF organised by the letters of Art. 67(2), with the status history', async () => {
    const res = await exportOf('hdab', granted.id, 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.title).toBe(`${granted.reference}: Dvořák cohort ≥ 2015 — “full” 漢字`);
    expect(pdf.subject).toBe(`${granted.reference} Dvořák cohort ≥ 2015 — “full” 漢字`);
    // Drawn with the standard fonts: letters WinAnsi lacks are transliterated, not dropped or crashing.
    expect(pdf.text).toContain(`${granted.reference}: Dvorák cohort >= 2015 — “full” ??`);
    for (const letter of ['a', 'b', 'c', 'd', 'g', 'i', 'j'])
      expect(pdf.text).toContain(`Art. 67(2)(${letter})`);
    expect(pdf.text).toContain('Status history');
    expect(pdf.text).toMatch(/PROCESSING ->\s+DECISION_ISSUED/);
    expect(pdf.text).toContain('Marie Dubois');
    // Accept: application/pdf chooses the PDF when no format is given.
    const negotiated = await hub.as('user', {
      method: 'GET',
      url: `/api/applications/${granted.id}/export`,
      headers: { accept: 'application/pdf' },
    });
    expect(negotiated.headers['content-type']).toBe('application/pdf');
  });

  it('organises a health data request by the letters of Art. 69(2)', async () => {
    const pdf = await readPdf((await exportOf('user', request.id, 'pdf')).rawPayload);
    expect(pdf.title).toBe(`${request.reference}: Diabetes counts`);
    expect(pdf.text).toContain('Art. 69(2)(d): Statistical content wanted');
    expect(pdf.text).toContain('Counts of type 2 diabetes by age band and sex.');
    expect(pdf.text).not.toContain('Art. 67(2)');
  });

  it('shows a file only to those who may see it', async () => {
    expect((await exportOf('researcher-thl', granted.id)).statusCode).toBe(404);
    expect((await exportOf('hdab', draft.id)).statusCode).toBe(404);
    expect((await exportOf('user', draft.id, 'pdf')).statusCode).toBe(200);
    expect((await exportOf('holder-fi', granted.id)).statusCode).toBe(403);
    expect(
      (await hub.as(null, { method: 'GET', url: `/api/applications/${granted.id}/export` })).statusCode,
    ).toBe(401);
    expect((await exportOf('user', granted.id, 'docx')).statusCode).toBe(400);
  });
});
