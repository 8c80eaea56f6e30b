import type { ConflictView, FactView } from '../../../electron/shared/contract/library';
import type { Source } from '../../../electron/shared/entities';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import { formatAuthors, formatNumber, formatValue, isTightUnit, sourceTypeLabels } from './format';
import { SourceText } from './SourceText';
import type { FactDetailState } from './use-fact-detail';

const SourceMetadata = ({ source, onEditSource }: { source: Source; onEditSource: () => void }) => {
  const authors = formatAuthors(source.authors);
  return (
    <section className="detail__section" aria-labelledby="detail-source-title">
      <div className="detail__section-head">
        <h3 id="detail-source-title" className="detail__label">
          Source
        </h3>
        <button type="button" className="link-button" onClick={onEditSource}>
          Edit source
        </button>
      </div>
      <p className="detail__source-title">{source.title}</p>
      <p className="detail__source-line">
        {/* Each part isolated: a bidi override in one field must not reverse the others. */}
        {[source.outlet, source.via ? `via ${source.via}` : null, authors || null, source.published ? formatPartialDate(source.published) : 'Undated']
          .filter((part): part is string => Boolean(part))
          .map((part, index) => (
            <span key={index}>
              {index > 0 && ' · '}
              <bdi>{part}</bdi>
            </span>
          ))}
      </p>
      <p className="detail__source-line detail__source-line--faint">
        {sourceTypeLabels[source.type]} · {source.language}
        {source.url && (
          <>
            {' · '}
            {/* Shown as text: the app makes no network requests, and a link would navigate away. */}
            <span className="detail__url" title={source.url}>
              {source.url}
            </span>
          </>
        )}
      </p>
      {source.note && <p className="detail__note">{source.note}</p>}
    </section>
  );
};

const spread = (conflict: ConflictView): string => {
  const values = conflict.entries.map((entry) => entry.value).filter((value): value is number => value !== null);
  return `from ${formatValue(Math.min(...values), conflict.unit)} to ${formatValue(Math.max(...values), conflict.unit)}`;
};

const FactValue = ({ fact }: { fact: FactView }) =>
  fact.value === null ? (
    <p className="detail__value detail__value--none">No figure: a statement</p>
  ) : (
    <p className="detail__value">
      {fact.qualifier && <span className="detail__qualifier">{fact.qualifier} </span>}
      {formatNumber(fact.value)}
      {fact.unit && <span className={isTightUnit(fact.unit) ? 'detail__unit detail__unit--tight' : 'detail__unit'}>{fact.unit}</span>}
    </p>
  );

export const FactDetail = ({
  state,
  indicatorLabel,
  onEdit,
  onDelete,
  onEditSource,
  onCompare,
  onClose,
}: {
  state: FactDetailState;
  indicatorLabel: (key: string) => string;
  onEdit: () => void;
  onDelete: () => void;
  onEditSource: (sourceId: string) => void;
  onCompare: () => void;
  onClose: () => void;
}) => {
  if (state.kind === 'none') {
    return (
      <section className="detail detail--placeholder" aria-label="Fact detail">
        <p>Select a fact to see its quote, its source and where the quote stands in the source text.</p>
        <p className="detail__hint">
          Use <kbd>↑</kbd> <kbd>↓</kbd> in the list to move between facts.
        </p>
      </section>
    );
  }
  if (state.kind === 'loading') {
    return (
      <section className="detail detail--placeholder" aria-label="Fact detail" aria-busy="true">
        <p role="status">Loading the fact…</p>
      </section>
    );
  }
  if (state.kind === 'error') {
    return (
      <section className="detail detail--placeholder" aria-label="Fact detail">
        <p role="alert" className="error-text">
          {state.error.code === 'NOT_FOUND' ? 'This fact is no longer in the library.' : state.error.message}
        </p>
        <div>
          {state.error.code !== 'NOT_FOUND' && (
            <button type="button" className="button" onClick={state.retry}>
              Try again
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </section>
    );
  }

  const { fact, source, conflict, series } = state.value;
  return (
    <section className="detail" aria-label="Fact detail" aria-busy={state.refreshing || undefined} data-fact-id={fact.id}>
      <header className="detail__header">
        <FactValue fact={fact} />
        <div className="detail__actions">
          <button type="button" className="button button--small" title="Edit this fact (E)" onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button--small button--danger" title="Delete this fact (Delete); you can undo" onClick={onDelete}>
            Delete
          </button>
          <button type="button" className="icon-button" aria-label="Close the fact" title="Close (Esc)" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <div className="detail__upper">
        <p className="detail__statement">{fact.statement}</p>
        {fact.inConflict && (
          <div className="conflict-note">
            <span>
              {conflict ? `Sources disagree: ${conflict.entries.length} figures for this indicator, ${spread(conflict)}.` : 'Sources disagree on this figure.'}
            </span>
            {conflict && (
              <button type="button" className="button button--small button--conflict" onClick={onCompare}>
                Compare figures
              </button>
            )}
          </div>
        )}
        {fact.superseded && <p className="detail__superseded">A newer figure replaces this one.</p>}
        {series.length > 0 && (
          <div className="series-note" data-testid="series-note">
            <span className="series-note__title">Part of a series, oldest first (figures for different dates, not a disagreement):</span>
            <ol className="series-note__points">
              {series.map((point) => (
                <li key={point.factId} aria-current={point.factId === fact.id || undefined}>
                  <strong>{formatValue(point.value, point.unit)}</strong> <span className="detail__faint">{formatPartialDate(point.date)}, {point.source}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
        {fact.quote ? (
          <blockquote className="detail__quote">{fact.quote}</blockquote>
        ) : (
          <p className="detail__warning">No quote: add the sentence this figure comes from, so a reader can check it.</p>
        )}
        <dl className="detail__meta">
          <dt>As of</dt>
          <dd>{fact.asOf ? formatPartialDate(fact.asOf) : <span className="detail__faint">Not stated in the text</span>}</dd>
          <dt>Indicator</dt>
          <dd>{fact.indicator ? <span title={fact.indicator}>{indicatorLabel(fact.indicator)}</span> : <span className="detail__faint">None</span>}</dd>
          <dt>Tags</dt>
          <dd>
            {fact.tags.length === 0 ? (
              <span className="detail__faint">None</span>
            ) : (
              <ul className="tag-list">
                {fact.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {fact.note && (
            <>
              <dt>Note</dt>
              <dd className="detail__note">{fact.note}</dd>
            </>
          )}
        </dl>
        <SourceMetadata source={source} onEditSource={() => onEditSource(source.id)} />
      </div>
      <div className="detail__text">
        <h3 className="detail__label">Source text</h3>
        <SourceText text={source.text} quote={fact.quote} quoteStart={fact.quoteStart} />
      </div>
    </section>
  );
};
