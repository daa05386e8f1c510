# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
# Signed exactly as sent: percent-encode the ID
# if it needs it.
PRODUCT_ID="***ksk9***"
URI="/api/v1/products/$PRODUCT_ID/api-keys/search"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    POST "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# Only reads, though sent with POST: safe to send again.
# The answer holds key values: keep it out of logs.
curl -sS -X POST "$HOST$URI" \
  --header 'Content-Type: application/json' \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --data '{"limit": 1, "statusSet": ["ACCEPTED"]}'
