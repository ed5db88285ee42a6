// sfn-peer.mjs runs the 10-state machine of sfn-ten-states.json (the one
// BenchmarkExecuteTenStateMachine in sim/stepfunctions runs) with
// aws-local-stepfunctions, in process and one execution after another, the
// tasks answered by local functions as the Go benchmark's mocks answer them
// (S2 returns {"ok":1}; S7 fails with "E" once, then returns {}), Wait and
// Retry pauses set to zero. Prints the final output once, then the time per
// execution.
// Usage: node sfn-peer.mjs PEER_DIR [EXECUTIONS]   (PEER_DIR holds node_modules/aws-local-stepfunctions)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [peerDir, count] = process.argv.slice(2);
if (!peerDir) {
  console.error('usage: node sfn-peer.mjs PEER_DIR [EXECUTIONS]');
  process.exit(2);
}
const n = Number(count ?? 5000);
// aws-local-stepfunctions 3 asks for Node 22; on Node 20 it needs only
// Promise.withResolvers, added here as the standard defines it.
Promise.withResolvers ??= function () {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};
const require = createRequire(path.resolve(peerDir) + '/');
const { StateMachine } = await import(pathToFileURL(require.resolve('aws-local-stepfunctions')).href);
const here = path.dirname(new URL(import.meta.url).pathname);
const definition = JSON.parse(readFileSync(path.join(here, 'sfn-ten-states.json'), 'utf8'));
const sm = new StateMachine(definition);

async function once() {
  let s7 = 0;
  const overrides = {
    taskResourceLocalHandlers: {
      S2: async () => ({ ok: 1 }),
      S7: async () => {
        if (s7++ === 0) {
          const e = new Error('mocked');
          e.name = 'E';
          throw e;
        }
        return {};
      },
    },
    waitTimeOverrides: { S4: 0 },
    retryIntervalOverrides: { S7: 0 },
  };
  return sm.run({ n: 3 }, { overrides }).result;
}

console.log(JSON.stringify(await once()));
for (let i = 0; i < Math.min(n, 1000); i++) await once(); // warm up the JIT
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) await once();
const ns = Number(process.hrtime.bigint() - t0) / n;
console.log(`aws-local-stepfunctions: ${(ns / 1000).toFixed(1)} µs per execution (${n} executions)`);
