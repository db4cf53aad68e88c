import { currentUser, request, signedIn } from './api.js';

// The device's queue of sessions saved without a connection, in IndexedDB so that it survives closing the browser.
// An item is {id, accountId, session, state: 'waiting'|'refused', problem, queuedAt}; it is sent again with the
// session's own client-made id, which the API stores once however often it arrives.

/** Fired on window whenever the queue changes. */
export const CHANGED = 'logbook-outbox';
const RETRY_MS = 30000;
const FIRST_RETRY_MS = 2000;
const SESSIONS = 'sessions';

let database;

function db() {
  database ??= new Promise((resolve, reject) => {
    const opening = indexedDB.open('logbook-outbox', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(SESSIONS, { keyPath: 'id' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  return database;
}

async function inStore(mode, act) {
  const transaction = (await db()).transaction(SESSIONS, mode);
  const asked = act(transaction.objectStore(SESSIONS));
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(asked.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

async function put(item) {
  await inStore('readwrite', store => store.put(item));
  window.dispatchEvent(new Event(CHANGED));
}

async function remove(id) {
  await inStore('readwrite', store => store.delete(id));
  window.dispatchEvent(new Event(CHANGED));
}

async function me() {
  return signedIn() ? currentUser().catch(() => null) : null;
}

/** The signed-in account's item of that id: nobody sees or sends another person's queue. */
async function own(id, account) {
  const item = id ? await inStore('readonly', store => store.get(id)) : null;
  return item && account && item.accountId === account.id ? item : null;
}

function unreachable(status) {
  return status === 0 || status >= 500;
}

/**
 * Saves a new session (with its client-made `id`), or a queued one again, replacing it. Answers one of:
 * {state: 'stored', session, etag} · {state: 'queued'} · {state: 'refused', problem} · {state: 'expired'}
 */
export async function submit(session) {
  const account = await me();
  const kept = await own(session.id, account);
  const answer = await request('POST', '/api/v1/sessions', { body: session });
  if (answer.ok) {
    if (kept) await remove(session.id);
    return { state: 'stored', session: answer.body, etag: answer.etag };
  }
  if (answer.status === 401 || !account) return { state: 'expired' };
  if (unreachable(answer.status)) {
    await put({ id: session.id, accountId: account.id, session, state: 'waiting', problem: null,
      queuedAt: kept?.queuedAt ?? new Date().toISOString() });
    return { state: 'queued' };
  }
  if (kept) await put({ ...kept, session, state: 'refused', problem: answer.body });
  return { state: 'refused', problem: answer.body };
}

/** The signed-in account's queued item of that id, or null. */
export async function queued(id) {
  return own(id, await me());
}

/** The signed-in account's queued items, oldest first. */
export async function all() {
  const account = await me();
  if (!account) return [];
  const items = await inStore('readonly', store => store.getAll());
  return items.filter(i => i.accountId === account.id).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Drops a queued item of the signed-in account: it will not be sent. */
export async function discard(id) {
  if (await queued(id)) await remove(id);
}

let sending = null;
let again = false;

/**
 * Sends the signed-in account's waiting items, one at a time, oldest first; answers when done. Asked while sending,
 * it goes round once more after: the connection may have returned after this round found none.
 */
export function send() {
  if (sending) {
    again = true;
    return sending;
  }
  sending = (async () => {
    let unsent;
    do {
      again = false;
      unsent = await sendWaiting();
    } while (again);
    if (unsent) retrySoon();
    else retryIn = FIRST_RETRY_MS;
  })().finally(() => { sending = null; });
  return sending;
}

let retry = null;
let retryIn = FIRST_RETRY_MS;

/**
 * The browser says it is online but the server did not answer: the connection often takes a moment to carry requests
 * after it returns, so try again soon, then less often, up to the regular 30 s.
 */
function retrySoon() {
  if (retry || !navigator.onLine) return;
  retry = setTimeout(() => { retry = null; send(); }, retryIn);
  retryIn = Math.min(retryIn * 2, RETRY_MS);
}

/** Sends what waits; answers true when the server did not take it (no answer, or a server error). */
async function sendWaiting() {
  const account = await me();
  if (!account) return false;
  for (const item of await all()) {
    if (item.state !== 'waiting') continue;
    // Checked right before each request: a session is never sent with another person's token.
    if ((await me())?.id !== item.accountId) return false;
    const answer = await request('POST', '/api/v1/sessions', { body: item.session });
    if (unreachable(answer.status)) return true;
    if (answer.status === 401) return false;
    if (answer.ok) await remove(item.id);
    else await put({ ...item, state: 'refused', problem: answer.body });
  }
  return false;
}

let started = false;

/** Sends when the connection returns, now (the app starts or someone signed in), after a sign-in, and every 30 s. */
export function startSending() {
  if (!started) {
    started = true;
    window.addEventListener('online', send);
    window.addEventListener('signed-in', send);
    setInterval(send, RETRY_MS);
  }
  send();
}
