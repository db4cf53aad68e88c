import { LitElement, html } from 'lit';
import { request } from './lib/api.js';
import { codeLists, label } from './lib/codes.js';

// What the municipality's page and its printable report share: the period, the calls, the numbers and the charts.

// English dates and numbers the European way (2 Dec 2026), as the service's people write them.
const LOCALES = { en: 'en-GB' };

export function locale(lang) {
  return LOCALES[lang] ?? lang;
}

export function iso(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function parse(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text || '')) return null;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** The same day a year earlier; 29 February becomes the 28th. */
function yearEarlier(date) {
  const day = Math.min(date.getDate(), new Date(date.getFullYear() - 1, date.getMonth() + 1, 0).getDate());
  return new Date(date.getFullYear() - 1, date.getMonth(), day);
}

/**
 * The period of the hash's from and to (inclusive), else this year up to today; and the same days a year earlier,
 * which the months are compared with.
 */
export function period(params, today = new Date()) {
  let from = parse(params?.get('from'));
  let to = parse(params?.get('to'));
  if (!from || !to || from > to) {
    from = new Date(today.getFullYear(), 0, 1);
    to = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  }
  return { from, to, before: { from: yearEarlier(from), to: yearEarlier(to) } };
}

/** The hash params of a period, for links that keep it. */
export function periodQuery(span) {
  return `from=${iso(span.from)}&to=${iso(span.to)}`;
}

/** The key of the message for a refused call. */
function failure(status) {
  return { 0: 'municipality.offline', 401: 'municipality.expired', 403: 'municipality.forbidden', 404: 'municipality.notFound' }[status]
    ?? 'municipality.failed';
}

/**
 * The period's overview, the same days a year earlier, and the municipality of the reference data (for its
 * population): {overview, before, municipality} or {failed: key}. The list of the country's municipalities is the only
 * way to the population: there is no single-municipality endpoint.
 */
export async function loadFigures(code, span) {
  const country = (code || '').split('-')[0];
  const [overview, before, municipalities] = await Promise.all([
    request('GET', `/api/v1/overviews/municipalities/${encodeURIComponent(code)}?${periodQuery(span)}`),
    request('GET', `/api/v1/overviews/municipalities/${encodeURIComponent(code)}?${periodQuery(span.before)}`),
    request('GET', `/api/v1/municipalities?country=${encodeURIComponent(country)}&size=500`),
  ]);
  const refused = [overview, before].find(answer => !answer.ok);
  if (refused) return { failed: failure(refused.status) };
  const municipality = municipalities.ok ? municipalities.body.items.find(m => m.code === code) ?? null : null;
  return { overview: overview.body, before: before.body, municipality };
}

/** Formats numbers, shares, dates and months in the person's language. */
export class Figures {
  constructor(lang) {
    this.locale = locale(lang);
  }

  /** A count or an amount; a withheld figure of a published overview ("<5") as it came. */
  number(value, digits = 0) {
    if (typeof value !== 'number') return value ?? '–';
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits }).format(value);
  }

  share(part, whole) {
    if (typeof part !== 'number' || !whole) return '–';
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
  }

  /** A figure per 1,000 inhabitants, one decimal; none when the population is not known. */
  perThousand(value, population) {
    if (typeof value !== 'number' || !population) return '–';
    return new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      .format(value / population * 1000);
  }

  range(span) {
    return new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(span.from, span.to);
  }

  date(date) {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(date);
  }

  month(month, withYear) {
    const [year, number] = month.split('-').map(Number);
    const options = withYear ? { month: 'short', year: '2-digit' } : { month: 'short' };
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(year, number - 1, 1));
  }
}

/** The headline figures, in the order shown: [name, value]. Ids on the pages end in the name. */
export function headline(totals, f) {
  return [
    ['sessions', f.number(totals.sessions)],
    ['hours', f.number(totals.hours, 2)],
    ['participants', f.number(totals.participants)],
    ['youthled', f.share(totals.youthLedSessions, totals.sessions)],
    ['firsttime', f.number(totals.firstTimeParticipants)],
  ];
}

/** The names of the period and of the same days a year earlier: the years when the period lies in one. */
function seriesNames(span, t) {
  const year = span.from.getFullYear();
  return year === span.to.getFullYear()
    ? [String(year), String(year - 1)]
    : [t('municipality.thisPeriod'), t('municipality.yearEarlier')];
}

/** A figure (sessions or participants) by month, the period against the same months a year earlier. */
export function byMonthSpec(figures, span, figure, t, f) {
  const withYear = span.from.getFullYear() !== span.to.getFullYear();
  const [now, earlier] = seriesNames(span, t);
  return {
    kind: 'columns',
    categoryHeading: t('municipality.month'),
    categories: figures.overview.byMonth.map(row => f.month(row.month, withYear)),
    series: [
      { name: now, values: figures.overview.byMonth.map(row => row[figure]) },
      { name: earlier, values: figures.overview.byMonth.map((row, i) => figures.before.byMonth[i]?.[figure] ?? null) },
    ],
  };
}

/**
 * Rows of a breakdown (byMethod, byTheme, bySetting) as bars, most sessions first; `figures` the series
 * (sessions, hours, participants), `keep` which rows to draw.
 */
export function breakdownSpec(rows, key, list, heading, figureNames, t, keep = () => true) {
  const drawn = rows.filter(keep).slice().sort((a, b) => num(b.sessions) - num(a.sessions));
  return {
    kind: 'bars',
    categoryHeading: heading,
    categories: drawn.map(row => label(list, row[key])),
    series: figureNames.map(name => ({ name: t('municipality.' + name), values: drawn.map(row => row[name]) })),
  };
}

function num(value) {
  return typeof value === 'number' ? value : 0;
}

/** Participants by age band (the categories) and gender (a series each), from byAgeBandAndGender. */
export function ageBandGenderSpec(table, bands, genders, heading, t) {
  const bandCodes = bands?.length ? bands.map(c => c.code) : Object.keys(table || {});
  const genderCodes = genders?.length ? genders.map(c => c.code) : Object.keys(Object.values(table || {})[0] || {});
  return {
    kind: 'columns',
    categoryHeading: heading,
    categories: bandCodes.map(code => label(bands, code)),
    series: genderCodes.map(gender => ({
      name: label(genders, gender),
      values: bandCodes.map(band => table?.[band]?.[gender] ?? 0),
    })),
  };
}

/** Participants by age band or by gender (an object keyed by code), in the code list's order. */
export function participantsSpec(counts, list, heading, kind, t) {
  const codes = list?.length ? list.map(c => c.code) : Object.keys(counts || {});
  return {
    kind,
    categoryHeading: heading,
    categories: codes.map(code => label(list, code)),
    series: [{ name: t('municipality.participants'), values: codes.map(code => counts?.[code] ?? 0) }],
  };
}

/**
 * The municipality's page and its report: given the code and the hash's params, they load the figures of the period
 * (again when either changes; a late answer for an earlier period is dropped) and the code lists of the language.
 */
export class MunicipalityFiguresElement extends LitElement {
  static properties = {
    t: { attribute: false }, lang: { attribute: false }, me: { attribute: false }, params: { attribute: false },
    code: { attribute: false }, figures: { state: true }, codes: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  updated(changed) {
    if (changed.has('lang') && this.lang) {
      codeLists(this.lang).then(codes => { this.codes = codes; });
    }
    const span = period(this.params);
    const key = `${this.code}?${periodQuery(span)}`;
    if (key !== this.loaded) {
      this.loaded = key;
      this.load(span);
    }
  }

  async load(span) {
    this.span = span;
    this.figures = null;
    const key = this.loaded;
    const figures = await loadFigures(this.code, span);
    if (key === this.loaded) this.figures = figures;
  }
}

/** The head of a table of organisations with their sessions, hours and participants. */
export function organisationsHead(t) {
  return html`<thead><tr>
    <th scope="col">${t('municipality.organisation')}</th>
    <th scope="col">${t('municipality.sessions')}</th>
    <th scope="col">${t('municipality.hours')}</th>
    <th scope="col">${t('municipality.participants')}</th>
  </tr></thead>`;
}

/** The rows of a table of organisations, one an organisation. */
export function organisationRows(rows, f) {
  return rows.map(row => html`<tr>
    <th scope="row">${row.name}</th>
    <td>${f.number(row.sessions)}</td>
    <td>${f.number(row.hours, 2)}</td>
    <td>${f.number(row.participants)}</td>
  </tr>`);
}
