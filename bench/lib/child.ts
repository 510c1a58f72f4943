import type { ChildProcess } from 'node:child_process';
import type { FromChild } from '../servers/protocol';

/** The next message of `type` from a bench server child (servers/protocol.ts); rejects on timeout or exit. */
export function nextMessage<T extends FromChild['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not answer "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      reject(new Error(`server exited with code ${code}`));
    };
    const onMessage = (m: FromChild) => {
      if (m.type === type) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<FromChild, { type: T }>);
      }
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** CPU time (user + system, µs) the child process has used so far, all its threads included. */
export async function cpuOf(child: ChildProcess): Promise<number> {
  const reply = nextMessage(child, 'cpu', 10_000);
  child.send({ type: 'cpu' });
  const { user, system } = await reply;
  return user + system;
}
