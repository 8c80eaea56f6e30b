import { z } from 'zod';
import { defineChannel } from './define';

export const storeStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), path: z.string(), schemaVersion: z.number().int() }),
  z.object({
    state: z.literal('corrupt'),
    path: z.string(),
    movedTo: z.string(),
    message: z.string(),
  }),
  z.object({ state: z.literal('newer-schema'), path: z.string(), found: z.number(), supported: z.number(), message: z.string() }),
  z.object({ state: z.literal('unreadable'), path: z.string(), message: z.string() }),
]);
export type StoreState = z.infer<typeof storeStateSchema>;

export const statusSchema = z.object({
  dataDir: z.string(),
  store: storeStateSchema,
  /** The last write's outcome, so the UI can show saved / saving / error. */
  lastWrite: z.object({ state: z.enum(['idle', 'saved', 'failed']), at: z.string().nullable(), message: z.string().nullable() }),
  counts: z.object({
    sources: z.number().int(),
    facts: z.number().int(),
    reports: z.number().int(),
    charts: z.number().int(),
    conflicts: z.number().int(),
  }),
  /** The speed-ups that reach into library internals (patches/versions.ts): on, or why not. */
  libraryPatches: z.object({
    active: z.boolean(),
    requested: z.boolean(),
    mismatches: z.array(z.object({ library: z.string(), expected: z.string(), installed: z.string().nullable() })),
    summary: z.string(),
  }),
});
export type Status = z.infer<typeof statusSchema>;

export const backupSchema = z.object({ name: z.string(), createdAt: z.string(), bytes: z.number().int() });

export const appChannels = {
  'backups:list': defineChannel(z.undefined(), z.object({ backups: z.array(backupSchema), problem: z.string().nullable() })),
  /** Replaces the library with a backup; the current file is kept beside it. `confirm` must be true. */
  'backups:restore': defineChannel(z.object({ name: z.string().max(200), confirm: z.literal(true) }).strict(), statusSchema),
  'app:status': defineChannel(z.undefined(), statusSchema),
  /** Only allowed when the store could not be opened: starts a new library from the seeds
   *  beside the unreadable file (which was already moved aside), never over it. */
  'store:start-fresh': defineChannel(z.undefined(), statusSchema),
} as const;
