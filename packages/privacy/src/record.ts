import {
  AppError,
  SDC_RECORD_SCHEMA,
  type Audience,
  type Issue,
  type SdcKind,
  type SdcOutcome,
  type SdcPolicy,
  type SdcRecord,
  type SdcRule,
  type SdcRuleResult,
} from '@openehds/core';
import { hashJson } from './hash';
import type { PrivacyCost } from './ledger';

/** SHA-256 of the canonical JSON of an effective policy; the record names the policy by it. */
export function policyHash(policy: SdcPolicy): string {
  return hashJson(policy);
}

/**
 * A refusal that carries the SDC record of what was checked, so the caller can store it: the HDAB
 * sees refusals as well as releases (issue 4 §2). `kind` is `forbidden` (the rules do not allow this
 * output) or `conflict` (it clashes with what was released before: differencing, repeats, budget).
 */
export class SdcRefusal extends AppError {
  readonly record: SdcRecord;
  constructor(kind: 'forbidden' | 'conflict', message: string, record: SdcRecord, issues: Issue[] = []) {
    super(kind, message, issues);
    this.name = 'SdcRefusal';
    this.record = record;
  }
}

/** Collects rule outcomes while an output is checked, then seals them into an SdcRecord. */
export class RecordBuilder {
  readonly rules: SdcRuleResult[] = [];
  budget: SdcRecord['budget'];

  constructor(
    private readonly kind: SdcKind,
    private readonly policy: SdcPolicy,
    private readonly audience: Audience,
    private readonly at: Date,
    private readonly permitId?: string,
    private readonly label?: string,
  ) {}

  /** Notes one rule's outcome on one target (`$` for the whole output). */
  add(
    rule: SdcRule,
    target: string,
    outcome: SdcOutcome,
    params: Record<string, number | string | boolean>,
    note?: string,
  ): void {
    this.rules.push({ rule, target, outcome, params, ...(note ? { note } : {}) });
  }

  /** Notes the privacy budget this output spent. */
  spend(cost: PrivacyCost, total: PrivacyCost, limit: PrivacyCost): void {
    this.budget = { cost, total, limit };
  }

  /** The record of a released output, hashing exactly what is released. */
  released(output: unknown): SdcRecord {
    return this.seal('released', hashJson(output));
  }

  /** A refusal error carrying the record. */
  refuse(kind: 'forbidden' | 'conflict', message: string, issues: Issue[] = []): SdcRefusal {
    return new SdcRefusal(kind, message, this.seal('refused', null), issues);
  }

  private seal(outcome: 'released' | 'refused', outputHash: string | null): SdcRecord {
    return {
      schema: SDC_RECORD_SCHEMA,
      kind: this.kind,
      at: this.at.toISOString(),
      policy: { id: this.policy.id, version: this.policy.version, hash: policyHash(this.policy) },
      audience: this.audience,
      ...(this.permitId ? { permitId: this.permitId } : {}),
      ...(this.label ? { label: this.label } : {}),
      outcome,
      rules: [...this.rules],
      ...(this.budget ? { budget: this.budget } : {}),
      outputHash,
    };
  }
}
