# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
# Signed exactly as sent: percent-encode the IDs
# if they need it.
PRODUCT_ID="***ksk9***"
API_KEY_ID="***fmy2***"
STAGE_ID="***5ei7***"
URI="/api/v1/products/$PRODUCT_ID/api-keys/$API_KEY_ID"
URI="$URI/stages/$STAGE_ID"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    PUT "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# One of the usage plans associated with the stage. 204
# No Content has no body, so print the status.
curl -sS -X PUT "$HOST$URI" \
  --header 'Content-Type: application/json' \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE" \
  --data '{"usagePlanId": "***9rpm***"}' \
  --write-out '\nHTTP %{http_code}\n'
