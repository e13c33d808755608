package edit

import (
	"path/filepath"
	"sync"

	"github.com/fsnotify/fsnotify"
)

// A Watcher says when one of a session's files may have changed on disk:
// its user saved it in an editor beside parley. Editors often save by
// writing a new file and renaming it over the old, so the directories are
// watched and their events filtered by name. C receives a value (at most
// one waiting) after any change; Session.Changed then says what changed.
type Watcher struct {
	C <-chan struct{}

	w     *fsnotify.Watcher
	names map[string]bool
	done  chan struct{}
	once  sync.Once
}

// Watch watches the files at paths.
func Watch(paths ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	c := make(chan struct{}, 1)
	w := &Watcher{C: c, w: fw, names: map[string]bool{}, done: make(chan struct{})}
	dirs := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			fw.Close()
			return nil, err
		}
		w.names[abs] = true
		dirs[filepath.Dir(abs)] = true
	}
	for d := range dirs {
		if err := fw.Add(d); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go func() {
		defer close(c)
		for {
			select {
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if ev.Op == fsnotify.Chmod || !w.names[filepath.Clean(ev.Name)] {
					continue
				}
				select {
				case c <- struct{}{}:
				default:
				}
			case _, ok := <-fw.Errors:
				if !ok {
					return
				}
			case <-w.done:
				return
			}
		}
	}()
	return w, nil
}

// Close stops watching; C is closed.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.w.Close()
	})
	return err
}
