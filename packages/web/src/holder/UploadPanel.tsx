import { useId, useRef, useState, type FormEvent } from 'react';
import type { IngestReport } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, formatNumber } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import type { NodeAccess } from './HolderPage';
import { IngestReportView } from './IngestReportView';
import { fileSize } from './progress';
import { uploadFile, type UploadProgress } from './upload';
import { tidyUploadError } from './upload-error';

interface Props {
  access: NodeAccess;
  version: number;
  onIngested: () => void;
}

interface Done {
  file: string;
  report?: IngestReport;
  error?: unknown;
}

/** Upload files to the node, one after the other, with a real progress bar and each file's report. */
export function UploadPanel({ access, version, onIngested }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [current, setCurrent] = useState<{ file: string; progress: UploadProgress } | null>(null);
  const [done, setDone] = useState<Done[]>([]);
  const batches = useAsync(async () => (await access()).client.batches(), [access, version]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (files.length === 0) return;
    const results: Done[] = [];
    setDone([]);
    for (const file of files) {
      setCurrent({ file: file.name, progress: { phase: 'sending', percent: 0 } });
      try {
        const { node } = await access();
        const report = await uploadFile(node.url, node.token, file, (progress) =>
          setCurrent({ file: file.name, progress }),
        );
        results.push({ file: file.name, report });
      } catch (err) {
        results.push({ file: file.name, error: tidyUploadError(err, file.name) });
      }
      setDone([...results]);
    }
    setCurrent(null);
    setFiles([]);
    if (input.current) input.current.value = '';
    onIngested();
  }

  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{ui.holder.upload}</h3>
      <p>{ui.holder.uploadIntro}</p>
      <form onSubmit={onSubmit} className="form">
        <div className="field">
          <label htmlFor={inputId}>{ui.holder.chooseFiles}</label>
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            data-testid="upload-input"
            disabled={current !== null}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          {files.length > 0 && (
            <ul className="muted file-list">
              {files.map((f) => (
                <li key={f.name}>
                  {f.name} ({fileSize(f.size)})
                </li>
              ))}
            </ul>
          )}
        </div>
        <button
          type="submit"
          className="button"
          disabled={files.length === 0 || current !== null}
          data-testid="upload-button"
        >
          {ui.holder.uploadButton}
        </button>
      </form>
      <div aria-live="polite">
        {current && (
          <div className="progress">
            <label htmlFor={`${inputId}-progress`}>
              {current.progress.phase === 'sending'
                ? fmt(ui.holder.uploading, { file: current.file, pct: current.progress.percent })
                : fmt(ui.holder.processing, { file: current.file })}
            </label>
            <progress
              id={`${inputId}-progress`}
              max={100}
              value={current.progress.phase === 'sending' ? current.progress.percent : undefined}
            />
          </div>
        )}
      </div>
      {done.map((d) =>
        d.report ? (
          <IngestReportView key={d.file} file={d.file} report={d.report} />
        ) : (
          <ErrorBox key={d.file} error={d.error} title={fmt(ui.holder.report, { file: d.file })} />
        ),
      )}
      <details className="batches">
        <summary>{ui.holder.batches}</summary>
        {batches.loading && <Loading />}
        {batches.error != null && <ErrorBox error={batches.error} onRetry={batches.reload} />}
        {batches.data?.length === 0 && <p>{ui.holder.noBatches}</p>}
        {batches.data && batches.data.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{ui.holder.batch}</th>
                  <th scope="col">{ui.holder.started}</th>
                  <th scope="col">{ui.holder.status}</th>
                  <th scope="col" className="num">
                    {ui.holder.read}
                  </th>
                  <th scope="col" className="num">
                    {ui.holder.loaded}
                  </th>
                  <th scope="col" className="num">
                    {ui.holder.rejected}
                  </th>
                </tr>
              </thead>
              <tbody>
                {batches.data.map((b) => (
                  <tr key={b.batchId}>
                    <th scope="row">
                      <code>{b.batchId}</code>
                    </th>
                    <td>{formatDateTime(b.startedAt)}</td>
                    <td>{b.status}</td>
                    <td className="num">{formatNumber(b.read)}</td>
                    <td className="num">{formatNumber(b.loaded)}</td>
                    <td className="num">{formatNumber(b.rejected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </section>
  );
}
