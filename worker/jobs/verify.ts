import { verifyAudit } from '../audit/verify';
import { tenantsWithAudit } from '../db/audit';
import type { Bindings } from '../env';

/**
 * Once a day, every tenant's log verified in full: incremental verifies read only new entries, so
 * an edit to an old sealed entry is found here, and every verify after reports it (audit/verify.ts).
 */
export async function verifyAll(env: Bindings): Promise<void> {
  for (const tenantId of await tenantsWithAudit(env.DB)) {
    try {
      const v = await verifyAudit(env, tenantId, { full: true, scope: null });
      if (!v.ok) console.error(`audit log of ${tenantId} does not verify`, v.firstMismatch);
    } catch (err) {
      console.error('full verify failed', tenantId, err);
    }
  }
}
