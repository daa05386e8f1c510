# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
URI="/api/v1/api-keys"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    POST "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# Not idempotent: sending it twice creates two keys.
curl -sS -X POST "$HOST$URI" \
  --header 'Content-Type: application/json' \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --data '{
    "apiKeyName": "ci-bot",
    "apiKeyDescription": "Deploys from CI"
  }'
