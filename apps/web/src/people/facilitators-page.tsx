import {
  CREDENTIAL_KINDS,
  credentialLabel,
  CreateFacilitatorInputSchema,
  LICENSE_STATES,
  UpdateFacilitatorInputSchema,
  type CreateFacilitatorInput,
  type CredentialKind,
  type FacilitatorListItem,
  type LicenseState,
  type UpdateFacilitatorInput,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatCalendarDate } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromZod, unplacedFields, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { EmailField, NameFields } from "../forms/person-fields";
import { TimeZoneField } from "../forms/time-zone-field";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { useNow } from "../sessions/use-now";
import { todayIn } from "../time/zoned-time";
import { expiredLicenseWarning, licenseStanding } from "./facilitator-labels";
import { PEOPLE_KEY, useFacilitators } from "./use-people";
import { HiddenContext } from "../shell/hidden-context";
import { AccountActions, AccountStatusBadge } from "../account/account-actions";

function CredentialSelect({
  value,
  onChange,
  error,
}: {
  value: CredentialKind | "";
  onChange: (value: CredentialKind) => void;
  error?: string;
}) {
  return (
    <Field label="Credential" error={error}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as CredentialKind)}
        >
          {value === "" && <option value="">Choose a credential</option>}
          {CREDENTIAL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {credentialLabel(kind)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function LicenseStateSelect({
  value,
  onChange,
  error,
}: {
  value: LicenseState | "";
  onChange: (value: LicenseState) => void;
  error?: string;
}) {
  return (
    <Field label="License state" error={error}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as LicenseState)}
        >
          {value === "" && <option value="">Choose a state</option>}
          {LICENSE_STATES.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type NewFacilitator = {
  email: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  credential: CredentialKind | "";
  licenseState: LicenseState | "";
  licenseExpiresOn: string;
};

const NEW_FIELDS = [
  "email",
  "firstName",
  "lastName",
  "timeZone",
  "credential",
  "licenseState",
  "licenseExpiresOn",
];

/** The form's values, read into the request: the time zone as typed, without spaces around it. */
const NewFacilitatorSchema = z
  .object({
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    timeZone: z.string(),
    credential: z.union([z.enum(CREDENTIAL_KINDS), z.literal("")]),
    licenseState: z.union([z.enum(LICENSE_STATES), z.literal("")]),
    licenseExpiresOn: z.string(),
  })
  .transform((values) => ({ ...values, timeZone: values.timeZone.trim() }))
  .pipe(CreateFacilitatorInputSchema);

/** Plain words for selects and dates left empty, where the schema talks about formats. */
function blankMessages(values: NewFacilitator): Record<string, string> {
  const fields: Record<string, string> = {};
  if (values.credential === "") fields.credential = "Choose a credential.";
  if (values.licenseState === "") fields.licenseState = "Choose the state of the license.";
  if (values.licenseExpiresOn === "") fields.licenseExpiresOn = "Enter the license expiry date.";
  return fields;
}

function AddFacilitatorForm({ onAdded }: { onAdded: (added: FacilitatorListItem) => void }) {
  const { user } = useSignedIn();
  const today = todayIn(user.timeZone, new Date());
  const { peopleApi, queryClient } = useServices();
  const empty: NewFacilitator = {
    email: "",
    firstName: "",
    lastName: "",
    timeZone: user.timeZone,
    credential: "",
    licenseState: "",
    licenseExpiresOn: "",
  };
  const form = useZodForm({
    schema: NewFacilitatorSchema,
    defaultValues: empty,
    check: blankMessages,
  });
  const { problem } = form;
  const values = form.watch();
  const add = useMutation({
    mutationFn: (input: CreateFacilitatorInput) => peopleApi.createFacilitator(input),
    onSuccess: async (added) => {
      await queryClient.invalidateQueries({ queryKey: [PEOPLE_KEY] });
      form.reset(empty);
      onAdded(added);
    },
    onError: (error) => form.fail(error),
  });

  // Names and time zone are shared, controlled fields: they write through the form.
  function set(name: "firstName" | "lastName" | "timeZone", value: string) {
    form.setValue(name, value);
  }

  const onSubmit = form.submitWith((input) => {
    if (!add.isPending) add.mutate(input);
  });

  const error = form.error;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, NEW_FIELDS)} />
      <NameFields values={values} onChange={set} error={error} />
      <EmailField registration={form.register("email")} error={error("email")} />
      <TimeZoneField
        value={values.timeZone}
        onChange={(zone) => set("timeZone", zone)}
        error={error("timeZone")}
      />
      <CredentialSelect
        value={values.credential}
        onChange={(credential) => form.setValue("credential", credential)}
        error={error("credential")}
      />
      <div className="field-pair">
        <LicenseStateSelect
          value={values.licenseState}
          onChange={(state) => form.setValue("licenseState", state)}
          error={error("licenseState")}
        />
        <Field
          label="License expires on"
          error={error("licenseExpiresOn")}
          warning={expiredLicenseWarning(values.licenseExpiresOn, today)}
        >
          {(control) => <input {...control} type="date" {...form.register("licenseExpiresOn")} />}
        </Field>
      </div>
      <p className="hint">
        We email them a link to choose their own password. No one else, you included, ever knows it.
      </p>
      <div className="actions">
        <SubmitButton pending={add.isPending} pendingLabel="Adding facilitator…">
          Add facilitator
        </SubmitButton>
      </div>
    </form>
  );
}

type LicenseValues = Pick<FacilitatorListItem, "credential" | "licenseState" | "licenseExpiresOn">;

/** Only what changed, checked by the server's rules; nothing changed is said at the top. */
function toUpdateFacilitatorInput(
  facilitator: FacilitatorListItem,
  values: LicenseValues,
): { ok: true; input: UpdateFacilitatorInput } | { ok: false; problem: FormProblem } {
  const changed: Record<string, string> = {};
  if (values.credential !== facilitator.credential) changed.credential = values.credential;
  if (values.licenseState !== facilitator.licenseState) changed.licenseState = values.licenseState;
  if (values.licenseExpiresOn !== facilitator.licenseExpiresOn)
    changed.licenseExpiresOn = values.licenseExpiresOn;
  if (Object.keys(changed).length === 0) {
    return { ok: false, problem: { message: "Nothing has changed yet.", fields: {} } };
  }
  const parsed = UpdateFacilitatorInputSchema.safeParse(changed);
  if (!parsed.success) return { ok: false, problem: problemFromZod(parsed.error) };
  return { ok: true, input: parsed.data };
}

function EditLicenseForm({
  facilitator,
  onDone,
  onClose,
}: {
  facilitator: FacilitatorListItem;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { peopleApi, queryClient } = useServices();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const form = useZodForm({
    schema: checkedSchema((values: LicenseValues) => toUpdateFacilitatorInput(facilitator, values)),
    defaultValues: {
      credential: facilitator.credential,
      licenseState: facilitator.licenseState,
      licenseExpiresOn: facilitator.licenseExpiresOn,
    },
    translate: keepMessage,
  });
  const { problem } = form;
  const values = form.watch();
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (input: UpdateFacilitatorInput) =>
      peopleApi.updateFacilitator(facilitator.id, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: [PEOPLE_KEY] });
      await queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.home] });
      onDone(
        `${saved.displayName}'s license is saved: ${saved.licenseState}, expires ${formatCalendarDate(saved.licenseExpiresOn)}.`,
      );
    },
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 ref={headingRef} id={headingId} className="card__title" tabIndex={-1}>
        Edit license: {facilitator.displayName}
      </h3>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
        <FormAlert
          problem={problem}
          extra={unplacedFields(problem, ["credential", "licenseState", "licenseExpiresOn"])}
        />
        <CredentialSelect
          value={values.credential}
          onChange={(credential) => form.setValue("credential", credential)}
          error={form.error("credential")}
        />
        <div className="field-pair">
          <LicenseStateSelect
            value={values.licenseState}
            onChange={(state) => form.setValue("licenseState", state)}
            error={form.error("licenseState")}
          />
          <Field label="License expires on" error={form.error("licenseExpiresOn")}>
            {(control) => <input {...control} type="date" {...form.register("licenseExpiresOn")} />}
          </Field>
        </div>
        <div className="actions">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save license
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}

const EXPIRY_BADGE = { expired: "badge--danger", soon: "badge--warning", ok: "badge--ok" } as const;

/** The clinic's facilitators with their licenses; admins add them and keep licenses current. */
export function FacilitatorsPage() {
  const { user } = useSignedIn();
  const isAdmin = user.role === "ADMIN";
  const query = useFacilitators();
  const now = useNow();
  const today = todayIn(user.timeZone, now);
  const captionId = useId();
  const addHeadingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeading>Facilitators</PageHeading>
      <div className="stack">
        <div role="status" className="status-slot">
          {notice !== null && <p className="notice">{notice}</p>}
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading facilitators…"
          errorTitle="We couldn't load the facilitators"
        >
          {(facilitators) => {
            const editingFacilitator = facilitators.find((f) => f.id === editing);
            return facilitators.length === 0 ? (
              <EmptyState title="No facilitators yet.">
                <p>Add the clinic&apos;s licensed clinicians so they can lead cohorts.</p>
              </EmptyState>
            ) : (
              <>
                <TableScroll labelledBy={captionId}>
                  <table className="table">
                    <caption id={captionId}>Facilitators and their licenses</caption>
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Email</th>
                        <th scope="col">Credential</th>
                        <th scope="col">License state</th>
                        <th scope="col">License expires</th>
                        {isAdmin && <th scope="col">Account</th>}
                        {isAdmin && <th scope="col">Actions</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {facilitators.map((f) => {
                        const standing = licenseStanding(f.licenseExpiresOn, today);
                        return (
                          <tr key={f.id}>
                            <th scope="row">{f.displayName}</th>
                            <td>{f.email}</td>
                            <td>{credentialLabel(f.credential)}</td>
                            <td>{f.licenseState}</td>
                            <td>
                              {formatCalendarDate(f.licenseExpiresOn)}
                              <span className={`badge ${EXPIRY_BADGE[standing.tone]} cell-badge`}>
                                {standing.tone === "expired" ? "Expired" : standing.text}
                              </span>
                            </td>
                            {isAdmin && (
                              <td>
                                <AccountStatusBadge status={f.status} />
                              </td>
                            )}
                            {isAdmin && (
                              <td>
                                <AccountActions person={f} onDone={setNotice} />
                                <button
                                  type="button"
                                  className="button button--quiet button--small"
                                  aria-expanded={editing === f.id}
                                  onClick={() => {
                                    setNotice(null);
                                    setEditing(editing === f.id ? null : f.id);
                                  }}
                                >
                                  Edit license
                                  <HiddenContext>{`of ${f.displayName}`}</HiddenContext>
                                </button>
                              </td>
                            )}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
                {isAdmin && editingFacilitator && (
                  <EditLicenseForm
                    key={editingFacilitator.id}
                    facilitator={editingFacilitator}
                    onDone={(message) => {
                      setEditing(null);
                      setNotice(message);
                    }}
                    onClose={() => setEditing(null)}
                  />
                )}
              </>
            );
          }}
        </QueryView>
        {isAdmin && (
          <section className="card" aria-labelledby={addHeadingId}>
            <h2 id={addHeadingId} className="card__title">
              Add facilitator
            </h2>
            <AddFacilitatorForm
              onAdded={(added) =>
                setNotice(
                  `${added.displayName} is added as a facilitator. Invitation sent to ${added.email}: they choose their own password from the link.`,
                )
              }
            />
          </section>
        )}
      </div>
    </>
  );
}
