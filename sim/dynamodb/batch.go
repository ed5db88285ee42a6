package dynamodb

import (
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// Batch and transaction limits (ServiceQuotas).
const (
	maxBatchGet      = 100
	maxBatchWrite    = 25
	maxTransactItems = 100
)

// KeysAndAttributes is one table's part of a BatchGetItem.
type KeysAndAttributes struct {
	Keys                     []Item            `json:"Keys"`
	ConsistentRead           bool              `json:"ConsistentRead,omitempty"`
	ProjectionExpression     string            `json:"ProjectionExpression,omitempty"`
	ExpressionAttributeNames map[string]string `json:"ExpressionAttributeNames,omitempty"`
}

// BatchGetItemInput is the BatchGetItem request.
type BatchGetItemInput struct {
	RequestItems           map[string]KeysAndAttributes `json:"RequestItems"`
	ReturnConsumedCapacity string                       `json:"ReturnConsumedCapacity,omitempty"`
}

// BatchGetItemOutput is the BatchGetItem response.
type BatchGetItemOutput struct {
	Responses        map[string][]Item            `json:"Responses"`
	UnprocessedKeys  map[string]KeysAndAttributes `json:"UnprocessedKeys"`
	ConsumedCapacity []ConsumedCapacity           `json:"ConsumedCapacity,omitempty"`
}

// WriteRequest is a PutRequest or a DeleteRequest.
type WriteRequest struct {
	PutRequest    *struct{ Item Item } `json:"PutRequest,omitempty"`
	DeleteRequest *struct{ Key Item }  `json:"DeleteRequest,omitempty"`
}

// BatchWriteItemInput is the BatchWriteItem request.
type BatchWriteItemInput struct {
	RequestItems           map[string][]WriteRequest `json:"RequestItems"`
	ReturnConsumedCapacity string                    `json:"ReturnConsumedCapacity,omitempty"`
}

// BatchWriteItemOutput is the BatchWriteItem response.
type BatchWriteItemOutput struct {
	UnprocessedItems map[string][]WriteRequest `json:"UnprocessedItems"`
	ConsumedCapacity []ConsumedCapacity        `json:"ConsumedCapacity,omitempty"`
}

func ccList(mode string, uses map[string]*usage) []ConsumedCapacity {
	var out []ConsumedCapacity
	for _, name := range sortedNames(uses) {
		if c := consumed(name, mode, *uses[name]); c != nil {
			out = append(out, *c)
		}
	}
	return out
}

// maxBatchGetBytes is how many bytes of items one BatchGetItem answer
// holds: 1 MB plus the largest item (400 KB) less 3 bytes, as DynamoDB
// answers with UnprocessedKeys once a batch of 400 KB items passes it.
const maxBatchGetBytes = 1<<20 + attr.MaxItemBytes - 3

// BatchGetItem reads up to 100 items across tables. Each item is rounded up
// to 4 KB on its own. Keys that meet throttling come back in
// UnprocessedKeys; if all do, the call fails.
func (db *DB) BatchGetItem(in *BatchGetItemInput) (*BatchGetItemOutput, error) {
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	n := 0
	for _, ka := range in.RequestItems {
		n += len(ka.Keys)
	}
	if n > maxBatchGet {
		return nil, validationf("Too many items requested for the BatchGetItem call")
	}
	if n == 0 {
		return nil, emptyRequestItems(in.RequestItems != nil)
	}
	out := &BatchGetItemOutput{Responses: map[string][]Item{}, UnprocessedKeys: map[string]KeysAndAttributes{}}
	uses := map[string]*usage{}
	throttled, total, respBytes := 0, 0, 0
	var lastErr error
	for _, name := range sortedNames(in.RequestItems) {
		ka := in.RequestItems[name]
		t, err := db.table(name)
		if err != nil {
			return nil, err
		}
		ctx, err := newCtx(ka.ExpressionAttributeNames, nil)
		if err != nil {
			return nil, err
		}
		var proj []expr.Path
		if ka.ProjectionExpression != "" {
			if proj, err = expr.ParseProjection(ctx, ka.ProjectionExpression); err != nil {
				return nil, err
			}
		}
		if err := ctx.CheckUnused(); err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, k := range ka.Keys {
			if err := t.checkKey(k); err != nil {
				return nil, err
			}
			ks := keyString(t, k)
			if seen[ks] {
				return nil, validationf("Provided list of item keys contains duplicates")
			}
			seen[ks] = true
		}
		u := &usage{read: true}
		uses[name] = u
		out.Responses[name] = []Item{}
		now := db.clk.Now()
		for _, k := range ka.Keys {
			total++
			item := t.get(k)
			size := 0
			if item != nil {
				size = item.Size()
			}
			units := ReadUnits(size, ka.ConsistentRead, false)
			part := t.thr.partition(token(k[t.hash.name]))
			if v := t.thr.check(now, true, part, units); !v.ok() {
				throttled++
				lastErr = throttleErr(v, db.arn(t), false, true)
				un := out.UnprocessedKeys[name]
				un.Keys = append(un.Keys, k)
				un.ConsistentRead, un.ProjectionExpression, un.ExpressionAttributeNames = ka.ConsistentRead, ka.ProjectionExpression, ka.ExpressionAttributeNames
				out.UnprocessedKeys[name] = un
				continue
			}
			if item != nil && proj != nil {
				item = expr.Project(item, proj)
			}
			if item != nil && respBytes+item.Size() > maxBatchGetBytes {
				// The answer is full: the key comes back unprocessed, for
				// the minimum read it cost.
				u.table += ReadUnits(0, ka.ConsistentRead, false)
				un := out.UnprocessedKeys[name]
				un.Keys = append(un.Keys, k)
				un.ConsistentRead, un.ProjectionExpression, un.ExpressionAttributeNames = ka.ConsistentRead, ka.ProjectionExpression, ka.ExpressionAttributeNames
				out.UnprocessedKeys[name] = un
				continue
			}
			t.thr.charge(now, true, part, units)
			u.table += units
			if item != nil {
				respBytes += item.Size()
				out.Responses[name] = append(out.Responses[name], item)
			}
		}
	}
	if throttled == total {
		return nil, lastErr
	}
	out.ConsumedCapacity = ccList(in.ReturnConsumedCapacity, uses)
	return out, nil
}

func keyString(t *table, k Item) string {
	h, s := t.keyOf(k)
	var b strings.Builder
	b.WriteString(h.KeyString())
	for _, v := range s {
		b.WriteByte(0)
		b.WriteString(v.KeyString())
	}
	return b.String()
}

// BatchWriteItem puts or deletes up to 25 items across tables, with no
// conditions. Throttled requests come back in UnprocessedItems for the
// caller to retry with backoff; if all are throttled, the call fails.
func (db *DB) BatchWriteItem(in *BatchWriteItemInput) (*BatchWriteItemOutput, error) {
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	n := 0
	for _, reqs := range in.RequestItems {
		n += len(reqs)
	}
	if n > maxBatchWrite {
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]", n))
	}
	if n == 0 {
		return nil, emptyRequestItems(in.RequestItems != nil)
	}
	type job struct {
		t    *table
		req  WriteRequest
		item Item // nil for delete
		key  Item
	}
	var jobs []job
	for _, name := range sortedNames(in.RequestItems) {
		t, err := db.table(name)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, r := range in.RequestItems[name] {
			j := job{t: t, req: r}
			switch {
			case r.PutRequest != nil && r.DeleteRequest == nil:
				if err := t.checkBatchItem(r.PutRequest.Item); err != nil {
					return nil, err
				}
				j.item, j.key = r.PutRequest.Item.Clone(), t.keyItem(r.PutRequest.Item)
			case r.DeleteRequest != nil && r.PutRequest == nil:
				if err := t.checkKey(r.DeleteRequest.Key); err != nil {
					return nil, err
				}
				j.key = r.DeleteRequest.Key
			default:
				return nil, invalid("A WriteRequest must contain exactly one of PutRequest or DeleteRequest")
			}
			ks := keyString(t, j.key)
			if seen[ks] {
				return nil, validationf("Provided list of item keys contains duplicates")
			}
			seen[ks] = true
			jobs = append(jobs, j)
		}
	}
	out := &BatchWriteItemOutput{UnprocessedItems: map[string][]WriteRequest{}}
	uses := map[string]*usage{}
	throttled := 0
	var lastErr error
	for _, j := range jobs {
		old := j.t.get(j.key)
		if old == nil && j.item == nil {
			old = nil
		}
		p := j.t.plan(old, j.item, false)
		if j.item == nil && old == nil {
			p = &writePlan{t: j.t, use: usage{table: 1}, hashTok: token(j.key[j.t.hash.name]), gsiParts: map[*index]int{}}
		}
		if err := db.admit(p); err != nil {
			throttled++
			lastErr = err
			out.UnprocessedItems[j.t.name] = append(out.UnprocessedItems[j.t.name], j.req)
			continue
		}
		db.charge(p)
		if p.old != nil || p.nu != nil {
			p.apply(db, false)
		}
		if uses[j.t.name] == nil {
			uses[j.t.name] = &usage{}
		}
		uses[j.t.name].add(p.use)
	}
	if throttled == len(jobs) {
		return nil, lastErr
	}
	out.ConsumedCapacity = ccList(in.ReturnConsumedCapacity, uses)
	return out, nil
}
