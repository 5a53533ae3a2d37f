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
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatCalendarDate } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  problemFromError,
  problemFromZod,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
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
  const [values, setValues] = useState<NewFacilitator>(empty);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const add = useMutation({
    mutationFn: (input: CreateFacilitatorInput) => peopleApi.createFacilitator(input),
    onSuccess: async (added) => {
      await queryClient.invalidateQueries({ queryKey: [PEOPLE_KEY] });
      setValues(empty);
      onAdded(added);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function set<K extends keyof NewFacilitator>(name: K, value: NewFacilitator[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = CreateFacilitatorInputSchema.safeParse({
      ...values,
      timeZone: values.timeZone.trim(),
    });
    if (!parsed.success) {
      const problem = problemFromZod(parsed.error);
      setProblem({ ...problem, fields: { ...problem.fields, ...blankMessages(values) } });
      return;
    }
    setProblem(null);
    add.mutate(parsed.data);
  }

  const error = (name: string) => problem?.fields[name];
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={add.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, NEW_FIELDS)} />
      <NameFields values={values} onChange={set} error={error} />
      <EmailField
        value={values.email}
        onChange={(email) => set("email", email)}
        error={error("email")}
      />
      <TimeZoneField
        value={values.timeZone}
        onChange={(zone) => set("timeZone", zone)}
        error={error("timeZone")}
      />
      <CredentialSelect
        value={values.credential}
        onChange={(credential) => set("credential", credential)}
        error={error("credential")}
      />
      <div className="field-pair">
        <LicenseStateSelect
          value={values.licenseState}
          onChange={(state) => set("licenseState", state)}
          error={error("licenseState")}
        />
        <Field
          label="License expires on"
          error={error("licenseExpiresOn")}
          warning={expiredLicenseWarning(values.licenseExpiresOn, today)}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.licenseExpiresOn}
              onChange={(event) => set("licenseExpiresOn", event.target.value)}
            />
          )}
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
  const [credential, setCredential] = useState<CredentialKind>(facilitator.credential);
  const [licenseState, setLicenseState] = useState<LicenseState>(facilitator.licenseState);
  const [licenseExpiresOn, setExpiry] = useState(facilitator.licenseExpiresOn);
  const [problem, setProblem] = useState<FormProblem | null>(null);
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
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const changed: Record<string, string> = {};
    if (credential !== facilitator.credential) changed.credential = credential;
    if (licenseState !== facilitator.licenseState) changed.licenseState = licenseState;
    if (licenseExpiresOn !== facilitator.licenseExpiresOn)
      changed.licenseExpiresOn = licenseExpiresOn;
    if (Object.keys(changed).length === 0) {
      setProblem({ message: "Nothing has changed yet.", fields: {} });
      return;
    }
    const parsed = UpdateFacilitatorInputSchema.safeParse(changed);
    if (!parsed.success) {
      setProblem(problemFromZod(parsed.error));
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  }

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
          value={credential}
          onChange={setCredential}
          error={problem?.fields.credential}
        />
        <div className="field-pair">
          <LicenseStateSelect
            value={licenseState}
            onChange={setLicenseState}
            error={problem?.fields.licenseState}
          />
          <Field label="License expires on" error={problem?.fields.licenseExpiresOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={licenseExpiresOn}
                onChange={(event) => setExpiry(event.target.value)}
              />
            )}
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
