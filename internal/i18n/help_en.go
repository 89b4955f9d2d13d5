package i18n

func init() {
	for k, v := range map[string]string{
		"help.main": `defensa: an offline deportation-defense guide, in English and Spanish.
General information, not legal advice.

Usage:
  defensa [flags]                 open the full-screen guide
  defensa list [--json]           list every guide
  defensa read ID[#anchor]        print one guide
  defensa search WORDS...         search every guide
  defensa check [DIR]             check the built-in guides or a folder of your own
  defensa version                 print the version

Flags (for every command):
  --lang en|es       language (default: from LC_ALL, LC_MESSAGES, LANG)
  --guides DIR       add your own guides from DIR (DIR/en/SECTION/SLUG.md);
                     a guide with a built-in id replaces the built-in one
  --theme NAME       auto, dark, light, high-contrast or plain (no colour)
  --ascii            draw with plain ASCII characters only
  --debug FILE       write a debug log to FILE (nothing is logged otherwise)
  --help             help for a command: defensa read --help

Keys in the full-screen guide: arrows or j/k move, enter opens, / searches,
t shows contents, L switches language, ? lists every key, q quits,
x or ctrl+x is a quick exit that also clears the screen.

defensa never uses the internet and writes nothing to disk unless asked.
`,
		"help.help": `Usage: defensa help
Shows the general help. Every command also takes --help.
`,
		"help.list": `Usage: defensa list [--json] [--lang en|es|all]

Lists every guide by section. With --json, prints an array of
{"id","lang","section","title","summary","reviewed"}.
--lang all lists both languages.
`,
		"help.read": `Usage: defensa read ID[#anchor] [--raw] [--width N] [--lang en|es]

Prints one guide, formatted for the terminal (no colours in a pipe or
with NO_COLOR). Examples:
  defensa read rights/at-home
  defensa read rights/warrants#is-it-a-judges-warrant
  defensa read templates/petition --raw > petition.md

  --raw        print the guide's Markdown as it is
  --width N    wrap at N columns (default: the terminal's width, or 80)
`,
		"help.search": `Usage: defensa search WORDS... [--json] [--limit N] [--lang en|es|all]

Searches every section of every guide, in both languages unless --lang
narrows it. Accents, capitals and small typos do not matter.
"Quoted words" must appear together. Examples:
  defensa search can they come in without a warrant
  defensa search la migra esta en mi puerta
  defensa search I-246 --json

With --json, prints an array of
{"id","lang","title","heading","anchor","score","snippet"}, best first;
matched words in the snippet are in **double asterisks**.
`,
		"help.check": `Usage: defensa check [DIR]

Checks the built-in guides, or a folder laid out like them
(DIR/en/SECTION/SLUG.md, DIR/es/SECTION/SLUG.md): front matter, ids,
links and #anchors, review dates, sources, and translations.
Each problem is printed as FILE:LINE: message. Exits 1 if there is any.
`,
		"help.version": `Usage: defensa version
Prints the version of defensa.
`,
	} {
		english[k] = v
	}
}
