// Configuration and HTTP calls to the platform's API, with RFC 9457 problem details turned into errors.

let configPromise = null;

/** The deployment's settings from /config.json, fetched once per page load. */
export function getConfig() {
  if (!configPromise) {
    configPromise = fetch('/config.json', { headers: { Accept: 'application/json' } })
      .catch(() => {
        throw new ApiError({ status: 0 });
      })
      .then((response) => {
        if (!response.ok) throw new ApiError({ status: response.status, title: UNAVAILABLE });
        return response.json();
      });
    configPromise.catch(() => {
      configPromise = null;
    });
  }
  return configPromise;
}

const UNAVAILABLE = 'Le service est momentanément indisponible. Vérifiez votre connexion puis réessayez.';

const TITLES_BY_STATUS = {
  400: 'La demande envoyée au serveur est incorrecte.',
  401: 'Votre session a expiré. Connectez-vous de nouveau.',
  403: 'Vous n’avez pas accès à cette page.',
  404: 'Cette page ou cette demande est introuvable.',
  409: 'Cette action n’est pas possible dans l’état actuel.',
  412: 'Cette demande a été modifiée par ailleurs. Rechargez-la.',
  422: 'Certaines informations sont à corriger.',
  429: 'Trop de demandes en peu de temps. Patientez un instant puis réessayez.',
};

/**
 * An API failure: the HTTP status plus the problem document's title, detail, field errors and, for a
 * booking whose place was taken, the next free slots ({ start, end, remaining }).
 */
export class ApiError extends Error {
  constructor({ status = 0, type, title, detail, errors, alternatives } = {}) {
    const fallback = TITLES_BY_STATUS[status] ?? UNAVAILABLE;
    super(detail || title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title || fallback;
    this.detail = detail || '';
    this.errors = Array.isArray(errors) ? errors : [];
    this.alternatives = Array.isArray(alternatives) ? alternatives : [];
    /** True once a global handler (e.g. the 401 redirect) has dealt with it. */
    this.handled = false;
  }
}

let tokenProvider = async () => null;
let unauthorizedHandler = () => {};

/** Tells the API module how to get the ID token (refreshing it if needed). */
export function setTokenProvider(fn) {
  tokenProvider = fn;
}

/** Called on any 401 from the API, e.g. to go back to sign-in with a message. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

/**
 * Calls the API under config.apiBase. Returns { data, etag, status }.
 * Options: method, body (sent as JSON), headers, auth (default true: adds the bearer token if any).
 * Throws ApiError for network failures and non-2xx answers.
 */
export async function api(path, { method = 'GET', body, headers = {}, auth = true } = {}) {
  const response = await send(path, { method, body, headers, auth, accept: 'application/json' });
  const data = await readJson(response);
  if (!response.ok) throw failure(response, data);
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

/** GETs a file of the API (e.g. text/calendar) with the bearer token, as a Blob. */
export async function apiBlob(path, accept) {
  const response = await send(path, { method: 'GET', headers: {}, auth: true, accept });
  if (!response.ok) throw failure(response, await readJson(response));
  return response.blob();
}

async function send(path, { method, body, headers, auth, accept }) {
  const config = await getConfig();
  const allHeaders = { Accept: `${accept}, application/problem+json`, ...headers };
  if (body !== undefined) allHeaders['Content-Type'] = 'application/json';
  if (auth) {
    const token = await tokenProvider();
    if (token) allHeaders.Authorization = `Bearer ${token}`;
  }
  try {
    return await fetch(config.apiBase + path, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0 });
  }
}

function failure(response, data) {
  const error = new ApiError({ status: response.status, ...(data && typeof data === 'object' ? data : {}) });
  if (response.status === 401) {
    error.handled = true;
    unauthorizedHandler(error);
  }
  return error;
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204 || !type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Encodes one path segment. */
export const seg = (value) => encodeURIComponent(String(value));
