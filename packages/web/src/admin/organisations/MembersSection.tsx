import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountSummary, Membership, Organisation } from '@openehds/client';
import { fieldErrorsOf } from '../../account/field-errors';
import { identity } from '../../auth/identity-api';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldErrors } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { ui } from '../../i18n/ui';
import { fmt } from '../../i18n/format';
import { useAsync } from '../../lib/use-async';
import { addableAccounts, MEMBER_ROLE_CHOICES, memberInput, type MemberErrors } from './org-form';
import { organisationsText as t } from './strings';

const m = t.members;

/** Where the keyboard goes after the list changed: the outcome, or back to a remove button. */
type FocusTarget = 'status' | { remove: string } | null;

/**
 * The members of an organisation and their roles (`GET …/members`); administrators remove one after an
 * inline confirmation and add one (or change a role) from the list of accounts.
 */
export function MembersSection({
  org,
  isAdmin,
  selfId,
}: {
  org: Organisation;
  isAdmin: boolean;
  /** The signed-in administrator: not offered to remove themselves (they would lose the role). */
  selfId: string | null;
}) {
  const id = useId();
  const members = useAsync(() => identity.listMembers(org.id), [org.id]);
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const section = useRef<HTMLElement>(null);
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!focus) return;
    if (focus === 'status') status.current?.focus();
    else
      section.current
        ?.querySelector<HTMLElement>(`[data-member-remove="${CSS.escape(focus.remove)}"]`)
        ?.focus();
    setFocus(null);
  }, [focus]);

  const list = members.data ?? [];

  async function remove(member: Membership) {
    setBusy(true);
    setError(null);
    try {
      await identity.removeMember(org.id, member.accountId);
      members.setData(list.filter((x) => x.accountId !== member.accountId));
      setAsking(null);
      setMessage(fmt(m.removed, { name: member.displayName }));
      setFocus('status');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      ref={section}
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid="organisation-members"
    >
      <h2 id={`${id}-title`}>{m.title}</h2>
      {message && (
        <p
          ref={status}
          tabIndex={-1}
          className="alert alert-ok form-status"
          role="status"
          data-testid="member-status"
        >
          {message}
        </p>
      )}
      {members.loading && !members.data && <Loading />}
      {members.error != null && <ErrorBox error={members.error} onRetry={members.reload} />}
      {error != null && <ErrorBox error={error} />}
      {members.data && list.length === 0 && <p>{m.empty}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table data-testid="members-table">
            <caption className="visually-hidden">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.username}</th>
                <th scope="col">{m.roleHere}</th>
                <th scope="col">{m.acting}</th>
                {isAdmin && <th scope="col">{m.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((member) => (
                <tr key={member.accountId} data-testid={`member-row-${member.username}`}>
                  <th scope="row">{member.displayName}</th>
                  <td>
                    <code>{member.username}</code>
                  </td>
                  <td>{ui.roles[member.role]}</td>
                  <td>{member.current ? m.yes : m.no}</td>
                  {isAdmin && (
                    <td>
                      {member.accountId === selfId ? (
                        <span className="muted">{m.self}</span>
                      ) : asking === member.accountId ? (
                        <RemoveConfirm
                          member={member}
                          organisation={org.name}
                          busy={busy}
                          onConfirm={() => void remove(member)}
                          onCancel={() => {
                            setAsking(null);
                            setError(null);
                            setFocus({ remove: member.accountId });
                          }}
                        />
                      ) : (
                        <button
                          type="button"
                          className="button danger small"
                          disabled={busy}
                          aria-label={fmt(m.removeLabel, { name: member.displayName })}
                          onClick={() => {
                            setMessage(null);
                            setAsking(member.accountId);
                          }}
                          data-member-remove={member.accountId}
                          data-testid={`member-remove-${member.username}`}
                        >
                          {m.remove}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && (
        <AddMemberForm
          org={org}
          onAdded={(member) => {
            members.reload();
            setMessage(fmt(m.added, { name: member.displayName, role: ui.roles[member.role] }));
            setFocus('status');
          }}
        />
      )}
    </section>
  );
}

function RemoveConfirm({
  member,
  organisation,
  busy,
  onConfirm,
  onCancel,
}: {
  member: Membership;
  organisation: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.focus(), []);
  return (
    <div
      ref={group}
      role="group"
      tabIndex={-1}
      aria-labelledby={`${id}-warn`}
      className="my-account-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      data-testid={`member-remove-confirm-${member.username}`}
    >
      <p id={`${id}-warn`}>{fmt(m.removeWarning, { name: member.displayName, organisation })}</p>
      <div className="actions">
        <button
          type="button"
          className="button danger small"
          disabled={busy}
          onClick={onConfirm}
          data-testid="member-remove-confirm-button"
        >
          {busy ? m.removing : m.removeConfirm}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {m.removeCancel}
        </button>
      </div>
    </div>
  );
}

/** Adds an account to the organisation with a role, or changes a member's role (`POST …/members`). */
function AddMemberForm({ org, onAdded }: { org: Organisation; onAdded: (member: Membership) => void }) {
  const id = useId();
  const accounts = useAsync(() => identity.listAccounts(), []);
  const [accountId, setAccountId] = useState('');
  const [role, setRole] = useState<string>('data_user');
  const [errors, setErrors] = useState<MemberErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const accountSelect = useRef<HTMLSelectElement>(null);
  const roleSelect = useRef<HTMLSelectElement>(null);

  const focusFirst = (found: MemberErrors) => {
    if (found.accountId) accountSelect.current?.focus();
    else if (found.role) roleSelect.current?.focus();
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = memberInput({ accountId, role });
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const member = await identity.addMember(org.id, checked.input.accountId, checked.input.role);
      setAccountId('');
      onAdded(member);
    } catch (err) {
      const fields = fieldErrorsOf(err, ['accountId', 'role'] as const);
      setErrors(fields);
      setError(err);
      focusFirst(fields);
    } finally {
      setBusy(false);
    }
  }

  const choices: AccountSummary[] = addableAccounts(accounts.data ?? []);
  return (
    <form
      className="form"
      onSubmit={(e) => void send(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="member-add"
    >
      <h3 id={`${id}-title`}>{m.addTitle}</h3>
      <p className="hint">{m.addIntro}</p>
      {accounts.loading && !accounts.data && <Loading />}
      {accounts.error != null && <ErrorBox error={accounts.error} onRetry={accounts.reload} />}
      {accounts.data && choices.length === 0 && <p>{m.noAccounts}</p>}
      {choices.length > 0 && (
        <>
          <div className={`field ${errors.accountId ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-account`}>
              {m.account}
              <span aria-hidden="true"> *</span>
            </label>
            <select
              ref={accountSelect}
              id={`${id}-account`}
              required
              value={accountId}
              onChange={(e) => setAccountId(e.target.value)}
              aria-invalid={errors.accountId ? true : undefined}
              aria-describedby={errors.accountId ? `${id}-account-err` : undefined}
              data-testid="member-account"
            >
              <option value="">{m.accountChoose}</option>
              {choices.map((a) => (
                <option key={a.id} value={a.id} data-username={a.username}>
                  {fmt(m.accountOption, { name: a.displayName, username: a.username })}
                </option>
              ))}
            </select>
            <FieldErrors
              id={`${id}-account-err`}
              errors={errors.accountId ? [errors.accountId] : undefined}
            />
          </div>
          <div className={`field ${errors.role ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-role`}>{m.role}</label>
            <p id={`${id}-role-hint`} className="hint">
              {m.roleHint}
            </p>
            <select
              ref={roleSelect}
              id={`${id}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value)}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={`${id}-role-hint${errors.role ? ` ${id}-role-err` : ''}`}
              data-testid="member-role"
            >
              {MEMBER_ROLE_CHOICES.map((r) => (
                <option key={r} value={r}>
                  {ui.roles[r]}
                </option>
              ))}
            </select>
            <FieldErrors id={`${id}-role-err`} errors={errors.role ? [errors.role] : undefined} />
          </div>
          {error != null && <ErrorBox error={error} />}
          <div>
            <button type="submit" className="button" disabled={busy} data-testid="member-add-submit">
              {busy ? m.adding : m.add}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
