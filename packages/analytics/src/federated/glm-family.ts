/**
 * The three GLM families with their canonical links, written to match R's `gaussian()`,
 * `binomial()` and `poisson()` exactly (including the clamps in R's C code for the logit and the
 * log link) so that a federated fit reproduces `glm()` iteration for iteration.
 */
import { logGamma } from './distributions';

/** The families the federated GLM supports, each with its canonical link. */
export type GlmFamilyName = 'gaussian' | 'binomial' | 'poisson';

/** Link, variance and deviance of one family, evaluated one observation at a time. */
export interface GlmFamily {
  name: GlmFamilyName;
  link: 'identity' | 'logit' | 'log';
  /** R's `family$initialize`: the starting mean for observation y. */
  start(y: number): number;
  linkfun(mu: number): number;
  linkinv(eta: number): number;
  /** dμ/dη */
  muEta(eta: number): number;
  variance(mu: number): number;
  /** Unit deviance d(y, μ) (already multiplied by 2, as R's `dev.resids`). */
  devResid(y: number, mu: number): number;
  /** −2·log-likelihood of one observation (0 for gaussian, whose AIC is built from the RSS). */
  minusTwoLogLik(y: number, mu: number): number;
  /** Whether the dispersion is estimated (gaussian) or fixed at 1. */
  estimatesDispersion: boolean;
}

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;

const ylogy = (y: number, mu: number) => (y !== 0 ? y * Math.log(y / mu) : 0);

const gaussian: GlmFamily = {
  name: 'gaussian',
  link: 'identity',
  start: (y) => y,
  linkfun: (mu) => mu,
  linkinv: (eta) => eta,
  muEta: () => 1,
  variance: () => 1,
  devResid: (y, mu) => (y - mu) * (y - mu),
  minusTwoLogLik: () => 0,
  estimatesDispersion: true,
};

const binomial: GlmFamily = {
  name: 'binomial',
  link: 'logit',
  start: (y) => (y + 0.5) / 2,
  linkfun: (mu) => Math.log(mu / (1 - mu)),
  // R's C_logit_linkinv: clamps η to ±30 so μ stays strictly inside (0, 1).
  linkinv: (eta) => {
    const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
    return t / (1 + t);
  },
  // R's C_logit_mu_eta
  muEta: (eta) => {
    const opexp = 1 + Math.exp(eta);
    return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
  },
  variance: (mu) => mu * (1 - mu),
  devResid: (y, mu) => 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu)),
  minusTwoLogLik: (y, mu) => -2 * (y === 1 ? Math.log(mu) : Math.log1p(-mu)),
  estimatesDispersion: false,
};

const poisson: GlmFamily = {
  name: 'poisson',
  link: 'log',
  start: (y) => y + 0.1,
  linkfun: (mu) => Math.log(mu),
  linkinv: (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
  muEta: (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
  variance: (mu) => mu,
  devResid: (y, mu) => (y === 0 ? 2 * mu : 2 * (y * Math.log(y / mu) - (y - mu))),
  minusTwoLogLik: (y, mu) => -2 * (y * Math.log(mu) - mu - logGamma(y + 1)),
  estimatesDispersion: false,
};

const FAMILIES: Record<GlmFamilyName, GlmFamily> = { gaussian, binomial, poisson };

/** The family object for a name. */
export function glmFamily(name: GlmFamilyName): GlmFamily {
  return FAMILIES[name];
}

/** Whether a string names a supported family. */
export function isGlmFamilyName(name: string): name is GlmFamilyName {
  return name in FAMILIES;
}

/** R's "fitted probabilities numerically 0 or 1" threshold. */
export const BOUNDARY_EPS = 10 * DBL_EPSILON;
