import type { Translation } from "../../catalogue";
import type { aftercare as en } from "../en/aftercare";

export const aftercare: Translation<typeof en> = {
  page: {
    title: "Mi plan de cuidado posterior",
    intro: "Tu <plan>plan de seguridad</plan> también sigue aquí para ti, junto con el 988.",
    loading: "Cargando tu plan de cuidado posterior…",
    loadError: "No pudimos cargar tu plan de cuidado posterior",
    none: "Todavía no tienes un plan de cuidado posterior.",
    noneText:
      "Se escribe con tu equipo de atención cuando terminas el programa: a quién verás después, cuándo y qué te puede ayudar.",
    goToMyWeek: "Ir a Mi semana",
    cardTitle: "Después de que tu programa terminó el {{date}}",
  },
  view: {
    careAfter: "Atención después del programa",
    followUps: "Citas de seguimiento",
    noneBooked: "No hay citas programadas",
    resources: "Recursos",
    noneListed: "No hay recursos anotados",
  },
  levels: {
    outpatient: "Terapia ambulatoria",
    partial: "Hospitalización parcial",
    residential: "Tratamiento residencial",
    peerSupport: "Solo apoyo entre pares",
    none: "Ninguna",
  },
};
