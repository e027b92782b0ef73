import { currencyOptions, timeZoneOptions } from '../domain/intl';

/** The ids of the lists that time zone and currency inputs search (`<input list=…>`). */
export const TIME_ZONE_LIST = 'intl-time-zones';
export const CURRENCY_LIST = 'intl-currencies';

/** Datalists of every time zone and currency Intl knows, once per screen that types them. */
export function IntlOptions() {
  return (
    <>
      <datalist id={TIME_ZONE_LIST}>
        {timeZoneOptions().map((z) => (
          <option key={z} value={z} />
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
