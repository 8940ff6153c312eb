import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A real one-node Slurm for tests (issue 4 §6), started from Debian's packages: munged, slurmctld,
 * slurmd, and slurmrestd (as `nobody`: it refuses root; `-s openapi/v0.0.38` because Debian's 22.05
 * has no slurmdbd here). Everything lives in a fresh folder under /tmp with its own ports, key and
 * state, so two test files (or two runs) never share a port, a state dir or a munge socket; the
 * config is passed by `SLURM_CONF`/`-f`, never /etc/slurm. Daemons are stopped by their pids. A run
 * that died before `stop()` leaves a `pids` file; the next start kills those processes, but only if
 * their command line still names that run's folder (so nobody else's Slurm is touched).
 */

const exec = promisify(execFile);
const PREFIX = 'ehds-slurm-';
const NOBODY = 65534;

const DEFAULT_PLUGIN_DIR = '/usr/lib/x86_64-linux-gnu/slurm-wlm';
/**
 * An extra plugin folder, for a machine where slurm-wlm-jwt-plugin is unpacked (`dpkg -x`) rather than
 * installed; its libjwt must then be on LD_LIBRARY_PATH. Unset in CI, where the package is installed.
 */
const EXTRA_PLUGIN_DIR = process.env.EHDS_SLURM_PLUGIN_DIR;

/** Slurm's auth/jwt plugin (Debian: slurm-wlm-jwt-plugin); slurmrestd's JWT pass-through needs it. */
export const SLURM_JWT_PLUGIN = join(EXTRA_PLUGIN_DIR ?? DEFAULT_PLUGIN_DIR, 'auth_jwt.so');

/** The binaries the helper needs; tests skip (or fail in CI) when any is missing. */
export const SLURM_BINARIES = [
  '/usr/sbin/munged',
  '/usr/sbin/slurmctld',
  '/usr/sbin/slurmd',
  '/usr/sbin/slurmrestd',
  '/usr/bin/scontrol',
  '/usr/bin/sbatch',
];

export interface SlurmTestCluster {
  /** slurmrestd base URL, e.g. http://127.0.0.1:41234 ('' when started with `rest: false`) */
  url: string;
  /** A fresh JWT for `user` (from `scontrol token`). */
  token(): Promise<string>;
  user: string;
  /** Partition names: the default CPU one and one with (count-only) GPUs. */
  partitions: { cpu: string; gpu: string };
  /** GPUs the GPU partition's node advertises. */
  gpus: number;
  /** The run's folder (config, logs, state); removed by stop(). */
  dir: string;
  /** The environment for Slurm CLI tools (`SLURM_CONF`). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills processes left by an earlier run that died without stop(), matched by pid and folder. */
function killLeftovers(): void {
  for (const name of readdirSync('/tmp')) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join('/tmp', name);
    const pidsFile = join(dir, 'pids');
    if (!existsSync(pidsFile)) continue;
    const pids = readFileSync(pidsFile, 'utf8').split('\n').filter(Boolean).map(Number);
    // Only runs whose owning test process is gone: a concurrent test file's cluster is left alone.
    const [owner, ...daemons] = pids;
    if (owner === undefined || alive(owner)) continue;
    for (const pid of daemons) {
      const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      if (cmdline.includes(dir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  logs: string[],
  children: ChildProcess[] = [],
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    // A daemon that exited will not become ready: report at once, with its log.
    const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null);
    if (dead || Date.now() > deadline) {
      if (dead) what = `${what} (${dead.spawnfile} exited with ${dead.exitCode ?? dead.signalCode})`;
      const tails = logs
        .filter((f) => existsSync(f))
        .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`);
      throw new Error(`Slurm test cluster: ${what} not ready after ${timeoutMs} ms\n${tails.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a private one-node Slurm with slurmrestd; resolves when a job could be submitted. */
export async function startSlurm(options: { gpus?: number; rest?: boolean } = {}): Promise<SlurmTestCluster> {
  const rest = options.rest ?? true;
  if (rest && !existsSync(SLURM_JWT_PLUGIN))
    throw new Error(`slurmrestd with JWT needs ${SLURM_JWT_PLUGIN} (apt-get install slurm-wlm-jwt-plugin)`);
  killLeftovers();
  const dir = mkdtempSync(join('/tmp', PREFIX));
  // nobody (slurmrestd) must read the config and reach the munge socket.
  chmodSync(dir, 0o755);
  const [ctldPort, slurmdPort, restPort] = [await freePort(), await freePort(), await freePort()];
  const host = hostname().split('.')[0];
  const node = `n${restPort}`;
  const gpus = options.gpus ?? 2;
  const p = (name: string) => join(dir, name);
  for (const sub of ['state', 'spool', 'munge']) mkdirSync(p(sub));
  chmodSync(p('munge'), 0o755);
  writeFileSync(p('munge.key'), randomBytes(1024), { mode: 0o400 });
  writeFileSync(p('jwt.key'), randomBytes(32), { mode: 0o600 });
  const socket = p('munge/munge.socket.2');
  const memory = Math.max(500, Math.min(4000, Math.floor((totalmem() / 1024 / 1024) * 0.5)));
  const conf = p('slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=ehdstest',
      ...(EXTRA_PLUGIN_DIR ? [`PluginDir=${DEFAULT_PLUGIN_DIR}:${EXTRA_PLUGIN_DIR}`] : []),
      `SlurmctldHost=${host}(127.0.0.1)`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${slurmdPort}`,
      'AuthType=auth/munge',
      `AuthInfo=socket=${socket}`,
      ...(rest ? ['AuthAltTypes=auth/jwt', `AuthAltParameters=jwt_key=${p('jwt.key')}`] : []),
      'CredType=cred/munge',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'JobCompType=jobcomp/none',
      'MpiDefault=none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'GresTypes=gpu',
      'SlurmUser=root',
      'SlurmdUser=root',
      `StateSaveLocation=${p('state')}`,
      `SlurmdSpoolDir=${p('spool')}`,
      `SlurmctldPidFile=${p('slurmctld.pid')}`,
      `SlurmdPidFile=${p('slurmd.pid')}`,
      `SlurmctldLogFile=${p('slurmctld.log')}`,
      `SlurmdLogFile=${p('slurmd.log')}`,
      'SlurmctldDebug=info',
      'SlurmdDebug=info',
      'ReturnToService=2',
      'MinJobAge=600',
      'InactiveLimit=0',
      'KillWait=2',
      `NodeName=${node} NodeHostname=${host} NodeAddr=127.0.0.1 CPUs=${cpus().length} RealMemory=${memory} Gres=gpu:${gpus} State=UNKNOWN`,
      `PartitionName=cpu Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
      `PartitionName=gpu Nodes=${node} Default=NO MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  // Stand-in GPUs: this machine has none, so the "devices" are character nodes aliasing /dev/null
  // (major 1, minor 3); the scheduler counts, allocates and reports them like real ones.
  for (let i = 0; i < gpus; i++) execFileSync('/usr/bin/mknod', [p(`gpu${i}`), 'c', '1', '3']);
  writeFileSync(p('gres.conf'), `NodeName=${node} Name=gpu File=${p(`gpu[0-${gpus - 1}]`)}\n`);
  for (const f of ['slurm.conf', 'gres.conf']) chmodSync(p(f), 0o644);
  const env = { ...process.env, SLURM_CONF: conf };
  const children: ChildProcess[] = [];
  const start = (
    cmd: string,
    args: string[],
    extra: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
  ) => {
    // stderr to a file: slurmrestd logs only there; the others to their own log files.
    const err = openSync(p(`${cmd.split('/').pop()}.err`), 'a');
    const child = spawn(cmd, args, {
      env: extra.env ?? env,
      uid: extra.uid,
      gid: extra.gid,
      stdio: ['ignore', 'ignore', err],
    });
    closeSync(err);
    children.push(child);
    writeFileSync(p('pids'), [process.pid, ...children.map((c) => c.pid)].join('\n'));
    return child;
  };
  const stop = async () => {
    // Jobs still running belong to slurmstepd, which outlives slurmd: cancel them in this cluster
    // (SLURM_CONF names it) while the controller is up.
    await exec('/usr/bin/scancel', ['--full', '--user=root'], { env }).catch(() => undefined);
    for (const child of [...children].reverse()) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    start('/usr/sbin/munged', [
      '-F',
      '-f',
      `--socket=${socket}`,
      `--key-file=${p('munge.key')}`,
      `--pid-file=${p('munged.pid')}`,
      `--log-file=${p('munged.log')}`,
      `--seed-file=${p('munged.seed')}`,
    ]);
    await waitFor('munged', async () => existsSync(socket), 15_000, [p('munged.log')], children);
    chmodSync(socket, 0o777);
    start('/usr/sbin/slurmctld', ['-D', '-i', '-f', conf]);
    const logs = [p('slurmctld.log'), p('slurmd.log'), p('munged.log')];
    await waitFor(
      'slurmctld',
      async () => (await exec('/usr/bin/scontrol', ['ping'], { env })).stdout.includes('UP'),
      30_000,
      logs,
      children,
    );
    start('/usr/sbin/slurmd', ['-D', '-f', conf, '-N', node]);
    await waitFor(
      'slurmd',
      async () => /idle/i.test((await exec('/usr/bin/scontrol', ['show', 'node', node], { env })).stdout),
      60_000,
      logs,
      children,
    );
    const token = async () => {
      const { stdout } = await exec('/usr/bin/scontrol', ['token', 'username=root', 'lifespan=900'], { env });
      const match = /SLURM_JWT=(\S+)/.exec(stdout);
      if (!match) throw new Error(`scontrol token printed no token: ${stdout}`);
      return match[1] ?? '';
    };
    if (!rest)
      return { url: '', token, user: 'root', partitions: { cpu: 'cpu', gpu: 'gpu' }, gpus, dir, env, stop };
    start(
      '/usr/sbin/slurmrestd',
      ['-f', conf, '-s', 'openapi/v0.0.38', '-a', 'rest_auth/jwt', `127.0.0.1:${restPort}`],
      {
        uid: NOBODY,
        gid: NOBODY,
        env: {
          PATH: '/usr/bin:/bin',
          SLURM_CONF: conf,
          SLURM_JWT: 'daemon',
          ...(process.env.LD_LIBRARY_PATH ? { LD_LIBRARY_PATH: process.env.LD_LIBRARY_PATH } : {}),
        },
      },
    );
    const url = `http://127.0.0.1:${restPort}`;
    await waitFor(
      'slurmrestd',
      async () => {
        const res = await fetch(`${url}/slurm/v0.0.38/ping`, {
          headers: { 'X-SLURM-USER-NAME': 'root', 'X-SLURM-USER-TOKEN': await token() },
        });
        return res.ok;
      },
      30_000,
      [...logs, p('slurmrestd.err')],
      children,
    );
    return { url, token, user: 'root', partitions: { cpu: 'cpu', gpu: 'gpu' }, gpus, dir, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
