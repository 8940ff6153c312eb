import { useAuth } from '../auth/AuthContext';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { ActingOrganisation } from './ActingOrganisation';
import { ProfileSection } from './ProfileSection';
import { isMember } from './roles';
import { accountText as t } from './strings';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';
import './account.css';

/**
 * "My account" for every signed-in role: the profile; for those acting for an organisation also the
 * organisation switch, the authenticator app and personal API tokens (auth/README.md in the server).
 */
export function AccountPage() {
  useTitle(t.title);
  const { principal } = useAuth();
  // Asked again when the principal changes (an organisation switch changes role and organisation).
  const profile = useAsync(() => identity.account(), [principal?.organisationId, principal?.role]);
  return (
    <div className="my-account" data-testid="account-page">
      <h1>{t.title}</h1>
      {profile.loading && !profile.data && <Loading />}
      {profile.error != null && <ErrorBox error={profile.error} onRetry={profile.reload} />}
      {profile.data && (
        <>
          <ProfileSection profile={profile.data} />
          {isMember(profile.data.role) && (
            <>
              <ActingOrganisation profile={profile.data} />
              <TotpSection profile={profile.data} onChange={profile.reload} />
              <TokensSection />
            </>
          )}
        </>
      )}
    </div>
  );
}
