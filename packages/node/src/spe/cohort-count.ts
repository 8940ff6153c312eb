import { z } from 'zod';
import type { NodeStore } from '@openehds/analytics';
import {
  AUDIENCES,
  invalid,
  parseCohortDefinition,
  zodIssues,
  type Audience,
  type SdcPolicyOverride,
  type SdcRecord,
} from '@openehds/core';
import {
  cohortOf,
  hashJson,
  recipientView,
  releaseCount,
  SdcRefusal,
  secureRng,
  type Rng,
} from '@openehds/privacy';
import { nodePolicy } from './node-policy';
import { restrictToExtract } from './permit-scope';
import { cohortMembers } from './person-index';
import { cellKeySecret, StoreQueryHistory } from './sdc-store';
import { serialisedBy } from './serial';

/** The task type of a feasibility count (issue 4 §1). */
export const COHORT_COUNT_TASK = 'cohort.count';

/**
 * The payload the hub signs into a `cohort.count` task. `policy` is the HDAB's effective SdcPolicy: it
 * is trusted because the whole task carries the hub's signature (checked by the runtime before any
 * handler runs), never because a data user sent it.
 */
export const CohortCountPayload = z
  .object({
    cohort: z.unknown(),
    audience: z.enum(AUDIENCES),
    permitId: z.string().trim().min(1).max(200).optional(),
    policy: z.unknown(),
    /** Canonical key of the definition (the hub's hash of it), for the repeat lockout. */
    queryKey: z.string().min(1).max(200).optional(),
    /** The published datasets the hub asked this node about (informational: one dataset per node). */
    datasets: z.array(z.string().max(200)).max(100).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.audience === 'permit_holder' && !p.permitId)
      ctx.addIssue({ code: 'custom', path: ['permitId'], message: 'a permit holder count names its permit' });
    if (p.audience !== 'permit_holder' && p.permitId)
      ctx.addIssue({
        code: 'custom',
        path: ['audience'],
        message: 'a count under a permit is for the permit holder audience',
      });
  });
export type CohortCountPayload = z.infer<typeof CohortCountPayload>;

/** What the node sends back: a released (possibly suppressed) count, or a refusal; never the raw count. */
export type CohortCountResult =
  | { status: 'ok'; value: number | null; suppressed: boolean; record: SdcRecord }
  | {
      status: 'refused';
      value: null;
      suppressed: false;
      /** `forbidden`: the rules do not allow this output; `conflict`: it clashes with earlier answers. */
      refusal: 'forbidden' | 'conflict';
      message: string;
      record: SdcRecord;
    };

/** What the node adds to the task: its store, its dataset's override, and (tests only) an rng and clock. */
export interface CohortCountOptions {
  store: NodeStore;
  policyOverride?: SdcPolicyOverride;
  rng?: Rng;
  now?: () => Date;
}

const HIDING = new Set(['zeros', 'threshold']);

/**
 * The record as the asker may see it. `recipientView` leaves whole-output (`$`) entries alone, but for
 * a count a `$` entry "zeros: suppressed" versus "threshold: suppressed" would say whether the cohort
 * is empty or small (zeros are disclosive by default, ACRO); both read "suppression" here.
 */
export function countRecipientView(record: SdcRecord): SdcRecord {
  const view = recipientView(record);
  const rules = view.rules.flatMap((r) => {
    if (r.target !== '$' || !HIDING.has(r.rule)) return [r];
    if (r.outcome === 'suppressed')
      return [{ rule: 'suppression' as const, target: '$', outcome: 'suppressed' as const, params: {} }];
    // "zeros: passed" next to a threshold entry would again tell a zero apart; keep only the threshold.
    return r.rule === 'zeros' ? [] : [r];
  });
  return { ...view, rules };
}

/**
 * Runs a feasibility count at this node and releases it through the disclosure-control engine (Art.
 * 73(2): only anonymous results leave the node): validates the definition, counts on the node store,
 * restricts to the permit's extract under a permit, and releases with a context built here (the node's
 * cell-key secret, a CSPRNG, the HDAB policy tightened by the dataset's override, the persisted query
 * history of the permit). Returns the released value and the recipient's view of the record; a
 * refusal by the engine is a result, not a failure.
 */
export async function runCohortCount(raw: unknown, options: CohortCountOptions): Promise<CohortCountResult> {
  const parsed = CohortCountPayload.safeParse(raw);
  if (!parsed.success) throw invalid('invalid cohort.count task', zodIssues(parsed.error));
  const payload = parsed.data;
  const definition = parseCohortDefinition(payload.cohort);
  const policy = nodePolicy(payload.policy, options.policyOverride);
  const { store } = options;
  const queryKey = payload.queryKey ?? hashJson(definition);
  const audience: Audience = payload.audience;
  const permitId = payload.permitId;

  const answer = async (): Promise<CohortCountResult> => {
    const members = await cohortMembers(store, definition);
    const counted = permitId ? await restrictToExtract(store, permitId, members) : members;
    try {
      const released = await releaseCount(
        { cohort: cohortOf(counted.map((m) => m.idx)), queryKey },
        {
          policy,
          audience,
          ...(permitId ? { permitId, history: new StoreQueryHistory(store) } : {}),
          rng: options.rng ?? secureRng(),
          cellKeySecret: await cellKeySecret(store),
          ...(options.now ? { now: options.now() } : {}),
          ...(definition.name ? { label: definition.name } : {}),
        },
      );
      return {
        status: 'ok',
        value: released.value,
        suppressed: released.suppressed,
        record: countRecipientView(released.record),
      };
    } catch (err) {
      if (!(err instanceof SdcRefusal)) throw err;
      return {
        status: 'refused',
        value: null,
        suppressed: false,
        refusal: err.kind === 'conflict' ? 'conflict' : 'forbidden',
        message: err.message,
        record: countRecipientView(err.record),
      };
    }
  };
  // One permit's counts take turns: the guard reads the history, decides, then appends (serial.ts).
  return permitId ? serialisedBy(`${store.path}\n${permitId}`, answer) : answer();
}
