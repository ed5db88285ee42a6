package expr

import (
	"sort"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// MaxExpressionBytes is the 4 KB limit on one expression string (ServiceQuotas).
const MaxExpressionBytes = 4096

// MaxInOperands is the limit on the list of an IN comparator.
const MaxInOperands = 100

// Context resolves #name and :value placeholders for every expression of one
// request and remembers which were used, because AWS rejects a request that
// defines a placeholder no expression uses.
type Context struct {
	Names  map[string]string
	Values map[string]attr.Value
	usedN  map[string]bool
	usedV  map[string]bool
}

// NewContext builds a Context for one request. The sets of placeholders
// used are made when the first one is.
func NewContext(names map[string]string, values map[string]attr.Value) *Context {
	return &Context{Names: names, Values: values}
}

// CheckUnused returns AWS's error for a placeholder no expression used. Call
// it after parsing every expression of the request.
func (c *Context) CheckUnused() error {
	var un, uv []string
	for k := range c.Names {
		if !c.usedN[k] {
			un = append(un, k)
		}
	}
	for k := range c.Values {
		if !c.usedV[k] {
			uv = append(uv, k)
		}
	}
	sort.Strings(un)
	sort.Strings(uv)
	if len(un) > 0 {
		return attr.Validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + strings.Join(un, ", ") + "}")
	}
	if len(uv) > 0 {
		return attr.Validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + strings.Join(uv, ", ") + "}")
	}
	return nil
}

// semantic errors are collected while parsing and the most important one is
// reported, so the message matches what AWS picks when several apply.
type semErrs struct {
	parens, unknownFunc, misused, reserved, attrNameVal, operand, distinct, function, section, overlap, conflict string
}

func setOnce(dst *string, msg string) {
	if *dst == "" {
		*dst = msg
	}
}

type parser struct {
	ctx  *Context
	src  string
	kind string
	toks []token
	i    int
	errs semErrs
	fail string // syntax error
}

func newParser(ctx *Context, kind, src string) *parser {
	if ctx == nil {
		ctx = NewContext(nil, nil)
	}
	return &parser{ctx: ctx, src: src, kind: kind, toks: lex(src)}
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) isPunct(s string) bool {
	t := p.peek()
	return t.kind == tPunct && t.text == s
}

func (p *parser) isKeyword(kw string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.text, kw)
}

// syntax records a syntax error at the current token, in AWS's form:
// token: "X", near: "prev X next".
func (p *parser) syntax() {
	if p.fail != "" {
		return
	}
	t := p.peek()
	near := t.text
	if t.kind == tEOF {
		near = ""
	}
	start, end := t.pos, t.pos+len(t.text)
	if t.kind == tEOF {
		end = t.pos
	}
	if p.i > 0 {
		start = p.toks[p.i-1].pos
	}
	if p.i+1 < len(p.toks) && p.toks[p.i+1].kind != tEOF {
		n := p.toks[p.i+1]
		end = n.pos + len(n.text)
	}
	if start < end && end <= len(p.src) {
		near = p.src[start:end]
	}
	p.fail = "Syntax error; token: \"" + t.text + "\", near: \"" + near + "\""
}

func (p *parser) expectPunct(s string) bool {
	if !p.isPunct(s) {
		p.syntax()
		return false
	}
	p.next()
	return true
}

// result turns the collected errors into AWS's message, or nil.
func (p *parser) result() error {
	prefix := "Invalid " + p.kind + ": "
	if p.fail != "" {
		return attr.Validation(prefix + p.fail)
	}
	e := p.errs
	for _, m := range []string{e.parens, e.unknownFunc, e.misused, e.reserved, e.section, e.attrNameVal, e.overlap, e.conflict, e.operand, e.distinct, e.function} {
		if m != "" {
			return attr.Validation(prefix + m)
		}
	}
	return nil
}

func checkSource(kind, src string) error {
	if src == "" {
		return attr.Validation("Invalid " + kind + ": The expression can not be empty;")
	}
	if len(src) > MaxExpressionBytes {
		return attr.Validation("Invalid " + kind + ": Expression size has exceeded the maximum allowed size; expression size: " + strconv.Itoa(len(src)))
	}
	return nil
}

// path parses name ( . name | [ n ] )*.
func (p *parser) path() (Path, bool) {
	var out Path
	name, ok := p.pathName()
	if !ok {
		return nil, false
	}
	out = append(out, PathElem{Name: name})
	for {
		switch {
		case p.isPunct("."):
			p.next()
			name, ok := p.pathName()
			if !ok {
				return nil, false
			}
			out = append(out, PathElem{Name: name})
		case p.isPunct("["):
			p.next()
			t := p.peek()
			if t.kind != tNumber {
				p.syntax()
				return nil, false
			}
			p.next()
			n, err := strconv.Atoi(t.text)
			if err != nil {
				p.fail = "List index is not within the allowable range; index: [" + t.text + "]"
				return nil, false
			}
			if !p.expectPunct("]") {
				return nil, false
			}
			out = append(out, PathElem{Index: n, IsIndex: true})
		default:
			return out, true
		}
	}
}

func (p *parser) pathName() (string, bool) {
	t := p.peek()
	switch t.kind {
	case tIdent:
		switch strings.ToUpper(t.text) {
		case "BETWEEN", "IN", "AND", "OR", "NOT":
			// Words of the grammar itself are never names.
			p.syntax()
			return "", false
		}
		p.next()
		if IsReserved(t.text) {
			setOnce(&p.errs.reserved, "Attribute name is a reserved keyword; reserved keyword: "+t.text)
		}
		return t.text, true
	case tName:
		p.next()
		v, ok := p.ctx.Names[t.text]
		if !ok {
			setOnce(&p.errs.attrNameVal, "An expression attribute name used in the document path is not defined; attribute name: "+t.text)
			return t.text, true
		}
		if p.ctx.usedN == nil {
			p.ctx.usedN = map[string]bool{}
		}
		p.ctx.usedN[t.text] = true
		return v, true
	}
	p.syntax()
	return "", false
}

func (p *parser) value() (ValueOperand, bool) {
	t := p.next()
	v, ok := p.ctx.Values[t.text]
	if !ok {
		setOnce(&p.errs.attrNameVal, "An expression attribute value used in expression is not defined; attribute value: "+t.text)
		return ValueOperand{Name: t.text}, true
	}
	if p.ctx.usedV == nil {
		p.ctx.usedV = map[string]bool{}
	}
	p.ctx.usedV[t.text] = true
	return ValueOperand{Name: t.text, Value: v}, true
}
