import { z } from "zod";
import { parseInput } from "./validate";

const IdParamsSchema = z.object({ id: z.uuid({ error: "Not a valid id." }) });

/** The `:id` route parameter, refused with 400 naming `id` when it cannot be an id. */
export function idParam(params: unknown): string {
  return parseInput(IdParamsSchema, params, "params").id;
}
