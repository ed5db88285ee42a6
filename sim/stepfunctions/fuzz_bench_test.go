package stepfunctions

import (
	"encoding/json"
	"testing"
)

func FuzzPayloadTemplate(f *testing.F) {
	for _, s := range []string{
		`{"a.$":"$.x","b":{"c.$":"States.Format('{}-{}', $.x, $$.Execution.Name)"},"d":[{"e.$":"$.y[0]"}]}`,
		`{"n.$":"States.ArrayLength($.y)","m.$":"$.y[?(@ > 1)]"}`,
		`{"u.$":"States.UUID()","h.$":"States.Hash($.x, 'SHA-256')"}`,
		`[1,{"x.$":"$"}]`,
	} {
		f.Add(s)
	}
	input := map[string]any{"x": "v", "y": []any{json.Number("1"), json.Number("2")}}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := decodeJSON([]byte(s))
		if err != nil {
			return
		}
		ok := true
		tm := compileTemplate(v, "Parameters", func(string, string) { ok = false })
		if !ok {
			return
		}
		r := &run{st: &State{Name: "S"}}
		e := &Execution{m: &Machine{}, smName: "sm", execName: "ex"}
		_, _ = tm.eval(e.env(r, input, map[string]any{"Index": 0, "Value": "v"}))
	})
}

func FuzzDefinition(f *testing.F) {
	for _, ex := range Examples() {
		f.Add(string(ex.Definition))
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, _ := Validate([]byte(s))
		if m == nil {
			return
		}
		Layout(m)
		e, err := Start(m, []byte(`{"a":1}`), nil, Options{MaxTransitions: 200})
		if err != nil {
			return
		}
		for i := 0; i < 2000 && e.Step(); i++ {
		}
	})
}

// tenStates is a 10-state machine touching most state types.
const tenStates = `{"StartAt":"S1","States":{
 "S1":{"Type":"Pass","Parameters":{"n.$":"$.n","msg.$":"States.Format('n={}', $.n)"},"Next":"S2"},
 "S2":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","ResultPath":"$.r","Next":"S3"},
 "S3":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":0,"Next":"S4"}],"Default":"S10"},
 "S4":{"Type":"Wait","Seconds":5,"Next":"S5"},
 "S5":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}}],"ResultPath":"$.p","Next":"S6"},
 "S6":{"Type":"Map","ItemsPath":"$.p","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"ResultPath":"$.m","Next":"S7"},
 "S7":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:g","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1}],"ResultPath":null,"Next":"S8"},
 "S8":{"Type":"Pass","Result":{"done":true},"ResultPath":"$.done","Next":"S9"},
 "S9":{"Type":"Pass","OutputPath":"$.done","Next":"S10"},
 "S10":{"Type":"Succeed"}}}`

func BenchmarkExecuteTenStateMachine(b *testing.B) {
	m, probs := Validate([]byte(tenStates))
	if m == nil {
		b.Fatal(probs)
	}
	mocks, _ := ParseMocks([]byte(`{"S2":[{"return":{"ok":1}}],"S7":[{"error":"E"},{"return":{}}]}`))
	input := []byte(`{"n":3}`)
	b.ReportAllocs()
	for b.Loop() {
		e, err := Start(m, input, mocks, Options{})
		if err != nil {
			b.Fatal(err)
		}
		e.RunToEnd()
		if e.Status() != StatusSucceeded {
			b.Fatal(e.Result().Error)
		}
	}
}

func BenchmarkValidateSaga(b *testing.B) {
	ex, _ := ExampleByName("saga")
	b.ReportAllocs()
	for b.Loop() {
		if m, _ := Validate(ex.Definition); m == nil {
			b.Fatal("invalid")
		}
	}
}
