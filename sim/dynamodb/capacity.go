package dynamodb

import (
	"math"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Capacity arithmetic (read-write-operations.html): reads are charged per
// 4 KB rounded up (strong 1, eventual 0.5, transactional 2 units), writes
// per 1 KB rounded up (1, transactional 2). Sizes below 1 byte still cost
// the minimum, which is what a miss pays.
const (
	readUnitBytes  = 4096
	writeUnitBytes = 1024
)

// ReadUnits is the RCU cost of reading size bytes in one request.
func ReadUnits(size int, consistent, transactional bool) float64 {
	u := math.Max(1, math.Ceil(float64(size)/readUnitBytes))
	switch {
	case transactional:
		return 2 * u
	case consistent:
		return u
	}
	return u / 2
}

// WriteUnits is the WCU cost of writing size bytes in one request.
func WriteUnits(size int, transactional bool) float64 {
	u := math.Max(1, math.Ceil(float64(size)/writeUnitBytes))
	if transactional {
		return 2 * u
	}
	return u
}

// usage collects the units one request consumes, per table and index.
type usage struct {
	table float64
	gsi   map[string]float64
	lsi   map[string]float64
	read  bool
	// txn marks a transaction's usage: only transactions report the
	// read/write split beside CapacityUnits.
	txn bool
}

func (u *usage) total() float64 {
	s := u.table
	for _, v := range u.gsi {
		s += v
	}
	for _, v := range u.lsi {
		s += v
	}
	return s
}

// add merges another request's usage (batch operations).
func (u *usage) add(o usage) {
	u.table += o.table
	for k, v := range o.gsi {
		if u.gsi == nil {
			u.gsi = map[string]float64{}
		}
		u.gsi[k] += v
	}
	for k, v := range o.lsi {
		if u.lsi == nil {
			u.lsi = map[string]float64{}
		}
		u.lsi[k] += v
	}
}

// consumed renders usage as ConsumedCapacity for mode TOTAL or INDEXES
// (nil for NONE or empty). Single-item, batch, Query and Scan answers carry
// CapacityUnits alone (and Table.CapacityUnits under INDEXES); only
// transactions add ReadCapacityUnits or WriteCapacityUnits.
func consumed(name, mode string, u usage) *ConsumedCapacity {
	if mode != "TOTAL" && mode != "INDEXES" {
		return nil
	}
	c := &ConsumedCapacity{TableName: name, CapacityUnits: u.total()}
	switch {
	case !u.txn:
	case u.read:
		c.ReadCapacityUnits = c.CapacityUnits
	default:
		c.WriteCapacityUnits = c.CapacityUnits
	}
	if mode == "INDEXES" {
		c.Table = &Capacity{CapacityUnits: u.table}
		conv := func(m map[string]float64) map[string]Capacity {
			if len(m) == 0 {
				return nil
			}
			out := map[string]Capacity{}
			for k, v := range m {
				out[k] = Capacity{CapacityUnits: v}
			}
			return out
		}
		c.GlobalSecondaryIndexes = conv(u.gsi)
		c.LocalSecondaryIndexes = conv(u.lsi)
	}
	return c
}

// indexWriteUnits is what one base write costs an index: nothing when the
// projected item does not change, one write for an insert or delete, the
// larger image when projected attributes change, and a delete plus a put
// when the index key changes.
func indexWriteUnits(ix *index, t *table, old, nu Item, transactional bool) float64 {
	o := ix.project(t, old)
	n := ix.project(t, nu)
	switch {
	case o == nil && n == nil:
		return 0
	case o == nil:
		return WriteUnits(n.Size(), transactional)
	case n == nil:
		return WriteUnits(o.Size(), transactional)
	}
	if !attr.Equal(o[ix.hash.name], n[ix.hash.name]) || (ix.rng != nil && !attr.Equal(o[ix.rng.name], n[ix.rng.name])) {
		return WriteUnits(o.Size(), transactional) + WriteUnits(n.Size(), transactional)
	}
	if attr.Equal(attr.Map(o), attr.Map(n)) {
		return 0
	}
	return WriteUnits(max(o.Size(), n.Size()), transactional)
}
