import type { Translation } from "../../catalogue";
import type { common as en } from "../en/common";

export const common: Translation<typeof en> = {
  cancel: "Cancelar",
  format: {
    moment: "{{day}}, {{time}} {{zone}}",
  },
  language: {
    cardTitle: "Idioma",
    cardHint: "Bridgeway te muestra tus páginas y te envía recordatorios y correos en este idioma.",
    label: "Idioma",
    saved: "Listo. Bridgeway usará este idioma en tus páginas, recordatorios y correos.",
    notSaved: "No se pudo guardar tu idioma. Revisa tu conexión e inténtalo de nuevo.",
  },
};
