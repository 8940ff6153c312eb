import { describe, expect, it } from 'vitest';
import { limitArgv, pickCpus, sandboxArgv, type HostLayout } from './command';
import type { Job } from '../types';

const host: HostLayout = {
  rootLinks: { '/bin': { symlink: 'usr/bin' }, '/lib': { symlink: 'usr/lib' }, '/lib64': 'dir' },
  etcDirs: ['/etc/alternatives'],
  nodeBinary: '/opt/node/bin/node',
  nodeInstallDir: '/opt/node',
};
const job: Job = {
  id: 'j1',
  permitId: 'P-1',
  language: 'python',
  script: 'print(1)',
  args: ['a b', "it's"],
  limits: { cpus: 2, memoryMb: 512, timeSeconds: 10 },
  inputDir: '/srv/extract',
  outputDir: '/srv/out',
};

/** The value after a flag, for each time the flag appears. */
function pairs(argv: string[], flag: string, width = 2): string[][] {
  return argv.flatMap((a, i) => (a === flag ? [argv.slice(i + 1, i + 1 + width)] : []));
}

describe('sandboxArgv', () => {
  const argv = sandboxArgv(job, { host, scriptFile: '/work/j1/main.py', cpuList: '0,1' });

  it('unshares every namespace, network included, and never shares it back', () => {
    expect(argv[0]).toBe('/usr/bin/bwrap');
    expect(argv).toEqual(
      expect.arrayContaining([
        '--unshare-all',
        '--unshare-user',
        '--disable-userns',
        '--die-with-parent',
        '--new-session',
      ]),
    );
    expect(argv).not.toContain('--share-net');
  });

  it('binds only /usr, the root links, the /etc folders, the script, /data read-only and /output writable', () => {
    expect(pairs(argv, '--ro-bind')).toEqual([
      ['/usr', '/usr'],
      ['/lib64', '/lib64'],
      ['/etc/alternatives', '/etc/alternatives'],
      ['/work/j1/main.py', '/job/main.py'],
      ['/srv/extract', '/data'],
    ]);
    expect(pairs(argv, '--bind')).toEqual([['/srv/out', '/output']]);
    expect(pairs(argv, '--symlink')).toEqual([
      ['usr/bin', '/bin'],
      ['usr/lib', '/lib'],
    ]);
    // The node install folder is bound only for JavaScript jobs.
    expect(argv).not.toContain('/opt/node');
    const js = sandboxArgv({ ...job, language: 'javascript' }, { host, scriptFile: '/w/main.mjs' });
    expect(pairs(js, '--ro-bind')).toContainEqual(['/opt/node', '/opt/node']);
  });

  it('caps /tmp at the memory limit and freezes the root', () => {
    expect(pairs(argv, '--size', 3)).toEqual([[String(512 * 1024 * 1024), '--tmpfs', '/tmp']]);
    expect(pairs(argv, '--remount-ro', 1)).toEqual([['/']]);
  });

  it('exposes device nodes only when asked (GPU jobs)', () => {
    expect(argv).not.toContain('--dev-bind');
    const gpu = sandboxArgv(job, {
      host,
      scriptFile: '/w/main.py',
      devices: ['/dev/nvidia0', '/dev/nvidiactl'],
    });
    expect(pairs(gpu, '--dev-bind')).toEqual([
      ['/dev/nvidia0', '/dev/nvidia0'],
      ['/dev/nvidiactl', '/dev/nvidiactl'],
    ]);
  });

  it('runs the interpreter under taskset and prlimit with the arguments passed as separate words', () => {
    const tail = argv.slice(argv.indexOf('--') + 1);
    expect(tail.slice(0, 3)).toEqual(['/usr/bin/taskset', '-c', '0,1']);
    expect(tail.slice(-6)).toEqual(['/usr/bin/python3', '-I', '-B', '/job/main.py', 'a b', "it's"]);
  });
});

describe('limitArgv', () => {
  it('limits address space for Python and R, data segment for node, CPU seconds over all CPUs', () => {
    expect(limitArgv(job, 100)).toEqual([
      '/usr/bin/prlimit',
      `--as=${512 * 1024 * 1024}`,
      '--cpu=20',
      `--fsize=${100 * 1024 * 1024}`,
      '--nofile=1024',
      '--core=0',
      '--',
    ]);
    expect(limitArgv({ ...job, language: 'javascript' }, 100)[1]).toBe(`--data=${512 * 1024 * 1024}`);
  });
});

describe('pickCpus', () => {
  it('takes the first allowed CPUs from a list with ranges', () => {
    expect(pickCpus('0-3,6', 2)).toBe('0,1');
    expect(pickCpus('2,5-7', 3)).toBe('2,5,6');
    expect(pickCpus('0-1', 8)).toBe('0,1');
  });
});
