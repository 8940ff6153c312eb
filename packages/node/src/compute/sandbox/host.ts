import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HostLayout } from './command';

/**
 * Looks at this machine once: which root folders are merged-/usr symlinks, which /etc folders the
 * interpreters need, and where the node binary lives (it may be outside /usr, e.g. /opt/node).
 */
export function describeHost(execPath: string = process.execPath): HostLayout {
  const rootLinks: HostLayout['rootLinks'] = {};
  for (const path of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(path)) continue;
    const info = lstatSync(path);
    if (info.isSymbolicLink()) rootLinks[path] = { symlink: readlinkSync(path) };
    else if (info.isDirectory()) rootLinks[path] = 'dir';
  }
  // /etc/alternatives: Debian's BLAS/LAPACK links (R); /etc/R: R's ldpaths and Renviron.
  const etcDirs = ['/etc/alternatives', '/etc/R'].filter((d) => existsSync(d));
  const nodeBinary = realpathSync(execPath);
  const inUsr = nodeBinary.startsWith('/usr/');
  return {
    rootLinks,
    etcDirs,
    nodeBinary,
    ...(inUsr ? {} : { nodeInstallDir: dirname(dirname(nodeBinary)) }),
  };
}

/** The CPUs this process may run on (`0-1`), from /proc/self/status. */
export function allowedCpus(): string {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Cpus_allowed_list:'));
  return line?.split(':')[1]?.trim() || '0';
}
