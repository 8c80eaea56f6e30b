import type { ErrorCode } from '../shared/result';

/** A failure the user can act on; `code` is stable across releases, `message` is shown as-is. */
export class DossierError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

export const isDossierError = (value: unknown): value is DossierError => value instanceof DossierError;
