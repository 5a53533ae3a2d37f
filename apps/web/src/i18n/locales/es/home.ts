import type { Translation } from "../../catalogue";
import type { home as en } from "../en/home";

export const home: Translation<typeof en> = {
  welcome: "Hola, {{name}}",
  myWeek: "Mi semana",
  timesIn: "Los horarios están en {{zone}}.",
  loadingSessions: "Cargando tus sesiones…",
  sessionsFailed: "No pudimos cargar tus sesiones",
  noSessions: "No tienes sesiones en los próximos 7 días.",
  noSessionsHint: "Cuando tu equipo de atención programe sesiones para ti, aparecerán aquí.",
  yourProgram: "Tu programa",
  loadingProgram: "Cargando tu programa…",
  programFailed: "No pudimos cargar tu programa",
  aftercareFailed: "No pudimos cargar tu plan de cuidado posterior",
  groupMeets: "Tu grupo se reúne",
  otherZone: "Estos horarios están en {{zone}}. Tu cuenta usa {{yours}}.",
  yourPhase: "Tu fase",
  phase: "{{count}} días por semana",
  nextChange: "Próximo cambio: {{phase}} ({{days}}) desde el {{date}}.",
  startDate: "Fecha de inicio",
  plannedDischarge: "Alta prevista",
  facilitators: "Facilitadores",
  noFacilitators: "Tu equipo de atención te dirá quién dirige tu grupo.",
  endedOn: "Tu programa terminó el {{date}}",
  discharged:
    "Ya recibiste el alta. Tu plan de cuidado posterior dice qué sigue; tu plan de seguridad y el 988 siguen aquí para ti.",
  myAftercarePlan: "Mi plan de cuidado posterior",
  mySafetyPlan: "Mi plan de seguridad",
  notEnrolled: "Todavía no estás inscrito en un programa.",
  notEnrolledHint:
    "Tu equipo de atención te inscribirá. Cuando lo haga, aquí verás los horarios de tu grupo y tus facilitadores.",
  crisis: {
    title: "Si necesitas ayuda ahora",
    text: "La {{name}} atiende a cualquier hora, de día o de noche. Es gratis y confidencial.",
    emergency: "Si estás en peligro inmediato, llama al 911.",
  },
};
