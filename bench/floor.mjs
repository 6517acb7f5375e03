// The floor of a cold build, for npm run bench: a Node process that does nothing but start the same
// bare print the bench compares with and wait for it. What any Node command that prints through
// Chromium costs at the least, before it has read, computed, checked or finished anything.
import { spawn } from 'node:child_process';

const [executable, ...args] = process.argv.slice(2);
const child = spawn(executable, args, { stdio: 'ignore' });
child.on('exit', (code) => {
  process.exitCode = code ?? 1;
});
