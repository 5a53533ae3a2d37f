import { useCallback, useEffect, useId, useRef, type ReactNode } from "react";
import { HiddenContext } from "../shell/hidden-context";

/**
 * After adding a row its first field takes focus; after removing one, the Add button does.
 * Returns the ids to use and a way to ask for that focus once the rows have re-rendered.
 */
export function useRowFocus({ firstField = false }: { firstField?: boolean } = {}) {
  const base = useId();
  const target = useRef<string | null>(null);
  // After every render: the change that asked for focus has re-rendered the rows by then.
  useEffect(() => {
    if (target.current === null) return;
    const element = document.getElementById(target.current);
    // A row of several fields: the person adding it wants to type in its first field.
    const field = firstField
      ? element?.querySelector<HTMLElement>("input, select, textarea")
      : null;
    (field ?? element)?.focus();
    target.current = null;
  });
  const focus = useCallback((id: string) => {
    target.current = id;
  }, []);
  return { base, focus };
}

/**
 * Adding, changing and removing rows of a list, with the focus movement of `useRowFocus`:
 * row `index` carries the id `rowId(index)` and the Add button `addId`.
 */
export function useEditableRows<T>(
  items: readonly T[],
  onChange: (items: T[]) => void,
  options: { firstField?: boolean } = {},
) {
  const { base, focus } = useRowFocus(options);
  const addId = `${base}-add`;
  const rowId = (index: number) => `${base}-${index}`;
  return {
    addId,
    rowId,
    update: (index: number, next: T) => onChange(items.map((x, i) => (i === index ? next : x))),
    remove: (index: number) => {
      onChange(items.filter((_, i) => i !== index));
      focus(addId);
    },
    add: (item: T) => {
      onChange([...items, item]);
      focus(rowId(items.length));
    },
  };
}

/** The button under a list that adds a row to it. */
export function AddRowButton({
  id,
  onClick,
  children,
}: {
  id: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <div>
      <button
        id={id}
        type="button"
        className="button button--secondary button--small"
        onClick={onClick}
      >
        {children}
      </button>
    </div>
  );
}

/** The button in a row that removes it. */
export function RemoveRowButton({
  className,
  onClick,
  children,
}: {
  /** Added to the button's usual classes. */
  className?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`button button--quiet button--small${className ? ` ${className}` : ""}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * Numbered rows of several fields each (follow-ups, objectives): a title, the row's fields (the
 * first takes focus when the row is added), its Remove button; then the Add button.
 */
export function EditableRows<T>({
  items,
  onChange,
  newItem,
  title,
  removeLabel,
  addLabel,
  listWhenEmpty = false,
  children,
}: {
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  /** The row's title, "Objective 2". */
  title: (index: number) => ReactNode;
  removeLabel: (index: number) => ReactNode;
  addLabel: ReactNode;
  /** Keep the (empty) list element when there are no rows. */
  listWhenEmpty?: boolean;
  /** The fields of one row; `set` changes some of its values. */
  children: (item: T, index: number, set: (change: Partial<T>) => void) => ReactNode;
}) {
  const rows = useEditableRows(items, onChange, { firstField: true });
  return (
    <>
      {(listWhenEmpty || items.length > 0) && (
        <ol className="plan-edit__rows">
          {items.map((item, index) => (
            <li key={index} id={rows.rowId(index)} className="plan-edit__objective">
              <div className="plan-edit__row-title">{title(index)}</div>
              {children(item, index, (change) => rows.update(index, { ...item, ...change }))}
              <div>
                <RemoveRowButton onClick={() => rows.remove(index)}>
                  {removeLabel(index)}
                </RemoveRowButton>
              </div>
            </li>
          ))}
        </ol>
      )}
      <AddRowButton id={rows.addId} onClick={() => rows.add(newItem())}>
        {addLabel}
      </AddRowButton>
    </>
  );
}

/**
 * A list of one-line entries (warning signs, interventions, resources) to add to, edit and
 * remove from, in a fieldset. Errors are keyed by the API's names: `${name}` for the list,
 * `${name}.${index}` for one entry.
 */
export function TextListField({
  legend,
  hint,
  one,
  name,
  items,
  fields,
  onChange,
  maxLength = 500,
}: {
  legend: string;
  hint?: ReactNode;
  /** What one entry is called: "warning sign" gives "Warning sign 1" and "Add a warning sign". */
  one: string;
  /** The API name of the list, for its errors. */
  name: string;
  items: readonly string[];
  fields: Readonly<Record<string, string>>;
  onChange: (items: string[]) => void;
  maxLength?: number;
}) {
  const rows = useEditableRows(items, onChange);
  const hintId = useId();
  const listErrorId = useId();
  const listError = fields[name];
  const label = (index: number) => `${capitalise(one)} ${index + 1}`;
  return (
    <fieldset
      className="field-group edit-list"
      aria-describedby={
        [hint !== undefined && hintId, listError !== undefined && listErrorId]
          .filter(Boolean)
          .join(" ") || undefined
      }
      aria-invalid={listError ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {listError !== undefined && (
        <p id={listErrorId} className="field__error">
          {listError}
        </p>
      )}
      {items.length > 0 && (
        <ul className="edit-list__rows">
          {items.map((text, index) => {
            const id = rows.rowId(index);
            const error = fields[`${name}.${index}`];
            return (
              <li key={index} className="edit-list__row">
                <label className="visually-hidden" htmlFor={id}>
                  {label(index)}
                </label>
                <input
                  id={id}
                  className="field__input"
                  value={text}
                  maxLength={maxLength}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => rows.update(index, event.target.value)}
                />
                <RemoveRowButton onClick={() => rows.remove(index)}>
                  Remove<HiddenContext>{label(index).toLowerCase()}</HiddenContext>
                </RemoveRowButton>
                {error && (
                  <p id={`${id}-error`} className="field__error edit-list__error">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <AddRowButton id={rows.addId} onClick={() => rows.add("")}>
        Add {article(one)} {one}
      </AddRowButton>
    </fieldset>
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a" or "an", for "Add a step" and "Add an intervention". */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
