import { useState } from 'react';
import type { HubNode } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, nameOf } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { keyFingerprint } from './key-fingerprint';

/** Node registrations with approve/reject for pending ones (admins only: `GET /api/nodes` is admin-only). */
export function NodesTable() {
  const nodes = useAsync(() => hub.listNodes(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function decide(node: HubNode, action: 'approve' | 'reject' | 'revoke') {
    // Revoking cuts a working node off the federation: ask first.
    if (action === 'revoke' && !window.confirm(fmt(ui.admin.revokeConfirm, { name: node.name }))) return;
    setBusy(node.id);
    setError(null);
    try {
      if (action === 'approve') await hub.approveNode(node.id);
      else if (action === 'reject') await hub.rejectNode(node.id);
      else await hub.revokeNode(node.id);
      nodes.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="nodes-title" className="card">
      <h2 id="nodes-title">{ui.admin.nodes}</h2>
      <p>{ui.admin.nodesIntro}</p>
      {nodes.loading && !nodes.data && <Loading />}
      {nodes.error != null && <ErrorBox error={nodes.error} onRetry={nodes.reload} />}
      {error != null && <ErrorBox error={error} />}
      {nodes.data?.length === 0 && <p>{ui.admin.noNodes}</p>}
      {nodes.data && nodes.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="nodes-table">
            <thead>
              <tr>
                <th scope="col">{ui.admin.name}</th>
                <th scope="col">{ui.admin.organisation}</th>
                <th scope="col">{ui.admin.country}</th>
                <th scope="col">{ui.admin.status}</th>
                <th scope="col">{ui.admin.registered}</th>
                <th scope="col">{ui.admin.lastSeen}</th>
                <th scope="col">{ui.admin.key}</th>
                <th scope="col">{ui.admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {nodes.data.map((n) => (
                <tr key={n.id} data-testid={`node-row-${n.id}`}>
                  <th scope="row">{n.name}</th>
                  <td>{n.organisationName ?? '–'}</td>
                  <td>{nameOf(ui.countries, n.country)}</td>
                  <td>
                    <span className={`status status-${n.status.toLowerCase()}`}>
                      {ui.admin.statuses[n.status] ?? n.status}
                    </span>
                  </td>
                  <td className="nowrap">{formatDateTime(n.registeredAt)}</td>
                  <td className="nowrap">{formatDateTime(n.lastSeenAt) || '–'}</td>
                  <td>
                    <code title={n.publicKey}>{n.fingerprint || keyFingerprint(n.publicKey)}</code>
                  </td>
                  <td>
                    {n.status === 'PENDING' && (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button small"
                          disabled={busy !== null}
                          aria-label={fmt(ui.admin.approveNode, { name: n.name })}
                          data-testid={`approve-${n.id}`}
                          onClick={() => void decide(n, 'approve')}
                        >
                          {ui.admin.approve}
                        </button>
                        <button
                          type="button"
                          className="button danger small"
                          disabled={busy !== null}
                          aria-label={fmt(ui.admin.rejectNode, { name: n.name })}
                          onClick={() => void decide(n, 'reject')}
                        >
                          {ui.admin.reject}
                        </button>
                      </div>
                    )}
                    {n.status === 'APPROVED' && (
                      <button
                        type="button"
                        className="button danger small"
                        disabled={busy !== null}
                        aria-label={fmt(ui.admin.revokeNode, { name: n.name })}
                        data-testid={`revoke-${n.id}`}
                        onClick={() => void decide(n, 'revoke')}
                      >
                        {ui.admin.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
