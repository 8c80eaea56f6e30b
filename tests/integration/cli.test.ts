import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

describe('command line', () => {
  it('status --json reports the data folder, schema version and the seeded counts', () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['status', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    expect(status.dataDir).toBe(dir);
    expect(status.store).toMatchObject({ state: 'ready', schemaVersion: 4 });
    expect(status.counts.sources).toBe(5);
    expect(status.counts.facts).toBeGreaterThan(40);
    expect(status.counts.conflicts).toBeGreaterThan(0);
  });

  it('reads the data folder from DOSSIER_DATA_DIR', () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['status'], { DOSSIER_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`Data folder:    ${dir}`);
  });

  it('a corrupt store: non-zero exit, the path named, the file moved aside untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dossier.json'), '{oops');
    const { code, stderr } = runCli(['status', '--data-dir', dir]);
    expect(code).toBe(1);
    const movedTo = /moved to (\S+\.json)/.exec(stderr)?.[1];
    expect(movedTo).toBeDefined();
    expect(readFileSync(movedTo!, 'utf8')).toBe('{oops');
  });

  it('--help lists the commands; unknown commands exit 2 with a hint', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/status/);
    const unknown = runCli(['explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "explode"');
    expect(runCli(['status', '--data-dir']).code).toBe(2);
  });
});

describe('library commands', () => {
  it('facts --json prints every fact with its quote and source', () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['facts', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const facts = JSON.parse(stdout) as Record<string, unknown>[];
    expect(facts.length).toBeGreaterThan(40);
    for (const fact of facts) {
      expect(Object.keys(fact)).toEqual(expect.arrayContaining(['id', 'statement', 'value', 'unit', 'asOf', 'quote', 'indicator', 'source']));
      expect(Object.keys(fact.source as object)).toEqual(expect.arrayContaining(['title', 'outlet', 'author', 'published', 'origin']));
    }
    const share = facts.find((fact) => fact.value === 4.9)!;
    expect(share).toMatchObject({ unit: '%', quote: expect.stringContaining('4,9%'), source: { origin: expect.stringContaining('004_') } });
  });

  it('facts --query narrows the list; sources and conflicts print JSON', () => {
    const dir = tempDir();
    const facts = JSON.parse(runCli(['facts', '--json', '--query', 'hect', '--data-dir', dir]).stdout) as { value: number }[];
    expect(facts.map((fact) => fact.value)).toContain(166000);
    const sources = JSON.parse(runCli(['sources', '--json', '--data-dir', dir]).stdout) as { author: string | null; outlet: string | null }[];
    expect(sources).toHaveLength(5);
    expect(sources.some((source) => source.author === 'Akbar Novruz')).toBe(true);
    const conflicts = JSON.parse(runCli(['conflicts', '--json', '--data-dir', dir]).stdout) as { indicator: string }[];
    expect(conflicts.map((conflict) => conflict.indicator)).toContain('foreign-funding-share');
  });

  it('import lists candidates and adds nothing without --accept-all', () => {
    const dir = tempDir();
    const file = join(dir, 'note.md');
    writeFileSync(file, '# Field note\n\nDeminers cleared **1.5 million** square metres. Foreign assistance was 4,9%.\n');
    const before = JSON.parse(runCli(['status', '--json', '--data-dir', dir]).stdout).counts.facts as number;
    const dry = runCli(['import', file, '--data-dir', dir]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2 proposed fact/);
    expect(JSON.parse(runCli(['status', '--json', '--data-dir', dir]).stdout).counts.facts).toBe(before);
    const added = runCli(['import', file, '--accept-all', '--data-dir', dir]);
    expect(added.stdout).toMatch(/with 2 fact/);
    expect(JSON.parse(runCli(['status', '--json', '--data-dir', dir]).stdout).counts.facts).toBe(before + 2);
    const missing = runCli(['import', join(dir, 'nope.txt'), '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read/);
  });
});

describe('report commands', () => {
  it('reports --json lists the sample reports; export writes a PDF that poppler reads', () => {
    const dir = tempDir();
    const reports = JSON.parse(runCli(['reports', '--json', '--data-dir', dir]).stdout) as { id: string; title: string; template: string }[];
    expect(reports.map((report) => report.template).sort()).toEqual(['briefing-note', 'donor-appeal']);
    const out = join(dir, 'brief.pdf');
    const exported = runCli(['export', '--report', 'report-sample-briefing-note', '--out', out, '--style', 'apa', '--data-dir', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Wrote .*brief\.pdf \(\d+ pages?/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    // The briefing note's one disagreement (4.8% vs 4.9%) is answered in the report: nothing open.
    expect(exported.stdout).not.toMatch(/to check before sending/);
    expect(exported.stdout).toMatch(/^2 answered warnings kept with the report\.$/m);
  });

  it('export prints each open warning once, in figures', () => {
    const dir = tempDir();
    const exported = runCli(['export', '--report', 'report-sample-donor-appeal', '--out', join(dir, 'appeal.pdf'), '--data-dir', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    const listed = exported.stdout.split('\n').filter((line) => line.startsWith('  - '));
    expect(exported.stdout).toMatch(/^2 warnings to check before sending:$/m);
    expect(listed).toHaveLength(2);
    expect(new Set(listed).size).toBe(2);
    expect(listed[0]).toMatch(/^ {2}- 409\speople \(.*, undated\) — newer figure: 415\speople as of 31 Dec 2025/);
    expect(listed[1]).toMatch(/^ {2}- “The ask” still has the template’s prompt/);
  });

  it('export --file takes a report JSON of the saved schema, and refuses a broken one', () => {
    const dir = tempDir();
    const report = JSON.parse(runCli(['reports', '--json', '--data-dir', dir]).stdout)[0] as { id: string };
    const saved = runCli(['status', '--json', '--data-dir', dir]);
    expect(saved.code).toBe(0);
    const store = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as { reports: { id: string }[] };
    const file = join(dir, 'report.json');
    writeFileSync(file, JSON.stringify(store.reports.find((candidate) => candidate.id === report.id)));
    const out = join(dir, 'from-file.pdf');
    expect(runCli(['export', '--file', file, '--out', out, '--data-dir', dir]).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    writeFileSync(file, JSON.stringify({ title: 'no template' }));
    const broken = runCli(['export', '--file', file, '--out', out, '--data-dir', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/INVALID_INPUT/);
    expect(runCli(['export', '--report', 'report-nope', '--out', out, '--data-dir', dir]).stderr).toMatch(/NOT_FOUND/);
    expect(runCli(['export', '--report', report.id, '--data-dir', dir]).code).toBe(2);
  });
});
