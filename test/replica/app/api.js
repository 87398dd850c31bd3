// The replica's request helper, in the way of the real app's axios wrapper: POST /v1/center/<name>
// with the session cookie and the X-CSRF-Token header; 1009 sends the admin back to the sign-in page.
import { currentRoute, message, reactive } from './kit.js';

export const session = reactive({ user: null, csrfToken: null, variant: null, unhandled: 0 });

let router = null;
export function useRouter(r) {
  router = r;
}

export class ApiError extends Error {
  constructor(retCode, retMsg) {
    super(retMsg);
    this.retCode = retCode;
    this.retMsg = retMsg;
  }
}

export function expired(retMsg) {
  session.user = null;
  session.csrfToken = null;
  message.error(retMsg || '您的登录已失效，请重新登录');
  const here = router && currentRoute(router);
  if (here && here.path !== '/zhtj/signin') {
    router.push({ path: '/zhtj/signin', query: { redirect: here.fullPath } });
  }
}

/** Calls the API; refusals show as Element's $message unless `quiet`, and throw. */
export async function api(name, body = {}, { quiet = false } = {}) {
  const res = await fetch('/v1/center/' + name, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-CSRF-Token': session.csrfToken || '' },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (data.retCode === 1009) {
    expired(data.retMsg);
    throw new ApiError(data.retCode, data.retMsg);
  }
  if (data.retCode !== 1000) {
    if (!quiet) message.error(data.retMsg);
    throw new ApiError(data.retCode, data.retMsg);
  }
  return data.results;
}

/** Who is signed in (the cookie is enough); null when nobody is. */
export async function loadUser() {
  const res = await fetch('/v1/center/currentUser', { method: 'POST', credentials: 'same-origin' });
  const data = await res.json();
  if (data.retCode !== 1000) return null;
  session.user = data.results;
  session.csrfToken = data.results.csrfToken;
  return session.user;
}

/** The replica's markup switches (test/replica/variant.ts), read again by every list. */
export async function loadVariant() {
  const res = await fetch('/__replica/variant');
  session.variant = await res.json();
  return session.variant;
}
