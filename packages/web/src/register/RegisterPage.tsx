import { Link, useSearchParams } from 'react-router-dom';
import { registerAtomUrl } from '@openehds/client';
import { useTitle } from '../layout/use-title';
import { OwnPermitsProvider } from '../permits/PermitLink';
import {
  filtersFrom,
  filtersToParams,
  REGISTER_TABS,
  type RegisterFilters,
  type RegisterTab,
} from './register-list';
import { RegisterFiltersForm } from './RegisterFiltersForm';
import { ApplicationsPart, DecisionsPart, ResultsPart } from './RegisterParts';
import { registerText as t } from './strings';
import '../applications/applications.css';
import './register.css';

/** The address of another part of the register: reference, date and words kept; kind and status differ per part. */
function tabHref(f: RegisterFilters, tab: RegisterTab): string {
  const q = filtersToParams({ ...f, tab, kind: '', status: '' }).toString();
  return q ? `/register?${q}` : '/register';
}

/**
 * The public register (Art. 57(1)(j)), no sign-in needed: applications received, decisions with their
 * reasons and permits (revoked and expired too, results overdue flagged), results reported; filters
 * and paging as the hub's API allows; the Atom feed linked visibly and in the page head.
 */
export function RegisterPage() {
  useTitle(t.title);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const atom = registerAtomUrl();
  return (
    <OwnPermitsProvider>
      {/* React hoists this into the document head, so feed readers find the feed from the page. */}
      <link rel="alternate" type="application/atom+xml" href={atom} title={t.atomTitle} />
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p>
        <a href={atom} className="feed-link" data-testid="atom-link">
          {t.atom}
        </a>
      </p>
      <nav aria-label={t.tabsLabel} className="register-tabs">
        <ul>
          {REGISTER_TABS.map((tab) => (
            <li key={tab}>
              <Link
                to={tabHref(filters, tab)}
                aria-current={tab === filters.tab ? 'page' : undefined}
                data-testid={`register-tab-${tab}`}
              >
                {t.tabs[tab]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t.tabs[filters.tab]}</h2>
      <RegisterFiltersForm
        key={params.toString()}
        filters={filters}
        onApply={(f) => setParams(filtersToParams(f))}
      />
      {filters.tab === 'applications' && <ApplicationsPart filters={filters} />}
      {filters.tab === 'decisions' && <DecisionsPart filters={filters} />}
      {filters.tab === 'results' && <ResultsPart filters={filters} />}
    </OwnPermitsProvider>
  );
}
