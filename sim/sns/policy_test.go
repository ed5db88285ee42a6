package sns

import (
	"errors"
	"strings"
	"testing"
)

func str(v string) Attribute { return Attribute{Type: "String", Value: v} }
func num(v string) Attribute { return Attribute{Type: "Number", Value: v} }
func arr(v string) Attribute { return Attribute{Type: "String.Array", Value: v} }

// attrCases are the examples of the AWS guide's pages on filter policy
// operators (string-value-matching, numeric-value-matching,
// attribute-key-matching, and-or-logic, sns-message-filtering), each
// policy against a message that AWS says matches or does not.
var attrCases = []struct {
	name   string
	policy string
	attrs  map[string]Attribute
	want   bool
}{
	// exact string, OR within a key's array
	{"exact rugby", `{"customer_interests":["rugby","tennis"]}`, map[string]Attribute{"customer_interests": str("rugby")}, true},
	{"exact tennis", `{"customer_interests":["rugby","tennis"]}`, map[string]Attribute{"customer_interests": str("tennis")}, true},
	{"exact baseball", `{"customer_interests":["rugby","tennis"]}`, map[string]Attribute{"customer_interests": str("baseball")}, false},
	{"exact is case-sensitive", `{"customer_interests":["rugby"]}`, map[string]Attribute{"customer_interests": str("Rugby")}, false},
	{"string array element", `{"customer_interests":["rugby","tennis"]}`, map[string]Attribute{"customer_interests": arr(`["rugby","tennis"]`)}, true},
	{"string array no element", `{"customer_interests":["rugby","tennis"]}`, map[string]Attribute{"customer_interests": arr(`["baseball"]`)}, false},
	{"missing attribute", `{"customer_interests":["rugby"]}`, map[string]Attribute{"other": str("rugby")}, false},
	{"binary ignored", `{"customer_interests":["rugby"]}`, map[string]Attribute{"customer_interests": {Type: "Binary", Value: "cnVnYnk="}}, false},
	{"string does not match number", `{"price":["100"]}`, map[string]Attribute{"price": num("100")}, false},
	// anything-but
	{"anything-but list baseball", `{"customer_interests":[{"anything-but":["rugby","tennis"]}]}`, map[string]Attribute{"customer_interests": str("baseball")}, true},
	{"anything-but list rugby", `{"customer_interests":[{"anything-but":["rugby","tennis"]}]}`, map[string]Attribute{"customer_interests": str("rugby")}, false},
	{"anything-but array with another value", `{"customer_interests":[{"anything-but":["rugby","tennis"]}]}`, map[string]Attribute{"customer_interests": arr(`["rugby","baseball"]`)}, true},
	{"anything-but missing attribute", `{"customer_interests":[{"anything-but":"rugby"}]}`, map[string]Attribute{}, false},
	{"anything-but or exists false", `{"customer_interests":[{"anything-but":"rugby"},{"exists":false}]}`, map[string]Attribute{}, true},
	{"anything-but prefix bas", `{"event":[{"anything-but":{"prefix":"order-"}}]}`, map[string]Attribute{"event": str("data-entry")}, true},
	{"anything-but prefix order-", `{"event":[{"anything-but":{"prefix":"order-"}}]}`, map[string]Attribute{"event": str("order-cancelled")}, false},
	{"anything-but numeric", `{"price":[{"anything-but":[100,500]}]}`, map[string]Attribute{"price": num("101")}, true},
	{"anything-but numeric hit", `{"price":[{"anything-but":[100,500]}]}`, map[string]Attribute{"price": num("500")}, false},
	// prefix, suffix, equals-ignore-case
	{"prefix", `{"customer_interests":[{"prefix":"bas"}]}`, map[string]Attribute{"customer_interests": str("basketball")}, true},
	{"prefix miss", `{"customer_interests":[{"prefix":"bas"}]}`, map[string]Attribute{"customer_interests": str("rugby")}, false},
	{"suffix", `{"customer_interests":[{"suffix":"ball"}]}`, map[string]Attribute{"customer_interests": str("baseball")}, true},
	{"suffix miss", `{"customer_interests":[{"suffix":"ball"}]}`, map[string]Attribute{"customer_interests": str("rugby")}, false},
	{"equals-ignore-case", `{"customer_interests":[{"equals-ignore-case":"tennis"}]}`, map[string]Attribute{"customer_interests": str("TeNnis")}, true},
	{"equals-ignore-case miss", `{"customer_interests":[{"equals-ignore-case":"tennis"}]}`, map[string]Attribute{"customer_interests": str("baseball")}, false},
	{"prefix does not match number", `{"price":[{"prefix":"1"}]}`, map[string]Attribute{"price": num("100")}, false},
	// numeric exact and ranges
	{"numeric equals", `{"price_usd":[{"numeric":["=",301.5]}]}`, map[string]Attribute{"price_usd": num("301.5")}, true},
	{"numeric equals 3.015e2", `{"price_usd":[{"numeric":["=",301.5]}]}`, map[string]Attribute{"price_usd": num("3.015e2")}, true},
	{"numeric literal", `{"price_usd":[301.5]}`, map[string]Attribute{"price_usd": num("301.50")}, true},
	{"numeric less", `{"price_usd":[{"numeric":["<",0]}]}`, map[string]Attribute{"price_usd": num("-0.5")}, true},
	{"numeric less miss", `{"price_usd":[{"numeric":["<",0]}]}`, map[string]Attribute{"price_usd": num("0")}, false},
	{"numeric range in", `{"price_usd":[{"numeric":[">",0,"<=",150]}]}`, map[string]Attribute{"price_usd": num("150")}, true},
	{"numeric range low edge", `{"price_usd":[{"numeric":[">",0,"<=",150]}]}`, map[string]Attribute{"price_usd": num("0")}, false},
	{"numeric range above", `{"price_usd":[{"numeric":[">",0,"<=",150]}]}`, map[string]Attribute{"price_usd": num("150.00001")}, false},
	{"numeric five decimals", `{"price_usd":[{"numeric":["=",1.000001]}]}`, map[string]Attribute{"price_usd": num("1")}, true},
	{"numeric on a string", `{"price_usd":[{"numeric":[">",0]}]}`, map[string]Attribute{"price_usd": str("5")}, false},
	{"numeric in string array", `{"price_usd":[{"numeric":[">",100]}]}`, map[string]Attribute{"price_usd": arr(`[50, 150]`)}, true},
	// exists
	{"exists true", `{"store":[{"exists":true}]}`, map[string]Attribute{"store": str("example_corp")}, true},
	{"exists true missing", `{"store":[{"exists":true}]}`, map[string]Attribute{"event": str("order_placed")}, false},
	{"exists false", `{"store":[{"exists":false}]}`, map[string]Attribute{"event": str("order_placed")}, true},
	{"exists false present", `{"store":[{"exists":false}]}`, map[string]Attribute{"store": str("example_corp")}, false},
	// cidr
	{"cidr in", `{"source_ip":[{"cidr":"10.0.0.0/24"}]}`, map[string]Attribute{"source_ip": str("10.0.0.255")}, true},
	{"cidr out", `{"source_ip":[{"cidr":"10.0.0.0/24"}]}`, map[string]Attribute{"source_ip": str("10.0.1.0")}, false},
	{"cidr v6", `{"source_ip":[{"cidr":"2001:db8::/32"}]}`, map[string]Attribute{"source_ip": str("2001:db8::1")}, true},
	{"cidr not an ip", `{"source_ip":[{"cidr":"10.0.0.0/24"}]}`, map[string]Attribute{"source_ip": str("example")}, false},
	// AND across keys
	{"and all", `{"customer_interests":["rugby"],"price_usd":[{"numeric":[">",100]}]}`, map[string]Attribute{"customer_interests": str("rugby"), "price_usd": num("150")}, true},
	{"and one fails", `{"customer_interests":["rugby"],"price_usd":[{"numeric":[">",100]}]}`, map[string]Attribute{"customer_interests": str("rugby"), "price_usd": num("50")}, false},
	{"and one missing", `{"customer_interests":["rugby"],"price_usd":[{"numeric":[">",100]}]}`, map[string]Attribute{"customer_interests": str("rugby")}, false},
	{"unrelated attributes ignored", `{"customer_interests":["rugby"]}`, map[string]Attribute{"customer_interests": str("rugby"), "other": str("x")}, true},
	// $or
	{"$or first", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`, map[string]Attribute{"source": str("aws.cloudwatch"), "metricName": str("CPUUtilization")}, true},
	{"$or second", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`, map[string]Attribute{"source": str("aws.cloudwatch"), "namespace": str("AWS/EC2")}, true},
	{"$or neither", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`, map[string]Attribute{"source": str("aws.cloudwatch"), "namespace": str("AWS/S3")}, false},
	{"$or and outer fails", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`, map[string]Attribute{"source": str("aws.s3"), "namespace": str("AWS/EC2")}, false},
	// no policy
	{"empty policy", ``, map[string]Attribute{}, true},
}

func TestAttributePolicies(t *testing.T) {
	lim := DefaultLimits()
	for _, c := range attrCases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParsePolicy(c.policy, ScopeAttributes, lim)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Matches(Message{Attributes: c.attrs}, lim); got != c.want {
				t.Errorf("%s on %v: got %v, want %v", c.policy, c.attrs, got, c.want)
			}
		})
	}
}

// bodyCases are payload-based filtering: the same operators on the JSON
// body, with nesting (sns-message-filtering, payload-based examples).
var bodyCases = []struct {
	name, policy, body string
	want               bool
}{
	{"top level", `{"customer_interests":["rugby"]}`, `{"customer_interests":"rugby"}`, true},
	{"top level miss", `{"customer_interests":["rugby"]}`, `{"customer_interests":"baseball"}`, false},
	{"body array element", `{"customer_interests":["rugby"]}`, `{"customer_interests":["baseball","rugby"]}`, true},
	{"nested", `{"store":{"city":["Seattle"]}}`, `{"store":{"city":"Seattle","zip":"98101"}}`, true},
	{"nested miss", `{"store":{"city":["Seattle"]}}`, `{"store":{"city":"Portland"}}`, false},
	{"nested inside array", `{"items":{"sku":[{"prefix":"A-"}]}}`, `{"items":[{"sku":"B-1"},{"sku":"A-7"}]}`, true},
	{"number type", `{"amount":[{"numeric":[">",100]}]}`, `{"amount":150.25}`, true},
	{"string number is not a number", `{"amount":[{"numeric":[">",100]}]}`, `{"amount":"150"}`, false},
	{"boolean", `{"paid":[true]}`, `{"paid":true}`, true},
	{"boolean miss", `{"paid":[true]}`, `{"paid":false}`, false},
	{"null", `{"coupon":[null]}`, `{"coupon":null}`, true},
	{"exists false nested", `{"store":{"zip":[{"exists":false}]}}`, `{"store":{"city":"Seattle"}}`, true},
	{"exists on an object is not a leaf", `{"store":[{"exists":true}]}`, `{"store":{"city":"Seattle"}}`, false},
	{"body not json", `{"a":["b"]}`, `hello`, false},
	{"body not an object", `{"a":["b"]}`, `["b"]`, false},
	{"$or nested", `{"$or":[{"store":{"city":["Seattle"]}},{"tier":["gold"]}]}`, `{"tier":"gold"}`, true},
}

func TestBodyPolicies(t *testing.T) {
	lim := DefaultLimits()
	for _, c := range bodyCases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParsePolicy(c.policy, ScopeBody, lim)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Matches(Message{Body: c.body}, lim); got != c.want {
				t.Errorf("%s on %s: got %v, want %v", c.policy, c.body, got, c.want)
			}
		})
	}
}

// TestScopeDecides: the same policy reads attributes or the body, never
// both.
func TestScopeDecides(t *testing.T) {
	lim := DefaultLimits()
	m := Message{Body: `{"country":"US"}`, Attributes: map[string]Attribute{"country": str("KR")}}
	a, _ := ParsePolicy(`{"country":["US"]}`, ScopeAttributes, lim)
	b, _ := ParsePolicy(`{"country":["US"]}`, ScopeBody, lim)
	if a.Matches(m, lim) || !b.Matches(m, lim) {
		t.Errorf("attributes scope matched %v (want false), body scope %v (want true)", a.Matches(m, lim), b.Matches(m, lim))
	}
}

// TestInvalidPolicies: each refusal is an InvalidParameterException with
// the message SNS gives, and the limits come from the facts.
func TestInvalidPolicies(t *testing.T) {
	six := `{"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]}`
	five := `{"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"]}`
	// 6 x 5 x 5 = 150 is allowed, one more value is not.
	vals := func(n int) string { return `[` + strings.TrimSuffix(strings.Repeat(`"x",`, n), ",") + `]` }
	at150 := `{"a":` + vals(6) + `,"b":` + vals(5) + `,"c":` + vals(5) + `}`
	over150 := `{"a":` + vals(7) + `,"b":` + vals(5) + `,"c":` + vals(5) + `}`
	cases := []struct {
		name, policy string
		scope        Scope
		want         string // "" = valid
		fact         string
	}{
		{"five keys", five, ScopeAttributes, "", ""},
		{"six keys", six, ScopeAttributes, "Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys", "sns.filter.keys_max"},
		{"150 combinations", at150, ScopeAttributes, "", ""},
		{"151+ combinations", over150, ScopeAttributes, "Invalid parameter: FilterPolicy: Filter policy is too complex", "sns.filter.combinations_max"},
		{"51 values at the top", `{"c":` + vals(51) + `}`, ScopeBody, "", ""},
		{"51 values three levels down", `{"a":{"b":{"c":` + vals(51) + `}}}`, ScopeBody, "Invalid parameter: FilterPolicy: Filter policy is too complex", ""},
		{"nested body keys count top level", `{"a":{"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"],"g":["1"]}}`, ScopeBody, "", ""},
		{"too large", `{"a":["` + strings.Repeat("x", 256*1024) + `"]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Filter policy is too large", "sns.filter.size_max"},
		{"not json", `{"a":`, ScopeAttributes, "Invalid parameter: FilterPolicy: failed to parse JSON", ""},
		{"not an object", `["a"]`, ScopeAttributes, "Invalid parameter: FilterPolicy: Filter policy must be a JSON object", ""},
		{"nested on attributes", `{"store":{"city":["Seattle"]}}`, ScopeAttributes, "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy", ""},
		{"value not array", `{"a":"b"}`, ScopeAttributes, `Invalid parameter: FilterPolicy: "a" must be an object or an array`, ""},
		{"empty array", `{"a":[]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Empty arrays are not allowed", ""},
		{"two operators", `{"a":[{"prefix":"x","suffix":"y"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Only one key allowed in match expression", ""},
		{"unknown operator", `{"a":[{"contains":"x"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Unrecognized match type contains", ""},
		{"array in array", `{"a":[["x"]]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Match value must be String, number, true, false, or null", ""},
		{"prefix number", `{"a":[{"prefix":1}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: prefix match pattern must be a string", ""},
		{"exists string", `{"a":[{"exists":"yes"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: exists match pattern must be either true or false.", ""},
		{"anything-but suffix", `{"a":[{"anything-but":{"suffix":"x"}}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Unsupported anything-but pattern: suffix", ""},
		{"numeric empty", `{"a":[{"numeric":[]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Invalid member in numeric match: ]", ""},
		{"numeric bad op", `{"a":[{"numeric":["!=",1]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Unrecognized numeric range operator: !=", ""},
		{"numeric string value", `{"a":[{"numeric":["=","1"]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Value of equals must be numeric", ""},
		{"numeric range after <", `{"a":[{"numeric":["<",1,">",0]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Too many elements in numeric expression", ""},
		{"numeric bad top op", `{"a":[{"numeric":[">",1,">",5]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Bad numeric range operator: >", ""},
		{"numeric bottom above top", `{"a":[{"numeric":[">",5,"<",1]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Bottom must be less than top", ""},
		{"numeric too many", `{"a":[{"numeric":[">",0,"<",5,"<",6]}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Too many terms in numeric range expression", ""},
		{"cidr no slash", `{"a":[{"cidr":"10.0.0.1"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Malformed CIDR, one '/' required", ""},
		{"cidr mask", `{"a":[{"cidr":"10.0.0.0/x"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Malformed CIDR, mask bits must be an integer", ""},
		{"cidr address", `{"a":[{"cidr":"10.0.0.300/24"}]}`, ScopeAttributes, "Invalid parameter: FilterPolicy: Nonstandard IP address: 10.0.0.300", ""},
		{"bad scope", `{"a":["b"]}`, Scope("Body"), "FilterPolicyScope: Invalid value [Body]", ""},
	}
	lim := DefaultLimits()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePolicy(c.policy, c.scope, lim)
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused a valid policy: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error containing %q", err, c.want)
			}
			if e.Code != ErrInvalidParameter || !strings.Contains(e.Message, c.want) {
				t.Errorf("got %s, want InvalidParameterException with %q", e, c.want)
			}
			if c.fact != "" && e.Fact != c.fact {
				t.Errorf("fact %q, want %q", e.Fact, c.fact)
			}
		})
	}
}

// TestCombinationsCount: the guide's worked examples, 3 x 1 x 2 = 6 and,
// with nesting, 3 x 4 x 2 x 3 = 72; an $or adds its branches.
func TestCombinationsCount(t *testing.T) {
	lim := DefaultLimits()
	cases := []struct {
		policy string
		scope  Scope
		want   int
	}{
		{`{"key_a":["value_one","value_two","value_three"],"key_b":["value_one"],"key_c":["value_one","value_two"]}`, ScopeAttributes, 6},
		{`{"key_a":{"key_b":{"key_c":["v1","v2","v3","v4"]}},"key_d":{"key_e":["v1","v2","v3"]}}`, ScopeBody, 72},
		{`{"source":["a"],"$or":[{"m":["x"]},{"n":["y","z"]}]}`, ScopeAttributes, 3},
	}
	for _, c := range cases {
		p, err := ParsePolicy(c.policy, c.scope, lim)
		if err != nil {
			t.Fatal(err)
		}
		if p.Combinations != c.want {
			t.Errorf("%s: %d combinations, want %d", c.policy, p.Combinations, c.want)
		}
	}
}

// FuzzParsePolicy: any input is either a policy or an
// InvalidParameterException, never a panic, and a parsed policy matches
// any message without panicking.
func FuzzParsePolicy(f *testing.F) {
	for _, c := range attrCases {
		f.Add(c.policy, false)
	}
	for _, c := range bodyCases {
		f.Add(c.policy, true)
	}
	f.Add(`{"a":[{"numeric":[">",0,"<",1]}],"$or":[{"b":[{"cidr":"10.0.0.0/8"}]},{"c":{"d":[null]}}]}`, true)
	lim := DefaultLimits()
	msg := Message{Body: `{"a":0.5,"b":"10.1.2.3","c":{"d":null},"e":[1,"x",{"f":true}]}`,
		Attributes: map[string]Attribute{"a": num("0.5"), "b": str("10.1.2.3"), "c": arr(`["x",1,true,null]`)}}
	f.Fuzz(func(t *testing.T, src string, body bool) {
		scope := ScopeAttributes
		if body {
			scope = ScopeBody
		}
		p, err := ParsePolicy(src, scope, lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrInvalidParameter || !strings.HasPrefix(e.Message, "Invalid parameter: ") {
				t.Fatalf("error not shaped like SNS's: %v", err)
			}
			return
		}
		if p.Keys > lim.KeysMax || p.Combinations > lim.CombinationsMax {
			t.Fatalf("accepted %d keys, %d combinations", p.Keys, p.Combinations)
		}
		p.Matches(msg, lim)
	})
}
