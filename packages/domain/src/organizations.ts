import { z } from "zod";
import { TimeZoneSchema } from "./dates";

export const OrganizationSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(200),
  timeZone: TimeZoneSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const ProgramSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(""),
});
export type Program = z.infer<typeof ProgramSchema>;
