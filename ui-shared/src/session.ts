/** The signed-in user's bearer token, kept where the web apps and the API docs page find it. */
const TOKEN_KEY = 'lodestar.token';
export const SIGNED_OUT_EVENT = 'lodestar:signed-out';

export function sessionToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeSession(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage disabled: the session lasts until the page is left
  }
  memoryToken = token;
}

let memoryToken: string | null = null;

/** The token to send: the stored one, else one kept in memory when storage is disabled. */
export function currentToken(): string | null {
  return sessionToken() ?? memoryToken;
}

/** Forgets the token and tells the app (the sign-in gate shows the login form again). */
export function endSession(): void {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
  memoryToken = null;
  window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}
