import type { Text } from '@lodestar/core';

/**
 * "View as" (issue 19): the studio opens the runtime UI with `?preview=<token>`; every API request of the page
 * then carries `X-Lodestar-Preview`, and the engine answers it from the draft, as the previewed role or user,
 * refusing every write. The token is kept for the tab (sessionStorage), so moving around the app and reloading
 * stay in the preview; the studio forgets it when its preview closes.
 */
export const PREVIEW_HEADER = 'X-Lodestar-Preview';
const KEY = 'lodestar.preview';

/** What the runtime UI shows about a preview; read from the token, which is not a secret (the engine judges it). */
export interface PreviewInfo {
  token: string;
  /** Who is previewed, by title. */
  title: Text;
  /** A draft is shown (else the published model). */
  draft: boolean;
  expiresAt: Date;
  /** Who the app takes itself to be in the preview (whose records are "mine", which roles), if the token says. */
  person?: { id: string; roles: string[]; orgUnitId: string | null };
}

let current: string | null | undefined;
let accepted = false;

/**
 * The runtime UI shows previews; the studio, which shares the tab's storage with the preview it frames, never
 * calls this, so none of its own requests (saving the draft) can carry a preview header.
 */
export function acceptPreview(): void {
  accepted = true;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The preview token of this tab: `?preview=` on first load, else the one kept for the tab. */
export function previewToken(): string | null {
  if (!accepted) return null;
  if (current !== undefined) return current;
  const fromUrl = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('preview');
  current = fromUrl ?? stored();
  if (fromUrl) startPreview(fromUrl);
  return current;
}

/** Keeps a token for this tab (the studio before opening the preview, or the runtime UI from its URL). */
export function startPreview(token: string): void {
  current = token;
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // storage disabled: the preview lasts until the page is left
  }
}

/** Leaves preview mode in this tab. */
export function endPreview(): void {
  current = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

/** The header that puts a request into preview mode, or nothing outside a preview. */
export function previewHeaders(): Record<string, string> {
  const token = previewToken();
  return token ? { [PREVIEW_HEADER]: token } : {};
}

/** What the banner says about the preview of this tab, or null outside one (or for a token it cannot read). */
export function previewInfo(): PreviewInfo | null {
  const token = previewToken();
  if (!token) return null;
  try {
    const base64 = token.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const body = JSON.parse(new TextDecoder().decode(bytes)) as {
      draft?: unknown;
      exp?: unknown;
      title?: Partial<Text>;
      as?: { id?: unknown };
      person?: PreviewInfo['person'];
    };
    const fallback = String(body.as?.id ?? '');
    return {
      token,
      title: { zh: body.title?.zh ?? fallback, en: body.title?.en ?? fallback },
      draft: body.draft !== null,
      expiresAt: new Date(Number(body.exp)),
      ...(body.person && { person: body.person }),
    };
  } catch {
    return null;
  }
}

/**
 * The signed-in user as the app should take them in a preview: the previewed person (id, roles, org unit, name),
 * so "mine", "can edit" and the side bar agree with what the engine answers; outside a preview, `me` itself.
 */
export function previewedMe<M extends { id: string; displayName?: string | null; roles: string[] }>(
  me: M,
  lang: 'zh' | 'en',
): M {
  const info = previewInfo();
  if (!info?.person) return me;
  return {
    ...me,
    id: info.person.id,
    displayName: info.title[lang],
    roles: info.person.roles,
    orgUnitId: info.person.orgUnitId,
  };
}
