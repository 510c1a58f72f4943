import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { bookings } from '../bookings/bookings.tables';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../payments/payments.tables';
import {
  type AccountRef,
  accountCode,
  assertBalanced,
  type LedgerKind,
  type LedgerLine,
  SYSTEM_ACCOUNTS,
  walletCode,
} from './accounts';

export interface PostInput {
  kind: LedgerKind;
  reference: string;
  bookingId?: string | null;
  memo?: string;
  lines: LedgerLine[];
}

/**
 * The double-entry ledger (tables in payments.tables.ts; append-only by trigger). The only writer of
 * ledger_* rows. Balances are always computed from entries, so they can never drift.
 */
export function createLedger() {
  const systemIds = new Map<string, string>();

  async function systemAccountId(db: Executor, code: string): Promise<string> {
    const cached = systemIds.get(code);
    if (cached) return cached;
    const [row] = await db.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(eq(ledgerAccounts.code, code));
    if (!row) throw new Error(`Ledger account ${code} is missing (migration not applied?)`);
    systemIds.set(code, row.id);
    return row.id;
  }

  /** The wallet account of a provider, created on first use (not cached: creation may roll back). */
  async function walletAccountId(db: Executor, providerId: string): Promise<string> {
    const code = walletCode(providerId);
    const [created] = await db
      .insert(ledgerAccounts)
      .values({ code, name: `Provider wallet ${providerId}`, type: 'LIABILITY', providerId })
      .onConflictDoNothing({ target: ledgerAccounts.code })
      .returning({ id: ledgerAccounts.id });
    if (created) return created.id;
    const [row] = await db.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(eq(ledgerAccounts.code, code));
    return row!.id;
  }

  const accountId = (db: Executor, ref: AccountRef) =>
    typeof ref === 'string' ? systemAccountId(db, ref) : walletAccountId(db, ref.wallet);

  return {
    walletAccountId,

    /**
     * Posts a balanced set of entries once per (kind, reference). Returns false when that posting
     * already exists (idempotent replay); throws on an unbalanced set.
     */
    async post(tx: Tx, input: PostInput): Promise<boolean> {
      assertBalanced(input.lines);
      const [created] = await tx
        .insert(ledgerTransactions)
        .values({ kind: input.kind, reference: input.reference, bookingId: input.bookingId ?? null, memo: input.memo ?? null })
        .onConflictDoNothing({ target: [ledgerTransactions.kind, ledgerTransactions.reference] })
        .returning({ id: ledgerTransactions.id });
      if (!created) return false;
      const rows = [];
      for (const line of input.lines) {
        rows.push({ transactionId: created.id, accountId: await accountId(tx, line.account), amount: line.amount });
      }
      await tx.insert(ledgerEntries).values(rows);
      return true;
    },

    /** Whether a posting exists. */
    async posted(db: Executor, kind: LedgerKind, reference: string): Promise<boolean> {
      const [row] = await db
        .select({ id: ledgerTransactions.id })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.kind, kind), eq(ledgerTransactions.reference, reference)));
      return !!row;
    },

    /** Balance of one account (debit-positive). */
    async balance(db: Executor, ref: AccountRef): Promise<number> {
      const [row] = await db
        .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
        .from(ledgerEntries)
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .where(eq(ledgerAccounts.code, accountCode(ref)));
      return Number(row?.total ?? 0);
    },

    /** Escrow still held for bookings (credit balance → positive number), optionally one provider's. */
    async heldInEscrow(db: Executor, filter: { bookingId?: string; providerId?: string }): Promise<number> {
      const conds = [eq(ledgerEntries.accountId, await systemAccountId(db, 'escrow'))];
      if (filter.bookingId) conds.push(eq(ledgerTransactions.bookingId, filter.bookingId));
      if (filter.providerId) {
        conds.push(
          inArray(
            ledgerTransactions.bookingId,
            db.select({ id: bookings.id }).from(bookings).where(eq(bookings.providerId, filter.providerId)),
          ),
        );
      }
      const [row] = await db
        .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(and(...conds));
      return 0 - Number(row?.total ?? 0);
    },

    /** Locks a provider's wallet account row for the rest of `tx` (serialises withdrawals). */
    async lockWallet(tx: Tx, providerId: string): Promise<void> {
      const id = await walletAccountId(tx, providerId);
      await tx.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(eq(ledgerAccounts.id, id)).for('update');
    },

    /** A wallet's entries, newest first, with the posting kind; cursor = `${createdAt ISO}|${entryId}`. */
    async walletHistory(db: Executor, providerId: string, opts: { limit: number; cursor?: string }) {
      const code = walletCode(providerId);
      const conds = [eq(ledgerAccounts.code, code)];
      if (opts.cursor) {
        const [at, id] = opts.cursor.split('|');
        const when = new Date(at ?? '');
        if (!id || Number.isNaN(when.getTime())) throw new AppError('BAD_REQUEST', 'Invalid cursor');
        conds.push(or(lt(ledgerEntries.createdAt, when), and(eq(ledgerEntries.createdAt, when), lt(ledgerEntries.id, id)))!);
      }
      const rows = await db
        .select({
          id: ledgerEntries.id,
          amount: ledgerEntries.amount,
          createdAt: ledgerEntries.createdAt,
          kind: ledgerTransactions.kind,
          reference: ledgerTransactions.reference,
          bookingId: ledgerTransactions.bookingId,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(and(...conds))
        .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
        .limit(opts.limit + 1);
      const page = rows.slice(0, opts.limit);
      const last = page[page.length - 1];
      return {
        items: page,
        nextCursor: rows.length > opts.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
      };
    },

    /** Sum of a wallet's credits from earnings (releases and cancellation fees), as a positive number. */
    async lifetimeEarnings(db: Executor, providerId: string): Promise<number> {
      const [row] = await db
        .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
        .from(ledgerEntries)
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(
          and(
            eq(ledgerAccounts.code, walletCode(providerId)),
            inArray(ledgerTransactions.kind, ['ESCROW_RELEASE', 'CANCELLATION_FEE']),
          ),
        );
      return 0 - Number(row?.total ?? 0);
    },

    /**
     * Integrity check: all entries sum to zero, every transaction sums to zero and has ≥ 2 lines,
     * and every system account exists. Returns the offending transaction ids (at most 50).
     */
    async check(db: Executor) {
      const [total] = await db.select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` }).from(ledgerEntries);
      const unbalanced = await db
        .select({ transactionId: ledgerEntries.transactionId, sum: sql<string>`sum(${ledgerEntries.amount})` })
        .from(ledgerEntries)
        .groupBy(ledgerEntries.transactionId)
        .having(sql`sum(${ledgerEntries.amount}) <> 0 or count(*) < 2`)
        .limit(50);
      const [counts] = await db
        .select({
          transactions: sql<string>`(select count(*) from ledger_transactions)`,
          entries: sql<string>`(select count(*) from ledger_entries)`,
          emptyTransactions: sql<string>`(select count(*) from ledger_transactions t where not exists (select 1 from ledger_entries e where e.transaction_id = t.id))`,
        })
        .from(sql`(select 1) as one`);
      const accounts = await db
        .select({ code: ledgerAccounts.code })
        .from(ledgerAccounts)
        .where(inArray(ledgerAccounts.code, [...SYSTEM_ACCOUNTS]));
      const totalSum = Number(total?.total ?? 0);
      const empty = Number(counts?.emptyTransactions ?? 0);
      return {
        ok: totalSum === 0 && unbalanced.length === 0 && empty === 0 && accounts.length === SYSTEM_ACCOUNTS.length,
        totalSum,
        transactions: Number(counts?.transactions ?? 0),
        entries: Number(counts?.entries ?? 0),
        unbalancedTransactionIds: unbalanced.map((u) => u.transactionId),
        emptyTransactions: empty,
        missingAccounts: SYSTEM_ACCOUNTS.filter((c) => !accounts.some((a) => a.code === c)),
      };
    },
  };
}
export type Ledger = ReturnType<typeof createLedger>;
