/**
 * A short, readable fingerprint of a node's public key for eyeballing against what the node
 * operator reads out (out-of-band check before approval). Not a security primitive: the full key is
 * available in the title text.
 */
export function keyFingerprint(publicKey: string): string {
  const body = publicKey.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  if (body.length <= 16) return body;
  return `${body.slice(0, 8)}…${body.slice(-8)}`;
}
