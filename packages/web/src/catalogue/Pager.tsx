import { Link } from 'react-router-dom';
import { toSearchParams, type DatasetQuery } from '@openehds/client';
import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { pageCount, pageWindow } from './paging';

/** Page links for the catalogue; plain links, so each page has its own address. */
export function Pager({ query, total }: { query: DatasetQuery; total: number }) {
  const pages = pageCount(total, query.pageSize);
  if (pages <= 1) return null;
  const href = (page: number) => `/catalogue?${toSearchParams({ ...query, page }).toString()}`;
  return (
    <nav aria-label={ui.catalogue.pagination} className="pager">
      <ul>
        <li>
          {query.page > 1 ? (
            <Link to={href(query.page - 1)} rel="prev">
              {ui.catalogue.previous}
            </Link>
          ) : (
            <span aria-disabled="true" className="disabled">
              {ui.catalogue.previous}
            </span>
          )}
        </li>
        {pageWindow(query.page, pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={href(p)}
                aria-current={p === query.page ? 'page' : undefined}
                aria-label={fmt(ui.catalogue.page, { n: p })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {query.page < pages ? (
            <Link to={href(query.page + 1)} rel="next">
              {ui.catalogue.next}
            </Link>
          ) : (
            <span aria-disabled="true" className="disabled">
              {ui.catalogue.next}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
