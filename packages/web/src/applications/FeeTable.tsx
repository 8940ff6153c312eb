import type { FeeEstimate } from '@openehds/client';
import { fmt } from '../i18n/format';
import { formatEuro } from './money';
import { applicationsText as t } from './strings';

/** The itemised fee estimate of Art. 62: each line with its phase and payee, the reduction, the total. */
export function FeeTable({ estimate, caption }: { estimate: FeeEstimate; caption?: string }) {
  return (
    <div className="table-wrap">
      <table data-testid="fee-table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t.file.phase}</th>
            <th scope="col">{t.file.description}</th>
            <th scope="col">{t.file.payee}</th>
            <th scope="col" className="num">
              {t.file.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((l, i) => (
            <tr key={i}>
              <td>{t.file.phases[l.phase] ?? l.phase}</td>
              <td>{l.description}</td>
              <td>{l.payee}</td>
              <td className="num">{formatEuro(l.amount)}</td>
            </tr>
          ))}
          {estimate.reduction && (
            <tr>
              <td colSpan={3}>
                {fmt(t.file.reduction, {
                  kind: estimate.reduction.kind.replace(/_/g, ' '),
                  pct: Math.round(estimate.reduction.fraction * 100),
                })}
              </td>
              <td className="num">−{formatEuro(estimate.reduction.amount)}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t.file.total}
            </th>
            <td className="num" data-testid="fee-total">
              {formatEuro(estimate.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
