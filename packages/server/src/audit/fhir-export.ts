import type { Queryable } from '@openehds/db';
import { toFhirAuditEvent } from './fhir';
import { headSeq, readEvents } from './store';

/** The log as FHIR AuditEvents, streamed page by page: FHIR Bulk Data NDJSON or a collection Bundle. */

/** One AuditEvent per line (FHIR Bulk Data NDJSON). */
export async function* exportFhirNdjson(db: Queryable, observer?: string): AsyncGenerator<string> {
  const upTo = await headSeq(db);
  for await (const page of readEvents(db, { upTo })) {
    let chunk = '';
    for (const e of page) chunk += `${JSON.stringify(toFhirAuditEvent(e, observer))}\n`;
    yield chunk;
  }
}

/** A Bundle of type `collection` holding every AuditEvent. */
export async function* exportFhirBundle(
  db: Queryable,
  observer?: string,
  now = new Date(),
): AsyncGenerator<string> {
  const upTo = await headSeq(db);
  yield `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(now.toISOString())},"entry":[`;
  let first = true;
  for await (const page of readEvents(db, { upTo })) {
    let chunk = '';
    for (const e of page) {
      chunk += `${first ? '' : ','}{"resource":${JSON.stringify(toFhirAuditEvent(e, observer))}}`;
      first = false;
    }
    yield chunk;
  }
  yield ']}';
}
