import type { Db, Executor } from '../../db/client';
import { notFound } from '../../lib/errors';
import { computeReputation, RAW_MAX, RAW_MIN, type ReputationResult } from './reputation';
import { listApprovedProviderIds, loadReputationFacts, saveReputationScore } from './reputation.repository';

export interface ReputationExplanation extends ReputationResult {
  providerId: string;
  rawRange: [number, number];
  computedAt: string;
}

/**
 * Computes and stores providers' reputation scores. Other modules call `recomputeReputation(tx, id)`
 * inside the transaction that changed an input (completion, cancellation, verification).
 */
export function createReputationService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function recomputeMany(tx: Executor, providerIds: string[]): Promise<Map<string, ReputationResult>> {
    const at = now();
    const facts = await loadReputationFacts(tx, providerIds);
    const results = new Map<string, ReputationResult>();
    for (const [id, f] of facts) {
      const result = computeReputation({ ...f, now: at });
      await saveReputationScore(tx, id, result.score);
      results.set(id, result);
    }
    return results;
  }

  return {
    /** Recomputes and stores one provider's score; returns it (null when the provider does not exist). */
    async recomputeReputation(tx: Executor, providerId: string): Promise<ReputationResult | null> {
      return (await recomputeMany(tx, [providerId])).get(providerId) ?? null;
    },

    /** The score with every component and what would raise it (read-only; GET /providers/me/reputation). */
    async explainReputation(providerId: string): Promise<ReputationExplanation> {
      const at = now();
      const facts = (await loadReputationFacts(deps.db, [providerId])).get(providerId);
      if (!facts) throw notFound('Provider');
      return {
        providerId,
        ...computeReputation({ ...facts, now: at }),
        rawRange: [RAW_MIN, RAW_MAX],
        computedAt: at.toISOString(),
      };
    },

    /** Nightly (time decay): every APPROVED provider, one transaction per batch. Returns how many. */
    async recomputeAllApproved(opts: { batchSize?: number } = {}): Promise<number> {
      const batchSize = opts.batchSize ?? 500;
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const ids = await listApprovedProviderIds(deps.db, after, batchSize);
        if (ids.length === 0) break;
        await deps.db.transaction(async (tx) => {
          await recomputeMany(tx, ids);
        });
        total += ids.length;
        after = ids[ids.length - 1]!;
        if (ids.length < batchSize) break;
      }
      return total;
    },
  };
}
export type ReputationService = ReturnType<typeof createReputationService>;
