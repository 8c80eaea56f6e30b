import { useCallback, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import { useApi } from '../api/api-context';

export type Proposal = ChannelOutput<'import:propose'>;

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'review'; fileName: string; proposal: Proposal };

export const IMPORTABLE = ['.txt', '.md', '.markdown', '.html', '.htm'];
export const IMPORT_ACCEPT = [...IMPORTABLE, 'text/plain', 'text/markdown', 'text/html'].join(',');
const MAX_BYTES = 20_000_000;

const isImportable = (name: string): boolean => IMPORTABLE.some((extension) => name.toLowerCase().endsWith(extension));

/**
 * Reads a dropped or picked document in the renderer (File.text()) and asks the core to propose
 * facts from it. Nothing is stored here: the review sheet commits what the user accepts.
 */
export const useImport = () => {
  const api = useApi();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const attempt = useRef(0);

  const start = useCallback(
    async (file: File) => {
      const current = ++attempt.current;
      const fileName = file.name || 'document.txt';
      if (!isImportable(fileName)) {
        setState({
          kind: 'failed',
          fileName,
          message: `Dossier can import .txt, .md and .html files; “${fileName}” is not one. Save a PDF or Word document as plain text or HTML first.`,
        });
        return;
      }
      if (file.size > MAX_BYTES) {
        setState({ kind: 'failed', fileName, message: `“${fileName}” is larger than 20 MB. Import the part of the document you need.` });
        return;
      }
      setState({ kind: 'reading', fileName });
      let content: string;
      try {
        content = await file.text();
      } catch {
        if (current === attempt.current) setState({ kind: 'failed', fileName, message: `“${fileName}” could not be read. Check that the file is still there and try again.` });
        return;
      }
      const result = await api.call('import:propose', { fileName, content });
      if (current !== attempt.current) return;
      setState(result.ok ? { kind: 'review', fileName, proposal: result.value } : { kind: 'failed', fileName, message: result.error.message });
    },
    [api],
  );

  const reset = useCallback(() => {
    attempt.current += 1;
    setState({ kind: 'idle' });
  }, []);

  return { state, start, reset };
};
