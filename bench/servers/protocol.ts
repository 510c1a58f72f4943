/**
 * The tiny IPC protocol between the bench harness and a server child process: the child sends
 * `{ type: 'listening', port }` once ready, answers `{ type: 'cpu' }` with its process.cpuUsage(),
 * and exits on `{ type: 'stop' }`.
 */
export type ToChild = { type: 'cpu' } | { type: 'stop' };
export type FromChild =
  | { type: 'listening'; port: number }
  | { type: 'cpu'; user: number; system: number }
  | { type: 'error'; message: string };

export function serveProtocol(port: number, stop: () => Promise<void>): void {
  const send = (m: FromChild) => process.send?.(m);
  process.on('message', (m: ToChild) => {
    if (m.type === 'cpu') {
      const u = process.cpuUsage();
      send({ type: 'cpu', user: u.user, system: u.system });
    }
    if (m.type === 'stop') void stop().finally(() => process.exit(0));
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  send({ type: 'listening', port });
}
