import { useCallback, useEffect, useState } from 'react';
import type { Status } from '../../../electron/shared/contract/app';
import type { ApiError, Result } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

export type StatusState = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'loaded'; status: Status };

const toState = (result: Result<Status>): StatusState =>
  result.ok ? { kind: 'loaded', status: result.value } : { kind: 'error', error: result.error };

export const useStatus = () => {
  const api = useApi();
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  const refresh = useCallback(async () => setState(toState(await api.call('app:status'))), [api]);
  useEffect(() => {
    let active = true;
    void api.call('app:status').then((result) => {
      if (active) setState(toState(result));
    });
    return () => {
      active = false;
    };
  }, [api]);
  return { state, refresh };
};
