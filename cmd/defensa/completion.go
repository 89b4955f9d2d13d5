package main

import (
	"fmt"
	"slices"
	"strings"

	"defensa/internal/i18n"
)

// shells are the shells completion writes a script for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

func completionCommand() *command {
	return &command{name: "completion", args: argShell, guides: true, run: runCompletion}
}

// runCompletion writes a shell's completion script, made from the command
// table, with the guide ids of the library (a --guides folder's too).
func runCompletion(c *call) error {
	if len(c.args) != 1 || !slices.Contains(shells, c.args[0]) {
		return usageError{message(c.cat, "cmd.completion.needs_shell", strings.Join(shells, ", "))}
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	spec := newSpec(c.cat, c.table, lib.IDs())
	switch c.args[0] {
	case "bash":
		spec.bash(c)
	case "zsh":
		spec.zsh(c)
	case "fish":
		spec.fish(c)
	case "powershell":
		spec.powershell(c)
	}
	return nil
}

// spec is what a completion script knows: every command with its flags and
// arguments, and the guide ids.
type spec struct {
	commands []specCommand // the first is the interface (no name)
	ids      []string
}

type specCommand struct {
	name, summary string
	flags         []specFlag // its own, then the global ones
	args          argKind
}

type specFlag struct {
	name, help string
	value      bool     // takes a value
	choices    []string // its values, when they are few
	dir, file  bool     // its value is a folder or a file
}

func newSpec(cat i18n.Catalog, table []*command, ids []string) spec {
	s := spec{ids: ids}
	for _, cmd := range table {
		own, global := flagsOf(cmd)
		sc := specCommand{name: cmd.name, summary: oneLine(cat.T(summaryKey(cmd))), args: cmd.args}
		for _, f := range append(own, global...) {
			sf := specFlag{name: f.Name, help: oneLine(cat.T(f.Usage)), value: !isBool(f)}
			switch v := f.Value.(type) {
			case *choice:
				sf.choices = v.options
			case *path:
				sf.dir, sf.file = v.dir, !v.dir
			}
			sc.flags = append(sc.flags, sf)
		}
		s.commands = append(s.commands, sc)
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// named are the commands with a name.
func (s spec) named() []specCommand { return s.commands[1:] }

func (s spec) commandNames() []string {
	var out []string
	for _, c := range s.named() {
		out = append(out, c.name)
	}
	return out
}

// valueFlags are the flags that take a value, in any command.
func (s spec) valueFlags() []specFlag {
	var out []specFlag
	seen := map[string]bool{}
	for _, c := range s.commands {
		for _, f := range c.flags {
			if f.value && !seen[f.name] {
				seen[f.name] = true
				out = append(out, f)
			}
		}
	}
	return out
}

func flagWords(flags []specFlag) string {
	var out []string
	for _, f := range flags {
		out = append(out, "--"+f.name)
	}
	return strings.Join(out, " ")
}

// argWords are the words a command's positional argument can be, for the
// kinds that are a list.
func (s spec) argWords(k argKind) []string {
	switch k {
	case argGuide:
		return s.ids
	case argShell:
		return shells
	case argCommand:
		return s.commandNames()
	case argExport:
		return exportKinds()
	}
	return nil
}

func (s spec) bash(c *call) {
	c.println("# bash completion for defensa, made by: defensa completion bash")
	c.println("# Load it with: source <(defensa completion bash)")
	c.println("_defensa() {")
	c.println(`    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i`)
	c.println("    for ((i = 1; i < COMP_CWORD; i++)); do")
	c.println(`        case "${COMP_WORDS[i]}" in`)
	var values []string
	for _, f := range s.valueFlags() {
		values = append(values, "--"+f.name)
	}
	c.printf("        %s) ((i++)) ;;\n", strings.Join(values, "|"))
	c.println("        -*) ;;")
	c.println(`        *) cmd="${COMP_WORDS[i]}"; break ;;`)
	c.println("        esac")
	c.println("    done")
	c.println(`    case "$prev" in`)
	for _, f := range s.valueFlags() {
		switch {
		case f.choices != nil:
			c.printf("    --%s) COMPREPLY=($(compgen -W %s -- \"$cur\")); return ;;\n", f.name, shQuote(strings.Join(f.choices, " ")))
		case f.dir:
			c.printf("    --%s) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", f.name)
		case f.file:
			c.printf("    --%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", f.name)
		default:
			c.printf("    --%s) COMPREPLY=(); return ;;\n", f.name)
		}
	}
	c.println("    esac")
	c.println(`    if [[ "$cur" == -* ]]; then`)
	c.println(`        case "$cmd" in`)
	for _, sc := range s.commands {
		c.printf("        %s) COMPREPLY=($(compgen -W %s -- \"$cur\")) ;;\n", shQuote(sc.name), shQuote(flagWords(sc.flags)))
	}
	c.println("        esac")
	c.println("        return")
	c.println("    fi")
	c.println(`    case "$cmd" in`)
	c.printf("    '') COMPREPLY=($(compgen -W %s -- \"$cur\")) ;;\n", shQuote(strings.Join(s.commandNames(), " ")))
	for _, sc := range s.named() {
		switch {
		case sc.args == argDir:
			c.printf("    %s) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n", sc.name)
		case s.argWords(sc.args) != nil:
			c.printf("    %s) COMPREPLY=($(compgen -W %s -- \"$cur\")) ;;\n", sc.name, shQuote(strings.Join(s.argWords(sc.args), " ")))
		}
	}
	c.println("    esac")
	c.println("}")
	c.println("complete -F _defensa defensa")
}

// shQuote quotes s for a POSIX shell.
func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (s spec) zsh(c *call) {
	c.println("#compdef defensa")
	c.println("# zsh completion for defensa, made by: defensa completion zsh")
	c.println("# Load it with: source <(defensa completion zsh), or save it as _defensa in a folder of $fpath")
	c.println("_defensa() {")
	c.println("  local curcontext=$curcontext state line")
	c.println("  local -a commands")
	c.println("  commands=(")
	for _, sc := range s.named() {
		c.printf("    %s\n", shQuote(zshEscape(sc.name)+":"+zshEscape(sc.summary)))
	}
	c.println("  )")
	c.printf("  _arguments -C %s '1: :->command' '*:: :->args'\n", zshFlags(s.commands[0].flags))
	c.println("  case $state in")
	c.println("  command) _describe -t commands 'defensa command' commands ;;")
	c.println("  args)")
	c.println("    case $line[1] in")
	for _, sc := range s.named() {
		args := ""
		switch {
		case sc.args == argDir:
			args = " '1:folder:_files -/'"
		case sc.args == argWords:
			args = " '*:words: '"
		case s.argWords(sc.args) != nil:
			args = " " + shQuote("1:"+sc.name+":("+strings.Join(s.argWords(sc.args), " ")+")")
		}
		c.printf("    %s) _arguments %s%s ;;\n", sc.name, zshFlags(sc.flags), args)
	}
	c.println("    esac ;;")
	c.println("  esac")
	c.println("}")
	c.println(`if [ "$funcstack[1]" = "_defensa" ]; then _defensa "$@"; else compdef _defensa defensa; fi`)
}

// zshFlags are _arguments specs of flags: '--lang[language]:lang:(en es)'.
func zshFlags(flags []specFlag) string {
	var out []string
	for _, f := range flags {
		spec := "--" + f.name + "[" + zshEscape(f.help) + "]"
		switch {
		case f.choices != nil:
			spec += ":" + f.name + ":(" + strings.Join(f.choices, " ") + ")"
		case f.dir:
			spec += ":folder:_files -/"
		case f.file:
			spec += ":file:_files"
		case f.value:
			spec += ":" + f.name + ": "
		}
		out = append(out, shQuote(spec))
	}
	return strings.Join(out, " ")
}

// zshEscape keeps a description from ending a spec: no brackets or colons.
func zshEscape(s string) string {
	return strings.NewReplacer("[", "(", "]", ")", ":", `\:`, `\`, `\\`).Replace(s)
}

func (s spec) fish(c *call) {
	c.println("# fish completion for defensa, made by: defensa completion fish")
	c.println("# Load it with: defensa completion fish | source, or save it as ~/.config/fish/completions/defensa.fish")
	c.println("complete -c defensa -f")
	names := strings.Join(s.commandNames(), " ")
	for _, sc := range s.named() {
		c.printf("complete -c defensa -n 'not __fish_seen_subcommand_from %s' -a %s -d %s\n", names, sc.name, fishQuote(sc.summary))
	}
	for _, sc := range s.commands {
		cond := "not __fish_seen_subcommand_from " + names
		if sc.name != "" {
			cond = "__fish_seen_subcommand_from " + sc.name
		}
		for _, f := range sc.flags {
			line := fmt.Sprintf("complete -c defensa -n '%s' -l %s -d %s", cond, f.name, fishQuote(f.help))
			switch {
			case f.choices != nil:
				line += " -x -a " + fishQuote(strings.Join(f.choices, " "))
			case f.dir:
				line += " -x -a '(__fish_complete_directories)'"
			case f.file:
				line += " -r -F"
			case f.value:
				line += " -x"
			}
			c.println(line)
		}
		switch {
		case sc.args == argDir:
			c.printf("complete -c defensa -n '%s' -x -a '(__fish_complete_directories)'\n", cond)
		case sc.name != "" && s.argWords(sc.args) != nil:
			c.printf("complete -c defensa -n '%s' -x -a %s\n", cond, fishQuote(strings.Join(s.argWords(sc.args), " ")))
		}
	}
}

// fishQuote quotes s for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func (s spec) powershell(c *call) {
	c.println("# PowerShell completion for defensa, made by: defensa completion powershell")
	c.println("# Load it with: defensa completion powershell | Out-String | Invoke-Expression")
	c.println("Register-ArgumentCompleter -Native -CommandName defensa, defensa.exe -ScriptBlock {")
	c.println("    param($wordToComplete, $commandAst, $cursorPosition)")
	c.println("    $commands = [ordered]@{")
	for _, sc := range s.named() {
		c.printf("        %s = %s\n", psQuote(sc.name), psQuote(sc.summary))
	}
	c.println("    }")
	c.println("    $flags = @{")
	for _, sc := range s.commands {
		var fl []string
		for _, f := range sc.flags {
			fl = append(fl, psQuote("--"+f.name))
		}
		c.printf("        %s = @(%s)\n", psQuote(sc.name), strings.Join(fl, ", "))
	}
	c.println("    }")
	c.println("    $values = @{")
	for _, f := range s.valueFlags() {
		if f.choices != nil {
			c.printf("        %s = @(%s)\n", psQuote("--"+f.name), psList(f.choices))
		}
	}
	c.println("    }")
	c.println("    $arguments = @{")
	for _, sc := range s.named() {
		if words := s.argWords(sc.args); words != nil {
			c.printf("        %s = @(%s)\n", psQuote(sc.name), psList(words))
		}
	}
	c.println("    }")
	var values []string
	for _, f := range s.valueFlags() {
		values = append(values, psQuote("--"+f.name))
	}
	c.printf("    $takesValue = @(%s)\n", strings.Join(values, ", "))
	c.println(`    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })`)
	c.println(`    if ($wordToComplete -ne '') { $words = @($words | Select-Object -SkipLast 1) }`)
	c.println(`    $command = ''`)
	c.println(`    for ($i = 0; $i -lt $words.Count; $i++) {`)
	c.println(`        if ($takesValue -contains $words[$i]) { $i++; continue }`)
	c.println(`        if ($words[$i] -like '-*') { continue }`)
	c.println(`        $command = $words[$i]; break`)
	c.println(`    }`)
	c.println(`    $prev = if ($words.Count -gt 0) { $words[-1] } else { '' }`)
	c.println(`    if ($takesValue -contains $prev) {`)
	c.println(`        $candidates = $values[$prev]`)
	c.println(`    } elseif ($wordToComplete -like '-*') {`)
	c.println(`        $candidates = $flags[$command]`)
	c.println(`    } elseif ($command -eq '') {`)
	c.println(`        $candidates = $commands.Keys`)
	c.println(`    } else {`)
	c.println(`        $candidates = $arguments[$command]`)
	c.println(`    }`)
	c.println(`    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {`)
	c.println(`        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)`)
	c.println(`    }`)
	c.println("}")
}

// psQuote quotes s for PowerShell.
func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func psList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = psQuote(w)
	}
	return strings.Join(q, ", ")
}
