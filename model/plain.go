package model

import (
	"os"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// fromEnvironment turns on what the environment asks for: NO_COLOR (no
// colour) and ACCESSIBLE (plain mode), each with any non-empty value.
func fromEnvironment(opts Options) Options {
	if os.Getenv("NO_COLOR") != "" {
		opts.NoColor = true
	}
	if os.Getenv("ACCESSIBLE") != "" {
		opts.Plain = true
	}
	return opts
}

// newTheme builds the styles for a background, plain or not.
func (m *Root) newTheme(dark bool) *views.Theme {
	if m.opts.Plain {
		return views.AccessibleTheme(m.d, dark, m.opts.NoColor)
	}
	return views.NewTheme(m.d, dark, m.opts.NoColor)
}

// header is the top line and where its tabs are.
func (m *Root) header() (string, []data.Span) {
	if m.opts.Plain {
		return views.PlainHeader(m.d, m.tabTitles(), m.active, m.width, m.theme)
	}
	return views.Header(m.d, m.tabTitles(), m.active, m.width, m.theme)
}

// shortHelp is the one-line footer.
func (m *Root) shortHelp() string {
	if m.opts.Plain {
		return views.PlainHelp(helpItems(m.ShortHelp()), m.width, m.theme)
	}
	return m.help.ShortHelpView(m.ShortHelp())
}
