/**
 * The envelope every call returns across a boundary (IPC, HTTP): a renderer gets a stable error
 * code and a sentence it can show, never a stack trace.
 */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'STORE_UNAVAILABLE',
  'STORE_WRITE_FAILED',
  'FORBIDDEN',
  'UNSUPPORTED',
  'INTERNAL',
  'HOST_UNAVAILABLE',
  /** The work went over its time or memory budget (a huge report or import); nothing was changed. */
  'TOO_LARGE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
