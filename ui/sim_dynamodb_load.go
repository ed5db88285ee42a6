package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/ui/components/chart"
	"github.com/saa-study/saa-study/ui/text"
)

// Partition ceilings and on-demand start values, from the facts file
// (ddb.partition.wcu, ddb.partition.rcu, ddb.ondemand.initial,
// ddb.burst.seconds). The engine enforces them; the console only uses them
// to explain a run.
const (
	ddbPartitionWCU    = 1000
	ddbPartitionRCU    = 3000
	ddbOnDemandWrites  = 4000
	ddbOnDemandReads   = 12000
	ddbBurstSeconds    = 300
	ddbMaxLoadRequests = 2_000_000 // keeps one load command to a second or two
)

// ddbLoadSpec reads the load command's flags.
func ddbLoadSpec(cmd *ddbCommand, table string) (dynamodb.LoadSpec, error) {
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
	case rate*secs > ddbMaxLoadRequests:
		return spec, fmt.Errorf("load: at most %d requests per run (rate × seconds)", ddbMaxLoadRequests)
	}
	spec.Rate, spec.Seconds, spec.Keys, spec.ItemBytes = rate, int(secs), int(keys), int(bytes)
	if spec.Distribution == "hot" {
		spec.HotFraction = hot
	}
	spec.GSIKey = cmd.Flags["gsi"] == "true"
	return spec, nil
}

// load runs dynamodb.Load and explains the outcome in one line.
func (s *ddbSession) load(lang content.Lang, r *ddbResult, cmd *ddbCommand) {
	spec, err := ddbLoadSpec(cmd, s.table)
	if err != nil {
		r.errType = "ParseError"
		r.lines = append(r.lines, ddbLine{ddbError, err.Error()})
		return
	}
	s.table = spec.Table
	res, err := dynamodb.Load(s.db, spec)
	if err != nil {
		r.errType = dynamodb.ErrorType(err)
		r.lines = append(r.lines, ddbLine{ddbError, ddbCLIError(spec.Op, err)})
		return
	}
	run := &ddbLoadRun{spec: spec, res: res, read: spec.Op == "GetItem" || spec.Op == "GetItemStrong" || spec.Op == "Query"}
	d, _ := s.db.DescribeTable(&dynamodb.TableNameInput{TableName: spec.Table})
	run.why = ddbWhy(lang, run, d)
	r.load = run
	unit := "WCU"
	var consumed float64
	for _, sec := range res.Series {
		consumed += sec.ConsumedWCU + sec.ConsumedRCU
	}
	if run.read {
		unit = "RCU"
	}
	r.lines = append(r.lines,
		ddbLine{ddbInfo, fmt.Sprintf(text.T(lang, "ddb.load.sum"), spec.Op, spec.Rate, spec.Seconds, spec.Keys, spec.Distribution)},
		ddbLine{ddbInfo, fmt.Sprintf(text.T(lang, "ddb.load.tot"), res.OK, res.Throttled, consumed, unit)},
		ddbLine{ddbWhyLine, run.why})
}

// ddbUnitsPerRequest is what one request of the run cost: measured from a
// second that got through, or estimated from the item size.
func ddbUnitsPerRequest(run *ddbLoadRun) float64 {
	for _, sec := range run.res.Series {
		if sec.OK > 0 {
			return (sec.ConsumedWCU + sec.ConsumedRCU) / float64(sec.OK)
		}
	}
	size := float64(run.spec.ItemBytes + 20)
	switch run.spec.Op {
	case "GetItem", "Query":
		return math.Ceil(size/4096) / 2
	case "GetItemStrong":
		return math.Ceil(size / 4096)
	}
	return math.Ceil(size / 1024)
}

// ddbHotShare is the share of the traffic the busiest key gets.
func ddbHotShare(spec dynamodb.LoadSpec) float64 {
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

// ddbWhy explains a load run in one line, citing the fact behind the limit
// that bit.
func ddbWhy(lang content.Lang, run *ddbLoadRun, d *dynamodb.DescribeTableOutput) string {
	res := run.res
	if res.Throttled == 0 {
		return text.T(lang, "ddb.why.none")
	}
	unit, ceiling, ceilFact := "WCU", float64(ddbPartitionWCU), "ddb.partition.wcu"
	if run.read {
		unit, ceiling, ceilFact = "RCU", ddbPartitionRCU, "ddb.partition.rcu"
	}
	demand := run.spec.Rate * ddbUnitsPerRequest(run)
	hot := demand * ddbHotShare(run.spec)
	first := 0
	for i, sec := range res.Series {
		if sec.Throttled > 0 {
			first = i
			break
		}
	}
	if d == nil {
		return fmt.Sprintf(text.T(lang, "ddb.why.generic"), res.Throttled)
	}
	tbl := d.Table
	onDemand := tbl.BillingModeSummary != nil && tbl.BillingModeSummary.BillingMode == "PAY_PER_REQUEST"
	if onDemand {
		if hot > ceiling {
			return fmt.Sprintf(text.T(lang, "ddb.why.hot"), hot, unit, ceiling, unit, ceilFact)
		}
		initial := float64(ddbOnDemandWrites)
		if run.read {
			initial = ddbOnDemandReads
		}
		return fmt.Sprintf(text.T(lang, "ddb.why.ondemand"), demand, unit, initial, unit)
	}
	var prov float64
	if pt := tbl.ProvisionedThroughput; pt != nil {
		prov = float64(pt.WriteCapacityUnits)
		if run.read {
			prov = float64(pt.ReadCapacityUnits)
		}
	}
	if !run.read && run.spec.GSIKey {
		for _, g := range tbl.GlobalSecondaryIndexes {
			if g.ProvisionedThroughput != nil && float64(g.ProvisionedThroughput.WriteCapacityUnits) < run.spec.Rate {
				return fmt.Sprintf(text.T(lang, "ddb.why.gsi"), g.IndexName, g.ProvisionedThroughput.WriteCapacityUnits, run.spec.Rate)
			}
		}
	}
	if demand > prov {
		if first > 0 {
			return fmt.Sprintf(text.T(lang, "ddb.why.burst"), demand, unit, prov, unit, first)
		}
		return fmt.Sprintf(text.T(lang, "ddb.why.prov"), demand, unit, prov, unit)
	}
	if hot > ceiling {
		return fmt.Sprintf(text.T(lang, "ddb.why.hot"), hot, unit, ceiling, unit, ceilFact)
	}
	return fmt.Sprintf(text.T(lang, "ddb.why.generic"), res.Throttled)
}

// ddbLoadChart draws OK and throttled requests and consumed capacity per
// second of the last load run.
func ddbLoadChart(st *Styles, lang content.Lang, run *ddbLoadRun, w, h int) string {
	if run == nil {
		return st.Muted.Render(text.T(lang, "ddb.nochart"))
	}
	n := len(run.res.Series)
	ok, thr, cap := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, s := range run.res.Series {
		ok[i], thr[i], cap[i] = float64(s.OK), float64(s.Throttled), s.ConsumedWCU+s.ConsumedRCU
	}
	unit := "WCU"
	if run.read {
		unit = "RCU"
	}
	series := []chart.Series{{Name: text.T(lang, "ddb.s.ok"), Data: ok}, {Name: text.T(lang, "ddb.s.throttled"), Data: thr}, {Name: unit + "/s", Data: cap}}
	c := chart.Line(st, series, w, h, float64(n), "s")
	return strings.TrimRight(c, "\n")
}
