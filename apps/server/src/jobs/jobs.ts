import type { Tx } from '../db/client';

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists if and only if the transaction commits. */
  tx?: Tx;
  startAfter?: Date | number;
  singletonKey?: string;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
}

export type JobHandler<T = unknown> = (data: T, meta: { id: string; name: string; retryCount: number }) => Promise<void>;

/** Background jobs (pg-boss on the same database). Names are `domain.action`. */
export interface JobQueue {
  send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Registers a handler; only processes with the `worker` role start consuming. */
  work<T>(name: string, handler: JobHandler<T>, opts?: { batchSize?: number; pollingIntervalSeconds?: number }): void;
  /** Cron in Asia/Kolkata, e.g. nightly reputation decay. */
  schedule(name: string, cron: string, data?: object): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Tests: run every queued job that is due, one at a time, until the queues are empty (jobs that
   * handlers enqueue run too). `includeDelayed` also runs jobs scheduled for later. Returns the count.
   */
  drain?(opts?: { includeDelayed?: boolean }): Promise<number>;
}
