# The first worked example, in a shell. Prints
# mOCDC9rpTaXIZVq1R67AhW5mwkBmY5VNV085/6K9zgk=
ACCESS_KEY=NCPEXAMPLEACCESSKEY1
SECRET_KEY=NCPEXAMPLESECRETKEY000000000000000000001
printf '%s %s\n%s\n%s' GET /api/v1/api-keys/cvcohvd2xj 1715065692000 \
  "$ACCESS_KEY" | openssl dgst -sha256 -hmac "$SECRET_KEY" -binary | base64
