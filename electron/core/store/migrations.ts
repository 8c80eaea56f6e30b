/**
 * Ordered, pure migrations of the store document. Migration N takes a version-N document to
 * version N+1. They work on plain JSON (never on schema types, which only describe the newest
 * version) and never drop user data.
 */
import { proposeFacts } from '../library/extract';

type Json = Record<string, unknown>;

export interface Migration {
  from: number;
  describe: string;
  up: (document: Json) => Json;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The qualifier a stored fact's quote puts before its value ("more than 13,4%"), read the way an
 * import proposes it; null unless exactly one figure in the quote has the fact's value, so a
 * quote with two equal figures is never guessed at.
 */
const qualifierFromQuote = (fact: Json): string | null => {
  if (typeof fact.value !== 'number' || typeof fact.quote !== 'string') return null;
  const matches = proposeFacts(fact.quote).filter((candidate) => candidate.value === fact.value);
  return matches.length === 1 ? (matches[0]?.qualifier ?? null) : null;
};

export const migrations: readonly Migration[] = [
  {
    from: 1,
    describe: 'add reports and charts collections',
    up: (document) => ({ ...document, schemaVersion: 2, reports: asArray(document.reports), charts: asArray(document.charts) }),
  },
  {
    from: 2,
    describe: 'add the indicator registry, undo trash, and superseded/note fields on facts',
    up: (document) => ({
      ...document,
      schemaVersion: 3,
      indicators: asArray(document.indicators),
      trash: asArray(document.trash),
      facts: asArray(document.facts).map((fact) => ({
        supersededBy: null,
        note: '',
        ...(fact as Json),
      })),
    }),
  },
  {
    // Version 4 is a new version, not a defaulted field, so that an older Dossier meeting a fact
    // with a qualifier refuses the library as newer instead of moving it aside as corrupt (its
    // schemas are strict and would not know the field).
    from: 3,
    describe: 'keep each fact’s qualifier ("more than", "about"), read from its quote (issue 11)',
    up: (document) => ({
      ...document,
      schemaVersion: 4,
      facts: asArray(document.facts).map((fact) => ({ qualifier: qualifierFromQuote(fact as Json), ...(fact as Json) })),
    }),
  },
];

export class MigrationError extends Error {}

/** Runs every migration from the document's version to `target`. */
export const migrate = (document: Json, target: number): Json => {
  let current = document;
  for (;;) {
    const version = current.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new MigrationError(`the store has no valid schemaVersion (found ${JSON.stringify(version)})`);
    }
    if (version === target) return current;
    const step = migrations.find((migration) => migration.from === version);
    if (!step) throw new MigrationError(`no migration from schema version ${version}`);
    current = step.up(current);
  }
};
