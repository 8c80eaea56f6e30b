import { useId, useState } from 'react';
import type { Report } from '../../../electron/shared/entities';
import { fieldLabels, humaniseKey, templateLabels } from './report-model';

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

type Change = (recipe: (report: Report) => Report, coalesceKey?: string) => void;

const TextField = ({
  label,
  value,
  onChange,
  wide = false,
  maxLength,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  wide?: boolean;
  maxLength: number;
  placeholder?: string;
}) => (
  <label className={`r-field${wide ? ' r-field--wide' : ''}`}>
    <span className="r-label">{label}</span>
    <input className="r-input" value={value} maxLength={maxLength} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
  </label>
);

/** The report's date: kept as typed until it is a valid date, so typing is never fought. */
const DateField = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const errorId = useId();
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const valid = PARTIAL_DATE.test(text.trim());
  return (
    <label className="r-field">
      <span className="r-label">Date</span>
      <input
        className="r-input"
        value={text}
        placeholder="YYYY-MM-DD"
        aria-invalid={!valid || undefined}
        aria-describedby={!valid ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const trimmed = event.target.value.trim();
          if (PARTIAL_DATE.test(trimmed) && trimmed !== value) {
            setShown(trimmed);
            onChange(trimmed);
          }
        }}
      />
      {!valid && (
        <span id={errorId} className="r-field-error">
          Use YYYY-MM-DD, YYYY-MM or YYYY.
        </span>
      )}
    </label>
  );
};

const summaryOf = (report: Report): string =>
  [templateLabels[report.template], report.marking, report.recipient && `To: ${report.recipient}`, report.author && `From: ${report.author}`, report.date, report.reference].filter(Boolean).join(' · ');

/** Title, addressing, marking and the template's own fields, above the first section; collapsible. */
export const HeaderForm = ({ report, change, open, onToggle }: { report: Report; change: Change; open: boolean; onToggle: () => void }) => {
  const regionId = useId();
  const set = <K extends keyof Report>(key: K) => (value: Report[K]) => change((current) => ({ ...current, [key]: value }), `header:${String(key)}`);
  return (
    <section className="header-form" aria-label="Report details">
      <div className="header-form__bar">
        <button type="button" className="header-form__toggle" aria-expanded={open} aria-controls={regionId} onClick={onToggle}>
          <span className="header-form__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="header-form__title">Title, addressing and settings</span>
        </button>
        {!open && <span className="header-form__summary">{summaryOf(report)}</span>}
      </div>
      {open && (
        <div id={regionId} className="header-form__grid">
          <TextField label="Title" value={report.title} onChange={set('title')} wide maxLength={500} />
          <TextField label="Subtitle" value={report.subtitle} onChange={set('subtitle')} wide maxLength={1000} />
          <TextField label="To (recipient)" value={report.recipient} onChange={set('recipient')} maxLength={500} />
          <TextField label="From (author)" value={report.author} onChange={set('author')} maxLength={500} />
          <DateField value={report.date} onChange={set('date')} />
          <TextField label="Marking" value={report.marking} onChange={set('marking')} maxLength={200} placeholder="OFFICIAL" />
          <TextField label="Reference" value={report.reference} onChange={set('reference')} maxLength={200} />
          {Object.entries(report.fields).map(([key, value]) => (
            <TextField
              key={key}
              label={fieldLabels[key] ?? humaniseKey(key)}
              value={value}
              maxLength={2000}
              onChange={(next) => change((current) => ({ ...current, fields: { ...current.fields, [key]: next } }), `field:${key}`)}
            />
          ))}
          <label className="r-field">
            <span className="r-label">Citation style</span>
            <select className="r-input" value={report.citationStyle} onChange={(event) => set('citationStyle')(event.target.value as Report['citationStyle'])}>
              <option value="chicago">Chicago (notes)</option>
              <option value="apa">APA</option>
            </select>
          </label>
          <label className="r-field">
            <span className="r-label">Page size</span>
            <select className="r-input" value={report.pageSize} onChange={(event) => set('pageSize')(event.target.value as Report['pageSize'])}>
              <option value="A4">A4</option>
              <option value="LETTER">US Letter</option>
            </select>
          </label>
          <label className="r-check">
            <input type="checkbox" checked={report.tableOfContents} onChange={(event) => set('tableOfContents')(event.target.checked)} />
            Table of contents
          </label>
          <label className="r-check">
            <input type="checkbox" checked={report.evidenceAnnex} onChange={(event) => set('evidenceAnnex')(event.target.checked)} />
            Evidence annex (quotes for every cited fact)
          </label>
        </div>
      )}
    </section>
  );
};
