package dynamodb

import (
	"fmt"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// streamRetention is how long stream records stay readable (aws-facts
// ddb.streams.retention).
const streamRetention = 24 * time.Hour

// StreamRecord is one change in a table's stream, shaped like the "dynamodb"
// part of a DynamoDB Streams record.
type StreamRecord struct {
	EventName                   string        `json:"eventName"` // INSERT, MODIFY, REMOVE
	ApproximateCreationDateTime float64       `json:"ApproximateCreationDateTime"`
	Keys                        Item          `json:"Keys"`
	NewImage                    Item          `json:"NewImage,omitempty"`
	OldImage                    Item          `json:"OldImage,omitempty"`
	SequenceNumber              string        `json:"SequenceNumber"`
	SizeBytes                   int           `json:"SizeBytes"`
	StreamViewType              string        `json:"StreamViewType"`
	UserIdentity                *UserIdentity `json:"userIdentity,omitempty"`
}

// UserIdentity marks deletions done by the TTL process.
type UserIdentity struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
}

func (db *DB) logStream(t *table, old, nu Item, ttl bool) {
	if t.stream == nil || !t.stream.StreamEnabled {
		return
	}
	now := db.clk.Now()
	src := nu
	ev := "MODIFY"
	switch {
	case old == nil:
		ev = "INSERT"
	case nu == nil:
		ev, src = "REMOVE", old
	}
	t.streamSeq++
	r := StreamRecord{EventName: ev, ApproximateCreationDateTime: float64(now.Unix()), Keys: t.keyItem(src),
		SequenceNumber: fmt.Sprintf("%021d", t.streamSeq), StreamViewType: t.stream.StreamViewType}
	switch t.stream.StreamViewType {
	case "NEW_IMAGE":
		r.NewImage = nu
	case "OLD_IMAGE":
		r.OldImage = old
	case "NEW_AND_OLD_IMAGES":
		r.NewImage, r.OldImage = nu, old
	}
	r.SizeBytes = r.Keys.Size() + r.NewImage.Size() + r.OldImage.Size()
	if ttl {
		r.UserIdentity = &UserIdentity{Type: "Service", PrincipalID: "dynamodb.amazonaws.com"}
	}
	t.streamLog = append(t.streamLog, r)
	db.pruneStream(t)
}

func (db *DB) pruneStream(t *table) {
	cut := float64(db.clk.Now().Add(-streamRetention).Unix())
	i := 0
	for i < len(t.streamLog) && t.streamLog[i].ApproximateCreationDateTime < cut {
		i++
	}
	t.streamLog = t.streamLog[i:]
}

// StreamRecords returns the table's stream records still within the 24 h
// retention, oldest first.
func (db *DB) StreamRecords(table string) ([]StreamRecord, error) {
	t, err := db.table(table)
	if err != nil {
		return nil, err
	}
	db.pruneStream(t)
	return append([]StreamRecord(nil), t.streamLog...), nil
}

// TimeToLiveSpecification enables or disables TTL on an attribute.
type TimeToLiveSpecification struct {
	Enabled       bool   `json:"Enabled"`
	AttributeName string `json:"AttributeName"`
}

// UpdateTimeToLiveInput is the UpdateTimeToLive request.
type UpdateTimeToLiveInput struct {
	TableName               string                  `json:"TableName"`
	TimeToLiveSpecification TimeToLiveSpecification `json:"TimeToLiveSpecification"`
}

// UpdateTimeToLiveOutput is the UpdateTimeToLive response.
type UpdateTimeToLiveOutput struct {
	TimeToLiveSpecification TimeToLiveSpecification `json:"TimeToLiveSpecification"`
}

// TimeToLiveDescription reports TTL status.
type TimeToLiveDescription struct {
	TimeToLiveStatus string `json:"TimeToLiveStatus"`
	AttributeName    string `json:"AttributeName,omitempty"`
}

// DescribeTimeToLiveOutput is the DescribeTimeToLive response.
type DescribeTimeToLiveOutput struct {
	TimeToLiveDescription TimeToLiveDescription `json:"TimeToLiveDescription"`
}

// UpdateTimeToLive turns TTL on or off.
func (db *DB) UpdateTimeToLive(in *UpdateTimeToLiveInput) (*UpdateTimeToLiveOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	s := in.TimeToLiveSpecification
	if s.AttributeName == "" {
		return nil, validationf("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null")
	}
	if s.Enabled && t.ttlOn {
		return nil, validationf("TimeToLive is already enabled")
	}
	if !s.Enabled && !t.ttlOn {
		return nil, validationf("TimeToLive is already disabled")
	}
	t.ttlOn, t.ttlAttr = s.Enabled, s.AttributeName
	return &UpdateTimeToLiveOutput{TimeToLiveSpecification: s}, nil
}

// DescribeTimeToLive reports whether TTL is on.
func (db *DB) DescribeTimeToLive(in *TableNameInput) (*DescribeTimeToLiveOutput, error) {
	t, err := db.namedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	if !t.ttlOn {
		return &DescribeTimeToLiveOutput{TimeToLiveDescription: TimeToLiveDescription{TimeToLiveStatus: "DISABLED"}}, nil
	}
	return &DescribeTimeToLiveOutput{TimeToLiveDescription: TimeToLiveDescription{TimeToLiveStatus: "ENABLED", AttributeName: t.ttlAttr}}, nil
}

// SweepTTL is the background TTL process: it deletes, free of charge, items
// whose TTL attribute (epoch seconds, a Number) is at least delay in the
// past. Until a sweep runs, expired items still appear in reads, as on AWS.
// It returns how many items were deleted.
func (db *DB) SweepTTL(delay time.Duration) int {
	now := db.clk.Now().Add(-delay).Unix()
	n := 0
	for _, name := range sortedNames(db.tables) {
		t := db.tables[name]
		if !t.ttlOn {
			continue
		}
		var victims []Item
		for _, g := range t.st.order {
			for _, r := range g.recs {
				v, ok := r.item[t.ttlAttr]
				if !ok || v.T != attr.TN {
					continue
				}
				if sec, ok := v.N.Int64(); ok && sec <= now {
					victims = append(victims, r.item)
				}
			}
		}
		for _, it := range victims {
			p := t.plan(it, nil, false)
			p.apply(db, true)
			n++
		}
	}
	return n
}
