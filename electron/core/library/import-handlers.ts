import { factInputSchema, sourceInputSchema, type FactInput, type SourceInput } from '../../shared/contract/library';
import type { Fact, Source } from '../../shared/entities';
import { DossierError } from '../errors';
import { buildFact, ensureIndicator } from './fact-handlers';
import { proposeImport, type ImportFile } from './import-proposal';
import type { LibraryContext } from './library-context';

export const createImportHandlers = ({ state, now, newId, proposer }: LibraryContext) => ({
  'import:propose': (file: ImportFile) => (proposer ? proposer.propose(file) : proposeImport(file)),

  'import:commit': ({ source: sourceInput, facts: factInputs }: { source: SourceInput; facts: Omit<FactInput, 'sourceId'>[] }) =>
    state.change((document) => {
      const timestamp = now().toISOString();
      const source: Source = { ...sourceInputSchema.parse(sourceInput), id: newId('src'), revision: 1, createdAt: timestamp, updatedAt: timestamp };
      // Build everything against a scratch copy first: a bad candidate refuses the whole import.
      const scratch = { ...document, sources: [...document.sources, source] };
      const seen = new Set<string>();
      const facts: Fact[] = [];
      for (const [index, input] of factInputs.entries()) {
        const parsed = factInputSchema.parse({ ...input, sourceId: source.id });
        const key = `${parsed.quote}\u0000${parsed.value}\u0000${parsed.unit}`;
        if (seen.has(key)) continue;
        seen.add(key);
        try {
          facts.push(buildFact(scratch, parsed, newId('fact'), timestamp));
        } catch (error) {
          if (error instanceof DossierError) throw new DossierError(error.code, `Fact ${index + 1}: ${error.message}`);
          throw error;
        }
      }
      document.sources.push(source);
      for (const fact of facts) ensureIndicator(document, fact.indicator, fact.unit);
      document.facts.push(...facts);
      return { result: { source, facts }, touchedFacts: facts.map((fact) => fact.id) };
    }),
});
