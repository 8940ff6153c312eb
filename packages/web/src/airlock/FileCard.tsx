import { useId, useState } from 'react';
import { airlockFileUrl, type AirlockFile, type AirlockStatus } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { fmt } from '../i18n/format';
import { checkBadge, previewKind, sizeText, type Viewer } from './airlock-rules';
import { FilePreview } from './FilePreview';
import { airlockText as t } from './strings';

/**
 * One output file: its type, size and SHA-256, what the disclosure-control engine found (with its
 * machine-readable record, SATRE 3.3.09), an inline preview for checkers, and the download — for
 * checkers to inspect, for the author only once released (Art. 73(2)).
 */
export function FileCard({
  requestId,
  file,
  viewer,
  status,
}: {
  requestId: string;
  file: AirlockFile;
  viewer: Viewer;
  status: AirlockStatus;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const canPreview = viewer === 'checker' && previewKind(file) !== null;
  const url = airlockFileUrl(requestId, file.name);
  return (
    <li className="card airlock-file" data-testid={`airlock-file-${file.name}`}>
      <h3 id={`${id}-name`}>
        <code>{file.name}</code>
      </h3>
      <dl className="key-values">
        <div>
          <dt>{t.files.mediaType}</dt>
          <dd>
            <code>{file.mediaType}</code>
          </dd>
        </div>
        <div>
          <dt>{t.files.size}</dt>
          <dd>{sizeText(file.bytes)}</dd>
        </div>
        <div>
          <dt>{t.files.sha256}</dt>
          <dd>
            <code className="airlock-hash">{file.sha256}</code>
          </dd>
        </div>
        <div>
          <dt>{t.files.check}</dt>
          <dd data-testid={`airlock-check-${file.name}`} data-outcome={file.autoCheck.outcome}>
            <Badge badge={checkBadge(file.autoCheck.outcome)} /> {file.autoCheck.summary}{' '}
            <span className="muted small">({t.kinds[file.autoCheck.kind] ?? file.autoCheck.kind})</span>
          </dd>
        </div>
      </dl>
      <details className="airlock-record">
        <summary>{t.files.record}</summary>
        {file.autoCheck.record == null ? (
          <p>{t.files.recordNone}</p>
        ) : (
          <pre className="airlock-preview" tabIndex={0} aria-label={`${t.files.record}: ${file.name}`}>
            {JSON.stringify(file.autoCheck.record, null, 2)}
          </pre>
        )}
      </details>
      <div className="actions">
        {canPreview && (
          <button
            type="button"
            className="button secondary small"
            aria-expanded={open}
            aria-controls={`${id}-preview`}
            aria-describedby={`${id}-name`}
            onClick={() => setOpen(!open)}
            data-testid={`airlock-preview-toggle-${file.name}`}
          >
            {open ? t.files.hidePreview : t.files.preview}
          </button>
        )}
        {viewer === 'checker' && (
          <a href={url} download={file.name} className="button secondary small">
            {fmt(t.files.inspect, { name: file.name })}
          </a>
        )}
        {viewer === 'author' &&
          (status === 'RELEASED' ? (
            <a
              href={url}
              download={file.name}
              className="button small"
              data-testid={`airlock-download-${file.name}`}
            >
              {fmt(t.files.download, { name: file.name })}
            </a>
          ) : (
            <p className="hint">{t.files.notYet}</p>
          ))}
      </div>
      {canPreview && (
        <div id={`${id}-preview`}>{open && <FilePreview requestId={requestId} file={file} />}</div>
      )}
    </li>
  );
}
