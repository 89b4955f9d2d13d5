package i18n

// El texto de defensa export y de las páginas que escribe.
func init() {
	for k, v := range map[string]string{
		"help.export": `Escribe la biblioteca en archivos que se pueden llevar fuera de esta
computadora. No escribe nada más y nunca envía nada a ninguna parte.

  html    un sitio web con todas las guías, en español e inglés, y las
          páginas para imprimir: abra CARPETA/index.html en cualquier
          navegador, copie la carpeta a un teléfono o a una memoria USB, o
          conviértala en un archivo de Kiwix (vea el README). No carga nada
          de internet.
  cards   solo las páginas para imprimir: tarjetas de derechos del tamaño
          de una cartera para recortar y hojas de una página, en tamaño
          carta o A4.

Con --guides se incluyen también sus propias guías, y la línea de ayuda que
declare una de ellas se imprime en las tarjetas y las hojas. Ejemplos:
  defensa export html sitio-defensa
  defensa export cards tarjetas --guides nuestras-guias
`,
		"cmd.export.usage":   "export html|cards CARPETA",
		"cmd.export.summary": "escribir la biblioteca como sitio web, o tarjetas y hojas para imprimir",
		"export.usage":       "falta qué exportar y dónde, por ejemplo: defensa export html mi-sitio",
		"export.bad_kind":    "export hace html o cards, no %q",
		"export.done":        "Se escribieron %d archivos en %s. Abra %s en un navegador.",
		"export.failed":      "No se pudo escribir en %s: %s",

		"export.skip_no_guide": "no hay guía %s en %s: no se hizo su página para imprimir",
		"export.skip_no_card":  "%s en %s no tiene el texto de la tarjeta (bloques de código marcados card-holder y card-officer): no se hicieron tarjetas",

		"export.lang_self":          "Español",
		"export.disclaimer":         "Información general, no asesoría legal",
		"export.footer_offline":     "Estas páginas no cargan nada de internet, no usan cookies y no guardan nada.",
		"export.skip":               "Saltar al texto",
		"export.reviewed":           "Revisada el %s",
		"export.facts_as_of":        "Datos actualizados a %s",
		"export.local":              "Esta guía viene de una carpeta de guías locales, no de la biblioteca propia de defensa.",
		"export.local_replaces":     "Esta guía viene de una carpeta de guías locales. Reemplaza la guía de defensa con el mismo nombre.",
		"export.local_tag":          "local",
		"export.sources":            "Fuentes",
		"export.all_guides":         "Todas las guías",
		"export.index_title":        "Guía de defensa contra la deportación",
		"export.tagline":            "Guías gratis y sin internet: sus derechos, cómo encontrar a un detenido, cómo luchar contra una deportación.",
		"export.search_label":       "Buscar en las guías",
		"export.search_placeholder": "palabras, una pregunta, un número de formulario…",
		"export.search_found":       "%d encontrados",
		"export.search_none":        "No se encontró nada. Pruebe con menos palabras o más simples.",
		"export.right_now":          "Ahora mismo",
		"export.sections":           "Secciones",
		"export.print":              "Para imprimir",
		"export.cards_title":        "Tarjetas de derechos para recortar",
		"export.cards_summary":      "Tarjetas de dos lados, del tamaño de una cartera: su lado en español y el del agente en inglés. Tamaño carta o A4.",
		"export.cards_howto":        "Imprima las dos páginas en una sola hoja, por los dos lados (volteando por el borde largo), a tamaño real (100 %, no “ajustar a la página”), en papel carta o A4. Recorte por las marcas. En cartulina duran más.",
		"export.cards_source":       "El texto es de defensa, de la guía rights/red-card.",
		"export.card_holder_title":  "Conozca sus derechos",
		"export.card_officer_title": "To the officer",
		"export.card_write_in":      "Abogado o línea de ayuda:",
		"export.handout_tag":        "una página",
		"export.handout_howto":      "Esta página se imprime en una hoja tamaño carta o A4.",
		"export.words_to_say":       "Qué decir",
		"export.if_english":         "Si el agente solo habla inglés:",
		"export.full_guide":         "La guía completa: defensa read %s",

		"export.month":    "%s de %d",
		"export.month_01": "enero",
		"export.month_02": "febrero",
		"export.month_03": "marzo",
		"export.month_04": "abril",
		"export.month_05": "mayo",
		"export.month_06": "junio",
		"export.month_07": "julio",
		"export.month_08": "agosto",
		"export.month_09": "septiembre",
		"export.month_10": "octubre",
		"export.month_11": "noviembre",
		"export.month_12": "diciembre",
	} {
		spanish[k] = v
	}
}
