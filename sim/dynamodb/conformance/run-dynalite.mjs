// Runs corpus.jsonl against dynalite (in memory) and writes dynalite.jsonl:
// one line per corpus line, {"id","status","body"} or {"id","skipped":true}
// for lines marked simOnly (operations dynalite does not have, such as the
// simulator's AdvanceClock). Lines with "HTTP" instead of an operation are
// sent as they are (method, headers, body) to check the protocol edges.
// Usage: npm install && node run-dynalite.mjs
import fs from 'node:fs'
import dynalite from 'dynalite'

const here = new URL('.', import.meta.url)
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`

export async function call (op, request) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.' + op,
      'X-Amz-Date': '20250101T000000Z',
      Authorization: 'AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0',
    },
    body: JSON.stringify(request ?? {}),
  })
  const text = await res.text()
  let body
  try { body = JSON.parse(text) } catch { body = { raw: text } }
  return { status: res.status, body }
}

const lines = fs.readFileSync(new URL('corpus.jsonl', here), 'utf8').split('\n').filter((l) => l.trim())
const out = []
for (const line of lines) {
  const c = JSON.parse(line)
  if (c.simOnly) {
    out.push(JSON.stringify({ id: c.id, skipped: true }))
    continue
  }
  if (c.HTTP) {
    // A raw HTTP exchange: protocol edges (methods, headers, bodies).
    const res = await fetch(url, { method: c.HTTP.Method, headers: c.HTTP.Headers, body: c.HTTP.Method === 'GET' ? undefined : c.HTTP.Body })
    const text = await res.text()
    let body
    try { body = JSON.parse(text) } catch { body = { raw: text } }
    out.push(JSON.stringify({ id: c.id, status: res.status, body }))
    continue
  }
  const { status, body } = await call(c.Operation, c.Request)
  out.push(JSON.stringify({ id: c.id, status, body }))
}
fs.writeFileSync(new URL('dynalite.jsonl', here), out.join('\n') + '\n')
console.log(`dynalite 4.0.0: ${out.length} responses written to dynalite.jsonl`)
server.close()
