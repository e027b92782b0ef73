import type { Comparison } from '../../domain/compare';
import type { Settings } from '../../domain/schemas';
export function InfographicView(_props: {
  c: Comparison;
  settings: Settings;
  periodLabel: string;
}) {
  return null;
}
