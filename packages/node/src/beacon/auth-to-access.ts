import type { NodeStore } from '@openehds/analytics';
import {
  unauthenticated,
  verifyAccessToken,
  type Audience,
  type BeaconAccess,
  type SdcPolicy,
} from '@openehds/core';
import { isPermitActive } from '../permits/state';
import { listRegisteredPermits } from '../permits/registry';
import { jwsHeader, verifyVisa, type VisaJwk } from './auth-visa';

/**
 * Who is calling the node's Beacon, and so what they may see (issue 5 §3; EHDS.md §16 [OURS]):
 * - no `Authorization` → anonymous: booleans;
 * - a hub-issued access token for this node (any role) → registered: counts, with the HDAB's minimum
 *   count and rounding;
 * - a GA4GH passport the hub signed — one or more `ControlledAccessGrants` visas, sent as
 *   `Authorization: Bearer <visa>[,<visa>…]` — naming this node's published dataset, whose subject an
 *   active permit in the node's own permit registry names → records of that dataset (counts elsewhere).
 * A credential that is sent but does not verify is refused (401), never silently downgraded.
 */

export interface BeaconAuthContext {
  /** The node's id at the hub (audience of hub access tokens); null until registered. */
  nodeId(): string | null;
  /** The hub's federation public key (PEM), learnt at registration; signs access tokens. */
  hubPublicKey(): string | null;
  /**
   * The hub's visa signing keys (its `/.well-known/jwks.json`). Visas are signed with a dedicated key,
   * not the federation key, so the node fetches the JWKS from the hub it registered with.
   */
  visaKeys(): Promise<VisaJwk[]>;
  /** The visa issuer to accept (the hub's public URL); null accepts the issuer the keys verify. */
  hubIssuer(): string | null;
  /** The published id of this node's dataset; null before the first publication. */
  publishedDatasetId(): string | null;
  /** The active permit at this node that names `subject` for `datasetId`, if any. */
  activePermitFor(subject: string, datasetId: string, now: Date): Promise<string | null>;
  /** The HDAB's disclosure-control policy as this node applies it; null when it knows none yet. */
  policy(): SdcPolicy | null;
}

export interface BeaconCaller {
  /** Key of the caller's query budget (`account:…`, `passport:…`, `ip:…`). */
  key: string;
  audience: Audience;
  access: BeaconAccess;
  /** Why a credential gave less than the caller may have expected (shown in the response `info`). */
  notes: string[];
}

/** minCount / roundTo of an audience: the HDAB's rule (never below the policy threshold), else 10 / 10. */
export function audienceRule(policy: SdcPolicy | null, audience: Audience) {
  if (!policy) return { allowed: true, minCount: 10, roundTo: 10 };
  const rule = policy.audiences[audience];
  return {
    allowed: rule.allowed,
    minCount: Math.max(policy.threshold, rule.minCount),
    roundTo: rule.roundTo,
  };
}

function accessFor(
  policy: SdcPolicy | null,
  audience: Audience,
  recordDatasets: BeaconAccess['recordDatasets'],
): BeaconAccess {
  const rule = audienceRule(policy, audience);
  return {
    // An audience the HDAB shows no counts to gets booleans (policy `audiences.<a>.allowed`).
    granularity: audience !== 'anonymous' && rule.allowed ? 'count' : 'boolean',
    recordDatasets,
    minCount: rule.minCount,
    roundTo: rule.roundTo,
  };
}

/** Resolves the caller of a Beacon request from its `Authorization` header and address. */
export async function resolveBeaconCaller(
  authorization: string | undefined,
  address: string,
  ctx: BeaconAuthContext,
  now = new Date(),
): Promise<BeaconCaller> {
  const policy = ctx.policy();
  if (!authorization)
    return {
      key: `ip:${address}`,
      audience: 'anonymous',
      access: accessFor(policy, 'anonymous', []),
      notes: [],
    };
  if (!authorization.startsWith('Bearer '))
    throw unauthenticated(
      'send Authorization: Bearer <hub access token or GA4GH visas>, or no Authorization',
    );
  const tokens = authorization
    .slice(7)
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!tokens.length) throw unauthenticated('the bearer token is empty');
  const header = jwsHeader(tokens[0]!);
  if (!header) throw unauthenticated('the bearer token is not a JWT');
  if (header.alg === 'EdDSA' && tokens.length === 1) {
    const key = ctx.hubPublicKey();
    const nodeId = ctx.nodeId();
    if (!key || !nodeId)
      throw unauthenticated('this node is not registered with a hub yet; call without a token');
    const claims = verifyAccessToken(key, tokens[0]!, nodeId, now);
    return {
      key: `account:${claims.sub}`,
      audience: 'registered',
      access: accessFor(policy, 'registered', []),
      notes: [],
    };
  }
  return fromPassport(tokens, ctx, policy, now);
}

async function fromPassport(
  visas: string[],
  ctx: BeaconAuthContext,
  policy: SdcPolicy | null,
  now: Date,
): Promise<BeaconCaller> {
  const keys = await ctx.visaKeys();
  const issuer = ctx.hubIssuer();
  const datasetId = ctx.publishedDatasetId();
  const subjects = new Set<string>();
  const grants: { subject: string; datasetId: string }[] = [];
  for (const token of visas) {
    const { iss, sub, visa } = verifyVisa(token, keys, issuer, now);
    subjects.add(sub);
    if (visa.type !== 'ControlledAccessGrants' || !datasetId) continue;
    // The hub names a dataset by its catalogue IRI (catalogue/service.ts `datasetIri`).
    const iri = `${iss.replace(/\/+$/, '')}/catalogue/datasets/${encodeURIComponent(datasetId)}`;
    if (visa.value === iri) grants.push({ subject: sub, datasetId });
  }
  const notes: string[] = [];
  const recordDatasets: BeaconAccess['recordDatasets'] = [];
  for (const grant of grants) {
    if (recordDatasets.some((d) => d.datasetId === grant.datasetId)) continue;
    // The visa says the hub granted access; the node's own registry says the permit still holds
    // (revoked, expired or superseded permits are refused here without asking the hub).
    const permitId = await ctx.activePermitFor(grant.subject, grant.datasetId, now);
    if (permitId) recordDatasets.push({ datasetId: grant.datasetId, permitId });
    else notes.push(`no active permit at this node names ${grant.subject} for dataset ${grant.datasetId}`);
  }
  if (!grants.length)
    notes.push(
      datasetId
        ? `no visa names this node's dataset ${datasetId}; answered at count level`
        : 'this node has not published its dataset yet; answered at count level',
    );
  const subject = [...subjects].sort()[0]!;
  const audience: Audience = recordDatasets.length ? 'permit_holder' : 'registered';
  return { key: `passport:${subject}`, audience, access: accessFor(policy, audience, recordDatasets), notes };
}

const bareOrcid = (orcid: string) => orcid.replace(/^https?:\/\/orcid\.org\//i, '').trim();

/**
 * `activePermitFor` over the node's permit registry: a permit for `datasetId` that names the visa's
 * subject (its ORCID iD URL or e-mail, as the hub's passport names persons) and is active now.
 */
export function registryPermitLookup(store: NodeStore): BeaconAuthContext['activePermitFor'] {
  return async (subject, datasetId, now) => {
    const permits = await listRegisteredPermits(store);
    for (const p of permits) {
      if (!p.datasets.includes(datasetId)) continue;
      const named = p.persons.some(
        (person) =>
          person.email.toLowerCase() === subject.toLowerCase() ||
          (person.orcid !== undefined && `https://orcid.org/${bareOrcid(person.orcid)}` === subject),
      );
      if (named && (await isPermitActive(store, p.permitId, now))) return p.permitId;
    }
    return null;
  };
}

/**
 * The hub's visa keys, fetched from `<hubUrl>/.well-known/jwks.json` and kept for `ttlSeconds`; the
 * node calls out to the hub (it pulls; no inbound port), as it does for tasks.
 */
export function hubVisaKeys(hubUrl: string, ttlSeconds = 600): () => Promise<VisaJwk[]> {
  let cached: { keys: VisaJwk[]; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.keys;
    const res = await fetch(`${hubUrl.replace(/\/+$/, '')}/.well-known/jwks.json`);
    if (!res.ok) throw unauthenticated(`the hub's visa keys could not be fetched (HTTP ${res.status})`);
    const body = (await res.json()) as { keys?: VisaJwk[] };
    cached = { keys: body.keys ?? [], until: Date.now() + ttlSeconds * 1000 };
    return cached.keys;
  };
}
