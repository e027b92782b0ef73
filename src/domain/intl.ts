/**
 * The brand's locale, time zone and currency as Intl sees them. Intl throws a RangeError for a
 * malformed locale, an unknown time zone or a malformed currency, and one such value in the
 * settings once blanked every screen. So the settings schema accepts only values these checks
 * pass, and every place that hands a stored value to Intl goes through safeLocale, safeTimeZone
 * or safeCurrency, which fall back to the defaults for a bad one. No zod here: the first screen
 * uses these.
 */

export const DEFAULT_LOCALE = 'en-US';
export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_CURRENCY = 'USD';

export const LOCALE_MAX_LENGTH = 35;
export const TIME_ZONE_MAX_LENGTH = 64;

/** IANA names: `America/New_York`, `Etc/GMT+5`, `UTC`, `EST5EDT` (never an offset like +05:00). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+/-]*$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** A check remembered per value: screens ask it for every cell they format. */
function remembered(check: (s: string) => boolean): (value: unknown) => value is string {
  const known = new Map<string, boolean>();
  return (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    let ok = known.get(value);
    if (ok === undefined) {
      try {
        ok = check(value);
      } catch {
        ok = false;
      }
      if (known.size >= 500) known.clear();
      known.set(value, ok);
    }
    return ok;
  };
}

/**
 * A BCP 47 language tag this runtime knows (`en-US`, `de`, `fr-CA`, `en-US-u-nu-arab`): well
 * formed, one tag, a language Intl has data for, and accepted by the number and date formatters.
 */
export const isValidLocale = remembered((s) => {
  if (s.length < 2 || s.length > LOCALE_MAX_LENGTH) return false;
  const tags = Intl.getCanonicalLocales(s);
  if (tags.length !== 1) return false;
  if (Intl.NumberFormat.supportedLocalesOf(tags).length === 0) return false;
  new Intl.NumberFormat(s);
  new Intl.DateTimeFormat(s);
  return true;
});

/** An IANA time zone name the runtime knows (`America/New_York`, `Europe/Berlin`, `UTC`). */
export const isValidTimeZone = remembered((s) => {
  if (s.length < 1 || s.length > TIME_ZONE_MAX_LENGTH || !ZONE_NAME.test(s)) return false;
  new Intl.DateTimeFormat('en-US', { timeZone: s }).format(0);
  return true;
});

let currencies: ReadonlySet<string> | null | undefined;
function knownCurrencies(): ReadonlySet<string> | null {
  if (currencies === undefined) {
    try {
      currencies = new Set(Intl.supportedValuesOf('currency'));
    } catch {
      currencies = null;
    }
  }
  return currencies;
}

/**
 * An ISO 4217 code (`USD`, `EUR`): three capital letters, a currency Intl lists (when the runtime
 * can list them), and accepted by the currency formatter.
 */
export const isValidCurrency = remembered((s) => {
  if (!CURRENCY_CODE.test(s)) return false;
  const known = knownCurrencies();
  if (known && known.size > 0 && !known.has(s)) return false;
  new Intl.NumberFormat('en-US', { style: 'currency', currency: s });
  return true;
});

/** The stored locale, or the default when it is not one Intl accepts. */
export function safeLocale(locale: unknown): string {
  return isValidLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** The stored time zone, or the default when it is not one Intl knows. */
export function safeTimeZone(timeZone: unknown): string {
  return isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/** The stored currency, or the default when it is not an ISO 4217 code Intl knows. */
export function safeCurrency(currency: unknown): string {
  return isValidCurrency(currency) ? currency : DEFAULT_CURRENCY;
}

function quoted(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** Why a locale is refused, naming the field and the value; null when it is fine. */
export function localeProblem(value: unknown): string | null {
  return isValidLocale(value)
    ? null
    : `locale ${quoted(value)} is not a language tag this computer knows (use one like en-US or de-DE)`;
}

export function timeZoneProblem(value: unknown): string | null {
  return isValidTimeZone(value)
    ? null
    : `time zone ${quoted(value)} is not an IANA time zone this computer knows (use one like America/New_York)`;
}

export function currencyProblem(value: unknown): string | null {
  return isValidCurrency(value)
    ? null
    : `currency ${quoted(value)} is not an ISO 4217 currency code (use one like USD or EUR)`;
}

/** Time zones to choose from (IANA names the runtime knows; UTC first). */
export function timeZoneOptions(): string[] {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return ['UTC', DEFAULT_TIME_ZONE];
  }
}

/** Currencies to choose from (ISO 4217 codes the runtime knows). */
export function currencyOptions(): string[] {
  const known = knownCurrencies();
  return known && known.size > 0 ? [...known] : [DEFAULT_CURRENCY, 'EUR', 'GBP', 'CAD', 'AUD'];
}

/** Countries using the euro (ISO 3166 alpha-2). */
const EURO = new Set(
  'AT BE HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES AD MC SM VA ME XK'.split(' '),
);
const CURRENCY_OF_REGION: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  JP: 'JPY',
  CN: 'CNY',
  IN: 'INR',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
  SG: 'SGD',
  HK: 'HKD',
  KR: 'KRW',
  IE: 'EUR',
};

/**
 * The computer's settings as the first-run prompt proposes them: its time zone and locale (when
 * Intl accepts them), and the currency of the locale's region (USD when it has none we know).
 * The caller passes what the runtime reports: the domain reads no environment itself.
 */
export function computerDefaults(env: { timeZone?: string; locale?: string }): {
  timeZone: string;
  locale: string;
  currency: string;
} {
  const locale = safeLocale(env.locale);
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  const currency =
    region === undefined
      ? DEFAULT_CURRENCY
      : EURO.has(region)
        ? 'EUR'
        : (CURRENCY_OF_REGION[region] ?? DEFAULT_CURRENCY);
  return { timeZone: safeTimeZone(env.timeZone), locale, currency: safeCurrency(currency) };
}

const COMMON_LOCALES =
  'en-US en-GB en-CA en-AU en-NZ en-IE en-IN en-ZA fr-FR fr-CA fr-BE fr-CH de-DE de-AT de-CH it-IT es-ES es-MX es-AR pt-PT pt-BR nl-NL nl-BE sv-SE nb-NO da-DK fi-FI pl-PL cs-CZ hu-HU el-GR tr-TR ja-JP ko-KR zh-CN zh-TW he-IL ar-AE hi-IN'.split(
    ' ',
  );

/** Locales to choose from: common ones this runtime formats (any other valid tag can be typed). */
export function localeOptions(): string[] {
  return COMMON_LOCALES.filter((l) => isValidLocale(l));
}
