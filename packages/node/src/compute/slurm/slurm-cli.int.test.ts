import { afterAll, beforeAll, describe } from 'vitest';
import { requireBinaries } from '../test-support';
import { SLURM_BINARIES, startSlurm, type SlurmTestCluster } from './test-cluster';
import { SlurmBackend } from './backend';
import { SlurmCliClient } from './cli-client';
import { MemoryGpuLedger } from './gpu-hours';
import { slurmCases } from './test-cases';

const present = requireBinaries('Slurm (CLI) integration tests', [
  ...SLURM_BINARIES,
  '/usr/bin/squeue',
  '/usr/bin/bwrap',
]);

describe.skipIf(!present)('SlurmBackend over the Slurm commands (real munge, slurmctld, slurmd)', () => {
  let cluster: SlurmTestCluster;
  let backend: SlurmBackend;
  let api: SlurmCliClient;
  const ledger = new MemoryGpuLedger({ 'P-2027-0007-FI': 3 });

  beforeAll(async () => {
    cluster = await startSlurm({ rest: false });
    api = new SlurmCliClient(cluster.env);
    backend = new SlurmBackend({
      api,
      workRoot: `${cluster.dir}/work`,
      partition: cluster.partitions.cpu,
      gpuPartition: cluster.partitions.gpu,
      ledger,
    });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  slurmCases(() => ({ backend, api, ledger, workRoot: `${cluster.dir}/work` }), 'P-2027-0007-FI');
});
