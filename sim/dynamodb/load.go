package dynamodb

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// LoadSpec describes synthetic traffic for Load.
type LoadSpec struct {
	Table string `json:"Table"`
	// Op is PutItem, UpdateItem, GetItem (eventual), GetItemStrong or Query.
	Op string `json:"Op"`
	// Keys is how many distinct partition keys the traffic touches (≥ 1).
	Keys int `json:"Keys"`
	// Distribution is "uniform", "hot" (HotFraction of requests go to key 0)
	// or "zipf" (a few keys take most of the traffic).
	Distribution string  `json:"Distribution"`
	HotFraction  float64 `json:"HotFraction,omitempty"`
	// Rate is requests per second, spread evenly over each second.
	Rate float64 `json:"Rate"`
	// Seconds is how long to run.
	Seconds int `json:"Seconds"`
	// ItemBytes is the size of the payload attribute written by puts.
	ItemBytes int `json:"ItemBytes,omitempty"`
	// GSIKey, when set, is written as attribute "gsi" on every put, so
	// the load also feeds a GSI keyed on it.
	GSIKey bool   `json:"GSIKey,omitempty"`
	Seed   uint64 `json:"Seed,omitempty"`
}

// LoadSecond is one second of a load run.
type LoadSecond struct {
	Second      int     `json:"Second"`
	Requests    int     `json:"Requests"`
	OK          int     `json:"OK"`
	Throttled   int     `json:"Throttled"`
	ConsumedRCU float64 `json:"ConsumedRCU"`
	ConsumedWCU float64 `json:"ConsumedWCU"`
}

// LoadResult is the per-second series of a load run plus totals.
type LoadResult struct {
	Series    []LoadSecond `json:"Series"`
	OK        int          `json:"OK"`
	Throttled int          `json:"Throttled"`
}

// Load drives synthetic traffic against a table on a virtual clock and
// reports, per second, the capacity consumed and the requests throttled.
// The DB's clock must be advanceable (clock.Virtual).
func Load(db *DB, spec LoadSpec) (*LoadResult, error) {
	adv, ok := db.clk.(advancer)
	if !ok {
		return nil, validationf("Load needs a virtual clock")
	}
	t, err := db.table(spec.Table)
	if err != nil {
		return nil, err
	}
	if spec.Rate <= 0 || spec.Seconds <= 0 || spec.Seconds > 86400 || spec.Rate > 1e6 {
		return nil, validationf("Rate must be in (0, 1000000] and Seconds in [1, 86400]")
	}
	if spec.Keys < 1 {
		spec.Keys = 1
	}
	rng := rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x9e3779b97f4a7c15))
	var zipf *rand.Zipf
	if spec.Distribution == "zipf" && spec.Keys > 1 {
		zipf = rand.NewZipf(rng, 1.2, 1, uint64(spec.Keys-1))
	}
	pick := func() int {
		switch spec.Distribution {
		case "hot":
			if rng.Float64() < spec.HotFraction {
				return 0
			}
			return rng.IntN(spec.Keys)
		case "zipf":
			if zipf != nil {
				return int(zipf.Uint64())
			}
			return 0
		}
		return rng.IntN(spec.Keys)
	}
	keyVal := func(kd keyDef, s string) attr.Value {
		switch kd.typ {
		case attr.TN:
			return attr.Num(strings.TrimPrefix(s, "k"))
		case attr.TB:
			return attr.Bin([]byte(s))
		}
		return attr.Str(s)
	}
	payload := strings.Repeat("x", max(0, spec.ItemBytes))
	res := &LoadResult{}
	step := time.Duration(float64(time.Second) / spec.Rate)
	carry := 0.0
	for sec := 0; sec < spec.Seconds; sec++ {
		ls := LoadSecond{Second: sec}
		carry += spec.Rate
		n := int(math.Floor(carry))
		carry -= float64(n)
		start := db.clk.Now()
		for i := 0; i < n; i++ {
			k := pick()
			key := Item{t.hash.name: keyVal(t.hash, "k"+strconv.Itoa(k))}
			if t.rng != nil {
				key[t.rng.name] = keyVal(*t.rng, "k0")
			}
			cc, err := loadOne(db, t, spec, key, payload, i)
			ls.Requests++
			switch {
			case err == nil:
				ls.OK++
				if cc != nil {
					if spec.Op == "GetItem" || spec.Op == "GetItemStrong" || spec.Op == "Query" {
						ls.ConsumedRCU += cc.CapacityUnits
					} else {
						ls.ConsumedWCU += cc.CapacityUnits
					}
				}
			case ErrorType(err) == ErrProvisioned || ErrorType(err) == ErrThrottling || ErrorType(err) == ErrRequestLimit:
				ls.Throttled++
			default:
				return nil, fmt.Errorf("load %s: %w", spec.Op, err)
			}
			adv.Advance(step)
		}
		if rest := start.Add(time.Second).Sub(db.clk.Now()); rest > 0 {
			adv.Advance(rest)
		}
		res.OK += ls.OK
		res.Throttled += ls.Throttled
		res.Series = append(res.Series, ls)
	}
	return res, nil
}

func loadOne(db *DB, t *table, spec LoadSpec, key Item, payload string, i int) (*ConsumedCapacity, error) {
	switch spec.Op {
	case "PutItem":
		item := key.Clone()
		if payload != "" {
			item["data"] = attr.Str(payload)
		}
		if spec.GSIKey {
			item["gsi"] = attr.Str("g" + strconv.Itoa(i%10))
		}
		out, err := db.PutItem(&PutItemInput{TableName: t.name, Item: item, ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			return nil, err
		}
		return out.ConsumedCapacity, nil
	case "UpdateItem":
		out, err := db.UpdateItem(&UpdateItemInput{TableName: t.name, Key: key, UpdateExpression: "ADD hits :one",
			ExpressionAttributeValues: map[string]attr.Value{":one": attr.Num("1")}, ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			return nil, err
		}
		return out.ConsumedCapacity, nil
	case "GetItem", "GetItemStrong":
		out, err := db.GetItem(&GetItemInput{TableName: t.name, Key: key, ConsistentRead: spec.Op == "GetItemStrong", ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			return nil, err
		}
		return out.ConsumedCapacity, nil
	case "Query":
		out, err := db.Query(&QueryInput{TableName: t.name, KeyConditionExpression: "#k = :k",
			ExpressionAttributeNames:  map[string]string{"#k": t.hash.name},
			ExpressionAttributeValues: map[string]attr.Value{":k": key[t.hash.name]}, ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			return nil, err
		}
		return out.ConsumedCapacity, nil
	}
	return nil, validationf("unknown load operation: " + spec.Op)
}

// TableMetrics is the simulator's view of a table's throughput state, for
// consoles that draw bucket levels.
type TableMetrics struct {
	Partitions  int     `json:"Partitions"`
	OnDemand    bool    `json:"OnDemand"`
	ReadTokens  float64 `json:"ReadTokens"`  // table bucket incl. burst
	WriteTokens float64 `json:"WriteTokens"` // table bucket incl. burst
	ReadBurst   float64 `json:"ReadBurstCapacity"`
	WriteBurst  float64 `json:"WriteBurstCapacity"`
	// ReadAllowance and WriteAllowance are the on-demand per-second limits.
	ReadAllowance  float64 `json:"ReadAllowance,omitempty"`
	WriteAllowance float64 `json:"WriteAllowance,omitempty"`
}

// Metrics reports a table's (or, with index set, a GSI's) throughput state.
func (db *DB) Metrics(table, index string) (*TableMetrics, error) {
	t, err := db.table(table)
	if err != nil {
		return nil, err
	}
	thr := t.thr
	if index != "" {
		thr = nil
		for _, g := range t.gsis {
			if g.name == index {
				thr = g.thr
			}
		}
		if thr == nil {
			return nil, validationf("The table does not have the specified index: " + index)
		}
	}
	now := db.clk.Now()
	m := &TableMetrics{Partitions: thr.nparts, OnDemand: thr.onDemand,
		ReadTokens: thr.read.table.Level(now), WriteTokens: thr.write.table.Level(now),
		ReadBurst: thr.read.table.Capacity(), WriteBurst: thr.write.table.Capacity()}
	if thr.onDemand {
		m.ReadAllowance, m.WriteAllowance = thr.read.allowance(), thr.write.allowance()
	}
	return m, nil
}
