import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { codeLists, label } from './lib/codes.js';
import { register } from './lib/i18n.js';
import { countryField, loadCountries } from './country-choice.js';
import './lib/chart.js';
import './lib/downloads.js';
import en from './i18n/area/en.json';
import sl from './i18n/area/sl.json';
import bg from './i18n/area/bg.json';
import './area.css';

register({ en, sl, bg });

// English dates and numbers the European way, as the service's people write them.
const LOCALES = { en: 'en-GB' };
const FIGURES = ['sessions', 'hours', 'youthWorkerHours', 'participants', 'firstTimeParticipants', 'unorganisedYouth',
  'fewerOpportunities', 'youthLedSessions'];
const MEASURES = ['sessions', 'hours', 'participants'];
// A country has 212 municipalities: its chart draws those with most sessions, its table lists them all.
const CHARTED = 20;

export function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The period in the hash (from, to), by default this year up to today. */
export function periodOf(params) {
  const today = new Date();
  return {
    from: params?.get('from') || `${today.getFullYear()}-01-01`,
    to: params?.get('to') || iso(today),
  };
}

/**
 * A country (`level` 'countries') or a region ('regions') for a period: its figures, its regions and municipalities as
 * tables and bar charts (each row opens that area's page for the same period), methods, themes and the organisations
 * working there. Every figure is the API's. An administrator chooses the country here.
 */
export class Area extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    level: { attribute: false }, code: { attribute: false },
    overview: { state: true }, failed: { state: true }, codes: { state: true }, countries: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  updated(changed) {
    if (changed.has('lang') && this.lang) {
      codeLists(this.lang).then(codes => { this.codes = codes; });
    }
    const { from, to } = periodOf(this.params);
    const key = `${this.level}/${this.code}?${from}/${to}`;
    if (key !== this.loaded) {
      this.loaded = key;
      this.load(from, to);
    }
    loadCountries(this);
  }

  async load(from, to) {
    const key = this.loaded;
    this.failed = null;
    this.overview = null;
    const apiLevel = this.level === 'regions' ? 'regions' : 'countries';
    const answer = await request('GET', `/api/v1/overviews/${apiLevel}/${encodeURIComponent(this.code)}?from=${from}&to=${to}`);
    if (key !== this.loaded) return; // a newer period or area was asked for meanwhile
    if (!answer.ok) {
      this.failed = { 0: 'area.offline', 400: 'area.badPeriod', 401: 'area.expired', 403: 'area.forbidden', 404: 'area.notFound' }[answer.status]
        || 'area.failed';
      return;
    }
    this.overview = answer.body;
  }

  get locale() {
    return LOCALES[this.lang] ?? this.lang;
  }

  number(value, digits = 0) {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits }).format(value);
  }

  measure(row, name) {
    return this.number(row[name], name === 'hours' ? 2 : 0);
  }

  date(value) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(value + 'T00:00'));
  }

  /** The hash of an area's page for the period shown. */
  link(level, code) {
    const { from, to } = periodOf(this.params);
    return `#/areas/${level}/${encodeURIComponent(code)}?from=${from}&to=${to}`;
  }

  choose(event) {
    event.preventDefault();
    const form = event.target;
    const code = form.elements.country?.value || this.code;
    const from = form.elements.from.value;
    const to = form.elements.to.value;
    location.hash = `#/areas/${this.level}/${encodeURIComponent(code)}?from=${from}&to=${to}`;
  }

  retry() {
    this.loaded = null;
    this.requestUpdate();
  }

  render() {
    const t = this.t;
    const level = this.level === 'regions' ? 'regions' : 'countries';
    // Until the overview answers, the level stands in for the name: a code is never shown.
    const name = this.overview?.area.name ?? t('area.level.' + level);
    return html`
      <p class="area-level">${t('area.level.' + level)}</p>
      <h1 id="area-heading" tabindex="-1">${name}</h1>
      ${this.periodForm(level)}
      ${this.failed ? html`
        <p id="area-status" class="error" role="alert">${t(this.failed)}</p>
        <button id="area-retry" type="button" @click=${this.retry}>${t('area.retry')}</button>` : ''}
      ${!this.failed && !this.overview ? html`<p id="area-status" role="status">${t('area.loading')}</p>` : ''}
      ${this.overview ? this.content(level) : ''}`;
  }

  periodForm(level) {
    const t = this.t;
    const { from, to } = periodOf(this.params);
    const chooser = level === 'countries' && this.me?.role === 'ADMIN' && this.countries?.length;
    return html`
      <form id="area-period" class="area-period" @submit=${this.choose}>
        ${chooser ? countryField({
          id: 'area-country', label: t('area.country'), countries: this.countries, chosen: this.code,
          className: 'area-field area-country',
        }) : ''}
        <div class="area-field">
          <label for="area-from">${t('area.from')}</label>
          <input id="area-from" name="from" type="date" required min="2000-01-01" .value=${from}>
        </div>
        <div class="area-field">
          <label for="area-to">${t('area.to')}</label>
          <input id="area-to" name="to" type="date" required min="2000-01-01" .value=${to}>
        </div>
        <button id="area-show" type="submit">${t('area.show')}</button>
      </form>`;
  }

  content(level) {
    const t = this.t;
    const o = this.overview;
    const country = level === 'regions' ? (o.byMunicipality[0]?.code || '').split('-')[0] : null;
    return html`
      <p id="area-range" class="area-hint">${this.date(o.from)} – ${this.date(o.to)}</p>
      ${country ? html`<p><a id="area-country-link" href=${this.link('countries', country)}>${t('area.wholeCountry')}</a></p>` : ''}
      ${level === 'countries' && ['NETWORK_COORDINATOR', 'ADMIN'].includes(this.me?.role) ? html`
        <p><a id="area-indicator-link" href="#/indicator?country=${encodeURIComponent(this.code)}&year=${o.to.slice(0, 4)}">
          ${t('area.indicatorLink')}</a></p>` : ''}
      ${this.figures()}
      ${level === 'countries' ? this.areaRows('regions', o.byRegion) : ''}
      ${this.areaRows('municipalities', o.byMunicipality)}
      ${this.codeChart('methods', o.byMethod, 'method')}
      ${this.codeChart('themes', o.byTheme, 'theme')}
      ${this.organisations()}
      <logbook-downloads .t=${t} .lang=${this.lang}
        .path=${`/api/v1/overviews/${level}/${encodeURIComponent(this.code)}?from=${o.from}&to=${o.to}`}></logbook-downloads>`;
  }

  figures() {
    const t = this.t;
    const o = this.overview;
    const figures = FIGURES.map(name => [name, this.number(o.totals[name], name.endsWith('ours') ? 2 : 0)]);
    figures.push(['organisations', this.number(o.organisationsTotal ?? o.byOrganisation.length)]);
    figures.push(['municipalitiesCovered', this.number(o.indicator223.municipalitiesCovered)]);
    return html`
      <section aria-labelledby="area-figures-heading">
        <h2 id="area-figures-heading">${t('area.figures')}</h2>
        <dl id="area-figures" class="area-figures">
          ${figures.map(([name, value]) => html`
            <div><dt>${t('area.' + name)}</dt><dd id="area-figure-${name}">${value}</dd></div>`)}
        </dl>
        <p class="area-hint">${t('area.participantsHint')}</p>
      </section>`;
  }

  /** Regions or municipalities: a bar chart of sessions and a table of every row, each opening that area's page. */
  areaRows(kind, rows) {
    const t = this.t;
    const one = kind === 'regions' ? 'region' : 'municipality';
    const charted = kind === 'municipalities' && rows.length > CHARTED
      ? [...rows].filter(r => r.sessions > 0).sort((a, b) => b.sessions - a.sessions || a.name.localeCompare(b.name)).slice(0, CHARTED)
      : rows;
    const heading = charted.length < rows.length
      ? t('area.municipalitiesTop', { count: this.number(charted.length) }) : t(`area.${kind}Chart`);
    return html`
      <section aria-labelledby="area-${kind}-heading">
        <h2 id="area-${kind}-heading">${t('area.' + kind)}</h2>
        ${charted.length ? html`
          <logbook-chart id="area-${kind}-chart" .heading=${heading} .t=${t} .lang=${this.lang}
            .spec=${{ kind: 'bars', categories: charted.map(r => r.name), categoryHeading: t('area.' + one),
                      series: [{ name: t('area.sessions'), values: charted.map(r => r.sessions) }] }}></logbook-chart>` : ''}
        <p class="area-hint">${t(`area.${kind}Hint`)}</p>
        <table id="area-${kind}" class="area-table">
          <thead><tr>
            <th scope="col">${t('area.' + one)}</th>
            ${MEASURES.map(m => html`<th scope="col">${t('area.' + m)}</th>`)}
          </tr></thead>
          <tbody>
            ${rows.map(row => html`<tr id="${one}-${row.code}">
              <th scope="row"><a id="${one}-${row.code}-link" href=${this.link(kind, row.code)}>${row.name}</a></th>
              ${MEASURES.map(m => html`<td id="${one}-${row.code}-${m}">${this.measure(row, m)}</td>`)}
            </tr>`)}
          </tbody>
        </table>
      </section>`;
  }

  codeChart(kind, rows, field) {
    const t = this.t;
    const list = this.codes?.[kind];
    return html`
      <section aria-labelledby="area-${kind}-heading">
        <h2 id="area-${kind}-heading">${t('area.' + kind)}</h2>
        <p class="area-hint">${t(`area.${kind}Hint`)}</p>
        ${list ? html`
          <logbook-chart id="area-${kind}-chart" .heading=${t(`area.${kind}Chart`)} .t=${t} .lang=${this.lang}
            .spec=${{ kind: 'bars', categories: rows.map(r => label(list, r[field])), categoryHeading: t('area.' + field),
                      series: [{ name: t('area.sessions'), values: rows.map(r => r.sessions) },
                               { name: t('area.hours'), values: rows.map(r => Number(r.hours)) }] }}></logbook-chart>`
          : html`<p role="status">${t('area.loading')}</p>`}
      </section>`;
  }

  organisations() {
    const t = this.t;
    const o = this.overview;
    const total = o.organisationsTotal ?? o.byOrganisation.length;
    return html`
      <section aria-labelledby="area-organisations-heading">
        <h2 id="area-organisations-heading">${t('area.organisationsHeading')}</h2>
        <p id="area-organisations-count" class="area-hint">
          ${total > o.byOrganisation.length
            ? t('area.organisationsShown', { shown: this.number(o.byOrganisation.length), total: this.number(total) })
            : t('area.organisationsAll', { total: this.number(total) })}</p>
        ${o.byOrganisation.length ? html`
          <table id="area-organisations" class="area-table">
            <thead><tr>
              <th scope="col">${t('area.organisation')}</th>
              ${MEASURES.map(m => html`<th scope="col">${t('area.' + m)}</th>`)}
            </tr></thead>
            <tbody>
              ${o.byOrganisation.map(row => html`<tr id="organisation-${row.organisationId}">
                <th scope="row">${row.name}</th>
                ${MEASURES.map(m => html`<td id="organisation-${row.organisationId}-${m}">${this.measure(row, m)}</td>`)}
              </tr>`)}
            </tbody>
          </table>` : ''}
      </section>`;
  }
}
customElements.define('logbook-area', Area);
