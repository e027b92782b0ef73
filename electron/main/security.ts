import { APP_ORIGIN } from './protocol';

/** The origin the renderer is allowed to live on (the dev server in `npm start`, else app://). */
export function allowedOrigin(devServerUrl: string | undefined): string {
  if (devServerUrl) {
    try {
      return new URL(devServerUrl).origin;
    } catch {
      return APP_ORIGIN;
    }
  }
  return APP_ORIGIN;
}

/** True when `url` belongs to the app's own origin (compared as parsed URLs, never by prefix). */
export function isAppUrl(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'app:') return `${u.protocol}//${u.host}` === origin;
    return u.origin === origin;
  } catch {
    return false;
  }
}

/** Only plain https links may leave the app, to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
