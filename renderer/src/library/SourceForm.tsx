import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import type { SourceInput } from '../../../electron/shared/contract/library';
import type { Source } from '../../../electron/shared/entities';
import { DATE_HINT, parsePartialDate } from '../../../electron/shared/partial-date';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { Field, fieldsNamedIn } from '../ui/Field';
import { authorsToText, sourceTypeLabels, textToAuthors } from './format';
import { Sheet } from '../ui/Sheet';

const FIELDS = ['title', 'type', 'outlet', 'via', 'authors', 'published', 'language', 'url', 'text', 'note'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName | 'form', string>>;

export interface SourceDraft {
  title: string;
  type: Source['type'];
  outlet: string;
  via: string;
  authors: string;
  published: string;
  language: string;
  url: string;
  text: string;
  note: string;
  origin: string | null;
}

export const toSourceDraft = (source: SourceInput | Source | null): SourceDraft => ({
  title: source?.title ?? '',
  type: source?.type ?? 'article-newspaper',
  outlet: source?.outlet ?? '',
  via: source?.via ?? '',
  authors: source ? authorsToText(source.authors) : '',
  published: source?.published ?? '',
  language: source?.language ?? 'en',
  url: source?.url ?? '',
  text: source?.text ?? '',
  note: source?.note ?? '',
  origin: source?.origin ?? null,
});

const isWebAddress = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Checks a source draft; shared with the import sheet's metadata form. */
export const validateSource = (draft: SourceDraft): { errors: Errors; input: SourceInput | null } => {
  const errors: Errors = {};
  if (!draft.title.trim()) errors.title = 'Give the source a title, as it would appear in a citation.';
  const published = parsePartialDate(draft.published);
  if (!published.ok) errors.published = published.message;
  const language = draft.language.trim();
  if (language.length < 2 || language.length > 35) errors.language = 'Use a language code such as en, az, ru or fr.';
  const url = draft.url.trim();
  if (url && !isWebAddress(url)) errors.url = 'Use a full web address starting with https:// or http://, or leave it empty.';
  if (Object.keys(errors).length > 0 || !published.ok) return { errors, input: null };
  return {
    errors,
    input: {
      title: draft.title.trim(),
      type: draft.type,
      outlet: draft.outlet.trim() || null,
      via: draft.via.trim() || null,
      authors: textToAuthors(draft.authors),
      published: published.value,
      language,
      url: url || null,
      text: draft.text,
      origin: draft.origin,
      note: draft.note.trim(),
    },
  };
};

/** The metadata fields of a source; the import sheet reuses them without the text. */
export const SourceFields = ({
  draft,
  errors,
  onChange,
  withText,
  autoFocus,
}: {
  draft: SourceDraft;
  errors: Errors;
  onChange: (draft: SourceDraft) => void;
  withText: boolean;
  autoFocus?: boolean;
}) => {
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <Field label="Title" required error={errors.title}>
        {(props) => <input {...props} data-autofocus={autoFocus ? '' : undefined} className="input" value={draft.title} onChange={(event) => set('title', event.target.value)} />}
      </Field>
      <div className="form__row form__row--two">
        <Field label="Outlet or publisher" error={errors.outlet}>
          {(props) => <input {...props} className="input" value={draft.outlet} onChange={(event) => set('outlet', event.target.value)} />}
        </Field>
        <Field label="Type" error={errors.type}>
          {(props) => (
            <select {...props} className="input" value={draft.type} onChange={(event) => set('type', event.target.value as Source['type'])}>
              {Object.entries(sourceTypeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Published" error={errors.published} hint="YYYY, YYYY-MM or YYYY-MM-DD">
          {(props) => <input {...props} className="input" placeholder="2025-12-24" title={DATE_HINT} value={draft.published} onChange={(event) => set('published', event.target.value)} />}
        </Field>
        <Field label="Language" error={errors.language} hint="en, az, ru…">
          {(props) => <input {...props} className="input" value={draft.language} onChange={(event) => set('language', event.target.value)} />}
        </Field>
        <Field label="Relayed via" error={errors.via} hint="When you read it second-hand">
          {(props) => <input {...props} className="input" value={draft.via} onChange={(event) => set('via', event.target.value)} />}
        </Field>
      </div>
      <Field label="Authors" error={errors.authors} hint="One per line: “Family, Given”, or a name as it should print (an organisation).">
        {(props) => <textarea {...props} className="input" rows={2} value={draft.authors} onChange={(event) => set('authors', event.target.value)} />}
      </Field>
      <Field label="Web address" error={errors.url}>
        {(props) => <input {...props} className="input" type="url" placeholder="https://" value={draft.url} onChange={(event) => set('url', event.target.value)} />}
      </Field>
      {withText && (
        <Field label="Text" error={errors.text} hint="Paste the full text: quotes are highlighted in it and checked against it.">
          {(props) => <textarea {...props} className="input input--text" rows={8} value={draft.text} onChange={(event) => set('text', event.target.value)} />}
        </Field>
      )}
      <Field label="Note" error={errors.note} hint="For you: how reliable it is, where you found it.">
        {(props) => <textarea {...props} className="input" rows={2} value={draft.note} onChange={(event) => set('note', event.target.value)} />}
      </Field>
    </>
  );
};

export type SourceFormMode = { kind: 'create' } | { kind: 'edit'; sourceId: string };
export type UndoReceipt = ChannelOutput<'sources:delete'>;

export const SourceForm = ({
  mode,
  onSaved,
  onDeleted,
  onClose,
}: {
  mode: SourceFormMode;
  onSaved: (source: Source) => void;
  onDeleted?: (receipt: UndoReceipt, source: Source) => void;
  onClose: () => void;
}) => {
  const api = useApi();
  const editId = mode.kind === 'edit' ? mode.sourceId : null;
  const [loaded, setLoaded] = useState<{ source: Source | null; error: ApiError | null } | null>(null);
  const [draft, setDraft] = useState<SourceDraft>(() => toSourceDraft(null));
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [stale, setStale] = useState(false);

  // `generation` moves on when the user reloads after a conflict, to read the source again.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (editId === null) return;
    let active = true;
    void api.call('sources:get', { id: editId }).then((result) => {
      if (!active) return;
      if (result.ok) {
        setLoaded({ source: result.value, error: null });
        setDraft(toSourceDraft(result.value));
        setStale(false);
        setErrors({});
      } else setLoaded({ source: null, error: result.error });
    });
    return () => {
      active = false;
    };
  }, [api, editId, generation]);

  const change = (next: SourceDraft) => {
    setDraft(next);
    if (submitted) setErrors((current) => ({ ...validateSource(next).errors, form: current.form }));
  };

  /** `copy`: after a conflict, the user's version is kept as a new source beside the one saved elsewhere. */
  const submit = async (event?: FormEvent, as: 'save' | 'copy' = 'save') => {
    event?.preventDefault();
    event?.stopPropagation();
    if (saving) return;
    setSubmitted(true);
    const { errors: found, input } = validateSource(draft);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    // The revision the form was loaded at: a source changed elsewhere since is refused (issue 13 §2).
    const result =
      editId && as === 'save' ? await api.call('sources:update', { id: editId, revision: loaded?.source?.revision ?? 1, changes: input }) : await api.call('sources:create', input);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setStale(result.error.code === 'CONFLICT' && editId !== null);
    if (!result.ok) setErrors({ ...(result.error.code === 'INVALID_INPUT' ? fieldsNamedIn(result.error.message, FIELDS) : {}), form: result.error.message });
  };

  const remove = async () => {
    if (!editId || !loaded?.source) return;
    setSaving(true);
    const result = await api.call('sources:delete', { id: editId });
    setSaving(false);
    if (result.ok) onDeleted?.(result.value, loaded.source);
    else setErrors({ form: result.error.message });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const waiting = editId !== null && loaded === null;
  const formId = editId ? `source-form-${editId}` : 'source-form-new';
  return (
    <Sheet
      title={editId ? 'Edit source' : 'Add a source'}
      description={editId ? undefined : 'The document your facts come from: an article, a report, a press release.'}
      onClose={onClose}
      footer={
        <>
          {errors.form && (
            <p className="error-text sheet__footer-error" role="alert">
              {errors.form}
            </p>
          )}
          {stale && (
            <>
              <button type="button" className="button" onClick={() => setGeneration((current) => current + 1)}>
                Reload the saved version
              </button>
              <button type="button" className="button" disabled={saving} onClick={() => void submit(undefined, 'copy')} title="Keeps both: the version saved elsewhere, and yours as a new source (its facts stay with the original)">
                Keep mine as a new source
              </button>
            </>
          )}
          {editId && loaded?.source && onDeleted && !confirmingDelete && (
            <button type="button" className="button button--danger sheet__footer-start" onClick={() => setConfirmingDelete(true)}>
              Delete source…
            </button>
          )}
          {confirmingDelete && (
            <span className="sheet__footer-start confirm">
              Delete this source and its facts? You can undo.
              <button type="button" className="button button--danger" disabled={saving} onClick={() => void remove()}>
                Delete
              </button>
              <button type="button" className="button" onClick={() => setConfirmingDelete(false)}>
                Keep
              </button>
            </span>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving || waiting} title="Save (Ctrl+Enter)">
            {saving ? 'Saving…' : editId ? 'Save source' : 'Add source'}
          </button>
        </>
      }
    >
      {waiting && <p role="status">Loading the source…</p>}
      {loaded?.error && (
        <p className="error-text" role="alert">
          {loaded.error.message}
        </p>
      )}
      {!waiting && !loaded?.error && (
        <form id={formId} className="form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
          {loaded?.source && <p className="form__note">Changes apply to every fact drawn from this source.</p>}
          <SourceFields draft={draft} errors={errors} onChange={change} withText autoFocus />
        </form>
      )}
    </Sheet>
  );
};
