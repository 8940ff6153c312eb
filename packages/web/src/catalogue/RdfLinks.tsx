import { useState, type MouseEvent } from 'react';
import { RDF_FORMATS, type RdfFormat } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { ui } from '../i18n/ui';
import { rdfExtension } from './languages';

/**
 * Links to the dataset's HealthDCAT-AP RDF. The hub negotiates the format by Accept header, which a
 * plain link cannot set, so a click fetches the chosen format and saves it as a file.
 */
export function RdfLinks({ id }: { id: string }) {
  const [error, setError] = useState<unknown>(null);
  const href = `/catalogue/datasets/${encodeURIComponent(id)}`;

  async function download(e: MouseEvent, format: RdfFormat) {
    e.preventDefault();
    setError(null);
    try {
      const text = await hub.getDatasetRdf(id, format.mediaType);
      const url = URL.createObjectURL(new Blob([text], { type: format.mediaType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${id}.${rdfExtension(format.mediaType)}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby="rdf-title">
      <h2 id="rdf-title">{ui.dataset.rdf}</h2>
      <ul className="inline-list">
        {RDF_FORMATS.map((f) => (
          <li key={f.id}>
            <a
              href={href}
              type={f.mediaType}
              data-testid={`rdf-${f.id}`}
              onClick={(e) => void download(e, f)}
            >
              {f.label}
            </a>
          </li>
        ))}
      </ul>
      {error != null && <ErrorBox error={error} />}
    </section>
  );
}
