package sns

import "testing"

// BenchmarkQuick is one lab run: 1,000 orders through a topic with three
// SQS subscribers, two of them filtered.
func BenchmarkQuick(b *testing.B) {
	o := QuickOptions{Orders: 1000, Customers: 50, FraudPolicy: FraudWants, ShippingPolicy: ShippingWants, Seed: 1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Quick(o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch is one attribute policy matched against one message.
func BenchmarkMatch(b *testing.B) {
	lim := DefaultLimits()
	p, err := ParsePolicy(FraudWants, ScopeAttributes, lim)
	if err != nil {
		b.Fatal(err)
	}
	m := Message{Attributes: map[string]Attribute{"event_type": str("order_placed"), "country": str("US"), "amount": num("150.5")}}
	b.ReportAllocs()
	for b.Loop() {
		p.Matches(m, lim)
	}
}
