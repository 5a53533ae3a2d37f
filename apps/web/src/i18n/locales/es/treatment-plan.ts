import type { Translation } from "../../catalogue";
import type { treatmentPlan as en } from "../en/treatment-plan";

export const treatmentPlan: Translation<typeof en> = {
  page: {
    title: "Mi plan de tratamiento",
    programEnded: "Tu programa terminó.",
    readAftercare: "Lee tu plan de cuidado posterior",
    loading: "Cargando tu plan de tratamiento…",
    loadError: "No pudimos cargar tu plan de tratamiento",
    notWritten: "Tu plan de tratamiento todavía no está escrito.",
    notWrittenText:
      "Tu equipo de atención lo escribe contigo en tus primeras semanas: en qué quieres trabajar, tus metas y cómo sabrás que las cosas van mejorando.",
    goToMyWeek: "Ir a Mi semana",
    workingOn: "En qué estamos trabajando",
    versionLine:
      "Versión {{version}}, escrita por {{author}} el {{when}}. La revisan juntos cada {{days}} días; la próxima revisión es el {{date}}.",
  },
  acknowledge: {
    done: "Leíste y confirmaste la versión {{version}} el {{when}}.",
    question: "¿Ya leíste esta versión?",
    explain:
      "Cuando hayas leído tu plan, avísale a tu equipo de atención. Si algo no te parece bien, háblalo con ellos en tu próxima sesión.",
    stale:
      "Tu plan se actualizó después de que lo abriste. Vuelve a cargarlo para leer la versión nueva y luego confirma esa.",
    reload: "Volver a cargar mi plan",
    saving: "Guardando…",
    button: "Confirmar que leí la versión {{version}}",
  },
  view: {
    problem: "Problema {{number}}:",
    goal: "Meta {{number}}:",
    objectives: "Objetivos",
    measuredBy: "Cómo se mide:",
    target: "Fecha meta: {{date}}.",
    interventions: "Intervenciones",
  },
};
