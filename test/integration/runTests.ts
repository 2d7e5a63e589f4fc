// Runs the integration suite in a downloaded desktop VS Code (machines that can reach Microsoft's
// update server). Offline machines run the same suite with scripts/vscode-server/run-integration.mjs.
// Env: STATCITE_EXTENSION_PATH (default: repo root), STATCITE_WORKSPACE, VSCODE_TEST_VERSION (default: stable).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '../../..'); // this file runs from out/test/integration
  const extensionDevelopmentPath = path.resolve(process.env.STATCITE_EXTENSION_PATH ?? repoRoot);
  const extensionTestsPath = path.join(__dirname, 'index.js');
  const workspace = path.resolve(process.env.STATCITE_WORKSPACE ?? path.join(repoRoot, 'test/fixtures/workspace'));
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err: unknown) => {
  console.error('integration tests failed:', err);
  process.exit(1);
});
