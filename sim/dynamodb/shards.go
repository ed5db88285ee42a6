package dynamodb

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Streams API limits: a shard iterator is good for 15 minutes and one
// GetRecords call returns at most 1,000 records (DynamoDB Streams API
// reference, GetShardIterator and GetRecords).
const (
	shardIteratorTTL = 15 * time.Minute
	maxGetRecords    = 1000
)

// Streams exception names.
const (
	ErrExpiredIterator = "ExpiredIteratorException"
	ErrTrimmedData     = "TrimmedDataAccessException"
)

// Record is one DynamoDB Streams record as GetRecords and a Lambda event
// source mapping deliver it.
type Record struct {
	EventID        string        `json:"eventID"`
	EventName      string        `json:"eventName"` // INSERT, MODIFY, REMOVE
	EventVersion   string        `json:"eventVersion"`
	EventSource    string        `json:"eventSource"`
	AwsRegion      string        `json:"awsRegion"`
	Dynamodb       StreamData    `json:"dynamodb"`
	UserIdentity   *UserIdentity `json:"userIdentity,omitempty"`
	EventSourceARN string        `json:"eventSourceARN,omitempty"`
}

// StreamData is the "dynamodb" part of a Record: keys and the images the
// stream's view type asks for.
type StreamData struct {
	ApproximateCreationDateTime float64 `json:"ApproximateCreationDateTime"`
	Keys                        Item    `json:"Keys"`
	NewImage                    Item    `json:"NewImage,omitempty"`
	OldImage                    Item    `json:"OldImage,omitempty"`
	SequenceNumber              string  `json:"SequenceNumber"`
	SizeBytes                   int     `json:"SizeBytes"`
	StreamViewType              string  `json:"StreamViewType"`
}

func streamLabel(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000") }

func (db *DB) streamArn(t *table) string {
	return db.arn(t) + "/stream/" + streamLabel(t.ext.streamLabel)
}

func checkViewType(v string) error {
	switch v {
	case "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES":
		return nil
	case "":
		return invalid("You must specify a StreamViewType when enabling a stream")
	}
	return validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]", v))
}

// initStream starts the stream of a new table. The stream gets one shard
// per partition the table has at that moment; the sim does not split
// shards later.
func (db *DB) initStream(t *table, s *StreamSpecification) error {
	if s == nil || !s.StreamEnabled {
		t.stream = nil
		return nil
	}
	if err := checkViewType(s.StreamViewType); err != nil {
		return err
	}
	c := *s
	t.stream = &c
	t.ext.streamLabel = db.clk.Now()
	t.ext.shards = max(1, t.thr.nparts)
	t.ext.streamOff = false
	return nil
}

// updateStream enables a new stream (with a new ARN) or disables the
// current one, whose records stay readable for 24 hours.
func (db *DB) updateStream(t *table, s *StreamSpecification) error {
	on := t.stream != nil && t.stream.StreamEnabled
	switch {
	case s.StreamEnabled && on:
		return validationf("Table already has an enabled stream: " + db.streamArn(t))
	case !s.StreamEnabled && !on:
		return validationf("Table already has no enabled stream")
	case s.StreamEnabled:
		if err := db.initStream(t, s); err != nil {
			return err
		}
		t.streamLog = nil
		return nil
	}
	c := *t.stream
	c.StreamEnabled = false
	t.stream = &c
	t.ext.streamOff = true
	return nil
}

// findStream resolves a stream ARN to its table.
func (db *DB) findStream(arn string) (*table, error) {
	missing := apiErr(ErrResourceNotFound, "Requested resource not found: Stream: "+arn+" not found")
	i := strings.Index(arn, ":table/")
	if i < 0 {
		return nil, missing
	}
	name, label, ok := strings.Cut(arn[i+len(":table/"):], "/stream/")
	t := db.tables[name]
	if !ok || t == nil || t.stream == nil || t.ext.streamLabel.IsZero() || label != streamLabel(t.ext.streamLabel) {
		return nil, missing
	}
	db.pruneStream(t)
	return t, nil
}

func (t *table) shardOf(r *StreamRecord) int {
	return int(token(r.Keys[t.hash.name]) % uint64(max(1, t.ext.shards)))
}

func shardID(t *table, i int) string {
	return fmt.Sprintf("shardId-%020d-%08x", t.ext.streamLabel.UnixMilli(), uint32(token(attr.Str(t.name+"#"+strconv.Itoa(i)))))
}

func seqOf(r *StreamRecord) int64 {
	n, _ := strconv.ParseInt(r.SequenceNumber, 10, 64)
	return n
}

// horizon is the sequence number just before the oldest retained record.
func (t *table) horizon() int64 {
	if len(t.streamLog) > 0 {
		return seqOf(&t.streamLog[0]) - 1
	}
	return t.streamSeq
}

func (db *DB) toRecord(t *table, r *StreamRecord, arn string) Record {
	return Record{
		EventID:   fmt.Sprintf("%016x%016x", token(attr.Str(r.SequenceNumber)), token(attr.Str(t.name))),
		EventName: r.EventName, EventVersion: "1.1", EventSource: "aws:dynamodb", AwsRegion: db.opts.Region,
		Dynamodb: StreamData{ApproximateCreationDateTime: r.ApproximateCreationDateTime, Keys: r.Keys,
			NewImage: r.NewImage, OldImage: r.OldImage, SequenceNumber: r.SequenceNumber, SizeBytes: r.SizeBytes,
			StreamViewType: r.StreamViewType},
		UserIdentity: r.UserIdentity, EventSourceARN: arn,
	}
}

// shardRecords returns up to limit records of one shard after sequence
// number after.
func (db *DB) shardRecords(t *table, shard int, after int64, limit int) []Record {
	var out []Record
	arn := db.streamArn(t)
	// The log is in sequence order, so skip to the first record after.
	start := sort.Search(len(t.streamLog), func(i int) bool { return seqOf(&t.streamLog[i]) > after })
	for i := start; i < len(t.streamLog); i++ {
		r := &t.streamLog[i]
		if t.shardOf(r) != shard {
			continue
		}
		out = append(out, db.toRecord(t, r, arn))
		if len(out) == limit {
			break
		}
	}
	return out
}

// StreamArnInput names a stream (DescribeStream).
type StreamArnInput struct {
	StreamArn             string `json:"StreamArn"`
	Limit                 int    `json:"Limit,omitempty"`
	ExclusiveStartShardId string `json:"ExclusiveStartShardId,omitempty"`
}

// SequenceNumberRange is the span of sequence numbers in a shard.
type SequenceNumberRange struct {
	StartingSequenceNumber string `json:"StartingSequenceNumber,omitempty"`
	EndingSequenceNumber   string `json:"EndingSequenceNumber,omitempty"`
}

// Shard is one shard of a stream.
type Shard struct {
	ShardId             string              `json:"ShardId"`
	SequenceNumberRange SequenceNumberRange `json:"SequenceNumberRange"`
}

// StreamDescription describes a stream and its shards.
type StreamDescription struct {
	StreamArn               string             `json:"StreamArn"`
	StreamLabel             string             `json:"StreamLabel"`
	StreamStatus            string             `json:"StreamStatus"`
	StreamViewType          string             `json:"StreamViewType"`
	CreationRequestDateTime float64            `json:"CreationRequestDateTime"`
	TableName               string             `json:"TableName"`
	KeySchema               []KeySchemaElement `json:"KeySchema"`
	Shards                  []Shard            `json:"Shards"`
}

// DescribeStreamOutput is the DescribeStream response.
type DescribeStreamOutput struct {
	StreamDescription StreamDescription `json:"StreamDescription"`
}

// DescribeStream lists a stream's shards. A disabled stream's shards are
// closed: they carry an ending sequence number.
func (db *DB) DescribeStream(in *StreamArnInput) (*DescribeStreamOutput, error) {
	t, err := db.findStream(in.StreamArn)
	if err != nil {
		return nil, err
	}
	status := "ENABLED"
	if t.ext.streamOff {
		status = "DISABLED"
	}
	d := StreamDescription{StreamArn: in.StreamArn, StreamLabel: streamLabel(t.ext.streamLabel), StreamStatus: status,
		StreamViewType: t.stream.StreamViewType, CreationRequestDateTime: epochSeconds(t.ext.streamLabel),
		TableName: t.name, KeySchema: t.schema, Shards: []Shard{}}
	for i := 0; i < t.ext.shards; i++ {
		sh := Shard{ShardId: shardID(t, i)}
		recs := db.shardRecords(t, i, t.horizon(), maxGetRecords*1000)
		if len(recs) > 0 {
			sh.SequenceNumberRange.StartingSequenceNumber = recs[0].Dynamodb.SequenceNumber
			if t.ext.streamOff {
				sh.SequenceNumberRange.EndingSequenceNumber = recs[len(recs)-1].Dynamodb.SequenceNumber
			}
		} else {
			sh.SequenceNumberRange.StartingSequenceNumber = fmt.Sprintf("%021d", t.streamSeq+1)
		}
		d.Shards = append(d.Shards, sh)
	}
	return &DescribeStreamOutput{StreamDescription: d}, nil
}

// ListStreamsInput is the ListStreams request.
type ListStreamsInput struct {
	TableName string `json:"TableName,omitempty"`
}

// StreamSummary names one stream.
type StreamSummary struct {
	StreamArn   string `json:"StreamArn"`
	StreamLabel string `json:"StreamLabel"`
	TableName   string `json:"TableName"`
}

// ListStreamsOutput is the ListStreams response.
type ListStreamsOutput struct {
	Streams []StreamSummary `json:"Streams"`
}

// ListStreams lists the current stream of every table (or of one).
func (db *DB) ListStreams(in *ListStreamsInput) (*ListStreamsOutput, error) {
	out := &ListStreamsOutput{Streams: []StreamSummary{}}
	for _, name := range sortedNames(db.tables) {
		t := db.tables[name]
		if (in.TableName != "" && name != in.TableName) || t.stream == nil || t.ext.streamLabel.IsZero() {
			continue
		}
		out.Streams = append(out.Streams, StreamSummary{StreamArn: db.streamArn(t), StreamLabel: streamLabel(t.ext.streamLabel), TableName: name})
	}
	return out, nil
}

// GetShardIteratorInput is the GetShardIterator request.
type GetShardIteratorInput struct {
	StreamArn         string `json:"StreamArn"`
	ShardId           string `json:"ShardId"`
	ShardIteratorType string `json:"ShardIteratorType"`
	SequenceNumber    string `json:"SequenceNumber,omitempty"`
}

// GetShardIteratorOutput is the GetShardIterator response.
type GetShardIteratorOutput struct {
	ShardIterator string `json:"ShardIterator"`
}

type iterState struct {
	Arn    string `json:"a"`
	Shard  int    `json:"s"`
	After  int64  `json:"p"`
	Issued int64  `json:"t"`
}

func encodeIter(s iterState) string {
	b, _ := json.Marshal(s)
	return base64.RawURLEncoding.EncodeToString(b)
}

// GetShardIterator returns a position in one shard: TRIM_HORIZON (oldest
// retained record), LATEST (after the newest), AT_ or AFTER_SEQUENCE_NUMBER.
func (db *DB) GetShardIterator(in *GetShardIteratorInput) (*GetShardIteratorOutput, error) {
	t, err := db.findStream(in.StreamArn)
	if err != nil {
		return nil, err
	}
	shard := -1
	for i := 0; i < t.ext.shards; i++ {
		if shardID(t, i) == in.ShardId {
			shard = i
		}
	}
	if shard < 0 {
		return nil, apiErr(ErrResourceNotFound, "Requested resource not found: Shard does not exist")
	}
	var after int64
	switch in.ShardIteratorType {
	case "TRIM_HORIZON":
		after = t.horizon()
	case "LATEST":
		after = t.streamSeq
	case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER":
		n, perr := strconv.ParseInt(in.SequenceNumber, 10, 64)
		if perr != nil || n < 1 {
			return nil, validationf("Invalid SequenceNumber: " + in.SequenceNumber)
		}
		after = n
		if in.ShardIteratorType == "AT_SEQUENCE_NUMBER" {
			after = n - 1
		}
		if after < t.horizon() {
			return nil, apiErr(ErrTrimmedData, "Attempted to access data that has been trimmed: the sequence number is older than 24 hours")
		}
	default:
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]", in.ShardIteratorType))
	}
	return &GetShardIteratorOutput{ShardIterator: encodeIter(iterState{Arn: in.StreamArn, Shard: shard, After: after, Issued: db.clk.Now().UnixNano()})}, nil
}

// GetRecordsInput is the GetRecords request.
type GetRecordsInput struct {
	ShardIterator string `json:"ShardIterator"`
	Limit         int    `json:"Limit,omitempty"`
}

// GetRecordsOutput is the GetRecords response. NextShardIterator is absent
// once a closed shard has been read to its end.
type GetRecordsOutput struct {
	Records           []Record `json:"Records"`
	NextShardIterator string   `json:"NextShardIterator,omitempty"`
}

// GetRecords reads records from a shard iterator. Iterators expire after
// 15 minutes; records older than 24 hours are trimmed.
func (db *DB) GetRecords(in *GetRecordsInput) (*GetRecordsOutput, error) {
	raw, err := base64.RawURLEncoding.DecodeString(in.ShardIterator)
	var st iterState
	if err != nil || json.Unmarshal(raw, &st) != nil {
		return nil, validationf("Invalid ShardIterator")
	}
	if in.Limit < 0 || in.Limit > maxGetRecords {
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000", in.Limit))
	}
	limit := in.Limit
	if limit == 0 {
		limit = maxGetRecords
	}
	t, err := db.findStream(st.Arn)
	if err != nil {
		return nil, err
	}
	now := db.clk.Now()
	if issued := time.Unix(0, st.Issued); now.Sub(issued) > shardIteratorTTL {
		return nil, apiErr(ErrExpiredIterator, fmt.Sprintf("Iterator expired. The iterator was created at time %s while right now it is %s which is further in the future than the tolerated delay of 900000 milliseconds.",
			issued.UTC().Format(time.RFC1123), now.UTC().Format(time.RFC1123)))
	}
	if st.After < t.horizon() && len(t.streamLog) > 0 {
		return nil, apiErr(ErrTrimmedData, "Attempted to access data that has been trimmed: the iterator points to records older than 24 hours")
	}
	recs := db.shardRecords(t, st.Shard, st.After, limit)
	out := &GetRecordsOutput{Records: recs}
	if out.Records == nil {
		out.Records = []Record{}
	}
	next := st.After
	if len(recs) > 0 {
		next, _ = strconv.ParseInt(recs[len(recs)-1].Dynamodb.SequenceNumber, 10, 64)
	}
	if t.ext.streamOff && len(db.shardRecords(t, st.Shard, next, 1)) == 0 {
		return out, nil // the shard is closed and read to its end
	}
	out.NextShardIterator = encodeIter(iterState{Arn: st.Arn, Shard: st.Shard, After: next, Issued: now.UnixNano()})
	return out, nil
}
