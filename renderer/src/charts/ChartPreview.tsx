import type { ChartRender } from '../../../electron/shared/contract/charts';
import type { ApiError } from '../../../electron/shared/result';
import { svgDataUrl } from './chart-export';
import type { WidthHint } from './chart-options';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The chart as the PDF will draw it (the core's SVG in an <img>, never as markup), with what the
 * user should know about it said plainly beside it: deleted facts, warnings.
 */
export const ChartPreview = ({
  render,
  pending,
  error,
  width,
  onRemoveMissing,
}: {
  render: ChartRender | null;
  pending: boolean;
  error: ApiError | null;
  width: WidthHint;
  onRemoveMissing?: () => void;
}) => {
  const palette = new Set(render?.paletteWarnings ?? []);
  const warnings = (render?.warnings ?? []).filter((w) => !palette.has(w));
  const missing = render?.missingFactIds.length ?? 0;
  return (
    <div className="ch-preview" aria-busy={pending}>
      <div className="ch-preview__head">
        <h3 className="ch-section__title">Preview</h3>
        <span className="ch-preview__status" role="status" aria-live="polite">
          {pending ? 'Updating…' : render ? `As printed, ${width === 'half' ? 'half' : 'full'} width` : ''}
        </span>
      </div>
      <div className="ch-preview__stage" data-width={width}>
        {render ? (
          <img
            className="ch-preview__img"
            data-testid="chart-preview"
            src={svgDataUrl(render.svg)}
            alt={render.altText}
            width={render.width}
            height={render.height}
            data-stale={pending || undefined}
          />
        ) : error ? null : (
          <div className="ch-preview__placeholder" aria-hidden="true" />
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          The preview could not be drawn: {error.message}
        </p>
      )}
      {missing > 0 && (
        <div className="ch-warning ch-warning--danger" role="alert">
          <p>
            {plural(missing, 'fact of this chart was', 'facts of this chart were')} deleted from the library. The chart leaves{' '}
            {missing === 1 ? 'it' : 'them'} out and says so in a note.
          </p>
          {onRemoveMissing && (
            <button type="button" className="link-button" onClick={onRemoveMissing}>
              Remove {missing === 1 ? 'it' : 'them'} from the chart
            </button>
          )}
        </div>
      )}
      {warnings.length > 0 && (
        <div className="ch-warning">
          <strong>To check</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {render && palette.size > 0 && (
        <div className="ch-warning" role="note">
          <strong>Colours</strong>
          <ul>
            {[...palette].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};
