# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
# Signed exactly as sent: percent-encode the ID
# if it needs it.
API_KEY_ID="cvcohvd2xj"
URI="/api/v1/api-keys/$API_KEY_ID"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    DELETE "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# 204 No Content has no body, so print the status. Once
# the key is gone, a repeat answers 404: after a lost
# answer, a 404 means it was deleted.
curl -sS -X DELETE "$HOST$URI" \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --write-out '\nHTTP %{http_code}\n'
