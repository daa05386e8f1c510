# The second worked example, with a query signed exactly as sent. Prints
# 0QNuAtqKSB9Ig0Lg+03vQm0mMotd5/MJk/msivE9WDc=
ACCESS_KEY=NCPEXAMPLEACCESSKEY1
SECRET_KEY=NCPEXAMPLESECRETKEY000000000000000000001
PATH_WITH_QUERY='/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b'
printf '%s %s\n%s\n%s' GET "$PATH_WITH_QUERY" 1715065692000 "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary | base64
