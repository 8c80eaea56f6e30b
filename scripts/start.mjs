// `npm start`: build, then open the Electron window; where Electron's binary cannot be obtained,
// say so in one line and serve the same renderer in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });

const build = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

/**
 * Resolving the `electron` package downloads the binary when it is missing (Electron 42+ installs
 * lazily). Ask in a child process so a failed download cannot take this one down.
 */
const findElectron = () => {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const lines = (probe.stderr || probe.error?.message || '').split('\n').map((line) => line.trim()).filter(Boolean);
  const reason = lines.find((line) => /failed|error/i.test(line) && !line.startsWith('at ')) ?? lines[0] ?? 'unknown reason';
  return { error: reason };
};

const electron = process.env.DOSSIER_BROWSER_MODE ? { error: 'DOSSIER_BROWSER_MODE is set' } : findElectron();
if (electron.path) {
  const child = spawn(electron.path, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron is not available here (${electron.error}); starting browser mode.`);
  // The bundle just built (out/main/server.js), run by node itself so a signal reaches the server.
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'server.js'), ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
