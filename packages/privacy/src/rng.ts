/**
 * Randomness for noise. It is injected so tests can seed it, and it must only ever be created by the
 * node or hub itself: a client-supplied seed or noise vector lets the client cancel the noise
 * (EHDS.md §11; DataSHIELD dsBase #250). Production code uses `secureRng()`.
 */

/** A source of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/** Cryptographically secure uniform numbers (Web Crypto), 53 bits each. */
export function secureRng(): Rng {
  const buf = new Uint32Array(2);
  return {
    next() {
      globalThis.crypto.getRandomValues(buf);
      return ((buf[0]! >>> 5) * 67108864 + (buf[1]! >>> 6)) / 9007199254740992;
    },
  };
}

/** A seeded generator (sfc32 seeded by a string hash) for TESTS ONLY; never seed it from a request. */
export function seededRng(seed: number | string): Rng {
  const s = String(seed);
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  let a = h1 >>> 0,
    b = h2 >>> 0,
    c = h3 >>> 0,
    d = h4 >>> 0;
  return {
    next() {
      a >>>= 0;
      b >>>= 0;
      c >>>= 0;
      d >>>= 0;
      let t = (a + b) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      d = (d + 1) | 0;
      t = (t + d) | 0;
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    },
  };
}

/** A uniform number in (0, 1], safe for logarithms. */
function open01(rng: Rng): number {
  return 1 - rng.next();
}

/**
 * Discrete Laplace (two-sided geometric) noise with scale 1/ε: P(k) ∝ exp(−ε|k|). Integer-valued, so a
 * released count carries none of the floating-point low bits that break the textbook continuous
 * Laplace mechanism (Mironov, CCS 2012).
 */
export function discreteLaplace(epsilon: number, rng: Rng): number {
  const lnP = -epsilon; // ln of the geometric's ratio exp(−ε)
  const g1 = Math.floor(Math.log(open01(rng)) / lnP);
  const g2 = Math.floor(Math.log(open01(rng)) / lnP);
  return g1 - g2;
}

/** Standard normal (Box–Muller). */
export function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(open01(rng))) * Math.cos(2 * Math.PI * rng.next());
}

/** σ of the classic Gaussian mechanism (Dwork & Roth, Thm A.1): Δ·√(2 ln(1.25/δ))/ε. */
export function gaussianSigma(sensitivity: number, epsilon: number, delta: number): number {
  return (sensitivity * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;
}
