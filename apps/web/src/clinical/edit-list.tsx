import { useCallback, useEffect, useId, useRef, type ReactNode } from "react";
import { HiddenContext } from "../shell/hidden-context";

/**
 * After adding a row its first field takes focus; after removing one, the Add button does.
 * Returns the ids to use and a way to ask for that focus once the rows have re-rendered.
 */
export function useRowFocus() {
  const base = useId();
  const target = useRef<string | null>(null);
  // After every render: the change that asked for focus has re-rendered the rows by then.
  useEffect(() => {
    if (target.current === null) return;
    document.getElementById(target.current)?.focus();
    target.current = null;
  });
  const focus = useCallback((id: string) => {
    target.current = id;
  }, []);
  return { base, focus };
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
  const { base, focus } = useRowFocus();
  const hintId = useId();
  const listErrorId = useId();
  const listError = fields[name];
  const label = (index: number) => `${capitalise(one)} ${index + 1}`;
  const addId = `${base}-add`;
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
            const id = `${base}-${index}`;
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
                  onChange={(event) =>
                    onChange(items.map((t, i) => (i === index ? event.target.value : t)))
                  }
                />
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    onChange(items.filter((_, i) => i !== index));
                    focus(addId);
                  }}
                >
                  Remove<HiddenContext>{label(index).toLowerCase()}</HiddenContext>
                </button>
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
      <div>
        <button
          id={addId}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onChange([...items, ""]);
            focus(`${base}-${items.length}`);
          }}
        >
          Add {article(one)} {one}
        </button>
      </div>
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
