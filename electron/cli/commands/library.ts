import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Source } from '../../shared/entities';
import { figuresShownNote } from '../../shared/figures-shown';
import { CommandError, UsageError, type Command } from '../cli-context';

const authorText = (source: Pick<Source, 'authors'>): string | null =>
  source.authors.length ? source.authors.map((person) => ('literal' in person ? person.literal : [person.given, person.family].filter(Boolean).join(' '))).join('; ') : null;

export const factsCommand: Command = {
  name: 'facts',
  summary: 'List facts with their quotes and sources (optionally matching a search)',
  usage: 'facts [--json] [--query Q]',
  run: async ({ call, flags, print }) => {
    const query = typeof flags.query === 'string' ? flags.query : '';
    const sources = new Map((await call('sources:list')).map((source) => [source.id, source]));
    const items = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await call('facts:search', { query, limit: 1000, offset });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    const rows = items.map((fact) => {
      const source = sources.get(fact.sourceId);
      return {
        id: fact.id,
        statement: fact.statement,
        value: fact.value,
        unit: fact.unit,
        asOf: fact.asOf,
        quote: fact.quote,
        indicator: fact.indicator,
        tags: fact.tags,
        inConflict: fact.inConflict,
        supersededBy: fact.supersededBy,
        source: {
          id: fact.sourceId,
          title: source?.title ?? null,
          outlet: source?.outlet ?? null,
          author: source ? authorText(source) : null,
          published: source?.published ?? null,
          origin: source?.origin ?? null,
        },
      };
    });
    if (flags.json) return print(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return print(query ? `No facts match “${query}”.` : 'The library has no facts yet.');
    for (const row of rows) {
      const figure = row.value === null ? '—' : `${row.value}${row.unit ? ` ${row.unit}` : ''}`;
      print(`${figure.padEnd(22)} ${row.statement}  [${row.source.outlet ?? row.source.title}${row.asOf ? `, as of ${row.asOf}` : ''}]${row.inConflict ? '  (conflict)' : ''}`);
    }
    print(`${rows.length} fact(s)`);
  },
};

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'List sources with their metadata and fact counts',
  usage: 'sources [--json]',
  run: async ({ call, flags, print }) => {
    const sources = await call('sources:list');
    if (flags.json) return print(JSON.stringify(sources.map((source) => ({ ...source, author: authorText(source) })), null, 2));
    for (const source of sources) {
      print(`${source.id}  ${source.title}  — ${source.outlet ?? 'outlet unknown'}, ${source.published ?? 'date unknown'}  (${source.factCount} facts)`);
    }
  },
};

export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: 'List figures on which sources disagree, newest first',
  usage: 'conflicts [--json]',
  run: async ({ call, flags, print }) => {
    const conflicts = await call('conflicts:list');
    if (flags.json) return print(JSON.stringify(conflicts, null, 2));
    if (conflicts.length === 0) return print('No conflicts: every indicator agrees across sources.');
    for (const conflict of conflicts) {
      print(`${conflict.label}`);
      for (const entry of conflict.entries) {
        const newest = entry.factId === conflict.newestFactId ? '  ← newest' : '';
        print(`  ${String(entry.value).padStart(10)} ${entry.unit ?? ''}  ${entry.source.outlet ?? entry.source.title}, ${entry.asOf ?? entry.source.published ?? 'date unknown'}${entry.superseded ? ' (superseded)' : ''}${newest}`);
      }
    }
  },
};

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a .txt, .md or .html document; list proposed facts, or add them with --accept-all',
  usage: 'import FILE [--accept-all] [--json]',
  writes: (flags) => flags['accept-all'] === true,
  run: async ({ call, args, flags, print }) => {
    const [file] = args;
    if (!file) throw new UsageError('import needs a FILE');
    let content: string;
    try {
      content = await readFile(resolve(file), 'utf8');
    } catch (error) {
      throw new CommandError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const proposal = await call('import:propose', { fileName: basename(file), content });
    const shownNote = figuresShownNote(proposal.candidates.length, proposal.figuresFound);
    if (!flags['accept-all']) {
      if (flags.json) return print(JSON.stringify(proposal.candidates, null, 2));
      print(`“${proposal.source.title}”: ${proposal.candidates.length} proposed fact(s)${proposal.duplicatesCollapsed ? `, ${proposal.duplicatesCollapsed} repeated sentence(s) collapsed` : ''}${shownNote ? ` (${shownNote})` : ''}. Nothing was added; run again with --accept-all to add them.`);
      for (const candidate of proposal.candidates) print(`  ${candidate.raw.padEnd(14)} → ${candidate.value} ${candidate.unit ?? ''}   ${candidate.statement.slice(0, 100)}`);
      return;
    }
    const result = await call('import:commit', {
      source: proposal.source,
      facts: proposal.candidates.map((candidate) => ({
        statement: candidate.statement,
        value: candidate.value,
        unit: candidate.unit,
        asOf: null,
        quote: candidate.quote,
        tags: [],
        indicator: null,
        supersededBy: null,
        note: `Imported from ${basename(file)}`,
      })),
    });
    if (flags.json) return print(JSON.stringify(result, null, 2));
    print(`Added source ${result.source.id} with ${result.facts.length} fact(s)${shownNote ? ` (${shownNote}; import the rest from smaller parts)` : ''}.`);
  },
};
