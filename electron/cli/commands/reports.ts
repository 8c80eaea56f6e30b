import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openWarnings } from '../../shared/figure-decisions';
import { CommandError, UsageError, type Command } from '../cli-context';

export const reportsCommand: Command = {
  name: 'reports',
  summary: 'List saved reports',
  usage: 'reports [--json]',
  run: async ({ call, flags, print }) => {
    const reports = await call('reports:list');
    if (flags.json) return print(JSON.stringify(reports.map(({ id, title, template, updatedAt }) => ({ id, title, template, updatedAt })), null, 2));
    if (reports.length === 0) return print('No reports yet.');
    for (const report of reports) print(`${report.id}  ${report.template.padEnd(13)}  ${report.title}`);
  },
};

const readReportFile = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new CommandError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a report as PDF (a saved report, or a report JSON file)',
  usage: 'export (--report ID | --file REPORT.json) --out FILE.pdf [--style chicago|apa]',
  run: async ({ call, flags, print }) => {
    const out = flags.out;
    if (typeof out !== 'string') throw new UsageError('export needs --out FILE.pdf');
    const style = flags.style;
    if (style !== undefined && style !== 'chicago' && style !== 'apa') throw new UsageError('--style must be chicago or apa');
    let report: unknown;
    if (typeof flags.report === 'string') report = await call('reports:get', { id: flags.report });
    else if (typeof flags.file === 'string') report = await readReportFile(flags.file);
    else throw new UsageError('export needs --report ID or --file REPORT.json');
    const rendered = await call('reports:render', { report, options: style ? { citationStyle: style } : {} });
    try {
      await writeFile(resolve(out), Buffer.from(rendered.pdfBase64, 'base64'));
    } catch (error) {
      throw new CommandError(`Cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    }
    print(`Wrote ${resolve(out)} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'}, ${rendered.byteLength} bytes).`);
    // Each open warning once, as the editor lists it; answered ones only counted (issue 11).
    const open = openWarnings(rendered.warnings);
    const decided = rendered.warnings.length - open.length;
    if (open.length > 0) print(`${open.length} warning${open.length === 1 ? '' : 's'} to check before sending:`);
    for (const warning of open) print(`  - ${warning.message}`);
    if (decided > 0) print(`${decided} answered warning${decided === 1 ? '' : 's'} kept with the report.`);
  },
};
