// Package sns simulates an Amazon SNS topic fanning out to its
// subscriptions: standard and FIFO topics; SQS, Lambda, HTTP and e-mail
// subscribers; subscription filter policies with AWS's matching rules,
// limits and error messages; and how each subscriber receives a run of
// published messages (how many, which it did not want or missed, and in
// what order).
//
// Deliveries stop at the subscriber: an SQS queue counts what it receives
// and the order a consumer would read it in, a Lambda subscriber counts
// invocations. What a consumer then does is the other engines' job.
package sns

import "github.com/saa-study/saa-study/sim/say"

// Limits are the numbers SNS enforces on filter policies. Each field names
// the fact of content/facts.yaml it comes from.
type Limits struct {
	// KeysMax is the most keys a filter policy may have.
	// fact: sns.filter.keys_max
	KeysMax int
	// CombinationsMax is the most combinations of values a policy may have.
	// fact: sns.filter.combinations_max
	CombinationsMax int
	// PolicyKB is the largest filter policy, in KB.
	// fact: sns.filter.size_max
	PolicyKB int
	// NumericDecimals is the decimal accuracy of numeric matching.
	// fact: sns.filter.numeric_decimals
	NumericDecimals int
	// PoliciesPerTopic is the default quota of filter policies on a topic.
	// fact: sns.filter.per_topic
	PoliciesPerTopic int
}

// DefaultLimits returns the documented limits.
func DefaultLimits() Limits {
	return Limits{KeysMax: 5, CombinationsMax: 150, PolicyKB: 256, NumericDecimals: 5, PoliciesPerTopic: 200}
}

// Facts maps the limits to their fact ids, so a test can prove the engine
// enforces the numbers the notes teach.
func (l Limits) Facts() map[string]float64 {
	return map[string]float64{
		"sns.filter.keys_max":         float64(l.KeysMax),
		"sns.filter.combinations_max": float64(l.CombinationsMax),
		"sns.filter.size_max":         float64(l.PolicyKB),
		"sns.filter.numeric_decimals": float64(l.NumericDecimals),
		"sns.filter.per_topic":        float64(l.PoliciesPerTopic),
	}
}

// ErrInvalidParameter is the exception SNS answers invalid input with.
const ErrInvalidParameter = "InvalidParameterException"

// Error is an AWS-shaped error: the exception name, the message SNS gives,
// and the fact id of the limit that refused the input, if any.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fact    string `json:"fact,omitempty"`
	// MessageKo is the message in Korean where the simulator words it
	// itself; SNS's own messages stay as SNS writes them.
	MessageKo string `json:"-"`
}

// Error formats the error as "Code: message".
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// In formats the error as "Code: message" in lang ("en" or "ko").
func (e *Error) In(lang string) string {
	if lang == "ko" && e.MessageKo != "" {
		return e.Code + ": " + e.MessageKo
	}
	return e.Error()
}

// refuse is an InvalidParameterException the simulator words itself
// (SNS's own messages are quoted as they are), in both languages.
func refuse(format string, args ...any) *Error {
	t := say.Sprintf(format, args...)
	return &Error{Code: ErrInvalidParameter, Message: "Invalid parameter: " + t.En, MessageKo: t.Ko}
}

func (e *Error) withFact(id string) *Error { e.Fact = id; return e }

// Protocols a subscription may use.
const (
	SQS    = "sqs"
	Lambda = "lambda"
	HTTP   = "http"
	Email  = "email"
)

// Subscription is one subscriber of the topic.
type Subscription struct {
	Name string `json:"name" yaml:"name"`
	// Protocol is sqs, lambda, http or email.
	Protocol string `json:"protocol" yaml:"protocol"`
	// FIFOQueue makes an SQS subscriber a FIFO queue.
	FIFOQueue bool `json:"fifo_queue,omitempty" yaml:"fifo_queue"`
	// FilterPolicy is the subscription's filter policy (JSON), empty for none.
	FilterPolicy string `json:"filter_policy,omitempty" yaml:"filter_policy"`
	// Scope is MessageAttributes (the default) or MessageBody.
	Scope Scope `json:"scope,omitempty" yaml:"scope"`
	// Wants is a policy describing the messages this subscriber needs, to
	// count what it received without needing and what it missed. Empty:
	// it needs every message.
	Wants string `json:"wants,omitempty" yaml:"wants"`
	// Ordered marks a subscriber that needs each message group (customer)
	// in order: the run's explanation speaks of its out-of-order reads.
	Ordered bool `json:"ordered,omitempty" yaml:"ordered"`
}

// Config is a topic, its subscriptions and what is published to it.
type Config struct {
	// FIFO makes the topic a FIFO topic.
	FIFO          bool           `json:"fifo_topic" yaml:"fifo_topic"`
	Subscriptions []Subscription `json:"subscriptions" yaml:"subscriptions"`
	// Workload generates orders; Messages, when given, are published instead.
	Workload Workload  `json:"workload" yaml:"workload"`
	Messages []Message `json:"messages,omitempty" yaml:"messages"`
}

// subscribe checks a subscription as Subscribe does, and parses its
// policies.
func subscribe(fifoTopic bool, s Subscription, lim Limits) (filter, wants *Policy, err error) {
	switch s.Protocol {
	case SQS:
		if s.FIFOQueue && !fifoTopic {
			return nil, nil, &Error{Code: ErrInvalidParameter, Message: "Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics", Fact: "sns.fifo.subscribers"}
		}
	case Lambda, HTTP, Email:
		if fifoTopic {
			return nil, nil, &Error{Code: ErrInvalidParameter, Message: "Invalid parameter: Invalid protocol type: " + s.Protocol, Fact: "sns.fifo.subscribers"}
		}
		if s.FIFOQueue {
			return nil, nil, refuse("%s: fifo_queue is for sqs subscriptions only", s.Name)
		}
	default:
		return nil, nil, refuse("Invalid protocol type: %s (this simulator has sqs, lambda, http and email)", s.Protocol)
	}
	if filter, err = ParsePolicy(s.FilterPolicy, s.Scope, lim); err != nil {
		return nil, nil, err
	}
	if wants, err = ParsePolicy(s.Wants, s.Scope, lim); err != nil {
		e := *err.(*Error)
		if e.MessageKo != "" {
			e.MessageKo = "wants: " + e.MessageKo
		}
		e.Message = "wants: " + e.Message
		return nil, nil, &e
	}
	return filter, wants, nil
}
