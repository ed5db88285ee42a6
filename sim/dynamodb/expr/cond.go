package expr

import (
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Expression kinds, used in AWS's "Invalid <kind>: ..." messages.
const (
	KindCondition    = "ConditionExpression"
	KindFilter       = "FilterExpression"
	KindKeyCondition = "KeyConditionExpression"
	KindUpdate       = "UpdateExpression"
	KindProjection   = "ProjectionExpression"
)

var boolFuncs = map[string]int{
	"attribute_exists": 1, "attribute_not_exists": 1, "attribute_type": 2,
	"begins_with": 2, "contains": 2,
}

// ParseCondition parses a ConditionExpression or FilterExpression; kind is
// KindCondition or KindFilter and only changes the error prefix.
func ParseCondition(ctx *Context, kind, src string) (Cond, error) {
	if err := checkSource(kind, src); err != nil {
		return nil, err
	}
	p := newParser(ctx, kind, src)
	c := p.or()
	if p.fail == "" && p.peek().kind != tEOF {
		p.syntax()
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	return c, nil
}

func (p *parser) or() Cond {
	l := p.and()
	for p.fail == "" && p.isKeyword("OR") {
		p.next()
		l = Or{l, p.and()}
	}
	return l
}

func (p *parser) and() Cond {
	l := p.not()
	for p.fail == "" && p.isKeyword("AND") {
		p.next()
		l = And{l, p.not()}
	}
	return l
}

func (p *parser) not() Cond {
	if p.isKeyword("NOT") {
		p.next()
		return Not{p.not()}
	}
	return p.primary()
}

func (p *parser) primary() Cond {
	if p.fail != "" {
		return nil
	}
	if p.isPunct("(") {
		// "(a) between (b) and (c)", "(a) = (b)": an operand in
		// parentheses starts a comparison; otherwise the parentheses
		// hold a condition.
		save, saveErrs, saveFail := p.i, p.errs, p.fail
		if l := p.operand(); p.fail == "" && (p.isComparator() || p.isKeyword("BETWEEN") || p.isKeyword("IN")) {
			return p.afterOperand(l)
		}
		p.i, p.errs, p.fail = save, saveErrs, saveFail
		p.next()
		if p.isPunct("(") {
			// ((x)) is rejected by AWS as redundant.
			save := p.i
			p.next()
			depth := 1
			for p.peek().kind != tEOF && depth > 0 {
				if p.isPunct("(") {
					depth++
				} else if p.isPunct(")") {
					depth--
				}
				p.next()
			}
			if p.isPunct(")") {
				setOnce(&p.errs.parens, "The expression has redundant parentheses;")
			}
			p.i = save
		}
		c := p.or()
		if p.fail == "" {
			p.expectPunct(")")
		}
		return c
	}
	t := p.peek()
	if t.kind == tIdent && p.toks[p.i+1].kind == tPunct && p.toks[p.i+1].text == "(" {
		name := t.text
		if _, ok := boolFuncs[name]; ok || name != "size" {
			p.next()
			args := p.args()
			if !ok {
				setOnce(&p.errs.unknownFunc, "Invalid function name; function: "+name)
			} else {
				p.checkFunc(name, args)
			}
			if p.isComparator() {
				setOnce(&p.errs.misused, "The function is not allowed to be used this way in an expression; function: "+name)
				p.next()
				p.operand()
			}
			return Func{Name: name, Args: args}
		}
	}
	return p.afterOperand(p.operand())
}

// afterOperand parses the rest of a comparison, BETWEEN or IN whose first
// operand is l.
func (p *parser) afterOperand(l Operand) Cond {
	if p.fail != "" {
		return nil
	}
	switch {
	case p.isComparator():
		op := p.next().text
		r := p.operand()
		p.checkDistinct(op, []Operand{l, r})
		return Compare{Op: op, L: l, R: r}
	case p.isKeyword("BETWEEN"):
		p.next()
		lo := p.operand()
		if p.fail == "" && !p.isKeyword("AND") {
			p.syntax()
			return nil
		}
		p.next()
		hi := p.operand()
		p.checkDistinct("BETWEEN", []Operand{l, lo, hi})
		p.checkBetween(lo, hi)
		return Between{X: l, Lo: lo, Hi: hi}
	case p.isKeyword("IN"):
		p.next()
		if !p.expectPunct("(") {
			return nil
		}
		var list []Operand
		for {
			list = append(list, p.operand())
			if p.fail != "" {
				return nil
			}
			if p.isPunct(",") {
				p.next()
				continue
			}
			break
		}
		if !p.expectPunct(")") {
			return nil
		}
		if len(list) > MaxInOperands {
			setOnce(&p.errs.operand, "Too many operands for IN; maximum: "+strconv.Itoa(MaxInOperands)+", number of operands: "+strconv.Itoa(len(list)))
		}
		p.checkDistinct("IN", append([]Operand{l}, list...))
		return In{X: l, List: list}
	}
	if _, ok := l.(SizeOperand); ok {
		setOnce(&p.errs.misused, "The function is not allowed to be used this way in an expression; function: size")
	}
	p.syntax()
	return nil
}

func (p *parser) isComparator() bool {
	t := p.peek()
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case "=", "<>", "<", "<=", ">", ">=":
		return true
	}
	return false
}

// args parses ( operand, ... ).
func (p *parser) args() []Operand {
	p.expectPunct("(")
	var out []Operand
	for p.fail == "" {
		out = append(out, p.operand())
		if p.isPunct(",") {
			p.next()
			continue
		}
		break
	}
	if p.fail == "" {
		p.expectPunct(")")
	}
	return out
}

// operand parses a path, a :value or size(path).
func (p *parser) operand() Operand {
	if p.fail != "" {
		return nil
	}
	if p.isPunct("(") {
		// An operand in parentheses; two pairs around one operand are
		// redundant.
		p.next()
		double := p.isPunct("(")
		o := p.operand()
		if p.fail == "" && p.expectPunct(")") && double && p.toks[p.i-2].kind == tPunct && p.toks[p.i-2].text == ")" {
			setOnce(&p.errs.parens, "The expression has redundant parentheses;")
		}
		return o
	}
	t := p.peek()
	switch t.kind {
	case tValue:
		v, _ := p.value()
		return v
	case tIdent:
		if nt := p.toks[p.i+1]; nt.kind == tPunct && nt.text == "(" {
			p.next()
			args := p.args()
			if t.text == "size" {
				p.checkFunc("size", args)
				if len(args) == 1 {
					if po, ok := args[0].(PathOperand); ok {
						return SizeOperand{Path: po.Path}
					}
				}
				return SizeOperand{}
			}
			if _, ok := boolFuncs[t.text]; ok {
				setOnce(&p.errs.misused, "The function is not allowed to be used this way in an expression; function: "+t.text)
			} else {
				setOnce(&p.errs.unknownFunc, "Invalid function name; function: "+t.text)
			}
			return ValueOperand{}
		}
		fallthrough
	case tName:
		path, ok := p.path()
		if !ok {
			return nil
		}
		return PathOperand{Path: path}
	}
	p.syntax()
	return nil
}

func staticType(o Operand) attr.Type {
	switch v := o.(type) {
	case ValueOperand:
		return v.Value.T
	case SizeOperand:
		return attr.TN
	}
	return ""
}

func (p *parser) checkFunc(name string, args []Operand) {
	want := boolFuncs[name]
	if name == "size" {
		want = 1
	}
	if len(args) != want {
		setOnce(&p.errs.operand, "Incorrect number of operands for operator or function; operator or function: "+name+", number of operands: "+strconv.Itoa(len(args)))
		return
	}
	p.checkDistinct(name, args)
	switch name {
	case "attribute_exists", "attribute_not_exists":
		if _, ok := args[0].(PathOperand); !ok {
			setOnce(&p.errs.function, "Operator or function requires a document path; operator or function: "+name)
		}
	case "begins_with":
		for _, a := range args {
			if t := staticType(a); t != "" && t != attr.TS && t != attr.TB {
				setOnce(&p.errs.function, "Incorrect operand type for operator or function; operator or function: "+name+", operand type: "+string(t))
			}
		}
	case "attribute_type":
		t := staticType(args[1])
		if t != attr.TS {
			if t == "" {
				t = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
			}
			setOnce(&p.errs.function, "Incorrect operand type for operator or function; operator or function: "+name+", operand type: "+string(t))
			return
		}
		v := args[1].(ValueOperand).Value.S
		switch attr.Type(v) {
		case attr.TS, attr.TN, attr.TB, attr.TNULL, attr.TSS, attr.TBOOL, attr.TL, attr.TBS, attr.TNS, attr.TM:
		default:
			setOnce(&p.errs.function, "Invalid attribute type name found; type: "+v+", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
		}
	case "size":
		switch t := staticType(args[0]); t {
		case attr.TN, attr.TBOOL, attr.TNULL:
			setOnce(&p.errs.function, "Incorrect operand type for operator or function; operator or function: "+name+", operand type: "+string(t))
		}
	}
}

func (p *parser) checkDistinct(name string, args []Operand) {
	if len(args) < 2 {
		return
	}
	a, ok := args[0].(PathOperand)
	if !ok {
		return
	}
	for _, o := range args[1:] {
		b, ok := o.(PathOperand)
		if ok && a.Path.String() == b.Path.String() {
			setOnce(&p.errs.distinct, "The first operand must be distinct from the remaining operands for this operator or function; operator: "+name+", first operand: "+a.Path.String())
			return
		}
	}
}

func (p *parser) checkBetween(lo, hi Operand) {
	a, ok1 := lo.(ValueOperand)
	b, ok2 := hi.(ValueOperand)
	if !ok1 || !ok2 || a.Value.T == "" || b.Value.T == "" {
		return
	}
	desc := "lower bound operand: AttributeValue: " + braceless(a.Value) + ", upper bound operand: AttributeValue: " + braceless(b.Value)
	if a.Value.T != b.Value.T {
		setOnce(&p.errs.function, "The BETWEEN operator requires same data type for lower and upper bounds; "+desc)
		return
	}
	if c, ok := attr.Compare(a.Value, b.Value); ok && c > 0 {
		setOnce(&p.errs.function, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "+desc)
	}
}

func braceless(v attr.Value) string { return strings.TrimSpace(v.String()) }
