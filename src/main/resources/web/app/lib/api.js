// The token lives in memory and in this tab's sessionStorage only: never localStorage, never a cookie, so no other
// site and no other tab can read it, and it is gone when the tab closes.
const KEY = 'logbook.token';
let token = sessionStorage.getItem(KEY);

/** Fired on window when the token expired or was revoked; the shell asks to sign in again over the open page. */
export const EXPIRED = 'logbook-expired';

export function signedIn() {
  return token !== null;
}

export function signOut() {
  token = null;
  me = null;
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ME);
}

/** Answers null when signed in, else the key of the message to show at the form. */
export async function signIn(username, password) {
  let response;
  try {
    response = await fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'password', username, password }),
    });
  } catch (e) {
    return 'signIn.failed';
  }
  if (response.ok) {
    token = (await response.json()).access_token;
    sessionStorage.setItem(KEY, token);
    me = null;
    sessionStorage.removeItem(ME);
    return null;
  }
  if (response.status === 429) return 'signIn.tooMany';
  const body = await response.json().catch(() => ({}));
  return body.error === 'invalid_grant' ? 'signIn.wrong' : 'signIn.failed';
}

/**
 * Calls the API with the token and answers {status, ok, body, etag}; never throws. Status 0 means no connection.
 * A 401 forgets the token and fires EXPIRED, so the page can keep what was typed while the person signs in again.
 * The body is the parsed JSON (a problem on errors), or the text for non-JSON answers, or null.
 */
export async function request(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { status: 0, ok: false, body: null, etag: null };
  }
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event(EXPIRED));
  }
  const type = response.headers.get('Content-Type') || '';
  const text = await response.text().catch(() => '');
  let parsed = text || null;
  if (text && type.includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = text;
    }
  }
  return { status: response.status, ok: response.ok, body: parsed, etag: response.headers.get('ETag') };
}

/**
 * Fetches a file with the token and hands it to the browser as a download, named as the service names it. Answers
 * the status (0: no connection); a 401 is handled as for request().
 */
export async function download(path, accept, language) {
  const headers = { Accept: accept, 'Accept-Language': language };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch (e) {
    return 0;
  }
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event(EXPIRED));
  }
  if (!response.ok) return response.status;
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return response.status;
}

/** GET that answers the body, or throws on anything but 2xx. */
export async function get(path) {
  const answer = await request('GET', path);
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  return answer.body;
}

let me = null;
// Kept beside the token, so that a page opened again without a connection still knows whose sessions it queues.
const ME = 'logbook.me';

/** The signed-in account (GET /users/me), fetched once per sign-in; without a connection, the one last fetched. */
export async function currentUser() {
  if (!me) {
    const answer = await request('GET', '/api/v1/users/me');
    const kept = sessionStorage.getItem(ME);
    if (answer.ok) {
      me = answer.body;
      sessionStorage.setItem(ME, JSON.stringify(me));
    } else if (answer.status === 0 && kept && token) {
      me = JSON.parse(kept);
    } else {
      throw new Error(`HTTP ${answer.status}`);
    }
  }
  return me;
}
