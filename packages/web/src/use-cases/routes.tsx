import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/RequireRole';
import { ProposePage } from './ProposePage';
import { useCasesText as t } from './strings';
import { UseCasePage } from './UseCasePage';
import { UseCasesPage } from './UseCasesPage';

/** Who may open the pages: every signed-in account (the hub allows them all). */
export const USE_CASE_ROLES = ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const;

/** The use-case pages, as routes to place inside the layout route. */
export function useCaseRoutes() {
  const guarded = (page: ReactElement) => (
    <RequireRole roles={USE_CASE_ROLES} message={t.signInNeeded}>
      {page}
    </RequireRole>
  );
  return (
    <>
      <Route path="use-cases" element={guarded(<UseCasesPage />)} />
      <Route path="use-cases/new" element={guarded(<ProposePage />)} />
      <Route path="use-cases/:id" element={guarded(<UseCasePage />)} />
    </>
  );
}
