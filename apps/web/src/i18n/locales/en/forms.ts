/**
 * What shared form pieces say when a form cannot be sent, in the reader's language (the server
 * and the domain schemas word their messages in English). English is the source: the Spanish
 * file must have exactly these keys.
 */
export const forms = {
  checkFields: "Check the fields marked below.",
  checkField: "Check this field.",
  noPermission: "{{reason}} You may not have permission to make this change.",
};
