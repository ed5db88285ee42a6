package text

// The deck list's interface text.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"st.decks":             {"Your own decks: %d, with %d cards (imported and from folders; D in Review lists them).", "내 덱: %d개, 카드 %d장 (가져온 덱과 폴더 덱. 복습에서 D로 목록을 봅니다)."},
			"decks.title":          {"Decks", "덱"},
			"decks.intro":          {"Every deck you review, with its new and due cards. Enter reviews one deck; i imports an Anki package, x exports the deck under the cursor.", "복습하는 모든 덱과 새 카드·기한 카드 수입니다. enter로 덱 하나를 복습하고, i로 Anki 패키지를 가져오며, x로 커서의 덱을 내보냅니다."},
			"decks.counts":         {"%d new · %d due", "새 %d · 기한 %d"},
			"decks.source.builtin": {"built-in", "기본 제공"},
			"decks.source.folder":  {"your folder", "내 폴더"},
			"decks.source.import":  {"imported", "가져옴"},
			"decks.loading":        {"Counting the decks…", "덱을 세는 중…"},
			"decks.working":        {"Working on the package…", "패키지를 처리하는 중…"},
			"decks.none":           {"No decks yet: press i to import an Anki package.", "아직 덱이 없습니다. i를 눌러 Anki 패키지를 가져오세요."},
			"decks.path.import":    {"Anki package to import (.apkg or .colpkg), then enter; esc cancels:", "가져올 Anki 패키지(.apkg, .colpkg)를 입력하고 enter를 누르세요. esc는 취소:"},
			"decks.path.export":    {"Write the deck as an Anki package to, then enter; esc cancels:", "덱을 Anki 패키지로 저장할 경로를 입력하고 enter를 누르세요. esc는 취소:"},
			"decks.imported":       {"%s: %d cards added or changed, %d reviews, %d unchanged.", "%s: 카드 %d장 추가·변경, 복습 %d회, %d장 그대로."},
			"decks.exported":       {"Exported %d cards and %d reviews to %s.", "카드 %d장과 복습 %d회를 %s에 내보냈습니다."},
		} {
			strs[k] = v
		}
	})
}
