import { LitElement, html } from 'lit';
import { EXPIRED, currentUser, signedIn, signOut } from './lib/api.js';
import { LANGUAGES, chooseLanguage, initialLanguage, translator } from './lib/i18n.js';
import './sign-in.js';
import './home.js';
import './log.js';
import './sessions.js';
import './overview.js';
import './accounts.js';
import './outbox-panel.js';
import './municipality.js';
import './area.js';
import './report.js';
import './indicator.js';

const CENTRE = ['YOUTH_WORKER', 'ORGANISATION_LEAD'];
const NETWORK = ['NETWORK_COORDINATOR', 'ADMIN'];
const AREAS = ['MUNICIPALITY', ...NETWORK];

/** The country a network page opens on: the coordinator's own; an administrator's first. */
function homeCountry(me) {
  return me.country || 'SI';
}

/**
 * The pages, by the hash's first part; each says who may see it and, unless `nav` is false, appears in the navigation
 * in this order, linked to `href` (default `#/<page>`). The service checks every request again: a page only saves a
 * round trip to a 403.
 */
const PAGES = {
  log: { roles: CENTRE, render: (p) => html`<logbook-log .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params}></logbook-log>` },
  sessions: { roles: CENTRE, render: (p) => p.rest
      ? html`<logbook-log .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params} .sessionId=${p.rest}></logbook-log>`
      : html`<logbook-sessions .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params}></logbook-sessions>` },
  overview: { roles: CENTRE, render: (p) => html`<logbook-overview .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params}></logbook-overview>` },
  accounts: { roles: ['ORGANISATION_LEAD'], render: (p) => html`<logbook-accounts .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params}></logbook-accounts>` },
  // #/areas/municipalities/SI-133, #/areas/regions/SI034, #/areas/countries/SI
  areas: {
    roles: AREAS,
    href: (me) => me.role === 'MUNICIPALITY' ? `#/areas/municipalities/${me.municipalityCode}` : `#/areas/countries/${homeCountry(me)}`,
    render: (p) => {
      const [level, code] = (p.rest || '').split('/');
      return level === 'municipalities'
        ? html`<logbook-municipality .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params} .code=${code}></logbook-municipality>`
        : html`<logbook-area .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params} .level=${level} .code=${code}></logbook-area>`;
    },
  },
  indicator: { roles: NETWORK, render: (p) => html`<logbook-indicator .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params}></logbook-indicator>` },
  // #/report/municipalities/SI-133?from=…&to=…: one printable page, opened from the municipality's page.
  report: { roles: AREAS, nav: false, render: (p) => html`<logbook-report .t=${p.t} .lang=${p.lang} .me=${p.me} .params=${p.params} .code=${(p.rest || '').split('/')[1]}></logbook-report>` },
  me: { roles: null, render: (p) => html`<logbook-home .t=${p.t} .me=${p.me}></logbook-home>` },
};

/** Where a person lands after signing in, and on a page they may not see. */
function landing(me) {
  return CENTRE.includes(me.role) ? 'log' : AREAS.includes(me.role) ? 'areas' : 'me';
}

/** '#/sessions/abc?month=2026-11' → {page: 'sessions', rest: 'abc', params: URLSearchParams} */
function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  return { page, rest: rest.join('/') || null, params: new URLSearchParams(query || '') };
}

function allowed(page, me) {
  return PAGES[page] && (PAGES[page].roles === null || PAGES[page].roles.includes(me.role));
}

/**
 * The shell: the language switch; the sign-in form, or the navigation and the page. When the token expires the
 * sign-in form opens over the page, which stays as it was, so nothing typed is lost.
 */
export class LogbookApp extends LitElement {
  static properties = {
    lang: { state: true }, signedIn: { state: true }, expired: { state: true }, me: { state: true }, route: { state: true },
  };

  constructor() {
    super();
    this.lang = initialLanguage();
    chooseLanguage(this.lang);
    this.signedIn = signedIn();
    this.route = route();
    window.addEventListener('hashchange', () => { this.route = route(); });
    window.addEventListener(EXPIRED, () => { if (this.signedIn) this.expired = true; });
    if (this.signedIn) this.loadMe();
  }

  createRenderRoot() {
    return this;
  }

  async loadMe() {
    try {
      this.me = await currentUser();
    } catch (e) {
      this.signOut();
    }
  }

  language(event) {
    this.lang = event.target.value;
    chooseLanguage(this.lang);
  }

  signedInAgain() {
    this.signedIn = true;
    if (this.expired) {
      this.expired = false;
      return;
    }
    this.loadMe();
  }

  signOut() {
    signOut();
    this.signedIn = false;
    this.expired = false;
    this.me = null;
  }

  render() {
    const t = translator(this.lang);
    document.title = t('app.title');
    return html`
      <header>
        <span class="brand">${t('app.title')}</span>
        <label class="language">${t('language')}
          <select id="language" @change=${this.language}>
            ${Object.entries(LANGUAGES).map(([code, name]) =>
              html`<option value=${code} lang=${code} ?selected=${code === this.lang}>${name}</option>`)}
          </select>
        </label>
      </header>
      ${this.signedIn && this.me ? this.navigation(t) : ''}
      ${this.expired ? html`
        <section id="expired" class="expired" role="dialog" aria-modal="true" aria-labelledby="expired-heading">
          <p id="expired-heading" class="notice">${t('signIn.expired')}</p>
          <logbook-sign-in .t=${t} @signed-in=${this.signedInAgain}></logbook-sign-in>
        </section>` : ''}
      <main ?inert=${this.expired}>
        ${!this.signedIn && !this.expired
          ? html`<logbook-sign-in .t=${t} @signed-in=${this.signedInAgain}></logbook-sign-in>`
          : this.me ? this.page(t) : ''}
      </main>`;
  }

  page(t) {
    let { page, rest, params } = this.route;
    if (!allowed(page, this.me)) {
      page = landing(this.me);
      rest = null;
    }
    if (page === 'areas' && !rest) {
      [, rest] = PAGES.areas.href(this.me).split('#/areas/');
    }
    return PAGES[page].render({ t, lang: this.lang, me: this.me, rest, params });
  }

  navigation(t) {
    const current = allowed(this.route.page, this.me) ? this.route.page : landing(this.me);
    return html`
      <nav aria-label=${t('nav.label')}>
        <ul>
          ${Object.keys(PAGES).filter(p => allowed(p, this.me) && PAGES[p].nav !== false).map(p => html`
            <li><a id="nav-${p}" href=${PAGES[p].href ? PAGES[p].href(this.me) : `#/${p}`}
                   aria-current=${current === p ? 'page' : 'false'}>${t('nav.' + p)}</a></li>`)}
          <li><button id="sign-out" type="button" class="link" @click=${this.signOut}>${t('home.signOut')}</button></li>
        </ul>
      </nav>
      ${CENTRE.includes(this.me.role) ? html`<logbook-outbox-panel .t=${t} .lang=${this.lang}></logbook-outbox-panel>` : ''}`;
  }
}
customElements.define('logbook-app', LogbookApp);
