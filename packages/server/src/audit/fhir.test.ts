import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, type AuditContent, type AuditEvent } from './chain';
import { CHAIN_EXTENSION, fhirMapping, toFhirAuditEvent, type FhirAuditEvent } from './fhir';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';

function stored(content: AuditContent, seq = 42, prevHash = GENESIS_HASH): AuditEvent {
  return { ...content, seq, prevHash, hash: eventHash(prevHash, content) };
}

/**
 * Structural check of a FHIR R4 AuditEvent: `@medplum/core` is not installed in this repository, so
 * the required elements, cardinalities and value sets of R4 are asserted here by hand.
 */
function r4Problems(r: FhirAuditEvent): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  const isCoding = (c: unknown) =>
    !!c &&
    typeof (c as { system?: unknown }).system === 'string' &&
    typeof (c as { code?: unknown }).code === 'string';
  need(r.resourceType === 'AuditEvent', 'resourceType');
  need(/^[A-Za-z0-9\-.]{1,64}$/.test(r.id), 'id (FHIR id)');
  need(isCoding(r.type), 'type 1..1 Coding');
  need(
    r.subtype === undefined || (Array.isArray(r.subtype) && r.subtype.every(isCoding)),
    'subtype 0..* Coding',
  );
  need(['C', 'R', 'U', 'D', 'E'].includes(r.action), 'action (audit-event-action)');
  // instant: a full date-time with seconds and a zone
  need(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(r.recorded), 'recorded 1..1 instant');
  need(['0', '4', '8', '12'].includes(r.outcome), 'outcome (audit-event-outcome)');
  need(Array.isArray(r.agent) && r.agent.length >= 1, 'agent 1..*');
  for (const a of r.agent ?? []) {
    need(typeof a.requestor === 'boolean', 'agent.requestor 1..1');
    need(a.who?.identifier?.value || a.who?.display, 'agent.who');
    need(a.type === undefined || a.type.coding.every(isCoding), 'agent.type CodeableConcept');
  }
  need(r.source && (r.source.observer?.display || r.source.observer?.identifier), 'source.observer 1..1');
  need(r.source?.type?.every(isCoding), 'source.type 0..* Coding');
  for (const e of r.entity ?? []) {
    need(e.what === undefined || e.what.identifier?.value, 'entity.what Reference');
    for (const d of e.detail ?? [])
      need(typeof d.type === 'string' && typeof d.valueString === 'string', 'entity.detail');
  }
  for (const x of r.extension ?? []) {
    need(/^https?:\/\//.test(x.url), 'extension.url absolute');
    for (const sub of x.extension) {
      const values = Object.keys(sub).filter((k) => k.startsWith('value'));
      need(values.length === 1, `extension ${sub.url} has exactly one value[x]`);
    }
  }
  return problems;
}

describe('audit events as FHIR R4 AuditEvent', () => {
  it('maps the events the issue names to DICOM / HL7 audit codes', () => {
    const code = (action: string) => {
      const m = fhirMapping(action);
      return [m.type.code, m.subtype?.[0]?.code ?? null, m.action];
    };
    expect(code('auth.sign-in')).toEqual(['110114', '110122', 'E']); // User Authentication / Login
    expect(code('permit.grant')).toEqual(['110113', '110135', 'C']); // Security Alert / Object Security Attributes Changed
    expect(code('permit.revoke')).toEqual(['110113', '110135', 'U']);
    expect(code('dataset.view')).toEqual(['rest', 'read', 'R']); // data access
    expect(code('task.enqueue')).toEqual(['110112', null, 'E']); // task sent: Query
    expect(code('task.complete')).toEqual(['110107', null, 'C']); // result received: Import
    expect(code('output.release')).toEqual(['110106', null, 'E']); // result released: Export
    expect(code('message.reject')).toEqual(['110113', '110126', 'E']); // Node Authentication
    expect(code('node.approve')).toEqual(['110113', '110129', 'U']); // Security Configuration
    expect(code('audit.export')).toEqual(['110101', null, 'R']); // Audit Log Used
    expect(code('something.new')).toEqual(['110100', null, 'E']); // Application Activity
    expect(fhirMapping('auth.sign-in').type.system).toBe(DCM);
  });

  it('writes a structurally valid AuditEvent with who, what, outcome and the chain position', () => {
    const e = stored({
      at: '2026-11-28T10:00:00.000Z',
      actor: 'account:holder-fi',
      action: 'auth.sign-in',
      object: 'account:holder-fi',
      outcome: 'denied',
      details: { reason: 'wrong password', ip: '203.0.113.9' },
    });
    const r = toFhirAuditEvent(e, 'Demo HDAB hub');
    expect(r4Problems(r)).toEqual([]);
    expect(r).toMatchObject({
      resourceType: 'AuditEvent',
      id: 'audit-42',
      type: { system: DCM, code: '110114' },
      subtype: [{ system: DCM, code: '110122' }],
      action: 'E',
      recorded: '2026-11-28T10:00:00.000Z',
      outcome: '4',
      outcomeDesc: 'wrong password',
      agent: [
        {
          who: {
            identifier: { system: 'urn:openehds:actor', value: 'account:holder-fi' },
            display: 'account:holder-fi',
          },
          requestor: true,
          type: { coding: [{ code: 'humanuser' }] },
        },
      ],
      source: { observer: { display: 'Demo HDAB hub' } },
      entity: [
        {
          what: { identifier: { value: 'account:holder-fi' } },
          detail: [{ type: 'details', valueString: '{"ip":"203.0.113.9","reason":"wrong password"}' }],
        },
      ],
    });
    const chain = r.extension.find((x) => x.url === CHAIN_EXTENSION)!.extension;
    expect(chain).toEqual([
      { url: 'seq', valueInteger: 42 },
      { url: 'prevHash', valueString: GENESIS_HASH },
      { url: 'hash', valueString: e.hash },
      { url: 'action', valueString: 'auth.sign-in' },
    ]);
  });

  it('maps outcomes to 0 / 4 / 8 and leaves out an entity when there is nothing to name', () => {
    const base: AuditContent = {
      at: '2026-11-28T10:00:00.000Z',
      actor: 'system',
      action: 'task.complete',
      object: null,
      outcome: 'success',
      details: {},
    };
    const outcome = (o: AuditContent['outcome']) => toFhirAuditEvent(stored({ ...base, outcome: o })).outcome;
    expect([outcome('success'), outcome('denied'), outcome('rejected'), outcome('failure')]).toEqual([
      '0',
      '4',
      '4',
      '8',
    ]);
    const bare = toFhirAuditEvent(stored(base));
    expect(bare.entity).toBeUndefined();
    expect(bare.agent[0]!.type).toBeUndefined();
    expect(r4Problems(bare)).toEqual([]);
  });
});
