import type { Translation } from "../../catalogue";
import type { crisisSupport as en } from "../en/crisis-support";

export const crisisSupport: Translation<typeof en> = {
  title: "No tienes que pasar por esto a solas",
  lead: "Si estás pensando en hacerte daño, no tienes que esperar: llama al 988 y marca 2, o envía AYUDA por mensaje de texto al 988 ahora.",
  free: "La {{name}} es gratuita, confidencial y atiende de día y de noche.",
  safetyPlan: "Abrir tu plan de seguridad",
  note: "Lo que escribiste se compartió como siempre. Si estás en peligro inmediato, llama al 911.",
  close: "Cerrar este mensaje",
};
