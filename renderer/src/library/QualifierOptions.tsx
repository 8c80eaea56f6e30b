import { QUALIFIERS } from '../../../electron/shared/qualifiers';

/** The choices of a figure's qualifier select, the same in the fact form and the import review. */
export const QualifierOptions = () => (
  <>
    <option value="">Exact</option>
    {QUALIFIERS.map((qualifier) => (
      <option key={qualifier} value={qualifier}>
        {qualifier}
      </option>
    ))}
  </>
);
