// Prints per-file pass/fail counts from mocha's JSON reporter output.
//   node summary.cjs results.json [seconds]
'use strict'
const fs = require('fs')
const path = require('path')
const res = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const files = {}
const row = (t) => (files[path.basename(t.file || '?')] ||= { passed: 0, failed: 0, pending: 0 })
for (const t of res.passes) row(t).passed++
for (const t of res.failures) row(t).failed++
for (const t of res.pending) row(t).pending++
let p = 0, f = 0
for (const [name, c] of Object.entries(files).sort()) {
  console.log(`${name.padEnd(26)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed`)
  p += c.passed; f += c.failed
}
console.log(`${'total'.padEnd(26)} ${String(p).padStart(4)} passed ${String(f).padStart(4)} failed` +
  (process.argv[3] ? ` in ${process.argv[3]} s` : ''))
