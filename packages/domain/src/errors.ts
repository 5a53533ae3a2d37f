import { z } from "zod";

/** Machine-readable error codes the API answers with; the web app maps them to next steps. */
export const API_ERROR_CODES = [
  "invalid_input",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthenticated",
  "invalid_credentials",
  "session_expired",
  "mfa_required",
  "mfa_enrolment_required",
  "reauthentication_required",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "service_unavailable",
  "internal",
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** Every error body: `{"error":{"code","message","fields"?}}`; `fields` names invalid input. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
