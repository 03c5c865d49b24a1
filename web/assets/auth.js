// Accounts: Cognito called from the browser with fetch, and the session kept in sessionStorage.

import { getConfig, setTokenProvider } from './api.js';

const SESSION_KEY = 'pc.session';
const RETURN_KEY = 'pc.returnTo';
const PENDING_KEY = 'pc.pendingEmail';

/** A Cognito failure with a French message; `field` names the form field it belongs to, if any. */
export class AuthError extends Error {
  constructor(code, message, field = null) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.field = field;
  }
}

const PASSWORD_RULES = 'Le mot de passe doit contenir au moins 10 caractères, dont une majuscule, '
  + 'une minuscule et un chiffre.';

// French messages per Cognito error, optionally per action (e.g. cognito-local answers a wrong
// password at sign-in with InvalidPasswordException).
const MESSAGES = {
  UsernameExistsException: ['Un compte existe déjà avec cette adresse.', 'email'],
  NotAuthorizedException: ['Adresse ou mot de passe incorrect.', null],
  UserNotFoundException: ['Adresse ou mot de passe incorrect.', null],
  CodeMismatchException: ['Ce code est incorrect. Vérifiez-le ou demandez un nouveau code.', 'confirmation-code'],
  ExpiredCodeException: ['Ce code a expiré. Demandez un nouveau code.', 'confirmation-code'],
  InvalidPasswordException: [PASSWORD_RULES, 'password'],
  InvalidParameterException: ['Certaines informations saisies ne sont pas valides.', null],
  LimitExceededException: ['Trop de tentatives. Réessayez dans quelques minutes.', null],
  TooManyRequestsException: ['Trop de tentatives. Réessayez dans quelques minutes.', null],
  TooManyFailedAttemptsException: ['Trop de tentatives. Réessayez dans quelques minutes.', null],
  CodeDeliveryFailureException: ['Le code n’a pas pu être envoyé. Vérifiez votre adresse e-mail.', 'email'],
};
const SIGN_IN_MESSAGES = {
  InvalidPasswordException: ['Adresse ou mot de passe incorrect.', null],
};

function toAuthError(action, code, message) {
  const known = (action === 'InitiateAuth' && SIGN_IN_MESSAGES[code]) || MESSAGES[code];
  if (known) return new AuthError(code, known[0], known[1]);
  if (code === 'UserNotConfirmedException') {
    return new AuthError(code, 'Votre adresse e-mail n’est pas encore confirmée.');
  }
  console.warn('Cognito error', code, message);
  return new AuthError(code, 'La connexion a échoué. Réessayez dans quelques instants.');
}

/** Calls one Cognito Identity Provider action. */
async function cognito(action, body) {
  const config = await getConfig();
  let response;
  try {
    response = await fetch(config.cognitoEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify({ ClientId: config.clientId, ...body }),
    });
  } catch {
    throw new AuthError('NetworkError', 'Le service de connexion est momentanément indisponible. Réessayez.');
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    // __type may be "Code" or "prefix#Code".
    const code = String(data.__type || '').split('#').pop();
    throw toAuthError(action, code, data.message);
  }
  return data;
}

export async function signUp({ email, password, givenName, familyName }) {
  await cognito('SignUp', {
    Username: email,
    Password: password,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'given_name', Value: givenName },
      { Name: 'family_name', Value: familyName },
    ],
  });
  setPendingEmail(email);
}

export async function confirmSignUp(email, code) {
  await cognito('ConfirmSignUp', { Username: email, ConfirmationCode: code });
}

export async function resendCode(email) {
  await cognito('ResendConfirmationCode', { Username: email });
}

/**
 * Signs in with e-mail and password. Returns { signedIn: true } or, for an account created by an
 * administrator, { challenge: 'NEW_PASSWORD_REQUIRED', session } to finish with setNewPassword.
 */
export async function signIn(email, password) {
  const data = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (data.ChallengeName) return { challenge: data.ChallengeName, session: data.Session };
  storeTokens(data.AuthenticationResult);
  return { signedIn: true };
}

export async function setNewPassword(email, newPassword, session) {
  const data = await cognito('RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: session,
    ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
  });
  storeTokens(data.AuthenticationResult);
}

function storeTokens(result, refreshToken = null) {
  if (!result || !result.IdToken) throw new AuthError('NoToken', 'La connexion a échoué. Réessayez.');
  const claims = decodeJwt(result.IdToken);
  const session = {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken || refreshToken,
    expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + (result.ExpiresIn || 3600) * 1000,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  sessionStorage.removeItem(PENDING_KEY);
  notify();
}

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY)) || null;
  } catch {
    return null;
  }
}

/** Decodes a JWT's payload (no verification: the API verifies tokens, the browser only reads them). */
export function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')), (c) =>
      c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

/** The signed-in user's display facts, or null. */
export function currentUser() {
  const session = readSession();
  if (!session) return null;
  const claims = decodeJwt(session.idToken);
  const name = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return {
    name: name || claims.email || '',
    email: claims.email || '',
    groups: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [],
    sub: claims.sub || '',
  };
}

export function isSignedIn() {
  const session = readSession();
  return Boolean(session && (session.expiresAt > Date.now() || session.refreshToken));
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
  notify();
}

let refreshing = null;

/** The ID token for the API, refreshed shortly before it expires; null when signed out. */
async function idToken() {
  const session = readSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > 60_000) return session.idToken;
  if (!session.refreshToken) return session.idToken; // the API's 401 takes over
  refreshing ??= cognito('InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: session.refreshToken },
  })
    .then((data) => storeTokens(data.AuthenticationResult, session.refreshToken))
    .catch(() => signOut())
    .finally(() => {
      refreshing = null;
    });
  await refreshing;
  return readSession()?.idToken ?? null;
}

setTokenProvider(idToken);

const listeners = new Set();

/** Calls fn whenever the user signs in or out. */
export function onAuthChange(fn) {
  listeners.add(fn);
}

function notify() {
  for (const fn of listeners) fn(currentUser());
}

/** Remembers where to come back after sign-in (a hash route such as "#/demandes"). */
export function setReturnTo(hash) {
  if (typeof hash === 'string' && hash.startsWith('#/')) sessionStorage.setItem(RETURN_KEY, hash);
}

/** Takes the remembered route, or the fallback. */
export function takeReturnTo(fallback) {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return hash && hash.startsWith('#/') ? hash : fallback;
}

/** The e-mail address waiting for its confirmation code, if any. */
export function pendingEmail() {
  return sessionStorage.getItem(PENDING_KEY) || '';
}

export function setPendingEmail(email) {
  sessionStorage.setItem(PENDING_KEY, email);
}

export const PASSWORD_HINT = 'Au moins 10 caractères, dont une majuscule, une minuscule et un chiffre.';

/** Mirrors the pool's password policy for an early, friendlier check. */
export function passwordProblem(password) {
  if (password.length < 10 || !/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) {
    return PASSWORD_RULES;
  }
  return null;
}
