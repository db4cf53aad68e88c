import { LitElement, html } from 'lit';
import { signIn } from './lib/api.js';

/** Username and password; a refusal is shown at the form, and what was typed stays. */
export class SignIn extends LitElement {
  static properties = { t: { attribute: false }, error: { state: true }, busy: { state: true } };

  createRenderRoot() {
    return this;
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
      this.error = 'signIn.missing';
      return;
    }
    this.busy = true;
    this.error = await signIn(username, password);
    this.busy = false;
    if (this.error) {
      await this.updateComplete;
      this.querySelector('#sign-in-error')?.focus();
    } else {
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true }));
    }
  }

  render() {
    const t = this.t;
    return html`
      <h1>${t('signIn.heading')}</h1>
      <form id="sign-in" @submit=${this.submit} novalidate>
        ${this.error ? html`<p id="sign-in-error" class="error" role="alert" tabindex="-1">${t(this.error)}</p>` : ''}
        <label for="username">${t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false"
               aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'sign-in-error' : ''}>
        <label for="password">${t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password"
               aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'sign-in-error' : ''}>
        <button id="sign-in-submit" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t('signIn.busy') : t('signIn.submit')}</button>
      </form>`;
  }
}
customElements.define('logbook-sign-in', SignIn);
