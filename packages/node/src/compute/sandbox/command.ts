import type { Job, JobLanguage } from '../types';

/**
 * The bubblewrap command line for a job, as a pure function of the job and a description of the host,
 * so the local backend and the Slurm batch script run exactly the same isolation (issue 4 §5–6).
 *
 * What the script sees (Art. 73(1): no access beyond the permitted data, nothing copied out):
 * - every namespace unshared, so no network at all (only a loopback of its own), no host pids, no IPC;
 * - an unprivileged user (65534) with no capabilities and no further user namespaces;
 * - read-only: /usr (and the merged-/usr links), what the interpreter needs in /etc, the script at
 *   /job, the permit's extract at /data; writable: /output only, and a private size-capped /tmp;
 * - a minimal /proc and /dev from bubblewrap; nothing else of the host (no /etc/passwd, /root, /work).
 * Limits are set inside with prlimit (memory, CPU seconds, file size, open files, no core dumps)
 * and taskset (CPUs); the wall-clock limit is enforced by the caller (a timer, or `timeout` in Slurm).
 */

/** Host facts the command depends on, gathered once by `describeHost()`. */
export interface HostLayout {
  /** `/lib`, `/lib64`, `/bin`, `/sbin`: a symlink target (merged /usr) or `dir` to bind as is. */
  rootLinks: Record<string, { symlink: string } | 'dir'>;
  /** Folders under /etc that exist and interpreters need (alternatives for BLAS, R's config). */
  etcDirs: string[];
  /** The real path of the node binary (process.execPath). */
  nodeBinary: string;
  /** A folder to bind read-only so the node binary and its libraries are visible, if outside /usr. */
  nodeInstallDir?: string;
}

/** The fixed places inside the sandbox. */
export const SANDBOX_PATHS = { data: '/data', output: '/output', job: '/job', tmp: '/tmp' } as const;

const EXTENSION: Record<JobLanguage, string> = { python: 'py', r: 'R', javascript: 'mjs' };

/** File name of the script inside /job. */
export function scriptName(language: JobLanguage): string {
  return `main.${EXTENSION[language]}`;
}

/** The uid/gid the script runs as inside the sandbox (nobody); files it writes belong to the caller. */
export const SANDBOX_UID = 65534;

export interface SandboxCommandOptions {
  host: HostLayout;
  /** The script file on the host (bound read-only at /job/main.<ext>). */
  scriptFile: string;
  /** CPUs to pin the job to (`0-1`), or undefined to leave affinity to the scheduler (Slurm). */
  cpuList?: string;
  /** Largest file the job may write, in MiB. */
  maxFileMb?: number;
  /** Device nodes to expose (GPU jobs: e.g. /dev/nvidia0, /dev/nvidiactl, /dev/nvidia-uvm). */
  devices?: string[];
}

const MIB = 1024 * 1024;

/** The interpreter argv for a job (inside the sandbox). */
export function interpreterArgv(job: Job, host: HostLayout): string[] {
  const script = `${SANDBOX_PATHS.job}/${scriptName(job.language)}`;
  switch (job.language) {
    case 'python':
      // -I: isolated mode (no user site, no PYTHON* env), -B: no .pyc writes next to the script.
      return ['/usr/bin/python3', '-I', '-B', script, ...job.args];
    case 'r':
      return ['/usr/bin/Rscript', '--vanilla', script, ...job.args];
    case 'javascript':
      // V8 reserves far more address space than it uses, so node is held by its heap size and
      // RLIMIT_DATA (below) instead of RLIMIT_AS.
      return [
        host.nodeBinary,
        `--max-old-space-size=${Math.max(16, Math.floor(job.limits.memoryMb * 0.75))}`,
        script,
        ...job.args,
      ];
  }
}

/** prlimit arguments for a job: memory, CPU seconds (over all its CPUs), file size, files, no core. */
export function limitArgv(job: Job, maxFileMb: number): string[] {
  const bytes = job.limits.memoryMb * MIB;
  const memory = job.language === 'javascript' ? `--data=${bytes}` : `--as=${bytes}`;
  // RLIMIT_CPU counts per process: a single process can use at most cpus × wall time.
  const cpuSeconds = job.limits.cpus * job.limits.timeSeconds;
  return [
    '/usr/bin/prlimit',
    memory,
    `--cpu=${cpuSeconds}`,
    `--fsize=${maxFileMb * MIB}`,
    '--nofile=1024',
    '--core=0',
    '--',
  ];
}

/** The full argv (starting with bwrap) that runs `job` in the sandbox. */
export function sandboxArgv(job: Job, options: SandboxCommandOptions): string[] {
  const { host } = options;
  const argv = [
    '/usr/bin/bwrap',
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--uid',
    String(SANDBOX_UID),
    '--gid',
    String(SANDBOX_UID),
    '--hostname',
    'sandbox',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  for (const [path, link] of Object.entries(host.rootLinks)) {
    if (link === 'dir') argv.push('--ro-bind', path, path);
    else argv.push('--symlink', link.symlink, path);
  }
  for (const dir of host.etcDirs) argv.push('--ro-bind', dir, dir);
  if (host.nodeInstallDir && job.language === 'javascript')
    argv.push('--ro-bind', host.nodeInstallDir, host.nodeInstallDir);
  argv.push(
    '--ro-bind',
    options.scriptFile,
    `${SANDBOX_PATHS.job}/${scriptName(job.language)}`,
    '--ro-bind',
    job.inputDir,
    SANDBOX_PATHS.data,
    '--bind',
    job.outputDir,
    SANDBOX_PATHS.output,
    // tmpfs is RAM not counted by RLIMIT_AS, so it is capped at the job's memory.
    '--size',
    String(job.limits.memoryMb * MIB),
    '--tmpfs',
    SANDBOX_PATHS.tmp,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    // bwrap's /dev holds only null, zero, random, tty and the like: a GPU must be bound explicitly.
    ...(options.devices ?? []).flatMap((d) => ['--dev-bind', d, d]),
    // The root bwrap builds is a writable tmpfs: freeze it, so /output and /tmp are the only writes.
    '--remount-ro',
    '/',
    '--chdir',
    SANDBOX_PATHS.output,
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    SANDBOX_PATHS.tmp,
    '--setenv',
    'TMPDIR',
    SANDBOX_PATHS.tmp,
    '--setenv',
    'LANG',
    'C.UTF-8',
    '--setenv',
    'EHDS_DATA',
    SANDBOX_PATHS.data,
    '--setenv',
    'EHDS_OUTPUT',
    SANDBOX_PATHS.output,
    '--setenv',
    'EHDS_PERMIT',
    job.permitId,
    // Numeric libraries size their thread pools by this rather than by the host's cores.
    '--setenv',
    'OMP_NUM_THREADS',
    String(job.limits.cpus),
    '--',
  );
  if (options.cpuList) argv.push('/usr/bin/taskset', '-c', options.cpuList);
  argv.push(...limitArgv(job, options.maxFileMb ?? 1024), ...interpreterArgv(job, host));
  return argv;
}

/** The first `count` CPUs of an allowed list such as `0-3,6` (from /proc/self/status), as a list. */
export function pickCpus(allowed: string, count: number): string {
  const cpus: number[] = [];
  for (const part of allowed.trim().split(',')) {
    const [a = 0, b = a] = part.split('-').map(Number);
    for (let c = a; c <= b; c++) cpus.push(c);
  }
  return cpus.slice(0, Math.max(1, count)).join(',');
}
