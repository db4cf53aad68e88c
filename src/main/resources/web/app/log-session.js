// The form's state and the session the API takes, each made from the other; and where a violation belongs.

/** The API's field names → the form's element ids (their `-error` messages are `#<id>-error`). */
export const FIELD_IDS = {
  title: 'title', date: 'date', startTime: 'start-time', durationMinutes: 'duration', municipalityCode: 'municipality',
  methods: 'methods', themes: 'themes', setting: 'setting', participants: 'participants',
  participantsEstimated: 'estimated', firstTimeParticipants: 'first-time', unorganisedYouth: 'unorganised',
  fewerOpportunities: 'fewer-opportunities', youthWorkers: 'youth-workers', volunteers: 'volunteers',
  youthLed: 'youth-led', youngLeaders: 'young-leaders', notes: 'notes',
};

/** The fields in the collapsed "more details" part: an error there opens it. */
export const MORE = ['municipality', 'first-time', 'unorganised', 'fewer-opportunities', 'estimated', 'volunteers',
  'youth-led', 'young-leaders', 'notes'];

/** What is remembered on the device from the last session a person logged: no personal data. */
const REMEMBERED = ['methods', 'themes', 'setting', 'durationMinutes', 'startTime', 'municipalityCode', 'youthWorkers'];

export function cellId(ageBand, gender) {
  return `count-${ageBand}-${gender}`;
}

/** Today in the device's time zone, as yyyy-mm-dd. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A fresh form: a new id, today, nothing counted, the remembered choices. */
export function freshForm(defaults = {}) {
  return {
    id: crypto.randomUUID(),
    title: '',
    date: today(),
    startTime: defaults.startTime || '',
    durationMinutes: defaults.durationMinutes != null ? String(defaults.durationMinutes) : '60',
    municipalityCode: defaults.municipalityCode || '',
    methods: [...(defaults.methods || [])],
    themes: [...(defaults.themes || [])],
    setting: defaults.setting || '',
    counts: {},
    participantsEstimated: false,
    firstTimeParticipants: '',
    unorganisedYouth: '',
    fewerOpportunities: '',
    youthWorkers: defaults.youthWorkers != null ? String(defaults.youthWorkers) : '1',
    volunteers: '',
    youthLed: false,
    youngLeaders: '',
    notes: '',
  };
}

/** A stored (or queued) session as the form shows it. */
export function formOf(session) {
  const counts = {};
  for (const p of session.participants || []) counts[cellId(p.ageBand, p.gender)] = p.count ? String(p.count) : '';
  const text = (n) => (n == null || n === 0 ? '' : String(n));
  return {
    id: session.id,
    title: session.title || '',
    date: session.date || today(),
    startTime: session.startTime ? session.startTime.slice(0, 5) : '',
    durationMinutes: session.durationMinutes != null ? String(session.durationMinutes) : '',
    municipalityCode: session.municipalityCode || '',
    methods: [...(session.methods || [])],
    themes: [...(session.themes || [])],
    setting: session.setting || '',
    counts,
    participantsEstimated: !!session.participantsEstimated,
    firstTimeParticipants: text(session.firstTimeParticipants),
    unorganisedYouth: text(session.unorganisedYouth),
    fewerOpportunities: text(session.fewerOpportunities),
    youthWorkers: session.youthWorkers != null ? String(session.youthWorkers) : '',
    volunteers: text(session.volunteers),
    youthLed: !!session.youthLed,
    youngLeaders: text(session.youngLeaders),
    notes: session.notes || '',
  };
}

function count(text) {
  const n = Number(text);
  return text === '' || text == null || Number.isNaN(n) ? 0 : n;
}

/** Where a blank required number goes: null, so the server names the field. */
function required(text) {
  return text === '' || text == null ? null : Number(text);
}

export function total(form, ageBands, genders) {
  let sum = 0;
  for (const a of ageBands) for (const g of genders) sum += count(form.counts[cellId(a.code, g.code)]);
  return sum;
}

/**
 * The session to send, and the grid cells in the order of its `participants` (so `participants[2].count` finds its
 * cell). Only counted cells are sent; a session nobody came to sends the whole grid of zeros.
 */
export function sessionOf(form, ageBands, genders) {
  const cells = [];
  for (const a of ageBands) for (const g of genders) cells.push({ ageBand: a.code, gender: g.code });
  let sent = cells.filter(c => count(form.counts[cellId(c.ageBand, c.gender)]) > 0);
  if (sent.length === 0) sent = cells;
  const session = {
    id: form.id,
    date: form.date || null,
    startTime: form.startTime || null,
    durationMinutes: required(form.durationMinutes),
    title: form.title,
    methods: form.methods,
    themes: form.themes,
    setting: form.setting || null,
    participants: sent.map(c => ({ ...c, count: count(form.counts[cellId(c.ageBand, c.gender)]) })),
    participantsEstimated: form.participantsEstimated,
    firstTimeParticipants: count(form.firstTimeParticipants),
    unorganisedYouth: count(form.unorganisedYouth),
    fewerOpportunities: count(form.fewerOpportunities),
    youthWorkers: required(form.youthWorkers),
    volunteers: count(form.volunteers),
    youthLed: form.youthLed,
    youngLeaders: count(form.youngLeaders),
    notes: form.notes || null,
  };
  if (form.municipalityCode) session.municipalityCode = form.municipalityCode;
  return { session, cells: sent.map(c => cellId(c.ageBand, c.gender)) };
}

/**
 * The problem's violations by the element id they belong to ({id: [messages]}), and those that name no field of the
 * form. `cells` maps `participants[i]` to its grid cell.
 */
export function placeViolations(problem, cells) {
  const byField = {};
  const unplaced = [];
  for (const v of (problem && problem.violations) || []) {
    const field = v.field || '';
    const cell = /^participants\[(\d+)\]/.exec(field);
    const id = cell && cells[Number(cell[1])] ? cells[Number(cell[1])] : FIELD_IDS[field.replace(/\[.*$/, '')];
    if (id) (byField[id] ||= []).push(v);
    else unplaced.push(v);
  }
  return { byField, unplaced };
}

function key(accountId) {
  return 'logbook.defaults.' + accountId;
}

export function rememberedDefaults(accountId) {
  try {
    return JSON.parse(localStorage.getItem(key(accountId)) || 'null');
  } catch (e) {
    return null;
  }
}

/** The choices worth repeating, from a session the person logged. */
export function defaultsOf(session) {
  const kept = {};
  for (const field of REMEMBERED) if (session[field] != null && session[field] !== '') kept[field] = session[field];
  if (kept.startTime) kept.startTime = kept.startTime.slice(0, 5);
  return kept;
}

export function remember(accountId, session) {
  localStorage.setItem(key(accountId), JSON.stringify(defaultsOf(session)));
}
