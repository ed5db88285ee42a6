package dynamodb

import "github.com/saa-study/saa-study/sim/dynamodb/attr"

// Facts maps the limits the engine enforces to the fact ids of the content
// facts file (in the facts' units), so a test can prove the simulator and
// the notes teach the same numbers.
func Facts() map[string]float64 {
	return map[string]float64{
		"ddb.partition.rcu":           PartitionRCU,
		"ddb.partition.wcu":           PartitionWCU,
		"ddb.burst.seconds":           BurstSeconds,
		"ddb.ondemand.initial_writes": OnDemandWCU,
		"ddb.ondemand.initial_reads":  OnDemandRCU,
		"ddb.item.max":                attr.MaxItemBytes / 1024,
		"ddb.read.unit_size":          readUnitBytes / 1024,
		"ddb.write.unit_size":         writeUnitBytes / 1024,
		"ddb.streams.retention":       streamRetention.Hours(),
		"ddb.dax.ttl":                 daxDefaultTTL.Minutes(),
	}
}
