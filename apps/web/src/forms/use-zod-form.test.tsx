import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FormAlert } from "./fields";
import type { FormProblem } from "./form-problem";
import { checkedSchema, keepMessage, useZodForm } from "./use-zod-form";

type Values = { note: string };

/** Blank says only a summary; "bad" marks the field; anything else is sent. */
function check(values: Values): { ok: true; input: Values } | { ok: false; problem: FormProblem } {
  if (values.note === "") {
    return { ok: false, problem: { message: "Nothing has changed yet.", fields: {} } };
  }
  if (values.note === "bad") {
    return { ok: false, problem: { message: "unused", fields: { note: "Not like that." } } };
  }
  return { ok: true, input: values };
}

function NoteForm({ onValid }: { onValid: (values: Values) => void }) {
  const form = useZodForm({
    schema: checkedSchema(check),
    defaultValues: { note: "" },
    translate: keepMessage,
  });
  return (
    <form noValidate onSubmit={form.submitWith(onValid)}>
      <FormAlert problem={form.problem} />
      <input aria-label="Note" {...form.register("note")} />
      {form.error("note") && <p>{form.error("note")}</p>}
      <button type="submit">Save</button>
    </form>
  );
}

describe("checkedSchema with useZodForm", () => {
  it("says a problem of no field at the top, marks a field's under it, and sends what passes", async () => {
    const onValid = vi.fn();
    const user = userEvent.setup();
    render(<NoteForm onValid={onValid} />);

    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Nothing has changed yet.")).toBeTruthy();
    expect(onValid).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Note"), "bad");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Not like that.")).toBeTruthy();
    expect(screen.getByText("Check the fields marked below.")).toBeTruthy();
    expect(screen.queryByText("Nothing has changed yet.")).toBeNull();

    await user.type(screen.getByLabelText("Note"), "ger");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onValid).toHaveBeenCalledWith({ note: "badger" });
    expect(screen.queryByText("Not like that.")).toBeNull();
    expect(screen.queryByText("Check the fields marked below.")).toBeNull();
  });
});
