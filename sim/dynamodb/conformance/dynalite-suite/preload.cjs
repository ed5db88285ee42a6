// Loaded with `mocha --require` inside a dynalite source checkout: instead of
// starting dynalite in the test process, dynalite's test helpers get a stand-in
// whose listen() only notes the port, and every http request to that port on
// 127.0.0.1 goes to the endpoint named by DDB_ENDPOINT (saa-study sim dynamodb
// --serve). No file of the checkout is changed.
'use strict'
const Module = require('module')
const http = require('http')
const path = require('path')

const endpoint = new URL(process.env.DDB_ENDPOINT || 'http://127.0.0.1:8000')
if (!['127.0.0.1', 'localhost', '[::1]'].includes(endpoint.hostname)) {
  throw new Error('DDB_ENDPOINT must be a loopback address, got ' + endpoint.hostname)
}

const redirected = new Set()

function standIn () {
  return {
    listen (port, ...rest) {
      redirected.add(Number(port))
      const cb = rest.find((a) => typeof a === 'function')
      if (cb) setImmediate(cb)
      return this
    },
    close (cb) { if (cb) setImmediate(cb) },
    address () { return { port: Number(endpoint.port) } },
  }
}

const testDir = path.join(process.cwd(), 'test') + path.sep
const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === '..' && parent && parent.filename.startsWith(testDir)) return standIn
  return load.call(this, request, parent, isMain)
}

const request = http.request
http.request = function (opts, ...rest) {
  if (opts && typeof opts === 'object' && !(opts instanceof URL) &&
      (opts.host === '127.0.0.1' || opts.hostname === '127.0.0.1') && redirected.has(Number(opts.port))) {
    opts.host = endpoint.hostname
    opts.port = Number(endpoint.port)
  }
  return request.call(this, opts, ...rest)
}
