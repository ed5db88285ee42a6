package dynamodb

import (
	"encoding/json"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// DAX in front of a DB (aws-facts ddb.dax.latency, ddb.dax.ttl): an item
// cache for GetItem and a query cache for Query and Scan, each with a TTL
// (5 minutes by default). Writes go through DAX to the table and then
// update the item cache (write-through), but they do not touch the query
// cache, so a cached Query can return stale results until its TTL ends.
// Strongly consistent reads are passed to the table and never cached.
// A hit costs no read capacity. Latencies are illustrative: a hit is
// answered in microseconds, a miss pays a DynamoDB round trip.
const (
	daxDefaultTTL   = 5 * time.Minute
	daxHitLatency   = 400 * time.Microsecond
	daxMissLatency  = 6 * time.Millisecond
	daxWriteLatency = 8 * time.Millisecond
)

// DAXConfig configures a DAX cluster. Zero values take the defaults.
type DAXConfig struct {
	ItemTTL  time.Duration `json:"ItemTTL,omitempty"`
	QueryTTL time.Duration `json:"QueryTTL,omitempty"`
	// HitLatency and MissLatency are what a cache hit and a pass-through
	// read cost the caller (defaults 400 µs and 6 ms).
	HitLatency  time.Duration `json:"HitLatency,omitempty"`
	MissLatency time.Duration `json:"MissLatency,omitempty"`
}

// DAXStats counts cache behaviour.
type DAXStats struct {
	ItemHits      int     `json:"ItemHits"`
	ItemMisses    int     `json:"ItemMisses"`
	QueryHits     int     `json:"QueryHits"`
	QueryMisses   int     `json:"QueryMisses"`
	PassThrough   int     `json:"StronglyConsistentPassThrough"`
	Writes        int     `json:"Writes"`
	RCUConsumed   float64 `json:"RCUConsumed"`
	TotalLatencyU int64   `json:"TotalLatencyMicros"`
}

// DAXResult is how one DAX call went.
type DAXResult struct {
	Hit           bool  `json:"Hit"`
	LatencyMicros int64 `json:"LatencyMicros"`
}

// daxEntry is a cached item (nil: cached absence) or query result. Stored
// items are never changed in place, so sharing them is safe.
type daxEntry struct {
	item    Item
	query   *QueryOutput
	expires time.Time
}

// DAX is a write-through cache in front of a DB.
type DAX struct {
	db    *DB
	cfg   DAXConfig
	items map[string]daxEntry
	query map[string]daxEntry
	stats DAXStats
}

// NewDAX puts a DAX cluster in front of db.
func NewDAX(db *DB, cfg DAXConfig) *DAX {
	if cfg.ItemTTL <= 0 {
		cfg.ItemTTL = daxDefaultTTL
	}
	if cfg.QueryTTL <= 0 {
		cfg.QueryTTL = daxDefaultTTL
	}
	if cfg.HitLatency <= 0 {
		cfg.HitLatency = daxHitLatency
	}
	if cfg.MissLatency <= 0 {
		cfg.MissLatency = daxMissLatency
	}
	return &DAX{db: db, cfg: cfg, items: map[string]daxEntry{}, query: map[string]daxEntry{}}
}

// Stats returns the counters so far.
func (d *DAX) Stats() DAXStats { return d.stats }

func (d *DAX) result(hit bool, lat time.Duration) DAXResult {
	d.stats.TotalLatencyU += lat.Microseconds()
	return DAXResult{Hit: hit, LatencyMicros: lat.Microseconds()}
}

func itemCacheKey(table string, t *table, key Item) string {
	return table + "\x00" + itemKey(t, key)
}

func rcu(c *ConsumedCapacity) float64 {
	if c == nil {
		return 0
	}
	return c.CapacityUnits
}

// GetItem answers from the item cache when it can. A miss reads the table
// (eventually consistent), caches the whole item (or its absence) and
// then applies the projection; a strongly consistent read bypasses the
// cache entirely.
func (d *DAX) GetItem(in *GetItemInput) (*GetItemOutput, DAXResult, error) {
	if in.ConsistentRead {
		out, err := d.db.GetItem(in)
		if err != nil {
			return nil, DAXResult{}, err
		}
		d.stats.PassThrough++
		return out, d.result(false, d.cfg.MissLatency), nil
	}
	t, err := d.db.table(in.TableName)
	if err != nil {
		return nil, DAXResult{}, err
	}
	if err := t.checkKey(in.Key); err != nil {
		return nil, DAXResult{}, err
	}
	now := d.db.clk.Now()
	k := itemCacheKey(in.TableName, t, in.Key)
	if e, ok := d.items[k]; ok && now.Before(e.expires) {
		out, err := d.project(in, e.item)
		if err != nil {
			return nil, DAXResult{}, err
		}
		d.stats.ItemHits++
		return out, d.result(true, d.cfg.HitLatency), nil
	}
	raw := *in
	raw.ProjectionExpression, raw.ExpressionAttributeNames = "", nil
	full, err := d.db.GetItem(&raw)
	if err != nil {
		return nil, DAXResult{}, err
	}
	d.stats.ItemMisses++
	d.stats.RCUConsumed += ReadUnits(full.Item.Size(), false, false)
	d.items[k] = daxEntry{item: full.Item, expires: now.Add(d.cfg.ItemTTL)}
	out, err := d.project(in, full.Item)
	if err != nil {
		return nil, DAXResult{}, err
	}
	out.ConsumedCapacity = full.ConsumedCapacity
	return out, d.result(false, d.cfg.MissLatency), nil
}

// project applies a GetItem's projection to a cached item by running the
// same validation the table does.
func (d *DAX) project(in *GetItemInput, item Item) (*GetItemOutput, error) {
	out := &GetItemOutput{Item: item}
	if in.ProjectionExpression == "" || item == nil {
		return out, nil
	}
	ctx, err := newCtx(in.ExpressionAttributeNames, nil)
	if err != nil {
		return nil, err
	}
	proj, err := expr.ParseProjection(ctx, in.ProjectionExpression)
	if err != nil {
		return nil, err
	}
	out.Item = expr.Project(item, proj)
	return out, nil
}

// Query answers from the query cache, keyed by the whole request. The
// query cache is not updated by writes.
func (d *DAX) Query(in *QueryInput) (*QueryOutput, DAXResult, error) {
	return d.cachedRead(in, d.db.Query)
}

// Scan shares the query cache with Query.
func (d *DAX) Scan(in *QueryInput) (*QueryOutput, DAXResult, error) {
	return d.cachedRead(in, d.db.Scan)
}

func (d *DAX) cachedRead(in *QueryInput, run func(*QueryInput) (*QueryOutput, error)) (*QueryOutput, DAXResult, error) {
	if in.ConsistentRead {
		out, err := run(in)
		if err != nil {
			return nil, DAXResult{}, err
		}
		d.stats.PassThrough++
		return out, d.result(false, d.cfg.MissLatency), nil
	}
	req, err := json.Marshal(in)
	if err != nil {
		return nil, DAXResult{}, err
	}
	k := string(req)
	now := d.db.clk.Now()
	if e, ok := d.query[k]; ok && now.Before(e.expires) {
		out := *e.query
		out.Items = append([]Item(nil), e.query.Items...)
		out.ConsumedCapacity = nil
		d.stats.QueryHits++
		return &out, d.result(true, d.cfg.HitLatency), nil
	}
	out, err := run(in)
	if err != nil {
		return nil, DAXResult{}, err
	}
	d.stats.QueryMisses++
	d.stats.RCUConsumed += rcu(out.ConsumedCapacity)
	saved := *out
	saved.Items = append([]Item(nil), out.Items...)
	d.query[k] = daxEntry{query: &saved, expires: now.Add(d.cfg.QueryTTL)}
	return out, d.result(false, d.cfg.MissLatency), nil
}

// cacheItem stores the post-write item in the item cache (write-through).
func (d *DAX) cacheItem(table string, key, item Item) {
	t := d.db.tables[table]
	if t == nil {
		return
	}
	d.items[itemCacheKey(table, t, key)] = daxEntry{item: item, expires: d.db.clk.Now().Add(d.cfg.ItemTTL)}
}

// PutItem writes through DAX: the table first, then the item cache.
func (d *DAX) PutItem(in *PutItemInput) (*ItemOutput, DAXResult, error) {
	out, err := d.db.PutItem(in)
	if err != nil {
		return nil, DAXResult{}, err
	}
	d.stats.Writes++
	d.cacheItem(in.TableName, in.Item, in.Item)
	return out, d.result(false, daxWriteLatency), nil
}

// UpdateItem writes through DAX and caches the item's new image.
func (d *DAX) UpdateItem(in *UpdateItemInput) (*ItemOutput, DAXResult, error) {
	out, err := d.db.UpdateItem(in)
	if err != nil {
		return nil, DAXResult{}, err
	}
	d.stats.Writes++
	if t := d.db.tables[in.TableName]; t != nil {
		d.cacheItem(in.TableName, in.Key, t.get(in.Key))
	}
	return out, d.result(false, daxWriteLatency), nil
}

// DeleteItem writes through DAX and caches the item's absence.
func (d *DAX) DeleteItem(in *DeleteItemInput) (*ItemOutput, DAXResult, error) {
	out, err := d.db.DeleteItem(in)
	if err != nil {
		return nil, DAXResult{}, err
	}
	d.stats.Writes++
	d.cacheItem(in.TableName, in.Key, nil)
	return out, d.result(false, daxWriteLatency), nil
}
