import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbidden, registerProblemHandler, unauthenticated } from '@openehds/core';
import { LocalSandboxBackend } from '../sandbox/local-backend';
import { jobFolders, requireBinaries, testJob } from '../test-support';
import { isFinal, type JobHandle } from '../types';
import { TesBackend } from './backend';
import { TesClient } from './client';
import { jobToTask } from './mapping';
import { TES_PREFIX, tesServer } from './server';
import { TesTaskViewSchema } from './schema';

const present = requireBinaries('TES server tests (sandbox behind TES)', [
  '/usr/bin/bwrap',
  '/usr/bin/python3',
]);

const PERMIT = 'P-2027-0042-FI';
const OTHER_PERMIT = 'P-2027-0099-FI';
// Two partners of the node, each holding one permit (the lead wires real tokens and permit checks).
const TOKENS: Record<string, string[]> = { 'partner-a': [PERMIT], 'partner-b': [OTHER_PERMIT] };

describe.skipIf(!present)('TES v1.1 server backed by the local sandbox, over real HTTP', () => {
  const dirs = jobFolders('ehds-tes-');
  let app: FastifyInstance;
  let url: string;
  let client: TesClient;
  let backend: TesBackend;

  function callerOf(request: FastifyRequest): string[] {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const permits = token ? TOKENS[token] : undefined;
    if (!permits) throw unauthenticated('send a partner token as Authorization: Bearer');
    return permits;
  }

  beforeAll(async () => {
    writeFileSync(join(dirs.inputDir, 'cohort.csv'), 'age\n30\n50\n');
    app = Fastify();
    registerProblemHandler(app);
    await app.register(tesServer, {
      prefix: TES_PREFIX,
      backend: new LocalSandboxBackend({ workRoot: dirs.workRoot }),
      caller: async (request) => ({ permits: callerOf(request) }),
      admit: async (request, _task, permitId, taskId) => {
        const permits = callerOf(request);
        if (!permitId || !permits.includes(permitId))
          throw forbidden(`name a permit you hold in tags.permit`);
        const outputDir = join(dirs.outputDir, taskId);
        mkdirSync(outputDir);
        return { permitId, inputDir: dirs.inputDir, outputDir };
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}${TES_PREFIX}`;
    client = new TesClient({ url, token: () => 'partner-a' });
    backend = new TesBackend(client);
  });
  afterAll(async () => {
    await app.close();
    dirs.remove();
  });

  async function waitFinal(handle: JobHandle) {
    for (;;) {
      const status = await backend.status(handle);
      if (isFinal(status.state)) return status;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('describes itself as a TES 1.1 service', async () => {
    const info = await client.serviceInfo();
    expect(info.type).toEqual({ group: 'org.ga4gh', artifact: 'tes', version: '1.1.0' });
    expect(info.tesResources_backend_parameters).toContain('time_seconds');
  });

  it('runs a job sent as a TES task and reports logs and outputs, which stay for the airlock', async () => {
    // Prepare
    const job = testJob({
      inputDir: '/unused/by/tes',
      outputDir: '/unused/by/tes-out',
      args: ['x'],
      script:
        'import sys\nn = len(open("/data/cohort.csv").read().split()) - 1\nopen("/output/n.txt", "w").write(str(n))\nprint("rows", n, sys.argv[1])',
    });
    // Execute
    const handle = await backend.submit(job);
    const status = await waitFinal(handle);
    // Assert
    expect(status).toMatchObject({ state: 'succeeded', exitCode: 0 });
    expect((await backend.logs(handle, 0)).text).toBe('rows 2 x\n');
    expect(await backend.outputs(handle)).toEqual([{ path: 'n.txt', size: 1 }]);
    expect(readFileSync(join(dirs.outputDir, handle.ref, 'n.txt'), 'utf8')).toBe('2');
    const full = await client.getTask(handle.ref, 'FULL');
    expect(full.logs?.[0]?.outputs).toEqual([
      { url: `airlock:${handle.ref}/n.txt`, path: '/output/n.txt', size_bytes: '1' },
    ]);
    expect(full.tags).toEqual({ permit: PERMIT, job: job.id });
  });

  it('returns the three views as the spec defines them', async () => {
    const handle = await backend.submit(
      testJob({ inputDir: '/x', outputDir: '/y', script: 'print("hello")' }),
    );
    await waitFinal(handle);
    const minimal = await client.getTask(handle.ref, 'MINIMAL');
    expect(Object.keys(minimal).sort()).toEqual(['id', 'state']);
    const basic = await client.getTask(handle.ref, 'BASIC');
    expect(basic.inputs?.[0]?.content).toBeUndefined();
    expect(basic.logs?.[0]?.logs[0]?.stdout).toBeUndefined();
    expect(basic.executors?.[0]?.image).toBe('python');
    const full = await client.getTask(handle.ref, 'FULL');
    expect(full.inputs?.[0]?.content).toBe('print("hello")');
    expect(full.logs?.[0]?.logs[0]).toMatchObject({ stdout: 'hello\n', exit_code: 0 });
    expect(TesTaskViewSchema.safeParse(full).success).toBe(true);
  });

  it('reports a failing script as EXECUTOR_ERROR with its exit code', async () => {
    const handle = await backend.submit(
      testJob({ inputDir: '/x', outputDir: '/y', script: 'import sys\nsys.exit(3)' }),
    );
    expect(await waitFinal(handle)).toMatchObject({ state: 'failed', exitCode: 3, reason: 'exit-code' });
    expect((await client.getTask(handle.ref)).state).toBe('EXECUTOR_ERROR');
  });

  it('cancels through POST /tasks/{id}:cancel', async () => {
    const handle = await backend.submit(
      testJob({ inputDir: '/x', outputDir: '/y', script: 'import time\ntime.sleep(120)' }),
    );
    await backend.cancel(handle);
    expect((await client.getTask(handle.ref)).state).toBe('CANCELED');
  });

  it('lists only the caller’s tasks, with paging', async () => {
    const page1 = await client.listTasks({ pageSize: 2 });
    expect(page1.tasks).toHaveLength(2);
    expect(page1.next_page_token).toBeDefined();
    const page2 = await client.listTasks({ pageSize: 2, pageToken: page1.next_page_token });
    expect(page2.tasks.map((t) => t.id)).not.toContain(page1.tasks[0]!.id);
    const other = new TesClient({ url, token: () => 'partner-b' });
    expect((await other.listTasks()).tasks).toEqual([]);
    await expect(other.getTask(page1.tasks[0]!.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses callers without a token and tasks under a permit they do not hold', async () => {
    const anonymous = await fetch(`${url}/tasks`);
    expect(anonymous.status).toBe(401);
    const job = testJob({ inputDir: '/x', outputDir: '/y', script: 'print(1)', permitId: OTHER_PERMIT });
    await expect(backend.submit(job)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('validates the task shape and lists every field at fault', async () => {
    const post = (body: unknown) =>
      fetch(`${url}/tasks`, {
        method: 'POST',
        headers: { authorization: 'Bearer partner-a', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { issues?: { path: string }[] } }));
    const noExecutors = await post({ tags: { permit: PERMIT } });
    expect(noExecutors.status).toBe(400);
    expect(noExecutors.body.issues?.map((i) => i.path)).toContain('executors');
    const good = jobToTask(testJob({ inputDir: '/x', outputDir: '/y', script: 'print(1)' }));
    const unsupported = await post({
      ...good,
      inputs: [
        ...good.inputs!,
        { path: '/data/extra.csv', url: 'https://example.org/leak.csv', type: 'FILE' },
      ],
      outputs: [{ path: '/etc/passwd', url: 's3://bucket/x', type: 'FILE' }],
      executors: [{ ...good.executors[0], image: 'ubuntu:22.04' }],
      resources: {
        ...good.resources,
        backend_parameters: { VmSize: 'big' },
        backend_parameters_strict: true,
      },
    });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.issues?.map((i) => i.path).sort()).toEqual(
      ['executors[0].image', 'inputs[1].url', 'outputs[0].path', 'resources.backend_parameters'].sort(),
    );
  });
});
