import {
  EmailSchema,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PersonNameSchema,
  TimeZoneSchema,
} from "@bridgeway/domain";
import { z } from "zod";
import { hashPassword } from "../auth/password";
import type { ClinicRepository } from "./clinic-repository";

export const CreateClinicInputSchema = z.strictObject({
  clinicName: z
    .string({ error: "Give the clinic's name." })
    .trim()
    .min(1, { error: "Give the clinic's name." })
    .max(120, { error: "Keep the clinic's name under 120 characters." }),
  timeZone: TimeZoneSchema,
  adminEmail: EmailSchema,
  adminFirstName: PersonNameSchema,
  adminLastName: PersonNameSchema,
  password: z
    .string({ error: "Give the admin's password." })
    .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(MAX_PASSWORD_LENGTH, { error: "That password is too long." }),
});
export type CreateClinicInput = z.infer<typeof CreateClinicInputSchema>;

export class CreateClinicError extends Error {
  override name = "CreateClinicError";
}

/**
 * Creates a clinic and its first admin in one transaction: how a production database, which is
 * never seeded with the demo clinic, gets its first sign-in. Everything else (programs, cohorts,
 * clinicians, participants) the admin then sets up in the app.
 */
export async function createClinic(
  clinics: ClinicRepository,
  input: CreateClinicInput,
): Promise<{ organizationId: string; adminUserId: string }> {
  const passwordHash = await hashPassword(input.password);
  const created = await clinics.createWithAdmin({
    clinicName: input.clinicName,
    timeZone: input.timeZone,
    admin: {
      email: input.adminEmail,
      firstName: input.adminFirstName,
      lastName: input.adminLastName,
      passwordHash,
      // Whoever runs this command chooses the first admin's password: their own.
      passwordSetAt: new Date(),
    },
  });
  if (!created) throw new CreateClinicError(`${input.adminEmail} already has an account.`);
  return created;
}
