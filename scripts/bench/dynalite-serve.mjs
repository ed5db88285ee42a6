// dynalite-serve.mjs serves dynalite in memory on 127.0.0.1:PORT, tables
// active at once (as the simulator's), until killed. The peer of
// `saa-study sim dynamodb --serve` in ddb-vs-dynalite.sh.
// Usage: node dynalite-serve.mjs PEER_DIR PORT   (PEER_DIR holds node_modules/dynalite)
import { createRequire } from 'node:module';
import path from 'node:path';

const [peerDir, port] = process.argv.slice(2);
if (!peerDir || !port) {
  console.error('usage: node dynalite-serve.mjs PEER_DIR PORT');
  process.exit(2);
}
const require = createRequire(path.resolve(peerDir) + '/');
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(Number(port), '127.0.0.1', () => console.error(`dynalite on http://127.0.0.1:${port}`));
