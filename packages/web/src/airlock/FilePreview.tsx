import type { AirlockFile } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { airlockApi } from './api';
import { previewKind } from './airlock-rules';
import { parseCsv } from './csv';
import { CsvTable } from './CsvTable';
import { airlockText as t } from './strings';

/** Characters shown at most; a longer file is cut (the checker can download it whole). */
const MAX_CHARS = 200_000;

/** Pretty-prints JSON text, or returns it as it is when it does not parse. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * A checker's inline look at a text file, fetched through the files route (an audited inspection):
 * a CSV as a table, JSON pretty-printed, plain text as it is. Always shown as text.
 */
export function FilePreview({ requestId, file }: { requestId: string; file: AirlockFile }) {
  const kind = previewKind(file);
  const text = useAsync(
    (signal) => airlockApi.fileText(requestId, file.name, signal),
    [requestId, file.name],
  );
  return (
    <div className="airlock-preview-box" data-testid={`airlock-preview-${file.name}`}>
      <p className="hint">{t.files.previewNote}</p>
      {text.loading && <Loading label={t.files.previewLoading} />}
      {text.error != null && <ErrorBox error={text.error} onRetry={text.reload} />}
      {text.data !== undefined && !text.loading && (
        <>
          {text.data.length > MAX_CHARS && <p>{fmt(t.files.previewTruncated, { n: MAX_CHARS })}</p>}
          {kind === 'csv' ? (
            <CsvTable
              name={file.name}
              preview={parseCsv(text.data.slice(0, MAX_CHARS))}
              testId={`airlock-preview-table-${file.name}`}
            />
          ) : (
            <pre className="airlock-preview" tabIndex={0} aria-label={file.name}>
              {kind === 'json' ? prettyJson(text.data.slice(0, MAX_CHARS)) : text.data.slice(0, MAX_CHARS)}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
