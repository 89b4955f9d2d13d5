package i18n

// The text of defensa export and of the pages it writes.
func init() {
	for k, v := range map[string]string{
		"help.export": `Writes the library as files you can carry beyond this computer. Nothing
else is written, and nothing is ever sent anywhere.

  html    a website of every guide, in English and Spanish, with the
          printable pages: open DIR/index.html in any browser, copy the
          folder to a phone or a USB stick, or turn it into a Kiwix file
          (see the README). It loads nothing from the internet.
  cards   only the printable pages: wallet-size rights cards to cut out
          and one-page handouts, for US letter or A4.

With --guides, your own guides come in too, and a hotline one of them
declares is printed on the cards and handouts. Examples:
  defensa export html defensa-site
  defensa export cards cards --guides our-guides
`,
		"cmd.export.usage":   "export html|cards DIR",
		"cmd.export.summary": "write the library as a website, or cards and handouts to print",
		"export.usage":       "export needs html or cards and a folder: defensa export html my-site",
		"export.bad_kind":    "export makes html or cards, not %q",
		"export.done":        "Wrote %d files to %s. Open %s in a browser.",
		"export.failed":      "Could not write the export to %s: %s",

		"export.skip_no_guide": "no guide %s in %s: its printable page was not made",
		"export.skip_no_card":  "%s in %s has no card text (code blocks marked card-holder and card-officer): no cards were made",

		"export.lang_self":          "English",
		"export.disclaimer":         "General information, not legal advice",
		"export.footer_offline":     "These pages load nothing from the internet, set no cookies and store nothing.",
		"export.skip":               "Skip to the text",
		"export.reviewed":           "Reviewed %s",
		"export.facts_as_of":        "Facts as of %s",
		"export.local":              "This guide comes from a local guides folder, not from defensa's own library.",
		"export.local_replaces":     "This guide comes from a local guides folder. It replaces defensa's own guide with the same name.",
		"export.local_tag":          "local",
		"export.sources":            "Sources",
		"export.all_guides":         "All guides",
		"export.index_title":        "Deportation defense guide",
		"export.tagline":            "Free, offline guides: your rights, finding someone in detention, fighting a deportation.",
		"export.search_label":       "Search the guides",
		"export.search_placeholder": "words, a question, a form number…",
		"export.search_found":       "%d found",
		"export.search_none":        "Nothing found. Try fewer or simpler words.",
		"export.right_now":          "Right now",
		"export.sections":           "Sections",
		"export.print":              "Print",
		"export.cards_title":        "Rights cards to cut out",
		"export.cards_summary":      "Wallet-size, two-sided cards: your side, and the officer's side in English. US letter or A4.",
		"export.cards_howto":        "Print both pages on one sheet, on both sides (flip on the long edge), at actual size (100%, not “fit to page”), on US letter or A4. Cut along the marks. Card stock lasts longer.",
		"export.cards_source":       "The words are defensa's own, from the guide rights/red-card.",
		"export.card_holder_title":  "Know your rights",
		"export.card_officer_title": "To the officer",
		"export.card_write_in":      "Lawyer or hotline:",
		"export.handout_tag":        "one page",
		"export.handout_howto":      "This page prints on one sheet of US letter or A4.",
		"export.words_to_say":       "Words to say",
		"export.if_english":         "If the agent only speaks English:",
		"export.full_guide":         "The full guide: defensa read %s",

		"export.month":    "%s %d",
		"export.month_01": "January",
		"export.month_02": "February",
		"export.month_03": "March",
		"export.month_04": "April",
		"export.month_05": "May",
		"export.month_06": "June",
		"export.month_07": "July",
		"export.month_08": "August",
		"export.month_09": "September",
		"export.month_10": "October",
		"export.month_11": "November",
		"export.month_12": "December",
	} {
		english[k] = v
	}
}
