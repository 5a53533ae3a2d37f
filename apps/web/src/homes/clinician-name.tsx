import { credentialLabel, type CredentialKind } from "@bridgeway/domain";
import { credentialShort } from "../format/format";

/** "Dana Whitfield, LCSW", with the credential spelled out for those who ask. */
export function ClinicianName({
  displayName,
  credential,
}: {
  displayName: string;
  credential: CredentialKind;
}) {
  return (
    <>
      {displayName}, <abbr title={credentialLabel(credential)}>{credentialShort(credential)}</abbr>
    </>
  );
}
