import type { Translation } from "../../catalogue";
import type { safetyPlan as en } from "../en/safety-plan";

export const safetyPlan: Translation<typeof en> = {
  page: {
    title: "Mi plan de seguridad",
    sectionTitle: "Mi plan para los momentos difíciles",
    loading: "Cargando tu plan de seguridad…",
    loadError: "No pudimos cargar tu plan de seguridad",
    notWritten: "Tu plan de seguridad todavía no está escrito.",
    notWrittenText:
      "Tu terapeuta lo escribe contigo, por lo general en una sesión individual. Pregúntale la próxima vez que se vean. Mientras tanto, puedes llamar al 988 y marcar 2, o enviar AYUDA por mensaje de texto al 988, a cualquier hora.",
    intro:
      "Sigue los pasos en orden, hasta donde lo necesites. Lo escribiste con tu equipo de atención.",
  },
  version: "Versión {{version}}, actualizada el {{when}} por {{author}}",
  steps: {
    warningSigns: "Señales de alerta",
    copingStrategies: "Cosas que puedo hacer por mi cuenta",
    distractions: "Personas y lugares que me ayudan a distraerme",
    peopleToAsk: "Personas a las que puedo pedir ayuda",
    professionals: "Profesionales y líneas de crisis",
    environmentSafety: "Cómo hacer más seguro mi entorno",
  },
  stepNumber: "Paso {{number}}",
  nothingYet: "Aquí todavía no hay nada escrito.",
  reasons: "Lo que más me importa",
  dialog: {
    backToSession: "Volver a la sesión",
    goesOn: "Tu sesión sigue mientras esto está abierto.",
  },
};
