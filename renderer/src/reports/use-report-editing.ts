import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

const HISTORY_LIMIT = 300;
/** Keystrokes in the same field within this window make one undo step. */
const COALESCE_MS = 1200;
const AUTOSAVE_MS = 1000;

interface History {
  report: Report;
  past: Report[];
  future: Report[];
  lastKey: string | null;
  lastAt: number;
}

/**
 * `conflict`: the report was changed (or deleted) elsewhere since this editor last saw it; the
 * save was refused and autosave stops until the user chooses what to keep (issue 13 §2).
 */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'conflict'; error: ApiError; deleted: boolean };

/** What makes a report differ for saving: everything but what the core sets (timestamps, revision). */
const contentKey = (report: Report): string => JSON.stringify({ ...report, updatedAt: '', createdAt: '', revision: 0 });

/**
 * The report being edited: a history of snapshots for undo/redo and a debounced autosave.
 * Saves never replace what is on screen (the user may have typed meanwhile); one save runs at a
 * time and a newer state is saved after it.
 */
export const useReportEditing = (initial: Report) => {
  const api = useApi();
  const [history, setHistory] = useState<History>({ report: initial, past: [], future: [], lastKey: null, lastAt: 0 });
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [lastSavedAt, setLastSavedAt] = useState<string>(initial.updatedAt);

  const savedKeyRef = useRef(contentKey(initial));
  const currentRef = useRef(initial);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const timerRef = useRef<number | null>(null);
  // The revision the server last gave us; kept out of the undo history, which must not roll it back.
  const revisionRef = useRef(initial.revision);
  // Set by a refused save: nothing more is sent until the user picks a way out of the conflict.
  const haltedRef = useRef(false);

  const change = useCallback((recipe: (report: Report) => Report, coalesceKey?: string) => {
    setHistory((state) => {
      const next = recipe(state.report);
      if (next === state.report) return state;
      const now = Date.now();
      const coalesce = coalesceKey !== undefined && coalesceKey === state.lastKey && now - state.lastAt < COALESCE_MS;
      return {
        report: next,
        past: coalesce ? state.past : [...state.past, state.report].slice(-HISTORY_LIMIT),
        future: [],
        lastKey: coalesceKey ?? null,
        lastAt: now,
      };
    });
  }, []);

  /** The next change starts a new undo step even if it continues the same field. */
  const checkpoint = useCallback(() => setHistory((state) => (state.lastKey === null ? state : { ...state, lastKey: null })), []);

  const undo = useCallback(() => {
    setHistory((state) => {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { report: previous, past: state.past.slice(0, -1), future: [state.report, ...state.future], lastKey: null, lastAt: 0 };
    });
  }, []);

  const redo = useCallback(() => {
    setHistory((state) => {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { report: next, past: [...state.past, state.report], future: rest, lastKey: null, lastAt: 0 };
    });
  }, []);

  /** Saves what is current now; resolves true when the saved state is the current one. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    while (inFlightRef.current) await inFlightRef.current;
    if (haltedRef.current) return false;
    const report = currentRef.current;
    const key = contentKey(report);
    if (key === savedKeyRef.current) {
      setSaveState({ kind: 'saved' });
      return true;
    }
    setSaveState({ kind: 'saving' });
    const attempt = (async () => {
      const result = await api.call('reports:save', { report: { ...report, revision: revisionRef.current } });
      if (!result.ok) {
        const { code } = result.error;
        if (code === 'CONFLICT' || code === 'NOT_FOUND') {
          haltedRef.current = true;
          setSaveState({ kind: 'conflict', error: result.error, deleted: code === 'NOT_FOUND' });
        } else setSaveState({ kind: 'error', error: result.error });
        return false;
      }
      revisionRef.current = result.value.revision;
      savedKeyRef.current = key;
      setLastSavedAt(result.value.updatedAt);
      const stillCurrent = contentKey(currentRef.current) === key;
      setSaveState(stillCurrent ? { kind: 'saved' } : { kind: 'pending' });
      return stillCurrent;
    })();
    inFlightRef.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlightRef.current = null;
    }
  }, [api]);

  // Autosave: a second after the last change.
  const { report } = history;
  useEffect(() => {
    currentRef.current = report;
    if (haltedRef.current) return;
    if (contentKey(report) === savedKeyRef.current) {
      if (!inFlightRef.current) setSaveState({ kind: 'saved' });
      return;
    }
    setSaveState((state) => (state.kind === 'saving' ? state : { kind: 'pending' }));
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void save();
    }, AUTOSAVE_MS);
  }, [report, save]);

  // A save that finished while more edits came in: schedule the next one.
  useEffect(() => {
    if (saveState.kind !== 'pending' || timerRef.current !== null || inFlightRef.current) return;
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void save();
    }, AUTOSAVE_MS);
  }, [saveState, save]);

  // Leaving the page: send what is pending without waiting.
  useEffect(() => {
    const flush = () => {
      if (contentKey(currentRef.current) !== savedKeyRef.current) void save();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
      flush();
    };
  }, [save]);

  /**
   * "Keep my version as a copy": what is on screen becomes a new report, so nothing typed is
   * lost; the caller opens it. Null (and the reason shown) when even that could not be saved.
   */
  const saveAsCopy = useCallback(async (): Promise<Report | null> => {
    const result = await api.call('reports:save-copy', { report: currentRef.current });
    if (result.ok) return result.value;
    setSaveState((state) => (state.kind === 'conflict' ? { ...state, error: result.error } : state));
    return null;
  }, [api]);

  return {
    report,
    change,
    saveAsCopy,
    /** True once a save was refused as stale; read in handlers, where the render's state may be behind. */
    isHalted: useCallback(() => haltedRef.current, []),
    checkpoint,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    save,
    saveState,
    lastSavedAt,
  };
};
