# The worked example, in a shell: prints mOCDC9rpTaXIZVq1R67AhW5mwkBmY5VNV085/6K9zgk=
printf '%s %s\n%s\n%s' GET /api/v1/api-keys/cvcohvd2xj 1715065692000 NCPEXAMPLEACCESSKEY1 |
  openssl dgst -sha256 -hmac NCPEXAMPLESECRETKEY000000000000000000001 -binary | base64
