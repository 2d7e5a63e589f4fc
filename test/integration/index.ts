// Extension-host test entry, as @vscode/test-electron (and the VS Code server payload) expect:
// the host loads this file and awaits run(). Runs mocha (TDD UI: suite/test) over every *.test.js
// beside this file in the compiled output, and ends with a plain "N passed, N failed" line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  // No colours: the output is forwarded line by line to a log, not a terminal.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const files = findTests(__dirname).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
        console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // A test file that throws while loading lands here.
      console.log('0 passed, 1 failed');
      reject(err);
    }
  });
}
