package i18n

func init() {
	for k, v := range map[string]string{
		"help.intro": `defensa: una guía sin internet para defenderse de la deportación,
en español e inglés. Información general, no asesoría legal.
`,
		"help.keys": `En la pantalla completa, ? muestra todas las teclas de la pantalla en la
que está. Ctrl+X es una salida rápida: cierra defensa de inmediato y borra
la pantalla. Ctrl+C sale.`,
		"help.privacy": `defensa nunca usa internet y no guarda nada en el disco si usted no lo pide.`,

		"help.list": `Muestra todas las guías por sección, en su idioma. Una guía de una carpeta
--guides aparece como local, y como reemplazo de una guía incluida cuando lo es.
--lang all muestra los dos idiomas.

Con --json, imprime una lista de {"id", "lang", "section", "title",
"summary", "reviewed", "facts_as_of", "sources", "local", "replaces",
"right_now", "hotline"}.`,
		"help.read": `Muestra una guía con formato para la terminal, con sus fuentes y las fechas
de su revisión y de la verificación de sus datos. En una terminal, una guía
larga se abre en su paginador ($PAGER, o less); en una tubería o con NO_COLOR
sale como texto simple. El id puede ser aproximado: "read warrant" abre
rights/warrants si ninguna otra guía se le parece tanto. Ejemplos:
  defensa read rights/at-home
  defensa read rights/warrants#es-una-orden-firmada-por-un-juez
  defensa read templates/petition --template > peticion.txt
  defensa read templates/petition --raw > peticion.md

Un #ancla no distingue acentos ni mayúsculas, y también sirve el ancla de la
guía en el otro idioma. --raw y --template muestran el texto tal como está
escrito, desde la sección del ancla si se indica una.`,
		"help.search": `Busca en cada sección de cada guía, en los dos idiomas salvo que --lang
indique uno. No importan los acentos, las mayúsculas ni los errores pequeños.
"Las palabras entre comillas" deben aparecer juntas. Ejemplos:
  defensa search la migra esta en mi puerta
  defensa search deportasion
  defensa search I-246 --json

Con --json, imprime una lista de {"id", "lang", "title", "heading",
"anchor", "score", "snippet"}, la mejor primero; las palabras encontradas
van entre **dobles asteriscos**.`,
		"help.check": `Revisa las guías incluidas, o una carpeta organizada igual
(CARPETA/es/SECCIÓN/NOMBRE.md, CARPETA/en/SECCIÓN/NOMBRE.md): encabezados,
identificadores, enlaces y #anclas (los enlaces de una carpeta pueden ir a
guías incluidas), fechas y facts_as_of, fuentes, campos right_now y hotline,
espacios para llenar de las plantillas, caracteres invisibles, direcciones
de los enlaces y traducciones.

Cada problema es una línea, ARCHIVO:LÍNEA: mensaje, en orden de archivo y
línea. Los avisos van marcados y se cuentan aparte. Sale con 1 si hay algún
problema, con 0 si solo hay avisos.`,
		"help.version": `Muestra la versión de defensa.`,
		"help.help": `Muestra la ayuda general, o la de un comando:
  defensa help read`,
		"help.completion": `Imprime un guion que completa los comandos, las opciones y los ids de las
guías de defensa en su intérprete de comandos. Para cargarlo:
  bash:        source <(defensa completion bash)
  zsh:         source <(defensa completion zsh)
  fish:        defensa completion fish | source
  PowerShell:  defensa completion powershell | Out-String | Invoke-Expression
Para conservarlo, agregue esa línea al archivo de inicio de su intérprete.`,
		"help.man": `Imprime la página del manual de defensa. Para leerla:
  defensa man | man -l -`,
	} {
		spanish[k] = v
	}
}
