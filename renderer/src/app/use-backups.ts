import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { backupSchema } from '../../../electron/shared/contract/app';
import { useApi } from '../api/api-context';

export type Backup = z.infer<typeof backupSchema>;

export const useBackups = (active: boolean) => {
  const api = useApi();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let current = true;
    void api.call('backups:list').then((result) => {
      if (!current) return;
      if (result.ok) {
        setBackups(result.value.backups);
        setProblem(result.value.problem);
      } else setProblem(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, active]);
  const restore = useCallback(async (name: string) => api.call('backups:restore', { name, confirm: true }), [api]);
  return { backups, problem, restore };
};

export const describeBackup = (backup: Backup): string =>
  `${new Date(backup.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} · ${Math.max(1, Math.round(backup.bytes / 1024))} KB`;
