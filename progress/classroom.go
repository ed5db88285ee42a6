package progress

import "github.com/saa-study/saa-study/store"

// Store is the progress file's store, or nil without one. The classroom
// keeps its sessions in the teacher's progress file and takes the store
// from here, so that a screen can start a class without opening the file
// itself.
func (p *Progress) Store() *store.Store {
	if !p.HasStore() {
		return nil
	}
	return p.st
}
