import { request } from './api.js';

// The device's queue of sessions saved without a connection. This first version only sends online; the queue
// (IndexedDB, sent again when the connection returns) replaces it behind the same three functions.

/**
 * Saves a new session (with its client-made `id`). Answers one of:
 * {state: 'stored', session, etag} · {state: 'queued'} · {state: 'refused', problem} · {state: 'expired'}
 */
export async function submit(session) {
  const answer = await request('POST', '/api/v1/sessions', { body: session });
  if (answer.ok) return { state: 'stored', session: answer.body, etag: answer.etag };
  if (answer.status === 401) return { state: 'expired' };
  if (answer.status === 0) return { state: 'queued' };
  return { state: 'refused', problem: answer.body };
}

/** A queued item {id, session, state: 'waiting'|'refused', problem, queuedAt}, or null. */
export async function queued(id) {
  return null;
}

/** All queued items, oldest first. */
export async function all() {
  return [];
}
