import { lang } from './i18n.js';

/**
 * The JSON API, called with the HttpOnly session cookie (the pages never see the token).
 * Errors become ApiError with the status, the body and its field errors (`errors: [{field, message}]`).
 */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
    this.fieldErrors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

let onUnauthenticated = () => {};

/** Called when a request answers 401 (the session ended), except for the login itself. */
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

async function request(method, url, body) {
  // The server answers its messages (field errors included) in the page's language.
  const headers = { Accept: 'application/json', 'Accept-Language': lang() };
  // A FormData body (a file upload) sets its own multipart type and boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { message: 'network' });
  }
  if (res.status === 204) return null;
  const data = (res.headers.get('Content-Type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const error = new ApiError(res.status, data);
    error.retryAfter = Number(res.headers.get('Retry-After')) || null;
    if (res.status === 401 && url !== '/api/auth/login' && url !== '/api/auth/me') onUnauthenticated();
    throw error;
  }
  return data;
}

export const api = {
  get: (url) => request('GET', url),
  /** A multipart upload (FormData with a file); answers JSON like the rest. */
  upload: (url, form) => request('POST', url, form),
  post: (url, body = {}) => request('POST', url, body),
  put: (url, body) => request('PUT', url, body),
  patch: (url, body) => request('PATCH', url, body),
  delete: (url, body) => request('DELETE', url, body),
};

/** `/api/x` + `{ year: 2020, lang: undefined }` → `/api/x?year=2020`. */
export function withQuery(url, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

/**
 * Fetches a generated file and hands it to the browser as a download, so that an error (a year
 * without data, an expired session) is shown on the page instead of being saved as a file.
 */
export async function download(url) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': lang() } });
  } catch {
    throw new ApiError(0, { message: 'network' });
  }
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(res.status, data);
  }
  const blob = await res.blob();
  const fileName = fileNameOf(res.headers.get('Content-Disposition')) ?? url.split('/').pop().split('?')[0];
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { fileName, size: blob.size, sha256: res.headers.get('X-Content-SHA256') };
}

function fileNameOf(disposition) {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}
