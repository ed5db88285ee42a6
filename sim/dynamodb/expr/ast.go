package expr

import (
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// PathElem is one step of a document path: a map key or a list index.
type PathElem struct {
	Name    string
	Index   int
	IsIndex bool
}

// Path is a document path such as a.b[2].c, with names already resolved.
type Path []PathElem

// String renders the path as AWS does in messages: [a, b, [2], c].
func (p Path) String() string {
	parts := make([]string, len(p))
	for i, e := range p {
		if e.IsIndex {
			parts[i] = "[" + strconv.Itoa(e.Index) + "]"
		} else {
			parts[i] = e.Name
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Top is the top-level attribute name of the path.
func (p Path) Top() string { return p[0].Name }

// Operand is a value-producing term: a path, a literal value, or a function.
type Operand interface{ isOperand() }

// PathOperand reads an attribute of the item.
type PathOperand struct{ Path Path }

// ValueOperand is an :value placeholder, resolved at parse time.
type ValueOperand struct {
	Name  string
	Value attr.Value
}

// SizeOperand is size(path).
type SizeOperand struct{ Path Path }

// IfNotExists is if_not_exists(path, operand) in SET.
type IfNotExists struct {
	Path    Path
	Default Operand
}

// ListAppend is list_append(a, b) in SET.
type ListAppend struct{ A, B Operand }

// Arith is a + b or a - b in SET.
type Arith struct {
	Op   string
	A, B Operand
}

func (PathOperand) isOperand()  {}
func (ValueOperand) isOperand() {}
func (SizeOperand) isOperand()  {}
func (IfNotExists) isOperand()  {}
func (ListAppend) isOperand()   {}
func (Arith) isOperand()        {}

// Cond is a boolean term of a condition, filter or key condition.
type Cond interface{ isCond() }

// Compare is a comparator between two operands: = <> < <= > >=.
type Compare struct {
	Op   string
	L, R Operand
}

// Between is x BETWEEN lo AND hi.
type Between struct{ X, Lo, Hi Operand }

// In is x IN (a, b, ...).
type In struct {
	X    Operand
	List []Operand
}

// Func is a boolean function: attribute_exists, attribute_not_exists,
// attribute_type, begins_with, contains.
type Func struct {
	Name string
	Args []Operand
}

// And, Or and Not combine conditions.
type And struct{ L, R Cond }

// Or is L OR R.
type Or struct{ L, R Cond }

// Not is NOT C.
type Not struct{ C Cond }

func (Compare) isCond() {}
func (Between) isCond() {}
func (In) isCond()      {}
func (Func) isCond()    {}
func (And) isCond()     {}
func (Or) isCond()      {}
func (Not) isCond()     {}
