import { useCallback, useRef, useState } from 'react';
import { createNodeClient, type HolderNode, type NodeClient } from '@openehds/client';
import { hub } from '../api';
import { CostRequests } from '../applications/CostRequests';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, nameOf } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { DescriptionForm } from './DescriptionForm';
import { QualityPanel } from './QualityPanel';
import { tokenFresh } from './token';
import { UploadPanel } from './UploadPanel';

/** A way to get a node's URL and a token that is still valid, fetching a new one from the hub when needed. */
export type NodeAccess = () => Promise<{ node: HolderNode & { url: string }; client: NodeClient }>;

/**
 * fetch for a node's API whose network failures say what to check: the browser only reports
 * "Failed to fetch" both when the node is down and when it refuses this page's origin (CORS).
 */
function explainedFetch(url: string): typeof fetch {
  return (input, init) =>
    fetch(input, init).catch((err: unknown) => {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw new Error(fmt(ui.holder.nodeUnreachable, { url, origin: window.location.origin }));
    });
}

/** The data holder's workspace: one panel per node they run. */
export function HolderPage() {
  useTitle(ui.holder.title);
  const nodes = useAsync(() => hub.holderNodes(), []);
  // Latest tokens by node id; refreshed from the hub when one is about to expire.
  const latest = useRef(new Map<string, HolderNode>());
  if (nodes.data) for (const n of nodes.data) if (!latest.current.has(n.id)) latest.current.set(n.id, n);

  const accessCache = useRef(new Map<string, NodeAccess>());

  const makeAccess = useCallback(
    (id: string): NodeAccess =>
      async () => {
        let node = latest.current.get(id);
        if (!node || !tokenFresh(node.tokenExpiresAt, Date.now())) {
          for (const n of await hub.holderNodes()) latest.current.set(n.id, n);
          node = latest.current.get(id);
        }
        if (!node) throw new Error(`node ${id} is no longer registered to your organisation`);
        const { url } = node;
        if (!url) throw new Error(ui.holder.nodeNoUrl);
        return {
          node: { ...node, url },
          client: createNodeClient({ baseUrl: url, token: node.token, fetch: explainedFetch(url) }),
        };
      },
    [],
  );
  // One stable function per node, so panels do not reload on every render.
  const accessFor = (id: string): NodeAccess => {
    let fn = accessCache.current.get(id);
    if (!fn) {
      fn = makeAccess(id);
      accessCache.current.set(id, fn);
    }
    return fn;
  };

  return (
    <>
      <h1>{ui.holder.title}</h1>
      <p className="lead">{ui.holder.intro}</p>
      {nodes.loading && <Loading />}
      {nodes.error != null && <ErrorBox error={nodes.error} onRetry={nodes.reload} />}
      {nodes.data?.length === 0 && <p>{ui.holder.noNodes}</p>}
      {nodes.data?.map((n) => (
        <section
          key={n.id}
          aria-labelledby={`node-${n.id}`}
          className="node-panel"
          data-testid={`node-${n.id}`}
        >
          <h2 id={`node-${n.id}`}>
            {fmt(ui.holder.nodeTitle, { name: n.name, country: nameOf(ui.countries, n.country) })}
          </h2>
          {n.url ? (
            <>
              <p className="muted">
                {ui.holder.nodeUrl}: <code>{n.url}</code>
              </p>
              <NodeSections access={accessFor(n.id)} />
            </>
          ) : (
            <p className="alert alert-info">{ui.holder.nodeNoUrl}</p>
          )}
        </section>
      ))}
      <CostRequests />
    </>
  );
}

function NodeSections({ access }: { access: NodeAccess }) {
  // Bumped after an ingest: the node re-ran its checks and re-derived the dataset, so reload both.
  const [version, setVersion] = useState(0);
  return (
    <>
      <UploadPanel access={access} version={version} onIngested={() => setVersion((v) => v + 1)} />
      <QualityPanel access={access} version={version} />
      <DescriptionForm access={access} version={version} />
    </>
  );
}
