package text

func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"card.title":     {"New card", "새 카드"},
			"card.from":      {"From: %s", "출처: %s"},
			"card.front":     {"Front (the question)", "앞면 (질문)"},
			"card.back":      {"Back (the answer)", "뒷면 (답)"},
			"card.hint":      {"ctrl+s saves to your deck · tab front ⇄ back · esc cancels", "ctrl+s 내 덱에 저장 · tab 앞면 ⇄ 뒷면 · esc 취소"},
			"card.saving":    {"Saving…", "저장 중…"},
			"card.saved":     {"Card saved to your deck %q; it comes up in Review.", "카드를 내 덱 %q에 저장했습니다. 복습에 나옵니다."},
			"card.cancelled": {"No card saved.", "카드를 저장하지 않았습니다."},
			"card.empty":     {"Write something on both sides first.", "먼저 앞면과 뒷면을 모두 채우세요."},
		} {
			strs[k] = v
		}
	})
}
