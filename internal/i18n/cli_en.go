package i18n

// The command line's messages: usage lines and summaries of the command
// table, flag descriptions, and what the commands say. No message starts
// with "defensa:": the command line adds it, once, to a failure.
func init() {
	for k, v := range map[string]string{
		// The command table.
		"cmd.tui.usage":          "[flags]",
		"cmd.tui.summary":        "open the full-screen guide",
		"cmd.list.usage":         "list [--json]",
		"cmd.list.summary":       "list every guide",
		"cmd.read.usage":         "read ID[#anchor] [--raw | --template] [--width N]",
		"cmd.read.summary":       "print one guide",
		"cmd.search.usage":       "search WORDS... [--json] [--limit N]",
		"cmd.search.summary":     "search every guide",
		"cmd.check.usage":        "check [DIR]",
		"cmd.check.summary":      "check the built-in guides or a folder of your own",
		"cmd.version.usage":      "version",
		"cmd.version.summary":    "print the version",
		"cmd.help.usage":         "help [COMMAND]",
		"cmd.help.summary":       "show help, for defensa or one command",
		"cmd.completion.usage":   "completion bash|zsh|fish|powershell",
		"cmd.completion.summary": "print a shell completion script",
		"cmd.man.usage":          "man",
		"cmd.man.summary":        "print the manual page",

		// Help.
		"cmd.usage":              "Usage:",
		"cmd.flags":              "Flags:",
		"cmd.global_flags":       "Flags for every command:",
		"cmd.global_flags_short": "Every command also takes %s (see defensa --help).",
		"cmd.tui_flags":          "Flags of the full-screen guide:",

		// Flags.
		"cmd.flag.lang":        "language (default: from LC_ALL, LC_MESSAGES, LANG)",
		"cmd.flag.guides":      "add your own guides from DIR (DIR/en/SECTION/SLUG.md); a guide with a built-in id replaces it",
		"cmd.flag.guides.arg":  "DIR",
		"cmd.flag.theme":       "colours: auto, dark, light, high-contrast or plain (none)",
		"cmd.flag.ascii":       "draw with plain ASCII only (automatic on the Linux console)",
		"cmd.flag.debug":       "write a debug log to FILE (nothing is logged otherwise)",
		"cmd.flag.debug.arg":   "FILE",
		"cmd.flag.help":        "help for a command: defensa read --help",
		"cmd.flag.version":     "print the version",
		"cmd.flag.mouse":       "scroll with the mouse wheel (then text cannot be selected with the mouse)",
		"cmd.flag.list_json":   "print the list as JSON",
		"cmd.flag.search_json": "print the results as JSON",
		"cmd.flag.limit":       "show at most N results (default 10)",
		"cmd.flag.limit.arg":   "N",
		"cmd.flag.raw":         "print the guide's Markdown as it is",
		"cmd.flag.template":    "print only the templates, the text to copy, ready to paste",
		"cmd.flag.width":       "wrap at N columns (default: the terminal's width, or 80)",
		"cmd.flag.width.arg":   "N",
		"cmd.flag.no_pager":    "print straight to the terminal, without a pager",

		// Mistakes in a command line.
		"cmd.unknown_command":   "unknown command %q.",
		"cmd.did_you_mean":      "Did you mean: %s",
		"cmd.see_help":          "See: %s",
		"cmd.flag_unknown":      "unknown option %s",
		"cmd.flag_no_value":     "option %s needs a value",
		"cmd.flag_bad_value":    "%q is not a valid value for %s",
		"cmd.flag_bool":         "%q is not a valid value for %s: leave the value out, or write true or false",
		"cmd.flag_number":       "%s needs a whole number, not %q",
		"cmd.flag_choice":       "%q is not a valid value for %s: use one of %s",
		"cmd.lang_all":          "%s works only with list and search: choose en or es",
		"cmd.extra_args":        "unexpected arguments: %s",
		"cmd.guides_missing":    "the guides folder %q does not exist",
		"cmd.guides_not_folder": "%q is not a folder: --guides and check need a folder of guides",
		"cmd.guides_unreadable": "cannot open the guides folder %q: %s",
		"cmd.write_failed":      "could not write the output: %s",
		"cmd.warning":           "warning",

		// list.
		"cmd.list.local":    "local",
		"cmd.list.replaces": "local, replaces the built-in guide",

		// read.
		"cmd.read.needs_id":        "read needs one guide id, for example: defensa read rights/at-home",
		"cmd.read.raw_or_template": "choose --raw or --template, not both",
		"cmd.read.bad_width":       "--width must be 0 (the terminal's width) or more",
		"cmd.read.no_guide":        "no guide %q",
		"cmd.read.opening":         "Showing %s.",
		"cmd.read.fallback":        "This guide is not available in your language; showing it in %s.",
		"cmd.read.no_anchor":       "No heading \"#%s\" in this guide; showing all of it.",
		"cmd.read.no_template":     "%s has no template to copy.",
		"cmd.read.render_failed":   "Could not format this guide; showing its text as it is.",
		"cmd.read.sources":         "Sources",
		"cmd.read.reviewed":        "Reviewed %s",
		"cmd.read.facts_as_of":     "facts as of %s",
		"cmd.read.local":           "Local guide, from %s",
		"cmd.read.replaces":        "Local guide, from %s: it replaces the built-in guide with this id",

		"cmd.read.try_search": "To look for it in every guide: defensa search %s",

		// search.
		"cmd.search.needs_query":  "search needs words to look for, for example: defensa search warrant",
		"cmd.search.bad_limit":    "--limit must be a number greater than 0",
		"cmd.search.right_now":    "Right now:",
		"cmd.search.none":         "Nothing found for %q.",
		"cmd.search.try_glossary": "Try fewer or simpler words, or look in the glossary (defensa read reference/glossary).",

		// check.
		"cmd.check.two_folders":    "give the folder to check once: defensa check DIR",
		"cmd.check.guides.one":     "%d guide checked",
		"cmd.check.guides.other":   "%d guides checked",
		"cmd.check.empty":          "no guides in %q: guides go at FOLDER/en/SECTION/SLUG.md and FOLDER/es/SECTION/SLUG.md",
		"cmd.check.clean":          "no problems",
		"cmd.check.problems.one":   "%d problem",
		"cmd.check.problems.other": "%d problems",
		"cmd.check.in_files.one":   "in %d file",
		"cmd.check.in_files.other": "in %d files",
		"cmd.check.warnings.one":   "%d warning",
		"cmd.check.warnings.other": "%d warnings",

		// The pager's prompt, in less.
		"cmd.pager.prompt": "q: quit, space: down, /: find",

		// completion.
		"cmd.completion.needs_shell": "completion needs the name of your shell: one of %s",

		// The manual page.
		"cmd.man.manual":      "defensa manual",
		"cmd.man.tagline":     "an offline deportation-defense guide, in English and Spanish",
		"cmd.man.name":        "Name",
		"cmd.man.synopsis":    "Synopsis",
		"cmd.man.description": "Description",
		"cmd.man.commands":    "Commands",
		"cmd.man.options":     "Options",
		"cmd.man.keys":        "Keys",
		"cmd.man.exit":        "Exit status",
		"cmd.man.environment": "Environment",
		"cmd.man.privacy":     "Privacy",
		"cmd.man.exit_text": `0    success
1    failure: a guide not found, problems found by check, output that
     could not be written
2    wrong usage: an unknown command or flag, a --guides folder that
     does not exist
130  interrupted (Ctrl+C); 128 plus the signal's number for another
     signal: 129 for SIGHUP, 143 for SIGTERM`,
		"cmd.man.environment_text": `LC_ALL, LC_MESSAGES, LANG   the language, when --lang is not given
NO_COLOR                    no colours
TERM                        TERM=linux (the Linux console) draws with ASCII
PAGER                       the pager of read on a terminal (default: less -R;
                            PAGER=cat for none); less keeps no history file`,
	} {
		english[k] = v
	}
}
