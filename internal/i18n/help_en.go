package i18n

func init() {
	for k, v := range map[string]string{
		"help.intro": `defensa: an offline deportation-defense guide, in English and Spanish.
General information, not legal advice.
`,
		"help.keys": `In the full-screen guide, ? shows every key of the screen you are on.
Ctrl+X is a quick exit: it closes defensa at once and clears the screen.
Ctrl+C quits.`,
		"help.privacy": `defensa never uses the internet and writes nothing to disk unless asked.`,

		"help.list": `Lists every guide by section, in your language. A guide from a --guides
folder is marked as local, and as replacing a built-in guide when it does.
--lang all lists both languages.

With --json, prints an array of {"id", "lang", "section", "title",
"summary", "reviewed", "facts_as_of", "sources", "local", "replaces",
"right_now", "hotline"}.`,
		"help.read": `Prints one guide, formatted for the terminal, with its sources and the
dates it was reviewed and its facts checked. On a terminal a long guide
opens in your pager ($PAGER, or less); in a pipe or with NO_COLOR it is
plain text. The id may be close: "read warrant" opens rights/warrants
when no other guide is that close. Examples:
  defensa read rights/at-home
  defensa read rights/warrants#is-it-a-judges-warrant
  defensa read templates/petition --template > petition.txt
  defensa read templates/petition --raw > petition.md

An #anchor ignores accents and capitals, and the anchor of the guide in
the other language works too. --raw and --template print the text exactly
as written, from the anchor's section when there is one.`,
		"help.search": `Searches every section of every guide, in both languages unless --lang
narrows it. Accents, capitals and small typos do not matter.
"Quoted words" must appear together. Examples:
  defensa search can they come in without a warrant
  defensa search la migra esta en mi puerta
  defensa search I-246 --json

With --json, prints an array of {"id", "lang", "title", "heading",
"anchor", "score", "snippet"}, best first; matched words in the snippet
are in **double asterisks**.`,
		"help.check": `Checks the built-in guides, or a folder laid out like them
(DIR/en/SECTION/SLUG.md, DIR/es/SECTION/SLUG.md): front matter, ids,
links and #anchors (a folder's links may point to built-in guides),
dates and facts_as_of, sources, right_now and hotline fields, template
blanks, invisible characters, link addresses, and translations.

Each problem is one line, FILE:LINE: message, sorted by file and line.
Warnings are marked and counted apart. Exits 1 if there is any problem,
0 if there are only warnings.`,
		"help.version": `Prints the version of defensa.`,
		"help.help": `Shows the general help, or the help of one command:
  defensa help read`,
		"help.completion": `Prints a script that completes defensa's commands, flags and guide ids
in your shell. Load it:
  bash:        source <(defensa completion bash)
  zsh:         source <(defensa completion zsh)
  fish:        defensa completion fish | source
  PowerShell:  defensa completion powershell | Out-String | Invoke-Expression
To keep it, add that line to your shell's start-up file.`,
		"help.man": `Prints defensa's manual page. Read it with:
  defensa man | man -l -`,
	} {
		english[k] = v
	}
}
