import { canonicalJson } from '@openehds/core';
import type { AuditEvent } from './chain';

/**
 * The audit log as FHIR R4 AuditEvent resources (after IHE BALP, the Basic Audit Log Patterns), for
 * SIEMs and auditors that read FHIR. Types and subtypes come from the DICOM audit codes (DCM) where
 * one fits, else from HL7's `rest` type with the RESTful interaction; the chain position (seq,
 * prev_hash, hash) rides in an extension, so a reader can match an AuditEvent to the verified chain.
 * Pure; the table of codes is in README.md.
 */

/** A FHIR Coding. */
export interface Coding {
  system: string;
  code: string;
  display: string;
}

/** The parts of a FHIR R4 AuditEvent we write. */
export interface FhirAuditEvent {
  resourceType: 'AuditEvent';
  id: string;
  extension: { url: string; extension: { url: string; valueInteger?: number; valueString?: string }[] }[];
  type: Coding;
  subtype?: Coding[];
  action: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  outcome: '0' | '4' | '8' | '12';
  outcomeDesc?: string;
  agent: {
    type?: { coding: Coding[] };
    who: { identifier: { system: string; value: string }; display: string };
    requestor: boolean;
  }[];
  source: {
    site?: string;
    observer: { display: string; identifier?: { system: string; value: string } };
    type: Coding[];
  };
  entity?: {
    what?: { identifier: { system: string; value: string }; display: string };
    type?: Coding;
    detail?: { type: string; valueString: string }[];
  }[];
}

/** The extension carrying the chain position. */
export const CHAIN_EXTENSION = 'https://openehds.eu/fhir/StructureDefinition/audit-chain';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const RESTFUL = 'http://hl7.org/fhir/restful-interaction';
const dcm = (code: string, display: string): Coding => ({ system: DCM, code, display });

const APPLICATION_ACTIVITY = dcm('110100', 'Application Activity');
const EXPORT = dcm('110106', 'Export');
const IMPORT = dcm('110107', 'Import');
const QUERY = dcm('110112', 'Query');
const SECURITY_ALERT = dcm('110113', 'Security Alert');
const USER_AUTHENTICATION = dcm('110114', 'User Authentication');
const REST: Coding = { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' };
const rest = (code: 'create' | 'read' | 'update' | 'delete'): Coding => ({
  system: RESTFUL,
  code,
  display: code,
});

type Mapping = Pick<FhirAuditEvent, 'type' | 'subtype' | 'action'>;

/** Rules, first match wins: our action name → AuditEvent type, subtype and action code. */
const RULES: [RegExp, Mapping][] = [
  [/^auth\.sign-in$/, { type: USER_AUTHENTICATION, subtype: [dcm('110122', 'Login')], action: 'E' }],
  [/^auth\.sign-out$/, { type: USER_AUTHENTICATION, subtype: [dcm('110123', 'Logout')], action: 'E' }],
  [
    /^auth\./,
    {
      type: SECURITY_ALERT,
      subtype: [dcm('110137', 'User Security Attributes Changed')],
      action: 'U',
    },
  ],
  [/^audit\./, { type: dcm('110101', 'Audit Log Used'), action: 'R' }],
  [
    /^message\.reject$/,
    { type: SECURITY_ALERT, subtype: [dcm('110126', 'Node Authentication')], action: 'E' },
  ],
  [
    /^node\.register$/,
    { type: SECURITY_ALERT, subtype: [dcm('110126', 'Node Authentication')], action: 'C' },
  ],
  [/^node\./, { type: SECURITY_ALERT, subtype: [dcm('110129', 'Security Configuration')], action: 'U' }],
  [/^holder\.node-token$/, { type: USER_AUTHENTICATION, action: 'E' }],
  [
    /^permit\.(grant|issue|create)/,
    { type: SECURITY_ALERT, subtype: [dcm('110135', 'Object Security Attributes Changed')], action: 'C' },
  ],
  [
    /^permit\./,
    { type: SECURITY_ALERT, subtype: [dcm('110135', 'Object Security Attributes Changed')], action: 'U' },
  ],
  // A task is a query sent to a data holder's node; its result is data entering the hub.
  [/^task\.(enqueue|claim|redeliver)$/, { type: QUERY, action: 'E' }],
  [/^task\.complete$/, { type: IMPORT, action: 'C' }],
  [/\.(release|download|export)$/, { type: EXPORT, action: 'E' }],
  [/\.(search|query|list)$/, { type: QUERY, action: 'E' }],
  [/\.(view|read|get|access)$/, { type: REST, subtype: [rest('read')], action: 'R' }],
  [/\.(create|publish|register|submit|add)$/, { type: REST, subtype: [rest('create')], action: 'C' }],
  [/\.(delete|remove|withdraw|erase)$/, { type: REST, subtype: [rest('delete')], action: 'D' }],
  [
    /\.(update|approve|reject|revoke|decide|change|amend|assign|complete)$/,
    { type: REST, subtype: [rest('update')], action: 'U' },
  ],
];

/** Type, subtype and action code for one of our action names. */
export function fhirMapping(action: string): Mapping {
  for (const [pattern, mapping] of RULES) if (pattern.test(action)) return mapping;
  return { type: APPLICATION_ACTIVITY, action: 'E' };
}

const OUTCOME: Record<AuditEvent['outcome'], FhirAuditEvent['outcome']> = {
  success: '0',
  // Refused requests are the caller's fault (HTTP 4xx: minor failure), failures the system's (8).
  denied: '4',
  rejected: '4',
  failure: '8',
};

function agentType(actor: string): { coding: Coding[] } | undefined {
  const system = 'http://terminology.hl7.org/CodeSystem/extra-security-role-type';
  if (actor.startsWith('account:')) return { coding: [{ system, code: 'humanuser', display: 'human user' }] };
  if (actor.startsWith('node:'))
    return { coding: [{ system, code: 'dataprocessor', display: 'data processor' }] };
  return undefined;
}

/** One stored event as a FHIR R4 AuditEvent; `observer` names the hub that recorded it. */
export function toFhirAuditEvent(e: AuditEvent, observer = 'OpenEHDS hub'): FhirAuditEvent {
  const mapping = fhirMapping(e.action);
  const reason = e.details.reason ?? e.details.message;
  const hasDetails = Object.keys(e.details).length > 0;
  const type = agentType(e.actor);
  const resource: FhirAuditEvent = {
    resourceType: 'AuditEvent',
    id: `audit-${e.seq}`,
    extension: [
      {
        url: CHAIN_EXTENSION,
        extension: [
          { url: 'seq', valueInteger: e.seq },
          { url: 'prevHash', valueString: e.prevHash },
          { url: 'hash', valueString: e.hash },
          { url: 'action', valueString: e.action },
        ],
      },
    ],
    type: mapping.type,
    ...(mapping.subtype ? { subtype: mapping.subtype } : {}),
    action: mapping.action,
    recorded: e.at,
    outcome: OUTCOME[e.outcome] ?? '8',
    ...(typeof reason === 'string' && e.outcome !== 'success' ? { outcomeDesc: reason } : {}),
    agent: [
      {
        ...(type ? { type } : {}),
        who: { identifier: { system: 'urn:openehds:actor', value: e.actor }, display: e.actor },
        requestor: true,
      },
    ],
    source: {
      observer: { display: observer },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
  };
  if (e.object || hasDetails) {
    resource.entity = [
      {
        ...(e.object
          ? {
              what: { identifier: { system: 'urn:openehds:object', value: e.object }, display: e.object },
              type: {
                system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
                code: '2',
                display: 'System Object',
              },
            }
          : {}),
        ...(hasDetails ? { detail: [{ type: 'details', valueString: canonicalJson(e.details) }] } : {}),
      },
    ];
  }
  return resource;
}
