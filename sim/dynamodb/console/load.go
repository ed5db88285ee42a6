package console

import (
	"fmt"
	"math"
	"strconv"

	"github.com/saa-study/saa-study/sim/dynamodb"
)

// maxLoadRequests keeps one load command to a second or two. The limits a
// run is explained with (partition ceilings, on-demand start, burst) are the
// engine's own: dynamodb.PartitionWCU and the rest.
const maxLoadRequests = 2_000_000

// LoadRun is a finished load command, kept for a chart.
type LoadRun struct {
	Spec   dynamodb.LoadSpec
	Result *dynamodb.LoadResult
	// Read is set when the run read (GetItem, GetItemStrong, Query).
	Read bool
	// Why explains the outcome in one line.
	Why string
}

// Unit is the capacity unit the run consumed: RCU or WCU.
func (r *LoadRun) Unit() string {
	if r.Read {
		return "RCU"
	}
	return "WCU"
}

// Consumed is the capacity the whole run consumed.
func (r *LoadRun) Consumed() float64 {
	var sum float64
	for _, sec := range r.Result.Series {
		sum += sec.ConsumedWCU + sec.ConsumedRCU
	}
	return sum
}

// Totals is the run's one-line sum: ok, throttled, consumed.
func (r *LoadRun) Totals(l Lang) string {
	return fmt.Sprintf(text(l, "load.tot"), r.Result.OK, r.Result.Throttled, r.Consumed(), r.Unit())
}

// loadSpec reads the load command's flags.
func loadSpec(cmd *command, table string) (dynamodb.LoadSpec, error) {
	spec := dynamodb.LoadSpec{Table: table, Op: "PutItem", Keys: 1, Distribution: "uniform", Rate: 200, Seconds: 60, ItemBytes: 500, Seed: 1}
	if v := cmd.Flags["table"]; v != "" {
		spec.Table = v
	}
	if v := cmd.Flags["op"]; v != "" {
		spec.Op = v
	}
	if v := cmd.Flags["distribution"]; v != "" {
		spec.Distribution = v
	}
	num := func(name string, dst *float64) error {
		v, ok := cmd.Flags[name]
		if !ok {
			return nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("load: --%s wants a number, got %q", name, v)
		}
		*dst = f
		return nil
	}
	rate, secs, keys, bytes, hot := spec.Rate, float64(spec.Seconds), 1.0, float64(spec.ItemBytes), 0.8
	for _, f := range []struct {
		n string
		p *float64
	}{{"rate", &rate}, {"seconds", &secs}, {"keys", &keys}, {"item-bytes", &bytes}, {"hot-fraction", &hot}} {
		if err := num(f.n, f.p); err != nil {
			return spec, err
		}
	}
	switch {
	case spec.Table == "":
		return spec, fmt.Errorf("load: --table is required (no table yet)")
	case spec.Op != "PutItem" && spec.Op != "UpdateItem" && spec.Op != "GetItem" && spec.Op != "GetItemStrong" && spec.Op != "Query":
		return spec, fmt.Errorf("load: --op is PutItem, UpdateItem, GetItem, GetItemStrong or Query")
	case spec.Distribution != "uniform" && spec.Distribution != "hot" && spec.Distribution != "zipf":
		return spec, fmt.Errorf("load: --distribution is uniform, hot or zipf")
	case rate <= 0 || secs < 1 || secs > 86400 || keys < 1 || keys > 1e6 || bytes < 0 || bytes > 400_000 || hot < 0 || hot > 1:
		return spec, fmt.Errorf("load: --rate > 0, --seconds 1–86400, --keys 1–1000000, --item-bytes 0–400000, --hot-fraction 0–1")
	case rate*secs > maxLoadRequests:
		return spec, fmt.Errorf("load: at most %d requests per run (rate × seconds)", maxLoadRequests)
	}
	spec.Rate, spec.Seconds, spec.Keys, spec.ItemBytes = rate, int(secs), int(keys), int(bytes)
	if spec.Distribution == "hot" {
		spec.HotFraction = hot
	}
	spec.GSIKey = cmd.Flags["gsi"] == "true"
	return spec, nil
}

// load runs dynamodb.Load and explains the outcome in one line.
func (s *Console) load(r *Output, cmd *command) {
	spec, err := loadSpec(cmd, s.table)
	if err != nil {
		r.ErrType = "ParseError"
		r.Lines = append(r.Lines, Line{Error, err.Error()})
		return
	}
	s.table = spec.Table
	res, err := dynamodb.Load(s.db, spec)
	if err != nil {
		r.ErrType = dynamodb.ErrorType(err)
		r.Lines = append(r.Lines, Line{Error, cliError(spec.Op, err)})
		return
	}
	run := &LoadRun{Spec: spec, Result: res, Read: spec.Op == "GetItem" || spec.Op == "GetItemStrong" || spec.Op == "Query"}
	d, _ := s.db.DescribeTable(&dynamodb.TableNameInput{TableName: spec.Table})
	run.Why = explain(s.lang, run, d)
	r.Load = run
	r.Lines = append(r.Lines,
		Line{Info, fmt.Sprintf(text(s.lang, "load.sum"), spec.Op, spec.Rate, spec.Seconds, spec.Keys, spec.Distribution)},
		Line{Info, run.Totals(s.lang)},
		Line{Why, run.Why})
}

// unitsPerRequest is what one request of the run cost: measured from a
// second that got through, or estimated from the item size.
func unitsPerRequest(run *LoadRun) float64 {
	for _, sec := range run.Result.Series {
		if sec.OK > 0 {
			return (sec.ConsumedWCU + sec.ConsumedRCU) / float64(sec.OK)
		}
	}
	size := float64(run.Spec.ItemBytes + 20)
	switch run.Spec.Op {
	case "GetItem", "Query":
		return math.Ceil(size/4096) / 2
	case "GetItemStrong":
		return math.Ceil(size / 4096)
	}
	return math.Ceil(size / 1024)
}

// hotShare is the share of the traffic the busiest key gets.
func hotShare(spec dynamodb.LoadSpec) float64 {
	n := float64(max(spec.Keys, 1))
	switch spec.Distribution {
	case "hot":
		return spec.HotFraction + (1-spec.HotFraction)/n
	case "zipf":
		if spec.Keys <= 1 {
			return 1
		}
		// rand.NewZipf(s=1.2, v=1): P(k) ∝ (1+k)^-1.2.
		sum := 0.0
		for k := 0; k < spec.Keys && k < 100000; k++ {
			sum += math.Pow(1+float64(k), -1.2)
		}
		return 1 / sum
	}
	return 1 / n
}

// explain explains a load run in one line, citing the fact behind the limit
// that bit.
func explain(lang Lang, run *LoadRun, d *dynamodb.DescribeTableOutput) string {
	res := run.Result
	if res.Throttled == 0 {
		return text(lang, "why.none")
	}
	unit, ceiling, ceilFact := "WCU", float64(dynamodb.PartitionWCU), "ddb.partition.wcu"
	if run.Read {
		unit, ceiling, ceilFact = "RCU", dynamodb.PartitionRCU, "ddb.partition.rcu"
	}
	demand := run.Spec.Rate * unitsPerRequest(run)
	hot := demand * hotShare(run.Spec)
	first := 0
	for i, sec := range res.Series {
		if sec.Throttled > 0 {
			first = i
			break
		}
	}
	if d == nil {
		return fmt.Sprintf(text(lang, "why.generic"), res.Throttled)
	}
	tbl := d.Table
	onDemand := tbl.BillingModeSummary != nil && tbl.BillingModeSummary.BillingMode == "PAY_PER_REQUEST"
	if onDemand {
		if hot > ceiling {
			return fmt.Sprintf(text(lang, "why.hot"), hot, unit, ceiling, unit, ceilFact)
		}
		initial := float64(dynamodb.OnDemandWCU)
		if run.Read {
			initial = dynamodb.OnDemandRCU
		}
		return fmt.Sprintf(text(lang, "why.ondemand"), demand, unit, initial, unit)
	}
	var prov float64
	if pt := tbl.ProvisionedThroughput; pt != nil {
		prov = float64(pt.WriteCapacityUnits)
		if run.Read {
			prov = float64(pt.ReadCapacityUnits)
		}
	}
	if !run.Read && run.Spec.GSIKey {
		for _, g := range tbl.GlobalSecondaryIndexes {
			if g.ProvisionedThroughput != nil && float64(g.ProvisionedThroughput.WriteCapacityUnits) < run.Spec.Rate {
				return fmt.Sprintf(text(lang, "why.gsi"), g.IndexName, g.ProvisionedThroughput.WriteCapacityUnits, run.Spec.Rate)
			}
		}
	}
	if demand > prov {
		if first > 0 {
			return fmt.Sprintf(text(lang, "why.burst"), demand, unit, prov, unit, dynamodb.BurstSeconds, first)
		}
		return fmt.Sprintf(text(lang, "why.prov"), demand, unit, prov, unit, dynamodb.BurstSeconds)
	}
	if hot > ceiling {
		return fmt.Sprintf(text(lang, "why.hot"), hot, unit, ceiling, unit, ceilFact)
	}
	return fmt.Sprintf(text(lang, "why.generic"), res.Throttled)
}
