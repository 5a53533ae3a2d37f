import type { Translation } from "../../catalogue";
import type { sessions as en } from "../en/sessions";

export const sessions: Translation<typeof en> = {
  kinds: {
    GROUP_THERAPY: "Terapia de grupo",
    SKILLS_GROUP: "Grupo de habilidades",
    PSYCHOEDUCATION: "Psicoeducación",
    INDIVIDUAL: "Terapia individual",
    FAMILY: "Terapia familiar",
    MULTI_FAMILY: "Grupo multifamiliar",
    MEDICATION_MANAGEMENT: "Manejo de medicamentos",
  },
  credentials: {
    LPC: "Consejero profesional con licencia (LPC)",
    LCSW: "Trabajador social clínico con licencia (LCSW)",
    LMFT: "Terapeuta matrimonial y familiar con licencia (LMFT)",
    PSYD: "Doctor en Psicología (PsyD)",
    MD: "Médico (MD)",
    NP: "Enfermero especializado (NP)",
    RN: "Enfermero titulado (RN)",
  },
  cancelled: "Cancelada",
  rescheduled: "Reprogramada",
  with: "Con {{name}}",
  ledBy: "Dirigida por <lead />",
  reason: "Motivo: {{reason}}",
  noReason: "No se indicó el motivo.",
  inZone: "En {{zone}}:",
  kindAt: "{{kind}} a las {{time}}",
  kindAtOn: "{{kind}} a las {{time}} el {{day}}",
  joinOpensAt: "Puedes entrar a partir de las {{time}}",
  details: "Detalles",
  detailsOf: "de {{session}}",
  join: "Entrar",
  ended: "Terminó",
};
