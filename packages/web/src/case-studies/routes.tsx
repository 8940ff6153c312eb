import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { RequireRole } from '../auth/RequireRole';
import { CaseStudyPage } from './CaseStudyPage';
import { EditorPage } from './EditorPage';
import { LibraryPage } from './LibraryPage';
import { MinePage } from './MinePage';
import { caseStudiesText as t } from './strings';
import './case-studies.css';

/** Anyone signed in writes case studies (the hub: any role; staff review). */
export const WRITER_ROLES: readonly Role[] = ['data_user', 'data_holder', 'hdab_staff', 'admin', 'citizen'];

/** The case-study pages (issue 6 §3), as routes to place inside the layout route. */
export function caseStudyRoutes() {
  const signedIn = (page: ReactNode) => (
    <RequireRole roles={WRITER_ROLES} message={t.signInToWrite}>
      {page}
    </RequireRole>
  );
  return (
    <>
      <Route path="case-studies" element={<LibraryPage />} />
      <Route path="case-studies/new" element={signedIn(<EditorPage />)} />
      <Route path="case-studies/mine" element={signedIn(<MinePage />)} />
      <Route path="case-studies/:id" element={<CaseStudyPage />} />
      <Route path="case-studies/:id/edit" element={signedIn(<EditorPage />)} />
    </>
  );
}
