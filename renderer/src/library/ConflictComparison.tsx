import type { ConflictView } from '../../../electron/shared/contract/library';
import { dateSortKey, formatPartialDate } from '../../../electron/shared/partial-date';
import { formatValue } from './format';
import { Sheet } from '../ui/Sheet';

type Entry = ConflictView['entries'][number];

const effectiveDate = (entry: Entry): string | null => entry.asOf ?? entry.source.published;

/** Newest first by the as-of date (or publication date); undated figures last, in the core's order. */
export const orderEntries = (entries: Entry[]): Entry[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((left, right) => dateSortKey(effectiveDate(right.entry)) - dateSortKey(effectiveDate(left.entry)) || left.index - right.index)
    .map(({ entry }) => entry);

const dateLine = (entry: Entry): string => {
  if (entry.asOf) return formatPartialDate(entry.asOf);
  if (entry.source.published) return `undated (published ${formatPartialDate(entry.source.published)})`;
  return 'undated';
};

/** Every source's figure for one indicator, dated, newest first, the newest marked. */
export const ConflictComparison = ({
  conflict,
  currentFactId,
  onShowFact,
  onClose,
}: {
  conflict: ConflictView;
  currentFactId: string;
  onShowFact: (id: string) => void;
  onClose: () => void;
}) => {
  const entries = orderEntries(conflict.entries);
  return (
    <Sheet
      title="Sources disagree"
      description={
        <>
          {conflict.label}. These figures are for the same period (or none of them is dated), yet differ; figures for different dates are a series, not listed here. Newest first: check which fits your report before citing one.
        </>
      }
      onClose={onClose}
      size="small"
      className="comparison"
    >
      <table className="comparison__table">
        <caption className="visually-hidden">Figures for {conflict.label}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">As of</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const newest = entry.factId === conflict.newestFactId;
            const current = entry.factId === currentFactId;
            return (
              <tr key={entry.factId} data-newest={newest || undefined} data-current={current || undefined} data-testid="comparison-row">
                <td className="comparison__value">
                  {formatValue(entry.value, entry.unit)}
                  {newest && <span className="tag tag--accent">Newest</span>}
                  {entry.superseded && <span className="tag tag--muted">Superseded</span>}
                </td>
                <td className="comparison__date">{dateLine(entry)}</td>
                <td className="comparison__source">
                  {entry.source.outlet && <span className="comparison__outlet">{entry.source.outlet}</span>}
                  <span className={entry.source.outlet ? 'comparison__title' : 'comparison__title comparison__title--main'} title={entry.source.title}>
                    {entry.source.title}
                  </span>
                  {entry.source.published && <span className="comparison__published">Published {formatPartialDate(entry.source.published)}</span>}
                </td>
                <td>
                  {current ? (
                    <span className="comparison__current">This fact</span>
                  ) : (
                    <button type="button" className="button button--small" onClick={() => onShowFact(entry.factId)}>
                      Show
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Sheet>
  );
};
