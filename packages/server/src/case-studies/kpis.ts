/**
 * The KPIs a case study reports from its permit (issue 6 §3 and §6): how long the project waited for
 * its permit and for its first released output, and how much it ran. Pure: the facts are gathered
 * in permit-facts.ts.
 */

/** What the platform recorded about one permit chain. */
export interface PermitTimeline {
  /** When the application was submitted (Art. 67), or null for a permit without one. */
  applicationSubmittedAt: string | null;
  /** When the first version of the permit was granted (Art. 68). */
  grantedAt: string;
  /** When the airlock first released an output under any version (Art. 73(2)), or null. */
  firstReleaseAt: string | null;
  /** Analyses run in the secure processing environment under the chain. */
  analyses: number;
  /** Code-to-data jobs run under the chain. */
  jobs: number;
}

/** The KPIs as a case study shows them; a day count is null when either end is missing. */
export interface CaseStudyKpis {
  daysApplicationToPermit: number | null;
  daysPermitToFirstOutput: number | null;
  analyses: number;
  jobs: number;
}

const DAY_MS = 86_400_000;

/** Days between two instants, to one decimal, or null when one is missing or they are out of order. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.round((ms / DAY_MS) * 10) / 10;
}

/** The KPIs of a permit chain. */
export function permitKpis(t: PermitTimeline): CaseStudyKpis {
  return {
    daysApplicationToPermit: daysBetween(t.applicationSubmittedAt, t.grantedAt),
    daysPermitToFirstOutput: daysBetween(t.grantedAt, t.firstReleaseAt),
    analyses: t.analyses,
    jobs: t.jobs,
  };
}
