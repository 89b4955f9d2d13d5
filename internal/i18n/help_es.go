package i18n

func init() {
	for k, v := range map[string]string{
		"help.main": `defensa: una guía sin internet para defenderse de la deportación, en español e inglés.
Información general, no asesoría legal.

Uso:
  defensa [opciones]              abrir la guía en pantalla completa
  defensa list [--json]           ver la lista de guías
  defensa read ID[#ancla]         mostrar una guía
  defensa search PALABRAS...      buscar en todas las guías
  defensa check [CARPETA]         revisar las guías incluidas o una carpeta propia
  defensa version                 mostrar la versión

Opciones (para todos los comandos):
  --lang en|es       idioma (si no se indica: LC_ALL, LC_MESSAGES, LANG)
  --guides CARPETA   agregar sus propias guías (CARPETA/es/SECCIÓN/NOMBRE.md);
                     una guía con el mismo id reemplaza a la incluida
  --theme NOMBRE     auto, dark, light, high-contrast o plain (sin colores)
  --ascii            dibujar solo con caracteres ASCII simples
  --debug ARCHIVO    escribir un registro de depuración (si no, no se registra nada)
  --help             ayuda de un comando: defensa read --help

Teclas en la pantalla completa: flechas o j/k para moverse, enter para abrir,
/ para buscar, t para el índice, L para cambiar de idioma, ? para ver todas
las teclas, q para salir, x o ctrl+x para una salida rápida que borra la pantalla.

defensa nunca usa internet y no guarda nada en el disco si usted no lo pide.
`,
		"help.help": `Uso: defensa help
Muestra la ayuda general. Cada comando acepta también --help.
`,
		"help.list": `Uso: defensa list [--json] [--lang en|es|all]

Muestra todas las guías por sección. Con --json, imprime una lista de
{"id","lang","section","title","summary","reviewed"}.
--lang all muestra los dos idiomas.
`,
		"help.read": `Uso: defensa read ID[#ancla] [--raw] [--width N] [--lang en|es]

Muestra una guía con formato para la terminal (sin colores en una tubería
o con NO_COLOR). Ejemplos:
  defensa read rights/at-home
  defensa read rights/warrants --lang es
  defensa read templates/petition --raw > peticion.md

  --raw        mostrar el texto Markdown tal como está
  --width N    ajustar el texto a N columnas (si no: el ancho de la terminal, o 80)
`,
		"help.search": `Uso: defensa search PALABRAS... [--json] [--limit N] [--lang en|es|all]

Busca en cada sección de cada guía, en los dos idiomas salvo que --lang
indique uno. No importan los acentos, las mayúsculas ni los errores pequeños.
"Las palabras entre comillas" deben aparecer juntas. Ejemplos:
  defensa search la migra esta en mi puerta
  defensa search deportasion
  defensa search I-246 --json

Con --json, imprime una lista de
{"id","lang","title","heading","anchor","score","snippet"}, la mejor primero;
las palabras encontradas van entre **dobles asteriscos**.
`,
		"help.check": `Uso: defensa check [CARPETA]

Revisa las guías incluidas, o una carpeta organizada igual
(CARPETA/es/SECCIÓN/NOMBRE.md, CARPETA/en/SECCIÓN/NOMBRE.md): encabezados,
identificadores, enlaces y #anclas, fechas de revisión, fuentes y traducciones.
Cada problema se muestra como ARCHIVO:LÍNEA: mensaje. Sale con 1 si hay alguno.
`,
		"help.version": `Uso: defensa version
Muestra la versión de defensa.
`,
	} {
		spanish[k] = v
	}
}
