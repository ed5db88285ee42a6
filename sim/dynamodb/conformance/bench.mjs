// Measures dynalite PutItem / GetItem / Query per second over loopback HTTP
// with keep-alive, one request at a time, then (if the Go simulator is
// given with --sim URL, e.g. a running `saa-study sim dynamodb --serve`)
// the same workload against it, and prints both and the ratio.
// Usage: node bench.mjs [--n 3000] [--sim http://127.0.0.1:8000]
import http from 'node:http'
import dynalite from 'dynalite'

const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const N = Number(opt('--n', '3000'))
const simURL = opt('--sim', '')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function post (base, op, body) {
  const data = JSON.stringify(body)
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: u.port, path: '/', method: 'POST', agent,
      headers: {
        'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': Buffer.byteLength(data),
        'X-Amz-Target': 'DynamoDB_20120810.' + op, 'X-Amz-Date': '20250101T000000Z',
        Authorization: 'AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
    }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        if (res.statusCode !== 200) reject(new Error(op + ' ' + res.statusCode + ' ' + text))
        else resolve(JSON.parse(text))
      })
    })
    req.on('error', reject)
    req.end(data)
  })
}

async function bench (base, label) {
  const table = 'bench' + Date.now()
  await post(base, 'CreateTable', {
    TableName: table, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  })
  for (let i = 0; i < 50; i++) {
    const d = await post(base, 'DescribeTable', { TableName: table })
    if (d.Table.TableStatus === 'ACTIVE') break
    await new Promise((r) => setTimeout(r, 20))
  }
  const rate = async (fn) => {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < N; i++) await fn(i)
    return N / (Number(process.hrtime.bigint() - t0) / 1e9)
  }
  // Keys spread over 100 partitions so the simulator's per-partition
  // ceiling (1,000 WCU/s on one key) does not throttle the put loop.
  const put = await rate((i) => post(base, 'PutItem', { TableName: table, Item: { pk: { S: 'p' + (i % 100) }, sk: { N: String(i) }, v: { S: 'payload' } } }))
  const get = await rate((i) => post(base, 'GetItem', { TableName: table, Key: { pk: { S: 'p' + (i % 100) }, sk: { N: String(i) } } }))
  const query = await rate((i) => post(base, 'Query', {
    TableName: table, KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
    ExpressionAttributeValues: { ':p': { S: 'p' + (i % 100) }, ':a': { N: '0' }, ':b': { N: String(N) } }, Limit: 10,
  }))
  console.log(`${label.padEnd(10)} put ${put.toFixed(0).padStart(7)}/s  get ${get.toFixed(0).padStart(7)}/s  query ${query.toFixed(0).padStart(7)}/s  (n=${N}, one client, keep-alive)`)
  return { put, get, query }
}

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const dyn = await bench(`http://127.0.0.1:${server.address().port}/`, 'dynalite')
server.close()
if (simURL) {
  const sim = await bench(simURL, 'saa-study')
  console.log(`ratio sim/dynalite: put ${(sim.put / dyn.put).toFixed(2)}x  get ${(sim.get / dyn.get).toFixed(2)}x  query ${(sim.query / dyn.query).toFixed(2)}x`)
}
agent.destroy()
