package sns

import "fmt"

// QuickOptions is the scriptable twin of the SNS console and the engine
// the labs run: an order topic with three SQS subscribers. fraud needs the
// orders placed in the US above FraudMinUSD; shipping needs placed and
// cancelled orders, in each customer's order; analytics needs everything.
type QuickOptions struct {
	FIFOTopic bool `json:"fifo_topic"`
	// FIFOQueue makes the three queues FIFO queues.
	FIFOQueue      bool   `json:"fifo_queue"`
	Orders         int    `json:"orders"`
	Customers      int    `json:"customers"`
	FraudPolicy    string `json:"fraud_policy"`
	FraudScope     Scope  `json:"fraud_scope"`
	ShippingPolicy string `json:"shipping_policy"`
	Seed           uint64 `json:"seed"`
}

// FraudMinUSD is the order amount above which the fraud team wants an order.
const FraudMinUSD = 100

// FraudWants and ShippingWants are the messages those subscribers need
// (policies on the attributes; the body has the same top-level fields).
var (
	FraudWants    = fmt.Sprintf(`{"event_type":["order_placed"],"country":["US"],"amount":[{"numeric":[">",%d]}]}`, FraudMinUSD)
	ShippingWants = `{"event_type":["order_placed","order_cancelled"]}`
)

// QuickConfig is the topic QuickOptions describe.
func QuickConfig(o QuickOptions) Config {
	return Config{
		FIFO:     o.FIFOTopic,
		Workload: Workload{Orders: o.Orders, Customers: o.Customers, Seed: o.Seed},
		Subscriptions: []Subscription{
			{Name: "fraud", Protocol: SQS, FIFOQueue: o.FIFOQueue, FilterPolicy: o.FraudPolicy, Scope: o.FraudScope, Wants: FraudWants},
			{Name: "shipping", Protocol: SQS, FIFOQueue: o.FIFOQueue, FilterPolicy: o.ShippingPolicy, Wants: ShippingWants, Ordered: true},
			{Name: "analytics", Protocol: SQS, FIFOQueue: o.FIFOQueue},
		},
	}
}

// Quick publishes the orders of QuickOptions.
func Quick(o QuickOptions) (Result, error) { return Run(QuickConfig(o)) }
