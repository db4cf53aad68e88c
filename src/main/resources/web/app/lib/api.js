// The token lives in memory and in this tab's sessionStorage only: never localStorage, never a cookie, so no other
// site and no other tab can read it, and it is gone when the tab closes.
const KEY = 'logbook.token';
let token = sessionStorage.getItem(KEY);

export function signedIn() {
  return token !== null;
}

export function signOut() {
  token = null;
  sessionStorage.removeItem(KEY);
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
    return null;
  }
  if (response.status === 429) return 'signIn.tooMany';
  const body = await response.json().catch(() => ({}));
  return body.error === 'invalid_grant' ? 'signIn.wrong' : 'signIn.failed';
}

/** GET an API path with the token; a 401 signs out (the token expired or was revoked). */
export async function get(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (response.status === 401) {
    signOut();
    throw new Error('unauthorized');
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
