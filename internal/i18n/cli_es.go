package i18n

func init() {
	for k, v := range map[string]string{
		// The command table.
		"cmd.tui.usage":          "[opciones]",
		"cmd.tui.summary":        "abrir la guía en pantalla completa",
		"cmd.list.usage":         "list [--json]",
		"cmd.list.summary":       "ver la lista de guías",
		"cmd.read.usage":         "read ID[#ancla] [--raw | --template] [--width N]",
		"cmd.read.summary":       "mostrar una guía",
		"cmd.search.usage":       "search PALABRAS... [--json] [--limit N]",
		"cmd.search.summary":     "buscar en todas las guías",
		"cmd.check.usage":        "check [CARPETA]",
		"cmd.check.summary":      "revisar las guías incluidas o una carpeta propia",
		"cmd.version.usage":      "version",
		"cmd.version.summary":    "mostrar la versión",
		"cmd.help.usage":         "help [COMANDO]",
		"cmd.help.summary":       "mostrar la ayuda, de defensa o de un comando",
		"cmd.completion.usage":   "completion bash|zsh|fish|powershell",
		"cmd.completion.summary": "imprimir un guion para completar comandos en el intérprete",
		"cmd.man.usage":          "man",
		"cmd.man.summary":        "imprimir la página del manual",

		// Help.
		"cmd.usage":              "Uso:",
		"cmd.flags":              "Opciones:",
		"cmd.global_flags":       "Opciones para todos los comandos:",
		"cmd.global_flags_short": "Todos los comandos aceptan también %s (vea defensa --help).",
		"cmd.tui_flags":          "Opciones de la pantalla completa:",

		// Flags.
		"cmd.flag.lang":        "idioma (si no se indica: LC_ALL, LC_MESSAGES, LANG)",
		"cmd.flag.guides":      "agregar sus propias guías de CARPETA (CARPETA/es/SECCIÓN/NOMBRE.md); una guía con el id de una incluida la reemplaza",
		"cmd.flag.guides.arg":  "CARPETA",
		"cmd.flag.theme":       "colores: auto, dark, light, high-contrast o plain (sin colores)",
		"cmd.flag.ascii":       "dibujar solo con caracteres ASCII (automático en la consola de Linux)",
		"cmd.flag.debug":       "escribir un registro de depuración en ARCHIVO (si no, no se registra nada)",
		"cmd.flag.debug.arg":   "ARCHIVO",
		"cmd.flag.help":        "ayuda de un comando: defensa read --help",
		"cmd.flag.version":     "mostrar la versión",
		"cmd.flag.mouse":       "desplazarse con la rueda del ratón (así el texto no se puede seleccionar con el ratón)",
		"cmd.flag.list_json":   "imprimir la lista en JSON",
		"cmd.flag.search_json": "imprimir los resultados en JSON",
		"cmd.flag.limit":       "mostrar como máximo N resultados (10 si no se indica)",
		"cmd.flag.limit.arg":   "N",
		"cmd.flag.raw":         "mostrar el texto Markdown de la guía tal como está",
		"cmd.flag.template":    "mostrar solo las plantillas, el texto para copiar, listo para pegar",
		"cmd.flag.width":       "ajustar el texto a N columnas (si no: el ancho de la terminal, o 80)",
		"cmd.flag.width.arg":   "N",
		"cmd.flag.no_pager":    "imprimir directo en la terminal, sin paginador",

		// Mistakes in a command line.
		"cmd.unknown_command":   "no existe el comando %q.",
		"cmd.did_you_mean":      "¿Quiso decir: %s?",
		"cmd.see_help":          "Vea: %s",
		"cmd.flag_unknown":      "opción desconocida %s",
		"cmd.flag_no_value":     "la opción %s necesita un valor",
		"cmd.flag_bad_value":    "%q no es un valor válido para %s",
		"cmd.flag_bool":         "%q no es un valor válido para %s: no ponga ningún valor, o escriba true o false",
		"cmd.flag_number":       "%s necesita un número entero, no %q",
		"cmd.flag_choice":       "%q no es un valor válido para %s: use uno de %s",
		"cmd.lang_all":          "%s solo sirve con list y search: elija en o es",
		"cmd.extra_args":        "argumentos de más: %s",
		"cmd.guides_missing":    "la carpeta de guías %q no existe",
		"cmd.guides_not_folder": "%q no es una carpeta: --guides y check necesitan una carpeta de guías",
		"cmd.guides_unreadable": "no se puede abrir la carpeta de guías %q: %s",
		"cmd.write_failed":      "no se pudo escribir la salida: %s",
		"cmd.warning":           "aviso",

		// list.
		"cmd.list.local":    "local",
		"cmd.list.replaces": "local, reemplaza a la guía incluida",

		// read.
		"cmd.read.needs_id":        "read necesita el id de una guía, por ejemplo: defensa read rights/at-home",
		"cmd.read.raw_or_template": "elija --raw o --template, no los dos",
		"cmd.read.bad_width":       "--width debe ser 0 (el ancho de la terminal) o más",
		"cmd.read.no_guide":        "no hay ninguna guía %q",
		"cmd.read.opening":         "Se muestra %s.",
		"cmd.read.fallback":        "Esta guía no está disponible en su idioma; se muestra en %s.",
		"cmd.read.no_anchor":       "No hay ningún encabezado \"#%s\" en esta guía; se muestra completa.",
		"cmd.read.no_template":     "%s no tiene ninguna plantilla para copiar.",
		"cmd.read.render_failed":   "No se pudo dar formato a esta guía; se muestra su texto tal como está.",
		"cmd.read.sources":         "Fuentes",
		"cmd.read.reviewed":        "Revisada el %s",
		"cmd.read.facts_as_of":     "datos verificados hasta %s",
		"cmd.read.local":           "Guía local, de %s",
		"cmd.read.replaces":        "Guía local, de %s: reemplaza a la guía incluida con este id",

		"cmd.read.try_search": "Para buscarlo en todas las guías: defensa search %s",

		// search.
		"cmd.search.needs_query":  "search necesita palabras para buscar, por ejemplo: defensa search orden",
		"cmd.search.bad_limit":    "--limit debe ser un número mayor que 0",
		"cmd.search.right_now":    "Ahora mismo:",
		"cmd.search.none":         "No se encontró nada para %q.",
		"cmd.search.try_glossary": "Pruebe con menos palabras o más sencillas, o busque en el glosario (defensa read reference/glossary).",

		// check.
		"cmd.check.two_folders":    "indique la carpeta que quiere revisar una sola vez: defensa check CARPETA",
		"cmd.check.guides.one":     "%d guía revisada",
		"cmd.check.guides.other":   "%d guías revisadas",
		"cmd.check.empty":          "no hay guías en %q: las guías van en CARPETA/es/SECCIÓN/NOMBRE.md y CARPETA/en/SECCIÓN/NOMBRE.md",
		"cmd.check.clean":          "ningún problema",
		"cmd.check.problems.one":   "%d problema",
		"cmd.check.problems.other": "%d problemas",
		"cmd.check.in_files.one":   "en %d archivo",
		"cmd.check.in_files.other": "en %d archivos",
		"cmd.check.warnings.one":   "%d aviso",
		"cmd.check.warnings.other": "%d avisos",

		// The pager's prompt, in less.
		"cmd.pager.prompt": "q: salir, espacio: bajar, /: buscar",

		// completion.
		"cmd.completion.needs_shell": "completion necesita el nombre de su intérprete de comandos: uno de %s",

		// The manual page.
		"cmd.man.manual":      "manual de defensa",
		"cmd.man.tagline":     "una guía sin internet para defenderse de la deportación, en español e inglés",
		"cmd.man.name":        "Nombre",
		"cmd.man.synopsis":    "Sinopsis",
		"cmd.man.description": "Descripción",
		"cmd.man.commands":    "Comandos",
		"cmd.man.options":     "Opciones",
		"cmd.man.keys":        "Teclas",
		"cmd.man.exit":        "Estado de salida",
		"cmd.man.environment": "Entorno",
		"cmd.man.privacy":     "Privacidad",
		"cmd.man.exit_text": `0    éxito
1    falla: una guía que no existe, problemas que encontró check, una
     salida que no se pudo escribir
2    uso incorrecto: un comando o una opción desconocidos, una carpeta
     --guides que no existe
130  interrumpido (Ctrl+C); 128 más el número de la señal para otra
     señal: 129 para SIGHUP, 143 para SIGTERM`,
		"cmd.man.environment_text": `LC_ALL, LC_MESSAGES, LANG   el idioma, si no se indica --lang
NO_COLOR                    sin colores
TERM                        TERM=linux (la consola de Linux) dibuja con ASCII
PAGER                       el paginador de read en una terminal (si no: less -R;
                            PAGER=cat para ninguno); less no guarda historial`,
	} {
		spanish[k] = v
	}
}
