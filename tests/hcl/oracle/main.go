// hcloracle: HashiCorp's HCL (hclsyntax, hclwrite) as the reference for Kanri's HCL engine.
//
// Usage: hcloracle FILE...
//
// Prints a JSON array with one object per file:
//
//	{"file": NAME, "ok": BOOL, "errors": [{"line", "column", "summary", "detail"}],
//	 "maps": {NAME: {"source", "line", "kind", "count", "entries", "fields", "value_kinds"}},
//	 "values": [{"path": [MAP, KEY(, FIELD)], "typed": BASE64(TYPED as JSON text)}],
//	 "hclwrite": BASE64(FORMATTED), "terraform": BASE64(FORMATTED)}
//
// (Formatted files and typed values are base64 so that every byte arrives as it is: Go's JSON
// encoder would replace invalid UTF-8, which comments may hold.)
//
// Native-syntax files are parsed with hclsyntax.ParseConfig, files ending in .json with the
// JSON syntax parser (accept/reject only). "maps" applies Kanri's discovery rules (top-level
// attributes, attributes of `locals` blocks, `default` of `variable "x"`, arguments of
// `module "x"`, each holding an object constructor or a tuple with an object in it) to
// hclsyntax's syntax tree. "values" gives every entry and every field of an object entry as a
// typed value: {"kind": "literal", "value": JSON} when the expression is a literal (numbers,
// strings and heredocs without template sequences, bools, null, and objects/tuples of those
// with identifier or quoted keys), evaluated by HCL itself with numbers printed exactly, or
// {"kind": "expression", "source": TEXT} with the expression's source text. "hclwrite" is
// hclwrite.Format; "terraform" is what `terraform fmt` writes: Terraform's rewrites
// (internal/command/fmt.go: legacy variable types, "${x}" attribute values unwrapped, block
// labels quoted), done here the way Terraform does them, on hclwrite's tree, then formatted.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

type diag struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
}

type mapInfo struct {
	Source     string   `json:"source"`
	Line       int      `json:"line"`
	Kind       string   `json:"kind"`
	Count      int      `json:"count"`
	Entries    *[]string `json:"entries,omitempty"`
	Fields     []string `json:"fields"`
	ValueKinds []string `json:"value_kinds"`
}

// Typed holds the typed value as JSON text, base64-encoded so that numbers reach the reader
// with all their digits and source text byte for byte.
type value struct {
	Path  []string `json:"path"`
	Typed []byte   `json:"typed"`
}

type result struct {
	File      string              `json:"file"`
	OK        bool                `json:"ok"`
	Errors    []diag              `json:"errors"`
	Maps      map[string]*mapInfo `json:"maps"`
	Values    []value             `json:"values,omitempty"`
	Hclwrite  []byte              `json:"hclwrite,omitempty"`
	Terraform []byte              `json:"terraform,omitempty"`
}

func main() {
	results := []result{}
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hcloracle: %v\n", err)
			os.Exit(2)
		}
		results = append(results, examine(path, src))
	}
	out, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintf(os.Stderr, "hcloracle: %v\n", err)
		os.Exit(2)
	}
	os.Stdout.Write(out)
	os.Stdout.Write([]byte("\n"))
}

func diagnostics(diags hcl.Diagnostics) []diag {
	out := []diag{}
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		x := diag{Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			x.Line = d.Subject.Start.Line
			x.Column = d.Subject.Start.Column
		}
		out = append(out, x)
	}
	return out
}

func examine(path string, src []byte) result {
	r := result{File: path}
	if strings.HasSuffix(path, ".json") {
		_, diags := hcljson.Parse(src, path)
		r.Errors = diagnostics(diags)
		r.OK = !diags.HasErrors()
		return r
	}
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	r.Errors = diagnostics(diags)
	r.OK = !diags.HasErrors()
	if !r.OK {
		return r
	}
	d := discovery{src: src, maps: map[string]*mapInfo{}}
	d.body(file.Body.(*hclsyntax.Body))
	r.Maps = d.maps
	r.Values = d.values
	r.Hclwrite = hclwrite.Format(src)
	r.Terraform = terraformFmt(src, path)
	return r
}

// ---- map discovery

type discovery struct {
	src    []byte
	maps   map[string]*mapInfo
	values []value
}

func (d *discovery) source(r hcl.Range) string {
	return string(d.src[r.Start.Byte:r.End.Byte])
}

// Body items in file order (hclsyntax keeps attributes in a map).
type item struct {
	start int
	attr  *hclsyntax.Attribute
	block *hclsyntax.Block
}

func items(b *hclsyntax.Body) []item {
	var out []item
	for _, a := range b.Attributes {
		out = append(out, item{a.SrcRange.Start.Byte, a, nil})
	}
	for _, bl := range b.Blocks {
		out = append(out, item{bl.TypeRange.Start.Byte, nil, bl})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func (d *discovery) body(b *hclsyntax.Body) {
	for _, it := range items(b) {
		if it.attr != nil {
			d.consider(it.attr.Name, "tfvars", it.attr)
			continue
		}
		bl := it.block
		switch {
		case bl.Type == "locals" && len(bl.Labels) == 0:
			for _, i := range items(bl.Body) {
				if i.attr != nil {
					d.consider(i.attr.Name, "locals", i.attr)
				}
			}
		case bl.Type == "variable" && len(bl.Labels) == 1:
			for _, i := range items(bl.Body) {
				if i.attr != nil && i.attr.Name == "default" {
					d.consider(bl.Labels[0], "variable.default", i.attr)
				}
			}
		case bl.Type == "module" && len(bl.Labels) == 1:
			for _, i := range items(bl.Body) {
				if i.attr != nil {
					d.consider("module."+bl.Labels[0]+"."+i.attr.Name, "module.argument", i.attr)
				}
			}
		}
	}
}

func (d *discovery) consider(name, source string, a *hclsyntax.Attribute) {
	m := &mapInfo{Source: source, Line: a.NameRange.Start.Line, Fields: []string{},
		ValueKinds: []string{}}
	seenField := map[string]bool{}
	addKind := func(k string) {
		for _, x := range m.ValueKinds {
			if x == k {
				return
			}
		}
		m.ValueKinds = append(m.ValueKinds, k)
	}
	addFields := func(v hclsyntax.Expression) {
		obj, ok := v.(*hclsyntax.ObjectConsExpr)
		if !ok {
			return
		}
		for _, f := range obj.Items {
			k := d.keyText(f.KeyExpr)
			if !seenField[k] {
				seenField[k] = true
				m.Fields = append(m.Fields, k)
			}
		}
	}
	var vals []value
	entry := func(key string, v hclsyntax.Expression) {
		addKind(kindOf(v))
		addFields(v)
		vals = append(vals, value{[]string{name, key}, d.typed(v)})
		if obj, ok := v.(*hclsyntax.ObjectConsExpr); ok {
			for _, f := range obj.Items {
				vals = append(vals, value{[]string{name, key, d.keyText(f.KeyExpr)},
					d.typed(f.ValueExpr)})
			}
		}
	}
	switch v := a.Expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		m.Kind = "map"
		entries := []string{}
		m.Entries = &entries
		for _, i := range v.Items {
			key := d.keyText(i.KeyExpr)
			entries = append(entries, key)
			entry(key, i.ValueExpr)
		}
		m.Count = len(v.Items)
	case *hclsyntax.TupleConsExpr:
		hasObject := false
		for _, e := range v.Exprs {
			if _, ok := e.(*hclsyntax.ObjectConsExpr); ok {
				hasObject = true
			}
		}
		if !hasObject {
			return
		}
		m.Kind = "list"
		for n, e := range v.Exprs {
			entry(fmt.Sprint(n), e)
		}
		m.Count = len(v.Exprs)
	default:
		return
	}
	// A name given twice (a tfvars attribute and a local, say): the last one is the map, as
	// Kanri reads it.
	if _, again := d.maps[name]; again {
		kept := d.values[:0]
		for _, v := range d.values {
			if v.Path[0] != name {
				kept = append(kept, v)
			}
		}
		d.values = kept
	}
	d.maps[name] = m
	d.values = append(d.values, vals...)
}

// A key as Kanri lists it: identifiers as written, quoted strings (templates without
// template sequences) decoded, other templates as written between their quotes, a parenthesised key as the expression inside, anything else as its
// source text.
func (d *discovery) keyText(e hclsyntax.Expression) string {
	k, ok := e.(*hclsyntax.ObjectConsKeyExpr)
	if !ok {
		return d.source(e.Range())
	}
	w := k.Wrapped
	if !k.ForceNonLiteral {
		if name := hcl.ExprAsKeyword(w); name != "" {
			return name
		}
	}
	switch t := w.(type) {
	case *hclsyntax.TemplateExpr:
		if isLiteral(t) {
			v, _ := t.Value(nil)
			return v.AsString()
		}
		s := d.source(t.SrcRange)
		if strings.HasPrefix(s, "\"") {
			return s[1 : len(s)-1]
		}
		return s
	case *hclsyntax.TemplateWrapExpr:
		s := d.source(t.SrcRange)
		if strings.HasPrefix(s, "\"") {
			return s[1 : len(s)-1]
		}
		return s
	case *hclsyntax.ParenthesesExpr:
		return d.source(t.Expression.Range())
	}
	return d.source(w.Range())
}

// The value kinds of the conformance sidecars: a template of one literal part is a string,
// any other template a template; a negated number literal is a number.
func kindOf(e hclsyntax.Expression) string {
	switch v := e.(type) {
	case *hclsyntax.ObjectConsExpr:
		return "object"
	case *hclsyntax.TupleConsExpr:
		return "list"
	case *hclsyntax.TemplateExpr:
		if v.IsStringLiteral() {
			return "string"
		}
		return "template"
	case *hclsyntax.TemplateWrapExpr:
		return "template"
	case *hclsyntax.LiteralValueExpr:
		switch {
		case v.Val.IsNull():
			return "null"
		case v.Val.Type() == cty.Number:
			return "number"
		case v.Val.Type() == cty.Bool:
			return "bool"
		}
	case *hclsyntax.UnaryOpExpr:
		if isNegatedNumber(v) {
			return "number"
		}
	}
	return "expression"
}

func isNegatedNumber(u *hclsyntax.UnaryOpExpr) bool {
	lit, ok := u.Val.(*hclsyntax.LiteralValueExpr)
	return ok && u.Op == hclsyntax.OpNegate && !lit.Val.IsNull() && lit.Val.Type() == cty.Number
}

// Whether Kanri reads the expression as a literal value.
func isLiteral(e hclsyntax.Expression) bool {
	switch v := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.UnaryOpExpr:
		return isNegatedNumber(v)
	case *hclsyntax.TemplateExpr:
		for _, p := range v.Parts {
			if _, ok := p.(*hclsyntax.LiteralValueExpr); !ok {
				return false
			}
		}
		return true
	case *hclsyntax.TupleConsExpr:
		for _, x := range v.Exprs {
			if !isLiteral(x) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsExpr:
		for _, i := range v.Items {
			k := i.KeyExpr.(*hclsyntax.ObjectConsKeyExpr)
			literalKey := false
			if !k.ForceNonLiteral && hcl.ExprAsKeyword(k.Wrapped) != "" {
				literalKey = true
			} else if t, ok := k.Wrapped.(*hclsyntax.TemplateExpr); ok && isLiteral(t) {
				literalKey = true
			}
			if !literalKey || !isLiteral(i.ValueExpr) {
				return false
			}
		}
		return true
	}
	return false
}

func (d *discovery) typed(e hclsyntax.Expression) []byte {
	if isLiteral(e) {
		detail := "unknown value"
		v, diags := e.Value(nil)
		if diags.HasErrors() {
			detail = diagnostics(diags)[0].Summary
		} else if v.IsWhollyKnown() {
			j, err := ctyjson.SimpleJSONValue{Value: v}.MarshalJSON()
			if err == nil {
				out, _ := json.Marshal(map[string]json.RawMessage{
					"kind": json.RawMessage(`"literal"`), "value": j})
				return out
			}
			detail = err.Error()
		}
		out, _ := json.Marshal(map[string]string{"kind": "error", "detail": detail})
		return out
	}
	out, _ := json.Marshal(map[string]string{"kind": "expression",
		"source": d.source(e.Range())})
	return out
}

// ---- terraform fmt

func terraformFmt(src []byte, filename string) []byte {
	f, diags := hclwrite.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return src
	}
	formatBody(f.Body(), nil)
	return f.Bytes()
}

func formatBody(body *hclwrite.Body, inBlocks []string) {
	for name, attr := range body.Attributes() {
		if len(inBlocks) == 1 && inBlocks[0] == "variable" && name == "type" {
			body.SetAttributeRaw(name, formatTypeExpr(attr.Expr().BuildTokens(nil)))
			continue
		}
		body.SetAttributeRaw(name, formatValueExpr(attr.Expr().BuildTokens(nil)))
	}
	for _, block := range body.Blocks() {
		block.SetLabels(block.Labels())
		formatBody(block.Body(), append(inBlocks, block.Type()))
	}
}

func formatValueExpr(tokens hclwrite.Tokens) hclwrite.Tokens {
	if len(tokens) < 5 {
		return tokens
	}
	if tokens[0].Type != hclsyntax.TokenOQuote ||
		tokens[1].Type != hclsyntax.TokenTemplateInterp ||
		tokens[len(tokens)-2].Type != hclsyntax.TokenTemplateSeqEnd ||
		tokens[len(tokens)-1].Type != hclsyntax.TokenCQuote {
		return tokens
	}
	inside := tokens[2 : len(tokens)-2]
	quotes := 0
	for _, t := range inside {
		switch {
		case t.Type == hclsyntax.TokenOQuote:
			quotes++
			continue
		case t.Type == hclsyntax.TokenCQuote:
			quotes--
			continue
		case quotes > 0:
			continue
		case t.Type == hclsyntax.TokenTemplateInterp, t.Type == hclsyntax.TokenTemplateSeqEnd,
			t.Type == hclsyntax.TokenQuotedLit:
			return tokens
		}
	}
	for len(inside) > 0 && inside[0].Type == hclsyntax.TokenNewline {
		inside = inside[1:]
	}
	for len(inside) > 0 && inside[len(inside)-1].Type == hclsyntax.TokenNewline {
		inside = inside[:len(inside)-1]
	}
	multiLine, leading, trailing := false, false, false
	for i, t := range inside {
		switch {
		case i == 0 && t.Type == hclsyntax.TokenOParen:
			leading = true
		case t.Type == hclsyntax.TokenNewline:
			multiLine = true
		case i == len(inside)-1 && t.Type == hclsyntax.TokenCParen:
			trailing = true
		}
	}
	if multiLine && !(leading && trailing) {
		wrapped := hclwrite.Tokens{{Type: hclsyntax.TokenOParen, Bytes: []byte("(")}}
		wrapped = append(wrapped, inside...)
		return append(wrapped, &hclwrite.Token{Type: hclsyntax.TokenCParen, Bytes: []byte(")")})
	}
	return inside
}

func formatTypeExpr(tokens hclwrite.Tokens) hclwrite.Tokens {
	ident := func(s string) *hclwrite.Token {
		return &hclwrite.Token{Type: hclsyntax.TokenIdent, Bytes: []byte(s)}
	}
	call := func(name, arg string) hclwrite.Tokens {
		return hclwrite.Tokens{ident(name),
			{Type: hclsyntax.TokenOParen, Bytes: []byte("(")}, ident(arg),
			{Type: hclsyntax.TokenCParen, Bytes: []byte(")")}}
	}
	switch len(tokens) {
	case 1:
		if tokens[0].Type != hclsyntax.TokenIdent {
			return tokens
		}
		switch kw := string(tokens[0].Bytes); kw {
		case "list", "map", "set":
			return call(kw, "any")
		}
	case 3:
		if tokens[0].Type != hclsyntax.TokenOQuote || tokens[1].Type != hclsyntax.TokenQuotedLit ||
			tokens[2].Type != hclsyntax.TokenCQuote {
			return tokens
		}
		switch string(tokens[1].Bytes) {
		case "string":
			return hclwrite.Tokens{ident("string")}
		case "list":
			return call("list", "string")
		case "map":
			return call("map", "string")
		}
	}
	return tokens
}
