// `npm run test:security`: suite.ts (every family, as node:test suites) in one child process,
// spec output as it runs, then the summary table (lib/summary-reporter.ts). Exit code 1 if
// any case failed. One case or group: `npm run test:security -- --test-name-pattern="<regex>"`
// (the pattern may be repeated); some families: SECURITY_FAMILIES=3,4 (suite.ts).
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import summaryReporter from './lib/summary-reporter.js';

const { values } = parseArgs({
  options: { 'test-name-pattern': { type: 'string', multiple: true } },
});

// One file, so one process: family 6 (secrets at rest) reads what the others left behind.
const events = run({
  files: [fileURLToPath(new URL('./suite.ts', import.meta.url))],
  concurrency: 1,
  ...(values['test-name-pattern'] ? { testNamePatterns: values['test-name-pattern'] } : {}),
});

const toSpec = new PassThrough({ objectMode: true });
const toSummary = new PassThrough({ objectMode: true });
events.on('data', (event: { type: string }) => {
  if (event.type === 'test:fail') process.exitCode = 1;
});
events.pipe(toSpec);
events.pipe(toSummary);

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

// The table is read while the run goes on, and printed once the spec output has ended.
const table = text(toSummary.compose(summaryReporter));
for await (const chunk of toSpec.compose(new spec())) process.stdout.write(chunk as string);
process.stdout.write(await table);
