import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { AirlockNavItems } from '../airlock/NavItems';
import { ApplicationNavItems } from '../applications/NavItems';
import { TransparencyNavItems } from '../register/NavItems';
import { FeasibilityNavItems } from '../feasibility/NavItems';
import { FeasibilityQueriesNavItems } from '../feasibility/QueriesNavItems';
import { GenomicsNavItems } from '../genomics/NavItems';
import { WorkspaceNavItems } from '../workspace/NavItems';
import { AccountNavItems } from '../account/NavItems';
import { CaseStudiesNavItems } from '../case-studies/NavItems';
import { KpiNavItems } from '../kpi/NavItems';
import { StakeholderNavItems } from '../stakeholders/NavItems';
import { UseCaseNavItems } from '../use-cases/NavItems';
import { PathwayNavItems } from '../pathway/NavItems';
import { RoadmapNavItems } from '../roadmap/NavItems';
import { navItemsFor } from '../auth/access';
import { useAuth } from '../auth/AuthContext';
import { citizenText } from '../citizen/strings';
import { ui } from '../i18n/ui';
import { LanguageSwitch } from './LanguageSwitch';
import { useFocusableScrollRegions } from './scroll-regions';

/** Page frame: skip link, role-aware navigation with sign-out, main landmark, footer. */
export function Layout() {
  const { principal, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(location.pathname);
  useFocusableScrollRegions();

  // Move focus to the new page's main content on navigation, as a page load would (WCAG 2.4.3). Not
  // on the first page: there Tab must start at the skip link. Keyed on the path shown, not on a
  // first-run flag, so a second run of the effect (React's StrictMode) does not take focus either.
  useEffect(() => {
    if (shown.current === location.pathname) return;
    shown.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {ui.app.skipToContent}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              +
            </span>
            <span>
              <span className="brand-name">{ui.app.name}</span>
              <span className="brand-tagline">{ui.app.tagline}</span>
            </span>
          </Link>
          <nav aria-label={ui.nav.label} className="main-nav">
            <ul>
              {navItemsFor(principal?.role ?? null).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {ui.nav[item.label]}
                  </NavLink>
                </li>
              ))}
              <ApplicationNavItems role={principal?.role ?? null} />
              <FeasibilityNavItems />
              <GenomicsNavItems />
              <FeasibilityQueriesNavItems role={principal?.role ?? null} />
              <WorkspaceNavItems role={principal?.role ?? null} />
              <AirlockNavItems role={principal?.role ?? null} />
              <TransparencyNavItems role={principal?.role ?? null} />
              <KpiNavItems role={principal?.role ?? null} />
              <CaseStudiesNavItems />
              <StakeholderNavItems role={principal?.role ?? null} />
              <UseCaseNavItems role={principal?.role ?? null} />
              <PathwayNavItems />
              <RoadmapNavItems role={principal?.role ?? null} />
              <AccountNavItems role={principal?.role ?? null} />
              {(!principal || principal.role === 'citizen') && (
                <li>
                  <NavLink to="/citizen">{citizenText.nav}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="account">
            <LanguageSwitch />
            {principal ? (
              <>
                <span className="account-who" data-testid="signed-in-as">
                  {/* Name over role, so the header stays on one line with long names. */}
                  <span className="visually-hidden">{ui.nav.signedInPrefix} </span>
                  <span className="account-name-line">{principal.displayName}</span>
                  <span className="account-role-line">{ui.roles[principal.role]}</span>
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  data-testid="sign-out"
                  onClick={() => {
                    // Leave first: signing out on a protected page would otherwise bounce to the
                    // sign-in page with that page remembered as where to return.
                    navigate('/');
                    void signOut();
                  }}
                >
                  {ui.nav.signOut}
                </button>
              </>
            ) : (
              <Link to="/sign-in" className="button small">
                {ui.nav.signIn}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">{ui.app.footer}</div>
      </footer>
    </>
  );
}
