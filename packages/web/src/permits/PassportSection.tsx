import { useId } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime, nameOf } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { permitsApi } from './api';
import { permitsText as t } from './strings';
import { decodeVisa, epochIso, expiryText } from './visa';

const JWKS = '/.well-known/jwks.json';
const [unverifiedBefore, unverifiedAfter] = t.passport.unverified.split('{jwks}');

/**
 * The data user's GA4GH Passport (`GET /api/passport`): each visa's claims decoded for reading, with
 * its expiry. Nothing here verifies a signature; relying services do (EHDS.md §16).
 */
export function PassportSection() {
  const id = useId();
  const passport = useAsync((signal) => permitsApi.passport(signal), []);
  const now = new Date();
  const visas = (passport.data?.ga4gh_passport_v1 ?? []).map(decodeVisa);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="passport">
      <h2 id={`${id}-title`}>{t.passport.title}</h2>
      <p>{t.passport.intro}</p>
      <p className="hint">
        {unverifiedBefore}
        <a href={JWKS}>
          <code>{JWKS}</code>
        </a>
        {unverifiedAfter}
      </p>
      {passport.loading && <Loading />}
      {passport.error != null && <ErrorBox error={passport.error} onRetry={passport.reload} />}
      {passport.data && visas.length === 0 && <p>{t.passport.none}</p>}
      {visas.length > 0 && (
        <div className="table-wrap">
          <table data-testid="visas">
            <caption className="visually-hidden">{t.passport.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.passport.dataset}</th>
                <th scope="col">{t.passport.type}</th>
                <th scope="col">{t.passport.source}</th>
                <th scope="col">{t.passport.asserted}</th>
                <th scope="col">{t.passport.expires}</th>
                <th scope="col">{t.passport.subject}</th>
              </tr>
            </thead>
            <tbody>
              {visas.map((v, i) =>
                v.ok ? (
                  <tr key={v.jti ?? i} data-testid="visa">
                    <th scope="row" className="details-cell">
                      {v.visa.value}
                    </th>
                    <td>{v.visa.type}</td>
                    <td>
                      {v.visa.source}
                      {v.visa.by && (
                        <div className="muted small">
                          {t.passport.by}: {nameOf(t.passport.byLabels, v.visa.by)}
                        </div>
                      )}
                    </td>
                    <td className="nowrap">{formatDateTime(epochIso(v.visa.asserted))}</td>
                    <td className="nowrap">
                      {v.exp !== null && (
                        <>
                          <time dateTime={epochIso(v.exp)}>{formatDateTime(epochIso(v.exp))}</time>
                          <div className="muted small">{expiryText(v.exp, now)}</div>
                        </>
                      )}
                    </td>
                    <td className="details-cell">{v.sub}</td>
                  </tr>
                ) : (
                  <tr key={i}>
                    <td colSpan={6} className="bad">
                      {fmt(t.passport.undecodable, { reason: v.reason })}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
