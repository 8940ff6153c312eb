import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { AppError, invalid } from '@openehds/core';
import { expandPaths } from '@openehds/node';
import { emit } from '../../ui/output';
import { progressBar } from '../../ui/progress';

/**
 * `ehds ingest --node URL`: streams each file to a running node's local API (as the web UI does), so a
 * data holder can load data from another machine of their network. Files go one by one, people
 * (person.csv, Patient.ndjson) first, each becoming one ingest batch at the node.
 */
export async function uploadToNode(
  paths: string[],
  opts: { node: string; token?: string; json?: boolean },
): Promise<void> {
  if (!opts.token) throw invalid("give the node's operator token with --token or EHDS_NODE_TOKEN");
  const files = (await expandPaths(paths)).sort((a, b) => personFirst(a) - personFirst(b));
  const reports = [];
  for (const file of files) {
    const size = statSync(file).size;
    const bar = progressBar(`upload ${basename(file)}`, 'bytes');
    let sent = 0;
    const body = Readable.toWeb(
      createReadStream(file).on('data', (chunk) => {
        sent += chunk.length;
        bar.update(sent, size);
      }),
    ) as ReadableStream;
    const res = await fetch(
      `${opts.node.replace(/\/$/, '')}/api/ingest?filename=${encodeURIComponent(basename(file))}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/octet-stream' },
        body,
        duplex: 'half',
      } as RequestInit,
    );
    bar.finish();
    const answer = await res.json();
    if (!res.ok)
      throw new AppError(
        res.status === 400 ? 'invalid' : 'unavailable',
        `${file}: ${answer.detail ?? res.statusText}`,
        answer.issues ?? [],
      );
    reports.push({ file, ...answer });
  }
  emit(
    reports,
    Boolean(opts.json),
    (rs: { file: string; read: number; loaded: number; rejected: number }[]) =>
      rs.map((r) => `${r.file}: ${r.read} read, ${r.loaded} loaded, ${r.rejected} rejected`).join('\n'),
  );
}

function personFirst(path: string): number {
  return /(^|\/)(person\.csv|Patient[^/]*\.ndjson)(\.gz)?$/i.test(path) ? 0 : 1;
}
