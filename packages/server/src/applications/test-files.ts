import { exampleApplication } from '@openehds/core';
import type { TestHub } from '../http/test-hub';

/** Test helper: a demo user's complete application, submitted; returns its id. */
export async function submittedApplication(hub: TestHub, who = 'user'): Promise<string> {
  const headers = { 'x-requested-with': 'test' };
  const created = await hub.as(who, {
    method: 'POST',
    url: '/api/applications',
    headers,
    payload: { kind: 'application', content: exampleApplication() },
  });
  if (created.statusCode !== 201) throw new Error(`draft not created: ${created.body}`);
  const { id } = created.json() as { id: string };
  const submitted = await hub.as(who, { method: 'POST', url: `/api/applications/${id}/submit`, headers });
  if (submitted.statusCode !== 200) throw new Error(`not submitted: ${submitted.body}`);
  return id;
}
