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
    PUT "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# isEnabled and apiKeyName are both required: send the
# current name to change only the state.
curl -sS -X PUT "$HOST$URI" \
  --header 'Content-Type: application/json' \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --data '{
    "apiKeyName": "ci-bot",
    "apiKeyDescription": "Paused",
    "isEnabled": false
  }'
