#!/usr/bin/env node
// Runs Electronegativity (Doyensec's static checker for Electron apps) over electron/ and, when the
// app is built, over out/ (the JavaScript that ships). Exits non-zero on any HIGH or MEDIUM finding,
// and on any file the checker could not parse, unless electronegativity-accepted.json lists it with a
// written reason. Works offline: the tool's attempts to fetch translations and Electron's release list
// fail fast and are ignored (the Electron version is read from node_modules/electron instead).
//
//   node scripts/electronegativity.mjs            # check
//   node scripts/electronegativity.mjs --all      # also print LOW and INFORMATIONAL findings
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ACCEPTED_FILE = join(root, 'electronegativity-accepted.json');
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const showAll = process.argv.includes('--all');

let run;
try {
  run = require('@doyensec/electronegativity');
} catch (error) {
  console.error(`electronegativity: the package is not installed (${error.message}). Run "npm install".`);
  process.exit(2);
}

const electronVersion = (() => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron ?? '').replace(/^[^\d]*/, '') || undefined;
  }
})();

/** @type {{ accepted: { input: string; check?: string; file: string; parseError?: boolean; reason: string }[] }} */
const acceptedList = existsSync(ACCEPTED_FILE) ? JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')) : { accepted: [] };
const problems = [];
for (const [index, entry] of acceptedList.accepted.entries()) {
  if (!entry.input || !entry.file || (!entry.check && !entry.parseError)) problems.push(`accepted[${index}] needs "input", "file" and "check" (or "parseError": true)`);
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`accepted[${index}] (${entry.check ?? 'parse error'} in ${entry.file}) needs a written reason`);
}
if (problems.length > 0) {
  console.error(`electronegativity: ${ACCEPTED_FILE} is not valid:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}

/** "main/*.js" style patterns: `*` matches within one path segment. */
const matches = (pattern, file) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`).test(file);
const used = new Set();
const acceptedFor = (input, predicate) => {
  const index = acceptedList.accepted.findIndex((entry) => entry.input === input && predicate(entry));
  if (index >= 0) used.add(index);
  return index >= 0 ? acceptedList.accepted[index] : null;
};

const inputs = ['electron'];
if (existsSync(join(root, 'out/main'))) inputs.push('out');
else console.log('electronegativity: out/ is not built, so only electron/ is checked (run "npm run build" to check the shipped JavaScript too).');

const blocking = [];
const report = [];
for (const input of inputs) {
  // The tool logs its own progress and network failures; keep them out of the report.
  const log = console.log;
  const warn = console.warn;
  console.log = () => {};
  console.warn = () => {};
  let result;
  try {
    result = await run({ input: join(root, input), isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [] });
  } finally {
    console.log = log;
    console.warn = warn;
  }
  for (const error of result.errors.filter((candidate) => !candidate.tolerable)) {
    const file = relative(join(root, input), error.file).split('\\').join('/');
    const accepted = acceptedFor(input, (entry) => entry.parseError === true && matches(entry.file, file));
    const line = `${input}/${file}: could not be parsed (${error.message}), so it was not checked`;
    report.push(`${accepted ? 'accepted' : 'BLOCKING'}  ${line}${accepted ? `\n            reason: ${accepted.reason}` : ''}`);
    if (!accepted) blocking.push(line);
  }
  for (const issue of result.issues) {
    const severity = issue.severity.name;
    const file = String(issue.file).split('\\').join('/');
    const where = `${input}/${file}:${issue.location.line}:${issue.location.column}`;
    const line = `${issue.id} ${severity}/${issue.confidence.name} at ${where}: ${issue.description}`;
    if (!BLOCKING.has(severity)) {
      if (showAll) report.push(`info      ${line}`);
      continue;
    }
    const accepted = acceptedFor(input, (entry) => entry.check === issue.id && matches(entry.file, file));
    report.push(`${accepted ? 'accepted' : 'BLOCKING'}  ${line}${accepted ? `\n            reason: ${accepted.reason}` : ''}`);
    if (!accepted) blocking.push(line);
  }
}

console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}, Electron ${electronVersion ?? 'unknown'}, checked: ${inputs.join(', ')}`);
for (const line of report) console.log(`  ${line}`);
const stale = acceptedList.accepted.filter((_, index) => !used.has(index));
for (const entry of stale) console.log(`  note      accepted entry no longer matches anything (remove it?): ${entry.input}/${entry.file} ${entry.check ?? 'parse error'}`);
if (blocking.length > 0) {
  console.error(`\nelectronegativity: ${blocking.length} HIGH/MEDIUM finding(s) or unparsed file(s) not accepted in electronegativity-accepted.json. Fix them, or accept each with a reason.`);
  process.exit(1);
}
console.log('\nelectronegativity: no unaccepted HIGH or MEDIUM findings.');
