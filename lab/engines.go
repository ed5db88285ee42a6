package lab

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/sim/lambda"
	"github.com/saa-study/saa-study/sim/rdsproxy"
	"github.com/saa-study/saa-study/sim/sns"
	sfn "github.com/saa-study/saa-study/sim/stepfunctions"
)

// Setting is one input of an engine a lab may set: a number, one of a
// few words, or (Text) any text the engine itself validates, such as a
// JSON filter policy.
type Setting struct {
	Name    string
	Default string
	Choices []string
	Text    bool
}

// Engine is one simulator as labs drive it: its settings, and a run that
// turns settings into the engine's result.
type Engine struct {
	ID       string
	Settings []Setting
	run      func(v values) (result any, explanation say.Text, err error)
}

// values are a run's settings, already checked against the engine's.
type values map[string]string

func (v values) f(k string) float64 { x, _ := strconv.ParseFloat(v[k], 64); return x }
func (v values) i(k string) int     { return int(v.f(k)) }
func (v values) on(k string) bool   { return v[k] == "on" }

func num(name, def string) Setting    { return Setting{Name: name, Default: def} }
func textSetting(name string) Setting { return Setting{Name: name, Text: true} }
func choice(name string, choices ...string) Setting {
	return Setting{Name: name, Default: choices[0], Choices: choices}
}

// Engines are the engines labs run, by id.
var Engines = map[string]*Engine{
	"lambda": {ID: "lambda", Settings: []Setting{
		num("memory", "128"), num("duration_ms", "100"), num("rps", "10"), num("seconds", "60"),
		num("reserved", "-1"), num("provisioned", "0"), num("account_limit", "1000"),
		num("cold_start_ms", "0"), num("cpu_share", "0"), choice("arch", lambda.ArchX86, lambda.ArchArm),
		choice("free_tier", "off", "on"), num("timeout_s", "0"),
	}, run: runLambda},
	"apigateway": {ID: "apigateway", Settings: []Setting{
		num("rps", "100"), num("seconds", "10"), num("rate", "0"), num("burst", "0"),
		num("cache_ttl", "0"), num("integration_ms", "50"),
	}, run: runAPIGateway},
	"edge": {ID: "edge", Settings: []Setting{
		num("requests", "10000"), num("keys", "0"), num("hit_ratio_target", "0"),
		choice("function", "none", "cff", "lae"),
		choice("trigger", string(edge.ViewerRequest), string(edge.OriginRequest), string(edge.OriginResponse), string(edge.ViewerResponse)),
		choice("action", string(edge.AddHeader), string(edge.RewriteURI), string(edge.RedirectCountry), string(edge.CheckJWT),
			string(edge.ABCookie), string(edge.PickOrigin), string(edge.ReadBody), string(edge.CallAPI)),
	}, run: runEdge},
	"rdsproxy": {ID: "rdsproxy", Settings: []Setting{
		num("max_connections", "90"), num("baseline", "10"), num("surge", "200"), num("surge_s", "20"),
		choice("mode", "reuse", "per-invocation"), choice("proxy", "off", "on"),
		num("pinned_pct", "0"), num("borrow_timeout_s", "0"), num("failover_s", "0"),
	}, run: runRDSProxy},
	"dynamodb": {ID: "dynamodb", Settings: []Setting{
		choice("mode", "provisioned", "on-demand"), num("wcu", "5"), num("rcu", "5"),
		choice("op", "PutItem", "UpdateItem", "GetItem", "GetItemStrong", "Query"),
		num("keys", "1"), choice("distribution", "uniform", "hot", "zipf"), num("hot_fraction", "0"),
		num("rate", "100"), num("seconds", "60"), num("item_bytes", "500"),
	}, run: runDynamoDB},
	"stepfunctions": {ID: "stepfunctions", Settings: []Setting{
		num("failures", "0"), num("max_attempts", "3"), num("interval_s", "1"), num("backoff_rate", "2"),
		num("max_delay_s", "0"), choice("jitter", "NONE", "FULL"), num("call_ms", "0"),
		choice("type", "STANDARD", "EXPRESS"),
	}, run: runStepFunctions},
	"sns": {ID: "sns", Settings: []Setting{
		choice("topic", "standard", "fifo"), choice("queue", "standard", "fifo"),
		num("orders", "1000"), num("customers", "50"),
		textSetting("fraud_policy"), choice("fraud_scope", string(sns.ScopeAttributes), string(sns.ScopeBody)),
		textSetting("shipping_policy"),
	}, run: runSNS},
}

// Setting returns the engine's setting by name, or nil.
func (e *Engine) Setting(name string) *Setting {
	for i := range e.Settings {
		if e.Settings[i].Name == name {
			return &e.Settings[i]
		}
	}
	return nil
}

// Check tells whether v is a value the engine takes for the setting.
func (s *Setting) Check(v string) error {
	if s.Text {
		return nil
	}
	if len(s.Choices) > 0 {
		if !slices.Contains(s.Choices, v) {
			return fmt.Errorf("%s is one of %s, not %q", s.Name, strings.Join(s.Choices, ", "), v)
		}
		return nil
	}
	if _, err := strconv.ParseFloat(v, 64); err != nil {
		return fmt.Errorf("%s is a number, not %q", s.Name, v)
	}
	return nil
}

// Run runs the engine with settings (missing ones take the engine's
// defaults) and returns the result flattened to metric → value, and the
// engine's own explanation in English and Korean.
func (e *Engine) Run(settings map[string]string) (map[string]any, say.Text, error) {
	v := values{}
	for _, s := range e.Settings {
		v[s.Name] = s.Default
	}
	for k, x := range settings {
		s := e.Setting(k)
		if s == nil {
			return nil, say.Text{}, fmt.Errorf("%s has no setting %q (it has %s)", e.ID, k, strings.Join(e.names(), ", "))
		}
		if err := s.Check(x); err != nil {
			return nil, say.Text{}, err
		}
		v[k] = x
	}
	res, why, err := e.run(v)
	if err != nil {
		return nil, say.Text{}, err
	}
	m, err := Flatten(res)
	if err != nil {
		return nil, say.Text{}, err
	}
	return m, why, nil
}

func (e *Engine) names() []string {
	var out []string
	for _, s := range e.Settings {
		out = append(out, s.Name)
	}
	return out
}

// Flatten turns a result struct into metric → value by its JSON names:
// nested objects join with dots, lists are left out, numbers are float64.
func Flatten(res any) (map[string]any, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return nil, fmt.Errorf("result: %w", err)
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("result: %w", err)
	}
	out := map[string]any{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch x := v.(type) {
			case map[string]any:
				walk(prefix+k+".", x)
			case []any:
			default:
				out[prefix+k] = x
			}
		}
	}
	walk("", root)
	return out, nil
}

// Names lists a result's metrics, sorted.
func Names(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lambdaResult is lambda.QuickResult with the figures labs ask about that
// Quick leaves out.
type lambdaResult struct {
	lambda.QuickResult
	P99LatencyMS    float64 `json:"p99_latency_ms"`
	BilledMSPerCall float64 `json:"billed_ms_per_call"`
}

func runLambda(v values) (any, say.Text, error) {
	q := lambda.QuickOptions{Memory: v.i("memory"), DurationMS: v.f("duration_ms"), RPS: v.f("rps"), Seconds: v.f("seconds"),
		Provisioned: v.i("provisioned"), AccountLimit: v.i("account_limit"), ColdStartMS: v.i("cold_start_ms"),
		CPUShare: v.f("cpu_share"), Arch: v["arch"], FreeTier: v.on("free_tier"), Seed: 1, TimeoutS: v.i("timeout_s")}
	if r := v.i("reserved"); r >= 0 {
		q.Reserved = &r
	}
	r, err := lambda.Quick(q)
	if err != nil {
		return nil, say.Text{}, err
	}
	out := lambdaResult{QuickResult: r}
	// The run's own p99 and the billed duration per call.
	timeout := q.TimeoutS
	if timeout == 0 {
		timeout = min(max(int(q.DurationMS/1000)+1+(q.ColdStartMS+999)/1000, 3), 900)
	}
	cfg := lambda.FunctionConfig{MemoryMB: q.Memory, TimeoutS: timeout, Reserved: q.Reserved, Provisioned: q.Provisioned,
		ColdStartMS: q.ColdStartMS, Arch: q.Arch}
	full, err := lambda.Run(cfg, lambda.AccountConfig{ConcurrencyLimit: q.AccountLimit},
		lambda.Steady(q.RPS, q.Seconds, lambda.DurationModel{DurationMS: q.DurationMS, CPUShare: q.CPUShare}),
		lambda.Options{FreeTier: q.FreeTier, Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	for _, s := range full.Series {
		out.P99LatencyMS = max(out.P99LatencyMS, s.P99MS)
	}
	if full.Invocations > 0 {
		out.BilledMSPerCall = full.Bill.GBSeconds * 1024 / float64(q.Memory) * 1000 / float64(full.Invocations)
	}
	return out, say.Text{En: r.Explanation, Ko: r.ExplanationKo}, nil
}

func runAPIGateway(v values) (any, say.Text, error) {
	r, err := apigateway.Quick(apigateway.QuickOptions{RPS: v.f("rps"), Seconds: v.f("seconds"), Rate: v.f("rate"),
		Burst: v.i("burst"), CacheTTL: v.i("cache_ttl"), IntegrationMS: v.f("integration_ms"), Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	// Backend calls are the requests the cache did not answer.
	type result struct {
		apigateway.QuickResult
		BackendCalls int64 `json:"backend_calls"`
	}
	return result{r, r.OK + r.Timeouts - r.CacheHits}, say.Text{En: r.Explanation, Ko: r.ExplanationKo}, nil
}

func runEdge(v values) (any, say.Text, error) {
	fn := v["function"]
	if fn == "none" {
		fn = ""
	}
	s, err := edge.Quick(edge.QuickOptions{Requests: v.i("requests"), Keys: v.i("keys"), HitRatioTarget: v.f("hit_ratio_target"),
		Function: fn, Trigger: edge.Trigger(v["trigger"]), Action: edge.Action(v["action"]), Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	type result struct {
		edge.Summary
		FunctionCalls int `json:"function_calls"`
	}
	r := result{Summary: s}
	for _, n := range s.Invocations {
		r.FunctionCalls += n
	}
	return r, say.Text{En: s.Explanation, Ko: s.ExplanationKo}, nil
}

func runRDSProxy(v values) (any, say.Text, error) {
	r, err := rdsproxy.Quick(rdsproxy.QuickOptions{MaxConnections: v.i("max_connections"), Baseline: v.i("baseline"),
		Surge: v.i("surge"), SurgeS: v.i("surge_s"), Mode: v["mode"], Proxy: v.on("proxy"), PinnedPct: v.f("pinned_pct"),
		BorrowTimeoutS: v.f("borrow_timeout_s"), FailoverS: v.f("failover_s"), Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	return r, say.Text{En: r.Explanation, Ko: r.ExplanationKo}, nil
}

// ddbResult is a load run's totals and its busiest second.
type ddbResult struct {
	OK              int     `json:"ok"`
	Throttled       int     `json:"throttled"`
	ConsumedWCUPeak float64 `json:"consumed_wcu_peak"`
	ConsumedRCUPeak float64 `json:"consumed_rcu_peak"`
	Partitions      int     `json:"partitions"`
}

func runDynamoDB(v values) (any, say.Text, error) {
	db := dynamodb.New(clock.New(clock.Epoch))
	in := &dynamodb.CreateTableInput{
		TableName:            "lab",
		AttributeDefinitions: []dynamodb.AttributeDefinition{{AttributeName: "pk", AttributeType: "S"}},
		KeySchema:            []dynamodb.KeySchemaElement{{AttributeName: "pk", KeyType: "HASH"}},
	}
	if v["mode"] == "on-demand" {
		in.BillingMode = "PAY_PER_REQUEST"
	} else {
		in.ProvisionedThroughput = &dynamodb.ProvisionedThroughput{ReadCapacityUnits: int64(v.i("rcu")), WriteCapacityUnits: int64(v.i("wcu"))}
	}
	if _, err := db.CreateTable(in); err != nil {
		return nil, say.Text{}, err
	}
	res, err := dynamodb.Load(db, dynamodb.LoadSpec{Table: "lab", Op: v["op"], Keys: v.i("keys"), Distribution: v["distribution"],
		HotFraction: v.f("hot_fraction"), Rate: v.f("rate"), Seconds: v.i("seconds"), ItemBytes: v.i("item_bytes"), Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	r := ddbResult{OK: res.OK, Throttled: res.Throttled}
	for _, s := range res.Series {
		r.ConsumedWCUPeak = max(r.ConsumedWCUPeak, s.ConsumedWCU)
		r.ConsumedRCUPeak = max(r.ConsumedRCUPeak, s.ConsumedRCU)
	}
	if m, err := db.Metrics("lab", ""); err == nil {
		r.Partitions = m.Partitions
	}
	return r, ddbExplain(v, r), nil
}

// ddbExplain says what limited a load run.
func ddbExplain(v values, r ddbResult) say.Text {
	if r.Throttled == 0 {
		return say.Sprintf("Every request fitted: the busiest second consumed %s WCU and %s RCU.", Num(r.ConsumedWCUPeak), Num(r.ConsumedRCUPeak))
	}
	if v["mode"] != "on-demand" && v.i("keys") <= 1 || v["distribution"] == "hot" {
		return say.Sprintf("%s requests were throttled (ProvisionedThroughputExceededException): one partition key sits in one partition, and a partition serves only so many writes a second, whatever the table has [ddb.partition.wcu].", Num(float64(r.Throttled)))
	}
	return say.Sprintf("%s requests were throttled (ProvisionedThroughputExceededException): the load needed more capacity a second than the table provides, once the burst capacity saved from idle seconds ran out [ddb.burst.seconds].", Num(float64(r.Throttled)))
}

// sfnResult is an execution's outcome without its history.
type sfnResult struct {
	Status      string   `json:"status"`
	Error       string   `json:"error"`
	DurationMs  int64    `json:"duration_ms"`
	Transitions int      `json:"state_transitions"`
	Attempts    int      `json:"attempts"`
	Cost        sfn.Cost `json:"cost"`
}

// retryDefinition is the partner call of the shipped retry example with
// the lab's Retry settings.
func retryDefinition(v values) []byte {
	retry := map[string]any{"ErrorEquals": []string{"ThrottlingException"}, "IntervalSeconds": v.i("interval_s"),
		"BackoffRate": v.f("backoff_rate"), "MaxAttempts": v.i("max_attempts"), "JitterStrategy": v["jitter"]}
	if d := v.i("max_delay_s"); d > 0 {
		retry["MaxDelaySeconds"] = d
	}
	def := map[string]any{
		"Comment": "Call a partner API that answers ThrottlingException a few times before it accepts the order.",
		"StartAt": "CallPartnerApi",
		"States": map[string]any{
			"CallPartnerApi": map[string]any{
				"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
				"Parameters": map[string]any{"ApiEndpoint": "https://partner.example.com/orders", "Method": "POST", "RequestBody.$": "$"},
				"Retry":      []any{retry},
				"Catch":      []any{map[string]any{"ErrorEquals": []string{"States.ALL"}, "ResultPath": "$.error", "Next": "GiveUp"}},
				"Next":       "Done",
			},
			"Done":   map[string]any{"Type": "Succeed"},
			"GiveUp": map[string]any{"Type": "Fail", "Error": "PartnerUnavailable"},
		},
	}
	b, _ := json.MarshalIndent(def, "", "  ")
	return b
}

// RetryDefinition is the state machine a Step Functions lab runs, for a
// console or a teacher to show beside the result.
func RetryDefinition(settings map[string]string) []byte {
	v := values{}
	for _, s := range Engines["stepfunctions"].Settings {
		v[s.Name] = s.Default
	}
	for k, x := range settings {
		v[k] = x
	}
	return retryDefinition(v)
}

func runStepFunctions(v values) (any, say.Text, error) {
	var answers []map[string]any
	if n := v.i("failures"); n > 0 {
		a := map[string]any{"error": "ThrottlingException", "cause": "429 Too Many Requests", "times": n}
		if ms := v.f("call_ms"); ms > 0 {
			a["delaySeconds"] = ms / 1000
		}
		answers = append(answers, a)
	}
	ok := map[string]any{"return": map[string]any{"StatusCode": 200, "ResponseBody": map[string]any{"accepted": true}}}
	if ms := v.f("call_ms"); ms > 0 {
		ok["delaySeconds"] = ms / 1000
	}
	answers = append(answers, ok)
	mocks, _ := json.Marshal(map[string]any{"CallPartnerApi": answers})
	res := sfn.Run(retryDefinition(v), []byte(`{"orderId":"O-7"}`), mocks, sfn.Options{Type: sfn.WorkflowType(v["type"]), Seed: 1})
	if len(res.Problems) > 0 {
		p := res.Problems[0]
		return nil, say.Text{}, fmt.Errorf("the definition is not valid: %s: %s: %s", p.State, p.Field, p.Message)
	}
	r := sfnResult{Status: string(res.Status), Error: res.Error, DurationMs: res.DurationMs, Transitions: res.Transitions, Cost: res.Cost}
	for _, e := range res.History {
		if e.Type == "TaskScheduled" {
			r.Attempts++
		}
	}
	why := say.Sprintf("The call was tried %d times and the execution ended %s after %s ms.", r.Attempts, r.Status, Num(float64(r.DurationMs)))
	if r.Status != "SUCCEEDED" {
		why = say.Sprintf("The partner answered ThrottlingException %d times; the Retry block allowed %d retries, so the Catch sent the execution to GiveUp (%s).",
			v.i("failures"), v.i("max_attempts"), r.Error)
	}
	return r, why, nil
}

func runSNS(v values) (any, say.Text, error) {
	r, err := sns.Quick(sns.QuickOptions{FIFOTopic: v["topic"] == "fifo", FIFOQueue: v["queue"] == "fifo",
		Orders: v.i("orders"), Customers: v.i("customers"), FraudPolicy: v["fraud_policy"],
		FraudScope: sns.Scope(v["fraud_scope"]), ShippingPolicy: v["shipping_policy"], Seed: 1})
	if err != nil {
		return nil, say.Text{}, err
	}
	return r, say.Text{En: r.Explanation, Ko: r.ExplanationKo}, nil
}
