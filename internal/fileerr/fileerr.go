// Package fileerr holds errors located in a file: the file, and where known
// the line and column, printed as FILE:LINE:COLUMN: message like a compiler.
package fileerr

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a problem at a place in a file. Line and Column are 1-based;
// zero means unknown.
type Error struct {
	File   string
	Line   int
	Column int
	Err    error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an *Error with a formatted message.
func New(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// List collects every problem found in one pass, so a user fixes a file once
// rather than once per error.
type List []*Error

func (l List) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.Is and errors.As see each problem.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns nil for an empty list, so callers can return l.Err() directly.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// All flattens err into its located problems; an error without a location is
// returned as a single problem with an empty file name.
func All(err error) []*Error {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	if err == nil {
		return nil
	}
	return []*Error{{Err: err}}
}

// LineCol converts a byte offset in data to a 1-based line and column.
func LineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	line, col = 1, 1
	for _, b := range data[:offset] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
