/**
 * The brand's own follower counts, one row per platform and month:
 * `month,platform,followers` (e.g. `2025-03,instagram,12400`). Header names are case-insensitive.
 */
import { parseCsv } from './csv';
import { PLATFORMS, type Platform } from '../domain/schemas';

export interface FollowerRow {
  month: string;
  platform: Platform;
  followers: number;
}

export interface FollowerParse {
  rows: FollowerRow[];
  errors: string[];
}

export function parseBrandFollowersCsv(text: string): FollowerParse {
  const parsed = parseCsv(text);
  const errors = parsed.errors.map((e) => `Line ${e.line}: ${e.message}`);
  const col = (name: string) => parsed.header.find((h) => h.toLowerCase() === name);
  const month = col('month');
  const platform = col('platform');
  const followers = col('followers');
  const missing = [
    ['month', month],
    ['platform', platform],
    ['followers', followers],
  ]
    .filter(([, c]) => !c)
    .map(([n]) => n);
  if (missing.length) return { rows: [], errors: [`Missing column(s): ${missing.join(', ')}`] };
  const rows: FollowerRow[] = [];
  parsed.rows.forEach((r, i) => {
    const line = parsed.lineNumbers[i];
    const m = (r[month!] ?? '').trim();
    const p = (r[platform!] ?? '').trim().toLowerCase();
    const f = (r[followers!] ?? '').trim().replace(/[,\s]/g, '');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m))
      errors.push(`Line ${line}: month "${m}" must look like 2025-03`);
    else if (!(PLATFORMS as readonly string[]).includes(p))
      errors.push(`Line ${line}: unknown platform "${p}" (use ${PLATFORMS.join(', ')})`);
    else if (!/^\d+$/.test(f))
      errors.push(`Line ${line}: followers "${f}" must be a whole number of 0 or more`);
    else rows.push({ month: m, platform: p as Platform, followers: Number(f) });
  });
  return { rows, errors };
}
