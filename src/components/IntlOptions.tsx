import { currencyOptions, localeOptions, timeZoneOptions } from '../domain/intl';

/** The ids of the lists that time zone and currency inputs search (`<input list=…>`). */
export const TIME_ZONE_LIST = 'intl-time-zones';
export const CURRENCY_LIST = 'intl-currencies';
export const LOCALE_LIST = 'intl-locales';

/** Datalists of every time zone and currency Intl knows and common locales, once per screen that types them. */
export function IntlOptions() {
  return (
    <>
      <datalist id={TIME_ZONE_LIST}>
        {timeZoneOptions().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <datalist id={LOCALE_LIST}>
        {localeOptions().map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <datalist id={CURRENCY_LIST}>
        {currencyOptions().map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </>
  );
}
