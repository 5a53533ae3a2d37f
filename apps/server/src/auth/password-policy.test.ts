import { describe, expect, it } from "vitest";
import { DomainError } from "@bridgeway/domain";
import { passwordProblem, requireAcceptablePassword } from "./password-policy";

describe("password policy", () => {
  it("accepts a long password that is on no list", () => {
    expect(passwordProblem("tangerine-otter-lamp-91")).toBeNull();
  });

  it("refuses a password shorter than twelve characters", () => {
    expect(passwordProblem("Xq7!vL2#pW")).toMatch(/at least 12/);
  });

  it("refuses passwords from the shipped list of breached passwords, whatever their case", () => {
    for (const breached of ["password1234", "QWERTYUIOP123", "123456789012", "1qaz2wsx3edc"]) {
      expect(passwordProblem(breached), breached).toMatch(/too common/);
    }
  });

  it("refuses a listed word hidden behind digits and symbols or repeated", () => {
    expect(passwordProblem("iloveyou2024!!")).toMatch(/too common/);
    expect(passwordProblem("passwordpassword")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/too common/);
  });

  it("refuses the person's own email address", () => {
    expect(passwordProblem("noa.levi@riverbend.example", "noa.levi@riverbend.example")).toMatch(
      /email/,
    );
  });

  it("names the field when it refuses", () => {
    let thrown: unknown;
    try {
      requireAcceptablePassword("password1234", "newPassword");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: "invalid_input" });
    expect(Object.keys((thrown as DomainError).fields ?? {})).toEqual(["newPassword"]);
  });
});
