/**
 * The shape a translation of an English catalogue must have: the same keys, nested the same way,
 * every value a string. A missing key or an extra one is a type error in the translation file.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

/** Every string of a catalogue, for checks that compare what a page shows with the catalogues. */
export function catalogueStrings(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((value: unknown) =>
    typeof value === "string"
      ? [value]
      : typeof value === "object" && value !== null
        ? catalogueStrings(value)
        : [],
  );
}
