import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComputeBackend } from '../compute/types';
import { LocalSandboxBackend } from '../compute/sandbox/local-backend';
import { SlurmBackend } from '../compute/slurm/backend';
import { SlurmRestClient } from '../compute/slurm/rest-client';
import { SlurmCliClient } from '../compute/slurm/cli-client';
import { TesBackend } from '../compute/tes/backend';
import { TesClient } from '../compute/tes/client';
import type { ComputeConfig } from './config';
import type { HubApprovedLedger } from './ledger';

/** A backend name as jobs and the node configuration use it. */
export type BackendName = 'local' | 'slurm' | 'tes';

/** The backends a node has, with the work folder of each (removed per job once it is reported). */
export type Backends = Partial<Record<BackendName, { backend: ComputeBackend; workRoot?: string }>>;

/** Builds the node's backends from its configuration: the local sandbox always, Slurm and TES if set. */
export function createBackends(config: ComputeConfig, dataDir: string, ledger: HubApprovedLedger): Backends {
  const localRoot = join(dataDir, 'jobs-work');
  const backends: Backends = {
    local: {
      backend: new LocalSandboxBackend({
        workRoot: localRoot,
        maxConcurrent: config.local.maxConcurrent,
        maxFileMb: config.local.maxFileMb,
      }),
      workRoot: localRoot,
    },
  };
  const s = config.slurm;
  if (s) {
    const workRoot = s.workRoot ?? join(dataDir, 'slurm-work');
    const token = () => (s.tokenFile ? readFileSync(s.tokenFile, 'utf8').trim() : (s.token ?? ''));
    const api = s.restUrl
      ? new SlurmRestClient({ url: s.restUrl, user: s.user, token, version: s.apiVersion })
      : new SlurmCliClient();
    backends.slurm = {
      backend: new SlurmBackend({
        api,
        workRoot,
        ledger,
        ...(s.partition ? { partition: s.partition } : {}),
        ...(s.gpuPartition ? { gpuPartition: s.gpuPartition } : {}),
        ...(s.gresName ? { gresName: s.gresName } : {}),
        ...(s.gpuDevices ? { gpuDevices: s.gpuDevices } : {}),
      }),
      workRoot,
    };
  }
  const t = config.tes;
  if (t) {
    const token = t.token;
    backends.tes = {
      backend: new TesBackend(new TesClient({ url: t.url, ...(token ? { token: () => token } : {}) })),
    };
  }
  return backends;
}
