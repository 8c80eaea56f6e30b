import type { CandidateView } from '../../../electron/shared/contract/library';
import { formatPartialDate, parsePartialDate } from '../../../electron/shared/partial-date';
import { isQualifier } from '../../../electron/shared/qualifiers';
import { Field } from '../ui/Field';
import { formatNumber, formatValue } from './format';
import { parseNumber } from './parse-number';
import { QualifierOptions } from './QualifierOptions';

export interface CandidateDraft {
  candidate: CandidateView;
  status: 'pending' | 'accepted' | 'rejected';
  editing: boolean;
  statement: string;
  value: string;
  unit: string;
  /** Proposed from the sentence ("more than"); '' for an exact figure. */
  qualifier: string;
  asOf: string;
  indicator: string;
}

export const toCandidateDraft = (candidate: CandidateView): CandidateDraft => ({
  candidate,
  status: 'pending',
  editing: false,
  statement: candidate.statement,
  value: String(candidate.value),
  unit: candidate.unit ?? '',
  qualifier: candidate.qualifier ?? '',
  asOf: '',
  indicator: '',
});

export type CandidateErrors = Partial<Record<'statement' | 'value' | 'asOf', string>>;

export const validateCandidate = (draft: CandidateDraft): CandidateErrors => {
  const errors: CandidateErrors = {};
  if (!draft.statement.trim()) errors.statement = 'Write the fact as one sentence.';
  const value = parseNumber(draft.value);
  if (!value.ok) errors.value = value.message;
  const asOf = parsePartialDate(draft.asOf);
  if (!asOf.ok) errors.asOf = asOf.message;
  return errors;
};

/** The sentence with the figure highlighted where it stands (text nodes only, never HTML). */
const Sentence = ({ text, raw }: { text: string; raw: string }) => {
  const at = raw ? text.indexOf(raw) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + raw.length)}</mark>
      {text.slice(at + raw.length)}
    </>
  );
};

export const CandidateCard = ({
  draft,
  index,
  total,
  indicatorListId,
  errors,
  onChange,
}: {
  draft: CandidateDraft;
  index: number;
  total: number;
  indicatorListId: string;
  errors: CandidateErrors;
  onChange: (draft: CandidateDraft) => void;
}) => {
  const set = <K extends keyof CandidateDraft>(key: K, value: CandidateDraft[K]) => onChange({ ...draft, [key]: value });
  const parsed = parseNumber(draft.value);
  const qualifier = isQualifier(draft.qualifier) ? draft.qualifier : null;
  const shownValue = parsed.ok && parsed.value !== null ? formatValue(parsed.value, draft.unit.trim() || null, qualifier) : draft.value;
  const sentence = draft.candidate.quote.replace(/\s+/g, ' ').trim();
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <li className="candidate" data-status={draft.status} data-testid="import-candidate">
      <div role="group" aria-label={`Figure ${index + 1} of ${total}: ${formatNumber(draft.candidate.value)}`}>
        <p className="candidate__sentence">
          <Sentence text={sentence} raw={draft.candidate.raw} />
        </p>
        <div className="candidate__bar">
          <p className="candidate__summary">
            <strong>{shownValue}</strong>
            {draft.asOf.trim() && <span> · as of {formatPartialDate(draft.asOf.trim())}</span>}
            {draft.indicator.trim() && <span> · {draft.indicator.trim()}</span>}
            {draft.status === 'accepted' && <span className="candidate__state candidate__state--accepted"> · Accepted</span>}
            {draft.status === 'rejected' && <span className="candidate__state"> · Rejected</span>}
          </p>
          <div className="candidate__actions">
            <button type="button" className="button button--small" aria-pressed={draft.status === 'accepted'} onClick={() => set('status', draft.status === 'accepted' ? 'pending' : 'accepted')}>
              Accept
            </button>
            <button type="button" className="button button--small" aria-expanded={draft.editing} onClick={() => set('editing', !draft.editing)}>
              Edit
            </button>
            <button type="button" className="button button--small" aria-pressed={draft.status === 'rejected'} onClick={() => set('status', draft.status === 'rejected' ? 'pending' : 'rejected')}>
              Reject
            </button>
          </div>
        </div>
        {(draft.editing || (hasErrors && draft.status === 'accepted')) && (
          <div className="candidate__fields">
            <Field label="Statement" error={errors.statement}>
              {(props) => <textarea {...props} className="input" rows={2} value={draft.statement} onChange={(event) => set('statement', event.target.value)} />}
            </Field>
            <div className="form__row form__row--five">
              <Field label="Qualifier">
                {(props) => (
                  <select {...props} className="input" value={draft.qualifier} onChange={(event) => set('qualifier', event.target.value)}>
                    <QualifierOptions />
                  </select>
                )}
              </Field>
              <Field label="Value" error={errors.value}>
                {(props) => <input {...props} className="input" inputMode="decimal" value={draft.value} onChange={(event) => set('value', event.target.value)} />}
              </Field>
              <Field label="Unit">{(props) => <input {...props} className="input" value={draft.unit} onChange={(event) => set('unit', event.target.value)} />}</Field>
              <Field label="As of" error={errors.asOf}>
                {(props) => <input {...props} className="input" placeholder="YYYY-MM" value={draft.asOf} onChange={(event) => set('asOf', event.target.value)} />}
              </Field>
              <Field label="Indicator">
                {(props) => <input {...props} className="input" list={indicatorListId} autoComplete="off" value={draft.indicator} onChange={(event) => set('indicator', event.target.value)} />}
              </Field>
            </div>
          </div>
        )}
      </div>
    </li>
  );
};
