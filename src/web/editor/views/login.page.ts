/** The sign-in page: email and password, with the sign-in form's own anti-forgery token. */
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { errorSummary, formTokenField, renderEditorPage } from './editor-layout.view.ts';

export interface LoginView {
  readonly loginToken: string;
  readonly email: string;
  /** A refusal to show above the form. */
  readonly error: string | null;
  /** The field the error is about, if any. */
  readonly errorField: string | null;
  /** A note for someone arriving: signed out, or their session ended. */
  readonly notice: string | null;
}

export function renderLoginPage(site: SiteSettings, view: LoginView): Html {
  return renderEditorPage(site, {
    title: 'Sign in',
    section: 'none',
    viewer: null,
    main: html`<h1>Sign in to the editor area</h1>
${view.notice !== null && html`<p class="note" role="status">${view.notice}</p>`}
${errorSummary(view.error, view.errorField)}
<form method="post" action="/editor/login">
${formTokenField(view.loginToken)}
<div class="field">
<label for="f-email">Email address</label>
<input id="f-email" name="email" type="text" inputmode="email" autocomplete="username" spellcheck="false" value="${view.email}" required>
</div>
<div class="field">
<label for="f-password">Password</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required>
</div>
<button type="submit">Sign in</button>
</form>
<p>Accounts are added by an administrator. If you have forgotten your password, ask one to set a new one.</p>`,
  });
}
