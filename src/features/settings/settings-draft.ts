/** The Settings form's draft: what the owner types, checked before it is stored. */
import { normalizeImportMappings } from '../../domain/import-mappings';
import { currencyProblem, localeProblem, timeZoneProblem } from '../../domain/intl';
import { centsToDecimal, parseMoney } from '../../domain/money';
import { settingsSchema, type Settings } from '../../domain/schemas';

export interface Draft {
  brandName: string;
  brandUrl: string;
  currency: string;
  locale: string;
  timeZone: string;
  micro: string;
  mid: string;
  macro: string;
  mega: string;
  cpm: string;
  countDiscountAsCost: boolean;
  multiCodeRule: Settings['multiCodeRule'];
}

export function toDraft(s: Settings): Draft {
  return {
    brandName: s.brandName,
    brandUrl: s.brandUrl,
    currency: s.currency,
    locale: s.locale,
    timeZone: s.timeZone,
    micro: String(s.tierBounds.micro),
    mid: String(s.tierBounds.mid),
    macro: String(s.tierBounds.macro),
    mega: String(s.tierBounds.mega),
    cpm: centsToDecimal(s.cpmCents),
    countDiscountAsCost: s.countDiscountAsCost,
    multiCodeRule: s.multiCodeRule,
  };
}

export type Errors = Partial<Record<keyof Draft, string>>;

export function validate(d: Draft, base: Settings): { errors: Errors; value?: Settings } {
  const errors: Errors = {};
  const int = (k: 'micro' | 'mid' | 'macro' | 'mega') => {
    const n = Number(d[k]);
    if (!/^\d+$/.test(d[k].trim()) || !Number.isSafeInteger(n))
      errors[k] = 'Enter a whole number of followers';
    return n;
  };
  const tiers = { micro: int('micro'), mid: int('mid'), macro: int('macro'), mega: int('mega') };
  if (!errors.mid && tiers.mid <= tiers.micro) errors.mid = 'Must be above the micro bound';
  if (!errors.macro && tiers.macro <= tiers.mid) errors.macro = 'Must be above the mid bound';
  if (!errors.mega && tiers.mega <= tiers.macro) errors.mega = 'Must be above the macro bound';
  const cpm = parseMoney(d.cpm);
  if (cpm === null || cpm < 0) errors.cpm = 'Enter an amount like 10.00';
  // The schema's rules, worded for the field (settingsSchema checks them again below).
  const currency = d.currency.trim().toUpperCase();
  const locale = d.locale.trim();
  const timeZone = d.timeZone.trim();
  const problems = {
    currency: currencyProblem(currency),
    locale: localeProblem(locale),
    timeZone: timeZoneProblem(timeZone),
  };
  for (const [k, problem] of Object.entries(problems))
    if (problem)
      errors[k as keyof typeof problems] = problem.replace(/^\w/, (c) => c.toUpperCase());
  const candidate: Settings = {
    ...base,
    // Saved in the list form even when an older version stored the record form.
    importMappings: normalizeImportMappings(base.importMappings),
    brandName: d.brandName.trim(),
    brandUrl: d.brandUrl.trim(),
    currency,
    locale,
    timeZone,
    tierBounds: tiers,
    cpmCents: cpm ?? 0,
    countDiscountAsCost: d.countDiscountAsCost,
    multiCodeRule: d.multiCodeRule,
  };
  const r = settingsSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = issue.path[0] as keyof Draft;
      if (key in d && !errors[key]) errors[key] = issue.message;
    }
  }
  return Object.keys(errors).length ? { errors } : { errors, value: candidate };
}
