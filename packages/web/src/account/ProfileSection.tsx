import type { AccountProfile } from '@openehds/client';
import { ui } from '../i18n/ui';
import { formatDate, nameOf } from '../i18n/format';
import { organisationsText } from '../admin/organisations/strings';
import { accountText as t } from './strings';

const p = t.profile;

/** The account's facts as the hub keeps them (read only: names and e-mail are set by an administrator or the identity service). */
export function ProfileSection({ profile }: { profile: AccountProfile }) {
  const signsIn =
    profile.hasPassword && profile.externalIdentities > 0
      ? p.passwordAndProvider
      : profile.hasPassword
        ? p.password
        : p.provider;
  return (
    <section aria-labelledby="account-profile" className="card" data-testid="account-profile">
      <h2 id="account-profile">{p.title}</h2>
      <dl className="key-values">
        <div>
          <dt>{p.displayName}</dt>
          <dd data-testid="account-display-name">{profile.displayName}</dd>
        </div>
        <div>
          <dt>{p.username}</dt>
          <dd>
            <code data-testid="account-username">{profile.username}</code>
          </dd>
        </div>
        {profile.role !== 'citizen' && (
          <div>
            <dt>{p.email}</dt>
            <dd data-testid="account-email">
              {profile.email ?? <span className="muted">{p.emailNone}</span>}
              <span className="hint my-account-block">{p.emailHint}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>{p.role}</dt>
          <dd data-testid="account-role">{ui.roles[profile.role]}</dd>
        </div>
        {profile.role !== 'citizen' && (
          <>
            <div>
              <dt>{p.organisation}</dt>
              <dd data-testid="account-organisation">{profile.organisationName ?? p.organisationNone}</dd>
            </div>
            {profile.organisationKind && (
              <div>
                <dt>{p.kind}</dt>
                <dd>{nameOf(organisationsText.kinds, profile.organisationKind)}</dd>
              </div>
            )}
            {profile.organisationId && (
              <div>
                <dt>{p.publicBody}</dt>
                <dd data-testid="account-public-body">{profile.publicBodyVerified ? p.yes : p.no}</dd>
              </div>
            )}
          </>
        )}
        <div>
          <dt>{p.signIn}</dt>
          <dd>{signsIn}</dd>
        </div>
        <div>
          <dt>{p.since}</dt>
          <dd>{formatDate(profile.createdAt)}</dd>
        </div>
      </dl>
      {profile.role === 'citizen' && <p className="hint">{p.citizenNote}</p>}
    </section>
  );
}
