import cliProgress from 'cli-progress';
import type { SeedProgress } from './seed';

/** A terminal progress bar for seeding (plain log lines when output is not a TTY). */
export function progressBar(title: string): { update: SeedProgress; stop(): void } {
  if (!process.stdout.isTTY) {
    let lastStage = '';
    return {
      update(stage, done, total) {
        if (stage !== lastStage) {
          lastStage = stage;
          console.log(`${title}: ${stage} (${done}/${total})`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | {value}/{total} rows | {stage}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(stage, done, total) {
      if (!started) {
        bar.start(total, 0, { stage });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { stage });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
