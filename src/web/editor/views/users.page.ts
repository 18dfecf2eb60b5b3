/** Accounts (admins only): every account with its role and state, buttons to change them, and the form to add one. */
import { ROLE_WORDS, ROLES, type EditorUser } from '../../../domain/editorial/accounts.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { errorSummary, formTokenField, renderEditorPage, type Viewer } from './editor-layout.view.ts';

/** What the add form shows again after a refusal (never the password). */
export interface AddFormState {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly error: string | null;
  readonly errorField: string | null;
}

export const EMPTY_ADD_FORM: AddFormState = { email: '', displayName: '', role: 'editor', error: null, errorField: null };

/** Confirmations after a change, by the `done` query value (fixed words: nothing from the request is echoed). */
export const DONE_NOTICES: Readonly<Record<string, string>> = {
  added: 'The account was added. Give its owner the first password in person or by phone, not by email.',
  disabled: 'The account was disabled and its sessions were ended.',
  enabled: 'The account was enabled.',
  removed: 'The account was removed. Its entries in the audit log remain.',
  password: 'The new password was set and the account’s sessions were ended. Pass the password on in person or by phone.',
};

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

function rowActions(user: EditorUser, viewer: Viewer): Html {
  if (user.id === viewer.user.id) return html`<p>This is your account.</p>`;
  const verb = user.disabled ? 'enable' : 'disable';
  return html`<form class="inline-form" method="post" action="/editor/users/${user.id}/${verb}">
${formTokenField(viewer.formToken)}
<button type="submit">${user.disabled ? 'Enable' : 'Disable'}<span class="visually-hidden"> ${user.displayName}</span></button>
</form>
<form class="inline-form" method="post" action="/editor/users/${user.id}/password">
${formTokenField(viewer.formToken)}
<label for="f-password-${user.id}">New password for ${user.displayName}</label>
<p class="hint" id="f-password-${user.id}-hint">At least 12 characters. Their sessions end when it is set.</p>
<div class="inline-row">
<input id="f-password-${user.id}" name="password" type="password" autocomplete="new-password" aria-describedby="f-password-${user.id}-hint">
<button type="submit">Set password<span class="visually-hidden"> for ${user.displayName}</span></button>
</div>
</form>
<p><a href="/editor/users/${user.id}/remove">Remove<span class="visually-hidden"> ${user.displayName}</span></a></p>`;
}

function field(name: string, label: string, state: AddFormState, input: Html, hint: string | null = null): Html {
  const error = state.errorField === name ? state.error : null;
  return html`<div class="field${error !== null ? ' has-error' : ''}">
<label for="f-${name}">${label}</label>
${hint !== null && html`<p class="hint" id="f-${name}-hint">${hint}</p>`}
${error !== null && html`<p class="field-error" id="f-${name}-error"><span class="visually-hidden">Error: </span>${error}</p>`}
${input}
</div>`;
}

function described(name: string, state: AddFormState, hint = false): Html {
  const ids = [hint ? `f-${name}-hint` : null, state.errorField === name ? `f-${name}-error` : null].filter((id) => id !== null);
  return html`${ids.length > 0 && html` aria-describedby="${ids.join(' ')}"`}${state.errorField === name && html` aria-invalid="true"`}`;
}

export function renderUsersPage(site: SiteSettings, viewer: Viewer, users: readonly EditorUser[], form: AddFormState, notice: string | null): Html {
  return renderEditorPage(site, {
    title: 'Accounts',
    section: 'users',
    viewer,
    main: html`<h1>Accounts</h1>
${notice !== null && html`<p class="note" role="status">${notice}</p>`}
${errorSummary(form.error, form.errorField)}
<h2>Every account</h2>
<ul class="result-list">
${users.map(
  (user) => html`<li class="result">
<h3>${user.displayName}</h3>
<dl class="facts">
<div><dt>Email</dt><dd>${user.email}</dd></div>
<div><dt>Role</dt><dd>${ROLE_WORDS[user.role].label}</dd></div>
<div><dt>State</dt><dd>${user.disabled ? 'Disabled' : 'Active'}</dd></div>
<div><dt>Added</dt><dd>${when(user.createdAt)}</dd></div>
</dl>
${rowActions(user, viewer)}
</li>`,
)}
</ul>
<h2 id="add">Add an account</h2>
<form method="post" action="/editor/users" aria-labelledby="add">
${formTokenField(viewer.formToken)}
${field('email', 'Email address', form, html`<input id="f-email" name="email" type="text" inputmode="email" autocomplete="off" spellcheck="false" value="${form.email}"${described('email', form)}>`)}
${field('displayName', 'Name', form, html`<input id="f-displayName" name="displayName" type="text" autocomplete="off" value="${form.displayName}"${described('displayName', form)}>`)}
${field(
  'role',
  'Role',
  form,
  html`<select id="f-role" name="role"${described('role', form)}>
${ROLES.map((role) => html`<option value="${role}"${form.role === role ? ' selected' : ''}>${ROLE_WORDS[role].label}: ${ROLE_WORDS[role].description}</option>`)}
</select>`,
)}
${field(
  'password',
  'First password',
  form,
  html`<input id="f-password" name="password" type="password" autocomplete="new-password"${described('password', form, true)}>`,
  'At least 12 characters. Pass it on in person or by phone.',
)}
<button type="submit">Add account</button>
</form>`,
  });
}

export function renderRemovePage(site: SiteSettings, viewer: Viewer, user: EditorUser): Html {
  return renderEditorPage(site, {
    title: `Remove ${user.displayName}`,
    section: 'users',
    viewer,
    main: html`<h1>Remove ${user.displayName}?</h1>
<p>${user.displayName} (${user.email}) will no longer be able to sign in, and their sessions end now. Their entries in the
audit log remain. To stop them signing in for a while instead, disable the account.</p>
<form method="post" action="/editor/users/${user.id}/remove">
${formTokenField(viewer.formToken)}
<button type="submit">Remove the account</button>
</form>
<p><a href="/editor/users">Keep the account and go back</a></p>`,
  });
}
