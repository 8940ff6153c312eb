import { applicationExportUrl, type ApplicationView } from '@openehds/client';
import { exportFileName, exportJson } from './content-edit';
import { applicationsText as t } from './strings';

/** Saves a text as a file in the browser (no server round trip). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser the time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Export of a file: JSON built here from the content as loaded, and the PDF the hub renders at
 * `/api/applications/:id/export?format=pdf`.
 */
export function ExportLinks({
  view,
}: {
  view: Pick<ApplicationView, 'id' | 'reference' | 'kind' | 'status' | 'version' | 'content'>;
}) {
  return (
    <section aria-labelledby={`export-${view.id}`} className="export-links">
      <h3 id={`export-${view.id}`}>{t.editor.export}</h3>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          data-testid="download-json"
          onClick={() =>
            download(exportJson(view), exportFileName(view.reference, 'json'), 'application/json')
          }
        >
          {t.editor.downloadJson}
        </button>
        <a
          className="button secondary"
          href={applicationExportUrl(view.id, 'pdf')}
          download={exportFileName(view.reference, 'pdf')}
          data-testid="download-pdf"
        >
          {t.editor.downloadPdf}
        </a>
        <span className="hint">{t.editor.pdfNote}</span>
      </div>
    </section>
  );
}
