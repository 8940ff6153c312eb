import { readFile } from 'node:fs/promises';
import { invalid, verifyDocument, type DocumentCheck } from '@openehds/core';
import { emit } from '../../ui/output';

/**
 * `ehds verify FILE`: checks a signed HDAB document (a decision or a permit) offline, from the file
 * alone. Without `--key` it trusts the key inside the file and prints its fingerprint to compare with
 * the HDAB's published key (`GET /api/federation/hub-key`); with `--key` it insists on that key.
 */
export async function verifyCommand(
  file: string,
  opts: { key?: string; json?: boolean },
): Promise<DocumentCheck> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw invalid(`${file} is not a readable JSON file: ${(err as Error).message}`);
  }
  const check = verifyDocument(parsed, opts.key);
  emit(check, Boolean(opts.json), (c: DocumentCheck) =>
    c.valid
      ? `valid: ${c.type} signed at ${c.signedAt} by the key with fingerprint ${c.keyFingerprint}` +
        (opts.key
          ? ' (the trusted key)'
          : '\ncompare the fingerprint with the HDAB’s published key, or pass --key')
      : `INVALID: ${c.reason}`,
  );
  return check;
}
