import type { Translation } from "../../catalogue";
import type { familyHome as en } from "../en/family-home";

export const familyHome: Translation<typeof en> = {
  welcome: "Hola, {{name}}",
  supportingTitle: "A quién acompañas",
  loading: "Cargando…",
  loadError: "No pudimos cargar esta página",
  notLinkedTitle: "Todavía no tienes un vínculo con nadie del programa.",
  notLinkedBody:
    "Cuando alguien del programa te invite a través de su equipo de atención, su nombre aparecerá aquí, junto con las sesiones familiares a las que te inviten.",
  supportingBefore: "Acompañas a ",
  supportingAfter: " ({{relationship}})",
  mayJoin: "Puedes participar en: {{kinds}}.",
  invitationNoteOne:
    "Cuando el equipo de atención de {{name}} te invite a una sesión familiar, aparecerá aquí. Para proteger la privacidad de {{name}}, solo ves las sesiones a las que te invitan, y nada más de su atención.",
  invitationNoteMany:
    "Aquí aparecerán las sesiones familiares a las que te inviten. Para proteger la privacidad de las personas que acompañas, solo ves las sesiones a las que te invitan, y nada más de su atención.",
  boardBefore: "También puedes hablar con las otras familias del grupo en el ",
  boardLink: "foro de familias",
  boardAfter: ".",
  sessionsTitle: "Tus sesiones",
  sessionsNote: "Los próximos 14 días. Las horas están en {{zone}}.",
  sessionsLoading: "Cargando tus sesiones…",
  sessionsError: "No pudimos cargar tus sesiones",
  noSessions: "No hay sesiones familiares programadas.",
  noSessionsOneTeam: "{{base}} El equipo de atención de {{name}} te invitará.",
  noSessionsManyTeams: "{{base}} Los equipos de atención de {{names}} te invitarán.",
  noSessionsBody: "Aquí aparecen las sesiones a las que te invitan, con un botón para entrar.",
  resourcesTitle: "Apoyo para ti",
  resourcesNote:
    "Acompañar a alguien en tratamiento es un trabajo difícil. Estos servicios son gratuitos y confidenciales.",
  call: "Llamar al {{number}}",
  text: "Enviar un mensaje al {{number}}",
  newTab: "(se abre en una pestaña nueva)",
  resources: {
    lifeline: {
      name: "Línea 988 de Prevención del Suicidio y Crisis",
      what: "Llama al 988 y marca 2 para hablar en español, o envía AYUDA por mensaje de texto al 988, a cualquier hora, si te preocupa la seguridad de alguien o la tuya.",
    },
    samhsa: {
      name: "Línea Nacional de Ayuda de SAMHSA",
      what: "Información gratuita y confidencial, y referidos a tratamiento de salud mental y uso de sustancias, las 24 horas, en inglés y en español.",
    },
    nami: {
      name: "Línea de ayuda de NAMI",
      what: "Respuestas y apoyo para familias que viven con una enfermedad mental, y las clases gratuitas De Familia a Familia de NAMI.",
    },
    alAnon: {
      name: "Grupos de Familia Al-Anon",
      what: "Reuniones para familiares y amigos de personas con problemas con el alcohol, en persona y en línea.",
    },
    narAnon: {
      name: "Grupos de Familia Nar-Anon",
      what: "Reuniones para familiares y amigos de personas con problemas con las drogas, en persona y en línea.",
    },
  },
};
