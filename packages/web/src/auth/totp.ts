/**
 * TOTP codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) computed in the browser with WebCrypto.
 * Used only by the demo sign-in buttons, from the documented demo secret the hub lists in demo mode;
 * people signing in for real type the code from their own authenticator app.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (spaces, padding and case ignored). */
export function base32Bytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new Error(`not a base32 character: ${ch}`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The HOTP value of raw key bytes at a counter (RFC 4226 §5.3), `digits` long. */
export async function hotp(key: Uint8Array<ArrayBuffer>, counter: number, digits = 6): Promise<string> {
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const msg = new DataView(new ArrayBuffer(8));
  msg.setUint32(0, Math.floor(counter / 2 ** 32));
  msg.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, msg.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The current TOTP code of a base32 secret (`nowMs` defaults to the browser clock). */
export function totpCode(secret: string, nowMs = Date.now(), digits = 6): Promise<string> {
  return hotp(base32Bytes(secret), Math.floor(nowMs / 30_000), digits);
}
