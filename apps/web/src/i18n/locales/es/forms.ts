import type { Translation } from "../../catalogue";
import type { forms as en } from "../en/forms";

export const forms: Translation<typeof en> = {
  checkFields: "Revisa los campos marcados abajo.",
  checkField: "Revisa este campo.",
  noPermission: "{{reason}} Es posible que no tengas permiso para hacer este cambio.",
};
