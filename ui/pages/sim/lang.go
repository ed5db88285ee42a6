package sim

// langOf is the language ("en" or "ko") a console's translation function
// speaks: the engines give their text in both, and the run functions are
// handed only the function.
func langOf(t func(string) string) string {
	if l := t("lang.code"); l == "ko" {
		return l
	}
	return "en"
}
