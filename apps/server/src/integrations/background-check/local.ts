import type { JobQueue } from '../../jobs/jobs';
import {
  BACKGROUND_CHECK_COMPLETE_JOB,
  type BackgroundCheckAgency,
  type BackgroundCheckCompleteJob,
  type CheckOutcome,
} from './port';

/**
 * Sandbox agency (the default): no network. Starting a check schedules `background_check.complete`
 * after `delaySec` with the configured outcome. The job carries only our check id and the outcome.
 */
export function createSandboxAgency(deps: { jobs: JobQueue; delaySec: number; outcome: CheckOutcome }): BackgroundCheckAgency {
  return {
    vendor: 'sandbox',
    async start(candidate, ctx) {
      const data: BackgroundCheckCompleteJob = { checkId: candidate.checkId, outcome: deps.outcome };
      await deps.jobs.send(BACKGROUND_CHECK_COMPLETE_JOB, data, {
        tx: ctx.tx,
        startAfter: new Date(Date.now() + deps.delaySec * 1000),
        singletonKey: `bgc:${candidate.checkId}`,
      });
      return { vendorReference: `sbx_${candidate.checkId}` };
    },
    parseWebhook() {
      return null;
    },
  };
}
