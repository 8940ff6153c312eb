import { createServer, type Server } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { LocalSandboxBackend } from './local-backend';
import { streamLogs } from '../files';
import { jobFolders, requireBinaries, testJob } from '../test-support';
import type { Job } from '../types';

const present = requireBinaries('local sandbox tests', [
  '/usr/bin/bwrap',
  '/usr/bin/prlimit',
  '/usr/bin/python3',
]);

describe.skipIf(!present)('LocalSandboxBackend (real bubblewrap)', () => {
  const dirs = jobFolders();
  const backend = new LocalSandboxBackend({ workRoot: dirs.workRoot });
  let listener: Server;
  let port = 0;

  beforeAll(async () => {
    writeFileSync(join(dirs.inputDir, 'cohort.csv'), 'age,sex\n40,F\n52,M\n');
    // A service on the host's loopback: the sandbox must not reach it.
    listener = createServer((s) => s.end('host secret\n'));
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => {
    listener.close();
    dirs.remove();
  });

  /** Runs a job in fresh output folder and waits for its end. */
  async function run(over: Partial<Job> & { script: string }) {
    const out = join(dirs.root, `out-${Math.random().toString(36).slice(2)}`);
    mkdirSync(out);
    const handle = await backend.submit(testJob({ inputDir: dirs.inputDir, outputDir: out, ...over }));
    const status = await backend.wait(handle);
    const log = (await backend.logs(handle, 0)).text;
    return { handle, status, log, out };
  }

  it('runs a Python script on the read-only extract and writes its output folder', async () => {
    const { handle, status, log, out } = await run({
      script: [
        'import sys, csv',
        'rows = list(csv.DictReader(open("/data/cohort.csv")))',
        'open("/output/summary.txt", "w").write(f"n={len(rows)} arg={sys.argv[1]}\\n")',
        'print("done", flush=True)',
        'print("to stderr", file=sys.stderr)',
      ].join('\n'),
      args: ['hello world'],
    });
    expect(status).toMatchObject({ state: 'succeeded', exitCode: 0 });
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).toBe('n=2 arg=hello world\n');
    expect(log).toContain('done');
    expect(log).toContain('to stderr');
    expect(await backend.outputs(handle)).toEqual([{ path: 'summary.txt', size: 20 }]);
  });

  it('has no network: no connection to the host loopback, no name resolution', async () => {
    const { status, out } = await run({
      script: [
        'import socket, json',
        'r = {}',
        'try:',
        `    s = socket.create_connection(("127.0.0.1", ${port}), timeout=3); r["connect"] = s.recv(100).decode()`,
        'except OSError as e: r["connect"] = "error: " + type(e).__name__',
        'try:',
        '    r["resolve"] = str(socket.getaddrinfo("example.com", 443))',
        'except OSError as e: r["resolve"] = "error: " + type(e).__name__',
        'try:',
        '    socket.create_connection(("1.1.1.1", 53), timeout=3); r["internet"] = "connected"',
        'except OSError as e: r["internet"] = "error: " + type(e).__name__',
        'r["interfaces"] = [n for _, n in socket.if_nameindex()]',
        'json.dump(r, open("/output/net.json", "w"))',
      ].join('\n'),
    });
    expect(status.state).toBe('succeeded');
    const r = JSON.parse(readFileSync(join(out, 'net.json'), 'utf8'));
    expect(r.connect).toMatch(/^error: /); // the host's listener is in another network namespace
    expect(r.resolve).toMatch(/^error: /);
    expect(r.internet).toMatch(/^error: /);
    expect(r.interfaces).toEqual(['lo']);
  });

  it('shows nothing else of the host and keeps /data read-only', async () => {
    const { status, out } = await run({
      script: [
        'import os, json',
        'r = {"root": sorted(os.listdir("/")), "etc": sorted(os.listdir("/etc")), "uid": os.getuid()}',
        'for p in ["/etc/passwd", "/etc/shadow", "/root", "/work", "/home", "/var", "' +
          process.cwd() +
          '"]:',
        '    r[p] = os.path.exists(p)',
        'for p in ["/data/new.txt", "/usr/evil", "/job/x"]:',
        '    try:',
        '        open(p, "w").write("x"); r[p] = "written"',
        '    except OSError as e: r[p] = "refused"',
        'open("/tmp/scratch", "w").write("ok"); r["tmp"] = open("/tmp/scratch").read()',
        'json.dump(r, open("/output/fs.json", "w"))',
      ].join('\n'),
    });
    expect(status.state).toBe('succeeded');
    const r = JSON.parse(readFileSync(join(out, 'fs.json'), 'utf8'));
    const allowedRoot = [
      'bin',
      'data',
      'dev',
      'etc',
      'job',
      'lib',
      'lib32',
      'lib64',
      'libx32',
      'output',
      'proc',
      'sbin',
      'tmp',
      'usr',
    ];
    expect(r.root.filter((d: string) => !allowedRoot.includes(d))).toEqual([]);
    expect(r.root).toEqual(expect.arrayContaining(['data', 'output', 'job', 'tmp', 'usr']));
    // Only what the interpreters need from /etc (R's config, the BLAS alternatives).
    expect(r.etc.filter((d: string) => !['R', 'alternatives'].includes(d))).toEqual([]);
    for (const hidden of ['/etc/passwd', '/etc/shadow', '/root', '/work', '/home', '/var', process.cwd()])
      expect(r[hidden], hidden).toBe(false);
    expect(r['/data/new.txt']).toBe('refused');
    expect(r['/usr/evil']).toBe('refused');
    expect(r['/job/x']).toBe('refused');
    expect(r.tmp).toBe('ok');
    expect(r.uid).toBe(65534);
  });

  it('fails a job that allocates more than its memory limit, with a clear reason', async () => {
    const { status } = await run({
      script: 'x = bytearray(1024 * 1024 * 1024)\nprint("allocated")',
      limits: { cpus: 1, memoryMb: 256, timeSeconds: 60 },
    });
    expect(status).toMatchObject({ state: 'failed', reason: 'memory-limit' });
    expect(status.message).toContain('256 MB');
  });

  it('kills an endless loop at the time limit', async () => {
    const { status, log } = await run({
      script: 'print("looping", flush=True)\nwhile True:\n    pass',
      limits: { cpus: 1, memoryMb: 256, timeSeconds: 2 },
    });
    expect(log).toContain('looping');
    expect(status).toMatchObject({ state: 'failed', reason: 'time-limit' });
  });

  it('applies the CPU limits: CPU seconds and affinity', async () => {
    const { status, out } = await run({
      script: [
        'import os, resource, json',
        'json.dump({"cpu": resource.getrlimit(resource.RLIMIT_CPU), "as": resource.getrlimit(resource.RLIMIT_AS),',
        '           "affinity": len(os.sched_getaffinity(0)), "core": resource.getrlimit(resource.RLIMIT_CORE)},',
        '          open("/output/limits.json", "w"))',
      ].join('\n'),
      limits: { cpus: 1, memoryMb: 300, timeSeconds: 7 },
    });
    expect(status.state).toBe('succeeded');
    const r = JSON.parse(readFileSync(join(out, 'limits.json'), 'utf8'));
    expect(r.cpu).toEqual([7, 7]);
    expect(r.as).toEqual([300 * 1024 * 1024, 300 * 1024 * 1024]);
    expect(r.affinity).toBe(1);
    expect(r.core).toEqual([0, 0]);
  });

  it('runs R and JavaScript jobs', async () => {
    const r = await run({
      language: 'r',
      script: 'd <- read.csv("/data/cohort.csv")\nwriteLines(as.character(mean(d$age)), "/output/mean.txt")',
    });
    expect(r.status.state, r.log).toBe('succeeded');
    expect(readFileSync(join(r.out, 'mean.txt'), 'utf8')).toBe('46\n');
    const js = await run({
      language: 'javascript',
      script: [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        "const lines = readFileSync('/data/cohort.csv', 'utf8').trim().split('\\n');",
        "writeFileSync('/output/n.txt', String(lines.length - 1) + ' ' + process.argv[2]);",
      ].join('\n'),
      args: ['js'],
    });
    expect(js.status.state, js.log).toBe('succeeded');
    expect(readFileSync(join(js.out, 'n.txt'), 'utf8')).toBe('2 js');
  });

  it('streams logs while the job runs', async () => {
    // The script prints, then waits for a file the test creates only after it has read that line,
    // so the first chunk provably arrived while the job was running.
    const gate = `gate-${Date.now()}`;
    const out = join(dirs.root, 'out-stream');
    mkdirSync(out);
    const handle = await backend.submit(
      testJob({
        inputDir: dirs.inputDir,
        outputDir: out,
        script: `import os, time\nprint("waiting", flush=True)\nwhile not os.path.exists("/data/${gate}"):\n    time.sleep(0.05)\nprint("released", flush=True)`,
      }),
    );
    const chunks: string[] = [];
    const statesAtFirst: string[] = [];
    for await (const text of streamLogs((o) => backend.logs(handle, o), { intervalMs: 50 })) {
      if (chunks.length === 0) {
        statesAtFirst.push((await backend.status(handle)).state);
        writeFileSync(join(dirs.inputDir, gate), '');
      }
      chunks.push(text);
    }
    expect(statesAtFirst).toEqual(['running']);
    expect(chunks.join('')).toBe('waiting\nreleased\n');
    expect((await backend.status(handle)).state).toBe('succeeded');
  });

  it('cancels a running job', async () => {
    const out = join(dirs.root, 'out-cancel');
    mkdirSync(out);
    const handle = await backend.submit(
      testJob({ inputDir: dirs.inputDir, outputDir: out, script: 'import time\ntime.sleep(300)' }),
    );
    await backend.cancel(handle);
    expect((await backend.status(handle)).state).toBe('cancelled');
  });

  it('queues jobs beyond its concurrency, and cancels a queued job without running it', async () => {
    // Prepare: one slot, taken by a job that waits for a gate file.
    const single = new LocalSandboxBackend({ workRoot: join(dirs.root, 'work-single'), maxConcurrent: 1 });
    const gate = `gate-q-${Date.now()}`;
    const out = (name: string) => {
      const dir = join(dirs.root, name);
      mkdirSync(dir);
      return dir;
    };
    const first = await single.submit(
      testJob({
        inputDir: dirs.inputDir,
        outputDir: out('out-q1'),
        script: `import os, time\nwhile not os.path.exists("/data/${gate}"):\n    time.sleep(0.05)`,
      }),
    );
    const second = await single.submit(
      testJob({ inputDir: dirs.inputDir, outputDir: out('out-q2'), script: 'open("/output/ran", "w")' }),
    );
    const third = await single.submit(
      testJob({ inputDir: dirs.inputDir, outputDir: out('out-q3'), script: 'print("third")' }),
    );
    // Execute
    expect((await single.status(second)).state).toBe('queued');
    await single.cancel(second);
    writeFileSync(join(dirs.inputDir, gate), '');
    // Assert
    expect((await single.wait(first)).state).toBe('succeeded');
    expect((await single.wait(third)).state).toBe('succeeded');
    expect(await single.status(second)).toMatchObject({ state: 'cancelled' });
    expect(await single.outputs(second)).toEqual([]);
  });

  it('refuses path traversal, nested folders and a reused id', async () => {
    const base = { inputDir: dirs.inputDir, outputDir: dirs.outputDir, script: 'print(1)' };
    await expect(backend.submit(testJob({ ...base, id: '../escape' }))).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(
      backend.submit(testJob({ ...base, outputDir: `${dirs.inputDir}/../in` })),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      backend.submit(testJob({ ...base, outputDir: join(dirs.inputDir, 'sub') })),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(backend.submit(testJob({ ...base, outputDir: 'out' }))).rejects.toMatchObject({
      kind: 'invalid',
    });
    const job = testJob(base);
    const first = await backend.submit(job);
    await backend.wait(first);
    await expect(backend.submit(job)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
