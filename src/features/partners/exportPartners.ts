import { getDb } from '../../db/db';
import { allContracts } from '../../db/partners';
import { saveErrorMessage } from '../../db/errors';
import { partnersToCsv } from '../../io/partners-csv';
import { saveFile } from '../../platform/bridge';
import type { Partner } from '../../domain/schemas';
import { useUi } from '../../store/ui';

/** Export these partners (with the contract active today) to a CSV file the owner saves. */
export async function exportPartners(partners: readonly Partner[], today: string): Promise<void> {
  const { showToast } = useUi.getState();
  try {
    const ids = new Set(partners.map((p) => p.id));
    const contracts = (await allContracts(getDb())).filter((c) => ids.has(c.partnerId));
    const saved = await saveFile({
      kind: 'csv',
      suggestedName: `partners-${today}.csv`,
      data: partnersToCsv(partners, contracts, today),
      encoding: 'utf8',
    });
    if (saved)
      showToast({
        tone: 'success',
        message: `Exported ${partners.length} partner${partners.length === 1 ? '' : 's'}`,
      });
  } catch (e) {
    showToast({ tone: 'error', message: `Could not export: ${saveErrorMessage(e)}` });
  }
}
