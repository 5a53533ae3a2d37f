import { CreateParticipantInputSchema, type CreateParticipantInput } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { Link } from "react-router";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { EmailField, NameFields } from "../forms/person-fields";
import { TimeZoneField } from "../forms/time-zone-field";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { HiddenContext } from "../shell/hidden-context";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { AccountActions, AccountStatusBadge } from "../account/account-actions";
import { PEOPLE_KEY, useParticipants } from "./use-people";

type NewParticipant = {
  email: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  timeZone: string;
};

const FIELDS = ["email", "firstName", "lastName", "preferredName", "timeZone"];

/** The form's text, read into the request: no preferred name when left empty. */
const NewParticipantSchema = z
  .object({
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    preferredName: z.string(),
    timeZone: z.string(),
  })
  .transform(({ preferredName, ...rest }) => ({
    ...rest,
    timeZone: rest.timeZone.trim(),
    ...(preferredName.trim() === "" ? {} : { preferredName }),
  }))
  .pipe(CreateParticipantInputSchema);

function AddParticipantForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { user } = useSignedIn();
  const { peopleApi, queryClient } = useServices();
  const empty: NewParticipant = {
    email: "",
    firstName: "",
    lastName: "",
    preferredName: "",
    timeZone: user.timeZone,
  };
  const form = useZodForm({ schema: NewParticipantSchema, defaultValues: empty });
  const { problem } = form;
  const values = form.watch();
  const add = useMutation({
    mutationFn: (input: CreateParticipantInput) => peopleApi.createParticipant(input),
    onSuccess: async (added) => {
      await queryClient.invalidateQueries({ queryKey: [PEOPLE_KEY] });
      await queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.home] });
      form.reset(empty);
      onAdded(
        `${added.displayName} is added. Invitation sent to ${added.email}: they choose their own password from the link. Enroll them in a cohort from the cohort's page.`,
      );
    },
    onError: (error) => form.fail(error),
  });

  // Names and time zone are shared, controlled fields: they write through the form.
  function set(name: keyof NewParticipant, value: string) {
    form.setValue(name, value);
  }

  const onSubmit = form.submitWith((input) => {
    if (!add.isPending) add.mutate(input);
  });

  const error = form.error;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, FIELDS)} />
      <NameFields values={values} onChange={set} error={error} />
      <Field
        label="Preferred name (optional)"
        hint="What the care team and the group call them."
        error={error("preferredName")}
      >
        {(control) => (
          <input {...control} type="text" autoComplete="off" {...form.register("preferredName")} />
        )}
      </Field>
      <EmailField registration={form.register("email")} error={error("email")} />
      <TimeZoneField
        label="Their time zone"
        value={values.timeZone}
        onChange={(zone) => set("timeZone", zone)}
        error={error("timeZone")}
      />
      <p className="hint">
        We email them a link to choose their own password. No one else, you included, ever knows it.
      </p>
      <div className="actions">
        <SubmitButton pending={add.isPending} pendingLabel="Adding participant…">
          Add participant
        </SubmitButton>
      </div>
    </form>
  );
}

/** The clinic's participants, where each is now, and adding someone new. */
export function ParticipantsPage() {
  const { user } = useSignedIn();
  const isAdmin = user.role === "ADMIN";
  const query = useParticipants();
  const captionId = useId();
  const addHeadingId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeading>Participants</PageHeading>
      <div className="stack">
        <div role="status" className="status-slot">
          {notice !== null && <p className="notice">{notice}</p>}
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading participants…"
          errorTitle="We couldn't load the participants"
        >
          {(participants) =>
            participants.length === 0 ? (
              <EmptyState title="No participants yet.">
                <p>Add participants here, then enroll them in a cohort.</p>
              </EmptyState>
            ) : (
              <TableScroll labelledBy={captionId}>
                <table className="table">
                  <caption id={captionId}>Participants in the clinic</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Time zone</th>
                      <th scope="col">Current cohort</th>
                      <th scope="col">Family</th>
                      {isAdmin && <th scope="col">Account</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {participants.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{p.displayName}</th>
                        <td>{p.email}</td>
                        <td>{formatTimeZone(p.timeZone)}</td>
                        <td>
                          {p.activeCohort ? (
                            <Link to={`/cohorts/${p.activeCohort.id}`}>{p.activeCohort.name}</Link>
                          ) : (
                            <span className="muted">Not enrolled</span>
                          )}
                        </td>
                        <td>
                          <Link to={`/participants/${p.id}/family`}>
                            Family<HiddenContext>{`of ${p.displayName}`}</HiddenContext>
                          </Link>
                        </td>
                        {isAdmin && (
                          <td>
                            <AccountStatusBadge status={p.status} />{" "}
                            <AccountActions person={p} onDone={setNotice} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </QueryView>
        <section className="card" aria-labelledby={addHeadingId}>
          <h2 id={addHeadingId} className="card__title">
            Add participant
          </h2>
          <AddParticipantForm onAdded={setNotice} />
        </section>
      </div>
    </>
  );
}
