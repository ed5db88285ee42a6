package dynamodb

import (
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// project returns the index's copy of item, or nil when the item lacks an
// index key attribute (sparse index) or is nil.
func (ix *index) project(t *table, item Item) Item {
	if item == nil {
		return nil
	}
	if _, ok := item[ix.hash.name]; !ok {
		return nil
	}
	if ix.rng != nil {
		if _, ok := item[ix.rng.name]; !ok {
			return nil
		}
	}
	if ix.proj.ProjectionType == "ALL" {
		return item
	}
	out := Item{}
	for _, k := range []string{t.hash.name, ix.hash.name} {
		out[k] = item[k]
	}
	if t.rng != nil {
		out[t.rng.name] = item[t.rng.name]
	}
	if ix.rng != nil {
		out[ix.rng.name] = item[ix.rng.name]
	}
	for _, k := range ix.proj.NonKeyAttributes {
		if v, ok := item[k]; ok {
			out[k] = v
		}
	}
	return out
}

func (ix *index) record(t *table, item Item) (attr.Value, *record) {
	p := ix.project(t, item)
	if p == nil {
		return attr.Value{}, nil
	}
	r := &record{item: p, size: p.Size()}
	if ix.rng != nil {
		r.sort = append(r.sort, p[ix.rng.name])
	}
	r.sort = append(r.sort, item[t.hash.name])
	if t.rng != nil {
		r.sort = append(r.sort, item[t.rng.name])
	}
	return p[ix.hash.name], r
}

// keyOf extracts the primary key of a full item.
func (t *table) keyOf(item Item) (attr.Value, []attr.Value) {
	if t.rng == nil {
		return item[t.hash.name], nil
	}
	return item[t.hash.name], []attr.Value{item[t.rng.name]}
}

func (t *table) keyItem(item Item) Item {
	k := Item{t.hash.name: item[t.hash.name]}
	if t.rng != nil {
		k[t.rng.name] = item[t.rng.name]
	}
	return k
}

func keySize(v attr.Value) int { return v.Size() }

func checkKeyValue(name string, kd keyDef, v attr.Value, isHash bool) error {
	if (v.T == attr.TS && v.S == "") || (v.T == attr.TB && len(v.B) == 0) {
		kind := "string"
		if v.T == attr.TB {
			kind = "binary"
		}
		return validationf("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty " + kind + " value. Key: " + name)
	}
	if v.T == attr.TN {
		return nil
	}
	if isHash && keySize(v) > maxHashKeyBytes {
		return invalid("Size of hashkey has exceeded the maximum size limit of2048 bytes")
	}
	if !isHash && keySize(v) > maxRangeKeyBytes {
		return invalid("Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
	}
	return nil
}

// checkKey validates a Key parameter against the schema.
func (t *table) checkKey(key Item) error {
	want := 1
	if t.rng != nil {
		want = 2
	}
	if key == nil {
		return validationf("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if len(key) != want {
		return validationf("The provided key element does not match the schema")
	}
	for i, kd := range []*keyDef{&t.hash, t.rng} {
		if kd == nil {
			continue
		}
		v, ok := key[kd.name]
		if !ok || v.T != kd.typ {
			return validationf("The provided key element does not match the schema")
		}
		if err := checkKeyValue(kd.name, *kd, v, i == 0); err != nil {
			return err
		}
	}
	return nil
}

// checkItem validates a full item to be stored.
func (t *table) checkItem(item Item) error {
	for i, kd := range []*keyDef{&t.hash, t.rng} {
		if kd == nil {
			continue
		}
		v, ok := item[kd.name]
		if !ok {
			return invalid("Missing the key " + kd.name + " in the item")
		}
		if v.T != kd.typ {
			return invalid("Type mismatch for key " + kd.name + " expected: " + string(kd.typ) + " actual: " + string(v.T))
		}
		if err := checkKeyValue(kd.name, *kd, v, i == 0); err != nil {
			return err
		}
	}
	for _, ix := range append(append([]*index{}, t.gsis...), t.lsis...) {
		for _, kd := range []*keyDef{&ix.hash, ix.rng} {
			if kd == nil {
				continue
			}
			if v, ok := item[kd.name]; ok && v.T != kd.typ {
				return invalid("Type mismatch for Index Key " + kd.name + " Expected: " + string(kd.typ) + " Actual: " + string(v.T) + " IndexName: " + ix.name)
			}
			if v, ok := item[kd.name]; ok && ((v.T == attr.TS && v.S == "") || (v.T == attr.TB && len(v.B) == 0)) {
				return validationf("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: " + ix.name + ", IndexKey: " + kd.name)
			}
		}
	}
	for _, v := range item {
		if v.Depth() > attr.MaxDepth {
			return invalid("Nesting Levels have exceeded supported limits")
		}
	}
	if item.Size() > attr.MaxItemBytes {
		return validationf("Item size has exceeded the maximum allowed size")
	}
	return nil
}

func (t *table) get(key Item) Item {
	item, _ := t.getSized(key)
	return item
}

// getSized is get with the item's size (Item.Size), kept since it was
// written.
func (t *table) getSized(key Item) (Item, int) {
	// the sort key's lookup bytes, as appendTupleKey writes a tuple of
	// one (or of none), without building the tuple
	var buf [64]byte
	k := buf[:0]
	if t.rng != nil {
		k = key[t.rng.name].AppendKey(k)
	}
	if r := t.st.lookup(key[t.hash.name], k); r != nil {
		return r.item, r.size
	}
	return nil, 0
}

// writePlan is a checked write, ready to be charged and applied.
type writePlan struct {
	t        *table
	old, nu  Item // nu nil means delete
	use      usage
	hashTok  uint64
	gsiParts map[*index]int
}

// plan computes the capacity a write costs on the table and each index.
func (t *table) plan(old, nu Item, transactional bool) *writePlan {
	p := &writePlan{t: t, old: old, nu: nu, gsiParts: map[*index]int{}}
	size := 0
	if old != nil {
		size = old.Size()
	}
	if nu != nil {
		size = max(size, nu.Size())
	}
	p.use.table = WriteUnits(size, transactional)
	src := nu
	if src == nil {
		src = old
	}
	p.hashTok = token(src[t.hash.name])
	for _, ix := range t.gsis {
		if u := indexWriteUnits(ix, t, old, nu, transactional); u > 0 {
			if p.use.gsi == nil {
				p.use.gsi = map[string]float64{}
			}
			p.use.gsi[ix.name] = u
			h, rec := ix.record(t, nu)
			if rec == nil {
				h, _ = ix.record(t, old)
			}
			p.gsiParts[ix] = ix.thr.partition(token(h))
		}
	}
	for _, ix := range t.lsis {
		if u := indexWriteUnits(ix, t, old, nu, transactional); u > 0 {
			if p.use.lsi == nil {
				p.use.lsi = map[string]float64{}
			}
			p.use.lsi[ix.name] = u
		}
	}
	return p
}

// tableWriteUnits is what the table's own write lane pays: the table plus
// its LSIs, which share the table's throughput.
func (p *writePlan) tableWriteUnits() float64 {
	u := p.use.table
	for _, v := range p.use.lsi {
		u += v
	}
	return u
}

// admit checks throttling for the table and every GSI the write touches.
func (db *DB) admit(p *writePlan) error {
	now := db.clk.Now()
	t := p.t
	if v := t.thr.check(now, false, t.thr.partition(p.hashTok), p.tableWriteUnits()); !v.ok() {
		return throttleErr(v, db.arn(t), false, false)
	}
	for _, ix := range t.gsis {
		if part, ok := p.gsiParts[ix]; ok {
			if v := ix.thr.check(now, false, part, p.use.gsi[ix.name]); !v.ok() {
				return throttleErr(v, db.arn(t)+"/index/"+ix.name, true, false)
			}
		}
	}
	return nil
}

// throttleErr builds the exception for a failed check, with a
// ThrottlingReason naming the table or index ARN.
func throttleErr(v verdict, arn string, index, read bool) error {
	msg := MsgTableThroughput
	switch {
	case v.exc == ErrThrottling:
		msg = MsgOnDemand
	case v.exc == ErrRequestLimit:
		msg = MsgAccountLimit
	case index:
		msg = MsgIndexThroughput
	}
	reason := "Table"
	if index {
		reason = "Index"
	}
	if read {
		reason += "Read"
	} else {
		reason += "Write"
	}
	return &ThrottleError{APIError: APIError{Type: v.exc, Message: msg},
		ThrottlingReasons: []ThrottlingReason{{Reason: reason + v.limit, Resource: arn}}}
}

// charge takes the plan's units from the buckets.
func (db *DB) charge(p *writePlan) {
	now := db.clk.Now()
	t := p.t
	t.thr.charge(now, false, t.thr.partition(p.hashTok), p.tableWriteUnits())
	for ix, part := range p.gsiParts {
		ix.thr.charge(now, false, part, p.use.gsi[ix.name])
	}
	db.maybeSplit(t)
}

// maybeSplit grows partition counts for size and on-demand growth.
func (db *DB) maybeSplit(t *table) {
	now := db.clk.Now()
	need := int((t.st.bytes + int64(t.st.count)*100 + partitionBytes - 1) / partitionBytes)
	od := t.onDemand && (t.thr.read.allowance() > float64(t.thr.nparts)*PartitionRCU || t.thr.write.allowance() > float64(t.thr.nparts)*PartitionWCU)
	if need > t.thr.nparts || od {
		t.thr.setRates(now, float64(t.pt.ReadCapacityUnits), float64(t.pt.WriteCapacityUnits), t.st.bytes+int64(t.st.count)*100)
	}
}

// apply stores the write in the table and its indexes and logs it to the stream.
func (p *writePlan) apply(db *DB, ttlDelete bool) {
	t := p.t
	if p.old != nil {
		h, s := t.keyOf(p.old)
		t.st.del(h, s)
		for _, ix := range append(append([]*index{}, t.gsis...), t.lsis...) {
			if h, r := ix.record(t, p.old); r != nil {
				ix.st.del(h, r.sort)
			}
		}
	}
	if p.nu != nil {
		h, s := t.keyOf(p.nu)
		t.st.put(h, &record{sort: s, item: p.nu, size: p.nu.Size()})
		for _, ix := range append(append([]*index{}, t.gsis...), t.lsis...) {
			if h, r := ix.record(t, p.nu); r != nil {
				ix.st.put(h, r)
			}
		}
	}
	db.logStream(t, p.old, p.nu, ttlDelete)
	db.afterApply(t, p.old, p.nu)
}

// collectionSize is the size an item collection (all items sharing a
// partition key, in the table and its LSIs) would have after the write.
func (p *writePlan) collectionSize() int64 {
	t := p.t
	src := p.nu
	if src == nil {
		src = p.old
	}
	h := src[t.hash.name]
	n := t.st.groupBytes(h)
	for _, ix := range t.lsis {
		n += ix.st.groupBytes(h)
	}
	for sign, it := range map[int64]Item{-1: p.old, 1: p.nu} {
		if it == nil {
			continue
		}
		n += sign * int64(it.Size())
		for _, ix := range t.lsis {
			if pr := ix.project(t, it); pr != nil {
				n += sign * int64(pr.Size())
			}
		}
	}
	return n
}
