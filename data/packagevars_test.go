package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Tests change what data and its packages do through options carried by
// a value (LoadOptions and the loader's hooks, the search engine's
// tuning), never by setting a package variable: a library whose behaviour
// hangs on a hidden global surprises its callers, and tests that set one
// cannot run in parallel. No test file of the module assigns, increments
// or takes the address of a package-level variable declared in a non-test
// file under data/ (nor of a part of one: an element, a field).
func TestNoTestSetsAPackageVariable(t *testing.T) {
	root := ".." // the module's, from data
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	module := ""
	for line := range strings.Lines(string(mod)) {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			module = f[1]
		}
	}
	if module == "" {
		t.Fatal("go.mod names no module")
	}
	fset := token.NewFileSet()
	vars := map[string]map[string]bool{} // import path → its package variables
	var tests []string
	pkgOf := func(file string) (string, error) {
		rel, err := filepath.Rel(root, filepath.Dir(file))
		return path.Join(module, filepath.ToSlash(rel)), err
	}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if name := e.Name(); p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, "_test.go") {
			tests = append(tests, p)
			return nil
		}
		pkg, err := pkgOf(p)
		if err != nil || !strings.HasSuffix(p, ".go") || (pkg != module+"/data" && !strings.HasPrefix(pkg, module+"/data/")) {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						if n.Name != "_" {
							if vars[pkg] == nil {
								vars[pkg] = map[string]bool{}
							}
							vars[pkg][n.Name] = true
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(vars[module+"/data"]) == 0 || len(tests) < 50 {
		t.Fatalf("found %d package variables in data and %d test files: not the module's tree", len(vars[module+"/data"]), len(tests))
	}
	for _, p := range tests {
		pkg, err := pkgOf(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range packageVarsSet(f, pkg, vars) {
			t.Errorf("%s: a test %s; make it an option of the value that uses it", fset.Position(s.pos), s.what)
		}
	}
}

type varSet struct {
	pos  token.Pos
	what string
}

// packageVarsSet finds where a test file of package pkg sets one of vars
// (by import path). A name declared anywhere in a top-level declaration
// (a parameter, a := or a var) counts as that declaration's own
// throughout it: a check that can miss a global shadowed in one function,
// but never blames a local.
func packageVarsSet(f *ast.File, pkg string, vars map[string]map[string]bool) []varSet {
	own := pkg // the package whose variables plain names are
	if strings.HasSuffix(f.Name.Name, "_test") {
		own = ""
	}
	imports := map[string]string{} // name in the file → import path
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = p
	}
	var found []varSet
	for _, decl := range f.Decls {
		local := declaredIn(decl)
		// target is the package variable that assigning to e sets.
		var target func(e ast.Expr) (string, string, bool)
		target = func(e ast.Expr) (string, string, bool) {
			switch e := e.(type) {
			case *ast.Ident:
				return own, e.Name, own != "" && !local[e.Name]
			case *ast.SelectorExpr:
				if x, ok := e.X.(*ast.Ident); ok && !local[x.Name] && imports[x.Name] != "" {
					return imports[x.Name], e.Sel.Name, true
				}
				return target(e.X) // a field
			case *ast.IndexExpr:
				return target(e.X)
			case *ast.StarExpr:
				return target(e.X)
			case *ast.ParenExpr:
				return target(e.X)
			}
			return "", "", false
		}
		check := func(e ast.Expr, how string) {
			if p, name, ok := target(e); ok && vars[p][name] {
				found = append(found, varSet{e.Pos(), how + " " + path.Base(p) + "." + name})
			}
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE {
					for _, e := range n.Lhs {
						check(e, "assigns")
					}
				}
			case *ast.IncDecStmt:
				check(n.X, "changes")
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if e != nil {
							check(e, "assigns")
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					check(n.X, "takes the address of")
				}
			}
			return true
		})
	}
	return found
}

// declaredIn is every name a declaration declares inside it: parameters
// and results, := and var.
func declaredIn(decl ast.Decl) map[string]bool {
	names := map[string]bool{}
	fields := func(l *ast.FieldList) {
		if l == nil {
			return
		}
		for _, f := range l.List {
			for _, n := range f.Names {
				names[n.Name] = true
			}
		}
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			fields(n.Recv)
		case *ast.FuncType:
			fields(n.Params)
			fields(n.Results)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, e := range n.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := n.Decl.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					if v, ok := spec.(*ast.ValueSpec); ok {
						for _, id := range v.Names {
							names[id.Name] = true
						}
					}
				}
			}
		}
		return true
	})
	return names
}
