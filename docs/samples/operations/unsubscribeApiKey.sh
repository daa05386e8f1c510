# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
# Signed exactly as sent: percent-encode the ID
# if it needs it.
API_KEY_ID="*****vg079"
URI="/api/v1/api-keys/$API_KEY_ID/unsubscribe"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    POST "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# 200 with no body, so print the status. Not idempotent:
# NCP does not say what a second unsubscribe answers.
curl -sS -X POST "$HOST$URI" \
  --header 'Content-Type: application/json' \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --data '{"productId": "*****xn0bk"}' \
  --write-out '\nHTTP %{http_code}\n'
