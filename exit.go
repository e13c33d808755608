package main

// How a command's error becomes an exit status and a message.

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitInvalid = 1 // an invalid dossier, or a command that failed
	exitUsage   = 2 // the command line itself is wrong
)

// exitError ends the program with a code; silent when the reason has been
// printed already (validation problems).
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// Errors of the packages say when they are a usage error.
	var usage interface{ Usage() bool }
	if errors.As(err, &usage) && usage.Usage() || isCobraUsageError(err) {
		return exitUsage
	}
	return exitInvalid
}

// isCobraUsageError recognises the errors cobra makes for an unknown
// command or flag, which it does not type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// errorHandler prints an error in fang's box, as written: fang's style
// capitalises the message, which turns a path like /dev/zero into
// /Dev/Zero.
func errorHandler(w io.Writer, styles fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.silent {
		return
	}
	styles.ErrorText = styles.ErrorText.UnsetTransform()
	fang.DefaultErrorHandler(w, styles, err)
}
