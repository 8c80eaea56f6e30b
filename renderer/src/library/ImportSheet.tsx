import { useId, useState } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import { figuresShownNote } from '../../../electron/shared/figures-shown';
import { parsePartialDate } from '../../../electron/shared/partial-date';
import { useApi } from '../api/api-context';
import { CandidateCard, toCandidateDraft, validateCandidate, type CandidateDraft, type CandidateErrors } from './CandidateCard';
import { formatNumber, pluralise } from './format';
import { parseNumber } from './parse-number';
import { Sheet } from '../ui/Sheet';
import { SourceFields, toSourceDraft, validateSource, type SourceDraft } from './SourceForm';
import { TagInput } from './TagInput';
import type { ImportState, Proposal } from './use-import';
import type { Facets, Loadable } from './use-library-lists';
import { isQualifier } from '../../../electron/shared/qualifiers';

export type ImportResult = ChannelOutput<'import:commit'>;

/** The review step: nothing is stored until the user presses "Add N facts". */
const Review = ({
  fileName,
  proposal,
  facets,
  onClose,
  onCommitted,
}: {
  fileName: string;
  proposal: Proposal;
  facets: Loadable<Facets>;
  onClose: () => void;
  onCommitted: (result: ImportResult) => void;
}) => {
  const api = useApi();
  const indicatorListId = useId();
  const tagsId = useId();
  const [source, setSource] = useState<SourceDraft>(() => toSourceDraft(proposal.source));
  const [candidates, setCandidates] = useState<CandidateDraft[]>(() => proposal.candidates.map(toCandidateDraft));
  const [tags, setTags] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const accepted = candidates.filter((draft) => draft.status === 'accepted');
  const sourceCheck = validateSource(source);
  const candidateErrors: CandidateErrors[] = candidates.map((draft) => (draft.status === 'accepted' ? validateCandidate(draft) : {}));
  const invalidCount = candidateErrors.filter((errors) => Object.keys(errors).length > 0).length;

  const setCandidate = (index: number, draft: CandidateDraft) => setCandidates((current) => current.map((entry, at) => (at === index ? draft : entry)));
  const acceptAll = () => setCandidates((current) => current.map((draft) => (draft.status === 'rejected' ? draft : { ...draft, status: 'accepted' })));

  const commit = async () => {
    setAttempted(true);
    if (!sourceCheck.input || invalidCount > 0 || accepted.length === 0) return;
    setSaving(true);
    setFormError(null);
    const result = await api.call('import:commit', {
      source: sourceCheck.input,
      facts: accepted.map((draft) => {
        const value = parseNumber(draft.value);
        const asOf = parsePartialDate(draft.asOf);
        return {
          statement: draft.statement.trim(),
          value: value.ok ? value.value : null,
          unit: draft.unit.trim() || null,
          qualifier: isQualifier(draft.qualifier) ? draft.qualifier : null,
          asOf: asOf.ok ? asOf.value : null,
          quote: draft.candidate.quote,
          tags,
          indicator: draft.indicator.trim() || null,
        };
      }),
    });
    setSaving(false);
    if (result.ok) onCommitted(result.value);
    else setFormError(result.error.message);
  };

  const indicators = facets.kind === 'loaded' ? facets.value.indicators : [];
  return (
    <Sheet
      title={`Import “${fileName}”`}
      description="Review the figures Dossier found. Nothing is added to your library until you press Add."
      onClose={onClose}
      size="large"
      className="import-sheet"
      footer={
        <>
          {(formError || (attempted && (invalidCount > 0 || !sourceCheck.input || accepted.length === 0))) && (
            <p className="error-text sheet__footer-error" role="alert">
              {formError ??
                (!sourceCheck.input
                  ? 'Fix the source details on the left first.'
                  : accepted.length === 0
                    ? 'Accept at least one figure to add.'
                    : `${pluralise(invalidCount, 'accepted figure needs', 'accepted figures need')} fixing first.`)}
            </p>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={saving || accepted.length === 0} onClick={() => void commit()}>
            {saving ? 'Adding…' : `Add ${accepted.length} ${accepted.length === 1 ? 'fact' : 'facts'}`}
          </button>
        </>
      }
    >
      <div className="import-review">
        <section className="import-review__source" aria-labelledby="import-source-title">
          <h3 id="import-source-title" className="section-title">
            Source
          </h3>
          <form
            className="form form--compact"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            <SourceFields draft={source} errors={attempted ? sourceCheck.errors : {}} onChange={setSource} withText={false} autoFocus />
            <div className="field">
              <label className="field__label" htmlFor={tagsId}>
                Tags for the added facts
              </label>
              <TagInput id={tagsId} tags={tags} suggestions={facets.kind === 'loaded' ? facets.value.tags.map((entry) => entry.tag) : []} onChange={setTags} />
            </div>
          </form>
          <details className="import-review__text">
            <summary>Text read from the file ({formatNumber(proposal.source.text.length)} characters)</summary>
            <div className="source-text source-text--preview">{proposal.source.text}</div>
          </details>
        </section>
        <section className="import-review__candidates" aria-labelledby="import-candidates-title">
          <div className="import-review__head">
            <h3 id="import-candidates-title" className="section-title">
              {candidates.length === 0 ? 'No figures found' : `${pluralise(candidates.length, 'figure')} found`}
              {proposal.duplicatesCollapsed > 0 && <span className="section-title__aside"> · {pluralise(proposal.duplicatesCollapsed, 'repeat')} merged</span>}
              {figuresShownNote(proposal.candidates.length, proposal.figuresFound) && (
                <span className="section-title__aside"> · {figuresShownNote(proposal.candidates.length, proposal.figuresFound)}</span>
              )}
            </h3>
            {candidates.length > 0 && (
              <div>
                <button type="button" className="button button--small" onClick={acceptAll}>
                  Accept all
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setCandidates((current) => current.map((draft) => (draft.status === 'accepted' ? draft : { ...draft, status: 'rejected' })))}
                >
                  Reject the rest
                </button>
              </div>
            )}
          </div>
          {candidates.length === 0 ? (
            <p className="empty-note">
              Dossier found no figures in this text. Add the source anyway from the Library’s “Add source”, then add facts by hand.
            </p>
          ) : (
            <ol className="candidate-list">
              {candidates.map((draft, index) => (
                <CandidateCard
                  key={`${draft.candidate.quoteStart}-${draft.candidate.raw}-${index}`}
                  draft={draft}
                  index={index}
                  total={candidates.length}
                  indicatorListId={indicatorListId}
                  errors={attempted ? candidateErrors[index]! : {}}
                  onChange={(next) => setCandidate(index, next)}
                />
              ))}
            </ol>
          )}
          <datalist id={indicatorListId}>
            {indicators.map((indicator) => (
              <option key={indicator.key} value={indicator.key}>
                {indicator.label}
              </option>
            ))}
          </datalist>
        </section>
      </div>
    </Sheet>
  );
};

export const ImportSheet = ({
  state,
  facets,
  onClose,
  onPickAnother,
  onCommitted,
}: {
  state: Exclude<ImportState, { kind: 'idle' }>;
  facets: Loadable<Facets>;
  onClose: () => void;
  onPickAnother: () => void;
  onCommitted: (result: ImportResult) => void;
}) => {
  if (state.kind === 'review') return <Review fileName={state.fileName} proposal={state.proposal} facets={facets} onClose={onClose} onCommitted={onCommitted} />;
  return (
    <Sheet
      title={`Import “${state.fileName}”`}
      onClose={onClose}
      size="small"
      footer={
        state.kind === 'failed' ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button button--primary" data-autofocus="" onClick={onPickAnother}>
              Choose another file…
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        )
      }
    >
      {state.kind === 'reading' ? (
        <p role="status" className="busy">
          Reading the document and looking for figures…
        </p>
      ) : (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
    </Sheet>
  );
};
