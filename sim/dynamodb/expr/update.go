package expr

import (
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Action is one clause item of an UpdateExpression.
type Action struct {
	Kind  string // SET, REMOVE, ADD, DELETE
	Path  Path
	Value Operand // nil for REMOVE
}

// Update is a parsed UpdateExpression.
type Update struct{ Actions []Action }

// Runtime errors of an update, with AWS's texts.
var (
	errMissingOperand = attr.Validation("The provided expression refers to an attribute that does not exist in the item")
	errOperandType    = attr.Validation("An operand in the update expression has an incorrect data type")
	errBadPath        = attr.Validation("The document path provided in the update expression is invalid for update")
)

var typeWords = map[attr.Type]string{
	attr.TS: "STRING", attr.TN: "NUMBER", attr.TB: "BINARY", attr.TNULL: "NULL",
	attr.TBOOL: "BOOLEAN", attr.TL: "LIST", attr.TM: "MAP",
}

// ParseUpdate parses an UpdateExpression.
func ParseUpdate(ctx *Context, src string) (*Update, error) {
	if err := checkSource(KindUpdate, src); err != nil {
		return nil, err
	}
	p := newParser(ctx, KindUpdate, src)
	u := &Update{}
	seen := map[string]bool{}
	for p.fail == "" && p.peek().kind != tEOF {
		t := p.peek()
		kw := strings.ToUpper(t.text)
		if t.kind != tIdent || (kw != "SET" && kw != "REMOVE" && kw != "ADD" && kw != "DELETE") {
			p.syntax()
			break
		}
		p.next()
		if seen[kw] {
			setOnce(&p.errs.section, `The "`+kw+`" section can only be used once in an update expression;`)
		}
		seen[kw] = true
		for p.fail == "" {
			a := Action{Kind: kw}
			a.Path, _ = p.path()
			if p.fail != "" {
				break
			}
			switch kw {
			case "SET":
				if !p.expectPunct("=") {
					break
				}
				a.Value = p.setValue()
			case "ADD", "DELETE":
				if p.peek().kind != tValue {
					p.syntax()
					break
				}
				v, _ := p.value()
				a.Value = v
				if t := v.Value.T; t != "" && typeWords[t] != "" && !(kw == "ADD" && t == attr.TN) {
					setOnce(&p.errs.operand, "Incorrect operand type for operator or function; operator: "+kw+", operand type: "+typeWords[t])
				}
			}
			u.Actions = append(u.Actions, a)
			if !p.isPunct(",") {
				break
			}
			p.next()
		}
	}
	for i := range u.Actions {
		for j := 0; j < i; j++ {
			p.checkOverlap(u.Actions[j].Path, u.Actions[i].Path)
		}
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	return u, nil
}

func (p *parser) checkOverlap(a, b Path) {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].IsIndex != b[i].IsIndex {
			setOnce(&p.errs.conflict, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "+a.String()+", path two: "+b.String())
			return
		}
		if a[i] != b[i] {
			return
		}
	}
	setOnce(&p.errs.overlap, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "+a.String()+", path two: "+b.String())
}

// setValue parses operand [ (+|-) operand ].
func (p *parser) setValue() Operand {
	a := p.setOperand()
	if p.fail == "" && (p.isPunct("+") || p.isPunct("-")) {
		op := p.next().text
		b := p.setOperand()
		for _, o := range []Operand{a, b} {
			if t := staticType(o); t != "" && t != attr.TN {
				setOnce(&p.errs.function, "Incorrect operand type for operator or function; operator or function: "+op+", operand type: "+string(t))
			}
		}
		return Arith{Op: op, A: a, B: b}
	}
	return a
}

func (p *parser) setOperand() Operand {
	if p.fail != "" {
		return nil
	}
	if p.isPunct("(") {
		// A parenthesized value: (a + b), (c[1]).
		p.next()
		v := p.setValue()
		if p.fail == "" {
			p.expectPunct(")")
		}
		return v
	}
	t := p.peek()
	if t.kind == tIdent && p.toks[p.i+1].kind == tPunct && p.toks[p.i+1].text == "(" {
		p.next()
		p.next()
		var args []Operand
		for p.fail == "" {
			args = append(args, p.setValue())
			if p.isPunct(",") {
				p.next()
				continue
			}
			break
		}
		if p.fail == "" {
			p.expectPunct(")")
		}
		switch t.text {
		case "if_not_exists", "list_append":
		default:
			setOnce(&p.errs.unknownFunc, "Invalid function name; function: "+t.text)
			return ValueOperand{}
		}
		if len(args) != 2 {
			setOnce(&p.errs.function, "Incorrect number of operands for operator or function; operator or function: "+t.text+", number of operands: "+itoa(len(args)))
			return ValueOperand{}
		}
		if t.text == "if_not_exists" {
			po, ok := args[0].(PathOperand)
			if !ok {
				setOnce(&p.errs.function, "Operator or function requires a document path; operator or function: if_not_exists")
				return ValueOperand{}
			}
			return IfNotExists{Path: po.Path, Default: args[1]}
		}
		for _, o := range args {
			if st := staticType(o); st != "" && st != attr.TL {
				setOnce(&p.errs.function, "Incorrect operand type for operator or function; operator or function: list_append, operand type: "+string(st))
			}
		}
		return ListAppend{A: args[0], B: args[1]}
	}
	switch t.kind {
	case tValue:
		v, _ := p.value()
		return v
	case tIdent, tName:
		path, ok := p.path()
		if !ok {
			return nil
		}
		return PathOperand{Path: path}
	}
	p.syntax()
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// Paths lists the paths the update writes.
func (u *Update) Paths() []Path {
	out := make([]Path, len(u.Actions))
	for i, a := range u.Actions {
		out[i] = a.Path
	}
	return out
}

// AllPaths lists every document path the update names: each action's
// target, then the paths its value reads.
func (u *Update) AllPaths() []Path {
	out := u.Paths()
	var walk func(o Operand)
	walk = func(o Operand) {
		switch v := o.(type) {
		case PathOperand:
			out = append(out, v.Path)
		case SizeOperand:
			out = append(out, v.Path)
		case IfNotExists:
			out = append(out, v.Path)
			walk(v.Default)
		case ListAppend:
			walk(v.A)
			walk(v.B)
		case Arith:
			walk(v.A)
			walk(v.B)
		}
	}
	for _, a := range u.Actions {
		walk(a.Value)
	}
	return out
}
