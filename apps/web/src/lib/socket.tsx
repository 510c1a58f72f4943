'use client';
/**
 * The web app's one Socket.IO connection (path /socket.io, same origin) per signed-in session.
 *
 * API (everything typed from @localpro/contracts' ClientToServerEvents / ServerToClientEvents):
 * - `<SocketProvider>`: mounted once inside <SessionProvider> (app/providers.tsx). Connects when a user is
 *   signed in, with `auth: { token }` read from the in-memory access token at every (re)connect; closes on
 *   sign-out and reopens when a different user signs in. When the server refuses the handshake or ends
 *   the session because the token expired (`connect_error` / `session:ended` with TOKEN_EXPIRED …), it
 *   refreshes the session (lib/api.ts refreshSession) and reconnects; if the refresh fails the user is
 *   signed out (the session listeners see null).
 * - `useSocketEvent(event, handler)`: subscribe to a server event while the component is mounted. The
 *   handler may change every render (the latest one is called). Survives reconnects.
 * - `useSocketConnect(handler)`: called on every successful (re)connect (`handler(isReconnect)`) and once on
 *   mount when already connected: join rooms and catch up (e.g. GET messages?afterSeq=) there.
 * - `useSocket()` → `{ status, emit }`. `status`: 'off' (signed out) | 'connecting' | 'connected' |
 *   'reconnecting'. `emit(event, payload, { timeoutMs? })` resolves with the ack's payload (`{ ok: true,
 *   … }` minus `ok`) or rejects with an `ApiError` carrying the server's code/message/details (status from
 *   the code, 0 + NETWORK when offline or the ack timed out). An ack refused because the token expired
 *   is retried once after the refresh and reconnect.
 * - `useLiveBookings(items, setItems, reload)`: keeps a booking list (customer or provider) live on
 *   `booking:updated`: a known booking is merged in place (keeping fields the fan-out leaves out, like
 *   the start code); an unknown one (a new request) calls `reload()`. Also reloads after a reconnect.
 */
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketError } from '@localpro/contracts';
import {
  createContext,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { io, type Socket } from 'socket.io-client';
import { ApiError, type Booking, getAccessToken, refreshSession } from './api';
import { useSession } from './session';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketStatus = 'off' | 'connecting' | 'connected' | 'reconnecting';
type ClientEvent = keyof ClientToServerEvents;
type ServerEvent = keyof ServerToClientEvents;
type PayloadOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
/** What a successful ack carries (without `ok`). */
export type AckResult<E extends ClientEvent> = Omit<Extract<AckOf<E>, { ok: true }>, 'ok'>;

/** Codes meaning "this token is no longer good": refresh and reconnect. */
const AUTH_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID', 'UNAUTHENTICATED']);
/** Codes meaning the session itself is over: no reconnect. */
const FATAL_CODES = new Set(['SESSION_REVOKED', 'USER_BANNED']);
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  USER_BANNED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BUSINESS_RULE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A socket ack error as the ApiError the rest of the app already renders. */
export function ackError(e: SocketError): ApiError {
  return new ApiError(STATUS_BY_CODE[e.code] ?? 400, e.code, e.message, e.details);
}

interface Live {
  socket: LiveSocket | null;
  status: SocketStatus;
  /** Resolves once the socket is connected again after a token refresh (or null when it gave up). */
  reauth: () => Promise<boolean>;
}

const SocketContext = createContext<Live>({ socket: null, status: 'off', reauth: async () => false });

export function SocketProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<SocketStatus>('off');
  const reauthRef = useRef<Promise<boolean> | null>(null);
  const socketRef = useRef<LiveSocket | null>(null);

  const reauth = useCallback((): Promise<boolean> => {
    const s = socketRef.current;
    if (!s) return Promise.resolve(false);
    reauthRef.current ??= (async () => {
      try {
        s.disconnect();
        setStatus('reconnecting');
        const pair = await refreshSession();
        if (!pair || socketRef.current !== s) return false;
        s.connect();
        return await new Promise<boolean>((resolve) => {
          const done = (ok: boolean) => {
            s.off('connect', onOk);
            s.off('connect_error', onFail);
            resolve(ok);
          };
          const onOk = () => done(true);
          const onFail = () => done(false);
          s.once('connect', onOk);
          s.once('connect_error', onFail);
        });
      } finally {
        reauthRef.current = null;
      }
    })();
    return reauthRef.current;
  }, []);

  useEffect(() => {
    if (!userId) {
      setStatus('off');
      return;
    }
    const s: LiveSocket = io({
      path: '/socket.io',
      // Read at every (re)connect, so a refreshed token is used.
      auth: (cb) => cb({ token: getAccessToken() ?? '' }),
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    socketRef.current = s;
    setSocket(s);
    setStatus('connecting');
    let authFailures = 0;
    s.on('connect', () => {
      authFailures = 0;
      setStatus('connected');
    });
    s.on('disconnect', (reason) => {
      // 'io client disconnect' is ours (sign-out or reauth); the server's own disconnect is handled by session:ended.
      if (reason !== 'io client disconnect') setStatus('reconnecting');
    });
    s.on('connect_error', (err: Error & { data?: SocketError }) => {
      const code = err.data?.code;
      if (!code) return; // Transport trouble: socket.io retries by itself.
      if (FATAL_CODES.has(code)) {
        setStatus('off');
        return;
      }
      // Refused by the auth middleware: socket.io does not retry by itself. Refresh and try again (bounded).
      if (AUTH_CODES.has(code) && authFailures < 3) {
        authFailures += 1;
        setTimeout(() => void reauth(), 300 * authFailures);
      } else setStatus('off');
    });
    s.on('session:ended', (e) => {
      if (AUTH_CODES.has(e.code)) void reauth();
      else setStatus('off');
    });
    return () => {
      socketRef.current = null;
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
      setStatus('off');
    };
  }, [userId, reauth]);

  const value = useMemo<Live>(() => ({ socket, status, reauth }), [socket, status, reauth]);
  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}

/** Subscribes `handler` to a server event while mounted (the latest handler is always called). */
export function useSocketEvent<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): void {
  const { socket } = useContext(SocketContext);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

/** Calls `handler(isReconnect)` on every successful connect, and once on mount if already connected. */
export function useSocketConnect(handler: (isReconnect: boolean) => void): void {
  const { socket } = useContext(SocketContext);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    let connectedBefore = socket.connected;
    if (socket.connected) ref.current(false);
    const onConnect = () => {
      ref.current(connectedBefore);
      connectedBefore = true;
    };
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
    };
  }, [socket]);
}

export interface EmitOptions {
  /** How long to wait for the ack (default 10 s). */
  timeoutMs?: number;
}

/** `status` of the connection and `emit(event, payload)` → the ack's payload, or a thrown ApiError. */
export function useSocket(): {
  status: SocketStatus;
  emit: <E extends ClientEvent>(event: E, payload: PayloadOf<E>, opts?: EmitOptions) => Promise<AckResult<E>>;
} {
  const { socket, status, reauth } = useContext(SocketContext);
  const emit = useCallback(
    async <E extends ClientEvent>(event: E, payload: PayloadOf<E>, opts: EmitOptions = {}): Promise<AckResult<E>> => {
      const once = async (): Promise<AckResult<E>> => {
        if (!socket?.connected) throw new ApiError(0, 'NETWORK', 'Not connected');
        let res: Ack;
        try {
          // biome-ignore lint/suspicious/noExplicitAny: socket.io's emitWithAck typing does not follow generic event names
          res = await (socket.timeout(opts.timeoutMs ?? 10_000) as any).emitWithAck(event, payload);
        } catch {
          throw new ApiError(0, 'NETWORK', 'No answer from the server');
        }
        if (res.ok) {
          const { ok: _ok, ...rest } = res as { ok: true } & Record<string, unknown>;
          return rest as AckResult<E>;
        }
        throw ackError(res.error);
      };
      try {
        return await once();
      } catch (err) {
        if (err instanceof ApiError && AUTH_CODES.has(err.code) && (await reauth())) return once();
        throw err;
      }
    },
    [socket, reauth],
  );
  return { status, emit };
}

/**
 * Keeps a booking list live. `items`/`setItems` are the list's state; `reload` refetches the list (called
 * for a booking the list does not hold yet, and after a reconnect, when events may have been missed).
 */
export function useLiveBookings(
  items: Booking[] | null,
  setItems: Dispatch<SetStateAction<Booking[] | null>>,
  reload: () => void,
): void {
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useSocketEvent('booking:updated', (e) => {
    const list = itemsRef.current;
    if (!list) return;
    if (!list.some((b) => b.id === e.bookingId)) {
      reload();
      return;
    }
    const incoming = e.booking as Booking | null;
    setItems((current) =>
      current
        ? current.map((b) =>
            b.id !== e.bookingId
              ? b
              : incoming
                ? { ...b, ...incoming, startCode: incoming.startCode ?? b.startCode }
                : { ...b, status: e.status as Booking['status'] },
          )
        : current,
    );
  });
  useSocketConnect((isReconnect) => {
    if (isReconnect) reload();
  });
}
