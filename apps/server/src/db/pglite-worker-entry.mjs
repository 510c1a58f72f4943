// Worker threads do not inherit the tsx loader of the thread that starts them: register it, then load the
// TypeScript worker (the server runs from its TypeScript sources, under tsx).
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
