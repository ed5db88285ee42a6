package sns

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/saa-study/saa-study/sim/say"
)

// Workload generates order events: each has the attributes event_type
// (order_placed, order_cancelled or order_refunded), country, amount
// (Number, USD) and tier, the same fields in a JSON body (with the tier
// under customer), and the customer as its message group.
type Workload struct {
	Orders int `json:"orders" yaml:"orders"`
	// Customers is how many message groups the orders spread over.
	Customers int    `json:"customers" yaml:"customers"`
	Seed      uint64 `json:"seed" yaml:"seed"`
}

func (w Workload) messages() []Message {
	r := rand.New(rand.NewPCG(w.Seed, w.Seed^0x5eed))
	customers := max(w.Customers, 1)
	countries := []string{"US", "US", "US", "CA", "DE", "KR", "GB"}
	tiers := []string{"standard", "standard", "gold"}
	out := make([]Message, 0, w.Orders)
	for i := range w.Orders {
		ev := "order_placed"
		switch x := r.Float64(); {
		case x > 0.92:
			ev = "order_refunded"
		case x > 0.8:
			ev = "order_cancelled"
		}
		country := countries[r.IntN(len(countries))]
		// amounts from $5 to $500, log-uniform, in cents
		amount := math.Round(5*math.Pow(100, r.Float64())*100) / 100
		tier := tiers[r.IntN(len(tiers))]
		cust := fmt.Sprintf("c-%d", r.IntN(customers)+1)
		amt := strconv.FormatFloat(amount, 'f', 2, 64)
		out = append(out, Message{
			Body: bodyJSON(map[string]any{"order_id": fmt.Sprintf("o-%d", i+1), "event_type": ev, "country": country,
				"amount": amount, "customer": map[string]any{"id": cust, "tier": tier}}),
			Attributes: map[string]Attribute{
				"event_type": {Type: "String", Value: ev},
				"country":    {Type: "String", Value: country},
				"amount":     {Type: "Number", Value: amt},
				"tier":       {Type: "String", Value: tier},
			},
			GroupID: cust,
		})
	}
	return out
}

// SubResult is what one subscriber received.
type SubResult struct {
	Protocol string `json:"protocol"`
	// Delivered passed the filter policy and reached the subscriber.
	Delivered int `json:"delivered"`
	// FilteredOut are the messages the filter policy kept away.
	FilteredOut int `json:"filtered_out"`
	// Wanted are the messages the subscriber needs (its wants policy).
	Wanted int `json:"wanted"`
	// Unwanted were delivered though not needed; Missed were needed but
	// filtered out.
	Unwanted int `json:"unwanted"`
	Missed   int `json:"missed"`
	// OutOfOrder counts messages read after a later message of the same
	// message group (customer).
	OutOfOrder int `json:"out_of_order"`
}

// Result is a publish run.
type Result struct {
	Published int `json:"published"`
	// Deliveries is the sum over subscriptions; FilteredOut likewise.
	Deliveries  int                  `json:"deliveries"`
	FilteredOut int                  `json:"filtered_out"`
	Subs        map[string]SubResult `json:"subs"`
	// Names are the subscriptions in the order they were given.
	Names       []string `json:"names"`
	FIFOTopic   bool     `json:"fifo_topic"`
	Explanation string   `json:"explanation"`
	// ExplanationKo is the explanation in Korean.
	ExplanationKo string `json:"explanation_ko"`
	// Received is, per subscription, how many messages it had received
	// after each Step published messages (for a chart; not in the JSON).
	// Step is 1 up to chartPoints messages, so a chart's x is the message.
	Received map[string][]float64 `json:"-"`
	Step     int                  `json:"-"`
}

// Delivery timing of the model, in milliseconds: a publish every gapMs; a
// standard topic delivers after baseMs plus up to jitterMs, a FIFO topic
// after baseMs in order; a standard queue hands messages out up to
// jitterMs apart from their arrival, a FIFO queue in arrival order within a
// group.
const (
	chartPoints = 20000
	gapMs       = 5
	baseMs      = 20
	jitterMs    = 60
)

// Run validates the topic and subscriptions as SNS would, publishes the
// messages and returns what each subscriber received.
func Run(c Config) (Result, error) {
	return RunWith(c, DefaultLimits())
}

// sub is a subscription with its policies parsed.
type sub struct {
	s             Subscription
	filter, wants *Policy
}

// Validate checks the topic, subscriptions and messages as SNS would on
// Subscribe and Publish, without publishing the workload.
func (c Config) Validate(lim Limits) error {
	_, err := c.prepare(lim)
	return err
}

func (c Config) prepare(lim Limits) ([]sub, error) {
	if len(c.Subscriptions) == 0 {
		return nil, refuse("the topic has no subscriptions")
	}
	if len(c.Subscriptions) > lim.PoliciesPerTopic {
		return nil, &Error{Code: "FilterPolicyLimitExceededException", Message: fmt.Sprintf("Filter policy limit exceeded: at most %d filter policies per topic", lim.PoliciesPerTopic), Fact: "sns.filter.per_topic"}
	}
	if len(c.Messages) == 0 {
		if c.Workload.Orders <= 0 {
			return nil, refuse("nothing to publish: give workload.orders or messages")
		}
		if c.Workload.Orders > maxOrders {
			return nil, refuse("at most %s orders in one run", comma(maxOrders))
		}
	}
	if err := checkMessages(c.FIFO, c.Messages); err != nil {
		return nil, err
	}
	subs := make([]sub, 0, len(c.Subscriptions))
	seen := map[string]bool{}
	for _, s := range c.Subscriptions {
		if !nameRe().MatchString(s.Name) || seen[s.Name] {
			return nil, refuse("subscription name %q: use 1 to 80 letters, digits, - and _ (like a queue name), each name once", s.Name)
		}
		seen[s.Name] = true
		f, w, err := subscribe(c.FIFO, s, lim)
		if err != nil {
			return nil, err
		}
		subs = append(subs, sub{s, f, w})
	}
	return subs, nil
}

// nameRe is what a subscription name may be: a queue's or function's name.
// (Compiled on first use: the counted repeat makes a large program, and a
// start that loads no scenario should not pay for it.)
var nameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`) })

// maxOrders bounds a generated workload.
const maxOrders = 1_000_000

// RunWith is Run with other limits.
func RunWith(c Config, lim Limits) (Result, error) {
	subs, err := c.prepare(lim)
	if err != nil {
		return Result{}, err
	}
	msgs := c.Messages
	if len(msgs) == 0 {
		msgs = c.Workload.messages()
	}
	res := Result{Published: len(msgs), Subs: map[string]SubResult{}, FIFOTopic: c.FIFO,
		Received: map[string][]float64{}, Step: max(1, (len(msgs)+chartPoints-1)/chartPoints)}
	rng := rand.New(rand.NewPCG(c.Workload.Seed+1, 0x0dd))
	for _, s := range subs {
		r := SubResult{Protocol: s.s.Protocol}
		type arrival struct {
			at        float64
			group     string
			seq, from int
		}
		var got []arrival
		for i, m := range msgs {
			pass := s.filter.Matches(m, lim)
			want := s.wants.Matches(m, lim)
			if want {
				r.Wanted++
			}
			switch {
			case pass && !want:
				r.Unwanted++
			case !pass && want:
				r.Missed++
			}
			if !pass {
				r.FilteredOut++
			} else {
				r.Delivered++
			}
			if (i+1)%res.Step == 0 || i == len(msgs)-1 {
				res.Received[s.s.Name] = append(res.Received[s.s.Name], float64(r.Delivered))
			}
			if !pass {
				continue
			}
			at := float64(i*gapMs + baseMs)
			if !c.FIFO {
				at += rng.Float64() * jitterMs
			}
			if s.s.Protocol == SQS && !s.s.FIFOQueue {
				at += rng.Float64() * jitterMs
			}
			got = append(got, arrival{at: at, group: m.GroupID, seq: i})
		}
		sort.SliceStable(got, func(i, j int) bool { return got[i].at < got[j].at })
		last := map[string]int{}
		for _, a := range got {
			if p, ok := last[a.group]; ok && a.seq < p {
				r.OutOfOrder++
				continue
			}
			last[a.group] = a.seq
		}
		res.Subs[s.s.Name] = r
		res.Names = append(res.Names, s.s.Name)
		res.Deliveries += r.Delivered
		res.FilteredOut += r.FilteredOut
	}
	res.Explanation, res.ExplanationKo = explain(c, res)
	return res, nil
}

// checkMessages refuses what Publish would: a FIFO topic needs a message
// group; a Number attribute must be a number.
func checkMessages(fifo bool, msgs []Message) error {
	for i, m := range msgs {
		if fifo && m.GroupID == "" {
			return &Error{Code: ErrInvalidParameter, Message: fmt.Sprintf("Invalid parameter: The MessageGroupId parameter is required for FIFO topics (message %d)", i+1)}
		}
		for k, a := range m.Attributes {
			switch {
			case a.Type == "Number" || strings.HasPrefix(a.Type, "Number."):
				if _, err := strconv.ParseFloat(a.Value, 64); err != nil {
					return &Error{Code: ErrInvalidParameter, Message: fmt.Sprintf("Invalid parameter: Could not cast message attribute '%s' value to number (message %d)", k, i+1)}
				}
			case a.Type == "String" || a.Type == "String.Array" || a.Type == "Binary":
			default:
				return &Error{Code: ErrInvalidParameter, Message: fmt.Sprintf("Invalid parameter: The message attribute '%s' has an invalid message attribute type %q (String, String.Array, Number or Binary)", k, a.Type)}
			}
		}
	}
	return nil
}

// explain says what the run shows, naming the fact behind it, in English
// and in Korean: which subscribers received messages they do not need,
// missed ones they need, or read a customer's messages out of order.
func explain(c Config, r Result) (en, ko string) {
	var unwanted, missed, reordered []string
	for i, n := range r.Names {
		s := r.Subs[n]
		if s.Unwanted > 0 {
			unwanted = append(unwanted, n+" "+comma(s.Unwanted))
		}
		if s.Missed > 0 {
			missed = append(missed, n+" "+comma(s.Missed))
		}
		if s.OutOfOrder > 0 && c.Subscriptions[i].Ordered {
			reordered = append(reordered, n+" "+comma(s.OutOfOrder))
		}
	}
	var parts []say.Text
	if len(unwanted) > 0 {
		parts = append(parts, say.Sprintf("Delivered but not needed: %s. A subscriber gets every message its filter policy matches, and its consumer pays to read and drop them.", strings.Join(unwanted, ", ")))
	}
	if len(missed) > 0 {
		parts = append(parts, say.Sprintf("Needed but filtered out: %s. Keys of a filter policy are ANDed; the values in one key's array are ORed.", strings.Join(missed, ", ")))
	}
	if len(reordered) > 0 {
		l := strings.Join(reordered, ", ")
		if c.FIFO {
			parts = append(parts, say.Sprintf("Read after a later message of the same customer: %s; a FIFO topic keeps each message group in order, but a standard queue hands messages out in best-effort order [sns.fifo.subscribers].", l))
		} else {
			parts = append(parts, say.Sprintf("Read after a later message of the same customer: %s; a standard topic delivers in best-effort order [sns.fifo.subscribers].", l))
		}
	}
	if len(parts) == 0 {
		t := say.Sprintf("Every subscriber received exactly what it needs: %s published, %s deliveries, %s kept away by filter policies.", comma(r.Published), comma(r.Deliveries), comma(r.FilteredOut))
		if c.FIFO {
			t = t.Add(say.Sprintf(" The FIFO topic kept each customer's messages in order for the subscribers that need it."))
		}
		return t.En, t.Ko
	}
	all := parts[0]
	for _, p := range parts[1:] {
		all = all.Add(say.Text{En: " ", Ko: " "}).Add(p)
	}
	return all.En, all.Ko
}

// comma writes n with thousands separators.
func comma(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
