import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { codeLists, label } from './lib/codes.js';
import { register } from './lib/i18n.js';
import en from './i18n/overview/en.json';
import sl from './i18n/overview/sl.json';
import bg from './i18n/overview/bg.json';
import './overview.css';

register({ en, sl, bg });

const FIGURES = ['sessions', 'hours', 'participants', 'youthled'];
// English dates the European way (2 Dec 2026), as the service's people write them.
const LOCALES = { en: 'en-GB' };

function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The same day a year earlier; 29 February becomes the 28th. */
function yearEarlier(date) {
  const day = Math.min(date.getDate(), new Date(date.getFullYear() - 1, date.getMonth() + 1, 0).getDate());
  return new Date(date.getFullYear() - 1, date.getMonth(), day);
}

/**
 * The four spans the page compares, each one call: this month and this year up to today, and the same spans a year
 * earlier. Ids on the page are overview-<span>-<figure>, span being one of these keys.
 */
function spans(today) {
  const before = yearEarlier(today);
  return {
    month: { from: new Date(today.getFullYear(), today.getMonth(), 1), to: today },
    lastmonth: { from: new Date(before.getFullYear(), before.getMonth(), 1), to: before },
    year: { from: new Date(today.getFullYear(), 0, 1), to: today },
    lastyear: { from: new Date(before.getFullYear(), 0, 1), to: before },
  };
}

/**
 * The centre's own overview: this month and this year to date against the same spans last year, by month, by method,
 * and its months recorded (indicator 2.2.3 for itself). Every figure is the API's; only the youth-led share is worked
 * out here, from the API's youth-led sessions and sessions.
 */
export class Overview extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    spans: { state: true }, overviews: { state: true }, failed: { state: true }, codes: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  updated(changed) {
    if (changed.has('lang') && this.lang) {
      codeLists(this.lang).then(codes => { this.codes = codes; });
    }
  }

  async load() {
    this.failed = null;
    this.overviews = null;
    this.spans = spans(new Date());
    const id = this.me.organisationId;
    const answers = await Promise.all(Object.entries(this.spans).map(([key, span]) =>
      request('GET', `/api/v1/overviews/organisations/${id}?from=${iso(span.from)}&to=${iso(span.to)}`)
        .then(answer => [key, answer])));
    const refused = answers.find(([, answer]) => !answer.ok);
    if (refused) {
      const status = refused[1].status;
      this.failed = status === 0 ? 'overview.offline' : status === 401 ? 'overview.expired' : 'overview.failed';
      return;
    }
    this.overviews = Object.fromEntries(answers.map(([key, answer]) => [key, answer.body]));
  }

  get locale() {
    return LOCALES[this.lang] ?? this.lang;
  }

  number(value, digits = 0) {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits }).format(value);
  }

  figure(totals, name) {
    if (name === 'hours') return this.number(totals.hours, 2);
    if (name !== 'youthled') return this.number(totals[name]);
    if (!totals.sessions) return '–';
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 })
      .format(totals.youthLedSessions / totals.sessions);
  }

  range(span) {
    return new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short', year: 'numeric' })
      .formatRange(span.from, span.to);
  }

  monthName(month) {
    const [year, number] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.locale, { month: 'short' }).format(new Date(year, number - 1, 1));
  }

  render() {
    const t = this.t;
    return html`
      <h1>${t('overview.heading')}</h1>
      ${this.failed ? html`
        <p id="overview-status" class="error" role="alert">${t(this.failed)}</p>
        <button id="overview-retry" type="button" @click=${this.load}>${t('overview.retry')}</button>` : ''}
      ${!this.failed && !this.overviews ? html`<p id="overview-status" role="status">${t('overview.loading')}</p>` : ''}
      ${this.overviews ? this.figures() : ''}`;
  }

  figures() {
    const t = this.t;
    const year = this.spans.year.from.getFullYear();
    const last = year - 1;
    return html`
      ${this.comparison('month', 'lastmonth', t('overview.thisMonth'), year, last)}
      ${this.comparison('year', 'lastyear', t('overview.thisYear'), year, last)}
      ${this.monthsRecorded()}
      ${this.byMonth(year, last)}
      ${this.byMethod()}`;
  }

  comparison(now, before, heading, year, last) {
    const t = this.t;
    const headingId = `overview-${now}-heading`;
    return html`
      <section aria-labelledby=${headingId}>
        <h2 id=${headingId}>${heading}</h2>
        <p class="overview-range">${this.range(this.spans[now])} · ${this.range(this.spans[before])}</p>
        <table id="overview-${now}" class="overview-table">
          <thead><tr>
            <td></td>
            <th scope="col">${year}</th>
            <th scope="col">${last}</th>
          </tr></thead>
          <tbody>
            ${FIGURES.map(name => html`<tr>
              <th scope="row">${t('overview.' + name)}</th>
              <td id="overview-${now}-${name}">${this.figure(this.overviews[now].totals, name)}</td>
              <td id="overview-${before}-${name}">${this.figure(this.overviews[before].totals, name)}</td>
            </tr>`)}
          </tbody>
        </table>
      </section>`;
  }

  monthsRecorded() {
    const t = this.t;
    const indicator = this.overviews.year.indicator223;
    const asOf = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date(indicator.asOf + 'T00:00'));
    return html`
      <section aria-labelledby="overview-recorded-heading">
        <h2 id="overview-recorded-heading">${t('overview.recordedHeading')}</h2>
        <p id="overview-months-recorded" class="overview-recorded">
          ${t('overview.monthsRecorded', {
            recorded: this.number(indicator.monthsRecorded), counted: this.number(indicator.monthsCounted),
            required: this.number(indicator.regularMonthsRequired),
          })}
          <strong id="overview-regular">${t(indicator.regular ? 'overview.regular' : 'overview.notRegular')}</strong>
        </p>
        <p class="overview-hint">${t('overview.recordedHint', { date: asOf })}</p>
      </section>`;
  }

  byMonth(year, last) {
    const t = this.t;
    const before = new Map(this.overviews.lastyear.byMonth.map(row => [row.month.slice(5), row]));
    const most = Math.max(1, ...this.overviews.year.byMonth.map(r => r.sessions), ...this.overviews.lastyear.byMonth.map(r => r.sessions));
    const bar = (row) => `--share: ${row.sessions / most}`;
    return html`
      <section aria-labelledby="overview-by-month-heading">
        <h2 id="overview-by-month-heading">${t('overview.byMonth')}</h2>
        <p class="overview-hint">${t('overview.byMonthHint')}</p>
        <table id="overview-by-month" class="overview-table overview-bars">
          <thead>
            <tr>
              <td></td>
              <th scope="colgroup" colspan="2">${t('overview.sessions')}</th>
              <th scope="colgroup" colspan="2">${t('overview.participants')}</th>
            </tr>
            <tr>
              <th scope="col">${t('overview.month')}</th>
              <th scope="col">${year}</th><th scope="col">${last}</th>
              <th scope="col">${year}</th><th scope="col">${last}</th>
            </tr>
          </thead>
          <tbody>
            ${this.overviews.year.byMonth.map(row => {
              const earlier = before.get(row.month.slice(5));
              return html`<tr>
                <th scope="row">${this.monthName(row.month)}</th>
                <td id="by-month-${row.month}-sessions" class="bar" style=${bar(row)}>${this.number(row.sessions)}</td>
                <td id="by-month-${earlier.month}-sessions" class="bar before" style=${bar(earlier)}>${this.number(earlier.sessions)}</td>
                <td id="by-month-${row.month}-participants">${this.number(row.participants)}</td>
                <td id="by-month-${earlier.month}-participants">${this.number(earlier.participants)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>`;
  }

  byMethod() {
    const t = this.t;
    return html`
      <section aria-labelledby="overview-by-method-heading">
        <h2 id="overview-by-method-heading">${t('overview.byMethod')}</h2>
        <p class="overview-hint">${t('overview.byMethodHint')}</p>
        <table id="overview-by-method" class="overview-table overview-methods">
          <thead><tr>
            <th scope="col" id="by-method-sessions">${t('overview.sessions')}</th>
            <th scope="col" id="by-method-hours">${t('overview.hours')}</th>
            <th scope="col" id="by-method-participants">${t('overview.participants')}</th>
          </tr></thead>
          ${this.overviews.year.byMethod.map(row => html`<tbody>
            <tr><th scope="rowgroup" colspan="3" id="by-method-${row.method}">${label(this.codes?.methods, row.method)}</th></tr>
            <tr>${['sessions', 'hours', 'participants'].map(name => html`
              <td id="by-method-${row.method}-${name}" headers="by-method-${row.method} by-method-${name}">
                ${this.number(row[name], name === 'hours' ? 2 : 0)}</td>`)}
            </tr>
          </tbody>`)}
        </table>
      </section>`;
  }
}
customElements.define('logbook-overview', Overview);
