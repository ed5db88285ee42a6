package dynamodb

import (
	_ "embed"
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
)

// DynamoDB checks a request in stages and reports the first stage that
// fails: the shape of each parameter (SerializationException, "Unexpected
// field type"), then the constraints of the API model, all of them at once
// ("2 validation errors detected: …"), then the rules that combine
// parameters, then attribute values and expressions, and only then the
// table. shapes.json is the API model of the operations it covers: each
// parameter's type and constraints, in the order DynamoDB reports them.

//go:embed shapes.json
var shapesJSON []byte

var (
	shapesOnce sync.Once
	shapes     *jv
	attrStruct *jv
)

func loadShapes() {
	var err error
	shapes, err = parseJV(shapesJSON)
	if err != nil {
		panic("shapes.json: " + err.Error())
	}
	attrStruct, _ = parseJV([]byte(`{"S":"String","B":"Blob","N":"String","BOOL":"Boolean","NULL":"Boolean",` +
		`"BS":{"type":"List","children":"Blob"},"NS":{"type":"List","children":"String"},"SS":{"type":"List","children":"String"},` +
		`"L":{"type":"List","children":"AttrStruct<ValueStruct>"},"M":{"type":"Map<AttributeValue>","children":"AttrStruct<ValueStruct>"}}`))
}

// shapeOf returns the API model of an operation, nil when it has none.
func shapeOf(op string) *jv {
	shapesOnce.Do(loadShapes)
	return shapes.get(op)
}

// serializationErr is DynamoDB's answer to a parameter of the wrong JSON type.
type serializationErr struct{ msg string }

func (e *serializationErr) Error() string { return e.msg }

func typeError(msg string) error { return &serializationErr{msg} }

const castMsg = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')"

var subtypeRe = regexp.MustCompile(`^(.+?)<(.+)>$`)

// The model's type names, patterns and attribute specs are few and fixed,
// so what is worked out from them is kept: a request is checked without
// compiling a regular expression or building a spec.
var (
	subtypes   sync.Map // type name -> [2]string{type, subtype}, or nil when it has none
	patterns   sync.Map // model pattern -> *regexp.Regexp matching all of a value
	attrSpecs  sync.Map // subtype -> the spec of an AttrStruct of that subtype
	childSpecs sync.Map // *jv naming a type -> the spec of children of that type
)

// splitSubtype splits "Map<AttributeValue>" into "Map" and "AttributeValue".
func splitSubtype(typ string) (string, string, bool) {
	v, ok := subtypes.Load(typ)
	if !ok {
		var parts *[2]string
		if m := subtypeRe.FindStringSubmatch(typ); m != nil {
			parts = &[2]string{m[1], m[2]}
		}
		v, _ = subtypes.LoadOrStore(typ, parts)
	}
	if p := v.(*[2]string); p != nil {
		return p[0], p[1], true
	}
	return typ, "", false
}

// namePattern is the model's pattern of table and index names, its only
// one.
const namePattern = "[a-zA-Z0-9_.-]+"

// matchPattern reports whether all of s matches the model's pattern p, as
// modelPattern(p) does; the name pattern is checked byte by byte.
func matchPattern(p, s string) bool {
	if p != namePattern {
		return modelPattern(p).MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '.', c == '-':
		default:
			return false
		}
	}
	return s != ""
}

// modelPattern is the compiled form of a model "regex" constraint, which
// must match the whole value.
func modelPattern(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := patterns.LoadOrStore(p, regexp.MustCompile("^(?:"+p+")$"))
	return re.(*regexp.Regexp)
}

// childSpec wraps a model's children written as a bare type name, kept
// per name node of the model.
func childSpec(name *jv) *jv {
	if v, ok := childSpecs.Load(name); ok {
		return v.(*jv)
	}
	v, _ := childSpecs.LoadOrStore(name, &jv{kind: 'o', keys: []string{"type"}, vals: []*jv{name}})
	return v.(*jv)
}

// attrStructSpec is the spec checkType follows for an AttrStruct<sub>.
func attrStructSpec(sub string) *jv {
	if v, ok := attrSpecs.Load(sub); ok {
		return v.(*jv)
	}
	v, _ := attrSpecs.LoadOrStore(sub, &jv{kind: 'o', keys: []string{"type", "children"}, vals: []*jv{
		{kind: 's', s: sub + "<AttributeValue>"}, attrStruct}})
	return v.(*jv)
}

// checkTypes checks each member of data that the model names and returns
// the members converted (booleans from "true", integers floored) in the
// model's order; members the model does not name are dropped when keep is
// false, kept after the others when it is true.
func checkTypes(data, types *jv, keep bool) (*jv, error) {
	var b copier
	b.of(data)
	for _, k := range types.keys {
		val := data.get(k)
		if val.isNull() {
			continue
		}
		c, err := checkType(val, types.get(k))
		if err != nil {
			return nil, err
		}
		if !c.isNull() {
			b.set(k, c)
		}
	}
	if keep {
		for _, k := range data.keys {
			if types.get(k) == nil {
				b.set(k, data.get(k))
			}
		}
	}
	return b.done(), nil
}

// copier builds a checked object that is most often the object it checks:
// as long as every member set is the one that object holds at the same
// place, it copies nothing, and done returns the object itself. Only a
// member that differs (converted, dropped, or out of the original's order)
// makes the copy, of the members before it and then of the rest.
type copier struct {
	from *jv // the object checked
	n    int // members of from matched so far
	out  *jv // the copy, once one is needed
}

func (c *copier) of(v *jv) { *c = copier{from: v} }

func (c *copier) set(k string, v *jv) {
	if c.out == nil {
		f := c.from
		if c.n < len(f.keys) && f.keys[c.n] == k && f.vals[c.n] == v {
			c.n++
			return
		}
		c.start()
	}
	c.out.set(k, v)
}

// start copies the members matched so far.
func (c *copier) start() {
	c.out = &jv{kind: 'o'}
	for i := range c.n {
		c.out.set(c.from.keys[i], c.from.vals[i])
	}
}

func (c *copier) done() *jv {
	if c.out == nil {
		if c.n == len(c.from.keys) {
			return c.from
		}
		c.start()
	}
	return c.out
}

func specType(spec *jv) (typ string, children *jv) {
	if spec.kind == 's' {
		return spec.s, nil
	}
	children = spec.get("children")
	if children != nil && children.kind == 's' {
		children = childSpec(children)
	}
	return spec.get("type").str(), children
}

func isInt(v *jv) bool { f := v.num(); return f == math.Trunc(f) }

func numWord(v *jv) string {
	if isInt(v) {
		return "NUMBER_VALUE"
	}
	return "DECIMAL_VALUE"
}

func boolWord(v *jv) string {
	if v.b {
		return "TRUE_VALUE"
	}
	return "FALSE_VALUE"
}

func checkType(val, spec *jv) (*jv, error) {
	if val.isNull() {
		return nil, nil
	}
	typ, children := specType(spec)
	typ, sub, _ := splitSubtype(typ)
	if typ == "AttrStruct" {
		return checkType(val, attrStructSpec(sub))
	}
	scalar := val.kind == 'b' || val.kind == 'n' || val.kind == 's'
	switch typ {
	case "Boolean":
		switch val.kind {
		case 'n':
			return nil, typeError(numWord(val) + " cannot be converted to Boolean")
		case 's':
			switch strings.ToUpper(val.s) {
			case "TRUE", "1", "YES":
				return &jv{kind: 'b', b: true}, nil
			case "FALSE", "0", "NO":
				return &jv{kind: 'b', b: false}, nil
			}
			return nil, typeError("Unexpected token received from parser")
		case 'a':
			return nil, typeError("Unrecognized collection type class java.lang.Boolean")
		case 'o':
			return nil, typeError("Start of structure or map found where not expected")
		}
		return val, nil
	case "Short", "Integer", "Long", "Double":
		switch val.kind {
		case 'b':
			return nil, typeError(boolWord(val) + " cannot be converted to " + typ)
		case 'n':
			if typ != "Double" {
				return &jv{kind: 'n', s: jsNumber(math.Floor(val.num()))}, nil
			}
			return val, nil
		case 's':
			return nil, typeError("STRING_VALUE cannot be converted to " + typ)
		case 'a':
			return nil, typeError("Unrecognized collection type class java.lang." + typ)
		}
		return nil, typeError("Start of structure or map found where not expected")
	case "String":
		switch val.kind {
		case 'b':
			return nil, typeError(boolWord(val) + " cannot be converted to String")
		case 'n':
			return nil, typeError(numWord(val) + " cannot be converted to String")
		case 'a':
			return nil, typeError("Unrecognized collection type class java.lang.String")
		case 'o':
			return nil, typeError("Start of structure or map found where not expected")
		}
		return val, nil
	case "Blob":
		switch val.kind {
		case 'b', 'n':
			return nil, typeError("only base-64-encoded strings are convertible to bytes")
		case 'a':
			return nil, typeError("Unrecognized collection type class java.nio.ByteBuffer")
		case 'o':
			return nil, typeError("Start of structure or map found where not expected")
		}
		if len(val.s)%4 != 0 {
			return nil, typeError(fmt.Sprintf("Base64 encoded length is expected a multiple of 4 bytes but found: %d", len(val.s)))
		}
		if b, err := base64.StdEncoding.DecodeString(val.s); err != nil || base64.StdEncoding.EncodeToString(b) != val.s {
			return nil, typeError("Invalid last non-pad Base64 character dectected")
		}
		return val, nil
	case "List", "ParameterizedList":
		if scalar {
			if typ == "List" {
				return nil, typeError("Unexpected field type")
			}
			return nil, typeError(castMsg)
		}
		if val.kind != 'a' {
			return nil, typeError("Start of structure or map found where not expected")
		}
		var out *jv // nil while every element checks to itself
		for i, c := range val.arr {
			cv, err := checkType(c, children)
			if err != nil {
				return nil, err
			}
			if cv == nil {
				cv = &jv{kind: 'z'}
			}
			if out == nil && cv != c {
				out = &jv{kind: 'a', arr: make([]*jv, len(val.arr))}
				copy(out.arr, val.arr[:i])
			}
			if out != nil {
				out.arr[i] = cv
			}
		}
		if out == nil {
			return val, nil
		}
		return out, nil
	case "ParameterizedMap", "Map":
		if scalar {
			if typ == "Map" {
				return nil, typeError("Unexpected field type")
			}
			return nil, typeError(castMsg)
		}
		if val.kind == 'a' {
			if typ == "ParameterizedMap" {
				return nil, typeError("Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>")
			}
			if !strings.Contains(sub, ".") {
				sub = "com.amazonaws.dynamodb.v20120810." + sub
			}
			return nil, typeError("Unrecognized collection type java.util.Map<java.lang.String, " + sub + ">")
		}
		var b copier
		b.of(val)
		for _, k := range val.keys {
			cv, err := checkType(val.get(k), children)
			if err != nil {
				return nil, err
			}
			if cv == nil {
				cv = &jv{kind: 'z'}
			}
			b.set(k, cv)
		}
		return b.done(), nil
	case "ValueStruct", "FieldStruct":
		if scalar {
			if typ == "ValueStruct" {
				return nil, typeError("Unexpected value type in payload")
			}
			return nil, typeError("Unexpected field type")
		}
		if val.kind == 'a' {
			return nil, typeError("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + sub)
		}
		return checkTypes(val, children, false)
	}
	return nil, fmt.Errorf("unknown type %q in the API model", typ)
}

// mapMemberOK checks one map key or value against the model's "keys" or
// "values" constraints; on failure it returns every constraint's text.
func mapMemberOK(v, cons *jv) ([]string, bool) {
	ok := true
	var msgs []string
	for _, c := range cons.keys {
		arg := cons.get(c)
		switch c {
		case "lengthGreaterThanOrEqual":
			ok = ok && v.length() >= int(arg.num())
			msgs = append(msgs, "Member must have length greater than or equal to "+arg.display())
		case "lengthLessThanOrEqual":
			ok = ok && v.length() <= int(arg.num())
			msgs = append(msgs, "Member must have length less than or equal to "+arg.display())
		case "regex":
			ok = ok && matchPattern(arg.s, v.display())
			msgs = append(msgs, "Member must satisfy regular expression pattern: "+arg.s)
		}
	}
	return msgs, ok
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// checkConstraints applies the model's constraints to the type-checked
// request: required members and table names first, one at a time, then
// every other constraint, reported together (at most ten).
func checkConstraints(data, types *jv) error {
	for _, k := range types.keys {
		spec := types.get(k)
		if spec.get("required").truthy() && data.get(k).isNull() {
			return validationf("The parameter '" + k + "' is required but was not present in the request")
		}
		if spec.get("tableName").truthy() {
			if v := data.get(k); !v.isNull() && (v.length() < 3 || v.length() > 255) {
				return validationf(k + " must be at least 3 characters long and at most 255 characters long")
			}
		}
	}
	var errs []string
	for _, k := range types.keys {
		checkMember(k, data.get(k), types.get(k), "", &errs)
	}
	if len(errs) > 0 {
		s := ""
		if len(errs) > 1 {
			s = "s"
		}
		return validationf(fmt.Sprintf("%d validation error%s detected: %s", len(errs), s, strings.Join(errs, "; ")))
	}
	return nil
}

func checkMember(name string, data, spec *jv, parent string, errs *[]string) {
	if spec == nil || spec.kind != 'o' {
		return
	}
	prefix := parent
	if prefix != "" {
		prefix += "."
	}
	typ := spec.get("type").str()
	for _, c := range spec.keys {
		if len(*errs) >= 10 {
			return
		}
		switch c {
		case "type", "required", "tableName":
			continue
		}
		if c != "notNull" && data.isNull() {
			continue
		}
		arg := spec.get(c)
		fail := func(msg string) {
			v := data.display()
			if !data.isNull() {
				v = "'" + v + "'"
			}
			*errs = append(*errs, "Value "+v+" at '"+prefix+lowerFirst(name)+"' failed to satisfy constraint: "+msg)
		}
		switch c {
		case "children":
			children := arg
			if children.kind == 's' {
				continue
			}
			switch {
			case strings.HasSuffix(typ, "List"):
				for i, e := range data.arr {
					checkMember("member", e, children, fmt.Sprintf("%s%s.%d", prefix, lowerFirst(name), i+1), errs)
				}
			case strings.Contains(typ, "Map"):
				for _, k := range data.keys {
					checkMember("member", data.get(k), children, prefix+lowerFirst(name)+"."+k, errs)
				}
			default:
				inner := children
				for _, k := range inner.keys {
					checkMember(k, data.get(k), inner.get(k), prefix+lowerFirst(name), errs)
				}
			}
		case "keys", "values":
			for _, k := range data.keys {
				subject := data.get(k)
				if c == "keys" {
					subject = &jv{kind: 's', s: k}
				}
				if msgs, ok := mapMemberOK(subject, arg); !ok {
					word := "Map keys"
					if c == "values" {
						word = "Map value"
					}
					fail(word + " must satisfy constraint: [" + strings.Join(msgs, ", ") + "]")
				}
			}
		case "notNull":
			if data.isNull() {
				fail("Member must not be null")
			}
		case "greaterThanOrEqual":
			if !(data.num() >= arg.num()) {
				fail("Member must have value greater than or equal to " + arg.display())
			}
		case "lessThanOrEqual":
			if !(data.num() <= arg.num()) {
				fail("Member must have value less than or equal to " + arg.display())
			}
		case "regex":
			if !matchPattern(arg.s, data.display()) {
				fail("Member must satisfy regular expression pattern: " + arg.s)
			}
		case "lengthGreaterThanOrEqual":
			if !(data.length() >= int(arg.num())) {
				fail("Member must have length greater than or equal to " + arg.display())
			}
		case "lengthLessThanOrEqual":
			if !(data.length() <= int(arg.num())) {
				fail("Member must have length less than or equal to " + arg.display())
			}
		case "enum":
			ok := false
			vals := make([]string, len(arg.arr))
			for i, e := range arg.arr {
				vals[i] = e.s
				ok = ok || (data.kind == 's' && e.s == data.s)
			}
			if !ok {
				fail("Member must satisfy enum value set: [" + strings.Join(vals, ", ") + "]")
			}
		}
	}
}
