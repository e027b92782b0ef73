import type { CompareData, indexByPartner } from '../../domain/compare';
export function AdvisorView(_props: {
  data: CompareData;
  index: ReturnType<typeof indexByPartner>;
}) {
  return null;
}
