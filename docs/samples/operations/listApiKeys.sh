# NCP signature v2: Base64(HMAC-SHA256(secret key,
#   "METHOD pathWithQuery\ntimestamp\naccess key")).
ACCESS_KEY="$NCLOUD_ACCESS_KEY_ID"
SECRET_KEY="$NCLOUD_SECRET_ACCESS_KEY"
# gov: https://apigateway.apigw.gov-ntruss.com
HOST="https://apigateway.apigw.ntruss.com"
# The query is signed exactly as sent: percent-encode each
# value first (a space is %20). NCP does not say whether
# apiKeyName matches exactly.
QUERY="offset=0&limit=20&apiKeyName=ci-bot"
URI="/api/v1/api-keys?$QUERY"
TIMESTAMP="$(($(date +%s) * 1000))" # milliseconds
SIGNATURE="$(printf '%s %s\n%s\n%s' \
    GET "$URI" "$TIMESTAMP" "$ACCESS_KEY" |
  openssl dgst -sha256 -hmac "$SECRET_KEY" -binary |
  base64)"

# The items carry no key values: get a key to read them.
curl -sS -X GET "$HOST$URI" \
  --header "x-ncp-apigw-timestamp: $TIMESTAMP" \
  --header "x-ncp-iam-access-key: $ACCESS_KEY" \
  --header "x-ncp-apigw-signature-v2: $SIGNATURE"
