import "i18next";
import type { en } from "./resources";

// Typed keys: `t("nav.home")` in a namespace that has no such key is a type error.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en;
  }
}
