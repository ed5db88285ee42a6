// Package dynamodb is an in-memory DynamoDB for learning: the JSON API's
// shapes and errors, consumed capacity, partitions, throttling, TTL, and
// the features around a table, all on an injected clock.
//
// Entry points:
//
//   - DB.Do(op, body) runs one JSON request; ServeAPI reads JSON lines
//     (`saa-study sim dynamodb --api`). The HTTP front end (protocol.go)
//     is written once and carried by two servers: NewServer, on fasthttp,
//     is what `--serve` runs, so the AWS CLI works with --endpoint-url;
//     Handler is the same front end as a net/http Handler, for tests and
//     for mounting in another server.
//   - Load drives synthetic traffic and reports capacity and throttles
//     per second.
//   - Streams: StreamSpecification on CreateTable/UpdateTable, the four
//     view types, 24 h retention, shards, DescribeStream, GetShardIterator,
//     GetRecords and ListStreams; NewEventSourceMapping polls a stream and
//     calls a Go function with batches, like a Lambda trigger.
//   - NewDAX puts a write-through item and query cache in front of a DB.
//   - PITR (UpdateContinuousBackups, RestoreTableToPointInTime) and
//     on-demand backups (CreateBackup, RestoreTableFromBackup, …).
//   - ExportTableToPointInTime and ImportTable use a folder as S3
//     (Options.S3Root).
//   - Global tables: UpdateTable ReplicaUpdates, the legacy
//     CreateGlobalTable, or NewGlobal; writes replicate after
//     Options.ReplicationLag and the last writer wins.
//
// console/ is the command language of the DynamoDB console (AWS CLI
// shaped lines, load, advance, the guided lessons), shared by the terminal
// screen and `saa-study sim dynamodb --script FILE`.
//
// conformance/ compares the JSON API with dynalite and holds the AWS CLI
// check.
package dynamodb
